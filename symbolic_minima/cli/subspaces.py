r"""Command-line subspaces and certificates: ``subspaces``, ``verify``.

Contract (other tools call these; keep stable):

``symbolic-minima subspaces 2 4 --d 2 --json``   a JSON array, one object per global-minimum subspace
                                                 (reading R1): keys ``label`` (list of m ints),
                                                 ``dimension`` (int), ``equations`` (list of str),
                                                 ``kind``, ``zero_type`` (null for critical), ``reading``
``--zero-type groups``                           the R2 subspaces (zero-sum groups)
``--critical``                                   the critical subspaces of the point (G(r, m) of them)
``--teacher FILE.json``                          exact parameters (schema below), else ``Teacher.default(r, d)``
``--latex``                                      each system as an aligned LaTeX block
``--limit N``                                    stream at most N subspaces
``symbolic-minima verify 2 4 --d 2``             every certificate on every subspace, one line each,
                                                 then a summary line; exit 0 iff all hold, else 1
``verify ... --numeric``                         adds float cross-checks (numpy/scipy): zero loss with
                                                 tanh, softplus, sigmoid(4x)+softplus(x); with
                                                 ``--critical``, a scipy critical point (its own data)
                                                 embedded, gradient norms on its critical subspaces
``--activation NAME``                            an activation class (``generic``, ``zero-at-origin``,
                                                 ``odd``, ``even``, ``even-zero-at-origin``) or an
                                                 activation name mapped to its class (``tanh`` = ``odd``,
                                                 ``exp-minus-one``, ``gaussian``, ``logcosh``, ...): the
                                                 class's subspaces (token labels such as ``+1``, ``-1``,
                                                 ``d``, ``p``, ``g1+``), certificates and counts; ``--json``
                                                 adds the key ``activation_class`` (only when given);
                                                 ``--numeric`` uses the named activation, or the class's
                                                 real one (tanh, exp-minus-one, gaussian, logcosh; generic:
                                                 as without the option).  Refused activations (softplus,
                                                 silu, gelu, sigmoid, relu) exit 2 with the reason.

Teacher JSON schema (numbers as JSON integers or strings of exact rationals,
``"3/2"``, parsed with :class:`fractions.Fraction`, never evaluated)::

    {"incoming": [["1", "3/2"], ["-2", "1/3"]],   # r vectors of d entries (plain numbers if d = 1)
     "outgoing": ["2", "-1/2"],                    # r numbers, or r vectors of d_out entries
     "r": 2, "d": 2}                               # optional, checked

Without ``--teacher`` the default is :meth:`Teacher.default(r, d, d_out)
<symbolic_minima.network.Teacher.default>`: :math:`w^*_{i,k}=i+k-1`,
:math:`a^*_i=i`.  The teacher must be irreducible (:math:`a_i\neq0`, the
:math:`w_i` distinct and non-zero); with ``--critical`` it is read as the
critical point.  With ``--activation`` it must be irreducible for the class
(the classes with signs also need :math:`w_i\neq-w_k`).

Size guards: without ``--limit``, ``subspaces`` refuses requests of more than
:data:`MAX_SUBSPACES` subspaces and ``verify`` more than :data:`MAX_VERIFY`
(exit 2 with one line on stderr).  Then the cost model
(:func:`~symbolic_minima.budget.subspaces_estimate`,
:func:`~symbolic_minima.budget.verify_estimate`) refuses what exceeds the
budget; ``--limit N`` bounds everything ``verify`` does (the certificates,
maximality, and completeness, which locates each sampled point directly
instead of enumerating every subspace).  Listings stream (JSON included).
A teacher file must be a regular UTF-8 file of at most 64 MB (an unreadable
one: exit status 4).
"""

from __future__ import annotations

import json
import sys

from .. import budget
from ..errors import MAX_WIDTH, ArgumentValueError
from ..progress import progress
from ..readings import CRITICAL, CRITICAL_READING, DEFAULT_ZERO_TYPE, describe_zero_type, get_reading, reading_name
from ._common import MAX_DIM, add_format_options, load_teacher, parse_int, teacher_from_options
from ._zero_type import add_zero_type_argument, zero_type_help

#: How the outputs name the critical subspaces.
_CRITICAL_WHAT = "critical subspaces (mathematical reference: 'Critical subspaces')"

__all__ = ["register", "MAX_SUBSPACES", "MAX_VERIFY", "load_teacher"]

#: Largest number of subspaces ``subspaces`` prints without ``--limit``.
MAX_SUBSPACES = 100_000
#: Largest number of subspaces ``verify`` certifies without ``--limit``.
MAX_VERIFY = 5_000


def register(subparsers) -> None:
    common = _common_parent()
    p = subparsers.add_parser(
        "subspaces",
        parents=[common],
        help="list the exact global-minimum (or critical) affine subspaces",
        description="Stream the exact affine subspaces of the global-minimum manifold "
        "(mathematical reference, 'Global-minimum subspaces') "
        "or the symmetry-induced critical subspaces (mathematical reference, 'Critical subspaces'), one per labelling.",
    )
    add_format_options(p, "a JSON array, one object per subspace", "each system as an aligned LaTeX block")
    p.set_defaults(func=_subspaces)

    v = subparsers.add_parser(
        "verify",
        parents=[common],
        help="run every certificate on every subspace",
        description="Exact symbolic certificates on every subspace (function identity, or criticality and "
        "zero-type non-criticality with --critical), then maximality and completeness; a summary line "
        "ends the output.  Exit 0 only if all hold.",
    )
    v.add_argument("--samples", default="10", help="random zero-loss points for completeness (default 10)")
    v.add_argument("--seed", default="0", help="seed of the random points (default 0)")
    v.add_argument("--numeric", action="store_true",
                   help="also cross-check numerically (numpy/scipy): zero loss for tanh, softplus, "
                   "sigmoid(4x)+softplus(x); or, with --critical, a scipy critical point embedded")
    vfmt = add_format_options(v, "one JSON object per certificate (JSON lines)", "print each certificate's LaTeX")
    vfmt.add_argument("--quiet", action="store_true", help="print failures and the summary only")
    v.set_defaults(func=_verify)


def _common_parent():
    import argparse

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("r", help="width r of the teacher (or critical point)")
    common.add_argument("m", help="width m >= r of the student")
    common.add_argument("--d", default=None, help="input dimension d >= 1 (default 1, or the teacher's)")
    common.add_argument("--d-out", dest="d_out", default=None, help="output dimension (default 1)")
    add_zero_type_argument(common, help=f"reading of the zero-type neurons: {zero_type_help()}")
    common.add_argument("--critical", action="store_true", help="the critical subspaces of a critical point")
    common.add_argument("--teacher", default=None, metavar="FILE.json",
                        help="exact teacher / critical point parameters (JSON, rationals as strings)")
    common.add_argument("--limit", default=None, help="stream at most N subspaces")
    common.add_argument("--activation", default=None, metavar="NAME",
                        help="activation class (generic, zero-at-origin, odd, even, even-zero-at-origin) or an "
                        "activation name of one (exp, exp-minus-one, tanh, erf, sinh, gaussian, cosh, logcosh); "
                        "default generic")
    return common


def _activation_class(args):
    """The class name of ``--activation`` (``None`` when not given); refused activations raise (exit 2)."""
    if args.activation is None:
        return None
    from ..activation_classes import activation_class

    return activation_class(args.activation).name


def _setup(args):
    """Validate the common arguments; return (point, m, zero_type, limit, total); sets ``args.activation_class``."""
    r = parse_int(args.r, "r", 1, MAX_WIDTH)
    m = parse_int(args.m, "m", 1, MAX_WIDTH)
    if m < r:
        raise ArgumentValueError(f"m must be an integer >= r = {r}, got {m}")
    d = parse_int(args.d, "--d", 1, MAX_DIM)
    q = parse_int(args.d_out, "--d-out", 1, MAX_DIM)
    limit = parse_int(args.limit, "--limit", 0, 10**12)
    if args.critical and args.zero_type != DEFAULT_ZERO_TYPE and args.func is _subspaces:
        raise ArgumentValueError("--zero-type does not apply to --critical subspaces (they have no zero-type neurons)")
    cls = args.activation_class = _activation_class(args)
    point = teacher_from_options(args.teacher, r, d, q, critical=args.critical)
    if cls is None:
        from ..counting import G, T

        total = G(r, m) if args.critical else T(r, m, zero_type=args.zero_type)
    else:
        from ..counting import count_subspaces
        from ..network import check_irreducible

        check_irreducible(point, cls)
        total = count_subspaces(_class_reading(args), r, m)
    return point, m, args.zero_type, limit, total


def _class_reading(args):
    """The reading the request lists, in the class of ``--activation``."""
    name = CRITICAL_READING.name if args.critical else args.zero_type
    return get_reading(name, args.activation_class)


def _what(args, zero_type) -> str:
    """The header's description of the family (the class's reading, and the class, with ``--activation``)."""
    if args.activation_class is None:
        return _CRITICAL_WHAT if args.critical else describe_zero_type(zero_type)
    reading = _class_reading(args)
    what = "critical subspaces" if args.critical else reading.describe()
    return f"{what}; activation class {args.activation_class}"


def _guard(total, limit, maximum, what):
    if limit is None and total > maximum:
        # a huge count is named by its size (a 280,000-digit count would not fit on the one error line)
        amount = f"{total}" if total < 10**30 else f"more than 10^{int((total.bit_length() - 1) * 0.30102999566398)}"
        raise ArgumentValueError(
            f"this request has {amount} subspaces, more than the limit {maximum} for {what}; "
            f"pass --limit N to stream the first N"
        )


def _subspaces(args) -> int:
    from ..subspaces import critical_subspaces, global_minimum_subspaces, label_text

    point, m, zero_type, limit, total = _setup(args)
    _guard(total, limit, MAX_SUBSPACES, "subspaces")
    budget.subspaces_estimate(point.width, m, point.input_dim, point.output_dim,
                              total if limit is None else min(limit, total)).check()
    cls = args.activation_class
    if args.critical:
        gen = critical_subspaces(point, m, activation=cls)
        zt = None
    else:
        gen = global_minimum_subspaces(point, m, zero_type, activation=cls)
        zt = zero_type
    shown = total if limit is None else min(limit, total)
    out = sys.stdout
    if args.json:
        out.write("[")
    elif args.latex:
        pass
    else:
        what = _what(args, zero_type)
        out.write(f"# {shown} of {total} subspaces; {what}; {'critical point' if args.critical else 'teacher'} "
                  f"{json.dumps(point.to_json(), separators=(',', ':'))}\n")
    count = 0
    for s in progress(gen, total=shown, desc="subspaces"):
        if limit is not None and count >= limit:
            break
        if args.json:
            obj = s.to_json()
            del obj["parameters"]
            obj["zero_type"] = zt
            obj["reading"] = None if zt is None else reading_name(zt)
            if cls is not None:
                obj["activation_class"] = cls
            out.write(("," if count else "") + "\n" + json.dumps(obj))
        elif args.latex:
            out.write(f"{s.latex_name()} : {s._latex()}\n")
        else:
            out.write(f"{label_text(s.label)}  dim {s.dimension}  " + ", ".join(s.equations()) + "\n")
        count += 1
    if args.json:
        out.write("\n]\n" if count else "]\n")
    out.flush()
    return 0


def _verify(args) -> int:
    from ..verify import Summary, verify_all

    point, m, zero_type, limit, total = _setup(args)
    _guard(total, limit, MAX_VERIFY, "verify")
    samples = parse_int(args.samples, "--samples", 0, 10_000)
    seed = parse_int(args.seed, "--seed", 0, 2**63)
    count = total if limit is None else min(limit, total)
    budget.verify_estimate(point.width, m, point.input_dim, point.output_dim, count, args.critical,
                           0 if args.critical else samples).check()
    family = CRITICAL if args.critical else "global"
    cls = args.activation_class
    summary = Summary()
    out = sys.stdout
    if not (args.json or args.quiet):
        what = _what(args, zero_type)
        out.write(f"# verify r={point.width} m={m} d={point.input_dim} d_out={point.output_dim}: {what}\n")
    certs = verify_all(point, m, family, zero_type, samples=samples, limit=limit, seed=seed, activation=cls)
    if args.numeric:
        try:
            import numpy  # noqa: F401
            import scipy  # noqa: F401
        except ImportError:
            raise ArgumentValueError("--numeric needs numpy and scipy: "
                                     "pip install 'symbolic-minima[numeric]'") from None
        certs = _chain(certs, _numeric_certificates(point, m, family, zero_type, seed, args.activation, cls))
    extra = {} if cls is None else {"activation_class": cls}
    for cert in progress(certs, desc="certificates"):
        summary.add(cert)
        if args.json:
            out.write(json.dumps({**cert.to_json(), **extra}) + "\n")
        elif args.latex:
            out.write(cert._latex() + "\n")
        elif not args.quiet or not cert.holds:
            out.write(str(cert) + "\n")
        out.flush()
    line = str(summary)
    if args.json:
        out.write(json.dumps({"summary": line, "ok": summary.ok, **extra}) + "\n")
    else:
        out.write(line + "\n")
    return 0 if summary.ok else 1


def _chain(*iterables):
    for it in iterables:
        yield from it


def _numeric_certificates(point, m, family, zero_type, seed, activation=None, cls=None):
    """The float cross-checks: the activations of the generic defaults, or (``--activation``) the named
    activation if it has a numpy implementation, else the class's real one."""
    from ..numerics import (
        NUMERIC_ACTIVATIONS,
        numeric_criticality_certificate,
        numeric_zero_loss_certificate,
        real_activation,
    )

    zero_loss: tuple[str, ...]
    if cls is None or (cls == "generic" and activation not in NUMERIC_ACTIVATIONS):
        zero_loss, critical = ("tanh", "softplus", "sigmoid4+softplus"), "sigmoid4+softplus"
    else:
        zero_loss, critical = (real_activation(activation),), real_activation(activation)
    if family == "global":
        if not point.is_exact_rational:
            return
        for name in zero_loss:
            yield numeric_zero_loss_certificate(point, m, zero_type, name, seed=seed, activation_class=cls)
    else:
        yield numeric_criticality_certificate(point.width, m, point.input_dim, point.output_dim, critical, seed=seed,
                                              activation_class=cls)
