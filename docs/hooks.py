"""MkDocs hooks: pages generated from the code and the notebook, so they cannot drift.

* ``<!-- cli-reference -->`` is replaced by the ``--help`` text of every
  ``symbolic-minima`` command (and sub-command), as printed by
  :func:`symbolic_minima.cli.build_parser`;
* ``<!-- notebook: NAME.ipynb -->`` is replaced by the cells of that notebook
  (next to the page): Markdown cells as they are, code cells as Python blocks.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

MARKER = "<!-- cli-reference -->"


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


_NOTEBOOK = re.compile(r"<!-- notebook: ([\w./-]+\.ipynb) -->")


def notebook_markdown(path) -> str:
    """The cells of a notebook as Markdown (code cells fenced as Python)."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    parts = []
    for cell in notebook["cells"]:
        source = "".join(cell["source"]).rstrip()
        if cell["cell_type"] == "markdown":
            parts.append(re.sub(r"^(#+) ", r"#\1 ", source, flags=re.M))  # below the page title
        elif cell["cell_type"] == "code":
            parts.append("```python\n" + source + "\n```")
    return "\n\n".join(parts) + "\n"


def on_page_markdown(markdown, page, config, files):  # noqa: D103 - mkdocs hook
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, cli_reference())
    match = _NOTEBOOK.search(markdown)
    if match:
        notebook = Path(page.file.abs_src_path).parent / match.group(1)
        markdown = markdown.replace(match.group(0), notebook_markdown(notebook))
    return markdown
