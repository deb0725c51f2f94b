r"""A self-contained LaTeX report generated from the package's machinery.

:func:`generate_report` assembles a complete LaTeX document; every formula,
value, ratio, verdict and figure in it is *computed* when the report is
built, by calling the counting, species, comparison, proving and graph
modules and :func:`sympy.latex`; only the connecting prose is fixed text.
:func:`write_report` writes it (``report.tex`` plus any figure) to a
directory and, when ``pdflatex`` is installed, compiles it.

Sections: definitions and readings; derived formulas (:math:`T` in every
registered reading, :math:`G`, relations, exponential generating functions,
asymptotics); tables of values; ratio tables with crossovers (mild vs vast
overparameterization) and their heatmaps; the machine-checked proofs of
:mod:`proofs` with their verdicts; the connectivity graph of a small case
and a certified zero-loss path; deep networks with one extra neuron per
layer.

Robustness: a section whose module (or optional dependency) is missing says
so *in the document* and the report is still produced; the problem is also
listed in :attr:`Report.missing`.

``activation`` (a class name such as ``"odd"`` or an activation name such as
``"tanh"``; default generic) reports on that activation class: its rules, the
derived formulas and EGFs of its readings, its tables and ratios, and its
proof (``proofs/class_*.py``); the connectivity figure and the deep-network
section stay those of the generic class and are left out.

>>> rep = generate_report(r_max=2, h_max=2, r_star_max=3, ratio_h_max=3, proofs=False, figure=None,
...                       deep_widths=(), ratio_figure=False)
>>> rep.latex.startswith("\\documentclass")
True
>>> "\\end{document}" in rep.latex
True
"""

from __future__ import annotations

import contextvars
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from .atomic import io_error, write_bytes, write_text
from .comparison import COMPARISONS
from .errors import ArgumentTypeError, ArgumentValueError, InputOutputError, check_int
from .progress import progress
from .readings import DEFAULT_ZERO_TYPE, critical_reading, describe_zero_type, reading_name, zero_types

__all__ = [
    "COMPARISONS",
    "Report",
    "ReportFiles",
    "compile_latex",
    "generate_report",
    "overfull_boxes",
    "PACKAGES",
    "STIRLING_MACRO",
    "latex_escape",
    "write_report",
]

_COMPARISON_TEX = {
    "previous": r"G(r^*-1,m)",
    "sum": r"\sum_{r<r^*} G(r,m)",
    "max": r"\max_{r<r^*} G(r,m)",
}

#: The report's macros (defined with ``\providecommand`` in body-only output, so a paper may redefine them).
_MACROS = (
    r"\providecommand{\stirlingII}[2]{\genfrac{\{}{\}}{0pt}{}{#1}{#2}}  % Stirling numbers of the second kind",
)
#: The two-argument macro the report prints Stirling numbers of the second kind with.
STIRLING_MACRO = r"\stirlingII"
#: The packages the report (and its body, for ``\input``) needs.
PACKAGES = ("amsmath", "amssymb", "booktabs", "longtable", "graphicx", "tikz", "hyperref")

_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[margin=2.2cm]{geometry}
\IfFileExists{lmodern.sty}{\usepackage{lmodern}\usepackage[T1]{fontenc}}{}
\usepackage{amsmath,amssymb}
\usepackage{booktabs}
\usepackage{longtable}
\usepackage{graphicx}
\usepackage{tikz}
\usepackage[hidelinks]{hyperref}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{4pt}
\emergencystretch=3em
""" + "\n".join(_MACROS) + "\n"


def latex_escape(text: str) -> str:
    r"""Escape the LaTeX special characters of plain ``text``.

    >>> latex_escape("zero_type = 50% & {x}")
    'zero\\_type = 50\\% \\& \\{x\\}'
    """
    replacements = {
        "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
        "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    }
    return "".join(replacements.get(ch, ch) for ch in str(text))


@dataclass
class Report:
    """A generated report: the LaTeX source and an account of its sections.

    ``sections`` lists ``(title, status)`` with status ``"ok"`` or the reason
    the section is incomplete; ``missing`` the problems the document states;
    ``figures`` maps file names to bytes that must be written next to the
    ``.tex`` file; ``seconds`` is the generation time.
    """

    latex: str
    sections: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    figures: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        """Whether every section was generated in full."""
        return not self.missing


@dataclass
class ReportFiles:
    """Where :func:`write_report` put things: ``tex``, ``pdf`` (or ``None``) and the :class:`Report`."""

    tex: Path
    pdf: Path | None
    report: Report
    compile_log: str = ""


class _Unavailable(Exception):
    """A section (or part of one) cannot be generated; the message goes into the document."""


def _need(module: str):
    import importlib

    try:
        return importlib.import_module(f"symbolic_minima.{module}")
    except ImportError as exc:
        raise _Unavailable(
            f"the module symbolic_minima.{module} is not available ({exc}); "
            "this part of the report could not be generated"
        ) from exc


def _not_available(what: str, reason: str) -> str:
    return (
        "\\begin{quote}\\textbf{Not available in this build:} "
        f"{latex_escape(what)}. {latex_escape(reason)}\\end{{quote}}\n"
    )


def _tex(expr) -> str:
    """Readable LaTeX (:func:`symbolic_minima.counting.latex_form`) with the report's Stirling macro."""
    import sympy

    from .proving import tex

    if not isinstance(expr, sympy.Basic) and hasattr(expr, "_latex"):  # a package object (a species, a path)
        return sympy.latex(expr)
    return tex(expr, STIRLING_MACRO)


#: Width of a display line, in :func:`symbolic_minima.latex_text.visible_width` units: the report's own
#: 2.2 cm margins, or (body only) a standard ``article`` column, narrower.
_DISPLAY_WIDTH = contextvars.ContextVar("display_width", default=80)
BODY_DISPLAY_WIDTH = 58


def _display(formula: str) -> str:
    """A display formula that fits the line (:func:`symbolic_minima.latex_text.display_math`)."""
    from .latex_text import display_math, stirling_braces

    return display_math(stirling_braces(formula, STIRLING_MACRO), width=_DISPLAY_WIDTH.get())


#: Opens a centred box that shrinks a table to the line width only if it is wider (close with ``}\\end{center}``).
_FIT = "\\begin{center}\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n"


def _breakable_code(text: str) -> str:
    r"""Let ``\texttt{a.b\_c}`` break after its dots and underscores (not in headings: they go to the PDF outline)."""
    import re

    def breakable(match):
        return "\\texttt{" + match.group(1).replace(".", ".\\allowbreak{}").replace("\\_", "\\_\\allowbreak{}") + "}"

    return "\n".join(line if line.lstrip().startswith(("\\section", "\\subsection", "\\paragraph"))
                     else re.sub(r"\\texttt\{([^{}]*)\}", breakable, line) for line in text.split("\n"))


def _text(text) -> str:
    """Plain text, its math-like fragments (``a_j = 0``) set as math (:func:`symbolic_minima.latex_text.latex_text`)."""
    from .latex_text import latex_text

    return latex_text(text)


# ----------------------------------------------------------------------------- readings


def _joined(items, word: str) -> str:
    """``["a", "b", "c"], "or"`` -> ``"a, b or c"``."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _t_names(arguments: str, word: str) -> str:
    """``$T_{R1}...$ and $T_{R2}...$``: the count of every registered global-minimum reading."""
    return _joined((f"$T_{{{reading_name(z)}}}{arguments}$" for z in zero_types()), word)


def _class_of(opts) -> str:
    r"""``^{\mathrm{odd}}`` for a report on an activation class, ``""`` for the generic one."""
    activation = opts.get("activation")
    return "" if activation is None else rf"^{{\mathrm{{{activation}}}}}"


def _activation_kwargs(opts) -> dict:
    activation = opts.get("activation")
    return {} if activation is None else {"activation": activation}


def _every(n: int) -> str:
    return "the reading" if n == 1 else "both readings" if n == 2 else f"all {n} readings"


def _counts_named(n: int) -> str:
    if n == 1:
        return " denotes the count. "
    if n == 2:
        return r" denote the two counts; neither is called ``the'' $T$. "
    return rf" denote the {n} counts; none is called ``the'' $T$. "


# ----------------------------------------------------------------------------- sections


def _section_definitions(opts) -> str:
    out = [r"\section{Setting and definitions}"]
    out.append(
        "A two-layer, bias-free network of width $m$ computes "
        r"$f(x;\theta)=\sum_{j=1}^{m} a_j\,\sigma(w_j\cdot x)$ with "
        r"$\theta=(w_1,\dots,w_m,a_1,\dots,a_m)$. A \emph{teacher} of width $r$ is irreducible: "
        r"every $a^*_i\neq 0$ and the $w^*_i$ are pairwise distinct and non-zero. "
        + (r"The activation is \emph{generic}: the functions $x\mapsto\sigma(v\cdot x)$ for distinct non-zero $v$ "
           r"are linearly independent. " if opts.get("activation") is None else _class_sentence(opts["activation"]))
        + r"$r^*$ is the minimal width reaching zero loss and $m=r^*+h$."
    )
    out.append(
        r"A labelling $g:[m]\to\{0,1,\dots,r\}$ hitting every label $1,\dots,r$ defines the affine subspace "
        r"\begin{align*} \Gamma_g=\Bigl\{\theta:\ & w_j=w^*_{g(j)}\ (g(j)\ge 1),\quad a_j=0\ (g(j)=0), \\ "
        r"& \textstyle\sum_{j:\,g(j)=i}a_j=a^*_i\ (1\le i\le r)\Bigr\} \end{align*}"
        r"of global minima; a surjection $g:[m]\to[r]$ onto the neurons of an irreducible critical point "
        r"$\theta_r$ of width $r$ defines the critical subspace "
        r"\[ \Gamma^{\mathrm{crit}}_g=\Bigl\{\theta:\ w_j=w_{g(j)},\quad "
        r"\textstyle\sum_{j:\,g(j)=i}a_j=a_i\ (1\le i\le r)\Bigr\}. \]"
    )
    out.append(
        r"\paragraph{Readings.} The source paper's full text was not available, so the counting of "
        r"global-minimum subspaces is reported for " + _every(len(zero_types()))
        + " of the zero-type neurons, by name:"
    )
    out.append(r"\begin{itemize}")
    for zero_type in zero_types():
        out.append(r"\item " + _text(describe_zero_type(zero_type)) + ".")
    out.append(r"\end{itemize}")
    out.append(
        _t_names("", "and") + _counts_named(len(zero_types()))
        + r"$G(r,m)$ counts the critical subspaces $\Gamma^{\mathrm{crit}}_g$. "
        r"The comparison of critical and global-minimum subspaces is reported for three choices of the "
        r"critical count: "
        + ", ".join(f"\\texttt{{{name}}} ${_COMPARISON_TEX[name]}$" for name in COMPARISONS)
        + "."
    )
    return "\n\n".join(out) + "\n"


def _class_sentence(activation: str) -> str:
    from .activation_classes import activation_class

    cls = activation_class(activation)
    names = ", ".join(cls.examples)
    return (f"The activation belongs to the class \\emph{{{latex_escape(cls.name)}}} ({latex_escape(names)}): "
            f"global minima: {_text(cls.zero_loss_rule)}; critical points: {_text(cls.critical_rule)}. "
            "Every count, formula and ratio below is that of this class (its own readings R1, R2 and critical; "
            "its labels also carry signs and dead or parked neurons, so the subspaces $\\Gamma_g$ below are "
            "the generic ones only in outline). ")


def _section_formulas(opts) -> str:
    import sympy

    counting = _need("counting")
    out = [r"\section{Derived formulas}",
           ("Every expression in this section is returned by \\texttt{symbolic\\_minima} "
            "(\\texttt{counting.closed\\_form}, \\texttt{species}) and printed with "
            "\\texttt{counting.latex\\_form}.")]
    notes = []

    def closed(quantity, zero_type, form):
        try:
            return counting.closed_form(quantity, zero_type=zero_type, form=form, **_activation_kwargs(opts))
        except ArgumentValueError:
            if opts.get("activation") is None:
                raise
            return None  # a form not derived for this class's reading (its other forms are shown)
        except Exception as exc:  # noqa: BLE001 - a form the counting module does not provide
            notes.append(f"closed_form({quantity!r}, zero_type={zero_type!r}, form={form!r}) failed: {exc}")
            return None

    forms = ("stirling", "sum", "egf")
    rows = []
    for zero_type in zero_types():
        for form in forms:
            expr = closed("T", zero_type, form)
            if expr is not None:
                rows.append((f"T_{{{reading_name(zero_type)}}}{_class_of(opts)}(r,m)", form, expr))
    for form in forms:
        expr = closed("G", None, form)
        if expr is not None:
            rows.append((f"G{_class_of(opts)}(r,m)", form, expr))
    out.append(r"\subsection{Closed forms}")
    for name, form, expr in rows:
        label = {"stirling": "Stirling form", "sum": "explicit sum", "egf": "exponential generating function"}.get(
            form, form)
        lhs = name if form != "egf" else "\\sum_{m\\ge 0}" + name + "\\,\\frac{x^m}{m!}"
        out.append(f"{latex_escape(label).capitalize()}:\n" + _display(f"{lhs} = {_tex(expr)}"))

    try:
        species = _need("species")
        out.append(r"\subsection{Labelled species}")
        r = sympy.Symbol("r", integer=True, positive=True)
        for zero_type in zero_types():
            if opts.get("activation") is None:
                sp = species.global_minimum_species(r, zero_type=zero_type)
            else:
                from .readings import get_reading

                sp = get_reading(zero_type, opts["activation"]).species(r)
            out.append(
                f"Global minima, reading {reading_name(zero_type)}: species ${_tex(sp)}$, "
                f"EGF " + _display(_tex(sp.egf()))
            )
        if opts.get("activation") is None:
            sp = species.critical_species(r)
        else:
            from .readings import get_reading

            sp = critical_reading(opts["activation"]).species(r)
        out.append(f"Critical subspaces: species ${_tex(sp)}$, EGF " + _display(_tex(sp.egf())))
    except _Unavailable as exc:
        notes.append(str(exc))
    except Exception as exc:  # noqa: BLE001
        notes.append(f"species section failed: {type(exc).__name__}: {exc}")

    if opts.get("activation") is not None:
        out.append(r"\subsection{Relations and asymptotics}" + "\n"
                   + "The relations between $T$ and $G$ and the asymptotic leading terms of the full report are "
                   "derived for the generic class; for this class, the proof in Section~\\ref{sec:proofs} derives "
                   "its closed forms, its isolated minima and the fixed-$h$ polynomial bound of "
                   "$T(r,r+h)/(c^r\\,r!)$.")
        if notes:
            out.append(_not_available("parts of this section", "; ".join(notes)))
        opts["_missing"].extend(notes)
        return "\n\n".join(out) + "\n"
    out.append(_relations(opts))
    try:
        out.append(_asymptotics(_need("asymptotics")))
    except _Unavailable as exc:
        out.append(r"\subsection{Asymptotics}" + "\n" + _not_available("asymptotic leading terms", str(exc)))
        notes.append("asymptotics not available")
    except Exception as exc:  # noqa: BLE001
        out.append(r"\subsection{Asymptotics}" + "\n" + _not_available("asymptotic leading terms", str(exc)))
        notes.append(f"asymptotics failed: {type(exc).__name__}: {exc}")
    if notes:
        out.append(_not_available("parts of this section", "; ".join(notes)))
    opts["_missing"].extend(notes)
    return "\n\n".join(out) + "\n"


def _relations(opts) -> str:
    out = [r"\subsection{Relations}"]
    proofs = opts.get("_proofs")
    if proofs is None:
        return "\n".join(out) + "\n" + _not_available(
            "the relations between T and G", "They are derived and checked by the proofs, which this build "
            "leaves out (generate the report with proofs enabled).")
    relations = [p for p in proofs if p.name.startswith("relation")]
    if not relations:
        return "\n".join(out) + "\n" + _not_available("the relations between T and G",
                                                         "No relation proof is registered in proofs/.")
    out.append("Each identity below is derived and checked by the proof of the same name (Section~\\ref{sec:proofs}).")
    for p in relations:
        verdict = "verified" if p.verdict else "NOT verified"
        body = _display(p.claim_latex) if p.claim_latex else _text(p.claim)
        out.append(f"{body}\n\\centerline{{\\small proof \\texttt{{{latex_escape(p.name)}}}, "
                   f"{latex_escape(p.reading_label)}: {verdict}}}")
    return "\n\n".join(out) + "\n"


def _asymptotics(asym) -> str:
    out = [r"\subsection{Asymptotics}",
           ("Leading terms returned by \\texttt{asymptotics.T\\_asymptotic} and "
            "\\texttt{asymptotics.G\\_asymptotic}. Fixed $r$, $m\\to\\infty$:")]
    rows = [f"T_{{{reading_name(z)}}}(r,m) &\\sim {_tex(asym.T_asymptotic(z))}" for z in zero_types()]
    rows.append(f"G(r,m) &\\sim {_tex(asym.G_asymptotic())}")
    out.append("\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}")
    try:
        rows = [f"T_{{{reading_name(z)}}}(r,r+h) &\\sim {_tex(asym.T_asymptotic(z, regime='fixed_h'))}"
                for z in zero_types()]
        rows.append(f"G(r,r+h) &\\sim {_tex(asym.G_asymptotic(regime='fixed_h'))}")
    except TypeError:  # no fixed-h regime in this version
        return "\n\n".join(out) + "\n"
    out.append("Fixed $h$, $r\\to\\infty$ ($m=r+h$):")
    out.append("\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}")
    return "\n\n".join(out) + "\n"


def _int_tex(n: int) -> str:
    from .bigint import int_to_str

    s = int_to_str(n)
    if len(s) > 24:
        return f"{s[:6]}\\ldots{s[-3:]}\\ ({len(s)}\\text{{ digits}})"
    return s


def _section_tables(opts) -> str:
    counting = _need("counting")
    r_max, h_max = opts["r_max"], opts["h_max"]
    out = [r"\section{Tables of values}",
           (f"Computed by \\texttt{{counting.T}} and \\texttt{{counting.G}} for $1\\le r\\le {r_max}$ and "
            f"$m = r+h$, $0\\le h\\le {h_max}$ (columns).")]
    kw = _activation_kwargs(opts)
    cls = _class_of(opts)
    quantities: list[tuple[str, Callable[..., int]]] = [
        (f"T_{{{reading_name(z)}}}{cls}(r, r+h)", (lambda r, m, z=z: counting.T(r, m, zero_type=z, **kw)))
                  for z in zero_types()]
    quantities.append((f"G{cls}(r, r+h)", lambda r, m: counting.G(r, m, **kw)))
    for name, fn in quantities:
        head = " & ".join(f"$h={h}$" for h in range(h_max + 1))
        lines = [f"\\begin{{center}}${name}$\\\\[2pt]", f"\\begin{{tabular}}{{r{'r' * (h_max + 1)}}}",
                 "\\toprule", f"$r$ & {head} \\\\", "\\midrule"]
        for r in range(1, r_max + 1):
            vals = " & ".join(_int_tex(fn(r, r + h)) for h in range(h_max + 1))
            lines.append(f"{r} & {vals} \\\\")
        lines += ["\\bottomrule", "\\end{tabular}\\end{center}"]
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _ratio_value(row, key):
    value = row.get(key) if isinstance(row, dict) else getattr(row, key, None)
    if value is None and isinstance(row, dict):
        value = row.get("ratios", {}).get(key)
    elif value is None:
        value = getattr(row, "ratios", {}).get(key)
    return value


def _fmt_ratio(value) -> str:
    if value is None:
        return "--"
    frac = Fraction(value)
    if frac == 0:
        return "0"
    import math

    # a decimal with three significant digits, from the exact fraction
    exponent = math.floor(math.log10(frac.numerator) - math.log10(frac.denominator))
    mantissa = float(frac / Fraction(10) ** exponent)
    if mantissa >= 9.995:
        mantissa, exponent = mantissa / 10, exponent + 1
    if -3 <= exponent <= 3:
        text = f"{float(frac):.{max(0, 2 - exponent)}f}"
        return text if frac < 1 else f"\\mathbf{{{text}}}"
    return (f"{mantissa:.2f}\\cdot 10^{{{exponent}}}" if frac < 1
            else f"\\mathbf{{{mantissa:.2f}\\cdot 10^{{{exponent}}}}}")


def _section_ratios(opts) -> str:
    comparison = _need("comparison")
    r_stars = range(2, opts["r_star_max"] + 1)
    h_max = opts["ratio_h_max"]
    out = [r"\section{Critical versus global-minimum subspaces}",
           "The ratio of the number of symmetry-induced critical subspaces to " + _t_names("(r^*, r^*+h)", "or")
           + ", for each choice of the critical count and each reading, computed exactly by "
           "\\texttt{comparison.compare} (as fractions) and printed to three significant digits; "
           "bold entries are at least $1$ (critical subspaces dominate). "
           "The crossover (smallest $h$ with ratio $<1$, from "
           "\\texttt{comparison.crossover}) separates the mildly from the vastly overparameterized regime."]
    hs = list(range(h_max + 1))
    for zero_type in zero_types():
        rn = reading_name(zero_type)
        for key in COMPARISONS:
            lines = [(f"\\subsection*{{${_COMPARISON_TEX[key]}\\,/\\,T_{{{rn}}}(r^*,m)$ "
                      f"(comparison \\texttt{{{key}}}, reading {rn})}}"),
                     "\\begin{center}\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%",
                     f"\\begin{{tabular}}{{r{'r' * len(hs)}r}}", "\\toprule",
                     "$r^*$ & " + " & ".join(f"$h={h}$" for h in hs) + " & crossover \\\\", "\\midrule"]
            for r_star in r_stars:
                rows = list(comparison.compare(r_star, hs, zero_type=zero_type, **_activation_kwargs(opts)))
                cells = " & ".join(f"${_fmt_ratio(_ratio_value(row, key))}$" for row in rows)
                try:
                    cross = comparison.crossover(r_star, key, zero_type=zero_type, h_max=opts["crossover_h_max"],
                                                 **_activation_kwargs(opts))
                except TypeError:
                    cross = comparison.crossover(r_star, key, zero_type, opts["crossover_h_max"])
                cross = _crossover_value(cross)
                cross_text = "none" if cross is None else f"$h={cross}$"
                lines.append(f"{r_star} & {cells} & {cross_text} \\\\")
            lines += ["\\bottomrule", "\\end{tabular}}\\end{center}"]
            out.append("\n".join(lines))
    if opts["ratio_figure"]:
        out.append(_ratio_figure(opts))
    return "\n\n".join(out) + "\n"


RATIO_FIGURE = "ratio-heatmaps.png"


def _ratio_figure(opts) -> str:
    """The heatmaps of :func:`symbolic_minima.plots.plot_ratio` as a PNG next to the ``.tex`` file."""
    import tempfile

    try:
        import matplotlib  # noqa: F401
    except ImportError:
        opts["_missing"].append("ratio heatmaps: matplotlib is not installed")
        return _not_available("the ratio heatmaps", "They need matplotlib (pip install symbolic-minima[plot]).")
    from .plots import plot_ratio

    r_stars = range(2, opts["ratio_figure_size"][0] + 1)
    hs = range(opts["ratio_figure_size"][1] + 1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / RATIO_FIGURE
        fig = plot_ratio(r_stars, hs, path=path, dpi=150, **_activation_kwargs(opts))
        import matplotlib.pyplot as plt

        plt.close(fig)
        opts["_figures"][RATIO_FIGURE] = path.read_bytes()
    return (
        "\\begin{figure}[ht]\\centering\n"
        f"\\includegraphics[width=\\linewidth]{{{RATIO_FIGURE}}}\n"
        f"\\caption{{$\\log_{{10}}$ of the ratios for $2\\le r^*\\le {r_stars[-1]}$, $0\\le h\\le {hs[-1]}$ "
        "(\\texttt{plots.plot\\_ratio}); the black line is the crossover.}\n"
        "\\end{figure}\n"
    )


def _crossover_value(cross):
    if cross is None or isinstance(cross, int):
        return cross
    for attr in ("h", "crossover", "value"):
        if hasattr(cross, attr):
            return getattr(cross, attr)
    if isinstance(cross, dict):
        return cross.get("h", cross.get("crossover"))
    return cross


def _section_proofs(opts) -> str:
    proving = _need("proving")
    out = [r"\section{Machine-checked proofs}\label{sec:proofs}",
           "Each claim below is derived by a module of \\texttt{proofs/} with the package's machinery; "
           "the derivation, the exact checks and the verdict are those computed while this report was "
           "generated (\\texttt{proving.run\\_proof}"
           + (f", options {latex_escape(opts['proof_options'])}" if opts["proof_options"] else "")
           + ")."]
    if "_proofs_error" in opts:
        exc = opts["_proofs_error"]
        if isinstance(exc, ImportError):
            raise _Unavailable(f"the proofs could not be imported ({exc})") from exc
        raise exc
    proofs = opts.get("_proofs")
    if proofs is None:
        proofs = proving.run_all_proofs(**opts["proof_options"])
    if not proofs:
        raise _Unavailable("no proofs are registered in proofs/")
    verdicts = [_FIT + "\\begin{tabular}{llll}\\toprule",
                "proof & reading & verdict & time \\\\ \\midrule"]
    for p in proofs:
        verdicts.append(f"\\texttt{{{latex_escape(p.name)}}} & {latex_escape(p.reading_label)} & "
                        f"{'verified' if p.verdict else 'NOT verified'} & {p.seconds:.1f}\\,s \\\\")
        if not p.verdict:
            opts["_missing"].append(f"proof {p.name} not verified")
    verdicts.append("\\bottomrule\\end{tabular}}\\end{center}")
    out.append("\n".join(verdicts))
    for p in proofs:
        out.append(f"\\subsection{{\\texttt{{{latex_escape(p.name)}}}}}\n"
                   + p.latex(stirling_macro=STIRLING_MACRO, width=_DISPLAY_WIDTH.get(), fit=True))
    return "\n\n".join(out) + "\n"


def _section_figure(opts) -> str:
    r, m = opts["figure"]
    zero_type = opts["figure_zero_type"]
    graph_mod = _need("graph")
    import networkx as nx

    try:
        graph = graph_mod.connectivity_graph(r, m, zero_type=zero_type, method="exact")
        how = (f"exact rational linear algebra on the subspaces of \\texttt{{Teacher.default({r})}} "
               "(\\texttt{connectivity\\_graph(..., method=\"exact\")})")
    except ImportError as exc:  # subspaces not available: the combinatorial criterion
        graph = graph_mod.connectivity_graph(r, m, zero_type=zero_type)
        how = ("the combinatorial intersection criterion of \\texttt{symbolic\\_minima.graph} "
               f"(the exact route needs a module that is missing: {latex_escape(str(exc))})")
    n_nodes, n_edges = graph.number_of_nodes(), graph.number_of_edges()
    connected = nx.is_connected(graph) if n_nodes else False
    out = [f"\\section{{Connectivity of the global minima, \\texorpdfstring{{$r={r}$, $m={m}$}}{{r={r}, m={m}}}}}"]
    out.append(
        f"One node per global-minimum subspace $\\Gamma_g$ (reading {reading_name(zero_type)}), labelled by $g$ "
        "(a bar marks a zero-sum group), and an edge where two subspaces intersect, decided by "
        f"{how}. {n_nodes} nodes, {n_edges} edges; the graph is "
        f"{'connected' if connected else 'NOT connected'}."
    )
    out.append(_tikz_graph(graph))
    out.append(_path_example())
    return "\n\n".join(out) + "\n"


def _path_example() -> str:
    """The example of the mathematical reference ('Zero-loss paths'): a certified path from a minimum to its
    permutation (r=1, m=2)."""
    try:
        from .network import Teacher
        from .paths import zero_loss_path

        path = zero_loss_path(Teacher([1], [1]), 2, (1, 0), (0, 1))
    except ImportError as exc:
        return "\\subsection*{A path of zero loss}\n" + _not_available("the zero-loss path", str(exc))
    return (
        "\\subsection*{A path of zero loss}\n"
        "For $r=1$, $m=2$ (teacher $w^*=1$, $a^*=1$), \\texttt{paths.zero\\_loss\\_path} joins a point of "
        "$\\Gamma_{(1,0)}$ to its permutation in $\\Gamma_{(0,1)}$ by "
        f"{path.n_segments} segments with exact waypoints $\\theta=(w_1,w_2,a_1,a_2)$; each segment lies in "
        "one subspace and the network function along it is certified to equal the teacher's "
        f"({'certified' if path.certified else 'NOT certified'}):\n"
        f"\\[ {_tex(path)} \\]\n"
    )


def _section_deep(opts) -> str:
    deep = _need("deep")
    import networkx as nx

    out = [r"\section{Deep networks: one extra neuron per layer}",
           ("For each teacher with minimal hidden widths $r_1^*,\\dots,r_{L-1}^*$ "
            "(\\texttt{DeepTeacher.default}), the connectivity graph of the global-minimum subspaces "
            f"(\\texttt{{deep.deep\\_connectivity\\_graph}}, reading {deep.READING.short_name}) at the minimal "
            "widths and with one extra neuron in every hidden layer, and certified zero-loss paths joining every "
            "pair of the $r_1^*!\\cdots r_{L-1}^*!$ permuted teachers (\\texttt{deep.connect\\_permuted\\_minima}).")]
    lines = [_FIT + "\\begin{tabular}{lrrrrlrl}\\toprule",
             "$r^*$ & minima & edges & subspaces ($+1$) & edges ($+1$) & connected & paths & certified \\\\",
             "\\midrule"]
    for widths in opts["deep_widths"]:
        teacher = deep.DeepTeacher.default(list(widths))
        isolated = deep.deep_connectivity_graph(teacher, widths)
        wide = tuple(w + 1 for w in widths)
        graph = deep.deep_connectivity_graph(teacher, wide)
        joined = deep.connect_permuted_minima(teacher)
        lines.append(
            f"$({', '.join(map(str, widths))})$ & {isolated.number_of_nodes()} & {isolated.number_of_edges()} & "
            f"{graph.number_of_nodes()} & {graph.number_of_edges()} & "
            f"{'yes' if nx.is_connected(graph) else 'NO'} & "
            f"{joined['paths']} (max {joined['max_segments']} segments) & "
            f"{'yes' if joined['certified'] else 'NO'} \\\\")
    lines.append("\\bottomrule\\end{tabular}}\\end{center}")
    out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _tikz_graph(graph) -> str:
    """The figure's TikZ picture: :func:`symbolic_minima.exports.tikz_picture` (also ``graph ... -o FILE.tex``)."""
    from .exports import tikz_picture

    return "\\begin{center}\n" + tikz_picture(graph) + "\n\\end{center}"


# ----------------------------------------------------------------------------- assembly


_SECTIONS = (
    ("Setting and definitions", _section_definitions, None),
    ("Derived formulas", _section_formulas, None),
    ("Tables of values", _section_tables, None),
    ("Critical versus global-minimum subspaces", _section_ratios, None),
    ("Machine-checked proofs", _section_proofs, "proofs"),
    ("Connectivity figure", _section_figure, "figure"),
    ("Deep networks", _section_deep, "deep"),
)


def _sections(opts, proofs, figure) -> tuple:
    """``(body, sections)``: the LaTeX of every section and its status."""
    body: list = []
    sections: list = []
    for title, fn, switch in progress(_SECTIONS, total=len(_SECTIONS), desc="report: sections"):
        if ((switch == "proofs" and not proofs) or (switch == "figure" and figure is None)
                or (switch == "deep" and not opts["deep_widths"])):
            continue
        before = len(opts["_missing"])
        try:
            body.append(fn(opts))
        except _Unavailable as exc:
            opts["_missing"].append(f"{title}: {exc}")
            body.append(f"\\section{{{latex_escape(title)}}}\n" + _not_available(f"the section {title}", str(exc)))
        except Exception as exc:  # noqa: BLE001 - a broken module must not crash the whole report
            message = f"{type(exc).__name__}: {exc}"
            opts["_missing"].append(f"{title}: {message}")
            body.append(f"\\section{{{latex_escape(title)}}}\n"
                        + _not_available(f"the section {title}", f"Generating it raised {message}."))
        sections.append((title, "ok" if len(opts["_missing"]) == before else "; ".join(opts["_missing"][before:])))
    return body, sections


def generate_report(r_max: int = 4, h_max: int = 4, r_star_max: int = 10, ratio_h_max: int = 10,
                    crossover_h_max: int = 200, proofs=True, proof_options: dict | None = None,
                    figure=(2, 3), figure_zero_type: str = DEFAULT_ZERO_TYPE, deep_widths=((2, 1), (2, 2)),
                    ratio_figure: bool = True, ratio_figure_size=(20, 30), activation=None,
                    body_only: bool = False) -> Report:
    r"""Generate the LaTeX report (see the module docstring) and return a :class:`Report`.

    ``r_max``, ``h_max``: the tables of :math:`T` in every reading (:math:`T_{R1}`, :math:`T_{R2}`), :math:`G`
    cover :math:`r\le` ``r_max``, :math:`m\le r+` ``h_max``.  ``r_star_max``,
    ``ratio_h_max``: the ratio tables cover :math:`2\le r^*\le` ``r_star_max``,
    :math:`0\le h\le` ``ratio_h_max``; crossovers are searched up to
    ``crossover_h_max``.  ``proofs``: include the proofs of :mod:`proofs`
    (``True``: all of them; or a list of proof names)
    (``proof_options`` are passed to each ``prove``).  ``figure``:
    ``(r, m)`` of the connectivity figure, or ``None``.  ``deep_widths``:
    minimal hidden widths of the deep teachers of the deep-network section
    (empty to leave it out).  ``ratio_figure``: include the ratio heatmaps
    (a PNG, needs matplotlib; the document says so when it is missing) over
    :math:`2\le r^*\le R`, :math:`0\le h\le H` for ``ratio_figure_size=(R, H)``.
    ``activation``: report on this activation class (see the module docstring);
    ``proofs=True`` then means the class's proofs.
    ``body_only``: the sections alone, without preamble, title, abstract and
    ``\begin{document}`` (to ``\input`` into a paper whose preamble loads
    :data:`PACKAGES`); its first lines say what it needs and define the
    report's macros with ``\providecommand``.
    """
    from . import __version__
    from .activation_classes import activation_class

    if activation is not None:
        activation = activation_class(activation).name
        if activation == "generic":
            activation = None
        else:  # the connectivity figure and the deep networks are those of the generic class
            figure, deep_widths = None, ()

    t0 = time.perf_counter()
    opts: dict[str, Any] = {
        "r_max": check_int(r_max, "r_max", minimum=1, maximum=12),
        "h_max": check_int(h_max, "h_max", minimum=0, maximum=30),
        "r_star_max": check_int(r_star_max, "r_star_max", minimum=2, maximum=60),
        "ratio_h_max": check_int(ratio_h_max, "ratio_h_max", minimum=0, maximum=40),
        "crossover_h_max": check_int(crossover_h_max, "crossover_h_max", minimum=1, maximum=10_000),
        "proof_options": dict(proof_options or {}),
        "figure_zero_type": figure_zero_type,
        "deep_widths": [tuple(check_int(w, "deep width", minimum=1, maximum=3) for w in ws)
                        for ws in (deep_widths or ())],
        "ratio_figure": bool(ratio_figure),
        "ratio_figure_size": (check_int(ratio_figure_size[0], "ratio_figure_size[0]", minimum=2, maximum=200),
                              check_int(ratio_figure_size[1], "ratio_figure_size[1]", minimum=0, maximum=1000)),
        "_figures": {},
        "_missing": [],
        "activation": activation,
    }
    if figure is not None:
        if not (isinstance(figure, (tuple, list)) and len(figure) == 2):
            raise ArgumentValueError(f"figure must be None or a pair (r, m), got {figure!r}")
        fr = check_int(figure[0], "figure r", minimum=1, maximum=4)
        fm = check_int(figure[1], "figure m", minimum=fr, maximum=fr + 3)
        opts["figure"] = (fr, fm)
    if proofs and proofs is not True and (isinstance(proofs, (str, bytes))
                                          or not isinstance(proofs, (list, tuple, set, frozenset))):
        raise ArgumentTypeError(f"proofs must be True, False or a list of proof names, got {type(proofs).__name__} "
                                f"{proofs!r}")
    if proofs:
        try:
            from .proving import check_options, list_proofs, proof_names, run_proof

            known = proof_names()
            of_class = [info.name for info in list_proofs() if info.activation_class == activation]
        except Exception as exc:  # noqa: BLE001 - reported by the proofs section
            opts["_proofs_error"] = exc
        else:  # bad names or options are bad input (raised), not a missing section
            names = of_class if proofs is True else list(proofs)
            unknown = [name for name in names if name not in known]
            if unknown:
                raise ArgumentValueError(f"proofs: unknown proof name(s) {', '.join(map(repr, unknown))}; "
                                         f"allowed: {', '.join(known)}")
            extra = set(opts["proof_options"]) - {"max_r", "extra_m", "enumeration_limit"}
            if extra:
                raise ArgumentValueError(f"proof_options: unknown option(s) {', '.join(sorted(extra))}; "
                                         "allowed: max_r, extra_m, enumeration_limit")
            check_options(**opts["proof_options"])
            try:
                opts["_proofs"] = [run_proof(name, **opts["proof_options"])
                                   for name in progress(names, desc="report: proofs")]
            except Exception as exc:  # noqa: BLE001 - reported by the proofs section
                opts["_proofs_error"] = exc
    token = _DISPLAY_WIDTH.set(BODY_DISPLAY_WIDTH if body_only else 80)
    try:
        body, sections = _sections(opts, proofs, figure)
    finally:
        _DISPLAY_WIDTH.reset(token)
    head = [
        _PREAMBLE,
        ("\\title{Symmetries and invariances of overparameterized loss landscapes:\\\\ "
         "derived formulas, values and proofs}"),
        f"\\author{{Generated by \\texttt{{symbolic\\_minima}} {latex_escape(__version__)}}}",
        "\\date{}",
        "\\begin{document}",
        "\\maketitle",
        "\\begin{abstract}",
        "This document is generated, not written: the formulas, values, ratios, proofs and figures are computed "
        "by \\texttt{symbolic\\_minima} from the definitions of Section~1 (after \\c{S}im\\c{s}ek et al., "
        "ICML 2021), with exact integer and rational arithmetic. Every count names its reading of the "
        "zero-type neurons (" + " or ".join(reading_name(z) for z in zero_types()) + ")."
        + ("" if activation is None else
           f" Activation class \\emph{{{latex_escape(activation)}}}: every count is that of the class; the "
           "connectivity figure and the deep networks are left out (they are those of the generic class).")
        + ("" if not opts["_missing"] else
           f" \\textbf{{This build is incomplete}}: {len(opts['_missing'])} part(s) could not be generated "
           "and say so where they would appear."),
        "\\end{abstract}",
        "\\tableofcontents",
    ]
    from .latex_text import stirling_braces

    text = _breakable_code(stirling_braces("\n".join(body), STIRLING_MACRO))  # no \atop left; long names break
    if body_only:
        latex = "\n".join([
            f"% The body of the report generated by symbolic_minima {__version__}, to \\input into a document.",
            f"% Its preamble needs: \\usepackage{{{','.join(PACKAGES)}}}",
            "% Figures are looked up relative to the main document. Macros (redefine them if you like):",
            *_MACROS,
            "\\begingroup\\sloppy  % long names and formulas in a column narrower than the report's: stretch lines",
        ]) + "\n\n" + text + "\n\\endgroup\n"
    else:
        latex = "\n".join(head) + "\n\n" + text + "\n\\end{document}\n"
    return Report(latex=latex, sections=sections, missing=list(opts["_missing"]), figures=dict(opts["_figures"]),
                  seconds=time.perf_counter() - t0)


def compile_latex(tex_path, runs: int = 2, timeout: float = 300) -> tuple[Path | None, str]:
    """Run ``pdflatex`` on ``tex_path`` (twice, for the table of contents; a third time if LaTeX asks).

    Returns ``(pdf_path, log)``; ``pdf_path`` is ``None`` when ``pdflatex`` is
    not installed or failed (the log says why).
    """
    exe = shutil.which("pdflatex")
    tex_path = Path(tex_path)
    if exe is None:
        return None, "pdflatex not found on PATH; install a TeX distribution to compile the report"
    log = ""
    for _ in range(runs):
        res = subprocess.run(
            [exe, "-interaction=nonstopmode", "-halt-on-error", tex_path.name],
            cwd=tex_path.parent, capture_output=True, text=True, timeout=timeout, check=False,
            env=dict(os.environ, TEXINPUTS=f".:{os.environ.get('TEXINPUTS', '')}"),
        )
        log = res.stdout[-4000:] + res.stderr[-2000:]
        if res.returncode != 0:
            return None, log
    if "Rerun to get cross-references right" in log:  # the table of contents moved the pages: once more
        res = subprocess.run(
            [exe, "-interaction=nonstopmode", "-halt-on-error", tex_path.name],
            cwd=tex_path.parent, capture_output=True, text=True, timeout=timeout, check=False,
            env=dict(os.environ, TEXINPUTS=f".:{os.environ.get('TEXINPUTS', '')}"),
        )
        log = res.stdout[-4000:] + res.stderr[-2000:]
        if res.returncode != 0:
            return None, log
    pdf = tex_path.with_suffix(".pdf")
    return (pdf if pdf.exists() else None), log


def write_report(directory, compile: bool | None = None, name: str = "report", **options) -> ReportFiles:
    """Generate the report and write ``DIR/report.tex`` (and figures); compile it if possible.

    ``compile``: ``True`` compiles (a missing ``pdflatex`` is then reported in
    :attr:`ReportFiles.compile_log`), ``False`` never does, ``None`` compiles
    when ``pdflatex`` is found.  ``options`` go to :func:`generate_report`.
    """
    if not isinstance(directory, (str, os.PathLike)):
        raise ArgumentTypeError(f"directory must be a path (str or os.PathLike), "
                                f"got {type(directory).__name__} {directory!r}")
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise InputOutputError(f"cannot write the report into {str(directory)!r}: it exists and is not a directory")
    if not isinstance(name, str) or not name or "/" in name or name.startswith("."):
        raise ArgumentValueError(f"name must be a plain file name such as 'report', got {name!r}")
    parent = directory.resolve().parent
    if not directory.exists() and not parent.is_dir():
        raise InputOutputError(f"cannot write the report into {str(directory)!r}: "
                               f"directory {str(parent)!r} does not exist")
    report = generate_report(**options)  # bad options fail here, before anything is created
    created = not directory.exists()
    tex = directory / f"{name}.tex"
    new_files = [p for p in [tex, *(directory / f for f in report.figures)] if not p.exists()]
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_text(tex, report.latex)  # atomic: a failure leaves no partial file
        for filename, data in report.figures.items():
            write_bytes(directory / filename, data)
    except BaseException as exc:
        for path in new_files:  # remove what this call created; replaced files were replaced whole
            path.unlink(missing_ok=True)
        if created:
            shutil.rmtree(directory, ignore_errors=True)
        if isinstance(exc, OSError) and not isinstance(exc, InputOutputError):
            raise io_error(directory, exc) from None
        raise
    pdf, log = None, ""
    if options.get("body_only"):
        log = "body only: not compiled (\\input it into a document)"
    elif compile or (compile is None and shutil.which("pdflatex")):
        from .progress import phase

        with phase("pdflatex"):
            pdf, log = compile_latex(tex)
    return ReportFiles(tex=tex, pdf=pdf, report=report, compile_log=log)


def overfull_boxes(log, threshold: float = 5.0) -> list:
    r"""The overfull ``\hbox`` warnings of a pdflatex log wider than ``threshold`` points.

    Parameters
    ----------
    log : str or os.PathLike
        The log's text, or the path of a ``.log`` file.
    threshold : float
        Points; smaller overflows are ignored (invisible in print).

    Returns
    -------
    list of tuple
        ``(points, where)``: how far the box runs into the margin and the log's
        "detected at line N" or "in paragraph at lines A--B".

    Examples
    --------
    >>> overfull_boxes("Overfull \\hbox (89.23805pt too wide) detected at line 366\n"
    ...                "Overfull \\hbox (1.5pt too wide) in paragraph at lines 3--4")
    [(89.23805, 'detected at line 366')]
    """
    import re

    if isinstance(log, os.PathLike) or (isinstance(log, str) and log.endswith(".log") and "\n" not in log):
        log = Path(log).read_text(encoding="utf-8", errors="replace")
    found = re.findall(r"Overfull \\hbox \(([0-9.]+)pt too wide\) ([^\n]*)", log)
    return [(float(points), where.strip()) for points, where in found if float(points) > threshold]
