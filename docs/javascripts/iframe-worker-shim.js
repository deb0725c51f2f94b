// Search on a site opened from disk.  Material runs its search in a Web Worker, and browsers
// refuse to start a worker from a file:// URL.  Opened from disk (and only then), this runs the
// worker's script in a hidden iframe of the same origin instead, so search works with no server
// and no network.  Material's worker supports this (it looks for `IFrameWorker` in its parent);
// Material's offline plugin would otherwise load such a shim from a CDN.
(function () {
  "use strict";
  if (location.protocol !== "file:") {
    return;
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.queue = [];
      this.ready = false;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.tabIndex = -1;
      this.frame.setAttribute("aria-hidden", "true");
      document.body.appendChild(this.frame);
      const scope = this.frame.contentWindow;
      // the worker's global postMessage(data) answers the page
      scope.postMessage = (data) => setTimeout(() => this.deliver(data));
      const script = scope.document.createElement("script");
      script.src = new URL(url, location.href).href;
      script.onload = () => {
        this.ready = true;
        this.queue.splice(0).forEach((data) => this.send(data));
      };
      scope.document.head.appendChild(script);
    }

    deliver(data) {
      const event = new MessageEvent("message", {data});
      if (typeof this.onmessage === "function") {
        this.onmessage(event);
      }
      this.dispatchEvent(event);
    }

    send(data) {
      const scope = this.frame.contentWindow;
      scope.dispatchEvent(new scope.MessageEvent("message", {data}));
    }

    postMessage(data) {
      if (this.ready) {
        setTimeout(() => this.send(data));
      } else {
        this.queue.push(data);
      }
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
