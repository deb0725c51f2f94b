"""Certified zero-loss paths in the activation classes: sign-flipped minima joined by one extra neuron."""

import networkx as nx
import pytest
import sympy

from symbolic_minima.activation_classes import activation_class, activation_class_names
from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.graph import connectivity_graph, one_extra_neuron_diameter
from symbolic_minima.network import Teacher, TwoLayerNetwork, generic_sigma
from symbolic_minima.paths import certify_segment, class_normal_form, representative_point, zero_loss_path
from symbolic_minima.readings import get_reading
from symbolic_minima.subspaces import subspace_of

CLASSES = [name for name in activation_class_names() if name != "generic"]
SIGNED = [name for name in CLASSES if activation_class(name).signs is not None]


def _teacher_tokens(r, signed, sign=1):
    if not signed:
        return tuple(str(i) for i in range(1, r + 1))
    return tuple(("+" if sign > 0 else "-") + str(i) for i in range(1, r + 1))


@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("r", [1, 2])
@pytest.mark.parametrize("cls", SIGNED)
def test_one_extra_neuron_joins_the_sign_flipped_teachers(cls, r, d):
    teacher = Teacher.default(r, d)
    start = _teacher_tokens(r, True) + ("0",)
    end = _teacher_tokens(r, True, -1) + ("0",)  # every teacher neuron flipped
    p = zero_loss_path(teacher, r + 1, start, end, activation=cls)
    assert p.certified and all(p.contained) and all(p.function_certified)
    G = connectivity_graph(r, r + 1, activation=cls)
    assert p.graph_distance == nx.shortest_path_length(G, start, end) == 4 * r
    assert p.n_segments == 4 * r + 1
    assert p.info["activation_class"] == cls and p.to_json()["activation_class"] == cls


@pytest.mark.parametrize("cls", ["odd", "even-zero-at-origin"])
def test_the_longest_path_at_m_equal_r_plus_1_has_diameter_plus_one_segments(cls):
    # dead neuron to dead neuron, every sign flipped: the diameter 4r + 2
    p = zero_loss_path(Teacher.default(1, 2), 2, ("+1", "d"), ("-1", "d"), activation=cls)
    assert p.certified and p.graph_distance == one_extra_neuron_diameter(1, cls) == 6
    assert p.n_segments == 7


@pytest.mark.parametrize("r", [1, 2])
def test_zero_at_origin_paths(r):
    start = _teacher_tokens(r, False) + ("0",)
    end = ("0", "1") if r == 1 else ("2", "1", "0")
    p = zero_loss_path(Teacher.default(r), r + 1, start, end, activation="exp-minus-one")
    assert p.certified and p.n_segments == (3 if r == 1 else 7)
    p = zero_loss_path(Teacher.default(r), r + 1, start[:-1] + ("d",), end[:-1] + ("d",) if r > 1 else ("d", "1"),
                       activation="zero-at-origin")
    assert p.certified


@pytest.mark.parametrize("cls", CLASSES)
def test_groups_reading_paths(cls):
    signed = cls in SIGNED
    start = _teacher_tokens(1, signed) + ("0", "0")
    end = ("g1+", "g1+" if signed else "g1+", _teacher_tokens(1, signed, -1)[0])
    p = zero_loss_path(Teacher.default(1, 2), 3, start, end, "groups", activation=cls)
    assert p.certified and p.info["reading"] == "R2"


@pytest.mark.parametrize("cls", CLASSES)
def test_representative_points_lie_in_their_subspaces(cls):
    for name in ("singletons", "groups"):
        reading = get_reading(name, cls)
        teacher = Teacher.default(2, 2)
        for g in reading.labellings(2, 4):
            assert subspace_of(reading, teacher, g).contains(representative_point(teacher, g, cls)), g


@pytest.mark.parametrize("cls", CLASSES)
def test_the_two_routes_of_the_class_identity_agree(cls):
    # the path certifies with the class's undefined sigma (network.class_sigma); class_normal_form rewrites the
    # generic sigma by the same rules: both routes certify every segment
    signed = cls in SIGNED
    start = _teacher_tokens(2, signed) + ("0",)
    end = ("-1", "+2", "0") if signed else ("2", "1", "0")
    teacher = Teacher.default(2, 2)
    p = zero_loss_path(teacher, 3, start, end, activation=cls)
    net = TwoLayerNetwork(3, 2, 1)
    assert p.certified
    for a, b, _ in p.segments():
        assert certify_segment(net.function, teacher.function(), p.parameters, a, b, cls)


def test_the_two_routes_agree_on_a_wrong_class():
    # the segments of an odd path under the even rules: both routes give the same (failing) verdicts
    teacher = Teacher.default(1)
    odd = zero_loss_path(teacher, 2, ("+1", "0"), ("-1", "0"), activation="odd")
    generic_net, even_net = TwoLayerNetwork(2, 1, 1), TwoLayerNetwork(2, 1, 1, "even")
    verdicts = []
    for a, b, _ in odd.segments():
        by_sigma = certify_segment(even_net.function, teacher.function("even"), odd.parameters, a, b)
        by_rewrite = certify_segment(generic_net.function, teacher.function(), odd.parameters, a, b, "even")
        assert by_sigma == by_rewrite
        verdicts.append(by_sigma)
    assert not all(verdicts)


def test_certificates_fail_under_the_wrong_class():
    teacher = Teacher.default(1)
    p = zero_loss_path(teacher, 2, ("+1", "0"), ("-1", "0"), activation="odd")
    net = TwoLayerNetwork(2, 1, 1)
    target = teacher.function()
    segments = p.segments()
    assert all(certify_segment(net.function, target, p.parameters, a, b, "tanh") for a, b, _ in segments)
    # generic sigma: sigma(-x) and sigma(x) are unrelated; even sigma: the sums do not weigh the signs
    assert not all(certify_segment(net.function, target, p.parameters, a, b) for a, b, _ in segments)
    assert not all(certify_segment(net.function, target, p.parameters, a, b, "even") for a, b, _ in segments)
    # and a generic path certifies in every class (the generic identities hold for every activation)
    q = zero_loss_path(teacher, 2, (1, 0), (0, 1))
    for cls in CLASSES:
        assert all(certify_segment(net.function, target, q.parameters, a, b, cls) for a, b, _ in q.segments())


def test_class_normal_form():
    x, y = sympy.symbols("x y")
    s = generic_sigma
    assert class_normal_form(2 * s(x - y) + 2 * s(y - x), "odd") == 0
    assert class_normal_form(s(x - y) - s(y - x), "gaussian") == 0
    assert class_normal_form(s(0 * x) + s(x), "exp-minus-one") == s(x)
    assert class_normal_form(s(0 * x), "even") == s(0)  # sigma(0) != 0 in the even class
    assert class_normal_form(s(-x), "exp-minus-one") == s(-x)  # no sign rule without signs
    assert class_normal_form(s(x) + s(-x), "logcosh") == 2 * class_normal_form(s(x), "logcosh")


def test_bad_input():
    teacher = Teacher.default(1)
    with pytest.raises(ArgumentValueError, match="not a global-minimum label"):
        zero_loss_path(teacher, 2, (1, 0), (0, 1), activation="odd")  # integer labels are generic labels
    with pytest.raises(ArgumentValueError, match="not a global-minimum label"):
        zero_loss_path(teacher, 2, ("+1", "d"), ("0", "+1"), activation="even")  # no dead neurons: sigma(0) != 0
    with pytest.raises(ArgumentValueError, match="isolated minima"):
        zero_loss_path(teacher, 1, ("+1",), ("-1",), activation="odd")
    with pytest.raises(ArgumentValueError, match="softplus"):
        zero_loss_path(teacher, 2, ("+1", "0"), ("-1", "0"), activation="softplus")
    with pytest.raises(ArgumentValueError, match="opposite"):
        zero_loss_path(Teacher([1, -1], [1, 2]), 3, ("+1", "+2", "0"), ("-1", "+2", "0"), activation="odd")


@pytest.mark.parametrize("r,cls", [(1, "odd"), (1, "even"), (1, "zero-at-origin"), (1, "logcosh"), (2, "odd")])
def test_worst_case_segments_equal_diameter_plus_one(r, cls):
    # the default end points lie in no other subspace at m = r + 1, so no path of segments each inside one
    # subspace is shorter than the graph distance + 1; the worst start/end pair gives the diameter + 1
    c = activation_class(cls)
    free = "d" if c.zero_at_origin else "0"
    start = _teacher_tokens(r, c.signs is not None) + (free,)
    teacher = Teacher.default(r)
    counts = []
    for end in get_reading("singletons", cls).labellings(r, r + 1):
        if end == start:
            continue
        p = zero_loss_path(teacher, r + 1, start, end, activation=cls)
        assert p.certified and p.n_segments == p.graph_distance + 1
        counts.append(p.n_segments)
    assert max(counts) == one_extra_neuron_diameter(r, cls) + 1
