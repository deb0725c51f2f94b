r"""Export connectivity graphs: GraphML, DOT, TikZ, JSON and a PNG drawing.

Works for the graphs of :mod:`symbolic_minima.graph` and :mod:`symbolic_minima.deep`.  Nodes are
written with string ids ``"1,2,0"`` (deep labels ``"1,2,0/2,1,0"``; token labels of the activation
classes ``"+1,-1,d"``, JSON labels as token lists) and the attributes
``label``, ``dimension``, ``category`` (``teacher`` / ``zero-type`` / ``replicated`` / ``mixed``,
:func:`symbolic_minima.graph.label_category`) and ``kind``.  Only the PNG needs an optional
dependency (matplotlib, imported inside :func:`draw_png`, Agg backend); the TikZ picture
(:func:`to_tikz`, :func:`tikz_picture`) is written line by line in the layout of the report's
figure (:func:`circle_positions`: one circle, depth-first order), so a cycle is drawn as a cycle.

>>> from symbolic_minima.graph import connectivity_graph
>>> G = connectivity_graph(1, 2)
>>> print(to_dot(G).splitlines()[0])
graph "global minima r=1 m=2 R1" {
>>> to_json(G)["edges"]
[{'source': '0,1', 'target': '1,1'}, {'source': '1,0', 'target': '1,1'}]
"""

from __future__ import annotations

import json
import math

import networkx as nx

from .atomic import atomic_write, check_writable, save_figure, write_text
from .errors import ArgumentValueError, check_choice, check_instance, check_sequence
from .labels import Label

__all__ = [
    "CATEGORY_COLOURS",
    "FORMATS",
    "TIKZ_COLOURS",
    "circle_positions",
    "tikz_label",
    "tikz_picture",
    "draw_png",
    "node_id",
    "string_graph",
    "to_dot",
    "to_graphml",
    "to_json",
    "to_tikz",
    "write_graph",
]

#: Output formats of :func:`write_graph`.
FORMATS = ("graphml", "dot", "tex", "json", "png")

#: Node colours by category (zero-type vs replicated, as in the literature's figures).
CATEGORY_COLOURS = {
    "teacher": "#4d4d4d",
    "zero-type": "#d62728",
    "replicated": "#1f77b4",
    "mixed": "#9467bd",
}


def _is_deep(label) -> bool:
    """Whether ``label`` is a deep label (one two-layer label per hidden layer)."""
    return bool(label) and isinstance(label[0], tuple)


def node_id(label) -> str:
    """``(1, 2, 0) -> "1,2,0"`` (:meth:`Label.format <symbolic_minima.labels.Label.format>`);
    deep ``((1, 0), (1,)) -> "1,0/1"``.

    >>> node_id((1, -1, -1)), node_id(((1, 0), (1,)))
    ('1,-1,-1', '1,0/1')
    """
    if not (isinstance(label, tuple) and label and isinstance(label[0], tuple)):
        label = Label(label)
    label = tuple(label)
    if _is_deep(label):
        return "/".join(node_id(g) for g in label)
    return Label(label).format()


def _category(label):
    from .graph import label_category

    label = tuple(label)
    if _is_deep(label):
        cats = {label_category(g) for g in label}
        cats.discard("teacher")
        if not cats:
            return "teacher"
        if len(cats) == 1:
            return cats.pop()
        return "mixed"
    return label_category(label)


def _kind_str(kind) -> str:
    if kind is None:
        return ""
    if isinstance(kind, tuple) and kind and isinstance(kind[0], tuple) and hasattr(kind[0], "_fields"):
        return " / ".join(_kind_str(k) for k in kind)
    if hasattr(kind, "_fields"):
        return (f"k={kind.zero_type_neurons} replicas={list(kind.replica_sizes)}"
                + (f" groups={list(kind.zero_sum_groups)}" if kind.zero_sum_groups else "")
                + (f" dead={kind.dead_neurons}" if getattr(kind, "dead_neurons", 0) else "")
                + (f" parked={kind.parked_neurons}" if getattr(kind, "parked_neurons", 0) else ""))
    return str(kind)


def _title(G) -> str:
    g = G.graph
    if "teacher_widths" in g:
        return (f"{g.get('kind', 'graph')} widths {node_id(tuple(g['teacher_widths']))} -> "
                f"{node_id(tuple(g['student_widths']))}")
    reading = f" {g['reading']}" if g.get("reading") else ""
    cls = f" ({g['activation_class']})" if g.get("activation_class") else ""
    return f"{g.get('kind', 'graph')} r={g.get('r')} m={g.get('m')}{reading}{cls}"


def string_graph(G) -> nx.Graph:
    """A copy with string node ids and scalar (str/int) attributes only (for GraphML / DOT / TikZ)."""
    check_instance(G, nx.Graph, "G")
    H = nx.Graph()
    for key, value in G.graph.items():
        if value is None:
            continue
        H.graph[key] = value if isinstance(value, (str, int, float)) else str(value)
    H.graph["title"] = _title(G)
    for node, data in G.nodes(data=True):
        H.add_node(
            node_id(node),
            label=node_id(node),
            dimension=int(data.get("dimension", -1)),
            category=data.get("category") or _category(node),
            kind=_kind_str(data.get("kind")),
        )
    H.add_edges_from((node_id(a), node_id(b)) for a, b in G.edges())
    return H


def to_graphml(G, path) -> None:
    """Write GraphML (``networkx.write_graphml``), atomically (:mod:`symbolic_minima.atomic`)."""
    with atomic_write(path, "wb") as fh:
        nx.write_graphml(string_graph(G), fh)


def _dot_quote(s) -> str:
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(G) -> str:
    """DOT text (Graphviz), nodes filled by category; no pydot/pygraphviz needed."""
    check_instance(G, nx.Graph, "G")
    H = string_graph(G)
    lines = [f"graph {_dot_quote(H.graph['title'])} {{", "  node [style=filled, fontcolor=white, shape=ellipse];"]
    for n, data in sorted(H.nodes(data=True)):
        colour = CATEGORY_COLOURS.get(data["category"], "#7f7f7f")
        lines.append(f"  {_dot_quote(n)} [dimension={data['dimension']}, category={_dot_quote(data['category'])}, "
                     f"fillcolor={_dot_quote(colour)}];")
    for a, b in sorted(tuple(sorted(e)) for e in H.edges()):
        lines.append(f"  {_dot_quote(a)} -- {_dot_quote(b)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def shell_positions(H, radius: float = 3.0) -> dict:
    """Deterministic dependency-free layout: one circle per category, nodes sorted on it."""
    order = ["teacher", "zero-type", "mixed", "replicated"]
    by_cat: dict[str, list] = {}
    for n, cat in H.nodes(data="category"):
        by_cat.setdefault(cat, []).append(n)
    pos = {}
    ring = 0
    for cat in order + sorted(set(by_cat) - set(order)):
        nodes = sorted(by_cat.get(cat, []))
        if not nodes:
            continue
        ring += 1
        rad = radius * ring
        for i, n in enumerate(nodes):
            angle = 2 * math.pi * i / len(nodes)
            pos[n] = (round(rad * math.cos(angle), 3), round(rad * math.sin(angle), 3))
    return pos


def circle_positions(G) -> dict:
    r"""The layout of the report's figure: the nodes on one circle, component by component, in depth-first order.

    Walking each component depth-first from its smallest label puts
    neighbours next to each other, so a cycle is drawn as a cycle and most
    edges are short chords.  Coordinates are in centimetres (radius
    :math:`2.2+0.12n`), the first node at the top, clockwise.

    Parameters
    ----------
    G : networkx.Graph
        A graph of :mod:`symbolic_minima.graph` or :mod:`symbolic_minima.deep`.

    Returns
    -------
    dict
        ``{node: (x, y)}``, in drawing order.

    Examples
    --------
    >>> from symbolic_minima.graph import connectivity_graph
    >>> pos = circle_positions(connectivity_graph(1, 2))
    >>> [(node, (round(x, 3), round(y, 3))) for node, (x, y) in pos.items()]
    [((0, 1), (0.0, 2.56)), ((1, 1), (2.217, -1.28)), ((1, 0), (-2.217, -1.28))]
    """
    check_instance(G, nx.Graph, "G")
    order = []
    for component in sorted(nx.connected_components(G), key=min):
        order += list(nx.dfs_preorder_nodes(G, min(component)))
    n = len(order)
    radius = 2.2 + 0.12 * n
    return {node: (radius * math.cos(math.pi / 2 - 2 * math.pi * i / max(n, 1)),
                   radius * math.sin(math.pi / 2 - 2 * math.pi * i / max(n, 1))) for i, node in enumerate(order)}


def tikz_label(label) -> str:
    r"""The TikZ node text of a label: its codes, a bar over zero-sum group numbers (math mode).

    Parameters
    ----------
    label : tuple
        A two-layer label (codes or tokens) or a deep label (one label per hidden layer).

    Returns
    -------
    str

    Examples
    --------
    >>> tikz_label((1, -1, -1, 0)), tikz_label(((1, 0), (1,)))
    ('1\\,\\bar{1}\\,\\bar{1}\\,0', '10/1')
    """
    label = tuple(check_sequence(label, "label"))
    if _is_deep(label):
        return "/".join(tikz_label(g) for g in label)
    if any(isinstance(v, str) for v in label):
        return ",".join(str(v).replace("-", "{-}") for v in label)
    parts = [str(v) if v >= 0 else f"\\bar{{{-v}}}" for v in Label(label)]
    return "\\,".join(parts) if any(v < 0 for v in label) else "".join(parts)  # thin spaces set bars apart


#: TikZ colours of the node categories (the colours of :data:`CATEGORY_COLOURS`).
TIKZ_COLOURS = {"teacher": "black!70", "zero-type": "red!75!black", "replicated": "blue!70!black",
                "mixed": "violet!80!black"}


def tikz_picture(G) -> str:
    r"""A ``tikzpicture`` of ``G`` in the layout of :func:`circle_positions` (no matplotlib needed).

    One ``\node`` line per node (its label, framed in its category's
    colour) and one ``\draw`` line per edge, with a style per category, so
    the source reads like hand-written TikZ.  The report's figure is this picture.

    Parameters
    ----------
    G : networkx.Graph
        A connectivity graph.

    Returns
    -------
    str
        ``\begin{tikzpicture} ... \end{tikzpicture}`` (needs ``\usepackage{tikz}``).

    Examples
    --------
    >>> from symbolic_minima.graph import connectivity_graph
    >>> print(tikz_picture(connectivity_graph(1, 2)))  # doctest: +NORMALIZE_WHITESPACE
    \begin{tikzpicture}[every node/.style={draw, rounded corners, inner sep=1.5pt, font=\scriptsize, fill=white},
      zero-type/.style={draw=red!75!black}, replicated/.style={draw=blue!70!black}]
    \node[zero-type] (n0) at (0.000,2.560) {$01$};
    \node[replicated] (n1) at (2.217,-1.280) {$11$};
    \node[zero-type] (n2) at (-2.217,-1.280) {$10$};
    \draw[gray] (n0) -- (n1);
    \draw[gray] (n2) -- (n1);
    \end{tikzpicture}
    """
    check_instance(G, nx.Graph, "G")
    pos = circle_positions(G)
    ids = {node: f"n{i}" for i, node in enumerate(pos)}
    categories = {node: (G.nodes[node].get("category") or _category(node)) for node in pos}
    used = [c for c in TIKZ_COLOURS if c in set(categories.values())]
    size = "\\tiny" if len(pos) > 12 else "\\scriptsize"
    styles = "".join(f",\n  {c}/.style={{draw={TIKZ_COLOURS[c]}}}" for c in used)
    lines = [f"\\begin{{tikzpicture}}[every node/.style={{draw, rounded corners, inner sep=1.5pt, font={size}, "
             f"fill=white}}{styles}]"]
    for node, (x, y) in pos.items():
        style = categories[node] if categories[node] in TIKZ_COLOURS else ""
        lines.append(f"\\node[{style}] ({ids[node]}) at ({x:.3f},{y:.3f}) {{${tikz_label(node)}$}};")
    for u, v in G.edges:
        lines.append(f"\\draw[gray] ({ids[u]}) -- ({ids[v]});")
    lines.append("\\end{tikzpicture}")
    return "\n".join(lines)


def to_tikz(G, as_document: bool = True) -> str:
    r"""A readable TikZ figure of ``G``: :func:`tikz_picture` (the report's layout) with a caption.

    Parameters
    ----------
    G : networkx.Graph
        A connectivity graph.
    as_document : bool
        ``True``: a complete LaTeX document (``article``, ``tikz``);
        ``False``: the ``figure`` environment alone, for ``\input``.

    Returns
    -------
    str

    Examples
    --------
    >>> from symbolic_minima.graph import connectivity_graph
    >>> tex = to_tikz(connectivity_graph(2, 3))
    >>> tex.splitlines()[:3], tex.count("\\node["), tex.count("\\draw[")
    (['\\documentclass{article}', '\\usepackage{tikz}', '\\begin{document}'], 12, 12)
    """
    from .report import latex_escape

    check_instance(G, nx.Graph, "G")
    H = string_graph(G)
    figure = ("\\begin{figure}[ht]\n\\centering\n" + tikz_picture(G) + "\n"
              f"\\caption{{{latex_escape(H.graph['title'])}: {H.number_of_nodes()} subspaces (nodes), "
              f"{H.number_of_edges()} intersections (edges); frames: "
              + ", ".join(f"{TIKZ_COLOURS[c].split('!')[0]} = {c}" for c in TIKZ_COLOURS
                          if c in {d for _, d in H.nodes(data="category")})
              + ".}\n\\end{figure}\n")
    if not as_document:
        return figure
    return "\\documentclass{article}\n\\usepackage{tikz}\n\\begin{document}\n" + figure + "\\end{document}\n"


def to_json(G) -> dict:
    """JSON-ready dict: ``graph`` (attributes), ``nodes`` (id, label, dimension, category, kind),
    ``edges`` (source, target), and the :func:`symbolic_minima.graph.graph_summary` counts."""
    check_instance(G, nx.Graph, "G")
    H = string_graph(G)
    nodes = [{"id": n, **{k: v for k, v in d.items()}} for n, d in sorted(H.nodes(data=True))]
    for entry, (orig, _) in zip(nodes, sorted(G.nodes(data=True), key=lambda t: node_id(t[0]))):
        lab = tuple(orig)
        entry["label"] = [list(g) for g in lab] if _is_deep(lab) else list(lab)
    edges = [{"source": a, "target": b} for a, b in sorted(tuple(sorted(e)) for e in H.edges())]
    return {"graph": dict(H.graph), "nodes": nodes, "edges": edges,
            "components": nx.number_connected_components(G) if G.number_of_nodes() else 0}


def draw_png(G, path, layout: str = "spring", seed: int = 0, labels=None, dpi: int = 120) -> None:
    """Draw ``G`` to a PNG file, nodes coloured by category, with a legend.

    ``layout``: ``"spring"`` (seeded), ``"kamada_kawai"`` or ``"shell"``; node labels are
    drawn when the graph has at most 40 nodes (``labels=True/False`` overrides).
    Needs matplotlib (``pip install symbolic-minima[plot]``).
    """
    check_instance(G, nx.Graph, "G")
    layout = check_choice(layout, "layout", ("spring", "kamada_kawai", "shell"))
    try:
        import matplotlib
    except ImportError:
        raise ArgumentValueError("draw_png needs matplotlib: pip install 'symbolic-minima[plot]'") from None
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from .progress import phase

    H = string_graph(G)
    n = H.number_of_nodes()
    with phase(f"layout ({layout}, {n:,} nodes)"):
        if layout == "shell":
            pos = shell_positions(H)
        elif layout == "kamada_kawai" and n > 1:
            pos = nx.kamada_kawai_layout(H)
        else:
            pos = nx.spring_layout(H, seed=seed, iterations=200 if n < 500 else 50)
    show_labels = n <= 40 if labels is None else bool(labels)
    size = 6 if n <= 60 else 9
    fig, ax = plt.subplots(figsize=(size, size))
    nx.draw_networkx_edges(H, pos, ax=ax, alpha=0.35 if n > 60 else 0.6, width=0.6 if n > 200 else 1.0)
    cats = [H.nodes[v]["category"] for v in H.nodes]
    node_size = 700 if show_labels else max(8, 3000 // max(n, 1))
    nx.draw_networkx_nodes(H, pos, ax=ax, node_color=[CATEGORY_COLOURS.get(c, "#7f7f7f") for c in cats],
                           node_size=node_size, linewidths=0)
    if show_labels:
        nx.draw_networkx_labels(H, pos, ax=ax, font_size=7, font_color="white")
    present = [c for c in CATEGORY_COLOURS if c in set(cats)]
    handles = [Line2D([0], [0], marker="o", linestyle="", markersize=9, markerfacecolor=CATEGORY_COLOURS[c],
                      markeredgewidth=0, label=c) for c in present]
    ax.legend(handles=handles, loc="upper right", frameon=False)
    comps = nx.number_connected_components(G) if n else 0
    from .plots import _wrapped

    ax.set_title(_wrapped(f"{H.graph['title']}: {n} subspaces, {H.number_of_edges()} intersections, "
                          f"{comps} component(s)", size - 0.4, 9), fontsize=9)
    ax.set_axis_off()
    fig.tight_layout()
    try:
        with phase("drawing the figure"):
            save_figure(fig, path, dpi=dpi)
    finally:
        plt.close(fig)


def write_graph(G, fmt: str, path) -> None:
    """Write ``G`` to ``path`` in one of :data:`FORMATS`, atomically: a failure (a full disk, a
    directory given as the file) raises :class:`~symbolic_minima.errors.InputOutputError` and
    leaves any previous file untouched."""
    check_instance(G, nx.Graph, "G")
    fmt = check_choice(fmt, "format", FORMATS)
    check_writable(path)
    if fmt == "graphml":
        to_graphml(G, path)
    elif fmt == "png":
        draw_png(G, path)
    else:
        text = to_dot(G) if fmt == "dot" else to_tikz(G) if fmt == "tex" else json.dumps(to_json(G), indent=1) + "\n"
        write_text(path, text)
