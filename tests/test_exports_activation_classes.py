"""Exports and plots of the graphs of the activation classes: token labels as node ids and JSON lists."""

import json

import pytest

from symbolic_minima.exports import node_id, string_graph, to_dot, to_json, to_tikz, write_graph
from symbolic_minima.graph import connectivity_graph, critical_graph
from symbolic_minima.plots import short_label


def test_token_labels_in_every_format(tmp_path):
    G = connectivity_graph(1, 2, activation="tanh")
    H = string_graph(G)
    assert set(H.nodes) == {node_id(g) for g in G} and "+1,d" in H
    assert H.nodes["+1,d"]["kind"] == "k=0 replicas=[1] dead=1" and H.nodes["+1,d"]["category"] == "zero-type"
    assert H.graph["title"] == "global minima r=1 m=2 R1 (odd)"
    data = to_json(G)
    assert sorted(node["label"] for node in data["nodes"]) == sorted(list(g) for g in G)
    assert len(data["edges"]) == 12 and data["components"] == 1
    assert '"+1,d"' in to_dot(G) and "$+1,d$" in to_tikz(G)
    for fmt in ("graphml", "dot", "tex", "json"):
        write_graph(G, fmt, tmp_path / f"g.{fmt}")
    assert json.loads((tmp_path / "g.json").read_text())["graph"]["activation_class"] == "odd"
    crit = string_graph(critical_graph(1, 2, activation="odd"))
    assert crit.nodes["+1,p"]["kind"] == "k=0 replicas=[1] parked=1"


def test_generic_exports_unchanged():
    H = string_graph(connectivity_graph(1, 2))
    assert H.graph["title"] == "global minima r=1 m=2 R1" and "activation_class" not in H.graph
    assert H.nodes["1,0"]["kind"] == "k=1 replicas=[1]"


def test_short_label_keeps_tokens():
    assert short_label(("g1+", "g1-", "+1")) == "g1+,g1-,+1"
    assert short_label((-1, -1, 1)) == "aa1"


def test_png_of_a_class_graph(tmp_path):
    pytest.importorskip("matplotlib")
    from symbolic_minima.plots import _draw_graph, plot_graph

    G = plot_graph(1, 2, tmp_path / "p.png", activation="logcosh")
    assert G.graph["activation_class"] == "even-zero-at-origin" and (tmp_path / "p.png").stat().st_size > 0
    _draw_graph(G, tmp_path / "q.png", 60)
    assert (tmp_path / "q.png").stat().st_size > 0
