"""Training numerics, label types and their exact counts, the experiment and the command line (issue 10)."""

import io
import json
import time
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("scipy")

import sympy  # noqa: E402

from symbolic_minima.cli import main  # noqa: E402
from symbolic_minima.counting import count_subspaces  # noqa: E402
from symbolic_minima.errors import ArgumentValueError  # noqa: E402
from symbolic_minima.experiment import (  # noqa: E402
    describe_kind,
    label_types,
    run_experiment,
    type_count,
    type_counts,
)
from symbolic_minima.labels import Kind  # noqa: E402
from symbolic_minima.readings import get_reading  # noqa: E402
from symbolic_minima.training import (  # noqa: E402
    TRAINING_ACTIVATIONS,
    activation_derivatives,
    loss_gradient_hessian,
    numeric_activation,
    train_student,
)

CLASSES = ("generic", "zero-at-origin", "odd", "even", "even-zero-at-origin")

_Z = sympy.Symbol("z")
SYMPY = {
    "exp": sympy.exp(_Z),
    "sigmoid4+softplus": 1 / (1 + sympy.exp(-4 * _Z)) + sympy.log(1 + sympy.exp(_Z)),
    "exp-minus-one": sympy.exp(_Z) - 1,
    "tanh": sympy.tanh(_Z),
    "erf": sympy.erf(_Z),
    "sinh": sympy.sinh(_Z),
    "gaussian": sympy.exp(-_Z**2 / 2),
    "cosh": sympy.cosh(_Z),
    "logcosh": sympy.log(sympy.cosh(_Z)),
}


# ---------------------------------------------------------------------------
# numerics, checked against sympy, numerics.py and finite differences


@pytest.mark.parametrize("name", sorted(TRAINING_ACTIVATIONS))
def test_activation_derivatives_match_sympy(name):
    z = np.linspace(-3, 3, 13)
    functions = activation_derivatives(name)
    for order, f in enumerate(functions):
        exact = sympy.lambdify(_Z, sympy.diff(SYMPY[name], _Z, order), modules=["numpy", "scipy"])
        assert np.allclose(f(z), exact(z), rtol=1e-10, atol=1e-12), (name, order)


def test_activation_names_and_classes():
    from symbolic_minima.activation_classes import activation_class

    for name, cls in TRAINING_ACTIVATIONS.items():
        assert activation_class(name).name == cls
    assert numeric_activation("even") == "gaussian" and numeric_activation("odd") == "tanh"
    with pytest.raises(ArgumentValueError, match="refused"):
        numeric_activation("softplus")


@pytest.mark.parametrize("name", ["tanh", "erf", "sigmoid4+softplus", "gaussian", "logcosh", "exp-minus-one"])
@pytest.mark.parametrize("d, q", [(1, 1), (2, 1), (2, 3)])
def test_gradient_and_hessian(name, d, q):
    from symbolic_minima.numerics import NUMERIC_ACTIVATIONS, loss_and_gradient

    rng = np.random.default_rng(3)
    m, N = 3, 17
    X, Y = rng.standard_normal((N, d)), rng.standard_normal((N, q))
    theta = 0.7 * rng.standard_normal(m * (d + q))
    loss, grad, H = loss_gradient_hessian(theta, X, Y, m, d, q, name)
    if name in NUMERIC_ACTIVATIONS:   # the independent implementation of numerics.py
        loss2, grad2 = loss_and_gradient(theta, X, Y, m, d, q, name)
        assert loss == pytest.approx(loss2, rel=1e-12) and np.allclose(grad, grad2, rtol=1e-10, atol=1e-14)
    h = 1e-6
    for k in range(theta.size):
        e = np.zeros_like(theta)
        e[k] = h
        lp, gp, _ = loss_gradient_hessian(theta + e, X, Y, m, d, q, name, hessian=False)
        lm, gm, _ = loss_gradient_hessian(theta - e, X, Y, m, d, q, name, hessian=False)
        assert (lp - lm) / (2 * h) == pytest.approx(grad[k], rel=1e-5, abs=1e-8)
        assert np.allclose((gp - gm) / (2 * h), H[:, k], rtol=1e-5, atol=1e-7)
    assert np.allclose(H, H.T)


def test_training_is_deterministic_and_converges():
    X = np.random.default_rng(0).standard_normal((60, 1))
    a = train_student(np.array([1.0, 2.0]), 1, 2, X, "tanh", seed=[5, 1])
    b = train_student(np.array([1.0, 2.0]), 1, 2, X, "tanh", seed=[5, 1])
    c = train_student(np.array([1.0, 2.0]), 1, 2, X, "tanh", seed=[5, 2])
    assert np.array_equal(a.theta, b.theta) and not np.array_equal(a.theta, c.theta)
    assert a.loss < 1e-20 and a.grad_norm < 1e-10 and a.finite


# ---------------------------------------------------------------------------
# label types: the closed form per type against the counts and the enumerated labels


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("zero_type", ["singletons", "groups", "critical"])
def test_type_counts_sum_to_the_count_and_match_the_labels(cls, zero_type):
    reading = get_reading(zero_type, cls)
    for r in (1, 2, 3):
        for m in range(r, r + 4):
            counts = type_counts(r, m, zero_type, cls)
            assert sum(counts.values()) == count_subspaces(reading, r, m), (r, m)
            assert all(v > 0 for v in counts.values())
            if m <= 5:
                assert Counter(Label_type for Label_type in (g.type() for g in reading.labellings(r, m))) == counts


def test_type_counts_for_larger_widths_sum_to_the_closed_forms():
    for cls in CLASSES:
        for zero_type in ("singletons", "groups"):
            reading = get_reading(zero_type, cls)
            assert sum(type_counts(3, 12, zero_type, cls).values()) == count_subspaces(reading, 3, 12)


def test_type_count_formula_can_fail():
    """Without its sign factors the formula misses the sign classes' counts: the sum check discriminates."""
    reading = get_reading("singletons", "odd")
    counts = type_counts(2, 3, "singletons", "odd")
    unsigned = sum(type_count(kind, 2, 3, "singletons", "generic") for kind in counts if kind.dead_neurons == 0)
    assert unsigned != sum(counts.values()) == count_subspaces(reading, 2, 3)
    assert type_count(Kind(1, (2,), (), 1), 1, 4) == 0                        # no dead neurons in the generic class
    assert type_count(Kind(0, (1,), (2,)), 1, 3, "singletons") == 0          # no groups in R1
    assert type_count(Kind(0, (2, 1), ()), 2, 4) == 0                         # sizes do not add up to m


def test_label_types_and_descriptions():
    kinds = list(label_types(2, 4, "groups", "odd"))
    assert len(kinds) == len(set(kinds))
    assert describe_kind(Kind(0, (1, 1), (2,))) == "replicas 1+1, zero-sum groups 2"
    assert describe_kind(Kind(0, (2,), (), 0, 1)) == "replicas 2, parked 1"


# ---------------------------------------------------------------------------
# the experiment


def test_experiment_is_deterministic_and_consistent():
    a = run_experiment(1, 2, seeds=4, activation="tanh", show_progress=False)
    b = run_experiment(1, 2, seeds=4, activation="tanh", show_progress=False)
    assert [run.to_json() for run in a.runs] == [run.to_json() for run in b.runs]
    assert a.consistent
    out = a.to_json()
    assert out["runs"] == 4 and set(out["unclassified"]) == {"total", "not_converged", "saddle", "local_minimum"}
    assert sum(t["observed"] for t in out["tallies"]) + out["unclassified"]["total"] == 4
    assert sum(t["subspaces"] for t in out["tallies"]) == count_subspaces(get_reading("groups", "odd"), 1, 2)
    assert "consistency: every observed type exists" in a.format()
    for run in a.runs:
        if run.outcome == "classified":
            assert get_reading("groups", "odd").is_label(run.label, 1)


def test_experiment_2_4_with_50_seeds_is_consistent_with_the_exact_counts():
    """The done-when run: ``experiment 2 4 --seeds 50`` (time measured and printed, not asserted)."""
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["experiment", "2", "4", "--seeds", "50", "--json"])
    elapsed = time.perf_counter() - start
    print(f"\nexperiment 2 4 --seeds 50: {elapsed:.1f} s")
    assert status == 0
    data = json.loads(out.getvalue())
    assert data["runs"] == 50
    observed = [t for t in data["tallies"] if t["observed"]]
    assert observed and all(t["subspaces"] > 0 for t in observed)         # every observed type exists
    assert sum(t["observed"] for t in data["tallies"]) + data["unclassified"]["total"] == 50
    assert sum(t["subspaces"] for t in data["tallies"]) == 62               # T_R2(2, 4)
    assert data["unclassified"]["total"] <= 25                              # most runs end on a subspace
    for t in data["tallies"]:
        kind = Kind(t["type"]["zero_type_neurons"], tuple(t["type"]["replica_sizes"]),
                    tuple(t["type"]["zero_sum_groups"]), t["type"]["dead_neurons"], t["type"]["parked_neurons"])
        assert t["subspaces"] == type_count(kind, 2, 4, "groups")


def test_saddles_are_reported_as_symmetry_induced(monkeypatch):
    """A student that ends at a split of a width-1 critical point is a saddle, named as such."""
    from symbolic_minima import experiment, training
    from symbolic_minima.numerics import find_critical_point

    cp, X, Y, _ = find_critical_point(1, seed=0)
    w, a = float(cp.incoming[0][0]), float(cp.outgoing[0])
    detail = experiment._saddle_detail(np.array([w, w, 0.4 * a, 0.6 * a]), 2, 1, 1, "sigmoid4+softplus",
                                       "generic", 1e-3, X, Y)
    assert "symmetry-induced" in detail and "1,1" in detail and "dim ker M_1 = 1" in detail
    trained = training.TrainedStudent(np.zeros(4), 0.3, 1e-12, -0.5, 2.0, 10, 0)
    assert experiment._outcome(trained, None)[0] == "saddle"
    trained = training.TrainedStudent(np.zeros(4), 0.3, 1e-12, 1e-9, 2.0, 10, 0)
    assert experiment._outcome(trained, None)[0] == "local minimum"
    trained = training.TrainedStudent(np.zeros(4), 0.3, 1e-3, 1e-9, 2.0, 10, 0)
    assert experiment._outcome(trained, None)[0] == "not converged"


# ---------------------------------------------------------------------------
# command line


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path):
    def write(name, obj):
        path = tmp_path / name
        path.write_text(obj if isinstance(obj, str) else json.dumps(obj))
        return str(path)
    return write


def test_cli_classify(files):
    teacher = files("t.json", {"incoming": [["1"], ["2"]], "outgoing": ["1", "2"]})
    student = files("s.json", {"incoming": [[1.0], [2.0], [1.0], [-0.7]], "outgoing": [0.25, 2.0, 0.75, 1e-10]})
    status, out, _ = _run(["classify", "--teacher", teacher, "--student", student, "--json"])
    data = json.loads(out)
    assert status == 0 and {"kind", "label", "distance", "margin", "certified"} <= set(data)
    assert data["kind"] == "global_minimum" and data["label"] == [1, 2, 1, 0] and data["certified"] is True
    assert "activation_class" not in data
    status, out, _ = _run(["classify", "--teacher", teacher, "--student", student, "--activation", "tanh", "--json"])
    assert json.loads(out)["label"] == ["+1", "+2", "+1", "0"] and json.loads(out)["activation_class"] == "odd"
    status, out, _ = _run(["classify", "--teacher", teacher, "--student", student])
    assert status == 0 and "kind: global_minimum" in out and "function_identity holds" in out
    far = files("f.json", {"incoming": [1.0, 2.0, 1.5], "outgoing": ["1", 2, 0.5]})
    status, out, _ = _run(["classify", "--teacher", teacher, "--student", far, "--json"])
    assert status == 0 and json.loads(out)["kind"] == "none" and json.loads(out)["certified"] is None
    status, out, _ = _run(["classify", "--critical-point", teacher, "--student", student, "--json"])
    assert status == 0 and json.loads(out)["kind"] == "none"
    split = files("c.json", {"incoming": [[1.0], [2.0], [1.0]], "outgoing": [0.5, 2.0, 0.5]})
    status, out, _ = _run(["classify", "--critical-point", teacher, "--teacher", teacher, "--student", split,
                           "--activation", "exp", "--json"])
    data = json.loads(out)
    assert data["kind"] == "critical" and data["label"] == [1, 2, 1] and data["certified"] is True
    assert [k["neuron"] for k in data["kernel"]["neurons"]] == [1, 2]


@pytest.mark.parametrize("student, message", [
    ('{"incoming": [[1.0], [NaN]], "outgoing": [1, 2]}', "NaN"),
    ('{"incoming": [[1.0], [Infinity]], "outgoing": [1, 2]}', "Infinity"),
    ('{"incoming": [[1.0], [1e999]], "outgoing": [1, 2]}', "finite"),
    ('{"incoming": [[1.0, 2.0], [1.0, 2.0]], "outgoing": [1, 2]}', "input dimension"),
    ('{"incoming": [[1.0]], "outgoing": [1]}', "narrower"),
    ('{"incoming": [[1.0], [2.0]], "outgoing": [1]}', "must match"),
    ('{"incoming": [[1.0], [2.0]], "outgoing": [1, "x"]}', "expected a number"),
    ('{"incoming": [[1.0], [2.0]], "outgoing": [1, 2], "extra": 1}', "unknown keys"),
    ('{"incoming": [[1.0], [2.0]]', "malformed"),
    ('[1, 2]', "must be an object"),
])
def test_cli_classify_bad_students_exit_2(files, student, message):
    teacher = files("t.json", {"incoming": [["1"], ["2"]], "outgoing": ["1", "2"]})
    status, out, err = _run(["classify", "--teacher", teacher, "--student", files("s.json", student)])
    assert status == 2 and out == "" and err.count("\n") == 1 and message in err


def test_cli_classify_bad_teachers_and_options_exit_2(files):
    student = files("s.json", {"incoming": [[1.0], [-1.0]], "outgoing": [1, 1]})
    reducible = files("r.json", {"incoming": [["1"], ["1"]], "outgoing": ["1", "2"]})
    opposite = files("o.json", {"incoming": [["1"], ["-1"]], "outgoing": ["1", "2"]})
    for argv, message in [
        (["--teacher", reducible], "pairwise distinct"),
        (["--teacher", opposite, "--activation", "tanh"], "reducible for the activation class"),
        (["--teacher", opposite, "--tol", "-1"], "--tol"),
        (["--teacher", opposite, "--tol", "x"], "--tol"),
        (["--teacher", opposite, "--activation", "relu"], "out of scope"),
        ([], "needs --teacher"),
        (["--teacher", "/nonexistent.json"], "cannot read"),
    ]:
        status, out, err = _run(["classify", "--student", student, *argv])
        assert status == 2 and err.count("\n") == 1 and message in err, (argv, err)


def test_cli_experiment(files):
    status, out, _ = _run(["experiment", "1", "2", "--seeds", "3", "--activation", "tanh", "--seed", "4"])
    assert status == 0 and "replicas" in out and "unclassified:" in out and "consistency:" in out
    status, out, _ = _run(["experiment", "1", "2", "--seeds", "3", "--activation", "tanh", "--seed", "4", "--json"])
    data = json.loads(out)
    assert set(data) >= {"runs", "tallies", "unclassified"} and data["runs"] == 3
    assert all(set(t) >= {"type", "observed", "subspaces"} for t in data["tallies"])
    teacher = files("t.json", {"incoming": [["1/2"]], "outgoing": ["2"]})
    status, out, _ = _run(["experiment", "1", "2", "--seeds", "2", "--teacher", teacher, "--zero-type",
                           "singletons", "--json"])
    assert status == 0 and json.loads(out)["teacher"]["incoming"] == [["1/2"]]
    assert json.loads(out)["zero_type"] == "singletons"
    for argv, message in [
        (["3", "2"], "M must be"),
        (["1", "2", "--seeds", "0"], "--seeds"),
        (["1", "2", "--activation", "softplus"], "refused"),
        (["1", "2", "--activation", "nothing"], "activation"),
        (["1", "2", "--teacher", teacher.replace("t.json", "x.json")], "cannot read"),
        (["2", "3", "--teacher", teacher], "width"),
    ]:
        status, out, err = _run(["experiment", *argv])
        expected = 4 if message == "cannot read" else 2  # exit 4: an input/output failure (issue 14)
        assert status == expected and err.count("\n") == 1 and message in err, (argv, err)
