"""The documentation: strict mkdocs build, runnable tutorials and notebook, in sync with the code."""

import ast
import doctest
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _python_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.S | re.M)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site, built once per test module with ``mkdocs build --strict`` (nothing fetched)."""
    pytest.importorskip("mkdocs", reason="mkdocs not installed (pip install symbolic-minima[docs])")
    pytest.importorskip("mkdocstrings", reason="mkdocstrings not installed (pip install symbolic-minima[docs])")
    before = sorted(p.name for p in ROOT.iterdir())
    site = tmp_path_factory.mktemp("docs") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    res = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=300, check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert sorted(p.name for p in ROOT.iterdir()) == before  # nothing written into the repository
    return site


def test_mkdocs_build_is_strict_clean(site):
    assert (site / "index.html").exists()
    assert (site / "walkthrough.ipynb").exists()
    # the Sphinx roles of the docstrings were turned into math, not printed raw
    api = (site / "api" / "labellings.html").read_text()
    assert ":math:" not in api and "arithmatex" in api


def _load(name):
    spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_rst_to_markdown():
    pytest.importorskip("griffe")
    mod = _load("griffe_rst")
    assert mod.rst_to_markdown(":math:`T(r,m)` by :func:`~a.b.c` or :class:`a.B`") == "$T(r,m)$ by `c` or `a.B`"
    fenced = mod.rst_to_markdown("Text\n\n>>> 1 + 1\n2\n\nMore::\n\n    code()\n\nEnd")
    assert fenced == "Text\n\n```pycon\n>>> 1 + 1\n2\n```\n\nMore:\n\n```python\ncode()\n```\n\nEnd"
    math = mod.rst_to_markdown("So\n\n.. math:: a = b,\n          c = d\n\nEnd")
    assert math == "So\n\n\n$$\na = b,\nc = d\n$$\n\n\nEnd"
    assert mod.rst_to_markdown(".. math::\n\n    x = 1\n\nEnd") == "\n$$\nx = 1\n$$\n\n\nEnd"
    definitions = mod.rst_to_markdown("Two:\n\n``a``\n    First.\n``b`` (x)\n    Second.\n\nEnd")
    assert definitions == "Two:\n\n``a``\n:   First.\n``b`` (x)\n:   Second.\n\nEnd"


def test_quick_start_matches_readme():
    readme = (ROOT / "README.md").read_text()
    index = (DOCS / "index.md").read_text()
    for command in ('pip install -e ".[fast]" && symbolic-minima count T 3 5',
                    'pip install -e ".[test]" && ruff check . && mypy symbolic_minima && python -m pytest'):
        assert command in readme and command in index


def test_cli_reference_is_generated_for_every_command():
    from symbolic_minima.cli import build_parser

    hooks = _load("hooks")
    assert hooks.MARKER in (DOCS / "cli.md").read_text()
    reference = hooks.cli_reference()
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    assert len(sub.choices) >= 2
    for name, subparser in sub.choices.items():
        assert f"## `symbolic-minima {name}`" in reference
        assert subparser.format_usage().split()[1] in reference  # its usage line is there
    assert "### `symbolic-minima plot ratio`" in reference and "--r-star" in reference


@pytest.mark.parametrize("page", sorted(p.name for p in (DOCS / "tutorials").glob("*.md")))
def test_tutorial_code_runs(page, tmp_path, monkeypatch):
    blocks = _python_blocks((DOCS / "tutorials" / page).read_text())
    assert blocks and any("assert" in block for block in blocks), f"{page}: no checked code (test would be vacuous)"
    monkeypatch.chdir(tmp_path)
    namespace = {"__name__": "__tutorial__"}
    for block in blocks:
        exec(compile(block, f"{page}", "exec"), namespace)


def _cells_as_jupyter_runs_them(notebook):
    """Execute the code cells in order; yield (number, value of the last expression or None)."""
    namespace = {"__name__": "__walkthrough__"}
    cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert cells, "the walkthrough has no code"
    for number, cell in enumerate(cells, start=1):
        tree = ast.parse("".join(cell["source"]))
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"walkthrough.ipynb cell {number}", "exec"), namespace)
        value = None if last is None else eval(compile(ast.Expression(last.value), f"cell {number}", "eval"), namespace)
        yield number, value


def test_walkthrough_notebook_runs_and_shows_latex(tmp_path, monkeypatch):
    notebook = json.loads((DOCS / "walkthrough.ipynb").read_text())
    monkeypatch.chdir(tmp_path)
    shown = {}
    for number, value in _cells_as_jupyter_runs_them(notebook):
        latex = getattr(value, "_repr_latex_", None)
        if callable(latex):
            shown[number] = latex()
    # Jupyter shows these cells' values as formulas: each is LaTeX between $ or $$
    assert len(shown) >= 6, f"only cells {sorted(shown)} end on an object with _repr_latex_"
    for number, text in shown.items():
        assert isinstance(text, str) and text.startswith("$") and text.endswith("$") and len(text) > 4, number
    # the repository keeps the notebook output-free; outputs come from a fresh run (docs/hooks.py)
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in notebook["cells"] if c["cell_type"] == "code")


def test_notebook_page_shows_the_outputs():
    hooks = _load("hooks")
    text = hooks.notebook_markdown(DOCS / "walkthrough.ipynb")
    assert "```python\nimport sympy" in text and "## Walkthrough" in text
    formulas = re.findall(r'^<div class="arithmatex notebook-output">\\\[(.+?)\\\]</div>$', text, flags=re.M | re.S)
    assert len(formulas) >= 6, text
    assert any("62" in formula for formula in formulas)  # T_R2(2, 4) = 62, printed by its Count
    assert "```text\nR1 (zero_type=" in text             # what the first cell printed
    # every output of the executed notebook is on the page, in order
    executed = hooks.executed_notebook(DOCS / "walkthrough.ipynb")
    latex = ["".join(o["data"]["text/latex"]) for c in executed["cells"] if c["cell_type"] == "code"
             for o in c["outputs"] if "text/latex" in o.get("data", {})]
    assert [hooks.latex_block(x) for x in latex] == [f'<div class="arithmatex notebook-output">\\[{f}\\]</div>'
                                                      for f in formulas]


def test_run_cell_is_jupyter_like():
    hooks = _load("hooks")
    namespace = {}
    outputs = hooks.run_cell("from fractions import Fraction\nprint('hi')\nx = 2\nFraction(x, 4)", namespace)
    assert outputs[0] == {"output_type": "stream", "name": "stdout", "text": ["hi\n"]}
    assert outputs[1]["data"] == {"text/plain": ["Fraction(1, 2)"]} and namespace["x"] == 2
    assert hooks.run_cell("y = 1", namespace) == [] and hooks.run_cell("None", namespace) == []

    class Formula:
        def _repr_latex_(self):
            return "$$a < b$$"

    data = hooks.run_cell("F()", {"F": Formula})[0]["data"]
    assert data["text/latex"] == ["$$a < b$$"]
    assert hooks.latex_block("$$a < b$$") == '<div class="arithmatex notebook-output">\\[a &lt; b\\]</div>'
    assert hooks.latex_block("$x$\n\n$y$").count("\n\n") == 0  # a blank line would end the HTML block


def test_hooks_doctests():
    hooks = _load("hooks")
    result = doctest.testmod(hooks)
    assert result.attempted >= 2 and result.failed == 0


def test_site_notebook_carries_its_outputs(site):
    notebook = json.loads((site / "walkthrough.ipynb").read_text())
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    kinds = {o["output_type"] for c in code for o in c["outputs"]}
    assert kinds <= {"stream", "execute_result"} and kinds == {"stream", "execute_result"}
    assert sum("text/latex" in o.get("data", {}) for c in code for o in c["outputs"]) >= 6
    try:
        import nbformat
    except ImportError:
        return
    nbformat.validate(nbformat.reads(json.dumps(notebook), as_version=4))


# ---------------------------------------------------------------------------------------------
# Formulas render with no network: a self-contained site, checked in a real headless browser
# ---------------------------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_NOT_TEXT = {"code", "pre", "script", "style", "textarea", "svg"}
#: TeX that a reader must never see: display/inline delimiters, or a $...$ pair left unconverted
RAW_TEX = re.compile(r"\\\(|\\\[|\$\$|\$[^$\s][^$]*\$")


class _Page(HTMLParser):
    """Visible text outside formulas and code; formula elements; resources loaded from elsewhere."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []       # (tag, is a formula (arithmatex), is a MathJax container)
        self.text = []
        self.formulas = 0     # elements marked for MathJax (class arithmatex)
        self.rendered = 0     # of those, how many hold a MathJax container
        self.containers = 0
        self.errors = 0       # MathJax's TeX errors
        self.external = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href"):
            url = attrs.get(key) or ""
            loads = tag in ("script", "img", "iframe", "source") or (tag == "link" and key == "href"
                                                                    and attrs.get("rel") not in ("canonical",))
            if loads and re.match(r"(https?:)?//", url):
                self.external.append(url)
        if tag == "mjx-container":
            self.containers += 1
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i][1] is True:
                    self.stack[i] = (self.stack[i][0], "rendered")
                    break
        if tag == "mjx-merror" or "data-mjx-error" in attrs:
            self.errors += 1
        if tag in _VOID:
            return
        formula = "arithmatex" in (attrs.get("class") or "").split()
        self.formulas += formula
        self.stack.append((tag, formula))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _, state in self.stack[i:]:
                    self.rendered += state == "rendered"
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not any(tag in _NOT_TEXT or tag.startswith("mjx-") for tag, _ in self.stack):
            self.text.append((data, any(formula for _, formula in self.stack)))

    def raw_tex(self, in_formulas: bool = True) -> list[str]:
        """TeX left as text; ``in_formulas=False`` skips the text of formula elements (before MathJax runs)."""
        text = " ".join(data for data, in_formula in self.text if in_formulas or not in_formula)
        return [text[max(0, m.start() - 40):m.end() + 40] for m in RAW_TEX.finditer(text)]


def _parse(html_text: str) -> _Page:
    page = _Page()
    page.feed(html_text)
    page.close()
    return page


def test_page_scanner_finds_what_it_should():
    raw = _parse('<p>see <span class="arithmatex">\\(x^2\\)</span>, $y$ and</p><pre>$$ kept $$</pre>'
                 '<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"></script>')
    assert raw.formulas == 1 and raw.rendered == 0 and raw.external == ["https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"]
    assert raw.raw_tex() == ["see  \\(x^2\\) , $y$ and"] * 2     # two finds: \\( and $y$
    assert raw.raw_tex(in_formulas=False) == ["see  , $y$ and"]
    done = _parse('<p><span class="arithmatex"><mjx-container><svg><text>x</text></svg></mjx-container></span></p>')
    assert done.formulas == done.rendered == done.containers == 1 and not done.raw_tex()
    assert _parse('<div class="arithmatex">\\[x\\]</div><div class="x">\\[y\\]</div>').raw_tex(False) == ["\\[y\\]"]


def test_site_is_self_contained_and_every_formula_is_marked(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    assert (site / "assets" / "mathjax" / "tex-svg-full.js").stat().st_size > 1_000_000
    for path in pages:
        page = _parse(path.read_text(encoding="utf-8"))
        name = path.relative_to(site)
        assert page.external == [], f"{name} loads from a network: {page.external}"
        assert page.raw_tex(in_formulas=False) == [], f"{name}: TeX outside any formula element (left raw)"
        if path.name not in ("404.html", "objects.inv"):
            assert "assets/mathjax/tex-svg-full.js" in path.read_text(encoding="utf-8"), name
    # math in headings: the table of contents carries formula elements, not \(...\) as text
    toc = (site / "walkthrough.html").read_text(encoding="utf-8")
    assert re.search(r'md-ellipsis">[^<]*connects the <span class="arithmatex">\\\(2! = 2\\\)</span>', toc)


def _browser():
    named = os.environ.get("SYMBOLIC_MINIMA_BROWSER")
    candidates = [named] if named else ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    for name in candidates:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(f"no headless browser found (tried {', '.join(candidates)}): the check that the docs' formulas "
                "render offline did not run; install Debian's chromium (apt-get install chromium)")


def _rendered_dom(browser, url, profile) -> str:
    """The DOM after scripts ran, in headless Chromium with every host name unresolvable (no network)."""
    res = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-extensions", f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--virtual-time-budget=30000", "--dump-dom", url],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert res.returncode == 0 and "</html>" in res.stdout, res.stderr[-2000:]
    return res.stdout


@pytest.mark.slow
@pytest.mark.parametrize("page, at_least", [("mathematics.html", 200), ("walkthrough.html", 20),
                                            ("api/counting.html", 20)])
def test_formulas_render_offline_in_a_headless_browser(site, page, at_least, tmp_path):
    browser = _browser()
    static = _parse((site / page).read_text(encoding="utf-8"))
    assert static.formulas >= at_least and static.raw_tex(in_formulas=False) == []
    assert static.containers == 0
    dom = _rendered_dom(browser, (site / page).as_uri(), tmp_path / "profile")
    rendered = _parse(dom)
    assert rendered.errors == 0, f"{page}: MathJax reported TeX errors"
    assert rendered.formulas == static.formulas
    missing = rendered.formulas - rendered.rendered
    assert missing == 0, f"{page}: {missing} formulas not rendered"
    assert rendered.containers >= at_least
    assert rendered.raw_tex() == [], f"{page}: raw TeX left in the rendered text"
    # the same scan of the page before MathJax ran finds the TeX of every formula: the check can fail
    assert len(static.raw_tex()) >= at_least


@pytest.mark.slow
def test_search_works_offline_from_disk(site, tmp_path):
    """Search runs from file:// (index as a script, the worker in an iframe) and its results show formulas."""
    browser = _browser()
    dom = _rendered_dom(browser, (site / "index.html").as_uri() + "?q=stirling", tmp_path / "profile")
    match = re.search(r'<ol class="md-search-result__list"[^>]*>(.*?)</ol>', dom, flags=re.S)
    assert match, "no search result list"
    results = _parse(match.group(1))
    assert match.group(1).count('class="md-search-result__item') >= 2, "search found nothing"
    assert results.containers >= 1 and results.errors == 0   # the TeX of the results was typeset
    assert results.raw_tex() == []


def test_docs_cite_the_mathematical_reference_not_the_spec():
    """Users never get SPEC.md: the docs' own pages and the README link docs/mathematics.md instead."""
    sources = [ROOT / "README.md", *DOCS.rglob("*.md"), *DOCS.rglob("*.ipynb")]
    assert len(sources) > 10
    citing = [str(p.relative_to(ROOT)) for p in sources if "SPEC" in p.read_text(encoding="utf-8")]
    assert citing == []
    anchors = set(re.findall(r"\{#([\w-]+)\}", (DOCS / "mathematics.md").read_text(encoding="utf-8")))
    for path in sources:
        for target in re.findall(r"mathematics\.md#([\w-]+)", path.read_text(encoding="utf-8")):
            assert target in anchors, f"{path.name} links a missing anchor #{target}"
    assert {"setting", "global-minimum-subspaces", "critical-subspaces", "vector-outputs", "connectivity",
            "counting-claims", "activation-classes", "trained-networks", "claims-for-all-sizes"} <= anchors


_SPEC_CITATION = re.compile(r"SPEC\s*(§|section\b|table\b)")


def test_code_help_and_outputs_cite_the_mathematical_reference_not_the_spec():
    """Docstrings, help texts and printed outputs of the package and the proofs: no "SPEC §" (users never get it)."""
    sources = [*(ROOT / "symbolic_minima").rglob("*.py"), *(ROOT / "proofs").rglob("*.py"), ROOT / "CONTRIBUTING.md"]
    assert len(sources) > 40
    citing = [f"{p.relative_to(ROOT)}:{n}" for p in sources
              for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if _SPEC_CITATION.search(line)]
    assert citing == []
    assert _SPEC_CITATION.search("see SPEC §4") and _SPEC_CITATION.search("the table of SPEC section 5")


def test_built_site_cites_no_spec(site):
    """The API pages are built from the docstrings: the site as users read it has no SPEC citation either."""
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    citing = [str(p.relative_to(site)) for p in pages if _SPEC_CITATION.search(p.read_text(encoding="utf-8"))]
    assert citing == []
