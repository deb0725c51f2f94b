"""The LaTeX report: generated from the machinery, complete, robust to missing pieces, compiles."""

import shutil
import sys
from math import comb

import pytest
import sympy

from symbolic_minima import report as rep
from symbolic_minima.report import generate_report, latex_escape, write_report

PROOFS = ["relation_shift", "g_critical"]  # a fast subset: every proof is run by tests/test_proofs.py
SMALL = dict(r_max=3, h_max=3, r_star_max=4, ratio_h_max=4, proofs=False, figure=None, deep_widths=(),
             ratio_figure=False)


def _t_r1(r, m):  # independent of the package: inclusion-exclusion
    return sum((-1) ** j * comb(r, j) * (r + 1 - j) ** m for j in range(r + 1))


def _g(r, m):  # independent of the package: surjections by inclusion-exclusion
    return sum((-1) ** j * comb(r, j) * (r - j) ** m for j in range(r + 1))


def _asymptotics_available():
    import importlib

    try:
        importlib.import_module("symbolic_minima.asymptotics")
        return True
    except ImportError:
        return False


def _unexpected(missing):
    """Problems other than a module that has not landed yet (asymptotics)."""
    if _asymptotics_available():
        return list(missing)
    return [item for item in missing if "asymptotics" not in item]


@pytest.fixture(scope="module")
def small_report():
    return generate_report(**SMALL)


@pytest.fixture(scope="module")
def full_files(tmp_path_factory):
    # compiles when pdflatex is installed
    return write_report(tmp_path_factory.mktemp("report"), compile=None, r_max=4, h_max=4, r_star_max=6,
                        ratio_h_max=6, proofs=PROOFS, proof_options={"max_r": 2, "extra_m": 2}, figure=(2, 3),
                        deep_widths=((2, 1),), ratio_figure=True, ratio_figure_size=(6, 8))


def test_document_structure(small_report):
    latex = small_report.latex
    assert latex.startswith("\\documentclass") and latex.rstrip().endswith("\\end{document}")
    assert latex.count("\\begin{") == latex.count("\\end{")
    for title in ("Setting and definitions", "Derived formulas", "Tables of values",
                  "Critical versus global-minimum subspaces"):
        assert f"\\section{{{title}}}" in latex
    assert not _unexpected(small_report.missing)


def test_tables_are_computed_values(small_report):
    # the rows of the T_R1 table agree with an independent formula
    for r in range(1, 4):
        row = f"{r} & " + " & ".join(str(_t_r1(r, r + h)) for h in range(4)) + " \\\\"
        assert row in small_report.latex
    assert "3 & 6 & 60 & 390 & 2100" in small_report.latex  # SPEC §5 table
    assert "1 & 1 & 3 & 10" in small_report.latex  # R2: 10 at r=1, m=3 (SPEC §2)


def test_formulas_come_from_the_counting_module(small_report):
    counting = pytest.importorskip("symbolic_minima.counting")

    def to_tex(expr):  # the report's printing: readable order, its \stirlingII macro
        return counting.latex_form(expr, stirling_macro=rep.STIRLING_MACRO)

    for zero_type in ("singletons", "groups"):
        for form in ("stirling", "sum", "egf"):
            expr = counting.closed_form("T", zero_type=zero_type, form=form)
            assert to_tex(expr) in small_report.latex
    assert to_tex(counting.closed_form("G", form="stirling")) in small_report.latex
    species = pytest.importorskip("symbolic_minima.species")
    r = sympy.Symbol("r", integer=True, positive=True)
    assert sympy.latex(species.global_minimum_species(r, zero_type="groups").egf()) in small_report.latex
    if _asymptotics_available():
        assert "\\sim" in small_report.latex  # asymptotics


def test_ratio_tables_have_crossovers(small_report):
    comparison = pytest.importorskip("symbolic_minima.comparison")
    for key in ("previous", "sum", "max"):
        assert f"comparison \\texttt{{{key}}}, reading R1" in small_report.latex
        assert f"comparison \\texttt{{{key}}}, reading R2" in small_report.latex
    assert comparison.COMPARISONS == ("previous", "sum", "max")
    # r* = 4, comparison sum, R1: the crossover recomputed here from the inclusion-exclusion sums
    h = next(h for h in range(5) if sum(_g(r, 4 + h) for r in range(1, 4)) < _t_r1(4, 4 + h))
    section = small_report.latex.split("(comparison \\texttt{sum}, reading R1)")[1].split("\\end{tabular}")[0]
    row = next(line for line in section.splitlines() if line.startswith("4 & "))
    assert row.startswith("4 & $\\mathbf{")  # h = 0: critical subspaces dominate (51/24 >= 1)
    assert row.endswith(f"$h={h}$ \\\\") and h == 1


def test_missing_module_is_stated_not_fatal(monkeypatch):
    monkeypatch.setitem(sys.modules, "symbolic_minima.comparison", None)  # import now fails
    report = generate_report(**SMALL)
    assert not report.complete
    assert any("comparison" in item for item in report.missing)
    assert "Not available in this build" in report.latex
    assert "This build is incomplete" in report.latex
    assert "\\section{Tables of values}" in report.latex  # the rest is still there


def test_broken_module_is_stated_not_fatal(monkeypatch):
    counting = pytest.importorskip("symbolic_minima.counting")

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(counting, "G", broken)
    report = generate_report(**SMALL)
    assert any("simulated failure" in item for item in report.missing)
    assert "simulated failure" in report.latex


def test_proofs_and_figure_sections(full_files):
    proving = pytest.importorskip("symbolic_minima.proving")
    report = full_files.report
    assert not _unexpected(report.missing)
    assert set(PROOFS) <= set(proving.proof_names())
    assert report.latex.count("\\textbf{Verdict:} verified") == len(PROOFS)
    assert "T_{R1}(r,m) = \\frac{G(r+1" in report.latex  # a relation, from its proof, in the formulas section
    assert "NOT verified" not in report.latex
    assert "\\begin{tikzpicture}" in report.latex
    # r=2, m=3: T_R1 = 12 subspaces forming one cycle (graph module, exact intersections)
    assert "12 nodes, 12 edges; the graph is connected" in report.latex
    assert "by 3 segments" in report.latex and "certified" in report.latex  # the SPEC §4 path, r=1, m=2


def test_deep_section(full_files):
    pytest.importorskip("symbolic_minima.deep")
    latex = full_files.report.latex
    # teacher (2, 1): 2!1! = 2 isolated minima; with one extra neuron per layer T(2,3) T(1,2) = 12 * 3 subspaces
    assert "$(2, 1)$ & 2 & 0 & 36 &" in latex and "& yes & 1 (max" in latex


def test_ratio_figure_is_written_next_to_the_tex(full_files):
    pytest.importorskip("matplotlib")
    png = full_files.tex.parent / rep.RATIO_FIGURE
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert f"\\includegraphics[width=\\linewidth]{{{rep.RATIO_FIGURE}}}" in full_files.report.latex


def test_missing_matplotlib_is_stated(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    report = generate_report(**{**SMALL, "ratio_figure": True})
    assert "ratio heatmaps" in report.latex and "matplotlib" in report.latex
    assert any("matplotlib" in item for item in report.missing)
    assert not report.figures


def test_latex_escape():
    assert latex_escape("a_b & 100% #1 ~ ^") == "a\\_b \\& 100\\% \\#1 \\textasciitilde{} \\textasciicircum{}"


def test_bad_options_are_clear():
    from symbolic_minima.errors import ArgumentValueError

    with pytest.raises(ArgumentValueError, match="r_max"):
        generate_report(r_max=0)
    with pytest.raises(ArgumentValueError, match="figure"):
        generate_report(figure=(3,))
    from symbolic_minima.errors import ArgumentTypeError

    # bad proof names and options are bad input, raised (not a silently "missing" proofs section)
    with pytest.raises(ArgumentTypeError, match="proofs must be"):
        generate_report(**{**SMALL, "proofs": "g_critical"})
    with pytest.raises(ArgumentValueError, match="unknown proof name"):
        generate_report(**{**SMALL, "proofs": ["g_critical", "no_such_proof"]})
    with pytest.raises(ArgumentValueError, match="max_r"):
        generate_report(**{**SMALL, "proofs": ["g_critical"], "proof_options": {"max_r": 0}})
    with pytest.raises(ArgumentValueError, match="unknown option"):
        generate_report(**{**SMALL, "proofs": ["g_critical"], "proof_options": {"colour": 1}})
    with pytest.raises(ArgumentTypeError, match="directory must be"):
        write_report(3, compile=False, **SMALL)


def test_write_into_a_file_is_refused(tmp_path):
    from symbolic_minima.errors import InputOutputError  # an output-path failure (CLI exit status 4)

    (tmp_path / "f").write_text("")
    with pytest.raises(InputOutputError, match="directory"):
        write_report(tmp_path / "f", compile=False, **SMALL)


def test_write_without_compiling(tmp_path):
    files = write_report(tmp_path / "out", compile=False, **SMALL)
    assert files.tex.read_text().startswith("\\documentclass")
    assert files.pdf is None


def test_compiles_with_pdflatex(full_files):
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not found on PATH: install TeX (e.g. texlive-latex-extra) to test compilation")
    assert full_files.pdf is not None, full_files.compile_log
    assert full_files.pdf.read_bytes()[:4] == b"%PDF"


def test_compile_reports_missing_pdflatex(tmp_path, monkeypatch):
    monkeypatch.setattr(rep.shutil, "which", lambda name: None)
    tex = tmp_path / "x.tex"
    tex.write_text("\\documentclass{article}\\begin{document}x\\end{document}")
    pdf, log = rep.compile_latex(tex)
    assert pdf is None and "pdflatex not found" in log


# ----------------------------------------------------------------------------- issue 12: typesetting


@pytest.fixture(scope="module")
def default_files(tmp_path_factory):
    """The report exactly as `symbolic-minima report -o DIR` writes it (every proof), compiled when pdflatex exists."""
    return write_report(tmp_path_factory.mktemp("default-report"), compile=None)


def test_text_is_typeset_not_escaped_markup(default_files):
    latex = default_files.report.latex
    assert "a\\_j" not in latex and "textasciicircum" not in latex   # a_j = 0 and t^m are math now
    assert "with $a_j = 0$" in latex and "$t \\to t^m$" in latex
    assert "\\atop" not in latex and "\\stirlingII{m + 1}{r + 1}" in latex    # the preamble's macro, no \atop
    assert "\\newcommand" in latex or "\\providecommand{\\stirlingII}" in latex
    assert "\\left(-1\\right)^{r - j}" in latex and "- j + r" not in latex   # readable term order
    assert "\\stirlingII{m - k}{r}" in latex and "- k + m" not in latex
    assert "k^{\\underline{r}}" in latex and "\\left(k\\right)}_{" not in latex  # falling factorial
    assert "e^{-1} \\sum_{i=0}^{\\infty}" in latex  # Dobinski's series, not a fraction over e


def _log(files):
    return files.tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")


def test_default_report_compiles_without_overfull_boxes_or_warnings(default_files):
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not found on PATH (apt-get install texlive-latex-base texlive-latex-extra): "
                    "the report is not compiled, so overfull boxes cannot be checked")
    assert default_files.pdf is not None, default_files.compile_log
    log = _log(default_files)
    assert rep.overfull_boxes(log, threshold=5.0) == []
    assert "Foreign command \\atop" not in log and "Token not allowed in a PDF string" not in log
    assert "Rerun to get cross-references right" not in log


def test_the_overfull_check_fails_on_an_overfull_box(tmp_path):
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not found on PATH: nothing to compile")
    tex = tmp_path / "wide.tex"
    tex.write_text("\\documentclass{article}\\begin{document}\\[" + " + ".join(f"x_{{{i}}}" for i in range(80))
                   + "\\]\\end{document}\n")
    pdf, _ = rep.compile_latex(tex, runs=1)
    assert pdf is not None
    boxes = rep.overfull_boxes(tex.with_suffix(".log"))
    assert boxes and boxes[0][0] > 100


def test_long_formulas_are_broken_to_fit():
    from symbolic_minima.latex_text import display_math, visible_width

    long = "F = " + " + ".join(f"\\left(e^{{x}} - {i}\\right)^{{{i}}} e^{{e^{{x}} - 1}}" for i in range(12))
    out = display_math(long)
    assert out.startswith("\\begin{align*}") and out.count("\\\\") >= 2
    assert all(visible_width(line) <= 80 for line in out.splitlines()[1:-1])
    assert display_math("F = 1") == "\\[ F = 1 \\]"


def test_body_only_can_be_input_into_a_paper(tmp_path):
    files = write_report(tmp_path / "body", compile=None, body_only=True, **SMALL)
    body = files.tex.read_text()
    assert body.startswith("% The body of the report") and "\\documentclass" not in body
    assert "\\begin{document}" not in body and "\\tableofcontents" not in body
    assert "\\providecommand{\\stirlingII}" in body and files.pdf is None
    assert "\\usepackage{" + ",".join(rep.PACKAGES) + "}" in body
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not found on PATH: the body is not compiled inside a paper")
    paper = files.tex.parent / "paper.tex"
    paper.write_text("\\documentclass{article}\n\\usepackage{" + ",".join(rep.PACKAGES) + "}\n"
                     "\\begin{document}\nA paper.\n\\input{report}\n\\end{document}\n")
    pdf, log = rep.compile_latex(paper)
    assert pdf is not None, log
    assert rep.overfull_boxes(paper.with_suffix(".log")) == []


def test_cli_body_only(tmp_path):
    import subprocess

    run = subprocess.run([sys.executable, "-m", "symbolic_minima", "report", "-o", str(tmp_path / "r"), "--body-only",
                          "--no-proofs", "--no-deep", "--no-heatmap", "--no-figure", "--r-max", "2", "--h-max", "1",
                          "--r-star-max", "3", "--ratio-h-max", "2"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "r" / "report.tex").read_text().startswith("% The body of the report")
    assert not (tmp_path / "r" / "report.pdf").exists()
