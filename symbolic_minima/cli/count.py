r"""Command-line counts: ``count``, ``table``, ``ratio``, ``formula``.

Contract (other tools call these; keep stable):

``symbolic-minima count T 3 5``                    prints ``390`` and nothing else
``symbolic-minima count T 3 5 --zero-type groups`` prints ``450``
``symbolic-minima count G 3 5``                    prints ``150``
``--json``                                         one object: quantity, r, m, zero_type (T only), value (int)
``--latex``                                        the derived closed form and the value in LaTeX
``symbolic-minima table T --r 1:4 --m 1:8``        a table; cells with m < r are blank (0 in --json)
``symbolic-minima ratio --r-star 10 --h 0:8``      the three comparisons for every reading, with crossovers
``symbolic-minima ratio --r-star 2:15 --h 0:3 --claim mild``  where critical subspaces dominate; yes/no (exit 0/1)
``symbolic-minima formula T --latex``              a derived formula alone, in LaTeX
``--activation NAME``                              every command above, for an activation class (``odd``) or an
                                                   activation (``tanh``: the same); ``--json`` then adds the key
                                                   ``activation_class``; refused activations (``softplus``, ...)
                                                   exit 2 with the reason

Ranges ``A:B`` are inclusive (``1:4`` is 1, 2, 3, 4); ``A:B:S`` takes steps of
``S``; a single integer is a one-element range.  Numbers follow the one
integer rule (:func:`~symbolic_minima.errors.parse_integer`: ASCII digits with
an optional sign).  Counts of any size print in full.  Every command first
estimates its cost (:mod:`symbolic_minima.budget`) and refuses what exceeds
the budget; tables are written row by row (JSON included), never held as one
string.
"""

from __future__ import annotations

import json
import sys

from .. import budget
from ..bigint import int_to_str
from ..errors import MAX_WIDTH, ArgumentValueError
from ..readings import DEFAULT_ZERO_TYPE, describe_zero_type, reading_name, zero_types
from ._activation import add_activation_argument, class_name
from ._common import add_format_options, parse_int, parse_range
from ._zero_type import add_zero_type_argument, zero_type_help

__all__ = ["register", "parse_range", "MAX_TABLE_CELLS"]

#: Largest number of cells ``table`` prints (each cell may be a long integer).
MAX_TABLE_CELLS = 100_000


def _quantity_args(args):
    quantity = args.quantity
    zero_type = getattr(args, "zero_type", None)
    if quantity == "G":
        if zero_type is not None:
            raise ArgumentValueError("--zero-type applies to T only; G has no reading")
        return quantity, None
    return quantity, zero_type or DEFAULT_ZERO_TYPE


def _count(args) -> int:
    from ..counting import count

    quantity, zero_type = _quantity_args(args)
    activation = class_name(args.activation)
    r, m = parse_int(args.r, "r", 1, MAX_WIDTH), parse_int(args.m, "m", 1, MAX_WIDTH)
    result = count(quantity, r, m, zero_type=zero_type, method=args.method, activation=activation)
    if args.json:
        print(json.dumps(result.to_json(activation_class=activation is not None)))
    elif args.latex:
        import sympy  # only for LaTeX: an integer count needs no sympy

        print(sympy.latex(result))
    else:
        print(int_to_str(result.value))
    return 0


def _table(args) -> int:
    from ..counting import G_table, T_table

    quantity, zero_type = _quantity_args(args)
    activation = class_name(args.activation)
    r_values = parse_range(args.r, "r", minimum=1)
    m_values = parse_range(args.m, "m", minimum=1)
    if len(r_values) * len(m_values) > MAX_TABLE_CELLS:
        raise ArgumentValueError(f"table has more than {MAX_TABLE_CELLS} cells; narrow --r or --m")
    output = "json" if args.json else "latex" if args.latex else "text"
    budget.table_estimate(quantity, r_values, m_values, zero_type, output).check()
    if quantity == "T":
        table = T_table(r_values, m_values, zero_type=zero_type, activation=activation)
        title = f"T(r, m), reading {describe_zero_type(zero_type)}"
        name = rf"T_{{\mathrm{{{reading_name(zero_type)}}}}}"
    else:
        table = G_table(r_values, m_values, activation=activation)
        title = "G(r, m): symmetry-induced critical subspaces"
        name = "G"
    if activation is not None:
        title = f"activation class {activation}: {title}"
        name += rf"^{{\mathrm{{{activation}}}}}"
    write = sys.stdout.write
    if args.json:
        # streamed row by row; byte-identical to json.dumps of the whole object
        head = {
            "quantity": quantity,
            "zero_type": zero_type,
            "reading": reading_name(zero_type) if quantity == "T" else None,
            "r": r_values,
            "m": m_values,
        }
        if quantity == "G":
            del head["zero_type"], head["reading"]
        write(json.dumps(head)[:-1] + ', "values": [')
        for i, r in enumerate(r_values):
            write((", " if i else "") + "[" + ", ".join(int_to_str(table[(r, m)]) for m in m_values) + "]")
        tail = "" if activation is None else f', "activation_class": {json.dumps(activation)}'
        write("]" + tail + "}\n")
        return 0

    def cell(r, m):
        return int_to_str(table[(r, m)]) if m >= r else ""

    if args.latex:
        cols = "r|" + "r" * len(m_values)
        write(rf"\begin{{tabular}}{{{cols}}}" + "\n")
        write(r"$r \backslash m$ & " + " & ".join(str(m) for m in m_values) + r" \\ \hline" + "\n")
        for r in r_values:
            write(f"{r} & " + " & ".join(cell(r, m) for m in m_values) + r" \\" + "\n")
        write(r"\end{tabular}" + "\n")
        write(f"% ${name}(r, m)$; cells with $m < r$ are empty\n")
        return 0
    width = max([_widest(table[(r, m)] for r in r_values for m in m_values if m >= r)]
                + [len(str(m)) for m in m_values])
    label = max(len("r\\m"), max(len(str(r)) for r in r_values))
    write(title + "  (blank: m < r)\n")
    write("r\\m".rjust(label) + " " + " ".join(str(m).rjust(width) for m in m_values) + "\n")
    for r in r_values:
        write(str(r).rjust(label) + " " + " ".join(cell(r, m).rjust(width) for m in m_values) + "\n")
    return 0


def _widest(values) -> int:
    """Number of decimal digits of the largest of ``values`` (non-negative ints), printing only the largest."""
    values = list(values)
    if not values:
        return 0
    top = max(v.bit_length() for v in values)
    return max(len(int_to_str(v)) for v in values if v.bit_length() >= top - 4)


def _ratio(args) -> int:
    from ..comparison import COMPARISONS, MAX_VERDICT_POINTS, compare, crossover, dominances, format_ratio

    activation = class_name(args.activation)
    r_stars = parse_range(args.r_star, "--r-star", minimum=2)
    h_values = parse_range(args.h, "h", minimum=0)
    if len(r_stars) * len(h_values) > MAX_VERDICT_POINTS:
        raise ArgumentValueError(f"--r-star and --h give more than {MAX_VERDICT_POINTS} points; narrow them")
    if max(r_stars) > MAX_WIDTH:
        raise ArgumentValueError(f"--r-star must be an integer in [2, {MAX_WIDTH}], got {max(r_stars)}")
    readings = [args.zero_type] if args.zero_type else list(zero_types())
    if len(r_stars) > 1:
        args.h_max = parse_int(args.h_max, "--h-max", 0, MAX_WIDTH - max(r_stars))
        return _ratio_range(args, r_stars, h_values, readings, activation)
    r_star = r_stars[0]
    h_max = parse_int(args.h_max, "--h-max", 0, MAX_WIDTH - r_star)
    if max(h_values) > MAX_WIDTH - r_star:
        raise ArgumentValueError(f"h must be an integer in [0, {MAX_WIDTH - r_star}] for r* = {r_star}, "
                                 f"got {max(h_values)}")
    crossover_h_max = h_max if h_max is not None else min(10 * r_star + 20, MAX_WIDTH - r_star)
    budget.ratio_estimate(r_star, h_values, len(readings), crossover_h_max).check()
    results = []
    for zero_type in readings:
        rows = compare(r_star, h_values, zero_type, activation=activation)
        cross = {name: crossover(r_star, name, zero_type, h_max, activation=activation) for name in COMPARISONS}
        found = dominances([r_star], h_values, zero_type, activation=activation)
        results.append((zero_type, rows, cross, found))
    verdict = _regime_verdict(args, results)
    if args.json:
        out = []
        for zero_type, rows, cross, found in results:
            block = {
                "zero_type": zero_type,
                "reading": reading_name(zero_type),
                "r_star": r_star,
                "rows": [row.to_json() for row in rows],
                "crossover": cross,
                "dominance": {name: d.to_json() for name, d in found.items()},
            }
            if activation is not None:
                block["activation_class"] = activation
            if verdict is not None:
                block["claim"] = _claim_json(verdict, zero_type)
            out.append(block)
        print(json.dumps(out))
        return _verdict_status(verdict)
    if activation is not None:
        print(f"Activation class {activation}: its own critical and global-minimum subspaces")
    print(f"Critical subspaces from narrower networks vs global-minimum subspaces, r* = {r_star}, m = r* + h")
    print("  previous = G(r*-1, m)/T(r*, m);  sum = sum_{r<r*} G(r, m)/T(r*, m);  max = max_{r<r*} G(r, m)/T(r*, m)")
    for zero_type, rows, cross, found in results:
        print()
        print(f"Reading {describe_zero_type(zero_type)}")
        head = f"{'h':>5} {'m':>6} {'previous':>13} {'sum':>13} {'max':>13} {'argmax r':>9}"
        print(head)
        for row in rows:
            print(
                f"{row.h:>5} {row.m:>6} {format_ratio(row.previous):>13} {format_ratio(row.sum):>13} "
                f"{format_ratio(row.max):>13} {row.argmax:>9}"
            )
        text = ", ".join(f"{name}: {'none' if h is None else 'h = ' + str(h)}" for name, h in cross.items())
        print(f"crossover (smallest h with ratio < 1): {text}")
        where = "; ".join(f"{name} {_h_only(d.describe())}" for name, d in found.items())
        print(f"critical subspaces dominate (ratio > 1) for h in the range asked: {where}")
    _print_verdict(verdict)
    return _verdict_status(verdict)


def _h_only(text: str) -> str:
    """``"r*=10: h=0..1"`` -> ``"h=0..1"`` (one r*)."""
    return text.split(": ", 1)[1] if ": " in text else text


def _ratio_range(args, r_stars, h_values, readings, activation) -> int:
    from ..comparison import COMPARISONS, crossover, dominances

    results = []
    for zero_type in readings:
        found = dominances(r_stars, h_values, zero_type, activation=activation)
        cross = {r: {name: crossover(r, name, zero_type, args.h_max, activation=activation) for name in COMPARISONS}
                 for r in r_stars}
        results.append((zero_type, None, cross, found))
    verdict = _regime_verdict(args, results)
    if args.json:
        out = []
        for zero_type, _, cross, found in results:
            block = {
                "zero_type": zero_type,
                "reading": reading_name(zero_type),
                "r_star": r_stars,
                "h": h_values,
                "ratios": [
                    {"r_star": r, "h": h, **{name: f"{d.ratios[(r, h)].numerator}/{d.ratios[(r, h)].denominator}"
                                             for name, d in found.items()}}
                    for r in r_stars for h in h_values
                ],
                "crossover": {str(r): value for r, value in cross.items()},
                "dominance": {name: d.to_json() for name, d in found.items()},
            }
            if activation is not None:
                block["activation_class"] = activation
            if verdict is not None:
                block["claim"] = _claim_json(verdict, zero_type)
            out.append(block)
        print(json.dumps(out))
        return _verdict_status(verdict)
    from ..comparison import _grid_text

    if activation is not None:
        print(f"Activation class {activation}: its own critical and global-minimum subspaces")
    print("Critical subspaces from narrower networks vs global-minimum subspaces, "
          f"{_grid_text(r_stars, 'r*')}, {_grid_text(h_values, 'h')}, m = r* + h")
    print("  previous = G(r*-1, m)/T(r*, m);  sum = sum_{r<r*} G(r, m)/T(r*, m);  max = max_{r<r*} G(r, m)/T(r*, m)")
    for zero_type, _, cross, found in results:
        print()
        print(f"Reading {describe_zero_type(zero_type)}")
        print("  critical subspaces dominate (ratio > 1) at:")
        for name, d in found.items():
            print(f"    {name + ':':<9} {d.describe()}")
        print("  crossover (smallest h with ratio < 1), per r*:")
        print(f"    {'r*':>5} " + " ".join(f"{name:>9}" for name in COMPARISONS))
        for r in r_stars:
            print(f"    {r:>5} " + " ".join(f"{'none' if cross[r][name] is None else cross[r][name]:>9}"
                                           for name in COMPARISONS))
    _print_verdict(verdict)
    return _verdict_status(verdict)


def _regime_verdict(args, results):
    from ..comparison import COMPARISONS, RegimeVerdict

    if args.claim is None:
        return None
    return RegimeVerdict(args.claim, tuple(found[name] for _, _, _, found in results for name in COMPARISONS))


def _claim_json(verdict, zero_type) -> dict:
    out = verdict.to_json()
    out["results"] = [entry for entry in out["results"] if entry["zero_type"] == zero_type]
    return out


def _print_verdict(verdict) -> None:
    if verdict is not None:
        print()
        print(verdict.summary())


def _verdict_status(verdict) -> int:
    """0 without a claim or when it holds; 1 when it fails somewhere (like ``claim``: refuted)."""
    return 0 if verdict is None or verdict.holds else 1


def _formula(args) -> int:
    import sympy

    from ..counting import closed_form, latex_form

    quantity, zero_type = _quantity_args(args)
    activation = class_name(args.activation)
    expr = closed_form(quantity, zero_type, args.form, activation=activation)
    cls = "" if activation is None else rf"^{{\mathrm{{{activation}}}}}"
    if quantity == "T":
        name = rf"T_{{\mathrm{{{reading_name(zero_type)}}}}}{cls}(r, m)"
    else:
        name = f"G{cls}(r, m)"
    if args.form == "egf":
        lhs = rf"\sum_{{m \geq 0}} {name} \frac{{x^{{m}}}}{{m!}}"
    else:
        lhs = name
    if args.latex:
        print(f"{lhs} = {latex_form(expr)}")
    else:
        text_cls = "" if activation is None else f"^{activation}"
        text_name = f"T_{reading_name(zero_type)}{text_cls}(r, m)" if quantity == "T" else f"G{text_cls}(r, m)"
        if args.form == "egf":
            text_name = f"sum_m {text_name} x^m/m!"
        print(f"{text_name} = {sympy.sstr(expr)}")
    return 0


def _add_quantity(p, with_zero_type=True):
    p.add_argument("quantity", choices=("T", "G"), help="T: global-minimum subspaces; G: critical subspaces")
    if with_zero_type:
        add_zero_type_argument(p, default=None, help=f"reading of T: {zero_type_help()}; not for G")


def register(subparsers) -> None:
    """Add ``count``, ``table``, ``ratio``, ``formula`` to the ``symbolic-minima`` parser."""
    from ..counting import FORMS, METHODS_T

    p = subparsers.add_parser("count", help="exact T(r, m) or G(r, m)", description="Print T(r, m) or G(r, m) exactly.")
    _add_quantity(p)
    p.add_argument("r", help="teacher width r (T) or narrower width r (G), 1 <= r <= m")
    p.add_argument("m", help=f"student width m, m <= {MAX_WIDTH}")
    p.add_argument("--method", choices=(*METHODS_T, "power_sum"), default="auto",
                   help="route of the computation (default auto; power_sum: groups readings)")
    add_activation_argument(p)
    add_format_options(p, "one JSON object", "closed form and value in LaTeX")
    p.set_defaults(func=_count)

    p = subparsers.add_parser("table", help="table of T or G", description="Print a table of T(r, m) or G(r, m).")
    _add_quantity(p)
    p.add_argument("--r", default="1:4", help="range of r, e.g. 1:4 (inclusive)")
    p.add_argument("--m", default="1:8", help="range of m, e.g. 1:8 (inclusive)")
    add_activation_argument(p)
    add_format_options(p, "JSON with a values matrix (0 where m < r)", "LaTeX tabular")
    p.set_defaults(func=_table)

    p = subparsers.add_parser(
        "ratio",
        help="mild vs vast overparameterization comparison",
        description="Exact ratios of critical subspaces of narrower networks to global-minimum subspaces.",
    )
    p.add_argument("--r-star", required=True,
                   help="minimal width r* >= 2, or a range such as 2:15 (then a summary per reading: where "
                   "critical subspaces dominate, and the crossover per r*)")
    p.add_argument("--h", default="0:8", help="range of h = m - r*, e.g. 0:8 (inclusive)")
    add_zero_type_argument(p, default=None, help="only this reading (default: every registered reading)")
    p.add_argument("--h-max", default=None, help="search crossovers up to this h (default 10 r* + 20)")
    p.add_argument("--claim", choices=("mild", "vast"), default=None,
                   help="decide a claim over the whole range asked, in every reading and comparison: mild = "
                   "critical subspaces dominate (ratio > 1) at every (r*, h); vast = global minima dominate "
                   "(ratio < 1). Prints yes/no, where it fails and the largest box where it holds; "
                   "exit status 0 yes, 1 no")
    add_activation_argument(p)
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=_ratio)

    p = subparsers.add_parser(
        "formula", help="derived closed form of T or G", description="Print a derived closed form of T or G."
    )
    _add_quantity(p)
    p.add_argument("--form", choices=FORMS, default="stirling", help="stirling (default), sum, egf, convolution")
    add_activation_argument(p)
    p.add_argument("--latex", action="store_true", help="LaTeX (for pasting into a paper)")
    p.set_defaults(func=_formula)
