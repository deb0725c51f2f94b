"""``--activation`` on ``subspaces`` and ``verify`` (issue 9): class subspaces, token labels, the JSON key, refusals."""

import json

import pytest

from symbolic_minima.cli import main
from symbolic_minima.readings import get_reading


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("name, cls", [("tanh", "odd"), ("odd", "odd"), ("erf", "odd"), ("gaussian", "even"),
                                       ("exp-minus-one", "zero-at-origin"), ("logcosh", "even-zero-at-origin")])
def test_subspaces_json_for_a_class(capsys, name, cls):
    status, out, err = run(capsys, "subspaces", "2", "3", "--activation", name, "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert len(data) == get_reading("R1", cls).species(2).count(3)
    assert all(obj["activation_class"] == cls and obj["reading"] == "R1" for obj in data)
    assert all(isinstance(v, str) for obj in data for v in obj["label"])
    assert len({tuple(obj["label"]) for obj in data}) == len(data)


def test_names_and_class_names_give_the_same_output(capsys):
    _, by_name, _ = run(capsys, "subspaces", "1", "3", "--activation", "tanh", "--zero-type", "groups")
    _, by_class, _ = run(capsys, "subspaces", "1", "3", "--activation", "odd", "--zero-type", "groups")
    assert by_name == by_class
    lines = by_name.strip().splitlines()
    assert lines[0].startswith("# 68 of 68 subspaces; R2") and "activation class odd" in lines[0]
    assert "(g1+, g1-, +1)  dim 2" in by_name and "'" not in "".join(lines[1:])


def test_activation_class_key_only_when_given(capsys):
    _, default, _ = run(capsys, "subspaces", "1", "2", "--json")
    _, generic, _ = run(capsys, "subspaces", "1", "2", "--json", "--activation", "generic")
    assert all("activation_class" not in obj for obj in json.loads(default))
    explicit = json.loads(generic)
    assert all(obj.pop("activation_class") == "generic" for obj in explicit)
    assert explicit == json.loads(default)
    _, default, _ = run(capsys, "verify", "1", "2", "--json", "--samples", "2")
    _, generic, _ = run(capsys, "verify", "1", "2", "--json", "--samples", "2", "--activation", "exp")
    rows, rows_generic = [json.loads(x) for x in default.splitlines()], [json.loads(x) for x in generic.splitlines()]
    assert all("activation_class" not in row for row in rows)
    assert all(row.pop("activation_class") == "generic" for row in rows_generic) and rows_generic == rows


def test_critical_subspaces_of_a_class(capsys):
    status, out, _ = run(capsys, "subspaces", "1", "3", "--critical", "--activation", "odd", "--json")
    data = json.loads(out)
    assert status == 0 and len(data) == 26
    assert any("p" in obj["label"] for obj in data) and all(obj["zero_type"] is None for obj in data)
    assert min(obj["dimension"] for obj in data) == 0  # parked neurons: below h = 2
    status, out, _ = run(capsys, "subspaces", "1", "2", "--critical", "--activation", "logcosh", "--latex")
    assert status == 0 and r"\Gamma^{\mathrm{crit}}_{(d, +1)}" in out


@pytest.mark.parametrize("name", ["softplus", "sigmoid", "relu", "silu", "gelu"])
@pytest.mark.parametrize("command", ["subspaces", "verify"])
def test_refused_activations_exit_2_with_the_reason(capsys, name, command):
    status, out, err = run(capsys, command, "1", "2", "--activation", name)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "refused" in err and name in err


def test_unknown_activation_and_teacher_validation(capsys, tmp_path):
    status, _, err = run(capsys, "subspaces", "1", "2", "--activation", "nonsense")
    assert status == 2 and "activation must be one of" in err and len(err.strip().splitlines()) == 1
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"incoming": [["1", "2"], ["-1", "-2"]], "outgoing": ["1", "3"]}))
    for name in ("tanh", "gaussian", "logcosh"):
        status, out, err = run(capsys, "subspaces", "2", "2", "--teacher", str(path), "--activation", name)
        assert status == 2 and out == "" and "must not be opposite" in err
        status, out, err = run(capsys, "verify", "2", "2", "--teacher", str(path), "--activation", name, "--critical")
        assert status == 2 and "critical point incoming vectors" in err
    for name in ("exp-minus-one", "generic", "exp"):  # no signs: the teacher is irreducible for these
        status, out, _ = run(capsys, "subspaces", "2", "2", "--teacher", str(path), "--activation", name, "--json")
        assert status == 0 and len(json.loads(out)) == 2


def test_verify_a_class(capsys):
    status, out, _ = run(capsys, "verify", "2", "3", "--activation", "tanh")
    lines = out.strip().splitlines()
    assert status == 0 and lines[-1].startswith("ALL HOLD: 98/98")
    assert "activation class odd" in lines[0] and "(sigma of the odd class)" in lines[1]
    status, out, _ = run(capsys, "verify", "1", "3", "--activation", "odd", "--critical", "--quiet")
    assert status == 0 and "dead_noncriticality 18/18" in out and "criticality 26/26" in out
    status, out, _ = run(capsys, "verify", "1", "3", "--activation", "gaussian", "--critical", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[-1]["ok"] and rows[-1]["activation_class"] == "even"
    assert any(row.get("certificate") == "origin_noncriticality" for row in rows)


@pytest.mark.parametrize("name, used", [("odd", "tanh"), ("erf", "erf"), ("gaussian", "gaussian"),
                                        ("even-zero-at-origin", "logcosh"), ("exp-minus-one", "exp-minus-one")])
def test_verify_numeric_uses_the_class_activation(capsys, name, used):
    pytest.importorskip("scipy")
    status, out, _ = run(capsys, "verify", "1", "3", "--activation", name, "--numeric", "--samples", "2")
    zero_loss = [line for line in out.splitlines() if line.startswith("numeric_zero_loss")]
    assert status == 0 and len(zero_loss) == 1 and f": holds: {used}:" in zero_loss[0]
    status, out, _ = run(capsys, "verify", "1", "2", "--activation", name, "--numeric", "--critical")
    critical = [line for line in out.splitlines() if line.startswith("numeric_criticality")]
    assert status == 0 and len(critical) == 1 and f": holds: {used}:" in critical[0]


def test_verify_numeric_generic_keeps_its_defaults(capsys):
    pytest.importorskip("scipy")
    status, out, _ = run(capsys, "verify", "1", "2", "--activation", "generic", "--numeric", "--quiet")
    assert status == 0 and "numeric_zero_loss 3/3" in out
