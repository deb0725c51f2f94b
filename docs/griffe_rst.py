"""Griffe extension: turn the reStructuredText of the package's docstrings into Markdown.

The docstrings follow the house style of sympy and networkx: roles such as
``:math:`T(r,m)``` and ``:func:`~symbolic_minima.counting.T```, literal
blocks introduced by ``::`` and doctest examples (``>>>``).  mkdocstrings
renders docstrings as Markdown, so before rendering this extension rewrites

* ``:math:`x``` into ``$x$`` (rendered by MathJax through ``pymdownx.arithmatex``);
* ``:func:`~a.b.c``` (and ``:class:``, ``:mod:``, ...) into the code span ``c``
  (``a.b.c`` without the tilde);
* doctest blocks and ``::`` literal blocks into fenced code blocks;
* ``.. math::`` directives into display math (``$$ ... $$``);
* definition lists (a term line, then an indented body) into Markdown
  definition lists (``def_list`` extension).

Used by ``mkdocs.yml`` (``extensions: [docs/griffe_rst.py:RstToMarkdown]``).
"""

from __future__ import annotations

import re

import griffe

_MATH = re.compile(r":math:`([^`]*)`")
_XREF = re.compile(r":(?:py:)?(?:func|class|mod|meth|attr|data|exc|obj|const|ref|doc):`(~?)([^`]*)`")
_DOCTEST = re.compile(r"^\s*>>>")


def _xref(match: re.Match) -> str:
    tilde, target = match.groups()
    target = target.strip()
    if "<" in target and target.endswith(">"):  # :func:`title <target>`
        target = target.split("<", 1)[0].strip()
    return f"`{target.rsplit('.', 1)[-1] if tilde else target}`"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _fence_blocks(text: str) -> str:
    """Wrap doctest blocks and ``::`` literal blocks in fenced code blocks."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    after_definition = False
    while i < len(lines):
        line = lines[i]
        if _DOCTEST.match(line):
            pad = " " * _indent(line)
            out.append(pad + "```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out.append(pad + "```")
            continue
        if line.strip().startswith(".. math::"):
            base = _indent(line)
            body = [line.strip()[len(".. math::"):].strip()]
            k = i + 1
            if not body[0]:  # ".. math::" alone: the formula is the indented block after a blank line
                while k < len(lines) and not lines[k].strip():
                    k += 1
            while k < len(lines) and lines[k].strip() and _indent(lines[k]) > base:
                body.append(lines[k].strip())
                k += 1
            pad = " " * base
            out += ["", pad + "$$"] + [pad + b for b in body if b] + [pad + "$$", ""]
            i = k
            continue
        if line.rstrip().endswith("::") and not line.strip().startswith(".."):
            stripped = line.rstrip()[:-2].rstrip()
            base = _indent(line)
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and _indent(lines[j]) > base:
                if stripped:
                    out.append(stripped + ":")
                out.append("")
                block_indent = _indent(lines[j])
                out.append(" " * base + "```python")
                k = j
                while k < len(lines) and (not lines[k].strip() or _indent(lines[k]) >= block_indent):
                    k += 1
                while k > j and not lines[k - 1].strip():
                    k -= 1
                for body in lines[j:k]:
                    out.append(" " * base + body[block_indent:] if body.strip() else "")
                out.append(" " * base + "```")
                i = k
                continue
        if _is_term(lines, i, after_definition):
            base = _indent(line)
            j = i + 1
            block_indent = _indent(lines[j])
            k = j
            while k < len(lines) and (not lines[k].strip() or _indent(lines[k]) > base):
                k += 1
            while k > j and not lines[k - 1].strip():
                k -= 1
            out.append(line)
            out.append(" " * base + ":   " + lines[j].strip())
            for body in lines[j + 1:k]:
                out.append(" " * (base + 4) + body[block_indent:] if body.strip() else "")
            i = k
            after_definition = True
            continue
        after_definition = False
        out.append(line)
        i += 1
    return "\n".join(out)


def _is_term(lines: list, i: int, after_definition: bool = False) -> bool:
    """Whether ``lines[i]`` is the term of a reST definition list item (indented body follows)."""
    line = lines[i]
    stripped = line.strip()
    if not stripped or stripped.startswith((">>>", "*", "-", "..", "```", "|")) or stripped.endswith(":"):
        return False
    if i > 0 and lines[i - 1].strip() and not after_definition:
        return False
    return i + 1 < len(lines) and bool(lines[i + 1].strip()) and _indent(lines[i + 1]) > _indent(line)


def rst_to_markdown(text: str) -> str:
    r"""Rewrite the reStructuredText constructs of a docstring as Markdown.

    >>> rst_to_markdown("Count :math:`T(r,m)`, see :func:`~symbolic_minima.counting.T`.")
    'Count $T(r,m)$, see `T`.'
    """
    text = _fence_blocks(text)
    text = _MATH.sub(lambda m: f"${m.group(1).strip()}$", text)
    return _XREF.sub(_xref, text)


class RstToMarkdown(griffe.Extension):
    """Rewrite every docstring before mkdocstrings renders it."""

    def on_instance(self, *, obj, **kwargs) -> None:  # noqa: D102 - griffe hook
        if obj.docstring is not None:
            obj.docstring.value = rst_to_markdown(obj.docstring.value)
