r"""Publication figures (PNG, PDF or SVG): the mild/vast crossover and connectivity graphs.

* :func:`ratio_grid` — the exact ratios (critical / global-minimum subspaces)
  over a grid of :math:`(r^*, h)`, from :mod:`symbolic_minima.comparison`;
  no plotting library needed.
* :func:`plot_ratio` — a grid of heatmaps of :math:`\log_{10}` of those
  ratios, one per comparison (``"previous"``, ``"sum"``, ``"max"``) and
  reading (R1, R2), with the crossover curve (smallest :math:`h` where the
  ratio drops below 1) drawn over each.
* :func:`plot_graph` — the connectivity graph of the global-minimum
  subspaces of a small case (drawn by :mod:`symbolic_minima.exports`).

matplotlib (``pip install symbolic-minima[plot]``) is imported inside the
plotting functions, with the non-interactive ``Agg`` backend.  The format
follows the file's extension (:data:`FIGURE_FORMATS`: ``.png``, ``.pdf``,
``.svg``; PDF and SVG are vector formats for papers, ``dpi`` sets the
resolution of PNGs); layouts are constrained so no title is clipped, long
titles are wrapped to the figure's width, and the diverging colour bar of
the ratios has ticks on both sides of 0.

>>> grid = ratio_grid([3], [0, 1], "R1", "previous")
>>> grid[(3, 0)], grid[(3, 1)]
(Fraction(1, 1), Fraction(7, 30))
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction

from .atomic import FIGURE_FORMATS as _ATOMIC_FIGURE_FORMATS
from .atomic import check_figure_path, save_figure
from .comparison import COMPARISONS
from .errors import ArgumentTypeError, ArgumentValueError, check_choice, check_int, check_sequence
from .labels import Label
from .progress import progress
from .readings import DEFAULT_ZERO_TYPE, check_zero_type, get_reading, reading_name
from .readings import zero_types as _registered_zero_types

__all__ = [
    "COMPARISONS",
    "FIGURE_FORMATS",
    "figure_format",
    "crossover_curve",
    "log10_fraction",
    "plot_graph",
    "plot_ratio",
    "ratio_grid",
    "ratio_grids",
    "short_label",
]

_COMPARISON_TEX = {
    "previous": r"G(r^*\!-\!1,m)",
    "sum": r"\Sigma_{r<r^*}G(r,m)",
    "max": r"\mathrm{max}_{r<r^*}G(r,m)",
}

_MAX_CELLS = 20_000

#: The figure formats, by file extension (matplotlib writes each natively): those of
#: :data:`symbolic_minima.atomic.FIGURE_FORMATS`; PNG, PDF and SVG are the ones for papers.
FIGURE_FORMATS = _ATOMIC_FIGURE_FORMATS


def figure_format(path) -> str:
    """The format of a figure file, from its extension (one of :data:`FIGURE_FORMATS`; the path is not checked).

    Parameters
    ----------
    path : str or os.PathLike
        The output file.

    Returns
    -------
    str

    Raises
    ------
    ArgumentValueError
        Another extension (or none).

    Examples
    --------
    >>> figure_format("ratio.PDF"), figure_format("g.svg")
    ('pdf', 'svg')
    >>> figure_format("ratio.xyz")
    Traceback (most recent call last):
    ...
    symbolic_minima.errors.ArgumentValueError: the figure file must end in .png, .pdf, .svg, .eps, ...; got 'ratio.xyz'
    """
    import os

    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError(f"path must be a str or os.PathLike, got {type(path).__name__} {path!r:.60}")
    extension = os.path.splitext(os.fspath(path))[1].lower().lstrip(".")
    if extension not in FIGURE_FORMATS:
        raise ArgumentValueError(f"the figure file must end in .{', .'.join(FIGURE_FORMATS[:4])}, ...; "
                                 f"got {os.fspath(path)!r:.80}")
    return extension


def _check_dpi(dpi) -> int:
    return check_int(dpi, "dpi", minimum=20, maximum=2400)


def _wrapped(text: str, width_inches: float, fontsize: float) -> str:
    """``text`` broken into lines that fit ``width_inches`` at ``fontsize`` points (about 0.55 em per character)."""
    import textwrap

    per_line = max(20, int(width_inches * 72 / (0.55 * fontsize)))
    return "\n".join(textwrap.wrap(text, per_line))


def _two_sided_ticks(vmin: float, vmax: float) -> list:
    """Ticks for a colour bar centred at 0: nice values on each side, so both halves are labelled."""
    from matplotlib.ticker import MaxNLocator

    locator = MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10])
    # a half of at most 1e-3 holds no data (plot_ratio pads an empty half to 1e-3): no ticks there
    negative = [t for t in locator.tick_values(vmin, 0) if vmin <= t < 0] if vmin < -1e-3 else []
    positive = [t for t in locator.tick_values(0, vmax) if 0 < t <= vmax] if vmax > 1e-3 else []
    return [round(float(t), 12) for t in negative] + [0.0] + [round(float(t), 12) for t in positive]


def _comparison_module():
    try:
        from . import comparison
    except ImportError as exc:
        raise ImportError(f"the ratio plot needs symbolic_minima.comparison, which is not available ({exc})") from exc
    return comparison


def _row_ratio(row, key):
    if isinstance(row, dict):
        value = row.get(key, row.get("ratios", {}).get(key) if isinstance(row.get("ratios"), dict) else None)
    else:
        value = getattr(row, key, None)
        if value is None and isinstance(getattr(row, "ratios", None), dict):
            value = row.ratios.get(key)
    if value is None:
        raise KeyError(f"comparison row has no ratio {key!r}: {row!r}")
    return Fraction(value)


def _row_h(row):
    return row["h"] if isinstance(row, dict) else row.h


def ratio_grid(r_star_values, h_values, zero_type: str = DEFAULT_ZERO_TYPE, comparison: str = "previous") -> dict:
    r"""Exact ratios ``{(r_star, h): Fraction}`` of critical to global-minimum subspace counts.

    The critical count is chosen by ``comparison`` (see :data:`COMPARISONS`),
    the global-minimum count :math:`T(r^*, r^*+h)` by ``zero_type``; values
    come from :func:`symbolic_minima.comparison.compare`.
    """
    comparison = check_choice(comparison, "comparison", COMPARISONS)
    return ratio_grids(r_star_values, h_values, zero_type)[comparison]


def ratio_grids(r_star_values, h_values, zero_type: str = DEFAULT_ZERO_TYPE, activation=None) -> dict:
    """``{comparison: {(r_star, h): Fraction}}`` for all three comparisons at once (one pass of the counts).

    ``activation``: the activation class of both counts (``None``: generic).
    """
    r_star_values, h_values = check_sequence(r_star_values, "r_star_values"), check_sequence(h_values, "h_values")
    zero_type = check_zero_type(zero_type)
    r_star_values = [check_int(r, "r_star", minimum=2, maximum=1000) for r in r_star_values]
    h_values = [check_int(h, "h", minimum=0, maximum=10_000) for h in h_values]
    if len(r_star_values) * len(h_values) > _MAX_CELLS:
        raise ArgumentValueError(f"the grid has more than {_MAX_CELLS} cells; choose fewer r* or h values")
    comp = _comparison_module()
    grids: dict[str, dict] = {name: {} for name in COMPARISONS}
    for r_star in progress(r_star_values, total=len(r_star_values), desc=f"ratios {reading_name(zero_type)}"):
        rows = (comp.compare(r_star, h_values, zero_type=zero_type) if activation is None
                else comp.compare(r_star, h_values, zero_type=zero_type, activation=activation))
        for row in rows:
            for name in COMPARISONS:
                grids[name][(r_star, _row_h(row))] = _row_ratio(row, name)
    return grids


def crossover_curve(r_star_values, zero_type: str = DEFAULT_ZERO_TYPE, comparison: str = "previous",
                    h_max: int = 1000, activation=None) -> dict:
    """``{r_star: h}``: the smallest ``h`` where the ratio drops below 1 (``None`` if not by ``h_max``)."""
    r_star_values = [check_int(r, "r_star", 2, 1000) for r in check_sequence(r_star_values, "r_star_values")]
    h_max = check_int(h_max, "h_max", 0, 100_000)
    zero_type = check_zero_type(zero_type)
    comparison = check_choice(comparison, "comparison", COMPARISONS)
    comp = _comparison_module()
    curve = {}
    for r_star in r_star_values:
        value = (comp.crossover(r_star, comparison, zero_type=zero_type, h_max=h_max) if activation is None
                 else comp.crossover(r_star, comparison, zero_type=zero_type, h_max=h_max, activation=activation))
        if value is not None and not isinstance(value, int):
            value = getattr(value, "h", value)
        curve[r_star] = value
    return curve


def log10_fraction(value) -> float:
    r""":math:`\log_{10}` of a positive rational of any size (no float overflow).

    >>> round(log10_fraction(Fraction(10**400, 3)), 4)
    399.5229
    """
    if isinstance(value, (str, bytes, bool)) or not isinstance(value, (numbers.Rational, float)) or (
            isinstance(value, float) and not math.isfinite(value)):
        raise ArgumentTypeError(f"value must be a positive rational (int or Fraction), "
                                f"got {type(value).__name__} {value!r}")
    frac = Fraction(value)
    if frac <= 0:
        raise ArgumentValueError(f"value must be a positive rational, got {frac}")
    return math.log10(frac.numerator) - math.log10(frac.denominator)


def _pyplot():
    try:
        import matplotlib
    except ImportError as exc:
        raise ImportError("plots need matplotlib: pip install symbolic-minima[plot]") from exc
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def plot_ratio(r_star_values, h_values, path=None, zero_types=None, comparisons=COMPARISONS,
               dpi: int = 120, activation=None):
    r"""Heatmaps of :math:`\log_{10}(\text{critical}/T)` over :math:`(h, r^*)` with the crossover curve.

    One panel per ``(zero_type, comparison)``: rows are readings (default:
    every registered global-minimum reading,
    :func:`symbolic_minima.readings.zero_types`), columns comparisons.
    Red cells: critical subspaces dominate (mild regime); blue:
    global minima dominate (vast regime).  The black line is the crossover
    :func:`crossover_curve`.  Saves the figure to ``path`` if given (PNG, PDF
    or SVG by its extension, :func:`figure_format`; ``dpi`` for PNG); returns
    the matplotlib ``Figure``.  ``activation``: the activation class of the counts
    (``None``: generic; a class names itself in the panel titles).
    """
    r_star_values, h_values = check_sequence(r_star_values, "r_star_values"), check_sequence(h_values, "h_values")
    dpi = _check_dpi(dpi)
    plt = _pyplot()
    from matplotlib.colors import TwoSlopeNorm
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if path is not None:
        check_figure_path(path)  # before any computation: an unwritable path or unknown extension

    r_star_values = sorted(set(r_star_values))
    h_values = sorted(set(h_values))
    readings = [check_zero_type(z) for z in (_registered_zero_types() if zero_types is None else zero_types)]
    comparisons = [check_choice(c, "comparison", COMPARISONS) for c in comparisons]
    if not r_star_values or not h_values:
        raise ArgumentValueError("r_star and h ranges must not be empty")
    from .budget import plot_ratio_estimate

    plot_ratio_estimate([check_int(r, "r_star", minimum=2, maximum=1000) for r in r_star_values],
                        [check_int(h, "h", minimum=0, maximum=10_000) for h in h_values],
                        len(readings), len(comparisons)).check()
    panels, curves = {}, {}
    contiguous = h_values == list(range(h_values[0], h_values[-1] + 1)) and h_values[0] == 0
    for z in readings:
        grids = ratio_grids(r_star_values, h_values, z, activation=activation)
        for c in comparisons:
            grid = grids[c]
            panels[(z, c)] = [[log10_fraction(grid[(r, h)]) for h in h_values] for r in r_star_values]
            # the crossover: read off the grid when it starts at h = 0 (ratios are non-increasing from h = 1,
            # tested in the comparison module); otherwise, or past the grid, ask the comparison module
            curve = {}
            for r in r_star_values:
                below = [h for h in h_values if grid[(r, h)] < 1] if contiguous else []
                curve[r] = below[0] if below else None
            missing = [r for r in r_star_values if curve[r] is None]
            if missing:
                curve.update(crossover_curve(missing, z, c, h_max=max(h_values[-1] * 4, 200), activation=activation))
            curves[(z, c)] = curve
    values = [v for rows in panels.values() for row in rows for v in row]
    # both sides of 0 saturate: critical-dominated cells are rarely more than a few decades above 1
    norm = TwoSlopeNorm(vcenter=0.0, vmin=min(min(values), -1e-3), vmax=max(max(values), 1e-3))
    nrows, ncols = len(readings), len(comparisons)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols + 1.2, 3.6 * nrows + 0.6), squeeze=False,
                             sharex=True, sharey=True, constrained_layout=True)
    dh = (h_values[1] - h_values[0]) if len(h_values) > 1 else 1
    dr = (r_star_values[1] - r_star_values[0]) if len(r_star_values) > 1 else 1
    image = None
    for i, z in enumerate(readings):
        for j, c in enumerate(comparisons):
            ax = axes[i][j]
            image = ax.imshow(
                panels[(z, c)], origin="lower", aspect="auto", cmap="RdBu_r", norm=norm,
                extent=(h_values[0] - dh / 2, h_values[-1] + dh / 2,
                        r_star_values[0] - dr / 2, r_star_values[-1] + dr / 2),
                interpolation="nearest",
            )
            curve = curves[(z, c)]
            xs, ys = [], []
            for r in r_star_values:
                h = curve[r]
                if h is not None:
                    # the boundary lies between h-1 (ratio >= 1) and h (ratio < 1)
                    xs += [h - 0.5, h - 0.5]
                    ys += [r - dr / 2, r + dr / 2]
            if xs:
                ax.plot(xs, ys, color="black", lw=1.6, label="crossover")
            ax.set_xlim(h_values[0] - dh / 2, h_values[-1] + dh / 2)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            cls = "" if activation is None else f", {activation}"
            ax.set_title(f"${_COMPARISON_TEX[c]}\\,/\\,T_{{{reading_name(z)}}}$  ({c}, {reading_name(z)}{cls})",
                         fontsize=10)
            if i == nrows - 1:
                ax.set_xlabel("$h = m - r^*$")
            if j == 0:
                ax.set_ylabel("$r^*$")
            if i == 0 and j == 0 and xs:
                ax.legend(loc="upper right", fontsize=8)
    cbar = fig.colorbar(image, ax=axes, shrink=0.85)
    cbar.set_ticks(_two_sided_ticks(float(norm.vmin or 0.0), float(norm.vmax or 0.0)))
    cbar.ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    cbar.set_label(r"$\log_{10}$(critical / global-minimum subspaces)")
    title = ("Symmetry-induced critical vs global-minimum subspaces (exact counts): red = critical "
             "subspaces dominate (mild), blue = global minima dominate (vast)")
    fig.suptitle(_wrapped(title, fig.get_figwidth() - 0.4, 11), fontsize=11)
    if path is not None:
        from .progress import phase

        with phase("drawing the figure"):
            save_figure(fig, path, dpi=dpi)  # atomically: no partial PNG
    return fig


def plot_graph(r: int, m: int, path=None, zero_type: str = DEFAULT_ZERO_TYPE, dpi: int = 120, activation=None):
    r"""Draw the connectivity graph of the :math:`T(r,m)` global-minimum subspaces (PNG, PDF or SVG by extension).

    The graph is :func:`symbolic_minima.graph.connectivity_graph` (in the
    activation class ``activation``, default generic: token labels such as
    ``+1,-1,d`` otherwise); the drawing is the graph module's own
    (:func:`symbolic_minima.exports.draw_png`, nodes coloured by category)
    when available, else a plain networkx drawing.  Returns the graph.
    """
    r = check_int(r, "r", minimum=1, maximum=6)
    m = check_int(m, "m", minimum=r, maximum=r + 6)
    if activation is None:
        zero_type = check_zero_type(zero_type)
    else:
        from .activation_classes import activation_class

        activation = activation_class(activation).name
        zero_type = check_zero_type(zero_type, activation)
    dpi = _check_dpi(dpi)
    _pyplot()  # a clear error without matplotlib
    if path is not None:
        check_figure_path(path)
    from .graph import connectivity_graph

    G = connectivity_graph(r, m, zero_type=zero_type, activation=activation)
    n = G.number_of_nodes()
    if n > 2000:
        raise ArgumentValueError(f"the graph has {n} nodes; drawing is limited to 2000")
    try:
        from .exports import draw_png
    except ImportError:
        _draw_graph(G, path, dpi)
        return G
    if path is not None:
        draw_png(G, path, layout="kamada_kawai" if n <= 400 else "spring", dpi=dpi)
    return G


def _draw_graph(G, path, dpi):
    """Fallback drawing when :mod:`symbolic_minima.exports` is not available."""
    import networkx as nx

    plt = _pyplot()
    n = G.number_of_nodes()
    r, m, zero_type = G.graph.get("r"), G.graph.get("m"), G.graph.get("zero_type", DEFAULT_ZERO_TYPE)
    fig, ax = plt.subplots(figsize=(7, 7), constrained_layout=True)
    pos = nx.kamada_kawai_layout(G) if 1 < n <= 400 else nx.spring_layout(G, seed=0)
    categories = sorted({G.nodes[v].get("category", "subspace") for v in G})
    cmap = plt.get_cmap("tab10")
    for k, cat in enumerate(categories):
        nodes = [v for v in G if G.nodes[v].get("category", "subspace") == cat]
        nx.draw_networkx_nodes(G, pos, nodelist=nodes, node_color=[cmap(k % 10)], node_size=max(30, 600 - 4 * n),
                               label=str(cat), ax=ax)
    nx.draw_networkx_edges(G, pos, ax=ax, alpha=0.5)
    if n <= 60:
        nx.draw_networkx_labels(G, pos, labels={v: short_label(v) for v in G}, font_size=7, ax=ax)
    components = nx.number_connected_components(G) if n else 0
    cls = G.graph.get("activation_class")
    ax.set_title(_wrapped(f"Global-minimum subspaces, r={r}, m={m}, reading {reading_name(zero_type)}"
                          + (f", {cls} class" if cls else "") + ": "
                          f"{n} nodes, {G.number_of_edges()} edges, {components} component(s)", 6.6, 10), fontsize=10)
    if cls and cls != "generic":
        legend = "labels: +i/-i = signed replica of teacher neuron i, 0 = zero-type, d = dead, g<c>+/- = groups"
    elif zero_type is not None and get_reading(zero_type).has_groups:
        legend = "labels: digit i = replica of teacher neuron i, 0 = zero-type, letters = zero-sum groups"
    else:
        legend = "labels: digit i = replica of teacher neuron i, 0 = zero-type"
    ax.legend(loc="best", fontsize=8, markerscale=0.4, title=legend, title_fontsize=7)
    ax.set_axis_off()
    try:
        if path is not None:
            save_figure(fig, path, dpi=dpi)
    finally:
        plt.close(fig)


def short_label(label) -> str:
    """A compact string for a label: digits for replicas and zero-type neurons, letters for zero-sum groups.

    Token labels (activation classes) keep their tokens, comma-separated.

    >>> short_label((-1, -1, 1, 2)), short_label((1, 0, 2)), short_label(("+1", "-1", "d"))
    ('aa12', '102', '+1,-1,d')
    """
    label = Label(label)
    if label.uses_tokens:
        return label.format()
    parts = [chr(ord("a") + (-v - 1)) if v < 0 else str(v) for v in label]
    return "".join(parts) if all(len(p) == 1 for p in parts) else ",".join(parts)
