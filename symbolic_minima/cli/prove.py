r"""Command line of the machine-checked proofs: ``symbolic-minima prove``.

``symbolic-minima prove --list``             every proof: name, reading, claim
``symbolic-minima prove NAME``               run one; prints its one-line verdict
``symbolic-minima prove NAME --tex FILE``    also write its LaTeX fragment (``-o FILE`` is the same)
``symbolic-minima prove NAME --latex``       print the LaTeX fragment after the verdict
``symbolic-minima prove NAME -v``            every step and check instead of the one line
``symbolic-minima prove NAME --json``        one JSON object per proof (name, claim, zero_type, reading R1/R2,
                                             verdict, steps, checks; activation_class for a class's proof)
``symbolic-minima prove --all``              run every proof (``--tex FILE``: all fragments in one file)
``symbolic-minima prove``                    the same as ``--all``
``symbolic-minima prove --activation odd``   the proofs of an activation class (``tanh`` works too);
                                             with ``--list``, list them; with a NAME, check it is one of them

Options ``--max-r R`` (default 5), ``--extra-m H`` (default 5) and
``--enumeration-limit N`` (enumerate labellings only where there are at most
``N``, default 150000) set the range of the exact checks.

Exit status: 0 if every proof run was verified, 1 if one failed, 2 on bad
input (unknown name, bad option) or options whose estimated cost exceeds the
budget (:func:`symbolic_minima.budget.proof_estimate`), 4 if the ``--tex``
file cannot be written; one line on stderr.
"""

from __future__ import annotations

import json
import sys

from .. import budget
from ..atomic import check_writable, write_text
from ..progress import progress, progress_enabled
from ..proving import list_proofs, run_proof
from . import fail
from ._activation import add_activation_argument, class_name
from ._common import parse_int
from ._output import is_stdout
from ._output import write_text as write_stdout

__all__ = ["register"]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "prove",
        help="run the machine-checked proofs of the counting claims",
        description="Derive a claim symbolically (species -> EGF -> closed form), check it exactly against "
        "enumeration and independent routes, print the verdict and optionally a LaTeX fragment.",
    )
    p.add_argument("name", nargs="?", help="the proof to run (see --list); none: run them all")
    p.add_argument("--list", action="store_true", help="list the proofs (name, reading, claim)")
    p.add_argument("--all", action="store_true", help="run every proof")
    p.add_argument("--tex", "-o", metavar="FILE", dest="tex",
                   help="write the LaTeX fragment(s) to FILE; '-': to standard output (the verdicts then go to "
                   "standard error)")
    p.add_argument("--latex", action="store_true", help="print the LaTeX fragment(s) after the verdict")
    p.add_argument("-v", "--verbose", action="store_true", help="print every step and check")
    p.add_argument("--json", action="store_true", help="print one JSON object per proof instead of the verdict line")
    p.add_argument("--max-r", default=None, metavar="R", help="check every r <= R (1..12, default 5)")
    p.add_argument("--extra-m", default=None, metavar="H",
                   help="check every m <= r + H (0..30, default 5)")
    p.add_argument("--enumeration-limit", default=None, metavar="N",
                   help="enumerate labellings only where there are at most N (default 150000)")
    add_activation_argument(p, help="only the proofs of this activation class (a class name such as odd, or an "
                                    "activation name such as tanh); generic: the proofs of the paper's setting")
    p.set_defaults(func=_prove)


def _options(args) -> dict:
    values = {
        "max_r": parse_int(args.max_r, "--max-r", 1, 12),
        "extra_m": parse_int(args.extra_m, "--extra-m", 0, 30),
        "enumeration_limit": parse_int(args.enumeration_limit, "--enumeration-limit", 0, 10**9),
    }
    return {k: v for k, v in values.items() if v is not None}


def _ordered_proofs(activation: str | None) -> list:
    """The registered proofs: the generic class's first (sorted), then each activation class's (sorted);
    only those of ``activation`` when given."""
    infos = list_proofs()
    generic = [info for info in infos if info.activation_class is None]
    classes = [info for info in infos if info.activation_class is not None]
    if activation is None:
        return generic + classes
    if activation == "generic":
        return generic
    return [info for info in classes if info.activation_class == activation]


def _prove(args) -> int:
    activation = class_name(args.activation)
    if args.list:
        if args.name or args.all:
            fail("--list takes no proof name and no --all")
        for info in _ordered_proofs(activation):
            if info.activation_class is not None and info.reading is None:
                reading = f"activation_class={info.activation_class}"
            else:
                reading = "reading-independent" if info.reading is None else f"zero_type={info.reading}"
            print(f"{info.name}  [{reading}]  {info.claim}")
        return 0
    if args.all and args.name:
        fail("give either a proof NAME or --all, not both")
    selected = [info.name for info in _ordered_proofs(activation)]
    if args.name and activation is not None and args.name in [info.name for info in list_proofs()] \
            and args.name not in selected:
        fail(f"proof {args.name!r} is not a proof of the activation class {activation!r}; "
             f"its proofs: {', '.join(selected) or 'none'}")
    if not args.name and not selected:
        fail(f"no proof is registered for the activation class {activation!r}")
    names = [args.name] if args.name else selected  # an unknown name: run_proof raises (exit 2)
    options = _options(args)
    if args.tex:
        check_writable(args.tex)  # before the proofs run (exit 4)
    if args.name and args.name not in [info.name for info in list_proofs()]:
        run_proof(args.name, **options)  # raises the one-line unknown-name error
    budget.proof_estimate(names, **options).check()
    proofs = []
    bar = progress_enabled()
    for name in progress(names, total=len(names), desc="proofs"):
        proof = run_proof(name, **options)
        proofs.append(proof)
        if bar:
            sys.stderr.write("\r\x1b[K")  # erase the bar's line (a terminal) before the verdict
            sys.stderr.flush()
        verdicts = sys.stderr if is_stdout(args.tex) else sys.stdout  # -o -: the LaTeX alone on stdout
        if args.json:
            print(json.dumps(proof.to_json(), default=str), file=verdicts, flush=True)
        else:
            print(proof.summary() if args.verbose else proof.verdict_line(), file=verdicts, flush=True)
    fragments = "\n".join(p.latex() for p in proofs)
    if args.latex:
        print(fragments, end="")
    if is_stdout(args.tex):
        write_stdout(fragments)
    elif args.tex:
        write_text(args.tex, fragments)  # atomic; a failure is one line, exit status 4
    return 0 if all(p.verdict for p in proofs) else 1
