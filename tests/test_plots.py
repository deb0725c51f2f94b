"""Plots: exact data behind the ratio heatmaps, and the PNG files themselves."""

import subprocess
import sys
from fractions import Fraction
from math import comb

import pytest

from symbolic_minima import plots


def _g(r, m):  # independent: inclusion-exclusion surjection count
    return sum((-1) ** j * comb(r, j) * (r - j) ** m for j in range(r + 1))


def _t_r1(r, m):
    return sum((-1) ** j * comb(r, j) * (r + 1 - j) ** m for j in range(r + 1))


def test_ratio_grid_is_exact_and_independently_right():
    pytest.importorskip("symbolic_minima.comparison")
    r_stars, hs = [2, 3, 5], [0, 1, 4]
    for name, critical in (
        ("previous", lambda rs, m: _g(rs - 1, m)),
        ("sum", lambda rs, m: sum(_g(r, m) for r in range(1, rs))),
        ("max", lambda rs, m: max(_g(r, m) for r in range(1, rs))),
    ):
        grid = plots.ratio_grid(r_stars, hs, "singletons", name)
        for rs in r_stars:
            for h in hs:
                assert grid[(rs, h)] == Fraction(critical(rs, rs + h), _t_r1(rs, rs + h))


def test_crossover_curve_is_where_the_ratio_drops_below_one():
    pytest.importorskip("symbolic_minima.comparison")
    r_stars = list(range(2, 9))
    for zero_type in ("singletons", "groups"):
        curve = plots.crossover_curve(r_stars, zero_type, "sum")
        grid = plots.ratio_grid(r_stars, range(0, 12), zero_type, "sum")
        assert sorted(curve) == r_stars and all(h is not None for h in curve.values())  # not vacuous
        for rs, h in curve.items():
            assert grid[(rs, h)] < 1
            assert h == 0 or grid[(rs, h - 1)] >= 1


def test_log10_fraction_handles_huge_values():
    assert plots.log10_fraction(Fraction(10**5000, 10**4000)) == pytest.approx(1000.0)
    assert plots.log10_fraction(Fraction(1, 8)) == pytest.approx(-0.90309, abs=1e-5)
    from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError

    with pytest.raises(ArgumentValueError, match="value must be"):
        plots.log10_fraction(0)
    with pytest.raises(ArgumentTypeError, match="value must be"):
        plots.log10_fraction("1/2")  # text is refused, not parsed


def test_plotting_does_not_import_matplotlib_at_import_time():
    code = "import sys, symbolic_minima.plots; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def _assert_png(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


def test_plot_ratio_png(tmp_path):
    pytest.importorskip("matplotlib")
    pytest.importorskip("symbolic_minima.comparison")
    out = tmp_path / "ratio.png"
    fig = plots.plot_ratio(range(2, 7), range(0, 8), path=out)
    _assert_png(out)
    assert len(fig.axes) == 6 + 1  # 2 readings x 3 comparisons, plus the colour bar
    titles = " ".join(ax.get_title() for ax in fig.axes)
    for word in ("previous", "sum", "max", "R1", "R2"):
        assert word in titles


def test_plot_graph_png(tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "g.png"
    G = plots.plot_graph(2, 3, path=out)
    _assert_png(out)
    assert (G.number_of_nodes(), G.number_of_edges()) == (12, 12)  # T_R1(2, 3) = 12, one cycle


def test_plot_graph_without_the_exports_module(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    monkeypatch.setitem(sys.modules, "symbolic_minima.exports", None)  # import now fails: fallback drawing
    out = tmp_path / "g.png"
    G = plots.plot_graph(1, 3, path=out, zero_type="groups")
    _assert_png(out)
    assert G.number_of_nodes() == 10  # T_R2(1, 3)


def test_bad_arguments():
    from symbolic_minima.errors import ArgumentValueError

    with pytest.raises(ArgumentValueError, match="comparison"):
        plots.ratio_grid([3], [0], "singletons", "mean")
    with pytest.raises(ArgumentValueError, match="r_star"):
        plots.ratio_grid([1], [0])
    with pytest.raises(ArgumentValueError, match="m must be"):
        plots.plot_graph(3, 2)


def test_short_label():
    assert plots.short_label((-2, -1, -1, -2, 1)) == "baab1"
