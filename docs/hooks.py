"""MkDocs hooks: a self-contained site, and pages generated from the code and the notebook.

* **Math without a network.**  MathJax 3 (SVG output, every TeX extension
  preloaded: ``tex-svg-full.js``) is taken from the installed Python package
  ``django-static-mathjax`` (module ``mathjax``; no Django needed, it only
  ships MathJax's files) and copied into the site as
  :data:`MATHJAX_URI`, so the built site renders its formulas opened from
  disk (``file://``) with the network off.  SVG output needs no web fonts.
* **Search from disk.**  Material's ``offline`` plugin stores the search index
  as a script; ``docs/javascripts/iframe-worker-shim.js`` (listed in
  ``extra.polyfills``, so the plugin adds no CDN shim) runs the search worker
  in an iframe where browsers refuse workers from ``file://``.
* **Math in headings.**  The table of contents is built from the plain text
  of the headings, so a heading such as ``## $2! = 2$ minima`` would show
  ``\\(2! = 2\\)`` raw in the sidebar; its formulas are wrapped back into
  ``arithmatex`` spans for MathJax.
* ``<!-- cli-reference -->`` is replaced by the ``--help`` text of every
  ``symbolic-minima`` command (and sub-command), as printed by
  :func:`symbolic_minima.cli.build_parser`;
* ``<!-- notebook: NAME.ipynb -->`` is replaced by the cells of that notebook
  (next to the page), **executed at build time**: Markdown cells as they are,
  code cells as Python blocks, each followed by what it printed and, as in
  Jupyter, the value of its last expression (its ``_repr_latex_`` as a
  formula when it has one).  The site's copy of the notebook carries these
  outputs; the repository's copy stays output-free.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import html
import importlib.util
import io
import json
import os
import re
from pathlib import Path

MARKER = "<!-- cli-reference -->"

#: Where the site serves MathJax (listed in ``extra_javascript`` of ``mkdocs.yml``).
MATHJAX_URI = "assets/mathjax/tex-svg-full.js"


# --------------------------------------------------------------------------------------------
# MathJax, shipped with the site
# --------------------------------------------------------------------------------------------

def mathjax_directory() -> Path:
    """The ``es5`` directory of the MathJax 3 copy installed by ``django-static-mathjax``."""
    spec = importlib.util.find_spec("mathjax")
    if spec is None or spec.origin is None:
        raise FileNotFoundError(
            "MathJax is not installed: the docs need the package django-static-mathjax "
            '(pip install -e ".[docs]"); formulas would otherwise need a network')
    root = Path(spec.origin).parent / "static" / "mathjax"
    es5 = root / "es5"
    if not (es5 / "tex-svg-full.js").is_file():
        raise FileNotFoundError(f"{es5 / 'tex-svg-full.js'} is missing: reinstall django-static-mathjax")
    return es5


def on_files(files, config):  # noqa: D103 - mkdocs hook
    from mkdocs.structure.files import File

    es5 = mathjax_directory()
    for uri, source in ((MATHJAX_URI, es5 / "tex-svg-full.js"),
                        (MATHJAX_URI.rsplit("/", 1)[0] + "/LICENSE", es5.parent / "LICENSE")):
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(source)))
    # the downloadable notebook is the executed one (with its outputs)
    for file in list(files):
        if file.src_uri.endswith(".ipynb"):
            executed = executed_notebook(file.abs_src_path)
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=json.dumps(executed, indent=1) + "\n",
                                        inclusion=file.inclusion))
    return files


# --------------------------------------------------------------------------------------------
# Formulas in headings: wrapped for MathJax in the table of contents
# --------------------------------------------------------------------------------------------

_INLINE_MATH = re.compile(r"\\\((.+?)\\\)")


def math_in_title(title: str) -> str:
    r"""Wrap each ``\(...\)`` of a table-of-contents title in an ``arithmatex`` span.

    >>> math_in_title(r"connects the \(2! = 2\) minima")
    'connects the <span class="arithmatex">\\(2! = 2\\)</span> minima'
    """
    return _INLINE_MATH.sub(lambda m: f'<span class="arithmatex">\\({m.group(1)}\\)</span>', title)


def _wrap_toc(items) -> None:
    for item in items:
        item.title = math_in_title(item.title)
        _wrap_toc(item.children)


def on_page_content(html_text, page, config, files):  # noqa: D103 - mkdocs hook
    _wrap_toc(page.toc)
    return html_text


# --------------------------------------------------------------------------------------------
# The command-line reference
# --------------------------------------------------------------------------------------------

def _subcommands(parser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices
    return {}


def cli_reference() -> str:
    """Markdown: one section per command with its ``--help`` text."""
    from symbolic_minima.cli import build_parser

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        parser = build_parser()
        parts = ["## `symbolic-minima`", "", "```text", parser.format_help().rstrip(), "```", ""]
        for name, sub in _subcommands(parser).items():
            parts += [f"## `symbolic-minima {name}`", "", "```text", sub.format_help().rstrip(), "```", ""]
            for subname, subsub in _subcommands(sub).items():
                parts += [f"### `symbolic-minima {name} {subname}`", "", "```text",
                          subsub.format_help().rstrip(), "```", ""]
    finally:
        if old is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = old
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# The notebook: executed at build time, rendered with its outputs
# --------------------------------------------------------------------------------------------

def display_data(value) -> dict:
    """Jupyter's MIME bundle for a cell's value: ``text/plain``, and ``text/latex`` when the object has one."""
    data = {"text/plain": repr(value)}
    latex = getattr(value, "_repr_latex_", None)
    if callable(latex):
        text = latex()
        if isinstance(text, str) and text.strip():
            data["text/latex"] = text
    return data


def run_cell(source: str, namespace: dict, name: str = "<cell>") -> list[dict]:
    """Execute one code cell as Jupyter does; return its outputs in nbformat 4 form.

    What it prints becomes a ``stream`` output; when the cell ends on an
    expression whose value is not ``None``, that value becomes an
    ``execute_result`` (see :func:`display_data`).
    """
    tree = ast.parse(source, filename=name)
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = ast.Module(body=tree.body[:-1] if last else tree.body, type_ignores=[])
    printed = io.StringIO()
    value = None
    with contextlib.redirect_stdout(printed):
        exec(compile(body, name, "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), name, "eval"), namespace)
    outputs = []
    if printed.getvalue():
        outputs.append({"output_type": "stream", "name": "stdout", "text": printed.getvalue().splitlines(True)})
    if value is not None:
        data = {key: text.splitlines(True) for key, text in display_data(value).items()}
        outputs.append({"output_type": "execute_result", "data": data, "metadata": {}, "execution_count": None})
    return outputs


_EXECUTED: dict = {}


def executed_notebook(path) -> dict:
    """The notebook at ``path`` with every code cell executed in order, outputs filled in (cached per mtime)."""
    path = Path(path)
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key not in _EXECUTED:
        notebook = copy.deepcopy(json.loads(path.read_text(encoding="utf-8")))
        namespace = {"__name__": "__main__"}
        number = 0
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            number += 1
            cell["outputs"] = run_cell("".join(cell["source"]), namespace, f"{path.name} cell {number}")
            cell["execution_count"] = number
            for output in cell["outputs"]:
                if output["output_type"] == "execute_result":
                    output["execution_count"] = number
        _EXECUTED[key] = notebook
    return _EXECUTED[key]


def _fence(text: str, language: str = "text") -> str:
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}{language}\n{text.rstrip()}\n{ticks}"


def latex_block(latex: str) -> str:
    r"""A ``text/latex`` output as a display formula in a raw HTML block (for MathJax).

    >>> latex_block("$x < 1$")
    '<div class="arithmatex notebook-output">\\[x &lt; 1\\]</div>'
    """
    text = latex.strip()
    for open_, close in (("$$", "$$"), ("\\[", "\\]"), ("$", "$"), ("\\(", "\\)")):
        if text.startswith(open_) and text.endswith(close) and len(text) > len(open_) + len(close):
            text = text[len(open_):-len(close)].strip()
            break
    text = re.sub(r"\n\s*\n", "\n", text)  # a blank line would end the HTML block
    return f'<div class="arithmatex notebook-output">\\[{html.escape(text, quote=False)}\\]</div>'


def _output_markdown(output: dict) -> str:
    if output["output_type"] == "stream":
        return _fence("".join(output["text"]))
    data = {key: "".join(value) for key, value in output.get("data", {}).items()}
    if "text/latex" in data:
        return latex_block(data["text/latex"])
    return _fence(data.get("text/plain", ""))


def notebook_markdown(path) -> str:
    """The cells of a notebook as Markdown: code cells fenced as Python, each followed by its outputs."""
    notebook = executed_notebook(path)
    parts = []
    for cell in notebook["cells"]:
        source = "".join(cell["source"]).rstrip()
        if cell["cell_type"] == "markdown":
            parts.append(re.sub(r"^(#+) ", r"#\1 ", source, flags=re.M))  # below the page title
        elif cell["cell_type"] == "code":
            parts.append(_fence(source, "python"))
            parts.extend(_output_markdown(output) for output in cell.get("outputs", []))
    return "\n\n".join(parts) + "\n"


_NOTEBOOK = re.compile(r"<!-- notebook: ([\w./-]+\.ipynb) -->")


def on_page_markdown(markdown, page, config, files):  # noqa: D103 - mkdocs hook
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, cli_reference())
    match = _NOTEBOOK.search(markdown)
    if match:
        notebook = Path(page.file.abs_src_path).parent / match.group(1)
        markdown = markdown.replace(match.group(0), notebook_markdown(notebook))
    return markdown
