"""Issue #14, Python API: wrong types, huge numbers, guards.

Every public callable is called once with valid arguments (built from the
parameter names) and then with each required argument replaced by a
wrong-type probe (``None``, a float, a bool, an ``object()``, NaN, a huge
integer, ...).  Whatever happens, it must be a library error
(:class:`~symbolic_minima.errors.SymbolicMinimaError`) or a success: never a
raw ``TypeError``/``AttributeError``/``ValueError`` from deep inside, and
never a hang (each call runs under a time limit; the budget is small).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from fractions import Fraction

import pytest
import sympy

import symbolic_minima
from symbolic_minima.budget import limits
from symbolic_minima.errors import ArgumentTypeError, SymbolicMinimaError

SKIP_MODULES = {"symbolic_minima.__main__", "symbolic_minima.strategies"}
# data records (dataclasses / named tuples), command-line plumbing, writers tested elsewhere, state setters
SKIP_NAMES = {
    "ComparisonRow", "Kind", "ProofInfo", "Report", "ReportFiles", "Certificate", "Summary", "Check", "Step",
    "ZeroLossPath", "Estimate", "Budget", "register", "main", "build_parser", "fail", "proof_main",
    "write_report", "write_graph", "draw_png", "plot_ratio", "plot_graph", "to_graphml", "compile_latex",
    "run_all_proofs", "run_proof", "generate_report", "set_budget", "limits", "allow_big_int_strings",
    "allow_printing", "progress", "atomic_write", "write_text", "write_bytes", "save_figure", "check_writable",
    "check_figure_path", "io_error", "lifts_int_limit", "unlimited_int_strings",
    "find_critical_point", "critical_embedding_check", "numeric_criticality_certificate",  # scipy optimisations
}


class _Timeout(Exception):
    pass


@contextmanager
def _time_limit(seconds):
    def handler(signum, frame):
        raise _Timeout

    old = signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _valid():
    """A valid value for each parameter name used by the public API."""
    import networkx as nx

    from symbolic_minima.deep import DeepTeacher
    from symbolic_minima.graph import connectivity_graph
    from symbolic_minima.network import CriticalPoint, Teacher
    from symbolic_minima.species import NonEmptySet, Set
    from symbolic_minima.subspaces import global_minimum_subspace

    teacher = Teacher.default(2)
    subspace = global_minimum_subspace(teacher, (1, 2, 0))
    graph = connectivity_graph(2, 3)
    x = sympy.Symbol("x")
    return {
        "r": 2, "m": 3, "n": 4, "k": 2, "h": 1, "d": 1, "d_out": 1, "q": 1, "a": 1, "width": 2, "r_star": 3,
        "teacher": teacher, "critical_point": CriticalPoint.from_teacher(teacher), "label": (1, 2, 0),
        "g": (1, 2, 0), "h_label": (1, 2, 2), "start": (1, 2, 0), "end": (2, 1, 0), "G": graph, "H": graph,
        "quantity": "T", "zero_type": "singletons", "text": "1,2,0", "value": 3, "name": "x",
        "choices": ("a", "b"), "rows": [[1, 2], [3, 4]], "v": [1, 1], "A": [[1, 0], [0, 1]], "b": [1, 2],
        "subspace": subspace, "subspaces": [subspace], "sub_g": subspace, "sub_h": subspace,
        "point": tuple([1, 2, 3, 1, 2, 0]), "egf": sympy.exp(x) - 1, "expr": sympy.Integer(0),
        "structure": ((), ((1,), (2,))), "block": NonEmptySet(), "first": Set(), "second": NonEmptySet(),
        "incoming": [1, 2], "outgoing": [1, 2], "teacher_widths": (2, 1), "student_widths": (3, 2),
        "permutations": [(2, 1), (1,)], "r_star_values": [3], "h_values": [0, 1], "iterable": [1, 2],
        "pi": (2, 1, 3), "reduced": [[1, 0]], "pivots": (0,), "new_rows": [[0, 1]], "tex_path": "x.tex",
        "theta": [0.5] * 6, "X": [[0.5]], "Y": [[0.5]], "rng": __import__("random").Random(0),
        "function_of": lambda p: sympy.Integer(0), "target": sympy.Integer(0), "parameters": [x],
        "start_point": (1,), "end_point": (1,), "fmt": "dot", "path": "out.dot", "seconds": 1.0,
        "hidden_widths": (2,), "weights": None, "activation": None, "prove": None, "names": ["t_singletons"],
        "deep_teacher": DeepTeacher.default((2, 1)), "nx": nx, "seed": 0, "samples": 1,
    }


# parameter names whose valid value depends on the function
_OVERRIDES = {
    "symbolic_minima.deep.deep_global_minimum_subspace": {"teacher": "deep_teacher", "label": ((1, 2, 0), (1, 0))},
    "symbolic_minima.deep.deep_global_minimum_subspaces": {"teacher": "deep_teacher"},
    "symbolic_minima.deep.deep_representative_point": {"teacher": "deep_teacher", "label": ((1, 2, 0), (1, 0))},
    "symbolic_minima.deep.deep_subspace_census": {"teacher": "deep_teacher", "student_widths": (2, 1)},
    "symbolic_minima.deep.deep_zero_loss_path": {"teacher": "deep_teacher", "start": ((1, 2, 0), (1, 0)),
                                                 "end": ((2, 1, 0), (0, 1))},
    "symbolic_minima.deep.deep_labels_intersect": {"G": ((1, 2, 0),), "H": ((1, 2, 2),)},
    "symbolic_minima.deep.deep_neighbour_labels": {"label": ((1, 0),)},
    "symbolic_minima.deep.connect_permuted_minima": {"teacher": "deep_teacher"},
    "symbolic_minima.deep.DeepTeacher": {"weights": [[[1], [2]], [[1, 2]]]},
    "symbolic_minima.deep.DeepNetwork": {"hidden_widths": (2,)},
    "symbolic_minima.deep.permuted_minimum_label": {"teacher_widths": (2, 1)},
    "symbolic_minima.graph.labels_intersect": {"h": (1, 2, 2)},
    "symbolic_minima.graph.critical_neighbour_labels": {"g": (1, 2, 1)},
    "symbolic_minima.graph.one_extra_neuron_facts": {},
    "symbolic_minima.verify.locate_label": {"point": (1, 2, 3, 1, 2, 0)},
    "symbolic_minima.verify.which_subspaces": {"point": (1, 2, 3, 1, 2, 0)},
    "symbolic_minima.paths.project_onto": {"point": (1, 2, 3, 1, 2, 0)},
    "symbolic_minima.paths.build_waypoints": {"start_point": (1, 2, 3, 1, 2, 0), "end_point": (1, 2, 3, 1, 2, 0)},
    "symbolic_minima.errors.check_choice": {"value": "a"},
    "symbolic_minima.readings.check_zero_type": {},
    "symbolic_minima.atomic": {},
    "symbolic_minima.numerics.forward": {"theta": [0.5] * 6, "X": [[0.5]], "m": 3, "d": 1},
    "symbolic_minima.numerics.loss_and_gradient": {"theta": [0.5] * 6, "X": [[0.5]], "Y": [[0.5]], "m": 3, "d": 1},
    "symbolic_minima.numerics.activation_and_derivative": {"name": "tanh"},
    "symbolic_minima.budget.parse_budget": {"text": "time=1h"},
    "symbolic_minima.budget.proof_estimate": {"names": ["t_singletons"]},
    "symbolic_minima.budget.table_estimate": {"r_values": [1, 2], "m_values": [2, 3]},
    "symbolic_minima.budget.ratio_estimate": {"h_values": [0, 1]},
    "symbolic_minima.budget.plot_ratio_estimate": {"r_star_values": [3], "h_values": [0]},
    "symbolic_minima.budget.deep_graph_estimate": {},
    "symbolic_minima.budget.deep_path_estimate": {},
    "symbolic_minima.readings.describe_zero_type": {},
    "symbolic_minima.proving.simplifies_to_zero": {},
    "symbolic_minima.proving.sums_equal": {"a": sympy.Integer(1), "b": sympy.Integer(1)},
    "symbolic_minima.species.structure_to_labelling": {"m": 2},
    "symbolic_minima.subspaces.critical_subspace": {"label": (1, 2, 1)},
    "symbolic_minima.linalg.nullspace": {"n": 2},
    "symbolic_minima.network.Teacher": {},
    "symbolic_minima.report.latex_escape": {"text": "a_b"},
    "symbolic_minima.comparison.format_ratio": {"value": Fraction(1, 3)},
    "symbolic_minima.plots.log10_fraction": {"value": Fraction(1, 3)},
    "symbolic_minima.asymptotics.asymptotic_ratio": {},
}

_OVERRIDES_BY_NAME = {key.rsplit(".", 1)[1]: value for key, value in _OVERRIDES.items()}
_OVERRIDES_BY_NAME.update({
    "int_from_digits": {"text": "12"},
    "parse_rational": {"text": "3/2"},
    "parse_integer": {"text": "12"},
    "certify_segment": {"function_of": lambda p: sympy.Integer(0), "parameters": [sympy.Symbol("x")],
                        "a": (1,), "b": (2,)},
    "subspace_sample": {"rng": __import__("numpy").random.default_rng(0)},
    "loss_and_gradient": {"theta": [0.5] * 6, "X": [[0.5]], "Y": [[0.5]], "m": 3, "d": 1},
    "structure_to_labelling": {"structure": ((1,), ((2,),)), "m": 2},
    "subspaces_estimate": {"count": 10},
    "verify_estimate": {"count": 10},
    "check_instance": {"cls": int},
    "G_table": {"r_values": [1, 2], "m_values": [2, 3]},
    "T_table": {"r_values": [1, 2], "m_values": [2, 3]},
    "Proof": {"claim": "c"},
})

PROBES = [None, 3.0, True, object(), float("nan"), 10**40, -(10**40), Fraction(1, 3), {"k": 1}, 1j]


def _public():
    seen = set()
    modules = [symbolic_minima]
    for info in pkgutil.walk_packages(symbolic_minima.__path__, "symbolic_minima."):
        if info.name in SKIP_MODULES or info.name.startswith("symbolic_minima.cli"):
            continue
        modules.append(importlib.import_module(info.name))
    for module in modules:
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if name in SKIP_NAMES or not callable(obj) or id(obj) in seen:
                continue
            if isinstance(obj, type) and issubclass(obj, BaseException):
                continue
            seen.add(id(obj))
            yield f"{module.__name__}.{name}", obj


PUBLIC = sorted(_public(), key=lambda item: item[0])


def _required(func):
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return None
    return [p for p in params if p.default is inspect.Parameter.empty
            and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


def _baseline(qualname, func, valid):
    required = _required(func)
    if required is None:
        return None
    overrides = _OVERRIDES.get(qualname) or _OVERRIDES_BY_NAME.get(qualname.rsplit(".", 1)[1], {})
    args = []
    for p in required:
        if p.name in overrides:
            value = overrides[p.name]
            args.append(valid[value] if isinstance(value, str) and value in valid else value)
        elif p.name in valid:
            args.append(valid[p.name])
        else:
            return None
    return args


def _call(func, args):
    """None if ``func(*args)`` succeeds or raises a library error; else the raw exception's description."""
    try:
        with _time_limit(10):
            result = func(*args)
            if inspect.isgenerator(result):
                for _, _item in zip(range(3), result):
                    pass
    except SymbolicMinimaError:
        return None
    except _Timeout:
        return "no answer within 10 s"
    except Exception as exc:  # noqa: BLE001 - the finding
        return f"{type(exc).__name__}: {str(exc)[:100]}"
    return None


def test_the_sweep_covers_most_of_the_public_api():
    valid = _valid()
    covered = [name for name, func in PUBLIC if _baseline(name, func, valid) is not None]
    assert len(covered) >= 0.8 * len(PUBLIC), sorted(set(n for n, _ in PUBLIC) - set(covered))


@pytest.mark.parametrize("name,func", PUBLIC, ids=[name for name, _ in PUBLIC])
def test_wrong_types_raise_library_errors(name, func, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    valid = _valid()
    args = _baseline(name, func, valid)
    if args is None:
        pytest.skip("no valid baseline call from the parameter names")
    with limits(seconds=5, memory="512M", output="64M"):
        problem = _call(func, args)
        assert problem is None, f"{name}{tuple(args)!r:.120}: the valid baseline call raised {problem}"
        findings = []
        for position in range(len(args)):
            for probe in PROBES:
                probed = list(args)
                probed[position] = probe
                problem = _call(func, probed)
                if problem is not None:
                    findings.append(f"argument {position} = {probe!r:.20}: {problem}")
    assert not findings, f"{name}: " + "; ".join(findings[:4])


def test_issue_examples_of_wrong_types():
    from symbolic_minima.network import Teacher
    from symbolic_minima.paths import zero_loss_path
    from symbolic_minima.stirling import StirlingS2

    for args in [(None, 2), ([3], 2), (3.0, 2), (True, 2), (2, 2.5), (sympy.Float(3.0), 2), (sympy.Rational(1, 2), 2)]:
        with pytest.raises(ArgumentTypeError):
            StirlingS2(*args)
    assert StirlingS2(5, 2) == 15 and StirlingS2(sympy.Integer(5), 2) == 15
    assert StirlingS2(sympy.Symbol("n"), 2).func is StirlingS2
    with pytest.raises(ArgumentTypeError):
        zero_loss_path(Teacher.default(2), 3, 3.0, (2, 1, 0))
    with pytest.raises(ArgumentTypeError):
        zero_loss_path(Teacher.default(2), 3, (1, 2, 0), None)


def test_the_sweep_detects_a_raw_exception():
    # the harness itself must fail on a function that leaks a raw exception
    def leaky(r):
        return r.width

    assert _call(leaky, [3.0]) is not None
    assert _call(lambda r: r, [3.0]) is None


BIG_OBJECTS = r"""
import sys, sympy
sys.set_int_max_str_digits(4300)
from symbolic_minima import count
from symbolic_minima.network import Teacher
from symbolic_minima.subspaces import global_minimum_subspaces
from symbolic_minima.paths import zero_loss_path
from symbolic_minima.verify import verify_all
c = count("T", 2000, 4000)
assert len(repr(c)) > 4300 and len(sympy.latex(c)) > 4300 and len(str(c)) > 4300
from fractions import Fraction
from symbolic_minima.comparison import ComparisonRow
big_t = 7 ** 6000  # compare(2000, [0]) builds such a row in ~12 s: the slow suite runs it (test_reliability_slow.py)
row = ComparisonRow(2000, 0, 2000, "singletons", "R1", big_t, Fraction(big_t - 1, big_t), Fraction(3, big_t),
                    Fraction(1, big_t), 1)
assert len(repr(row)) > 4300 and len(row.to_json()["previous"]) > 4300 and len(row._latex()) > 50
assert sys.get_int_max_str_digits() == 4300, "printing our own objects must not lift the limit for good"
big = 10**5000 + 1
t = Teacher([[big], [2]], [big, 1])
assert len(repr(t)) > 10000 and len(sympy.latex(t)) > 10000 and len(str(t.to_json())) > 10000
s = next(iter(global_minimum_subspaces(t, 3)))
assert len(repr(s)) > 10000 and len(str(s.equations())) > 10000 and len(sympy.latex(s)) > 10000
assert len(str(s.to_json())) > 10000
p = zero_loss_path(t, 3, (1, 2, 0), (2, 1, 0))
assert p.certified and len(str(p.to_json())) > 10000 and len(sympy.latex(p)) > 10000
cert = next(iter(verify_all(t, 3, samples=1)))
assert len(sympy.latex(cert)) > 10000 and str(cert)
assert len(str(t.function())) > 10000
from symbolic_minima.stirling import StirlingS2
S = StirlingS2(4001, 2001)
assert len(str(S)) > 4300 and len(sympy.latex(S)) > 4300
t2 = Teacher.from_json('{"incoming": [["%s"]], "outgoing": [%s]}' % ("7" * 5000, "3" * 5000))
assert t2.incoming[0][0] == int("7" * 5000)
print("ok")
"""


def test_objects_past_the_4300_digit_limit_print():
    # a fresh interpreter: the digit limit must be in force at the start
    res = subprocess.run([sys.executable, "-c", BIG_OBJECTS], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0 and res.stdout.strip() == "ok", res.stderr[-2000:]


def test_error_messages_do_not_echo_huge_inputs():
    from symbolic_minima import T
    from symbolic_minima.errors import parse_integer
    from symbolic_minima.network import Teacher

    for call in (lambda: T(10**5000, 3), lambda: parse_integer("9" * 5000, "r", 1, 100),
                 lambda: parse_integer("x" * 5000, "r"),
                 lambda: Teacher.from_json('{"incoming": ["' + "x" * 5000 + '"]}'),
                 lambda: Teacher([["1" * 20000]], [1])):
        with pytest.raises(SymbolicMinimaError) as info:
            call()
        assert len(str(info.value)) < 400, str(info.value)[:200]
