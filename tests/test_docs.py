"""The documentation: strict mkdocs build, runnable tutorials and notebook, in sync with the code."""

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _python_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.S | re.M)


def test_mkdocs_build_is_strict_clean(tmp_path):
    pytest.importorskip("mkdocs", reason="mkdocs not installed (pip install symbolic-minima[docs])")
    pytest.importorskip("mkdocstrings", reason="mkdocstrings not installed (pip install symbolic-minima[docs])")
    before = sorted(p.name for p in ROOT.iterdir())
    site = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    res = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert (site / "index.html").exists()
    assert (site / "walkthrough.ipynb").exists()
    assert sorted(p.name for p in ROOT.iterdir()) == before  # nothing written into the repository
    # the Sphinx roles of the docstrings were turned into math, not printed raw
    api = (site / "api" / "labellings" / "index.html").read_text()
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


def test_notebook_is_rendered_into_its_page():
    hooks = _load("hooks")
    text = hooks.notebook_markdown(DOCS / "walkthrough.ipynb")
    assert "```python\nimport sympy" in text and "## Walkthrough" in text


@pytest.mark.parametrize("page", sorted(p.name for p in (DOCS / "tutorials").glob("*.md")))
def test_tutorial_code_runs(page, tmp_path, monkeypatch):
    blocks = _python_blocks((DOCS / "tutorials" / page).read_text())
    assert blocks and any("assert" in block for block in blocks), f"{page}: no checked code (test would be vacuous)"
    monkeypatch.chdir(tmp_path)
    namespace = {"__name__": "__tutorial__"}
    for block in blocks:
        exec(compile(block, f"{page}", "exec"), namespace)


def test_walkthrough_notebook_runs(tmp_path, monkeypatch):
    notebook = json.loads((DOCS / "walkthrough.ipynb").read_text())
    cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert cells, "the walkthrough has no code"
    monkeypatch.chdir(tmp_path)
    namespace = {"__name__": "__walkthrough__"}
    for number, cell in enumerate(cells, start=1):
        source = "".join(cell["source"])
        exec(compile(source, f"walkthrough.ipynb cell {number}", "exec"), namespace)
