"""Networks, teachers and critical points: structure, exactness, validation, JSON round trip."""

import json
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.network import CriticalPoint, Teacher, TwoLayerNetwork, generic_sigma
from symbolic_minima.strategies import teachers


def test_parameters_order_and_latex_names():
    net = TwoLayerNetwork(3, input_dim=2)
    assert [str(s) for s in net.parameters] == [
        "w_{1,1}", "w_{1,2}", "w_{2,1}", "w_{2,2}", "w_{3,1}", "w_{3,2}", "a_{1}", "a_{2}", "a_{3}"]
    assert sympy.latex(net.parameters[0]) == "w_{1,1}"
    assert net.incoming(2) == tuple(net.parameters[2:4])
    assert net.outgoing(3) == net.parameters[8]
    assert net.neuron_parameters(1) == (net.parameters[0], net.parameters[1], net.parameters[6])
    with pytest.raises(ArgumentValueError):
        net.incoming(4)


def test_function_generic_and_concrete():
    t = Teacher([[1, 2], [-1, Fraction(1, 2)]], [3, "-1/2"])
    x1, x2 = TwoLayerNetwork(1, 2).inputs
    f = t.function()
    assert f == 3 * generic_sigma(x1 + 2 * x2) - sympy.Rational(1, 2) * generic_sigma(-x1 + x2 / 2)
    assert t.function("tanh") == 3 * sympy.tanh(x1 + 2 * x2) - sympy.tanh(-x1 + x2 / 2) / 2
    poly = t.network(lambda z: z**2).function(t)
    assert sympy.expand(poly - (3 * (x1 + 2 * x2) ** 2 - (-x1 + x2 / 2) ** 2 / 2)) == 0


def test_loss_is_exact_and_zero_at_the_teacher():
    t = Teacher([1, 2], [1, -1])
    net = t.network(lambda z: z**3 + z)
    data = [(x, t.network(lambda z: z**3 + z).function(t).subs(net.inputs[0], x)) for x in (0, 1, Fraction(1, 3), -2)]
    assert net.loss(data, point=t) == 0
    L = net.loss(data)
    assert L.subs(dict(zip(net.parameters, [1, 2, 1, 0], strict=True))) > 0


def test_residual_gradient_matches_hand_formula():
    net = TwoLayerNetwork(2, input_dim=1, output_dim=2)
    grad = net.residual_gradient()
    (x,) = net.inputs
    e = [o - y for o, y in zip(net.outputs(), net.target_functions(), strict=True)]
    w, = net.incoming(1)
    a11, a12 = net.outgoing(1)
    assert sympy.simplify(grad[a12] - e[1] * generic_sigma(w * x)) == 0
    sig_prime = sympy.diff(generic_sigma(w * x), w) / x
    assert sympy.simplify(grad[w] - (e[0] * a11 + e[1] * a12) * sig_prime * x) == 0


@pytest.mark.parametrize(
    "incoming, outgoing, words",
    [
        ([1, 1], [1, 2], "w_1 and w_2"),
        ([[1, 0], [0, 0]], [1, 2], "w_2 must be non-zero"),
        ([1, 2], [1, 0], "a_2 must be non-zero"),
        ([1, 2], [1], "must match"),
        ([], [], "at least one neuron"),
        ([[1, 2], [1]], [1, 1], "w_2 has 1 entries"),
    ],
)
def test_reducible_teachers_are_rejected_naming_the_parameter(incoming, outgoing, words):
    with pytest.raises(ArgumentValueError, match=words):
        Teacher(incoming, outgoing)


def test_floats_are_refused_and_strings_parsed_exactly():
    with pytest.raises(ArgumentTypeError):
        Teacher([0.5], [1])
    assert Teacher(["3/2"], ["-4"]).incoming == ((sympy.Rational(3, 2),),)
    with pytest.raises(ArgumentValueError, match="w_1"):
        Teacher(["__import__('os')"], [1])


@given(st.one_of([teachers(d=d, d_out=q, max_r=3, max_denominator=5) for d in (1, 2) for q in (1, 2)]))
def test_json_round_trip(t):
    text = json.dumps(t.to_json())
    assert Teacher.from_json(text) == t
    assert CriticalPoint.from_json(text).incoming == t.incoming


@pytest.mark.parametrize(
    "text, words",
    [
        ("{", "malformed"),
        ("[1, 2]", "must be an object"),
        ('{"incoming": [1]}', "lacks the key 'outgoing'"),
        ('{"incoming": [1, 1], "outgoing": [1, 1]}', "pairwise distinct"),
        ('{"incoming": [1], "outgoing": ["1/0"]}', "a_1"),
        ('{"incoming": [1], "outgoing": [true]}', "a_1"),
        ('{"incoming": [1], "outgoing": [1], "r": 2}', "r = 2"),
        ('{"incoming": [1], "outgoing": [1], "bias": 2}', "unknown keys"),
    ],
)
def test_from_json_errors(text, words):
    with pytest.raises(ArgumentValueError, match=words):
        Teacher.from_json(text)


def test_symbolic_teacher_and_default():
    u, v = sympy.symbols("u v")
    t = Teacher([[u, 1], [v, 2]], [1, u])
    assert not t.is_exact_rational and t.free_symbols() == {u, v}
    d = Teacher.default(3, d=2)
    assert d.incoming == ((1, 2), (2, 3), (3, 4)) and d.outgoing == (1, 2, 3)
    assert "w^{*}_{1}" in d._repr_latex_()


def test_vector_output_teacher():
    t = Teacher([1, 2], [[1, 0], [0, "1/2"]])
    assert t.output_dim == 2 and t.vector_output
    with pytest.raises(ArgumentValueError, match="a_2 must be non-zero"):
        Teacher([1, 2], [[1, 0], [0, 0]])
    f = t.function()
    assert f.shape == (2, 1)


@pytest.mark.parametrize("m, d, q", [(2, 1, 1), (2, 2, 2)])
def test_chain_rule_gradient_equals_sympy_diff(m, d, q):
    net = TwoLayerNetwork(m, d, q)
    chain = net.chain_rule_gradient()
    full = net.residual_gradient()
    sub = {e: o - y for e, o, y in zip(net.residual_functions(), net.outputs(), net.target_functions(), strict=True)}
    for p in net.parameters:
        assert sympy.expand(chain[p].xreplace(sub) - full[p]) == 0


@pytest.mark.parametrize("text", ['{"incoming": [1e999999999], "outgoing": [1]}',
                                  '{"incoming": ["1e999999999"], "outgoing": [1]}',
                                  '{"incoming": [' + "9" * 20000 + '], "outgoing": [1]}'])
def test_number_bombs_are_refused_quickly(text):
    with pytest.raises(ArgumentValueError, match="exceeds"):
        Teacher.from_json(text)


def test_symbolic_teacher_function_identity():
    from symbolic_minima.subspaces import global_minimum_subspaces
    from symbolic_minima.verify import certify_function_identity

    u, v = sympy.symbols("u v")
    t = Teacher([[u], [2]], [v, 1])
    subs = list(global_minimum_subspaces(t, 3, "groups"))
    assert all(certify_function_identity(s, t).holds for s in subs)


def test_network_latex():
    net = TwoLayerNetwork(2)
    assert sympy.latex(net).startswith(r"f(x;\theta) = a_{1} \sigma{\left(w_{1,1} x_{1} \right)}")
    assert net._repr_latex_().startswith("$$")
