r"""Plain text and long formulas for LaTeX documents: the one place that turns them into LaTeX.

:func:`latex_text` sets plain text (descriptions, proof notes) in text mode:
special characters are escaped, and math-like fragments such as ``a_j = 0``,
``t^m``, ``r <= 12`` or ``a_0..a_9`` are typeset as math instead of as escaped
markup (``a\_j = 0``, ``t\textasciicircum{}m``).  ``$...$`` segments pass
through unchanged.

:func:`display_math` sets a formula in display: on one line when it fits the
text width, else broken at its top-level ``\qquad``, relation signs and
``+``/``-`` into an ``align*`` (amsmath), so no formula runs into the margin.

>>> latex_text("zero-type neurons are single neurons with a_j = 0")
'zero-type neurons are single neurons with $a_j = 0$'
>>> latex_text("monotonicity of t -> t^m on t >= 0; checked for r <= 12, m <= 40")
'monotonicity of $t \\to t^m$ on $t \\ge 0$; checked for $r \\le 12$, $m \\le 40$'
>>> latex_text("coefficients a_0..a_9, 50% {x}")
'coefficients $a_0,\\dots,a_9$, 50\\% \\{x\\}'
>>> latex_text('counting.T and zero_type="R2"')
'\\texttt{counting.\\allowbreak{}T} and \\texttt{zero\\_\\allowbreak{}type="R2"}'
"""

from __future__ import annotations

import re
import string

__all__ = ["latex_text", "latex_code", "display_math", "visible_width", "MAX_DISPLAY_WIDTH"]

#: Visible characters of math that fit one line of the report (11pt, 2.2 cm margins, A4/letter).
MAX_DISPLAY_WIDTH = 80

_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
          "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega")
_SCRIPT = r"(?:[_^](?:[A-Za-z0-9]{1,3}|\{[^{}]*\}))"
_OPERAND = re.compile(
    r"^(?:(?P<range>[A-Za-z]_\d+\.\.[A-Za-z]_\d+)"
    r"|(?P<dots>\d+\.\.\d+)"
    r"|(?P<dummy>_[a-z])"
    r"|(?P<greek>(?:" + "|".join(_GREEK) + r")" + _SCRIPT + r"*)"
    r"|(?P<bigop>(?:sum|prod)" + _SCRIPT + r"*)"
    r"|(?P<pm>(?:\+-|-\+)[A-Za-z]" + _SCRIPT + r"*)"
    r"|(?P<star>[A-Za-z]\*" + _SCRIPT + r"*)"
    r"|(?P<parpow>\([A-Za-z0-9+\-*/]+\)\^(?:[A-Za-z0-9]{1,3}|\{[^{}]*\}))"
    r"|(?P<gcall>(?:" + "|".join(_GREEK) + r")'?\([A-Za-z0-9,+\-]+\))"
    r"|(?P<tuple>[A-Za-z]_\([A-Za-z0-9,]+\))"
    r"|(?P<call>[A-Za-z]" + _SCRIPT + r"*\([A-Za-z0-9,+\-]+\))"
    r"|(?P<scripted>[A-Za-z0-9]" + _SCRIPT + r"+)"
    r"|(?P<plain>[A-Za-z]|\d+))$"
)
_CODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:\(\))?"
                   r"(?:=(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.]+))?$")


def _is_code(core: str) -> bool:
    """A Python name, dotted path or keyword argument (``zero_type="R2"``, ``counting.T``): set in ``\\texttt``."""
    if not _CODE.match(core):
        return False
    name = core.split("=")[0].rstrip("()")
    words = re.split(r"[._]", name)
    has_underscore = "_" in name and any(len(w) >= 2 for w in words)
    has_path = "." in name and len(name.split(".")[0]) >= 2
    return has_underscore or has_path


def _code(core: str) -> str:
    escaped = "".join(_SPECIAL.get(ch, ch) for ch in core)
    return "\\texttt{" + escaped.replace(".", ".\\allowbreak{}").replace("\\_", "\\_\\allowbreak{}") + "}"


_OPERATORS = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">", "->": r"\to", "+": "+", "-": "-",
              "*": r"\cdot", "!=": r"\ne"}
_TEXT_SYMBOLS = (("<=", r"$\le$"), (">=", r"$\ge$"), ("->", r"$\to$"), ("!=", r"$\ne$"), ("<", "$<$"), (">", "$>$"))
_SPECIAL = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
            "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}", "$": r"\$"}


def _escape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        for symbol, replacement in _TEXT_SYMBOLS:
            if text.startswith(symbol, i):
                out.append(replacement)
                i += len(symbol)
                break
        else:
            out.append(_SPECIAL.get(text[i], text[i]))
            i += 1
    return "".join(out)


def _operand(core: str):
    """``(latex, strong)`` of a math operand, or ``None``; strong: scripted, Greek or a range (math for sure)."""
    match = _OPERAND.match(core)
    if match is None:
        return None
    kind = match.lastgroup
    if kind == "range":
        first, last = core.split("..")
        return f"{first},\\dots,{last}", True
    if kind == "dots":
        first, last = core.split("..")
        return f"{first},\\dots,{last}", True
    if kind == "dummy":  # sympy's Dummy symbols print as _j
        return core[1:], False
    if kind == "bigop":
        name = core[:3] if core[:3] in ("sum",) else core[:4]
        return "\\" + name + _braced_scripts(core[len(name):]), True
    if kind == "pm":  # +-w_i: plus or minus
        return ("\\pm " if core[0] == "+" else "\\mp ") + core[2] + _braced_scripts(core[3:]), True
    if kind == "star":  # a*_i: the teacher's a^*_i
        return core[0] + "^*" + _braced_scripts(core[2:]), True
    if kind == "parpow":  # (1+g)^r
        return core, True
    if kind == "gcall":  # sigma'(0)
        return "\\" + core, True
    if kind == "tuple":  # c_(r,l): a double index
        return f"{core[0]}_{{{core[3:-1]}}}", True
    if kind == "call":
        name, _, arguments = core.partition("(")
        return name[0] + _braced_scripts(name[1:]) + "(" + arguments, True
    if kind == "greek":
        name = core[:len(core) - len(core.lstrip(string.ascii_lowercase))]  # the Greek letter's name
        return "\\" + name + _braced_scripts(core[len(name):]), True
    if kind == "scripted":
        return core[0] + _braced_scripts(core[1:]), True
    return core, False


def _braced_scripts(scripts: str) -> str:
    return re.sub(r"([_^])([A-Za-z0-9]{2,3})", r"\1{\2}", scripts)


def _tokens(text: str) -> list:
    """``[(kind, raw, latex)]``: ``space``, ``op``, ``operand`` (with ``strong``), ``text`` and ``punct``."""
    tokens: list = []
    for chunk in re.split(r"(\s+)", text):
        if not chunk:
            continue
        if chunk.isspace():
            tokens.append(("space", chunk, chunk, False))
            continue
        lead = chunk[:len(chunk) - len(chunk.lstrip("(["))]  # opening brackets
        if lead and _OPERAND.match(re.sub(r"[,;:.\]]+$", "", chunk)):  # (1+g)^r: the parenthesis is the operand's
            lead = ""
        rest = chunk[len(lead):]
        trail = rest[len(rest.rstrip(",;:.)]")):]  # punctuation and closing brackets
        core = chunk[len(lead):len(chunk) - len(trail)] if trail else chunk[len(lead):]
        if trail.startswith("..") or (trail == "." and core.endswith(".")):  # part of a range, not punctuation
            core, trail = core + trail, ""
        while trail.startswith(")") and core.count("(") > core.count(")"):  # the call's own parenthesis
            core, trail = core + ")", trail[1:]
        if lead:
            tokens.append(("punct", lead, _escape(lead), False))
        operand = _operand(core) if core else None
        if core in _OPERATORS:
            tokens.append(("op", core, _OPERATORS[core], False))
        elif operand is not None:
            tokens.append(("operand", core, operand[0], operand[1]))
        elif _is_code(core):
            tokens.append(("text", core, _code(core), False))
        elif core:
            tokens.append(("text", core, _escape(core), False))
        if trail:
            tokens.append(("punct", trail, _escape(trail), False))
    return tokens


def _plain_to_latex(text: str) -> str:
    tokens = _tokens(text)
    out, i = [], 0
    while i < len(tokens):
        kind = tokens[i][0]
        if kind != "operand":
            out.append(_escape(tokens[i][1]) if kind == "op" else tokens[i][2])
            i += 1
            continue
        # a window: operand (op operand | strong operand)*, across single spaces
        end, j, strong, has_op = i + 1, i + 1, tokens[i][3], False
        while True:
            k = j + 1 if j < len(tokens) and tokens[j][0] == "space" else j
            if k < len(tokens) and tokens[k][0] == "op":
                m = k + 2 if k + 1 < len(tokens) and tokens[k + 1][0] == "space" else k + 1
                if m < len(tokens) and tokens[m][0] == "operand":
                    end, j, has_op = m + 1, m + 1, True
                    strong = strong or tokens[m][3]
                    continue
            if k < len(tokens) and tokens[k][0] == "operand" and tokens[end - 1][3] and (
                    tokens[k][3] or (len(tokens[k][1]) == 1 and tokens[k][1].isalpha())):
                end, j, strong = k + 1, k + 1, True
                continue
            break
        window = tokens[i:end]
        bare_operator = len(window) == 1 and window[0][1] in ("sum", "prod")
        if (has_op or strong) and not bare_operator:
            out.append("$" + "".join(" " if t[0] == "space" else t[2] for t in window) + "$")
        else:
            out.append("".join(_escape(t[1]) if t[0] in ("op", "operand") else t[2] for t in window))
        i = end
    return "".join(out)


def latex_text(text) -> str:
    r"""``text`` for LaTeX text mode: specials escaped, math-like fragments set as math, ``$...$`` kept.

    Parameters
    ----------
    text : str
        Plain text (``str()`` of anything else).

    Returns
    -------
    str

    Examples
    --------
    >>> latex_text("bound $2^r - 1$ for r <= 5, x_1 -> 0")
    'bound $2^r - 1$ for $r \\le 5$, $x_1 \\to 0$'
    >>> latex_text("a_j = lambda_j a_i (checked: lhs - rhs = 0), term by term after j -> r - _j")
    '$a_j = \\lambda_j a_i$ (checked: lhs - rhs = 0), term by term after $j \\to r - j$'
    >>> latex_text("sum_l c_(r,l) T_R2(l,m) (recurrence) compared with Bell(m+r)")
    '$\\sum_l c_{r,l} T_{R2}(l,m)$ (recurrence) compared with Bell(m+r)'
    >>> latex_text("a neuron w_j = s_j v contributes s_j a_j, so the sums are sum s_j a_j; w = 0 is dead")
    'a neuron $w_j = s_j v$ contributes $s_j a_j$, so the sums are $\\sum s_j a_j$; $w = 0$ is dead'
    >>> latex_text("w_j = +-w_i, a*_i, sigma'(0) = 0, (1+g)^r; the sum of parts")
    "$w_j = \\pm w_i$, $a^*_i$, $\\sigma'(0) = 0$, $(1+g)^r$; the sum of parts"
    >>> latex_text("unbalanced $ sign")
    'unbalanced \\$ sign'
    """
    parts = str(text).split("$")
    if len(parts) % 2 == 0:  # unbalanced: all text
        return _plain_to_latex(str(text))
    return "".join(_plain_to_latex(p) if i % 2 == 0 else f"${p}$" for i, p in enumerate(parts))


def visible_width(tex: str) -> float:
    r"""A rough width of a math formula in characters (scripts count 0.7, fractions their wider part).

    Parameters
    ----------
    tex : str
        LaTeX math.

    Returns
    -------
    float

    Examples
    --------
    >>> visible_width(r"\left(e^{x} - 1\right)^{r}"), visible_width(r"\frac{a + b}{c}")
    (7.4, 4.0)
    """
    text = re.sub(r"\\(left|right|big|Big|bigg|Bigg)\b", "", tex)
    while True:  # \frac{A}{B}: the wider of A and B
        match = re.search(r"\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}", text)
        if match is None:
            break
        wider = max(match.group(1), match.group(2), key=lambda part: visible_width(part))
        text = text[:match.start()] + "{" + wider + "}" + text[match.end():]
    scripts = sum(len(re.sub(r"\\[A-Za-z]+", "x", s)) for s in re.findall(r"[_^]\{([^{}]*)\}", text))
    scripts += len(re.findall(r"[_^][A-Za-z0-9]", text))
    text = re.sub(r"[_^]\{[^{}]*\}|[_^][A-Za-z0-9]", "", text)
    text = re.sub(r"\\(quad|qquad)\b", "xxxx", text)
    text = re.sub(r"\\(sum|prod|int)\b", "xx", text)  # large operators
    text = text.replace(",", ",x")  # a comma and the thin space after it
    text = re.sub(r"\\[A-Za-z]+", "x", text)  # a command: about one glyph
    text = re.sub(r"[{}\s]|\\[,;:!]", "", text)
    binary = text.count("+") + text.count("-") + text.count("=")  # with the spaces math puts around them
    return round(len(text) + binary + 0.7 * scripts, 1)


def _top_level_split(tex: str, separators) -> list:
    """Split ``tex`` at the separators that lie outside braces and ``\\left``/``\\right`` pairs, keeping them."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(tex):
        if tex.startswith("\\left", i) and not tex[i + 5:i + 6].isalpha():
            depth += 1
            i += 5
            continue
        if tex.startswith("\\right", i) and not tex[i + 6:i + 7].isalpha():
            depth -= 1
            i += 6
            continue
        if depth == 0 and i > start:
            sep = next((sep for sep in separators if tex.startswith(sep, i)), None)
            if sep is not None:
                parts.append(tex[start:i])
                start = i
                i += len(sep)
                continue
        ch = tex[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
    parts.append(tex[start:])
    return parts


def display_math(tex: str, width: float = MAX_DISPLAY_WIDTH, fit: bool = True) -> str:
    r"""``tex`` in display: ``\[ ... \]`` when it fits, else an ``align*`` broken at ``\qquad``, ``=`` and ``+``/``-``.

    Parameters
    ----------
    tex : str
        One formula (math mode), e.g. ``lhs = rhs, \qquad lhs_2 = rhs_2``.
    width : float
        The line width, in :func:`visible_width` characters.
    fit : bool
        When a piece cannot be broken (one wide term), scale the formula down
        to the line width *if TeX finds it wider* (``\resizebox`` with an
        ``\ifdim`` guard; needs graphicx); otherwise leave it.

    Returns
    -------
    str
        LaTeX (``align*`` and ``aligned`` need amsmath).

    Examples
    --------
    >>> display_math("a = b")
    '\\[ a = b \\]'
    >>> print(display_math("T = " + " + ".join(f"x_{{{i}}}^{{{i}}}" for i in range(30)), width=40))
    \begin{align*}
    T &= x_{0}^{0} + x_{1}^{1} + x_{2}^{2} + x_{3}^{3} + x_{4}^{4} + x_{5}^{5} + x_{6}^{6} + x_{7}^{7} \\
    &\quad + x_{8}^{8} + x_{9}^{9} + x_{10}^{10} + x_{11}^{11} + x_{12}^{12} + x_{13}^{13} \\
    &\quad + x_{14}^{14} + x_{15}^{15} + x_{16}^{16} + x_{17}^{17} + x_{18}^{18} + x_{19}^{19} \\
    &\quad + x_{20}^{20} + x_{21}^{21} + x_{22}^{22} + x_{23}^{23} + x_{24}^{24} + x_{25}^{25} \\
    &\quad + x_{26}^{26} + x_{27}^{27} + x_{28}^{28} + x_{29}^{29}
    \end{align*}
    """
    tex = tex.strip()
    if visible_width(tex) <= width:
        return f"\\[ {tex} \\]"
    lines = []
    for group in _top_level_split(tex, (r"\qquad",)):
        group = group.replace(r"\qquad", "", 1).strip().rstrip(",").strip() if group.startswith(r"\qquad") else \
            group.strip().rstrip(",").strip()
        pieces = _top_level_split(group, (" = ", r" \le ", r" \ge ", " < ", " > "))
        head, relations = pieces[0].strip(), [p.strip() for p in pieces[1:]]
        if not relations:
            relations, head = [group], ""
        for n, relation in enumerate(relations):
            sign, _, rest = relation.partition(" ")
            prefix = (head + " &" if n == 0 else "&") + sign + " "
            if not head:
                prefix, rest = "&", relation
            terms = _top_level_split(rest, (" + ", " - "))
            line = prefix
            for term in terms:
                if visible_width(line + term) > width and line.strip() not in ("", "&", prefix.strip()):
                    lines.append(line.rstrip())
                    line = "&\\quad "
                line += term.lstrip() if line.endswith(" ") else term
            lines.append(line.rstrip())
    if fit and any(visible_width(line) > width for line in lines):
        return ("\\[ \\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{$\\displaystyle "
                "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}$} \\]")
    return "\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}"


def latex_code(name) -> str:
    r"""A Python name or dotted path in ``\texttt``, breakable after its dots and underscores.

    Parameters
    ----------
    name : str
        E.g. ``"symbolic_minima.counting.T"``.

    Returns
    -------
    str

    Examples
    --------
    >>> latex_code("counting.closed_form")
    '\\texttt{counting.\\allowbreak{}closed\\_\\allowbreak{}form}'
    """
    return _code(str(name))


def _balanced(tex: str, start: int) -> int:
    """Index just after the brace group opening at ``tex[start] == "{"``."""
    depth = 0
    for i in range(start, len(tex)):
        if tex[i] == "\\":
            continue
        if tex[i] == "{" and (i == 0 or tex[i - 1] != "\\"):
            depth += 1
        elif tex[i] == "}" and (i == 0 or tex[i - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def stirling_braces(tex: str, stirling_macro: str | None = None) -> str:
    r"""Rewrite sympy's :math:`\left\{ {n \atop k} \right\}` (amsmath warns about ``\atop``): ``\genfrac`` or a macro.

    Parameters
    ----------
    tex : str
        LaTeX that may contain ``\left\{ {n \atop k} \right\}``.
    stirling_macro : str, optional
        A two-argument macro of the document's preamble (e.g. ``"\\stirlingII"``);
        default (or ``"genfrac"``): ``\genfrac{\{}{\}}{0pt}{}{n}{k}`` (amsmath, no macro needed).

    Returns
    -------
    str

    Examples
    --------
    >>> stirling_braces(r"r! \left\{ {m + 1 \atop r + 1} \right\}")
    'r! \\genfrac{\\{}{\\}}{0pt}{}{m + 1}{r + 1}'
    >>> stirling_braces(r"\left\{ {m \atop k} \right\} B_{k}", "\\stirlingII")
    '\\stirlingII{m}{k} B_{k}'
    """
    opening = "\\left\\{ "
    out, i = [], 0
    while True:
        j = tex.find(opening + "{", i)
        if j < 0:
            out.append(tex[i:])
            return "".join(out)
        end = _balanced(tex, j + len(opening))
        inner = tex[j + len(opening) + 1:end - 1] if end > 0 else ""
        parts = _top_level_split(inner, (" \\atop ",))
        tail = tex[end:end + len(" \\right\\}")] if end > 0 else ""
        if end < 0 or len(parts) != 2 or tail != " \\right\\}":
            out.append(tex[i:j + len(opening)])
            i = j + len(opening)
            continue
        top, bottom = parts[0].strip(), parts[1].replace(" \\atop ", "", 1).strip()
        if stirling_macro in (None, "genfrac"):
            out.append(tex[i:j] + f"\\genfrac{{\\{{}}{{\\}}}}{{0pt}}{{}}{{{top}}}{{{bottom}}}")
        else:
            out.append(tex[i:j] + f"{stirling_macro}{{{top}}}{{{bottom}}}")
        i = end + len(" \\right\\}")


__all__ += ["stirling_braces"]
