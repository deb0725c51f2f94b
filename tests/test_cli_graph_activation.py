"""CLI ``graph`` and ``path`` with ``--activation``: the JSON contract, token labels, one-line refusals."""

import json

import pytest

from symbolic_minima.cli import main


def run(capsys, *args):
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_json(capsys, *args):
    status, out, _ = run(capsys, *args)
    return status, json.loads(out)


def test_isolated_minima_of_the_odd_class_are_components(capsys):
    status, data = run_json(capsys, "graph", "2", "2", "--activation", "odd", "--json")
    assert status == 0
    assert data["activation_class"] == "odd"
    assert data["nodes"] == data["components"] == data["isolated"] == 8 and data["edges"] == 0


def test_names_and_class_names_are_interchangeable(capsys):
    for names in (("tanh", "odd", "erf", "sinh"), ("gaussian", "even", "cosh"), ("logcosh", "even-zero-at-origin"),
                  ("exp-minus-one", "zero-at-origin"), ("exp", "generic", "sigmoid4+softplus")):
        outs = {json.dumps(run_json(capsys, "graph", "2", "3", "--activation", name, "--json")[1]) for name in names}
        assert len(outs) == 1


def test_the_key_appears_only_with_the_option(capsys):
    _, default = run_json(capsys, "graph", "2", "3", "--json")
    _, generic = run_json(capsys, "graph", "2", "3", "--json", "--activation", "generic")
    assert "activation_class" not in default
    assert generic.pop("activation_class") == "generic" and generic == default


@pytest.mark.parametrize("name", ["softplus", "silu", "gelu", "sigmoid", "relu", "nothing"])
@pytest.mark.parametrize("command", [["graph", "1", "2"], ["path", "1", "2"], ["graph", "1", "2", "--critical"]])
def test_refused_activations_exit_2_with_one_line(capsys, command, name):
    status, out, err = run(capsys, *command, "--activation", name)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and name in err


def test_one_extra_neuron_facts_in_json_and_text(capsys):
    _, data = run_json(capsys, "graph", "2", "3", "--activation", "tanh", "--json")
    assert data["one_extra_neuron"] == data["predicted"]
    assert data["diameter"] == data["predicted"]["diameter"] == 10
    assert data["one_extra_neuron"]["dead_neuron"] == {"count": 24, "degrees": [1]}
    _, text, _ = run(capsys, "graph", "2", "3", "--activation", "gaussian")
    assert "activation class even" in text and "8 = 4r" in text and "dead" not in text


def test_exact_method_and_critical_with_a_class(capsys):
    _, fast = run_json(capsys, "graph", "2", "3", "--activation", "logcosh", "--json")
    _, exact = run_json(capsys, "graph", "2", "3", "--activation", "logcosh", "--json", "--method", "exact")
    assert {k: v for k, v in fast.items() if k != "method"} == {k: v for k, v in exact.items() if k != "method"}
    _, crit = run_json(capsys, "graph", "2", "3", "--activation", "odd", "--critical", "--json")
    assert crit["nodes"] == crit["components"] == 72 and crit["edges"] == 0 and crit["activation_class"] == "odd"


def test_graph_file_with_token_labels(capsys, tmp_path):
    out = tmp_path / "g.json"
    status, _, _ = run(capsys, "graph", "1", "2", "--activation", "odd", "-o", str(out))
    data = json.loads(out.read_text())
    assert status == 0 and len(data["nodes"]) == 12
    assert ["+1", "d"] in [node["label"] for node in data["nodes"]] and data["graph"]["activation_class"] == "odd"


def test_path_default_is_the_sign_flip(capsys):
    status, data = run_json(capsys, "path", "2", "3", "--activation", "tanh", "--json")
    assert status == 0 and data["certified"] and data["activation_class"] == "odd"
    assert data["labels"][0] == ["+1", "+2", "0"] and data["labels"][-1] == ["-1", "+2", "0"]
    assert data["n_segments"] == 5


def test_path_with_token_labels(capsys):
    status, data = run_json(capsys, "path", "2", "3", "--activation", "odd", "--from=+1,+2,0", "--to=-1,-2,0",
                            "--json")
    assert status == 0 and data["certified"] and data["graph_distance"] == 8
    status, text, _ = run(capsys, "path", "1", "2", "--activation", "exp-minus-one", "--from", "1,d", "--to", "d,1")
    assert status == 0 and "certified" in text and "zero-at-origin class" in text
    _, default, _ = run(capsys, "path", "1", "2", "--json")
    assert "activation_class" not in json.loads(default)


def test_path_errors(capsys):
    status, _, err = run(capsys, "path", "2", "2", "--activation", "odd")
    assert status == 2 and "isolated minima" in err
    status, _, err = run(capsys, "path", "1", "2", "--activation", "odd", "--from", "1,0")
    assert status == 2 and err.count("\n") == 1
    status, _, err = run(capsys, "path", "1", "2", "--activation", "odd", "--from", "+1,x")
    assert status == 2 and "tokens" in err
    status, _, err = run(capsys, "graph", "--widths", "2,2", "--activation", "odd")
    assert status == 2 and "two-layer" in err
