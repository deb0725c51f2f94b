r"""Command line of the claim decision procedure: ``symbolic-minima claim``.

``symbolic-minima claim 'T(r, r+1) == factorial(r+1)*(r+2)/2'``      proved (fixed h = 1): exit 0
``symbolic-minima claim 'G(3, m) == 3^m - 3*2^m + 3' --json``       the verdict as JSON
``symbolic-minima claim 'T(2, m) == 3^m'``                          refuted at m = 2: exit 1
``symbolic-minima claim 'T(1, m) == bell(m+1) - bell(m)' --zero-type groups --latex``
``symbolic-minima claim 'T(r, m) == factorial(r)*stirling2(m+1, r+1)' --r 4``    fix r (or ``--h H``)
``symbolic-minima claim 'T(1, m) == 4^m - 2^m' --activation tanh``   ``T`` and ``G`` of an activation class

Options: ``--zero-type`` (reading of ``T``), ``--activation`` (a class name:
generic, zero-at-origin, odd, even, even-zero-at-origin; or an activation name
such as ``tanh``; refused activations exit 2 with the reason), ``--r R`` /
``--h H`` (fix a variable), ``--start N``
(prove from ``N`` on), ``--budget N`` (most exact evaluations, default
1000), ``--search N`` (hypothesis examples when no theorem applies),
``--json`` / ``--latex`` (output), ``--tex FILE`` (write the LaTeX fragment).

Exit status: 0 proved, 1 refuted, 3 undecided, 2 bad input (one line on stderr).
The claim is parsed by a whitelist (:mod:`symbolic_minima.claim_language`); it
is never evaluated as Python.
"""

from __future__ import annotations

import json

from . import fail
from ._common import add_format_options, parse_int
from ._zero_type import add_zero_type_argument, zero_type_help

# The defaults of symbolic_minima.claims, repeated here so that building the parser (for any
# command) does not import sympy; tests/test_claims.py checks that they agree.
ACTIVATIONS = ("generic", "zero-at-origin", "odd", "even", "even-zero-at-origin")
DEFAULT_BUDGET = 1000
DEFAULT_SEARCH_EXAMPLES = 100

__all__ = ["register"]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "claim",
        help="decide a claim about T and G for all sizes (proved / refuted / undecided, with a certificate)",
        description="Decide a claim LEFT == RIGHT about T(r, m) and G(r, m) for all m at fixed r, or all r at "
        "fixed h = m - r: a recurrence-order or degree bound reduces it to finitely many exact checks, an EGF "
        "identity decides it in the groups reading, otherwise a counterexample search is reported as evidence. "
        "Grammar: integers, rationals, r, m, h, + - * / ^, factorial, binomial, stirling2, bell, T, G. "
        "Exit status 0 proved, 1 refuted, 3 undecided, 2 bad input.",
    )
    p.add_argument("claim", help="the claim, e.g. 'T(r, r+1) == factorial(r+1)*(r+2)/2' (quote it)")
    add_zero_type_argument(p, metavar="Z", help=f"reading of T: {zero_type_help()}")
    p.add_argument("--activation", default="generic", metavar="A",
                   help=f"activation class ({', '.join(ACTIVATIONS)}) or activation name (tanh, gaussian, ...): "
                        "T and G of that class (default generic)")
    p.add_argument("--r", default=None, metavar="R", help="fix r (the claim is then about all m)")
    p.add_argument("--h", default=None, metavar="H", help="fix h = m - r (the claim is then about all r)")
    p.add_argument("--start", default=None, metavar="N",
                   help="prove for every value from N on (default: where every term is defined)")
    p.add_argument("--budget", default=None, metavar="N",
                   help=f"most exact evaluations of the claim (default {DEFAULT_BUDGET})")
    p.add_argument("--search", default=None, metavar="N",
                   help=f"hypothesis examples when no theorem applies (default {DEFAULT_SEARCH_EXAMPLES}; "
                        "0: grid only)")
    add_format_options(p, json_help="print the verdict as JSON (verdict, method, checked, counterexample, certificate)",
                       latex_help="print the certificate as a LaTeX fragment")
    p.add_argument("--tex", metavar="FILE", help="also write the LaTeX fragment to FILE (for \\input)")
    p.set_defaults(func=_claim)


def _claim(args) -> int:
    options = {
        "r": parse_int(args.r, "--r", 1, 10_000),
        "h": parse_int(args.h, "--h", 0, 10_000),
        "start": parse_int(args.start, "--start", 1, 10_000),
        "budget": parse_int(args.budget, "--budget", 1, 100_000),
        "search_examples": parse_int(args.search, "--search", 0, 100_000),
    }
    options = {k: v for k, v in options.items() if v is not None}
    from ..claims import decide

    verdict = decide(args.claim, args.zero_type, activation=args.activation, **options)
    if args.tex:
        try:
            verdict.write_latex(args.tex)
        except OSError as exc:
            fail(f"cannot write --tex file {args.tex!r}: {exc.strerror or exc}")
    if args.json:
        print(json.dumps(verdict.to_json()))
    elif args.latex:
        print(verdict.latex(), end="")
    else:
        print(verdict.summary())
    return verdict.exit_status
