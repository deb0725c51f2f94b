r"""Command-line connectivity graphs and zero-loss paths: ``graph``, ``path``.

Contract (keep stable)::

    symbolic-minima graph 2 4 --json          one JSON object: nodes, edges, components (ints),
                                              isolated, min/max degree, degrees ({degree: number of
                                              nodes}), diameter (connected graphs only), r, m, d,
                                              zero_type, reading, method; for m = r+1 also
                                              one_extra_neuron (facts read off the graph) and
                                              predicted (the derived values)
    --summary                                 the same facts from the label types (mathematical
                                              reference, 'Connectivity'), never building the graph (so
                                              also where it would not fit): adds types (count, degree,
                                              eccentricity per type) and route "types"; not with -o or
                                              --method exact; with --activation the types carry signs
                                              and dead/parked neurons (orbits of neuron permutations,
                                              teacher relabellings and teacher sign flips)
    --zero-type singletons|groups|R1|R2       the reading (R1 default, R2; any registered reading)
    --critical                                the critical subspaces (no edges: G(r, m) components)
    --d D, --d-out Q, --teacher FILE.json     teacher shape / exact teacher (Teacher.from_json schema)
    --method labels|exact                     combinatorial criterion (default) or exact linear algebra
                                              on every pair (at most 400 nodes)
    --format graphml|dot|tex|json|png -o FILE write the graph to FILE (format also inferred from
                                              the extension of FILE)
    --activation NAME                         activation class or activation name (generic, zero-at-origin,
                                              odd, even, even-zero-at-origin; exp, tanh, gaussian, ...):
                                              token labels (+1,-1,0,d,g1+); JSON adds "activation_class";
                                              refused activations (softplus, ...) exit 2 with the reason

    symbolic-minima graph 2 2 --activation odd --json
                                              the 8 = 2! 2^2 isolated minima: 8 components, no edge

    symbolic-minima path 2 3 --json           waypoints (rationals as strings), per-segment checks and
                                              the verdict "certified" of a path from the teacher padded
                                              with zero-type neurons (1,2,0) to the copy with neurons
                                              1 and 2 swapped (2,1,0); exit 0 only if certified
    --from 0,2,1 --to 2,0,1                   other labels (comma-separated ints; groups reading:
                                              negative entries are zero-sum groups; a label that
                                              starts with '-' needs the '=' form: --to=-1,-1,1)
    --latex                                   the path as LaTeX
    --activation NAME                         path in an activation class: token labels in --from/--to
                                              (--from=+1,+2,0 --to=-1,+2,0); default path: the teacher
                                              padded with zero-type neurons to the copy with neuron 1's
                                              sign flipped (sign classes) or neurons 1, 2 swapped

Deep networks (hidden widths given per layer, comma-separated)::

    symbolic-minima graph --widths 2,2 --extra 1 --json
        teacher hidden widths r_1,...,r_{L-1} = 2,2 and student widths r_l + 1 = 3,3 (default teacher
        DeepTeacher.default); --student-widths 4,3 instead of --extra; no positional r, m.  The facts
        come from the per-layer types (strong product, one search per layer type); the graph is
        built only for -o FILE or --method exact.
    symbolic-minima path --widths 2,2 --extra 1 [--from 1,2,0/1,2,0 --to 2,1,0/2,1,0]
        layers separated by '/'; default: unpermuted teacher to the one with neurons 1, 2 swapped
        in every layer of width >= 2.

Bad input or a request over the budget (:mod:`symbolic_minima.budget`: nodes *and* edges are
estimated before the graph is built; facts from the types, ``--summary`` and ``--widths``, by
:func:`~symbolic_minima.budget.type_summary_estimate`): one line on stderr, exit status 2.  The
diameter searches of the facts from the types stop at the time limit: ``diameter: not computed``
with the reason (JSON ``diameter_skipped``), exit status 0.  An output file that
cannot be written (a directory, no permission, a full device, an unknown extension): one line,
exit status 4, and no partial file (written atomically).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys

from .. import budget
from ..atomic import check_writable
from ..errors import ArgumentValueError, InputOutputError
from ..readings import CRITICAL, DEFAULT_ZERO_TYPE
from ._common import MAX_DIM, add_format_options, parse_int, teacher_from_options
from ._output import check_binary_allowed, is_stdout, write_binary, write_text
from ._zero_type import add_zero_type_argument, zero_type_help

__all__ = ["register", "MAX_EXACT_NODES", "default_path_labels"]

#: ``--method exact`` refuses graphs with more nodes (it intersects every pair).
MAX_EXACT_NODES = 400

_EXTENSIONS = {".graphml": "graphml", ".dot": "dot", ".gv": "dot", ".tex": "tex", ".json": "json", ".png": "png"}


def register(subparsers) -> None:
    g = subparsers.add_parser(
        "graph",
        help="connectivity graph of the global-minimum (or critical, or deep) subspaces",
        description="Build the graph with one node per subspace and an edge where two subspaces intersect "
        "(see the mathematical reference, 'Connectivity'); print its size, components and diameter, "
        "or write it to a file.",
    )
    _shape_arguments(g)
    g.add_argument("--critical", action="store_true", help="the critical subspaces of a critical point")
    g.add_argument("--method", default="labels", choices=("labels", "exact"),
                   help="labels: combinatorial criterion (default); exact: exact linear algebra on every pair")
    g.add_argument("--json", action="store_true", help="print one JSON object")
    g.add_argument("--summary", action="store_true",
                   help="nodes, edges, components, diameter and degrees from the label types, without building "
                   "the graph (mathematical reference, 'Connectivity')")
    g.add_argument("--format", default=None, choices=("graphml", "dot", "tex", "json", "png"),
                   help="file format for -o (default: from the extension)")
    g.add_argument("-o", "--output", default=None, metavar="FILE",
                   help="write the graph to FILE; '-': to standard output (needs --format; png only when "
                   "standard output is not a terminal; the summary then goes to standard error)")
    g.set_defaults(func=_graph)

    p = subparsers.add_parser(
        "path",
        help="certified zero-loss path between two global-minimum subspaces",
        description="Line segments with exact rational waypoints, each inside one global-minimum subspace, "
        "certified by exact linear algebra and by the symbolic function identity "
        "(mathematical reference, 'Zero-loss paths'). "
        "Exit 0 only if every segment is certified.",
    )
    _shape_arguments(p)
    p.add_argument("--from", dest="start", default=None, metavar="LABEL", help="start label, e.g. 1,2,0")
    p.add_argument("--to", dest="end", default=None, metavar="LABEL", help="end label, e.g. 2,1,0")
    add_format_options(p, "print one JSON object", "print the path as LaTeX")
    p.set_defaults(func=_path)


def _shape_arguments(p) -> None:
    p.add_argument("r", nargs="?", default=None, help="teacher width r (two-layer)")
    p.add_argument("m", nargs="?", default=None, help="student width m >= r (two-layer)")
    add_zero_type_argument(p, help=f"reading: {zero_type_help()}")
    p.add_argument("--d", default=None, help="input dimension (default 1)")
    p.add_argument("--d-out", dest="d_out", default=None, help="output dimension (default 1)")
    p.add_argument("--teacher", default=None, metavar="FILE.json", help="exact teacher parameters (JSON)")
    p.add_argument("--widths", default=None, metavar="R1,R2,...", help="deep: teacher hidden widths")
    p.add_argument("--extra", default=None, metavar="E", help="deep: extra neurons per hidden layer")
    p.add_argument("--student-widths", dest="student_widths", default=None, metavar="M1,M2,...",
                   help="deep: student hidden widths (instead of --extra)")
    p.add_argument("--activation", default=None, metavar="NAME",
                   help="activation class or activation name (generic, zero-at-origin, odd, even, "
                        "even-zero-at-origin; exp, exp-minus-one, tanh, gaussian, logcosh, ...); default generic")


def _activation(args):
    """The activation class name of ``--activation`` (``None`` when not given); refused names raise."""
    if args.activation is None:
        return None
    from ..activation_classes import activation_class

    if args.widths is not None:
        raise ArgumentValueError("--activation is for two-layer networks (deep networks use the generic class)")
    return activation_class(args.activation).name


def _two_layer_setup(args, critical=False):
    if args.r is None or args.m is None:
        raise ArgumentValueError("give the widths r and m (or --widths for a deep network)")
    for opt in ("extra", "student_widths"):
        if getattr(args, opt) is not None:
            raise ArgumentValueError(f"--{opt.replace('_', '-')} needs --widths (deep networks)")
    r = parse_int(args.r, "r", 1, 100)
    m = parse_int(args.m, "m", 1, 100)
    if m < r:
        raise ArgumentValueError(f"m must be an integer >= r = {r}, got {m}")
    d = parse_int(args.d, "--d", 1, MAX_DIM)
    q = parse_int(args.d_out, "--d-out", 1, MAX_DIM)
    return teacher_from_options(args.teacher, r, d, q, critical=critical), m


def _deep_setup(args):
    from ..deep import READING, DeepTeacher, parse_widths

    if args.r is not None or args.m is not None:
        raise ArgumentValueError("--widths describes a deep network: do not also give r and m")
    if args.teacher is not None:
        raise ArgumentValueError("--teacher is for two-layer networks; deep networks use DeepTeacher.default")
    if args.zero_type != READING.name:
        raise ArgumentValueError(f"deep networks support only --zero-type {READING.name} ({READING.short_name})")
    r = parse_widths(args.widths, "--widths")
    if args.extra is not None and args.student_widths is not None:
        raise ArgumentValueError("give either --extra or --student-widths, not both")
    if args.student_widths is not None:
        m = parse_widths(args.student_widths, "--student-widths")
    else:
        extra = parse_int(args.extra if args.extra is not None else "1", "--extra", 0, 10)
        m = tuple(ri + extra for ri in r)
    if len(m) != len(r):
        raise ArgumentValueError(f"--student-widths must have {len(r)} entries like --widths, got {len(m)}")
    d = parse_int(args.d, "--d", 1, MAX_DIM) or 1
    q = parse_int(args.d_out, "--d-out", 1, MAX_DIM) or 1
    return DeepTeacher.default(r, d, q), m


# ---------------------------------------------------------------------------
# graph
# ---------------------------------------------------------------------------


def _graph(args) -> int:
    from ..graph import (
        connectivity_graph,
        critical_graph,
        graph_summary,
        one_extra_neuron_facts,
        predicted_one_extra_neuron_facts,
    )

    fmt = args.format
    to_stdout = is_stdout(args.output)
    if to_stdout:
        if fmt is None:
            raise ArgumentValueError("-o - needs --format graphml|dot|tex|json|png (there is no extension to read)")
        if args.json:
            raise ArgumentValueError("-o - writes the graph to standard output; --json would write there too: "
                                     "choose one")
        if fmt == "png":
            check_binary_allowed("a PNG")
    elif args.output is not None and fmt is None:
        fmt = _EXTENSIONS.get(os.path.splitext(args.output)[1].lower())
        if fmt is None:
            raise InputOutputError(f"cannot write {args.output!r}: cannot infer the format of its extension; "
                                   "give --format graphml|dot|tex|json|png")
    if fmt is not None and args.output is None:
        raise ArgumentValueError("--format needs -o FILE")
    if args.output is not None and not to_stdout:
        check_writable(args.output)  # before any computation (exit 4)

    activation = _activation(args)
    if args.summary:
        if args.output is not None:
            raise ArgumentValueError("--summary does not build the graph: drop it to write the graph with -o")
        if args.method != "labels":
            raise ArgumentValueError("--summary uses the combinatorial criterion: --method exact builds the graph")
    if args.widths is not None:
        if args.critical:
            raise ArgumentValueError("--critical is not available for deep networks")
        summary, G = _deep_graph(args)
    else:
        teacher, m = _two_layer_setup(args, critical=args.critical)
        r = teacher.width
        if args.critical and args.zero_type != DEFAULT_ZERO_TYPE:
            raise ArgumentValueError("--zero-type does not apply to --critical (no zero-type neurons)")
        G = None
        if args.summary:
            from ..graph_types import one_extra_neuron_facts_from_types, type_summary

            if activation is None:
                summary = type_summary(r, m, args.zero_type, critical=args.critical, d=teacher.input_dim,
                                       d_out=teacher.output_dim)
            else:
                summary = type_summary(r, m, args.zero_type, critical=args.critical, d=teacher.input_dim,
                                       d_out=teacher.output_dim, activation=activation)
            if not args.critical and m == r + 1:
                summary["one_extra_neuron"] = one_extra_neuron_facts_from_types(summary)
                summary["predicted"] = predicted_one_extra_neuron_facts(r, activation)
        else:
            if args.critical:
                from ..counting import G as count_critical

                if activation is None:
                    size = count_critical(r, m)
                else:
                    from ..counting import count_subspaces
                    from ..readings import CRITICAL_READING, get_reading

                    size = count_subspaces(get_reading(CRITICAL_READING.name, activation, family=CRITICAL), r, m)
                _check_exact_size(args.method, size)
                if activation is None:
                    budget.critical_graph_estimate(r, m, args.method).check()
                G = critical_graph(teacher, m, method=args.method, activation=activation)
            else:
                from ..graph import MAX_GRAPH_NODES, _count_guard
                from ..readings import GROUPS, SINGLETONS, get_reading

                size = _count_guard(r, m, args.zero_type, MAX_GRAPH_NODES, activation=activation)
                _check_exact_size(args.method, size)
                reading_name = get_reading(args.zero_type).name
                if activation is None and reading_name in (SINGLETONS.name, GROUPS.name):
                    budget.graph_estimate(r, m, reading_name, args.method, summary=True,
                                          diameters=2 if m == r + 1 else 1).check()
                G = connectivity_graph(teacher, m, zero_type=args.zero_type, method=args.method,
                                       activation=activation)
            summary = graph_summary(G)
            if not args.critical and m == r + 1:
                summary["one_extra_neuron"] = one_extra_neuron_facts(G)
                summary["predicted"] = predicted_one_extra_neuron_facts(r, activation)
    if to_stdout:
        _graph_to_stdout(G, fmt)
        with contextlib.redirect_stdout(sys.stderr):  # the data alone on standard output
            _print_summary(summary)
        return 0
    if args.output is not None:
        from ..exports import write_graph

        write_graph(G, fmt, args.output)
        summary["output"] = args.output
        summary["format"] = fmt
    if args.json:
        print(json.dumps(summary))
        return 0
    _print_summary(summary)
    return 0


def _graph_to_stdout(G, fmt: str) -> None:
    """Write ``G`` in ``fmt`` to standard output, through the file writer (the same bytes as ``-o FILE``)."""
    import tempfile

    from ..exports import write_graph

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"graph.{fmt}")
        write_graph(G, fmt, path)
        with open(path, "rb") as fh:
            data = fh.read()
    if fmt == "png":
        write_binary(data, "a PNG")
    else:
        write_text(data.decode("utf-8"))


def _deep_graph(args):
    """``(summary, graph or None)`` of a deep network: from the per-layer types unless the graph is needed
    (``-o FILE`` or ``--method exact``)."""
    from math import factorial, prod

    from ..deep import MAX_DEEP_NODES, READING, deep_connectivity_graph, deep_label_count

    teacher, m = _deep_setup(args)
    size = deep_label_count(teacher.hidden_widths, m)
    if args.output is None and args.method == "labels":
        from ..graph_types import deep_type_summary

        summary = deep_type_summary(teacher.hidden_widths, m, teacher.input_dim, teacher.output_dim)
        if args.summary:
            summary["route"] = "types"
        return summary, None
    if args.method == "exact" and size > MAX_EXACT_NODES:
        raise ArgumentValueError(f"--method exact allows at most {MAX_EXACT_NODES} nodes; this graph has {size}")
    if size > MAX_DEEP_NODES:
        raise ArgumentValueError(f"the deep graph has {size} nodes, more than {MAX_DEEP_NODES}")
    import networkx as nx

    from ..graph import graph_diameter

    G = deep_connectivity_graph(teacher, m, method=args.method)
    degrees = [deg for _, deg in G.degree()]
    summary = {
        "kind": "deep global minima", "teacher_widths": list(teacher.hidden_widths), "student_widths": list(m),
        "d": teacher.input_dim, "d_out": teacher.output_dim, "zero_type": READING.name,
        "reading": READING.short_name,
        "method": args.method, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "components": nx.number_connected_components(G), "isolated": nx.number_of_isolates(G),
        "permuted_minima": prod(factorial(ri) for ri in teacher.hidden_widths),
        "degrees": {k: degrees.count(k) for k in sorted(set(degrees))},
    }
    if summary["components"] == 1:
        summary["diameter"] = graph_diameter(G)
    return summary, G


def _print_summary(s) -> None:
    if "teacher_widths" in s:
        head = (f"deep global minima: teacher hidden widths {','.join(map(str, s['teacher_widths']))} -> "
                f"student {','.join(map(str, s['student_widths']))} ({s['reading']})")
    elif s.get("kind") == CRITICAL:
        head = f"critical subspaces: r={s['r']} m={s['m']} d={s['d']}"
    else:
        head = f"global minima: r={s['r']} m={s['m']} d={s['d']} reading {s['reading']} (zero_type={s['zero_type']!r})"
    if "activation_class" in s:
        head += f", activation class {s['activation_class']}"
    print(head)
    print(f"  nodes (subspaces):        {s['nodes']}")
    print(f"  edges (intersections):    {s['edges']}")
    print(f"  connected components:     {s['components']}")
    print(f"  isolated nodes:           {s['isolated']}")
    if "diameter" in s:
        print(f"  diameter:                 {s['diameter']}")
    elif "diameter_skipped" in s and s.get("route") != "types":  # (--summary prints it below)
        print(f"  diameter:                 not computed ({s['diameter_skipped']})")
    if "one_extra_neuron" in s:
        f, p = s["one_extra_neuron"], s["predicted"]
        print(f"  one zero-type neuron:     {f['zero_type']['count']} nodes, degrees {f['zero_type']['degrees']} "
              f"(derived {p['zero_type']['count']}, {p['zero_type']['degrees']})")
        print(f"  one replicated pair:      {f['replicated_pair']['count']} nodes, degrees "
              f"{f['replicated_pair']['degrees']} (derived {p['replicated_pair']['count']}, "
              f"{p['replicated_pair']['degrees']})")
        if "dead_neuron" in f:
            dead, derived = f["dead_neuron"], p["dead_neuron"]
            print(f"  one dead neuron:          {dead['count']} nodes, degrees {dead['degrees']} "
                  f"(derived {derived['count']}, {derived['degrees']})")
        print(f"  diameter derived:         {p['diameter']} = {_diameter_formula(s.get('activation_class'))}")
    if "output" in s:
        print(f"  wrote {s['output']} ({s['format']})")
    if s.get("route") == "types":  # --summary: the facts came from the label types
        degrees = ", ".join(f"{k}: {v}" for k, v in s["degrees"].items())
        print(f"  degrees (degree: nodes):  {degrees}")
        if "diameter_skipped" in s:
            print(f"  diameter:                 not computed ({s['diameter_skipped']})")
        if "types" in s:
            group = "S_m x S_r" + (" and teacher sign flips" if _signed(s.get("activation_class")) else "")
            print(f"  from {len(s['types'])} types (orbits of {group}), never building the graph")
        else:
            print("  from the per-layer types (strong product), never building the graph")


def _signed(cls) -> bool:
    """Whether signs matter in the activation class ``cls`` (``None``: generic)."""
    if cls is None:
        return False
    from ..activation_classes import activation_class

    return activation_class(cls).signs is not None


def _check_exact_size(method, size) -> None:
    if method == "exact" and size > MAX_EXACT_NODES:
        raise ArgumentValueError(f"--method exact allows at most {MAX_EXACT_NODES} nodes; this graph has {size}")


def _diameter_formula(cls) -> str:
    """The derived diameter at m = r + 1 in words (see symbolic_minima.graph.one_extra_neuron_diameter)."""
    if cls in (None, "generic"):
        return "2*floor(3r/2)"
    from ..activation_classes import activation_class

    c = activation_class(cls)
    base = "4r" if c.signs is not None else "2*floor(3r/2)"
    return base + (" + 2" if c.zero_at_origin else "")


# ---------------------------------------------------------------------------
# path
# ---------------------------------------------------------------------------


def default_path_labels(r, m, activation=None):
    """Default ``path`` labels: the teacher padded with zero-type neurons, and the copy with neurons 1, 2
    swapped (``r >= 2``) or with the teacher neuron moved to the last position (``r = 1``).

    With ``activation`` (a class or activation name other than generic) the
    labels are tokens; in the classes where signs matter the end is the
    start with neuron 1's sign flipped (the sign-flipped teacher).

    >>> default_path_labels(2, 3)
    ((1, 2, 0), (2, 1, 0))
    >>> default_path_labels(1, 2)
    ((1, 0), (0, 1))
    >>> default_path_labels(2, 3, "tanh")
    (('+1', '+2', '0'), ('-1', '+2', '0'))
    >>> default_path_labels(1, 2, "exp-minus-one")
    (('1', '0'), ('0', '1'))
    """
    start = tuple(range(1, r + 1)) + (0,) * (m - r)
    if r >= 2:
        end = (2, 1) + start[2:]
    else:
        end = (0,) * (m - 1) + (1,)
    if activation is None:
        return start, end
    from ..activation_classes import activation_class

    cls = activation_class(activation)
    if cls.name == "generic":
        return start, end
    if cls.signs is None:
        return tuple(map(str, start)), tuple(map(str, end))
    tokens = tuple(f"+{v}" if v else "0" for v in start)
    return tokens, ("-1",) + tokens[1:]


def _path(args) -> int:
    if args.widths is not None:
        from ..deep import deep_zero_loss_path, parse_deep_label

        teacher, m = _deep_setup(args)
        r = teacher.hidden_widths
        start = tuple(tuple(range(1, ri + 1)) + (0,) * (mi - ri) for ri, mi in zip(r, m))
        end = tuple(((2, 1) + g[2:]) if ri >= 2 else (g[1:] + g[:1]) for g, ri in zip(start, r))
        if args.start is not None:
            start = parse_deep_label(args.start, "--from")
        if args.end is not None:
            end = parse_deep_label(args.end, "--to")
        path = deep_zero_loss_path(teacher, m, start, end)
    else:
        from ..graph import parse_label
        from ..labels import Label
        from ..paths import zero_loss_path

        activation = _activation(args)
        teacher, m = _two_layer_setup(args)
        if not teacher.is_exact_rational:
            raise ArgumentValueError("--teacher must have rational parameters for a path")
        start, end = default_path_labels(teacher.width, m, activation)
        tokens = activation is not None and _uses_tokens(args.zero_type, activation)
        if args.start is not None:
            start = Label.parse_tokens(args.start, "--from") if tokens else parse_label(args.start, "--from")
        if args.end is not None:
            end = Label.parse_tokens(args.end, "--to") if tokens else parse_label(args.end, "--to")
        path = zero_loss_path(teacher, m, start, end, zero_type=args.zero_type, activation=activation)
    if args.json:
        print(json.dumps(path.to_json()))
    elif args.latex:
        print(path._latex())
    else:
        _print_path(path)
    return 0 if path.certified else 1


def _uses_tokens(zero_type, activation) -> bool:
    """Whether the labels of the reading ``zero_type`` in class ``activation`` are tokens."""
    from ..readings import GLOBAL_MINIMUM, get_reading

    return get_reading(zero_type, activation, family=GLOBAL_MINIMUM).uses_tokens


def _print_path(path) -> None:
    from ..exports import node_id

    chain = " -> ".join(f"Γ({node_id(g)})" for g in path.label_chain)
    print(f"subspace chain ({path.graph_distance} intersections): {chain}")
    print("parameters: " + ", ".join(str(s) for s in path.parameters))
    for i, (a, b, lab) in enumerate(path.segments()):
        ok = "ok" if path.contained[i] and path.function_certified[i] else "FAILED"
        print(f"segment {i + 1} in Γ({node_id(lab)}): ({', '.join(map(str, a))}) -> ({', '.join(map(str, b))})  "
              f"[in subspace: {path.contained[i]}, f = f*: {path.function_certified[i]}] {ok}")
    verdict = "certified" if path.certified else "NOT certified"
    cls = path.info.get("activation_class")
    under = f" (for every activation of the {cls} class)" if cls is not None else ""
    print(f"{verdict}: {path.n_segments} segments, every point computes the teacher's function{under}")
