r"""Command-line trained networks: ``classify``, ``experiment``.

Contract (other tools call these; keep stable):

``symbolic-minima classify --teacher T.json --student S.json``   the subspace the student lies near:
                                                                 kind, label, distance, margin, and the
                                                                 snapped rational point's certificate
``--json``                                                       one object with keys ``kind``, ``label``
                                                                 (list of ints, or tokens outside the
                                                                 generic class; null for kind none),
                                                                 ``distance``, ``margin``, ``certified``
                                                                 (true/false, null when nothing applies),
                                                                 and context (``reading``, ``tol``, ...)
``--tol X``, ``--activation A``, ``--zero-type Z``               tolerance, activation (or class), reading
``--critical-point C.json``                                      against the critical subspaces of C
                                                                 instead (``--teacher`` optional then; with
                                                                 it and a numeric activation, dim ker M_i
                                                                 is reported on the teacher's Gaussian data)
``symbolic-minima experiment R M --seeds N``                     train N students, tally by label type
                                                                 beside the exact counts of each type
``--json``                                                       keys ``runs`` (number), ``tallies``
                                                                 (``[{type, observed, subspaces}]``),
                                                                 ``unclassified`` (total and by reason)

The student file follows the teacher schema (``{"incoming": [...],
"outgoing": [...]}``) with numbers allowed as JSON floats (strings of exact
rationals too); NaN and infinities are refused.  Bad input (wrong shapes,
NaN/inf, a student narrower than the teacher, a reducible teacher) is one
line on stderr and exit 2.
"""

from __future__ import annotations

import json
import sys

from ..errors import ArgumentValueError
from ..readings import GROUPS
from ._common import MAX_DIM, parse_int
from ._zero_type import add_zero_type_argument, zero_type_help

__all__ = ["register", "load_student"]

#: Largest student file read (characters).
MAX_STUDENT_FILE = 50_000_000


def register(subparsers) -> None:
    c = subparsers.add_parser(
        "classify",
        help="place a trained student's float weights on the exact landscape",
        description="The subspace of the landscape a student (float weights) lies near, without enumerating "
        "subspaces: its label, kind (global_minimum, critical or none), distance, margin; then the projection "
        "is snapped to rationals and certified exactly.",
    )
    c.add_argument("--teacher", metavar="T.json", default=None,
                   help="exact teacher parameters (JSON, rationals as strings)")
    c.add_argument("--student", metavar="S.json", required=True,
                   help="the student's weights, teacher schema, JSON floats allowed")
    c.add_argument("--tol", default=None, help="distance tolerance (default 1e-3)")
    c.add_argument("--activation", default=None, metavar="A",
                   help="activation or activation class (default generic; e.g. tanh, odd, gaussian)")
    add_zero_type_argument(c, help=f"reading of the zero-type neurons: {zero_type_help()}")
    c.add_argument("--critical-point", dest="critical_point", metavar="C.json", default=None,
                   help="classify against the critical subspaces of this width-r critical point")
    c.add_argument("--json", action="store_true", help="one JSON object")
    c.set_defaults(func=_classify)

    e = subparsers.add_parser(
        "experiment",
        help="train students from random starts, classify them, tally by label type",
        description="The paper's experiment: train N students of width M on a width-R teacher (L-BFGS, then "
        "a trust-region Newton polish; deterministic under --seed), classify each, and print the tallies by "
        "label type beside the exact number of subspaces of each type, with the runs that ended nowhere.",
    )
    e.add_argument("r", help="teacher width R")
    e.add_argument("m", help="student width M >= R")
    e.add_argument("--seeds", default="20", help="number of students (default 20)")
    e.add_argument("--d", default="1", help="input dimension (default 1)")
    e.add_argument("--d-out", dest="d_out", default="1", help="output dimension (default 1)")
    e.add_argument("--activation", default="sigmoid4+softplus", metavar="A",
                   help="exp, sigmoid4+softplus, exp-minus-one, tanh, erf, sinh, gaussian, cosh, logcosh, or a "
                   "class name (default sigmoid4+softplus, generic)")
    e.add_argument("--seed", default="0", help="seed of the inputs and starts (default 0)")
    add_zero_type_argument(e, default=GROUPS.name,
                           help=f"reading the students are read in: {zero_type_help(GROUPS.name)}")
    e.add_argument("--tol", default=None, help="classification tolerance (default 1e-3)")
    e.add_argument("--samples", default=None, help="number of Gaussian inputs (default max(200, 20 m (d + d_out)))")
    e.add_argument("--teacher", metavar="T.json", default=None, help="exact teacher (default: the documented one)")
    e.add_argument("--json", action="store_true", help="one JSON object")
    e.set_defaults(func=_experiment)


def _parse_tol(text):
    from ..classify import DEFAULT_TOL

    if text is None:
        return DEFAULT_TOL
    try:
        value = float(str(text).strip())
    except ValueError:
        raise ArgumentValueError(f"--tol must be a positive number, got {text!r}") from None
    if not (value > 0 and value < float("inf")):
        raise ArgumentValueError(f"--tol must be a positive finite number, got {text!r}")
    return value


def _read(path, what):
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read(MAX_STUDENT_FILE)
    except OSError as exc:
        raise ArgumentValueError(f"{what}: cannot read {path!r}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ArgumentValueError(f"{what}: {path!r} is not UTF-8 text") from None


def _refuse_constant(name):
    raise ArgumentValueError(f"--student: {name} is not a number the student may hold (weights must be finite)")


def _float_entry(value, where):
    from ..exact import parse_rational

    if isinstance(value, bool) or value is None or isinstance(value, dict):
        raise ArgumentValueError(f"--student {where}: expected a number, got {value!r:.40}")
    if isinstance(value, list):
        return [_float_entry(v, where) for v in value]
    if isinstance(value, str):
        try:
            return float(parse_rational(value))
        except (ArgumentValueError, OverflowError):
            raise ArgumentValueError(f"--student {where}: expected a number, got {value[:40]!r}") from None
    try:
        number = float(value)
    except OverflowError:
        raise ArgumentValueError(f"--student {where}: {str(value)[:40]} is too large for a float") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ArgumentValueError(f"--student {where}: weights must be finite, got {value!r}")
    return number


def load_student(path) -> dict:
    """Read a student file (teacher schema, JSON floats allowed): ``{"incoming": [...], "outgoing": [...]}``."""
    text = _read(path, "--student")
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except ValueError as exc:
        if isinstance(exc, ArgumentValueError):
            raise
        raise ArgumentValueError(f"--student JSON is malformed: {exc}") from None
    except RecursionError:
        raise ArgumentValueError("--student JSON is nested too deeply") from None
    if not isinstance(data, dict):
        raise ArgumentValueError("--student JSON must be an object with keys 'incoming' and 'outgoing'")
    unknown = set(data) - {"incoming", "outgoing", "r", "m", "d", "d_out", "kind", "comment"}
    if unknown:
        raise ArgumentValueError(f"--student JSON has unknown keys {sorted(unknown)}")
    for key in ("incoming", "outgoing"):
        if not isinstance(data.get(key), list):
            raise ArgumentValueError(f"--student JSON key {key!r} must be a list")
    student = {
        "incoming": [_float_entry(v, f"w_{j}") for j, v in enumerate(data["incoming"], 1)],
        "outgoing": [_float_entry(v, f"a_{j}") for j, v in enumerate(data["outgoing"], 1)],
    }
    m = len(student["incoming"])
    for key in ("m", "r"):
        if key in data and data[key] != m:
            raise ArgumentValueError(f"--student JSON says {key} = {data[key]!r} but it has {m} incoming vectors")
    return student


def _classify(args) -> int:
    from ..classify import classify
    from ..network import CriticalPoint, Teacher
    from ..subspaces import MAX_PARAMETERS

    tol = _parse_tol(args.tol)
    if args.teacher is None and args.critical_point is None:
        raise ArgumentValueError("classify needs --teacher T.json (or --critical-point C.json)")
    teacher = Teacher.from_json(_read(args.teacher, "--teacher")) if args.teacher else None
    point = CriticalPoint.from_json(_read(args.critical_point, "--critical-point")) if args.critical_point else None
    student = load_student(args.student)
    data = None
    if point is not None and teacher is not None and args.activation is not None:
        data = _teacher_data(teacher, point, args.activation)
    result = classify(student, teacher, args.activation, args.zero_type, tol, critical_point=point, data=data)
    if result.label is not None:
        shape = result.point.input_dim + result.point.output_dim
        if result.width * shape <= MAX_PARAMETERS:
            result.snap()
    if args.json:
        out = result.to_json()
        if args.activation is None:
            del out["activation_class"]  # as elsewhere, the class is named only when --activation is given
        sys.stdout.write(json.dumps(out) + "\n")
    else:
        sys.stdout.write(result.describe() + "\n")
    return 0


def _teacher_data(teacher, point, activation):
    """Gaussian inputs and the teacher's outputs, for dim ker M_i at the critical point (numeric activations)."""
    import numpy as np

    from ..training import TRAINING_ACTIVATIONS, network_outputs, numeric_activation

    try:
        name = numeric_activation(activation)
    except ArgumentValueError:
        return None
    if name not in TRAINING_ACTIVATIONS or teacher.input_dim != point.input_dim or \
            teacher.output_dim != point.output_dim:
        return None
    X = np.random.default_rng(0).standard_normal((2000, teacher.input_dim))
    theta = np.array([float(v) for v in teacher.flat()])
    return X, network_outputs(theta, X, teacher.width, teacher.input_dim, teacher.output_dim, name)


def _one_blas_thread() -> None:
    """Before numpy is first imported: ask its BLAS for one thread (the fallback when threadpoolctl is missing)."""
    import os

    if "numpy" not in sys.modules:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")


def _experiment(args) -> int:
    _one_blas_thread()
    from ..experiment import run_experiment
    from ._common import load_teacher

    r = parse_int(args.r, "R", 1, 50)
    m = parse_int(args.m, "M", 1, 200)
    if m < r:
        raise ArgumentValueError(f"M must be an integer >= R = {r}, got {m}")
    seeds = parse_int(args.seeds, "--seeds", 1, 100_000)
    d = parse_int(args.d, "--d", 1, MAX_DIM)
    d_out = parse_int(args.d_out, "--d-out", 1, MAX_DIM)
    seed = parse_int(args.seed, "--seed", 0, 2**63 - 1)
    samples = parse_int(args.samples, "--samples", 1, 10**6)
    tol = _parse_tol(args.tol)
    teacher = None
    if args.teacher is not None:
        teacher = load_teacher(args.teacher)
        if teacher.width != r:
            raise ArgumentValueError(f"--teacher has width r = {teacher.width} but R = {r} was given")
    result = run_experiment(r, m, seeds, d, d_out, args.activation, args.zero_type, seed, tol, samples, teacher)
    if args.json:
        sys.stdout.write(json.dumps(result.to_json()) + "\n")
    else:
        sys.stdout.write(result.format() + "\n")
    return 0
