// MathJax 3 configuration, read by assets/mathjax/tex-svg-full.js (shipped with the site by docs/hooks.py).
// SVG output: no web fonts, so the formulas render from file:// with the network off.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  svg: {fontCache: "global"},
  options: {
    // Formulas are the arithmatex elements of the pages and the TeX of search results; code,
    // pre, script, style and textarea are skipped (MathJax's default skipHtmlTags).
    ignoreHtmlClass: "tex2jax_ignore",
    processHtmlClass: "arithmatex",
  },
};

// Material's instant navigation replaces the page content without reloading the page.
if (typeof document$ !== "undefined") {
  document$.subscribe(() => {
    if (window.MathJax && window.MathJax.typesetPromise) {
      MathJax.startup.output.clearCache();
      MathJax.typesetClear();
      MathJax.texReset();
      MathJax.typesetPromise();
    }
  });
}

// Search results are built from the pages' text, formulas included as TeX: typeset them as they appear.
(function () {
  const list = document.querySelector(".md-search-result__list");
  if (!list) {
    return;
  }
  new MutationObserver((records) => {
    const added = [];
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          added.push(node);
        }
      }
    }
    if (added.length && window.MathJax && MathJax.typesetPromise) {
      MathJax.typesetPromise(added);
    }
  }).observe(list, {childList: true});
})();
