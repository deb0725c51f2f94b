"""Publication figures (issue 12): formats, dpi, colour-bar ticks on both halves, no clipped text, TikZ layout."""

import re
import subprocess
import sys

import pytest

from symbolic_minima import plots
from symbolic_minima.errors import ArgumentValueError

matplotlib = pytest.importorskip("matplotlib")


def clipped_texts(fig) -> list:
    """The visible texts of ``fig`` (titles, labels, tick labels, legends) that stick out of the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    out = []
    for text in fig.findobj(matplotlib.text.Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        extent = text.get_window_extent(renderer)
        if extent.x0 < box.x0 - 0.5 or extent.x1 > box.x1 + 0.5 or extent.y0 < box.y0 - 0.5 or extent.y1 > box.y1 + 0.5:
            out.append(text.get_text())
    return out


def test_the_clipping_check_finds_a_clipped_title():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2))
    fig.suptitle("a title much too long for a figure three inches wide, so it runs off both sides")
    assert clipped_texts(fig) != []
    plt.close(fig)


@pytest.mark.parametrize("zero_types, comparisons", [(["R1"], ["previous"]), (None, plots.COMPARISONS),
                                                     (["R2"], ["sum", "max"])])
def test_no_text_is_clipped_and_the_colour_bar_has_ticks_on_both_halves(zero_types, comparisons):
    import matplotlib.pyplot as plt

    fig = plots.plot_ratio(range(2, 12), range(0, 14), zero_types=zero_types, comparisons=comparisons)
    assert clipped_texts(fig) == []
    colour_bar = fig.axes[-1]
    ticks = [t for t in colour_bar.get_yticks() if colour_bar.get_ylim()[0] <= t <= colour_bar.get_ylim()[1]]
    assert any(t > 0 for t in ticks) and any(t < 0 for t in ticks) and 0 in ticks
    labels = [label.get_text() for label in colour_bar.get_yticklabels()]
    assert all(not re.search(r"\.\d*0$", label) for label in labels), labels  # no 0.50, -5.00
    plt.close(fig)


def test_two_sided_ticks():
    assert plots._two_sided_ticks(-27.3, 3.1) == [-20.0, -10.0, 0.0, 1.0, 2.0, 3.0]
    assert plots._two_sided_ticks(-0.8, 31.0) == [-0.8, -0.6, -0.4, -0.2, 0.0, 10.0, 20.0, 30.0]
    assert plots._two_sided_ticks(-2.0, 0.001) == [-2.0, -1.5, -1.0, -0.5, 0.0]  # no data above 0: no ticks


@pytest.mark.parametrize("extension, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("svg", b"<?xml")])
def test_formats_by_extension(tmp_path, extension, magic):
    import matplotlib.pyplot as plt

    path = tmp_path / f"ratio.{extension}"
    plt.close(plots.plot_ratio([3, 4], [0, 1], path=path, zero_types=["R1"], comparisons=["previous"]))
    assert path.read_bytes()[:5].startswith(magic)
    graph = tmp_path / f"graph.{extension}"
    plots.plot_graph(1, 2, path=graph)
    assert graph.read_bytes()[:5].startswith(magic)


def test_dpi_sets_the_png_resolution(tmp_path):
    import matplotlib.pyplot as plt
    from matplotlib.image import imread

    sizes = {}
    for dpi in (50, 100):
        path = tmp_path / f"r{dpi}.png"
        plt.close(plots.plot_ratio([3, 4], [0, 1], path=path, zero_types=["R1"], comparisons=["previous"], dpi=dpi))
        sizes[dpi] = imread(path).shape[:2]
    assert sizes[100][1] == pytest.approx(2 * sizes[50][1], abs=2)


def test_unknown_extensions_and_dpi_are_refused_before_any_work(tmp_path):
    from symbolic_minima.errors import SymbolicMinimaError

    with pytest.raises(SymbolicMinimaError, match="unknown figure format"):
        plots.plot_ratio([3], [0], path=tmp_path / "ratio.xyz")
    with pytest.raises(ArgumentValueError, match=r"\.png, \.pdf, \.svg"):
        plots.figure_format("ratio.xyz")
    with pytest.raises(ArgumentValueError, match="dpi"):
        plots.plot_graph(1, 2, path=tmp_path / "g.png", dpi=0)
    assert list(tmp_path.iterdir()) == []


def test_cli_dpi_and_pdf(tmp_path):
    out = tmp_path / "g.pdf"
    run = subprocess.run([sys.executable, "-m", "symbolic_minima", "plot", "graph", "2", "3", "-o", str(out),
                          "--dpi", "200"], capture_output=True, text=True, check=False)
    assert run.returncode == 0 and out.read_bytes().startswith(b"%PDF")
    helps = subprocess.run([sys.executable, "-m", "symbolic_minima", "plot", "ratio", "--help"],
                           capture_output=True, text=True, check=True).stdout
    assert "--dpi" in helps and ".pdf" in helps and ".svg" in helps


def test_readme_documents_the_figure_formats():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert "--dpi" in readme and ".pdf" in readme and ".svg" in readme


# ----------------------------------------------------------------------------- TikZ


def test_tikz_export_uses_the_report_layout():
    from symbolic_minima.exports import circle_positions, tikz_picture, to_tikz
    from symbolic_minima.graph import connectivity_graph
    from symbolic_minima.report import _tikz_graph

    G = connectivity_graph(2, 3)
    assert tikz_picture(G) in to_tikz(G) and tikz_picture(G) in _tikz_graph(G)
    positions = circle_positions(G)
    assert len(positions) == 12
    # the 12-cycle is drawn as a cycle: every edge joins neighbours on the circle (a readable picture)
    order = list(positions)
    for u, v in G.edges:
        assert (order.index(u) - order.index(v)) % 12 in (1, 11)
    lines = tikz_picture(G).splitlines()
    assert sum(line.startswith("\\node[") for line in lines) == 12
    assert sum(line.startswith("\\draw[gray]") for line in lines) == 12


def test_tikz_export_compiles(tmp_path):
    import shutil

    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed (apt-get install texlive-latex-base): the TikZ export is not compiled")
    from symbolic_minima.exports import to_tikz
    from symbolic_minima.graph import connectivity_graph

    (tmp_path / "g.tex").write_text(to_tikz(connectivity_graph(1, 3, "R2")))
    run = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "g.tex"], cwd=tmp_path,
                         capture_output=True, text=True, check=False, timeout=120)
    assert run.returncode == 0, run.stdout[-2000:]
    assert "Overfull" not in (tmp_path / "g.log").read_text(errors="replace")
