"""Exports: GraphML round trip, DOT, TikZ, JSON, PNG."""

import json

import networkx as nx
import pytest

from symbolic_minima.deep import deep_connectivity_graph
from symbolic_minima.errors import ArgumentValueError
from symbolic_minima.exports import (
    draw_png,
    node_id,
    string_graph,
    to_dot,
    to_graphml,
    to_json,
    to_tikz,
    write_graph,
)
from symbolic_minima.graph import connectivity_graph


@pytest.fixture(scope="module")
def graphs():
    return [connectivity_graph(2, 3), connectivity_graph(1, 3, "groups"), deep_connectivity_graph((1, 1), (2, 2))]


def _edge_set(G):
    return {frozenset((node_id(a), node_id(b))) for a, b in G.edges()}


def test_graphml_round_trip(graphs, tmp_path):
    for i, G in enumerate(graphs):
        path = tmp_path / f"g{i}.graphml"
        to_graphml(G, path)
        H = nx.read_graphml(path)
        assert set(H.nodes) == {node_id(n) for n in G.nodes}
        assert {frozenset(e) for e in H.edges} == _edge_set(G)
        some = next(iter(G.nodes))
        assert H.nodes[node_id(some)]["dimension"] == G.nodes[some]["dimension"]


def test_dot_lists_every_node_and_edge(graphs):
    for G in graphs:
        text = to_dot(G)
        assert text.startswith("graph ") and text.rstrip().endswith("}")
        assert text.count(" -- ") == G.number_of_edges()
        assert text.count("fillcolor=") == G.number_of_nodes()
    assert '"1,2,0" -- "1,2,2";' in to_dot(graphs[0])


def test_tikz(graphs):
    text = to_tikz(graphs[0])
    assert "\\begin{tikzpicture}" in text and "\\documentclass" in text
    assert text.count("\\draw[gray] (n") == graphs[0].number_of_edges()
    assert text.count("\\node[") == graphs[0].number_of_nodes() and "{$120$};" in text
    body = to_tikz(graphs[2], as_document=False)
    assert "\\documentclass" not in body and "{$10/10$};" in body


def test_json(graphs):
    for G in graphs:
        data = json.loads(json.dumps(to_json(G)))
        assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
        assert data["components"] == nx.number_connected_components(G)
        for node in data["nodes"]:
            lab = node["label"]
            key = tuple(tuple(g) for g in lab) if lab and isinstance(lab[0], list) else tuple(lab)
            assert node["id"] == node_id(key) and G.has_node(key)
            assert node["dimension"] == G.nodes[key]["dimension"]


def test_categories():
    H = string_graph(connectivity_graph(2, 3))
    assert H.nodes["1,2,0"]["category"] == "zero-type" and H.nodes["1,2,2"]["category"] == "replicated"
    D = string_graph(deep_connectivity_graph((1, 1), (2, 2)))
    assert D.nodes["1,0/1,1"]["category"] == "mixed" and D.nodes["1,0/1,0"]["category"] == "zero-type"


def test_png(graphs, tmp_path):
    pytest.importorskip("matplotlib")
    path = tmp_path / "g.png"
    draw_png(graphs[0], path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    write_graph(graphs[2], "png", tmp_path / "d.png")
    assert (tmp_path / "d.png").stat().st_size > 5000


def test_write_graph_formats_and_errors(graphs, tmp_path):
    for fmt in ("graphml", "dot", "tex", "json"):
        path = tmp_path / f"g.{fmt}"
        write_graph(graphs[0], fmt, path)
        assert path.stat().st_size > 100
    with pytest.raises(ArgumentValueError, match="format"):
        write_graph(graphs[0], "svg", tmp_path / "g.svg")
    from symbolic_minima.errors import InputOutputError  # an output-path failure (CLI exit status 4)

    with pytest.raises(InputOutputError, match="directory"):
        write_graph(graphs[0], "dot", tmp_path / "missing" / "g.dot")
