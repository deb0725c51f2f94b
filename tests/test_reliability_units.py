"""Issue #14, the building blocks: the cost model's closed forms, the budget, atomic writes, the run-time
watch of progress loops, and the direct location of zero-loss points (each checked by an independent route)."""

from __future__ import annotations

import os
import random
import time

import pytest

from symbolic_minima import budget
from symbolic_minima.atomic import atomic_write, check_figure_path, save_figure, write_bytes, write_text
from symbolic_minima.budget import BudgetExceeded, Estimate, limits, parse_budget
from symbolic_minima.errors import ArgumentValueError, InputOutputError

# --------------------------------------------------------------------------- closed forms of the cost model


@pytest.mark.parametrize("r,m", [(1, 1), (1, 4), (2, 3), (2, 5), (3, 4), (3, 6), (4, 6)])
def test_edge_count_closed_form_matches_the_built_graph(r, m):
    from symbolic_minima.graph import connectivity_graph

    G = connectivity_graph(r, m)
    est = budget.graph_estimate(r, m)
    assert est.quantities["nodes"] == G.number_of_nodes()
    assert est.quantities["edges"] == G.number_of_edges()  # Σ_j (-1)^(r-j) C(r,j) (2r+1+j)^m, derived


@pytest.mark.parametrize("r,m", [(1, 3), (2, 4), (2, 5), (3, 5)])
def test_groups_reading_bounds_the_work_from_above(r, m):
    import symbolic_minima.graph as graph_module
    from symbolic_minima.labellings import global_minimum_labellings

    candidates = sum(1 for g in global_minimum_labellings(r, m, "groups")
                     for _ in graph_module._groups_neighbours(g, r))
    assert budget._r2_candidates(r, m) >= candidates  # an upper bound on what the generation yields
    G = graph_module.connectivity_graph(r, m, zero_type="groups")
    assert budget.graph_estimate(r, m, "groups").quantities["nodes"] == G.number_of_nodes()


def test_kinds_match_the_orbits_of_the_built_graph():
    from symbolic_minima.graph import connectivity_graph

    for r, m, z in [(2, 5, "singletons"), (3, 6, "singletons"), (2, 4, "groups"), (3, 5, "groups")]:
        G = connectivity_graph(r, m, zero_type=z)
        assert budget._kinds(r, m, z == "groups") == len({kind for _, kind in G.nodes(data="kind")})


def test_deep_edges_are_those_of_the_strong_product():
    from symbolic_minima.deep import deep_connectivity_graph

    G = deep_connectivity_graph((2, 1), (3, 2))
    est = budget.deep_graph_estimate((2, 1), (3, 2))
    assert (est.quantities["nodes"], est.quantities["edges"]) == (G.number_of_nodes(), G.number_of_edges())


def test_estimates_grow_with_the_request_and_can_fail():
    assert budget.graph_estimate(2, 6).seconds < budget.graph_estimate(2, 8).seconds
    assert (budget.count_estimate("T", 100, 200, "groups").seconds
            < budget.count_estimate("T", 1000, 2000, "groups").seconds)
    assert budget.proof_estimate(["x"], 5, 5).fits() and not budget.proof_estimate(["x"], 12, 30).fits()
    assert not Estimate("huge", 1e9).fits()  # a check that cannot pass
    with pytest.raises(BudgetExceeded, match="refused: huge"):
        Estimate("huge", 1e9, alternative="less").check()


def test_probe_neighbours_scale_with_the_width():
    assert budget.probe_neighbours(10) == 5 * budget.probe_neighbours(50)


# --------------------------------------------------------------------------- budgets


def test_parse_budget_and_limits(monkeypatch):
    b = parse_budget("time=90min, memory=512M")
    assert (b.seconds, b.memory, b.output) == (5400.0, 512 * 2**20, budget.DEFAULT_BUDGET.output)
    assert parse_budget("2h").seconds == 7200 and parse_budget("unlimited").seconds is None
    for bad in ("time=-1", "memory=3X", "speed=2", "time=soon"):
        with pytest.raises(ArgumentValueError):
            parse_budget(bad)
    monkeypatch.setenv(budget.ENVIRONMENT_VARIABLE, "time=5s")
    assert budget.current_budget().seconds == 5.0
    with limits(seconds=1, memory="1G") as inner:
        assert budget.current_budget() is inner and inner.memory == 2**30
        with limits(seconds=None):
            assert budget.current_budget().seconds is None
    assert budget.current_budget().seconds == 5.0
    try:
        budget.set_budget(seconds=7)
        assert budget.current_budget().seconds == 7
    finally:
        budget.set_budget()
    assert budget.current_budget().seconds == 5.0


def test_library_guards_use_the_budget():
    from symbolic_minima import T
    from symbolic_minima.graph import connectivity_graph
    from symbolic_minima.network import Teacher
    from symbolic_minima.paths import zero_loss_path
    from symbolic_minima.proving import run_proof

    with limits(seconds=0.001):
        for call in (lambda: connectivity_graph(3, 6), lambda: T(2000, 4000, zero_type="groups"),
                     lambda: run_proof("t_singletons")):
            with pytest.raises(BudgetExceeded):
                call()
    with pytest.raises(BudgetExceeded, match="chain search"):
        zero_loss_path(Teacher.default(2), 12, (1, 2) + (0,) * 10, (2, 1) + (0,) * 10)


def test_progress_loops_stop_when_they_project_past_the_budget(monkeypatch):
    import symbolic_minima.progress as progress_module

    monkeypatch.setattr(progress_module, "WATCH_AFTER", 0.05)
    with limits(seconds=0.1):
        with pytest.raises(BudgetExceeded, match="projected"):
            for _ in progress_module.progress(range(1000), total=1000, desc="slow"):
                time.sleep(0.01)
        assert list(progress_module.progress(range(5), total=5)) == list(range(5))  # fast loops are untouched
    with limits(seconds=None):
        for _ in progress_module.progress(range(10), total=10):
            time.sleep(0.01)


# --------------------------------------------------------------------------- atomic writes


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path):
    target = tmp_path / "f.txt"
    write_text(target, "old")
    os.chmod(target, 0o640)
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write("new but interrupted")
            raise RuntimeError
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["f.txt"]
    write_text(target, "new")
    assert target.read_text() == "new" and oct(os.stat(target).st_mode & 0o777) == oct(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_bytes(link, b"through the link")
    assert link.is_symlink() and target.read_bytes() == b"through the link"


@pytest.mark.parametrize("path, words", [
    ("{tmp}", "directory"), ("{tmp}/missing/f.txt", "No such file"), ("/dev/full", "No space"),
    ("/proc/f.txt", "cannot write"),
])
def test_atomic_write_failures_are_one_line_io_errors(tmp_path, path, words):
    with pytest.raises(InputOutputError, match=words):
        write_text(path.format(tmp=tmp_path), "x" * 100_000)
    assert os.listdir(tmp_path) == []


def test_figures_need_a_known_extension(tmp_path):
    plt = pytest.importorskip("matplotlib.pyplot")
    with pytest.raises(InputOutputError, match="unknown figure format"):
        check_figure_path(tmp_path / "r.txt")
    assert check_figure_path("/dev/null") == "png"
    fig = plt.figure()
    save_figure(fig, tmp_path / "f.png")
    plt.close(fig)
    assert (tmp_path / "f.png").read_bytes()[:4] == b"\x89PNG" and len(os.listdir(tmp_path)) == 1


# --------------------------------------------------------------------------- completeness without enumeration


@pytest.mark.parametrize("zero_type", ["singletons", "groups"])
@pytest.mark.parametrize("r,m,d", [(1, 3, 1), (2, 4, 1), (2, 4, 2), (3, 5, 1)])
def test_locate_label_agrees_with_the_enumerated_subspaces(zero_type, r, m, d):
    from symbolic_minima.network import Teacher
    from symbolic_minima.verify import locate_label, random_zero_loss_point, which_subspaces

    teacher = Teacher.default(r, d)
    rng = random.Random(r * 100 + m * 10 + d)
    for _ in range(6):
        point = random_zero_loss_point(teacher, m, zero_type, rng)
        found = which_subspaces(point, teacher, m, zero_type)  # the independent route: every subspace
        located = locate_label(point, teacher, m, zero_type)
        assert found and located in found
    off = list(random_zero_loss_point(teacher, m, zero_type, rng))
    off[-1] += 1  # a point of non-zero loss (one outgoing weight moved)
    assert locate_label(off, teacher, m, zero_type) is None and not which_subspaces(off, teacher, m, zero_type)


def test_completeness_with_a_limit_does_not_enumerate(monkeypatch):
    import symbolic_minima.verify as verify_module
    from symbolic_minima.network import Teacher

    real = verify_module.global_minimum_subspaces
    consumed = []

    def counting(*args, **kwargs):
        for s in real(*args, **kwargs):
            consumed.append(s)
            yield s

    monkeypatch.setattr(verify_module, "global_minimum_subspaces", counting)
    certs = list(verify_module.verify_all(Teacher.default(3), 6, samples=3, limit=4))
    assert [c.name for c in certs][-2:] == ["maximality", "completeness"] and all(c.holds for c in certs)
    assert sum(c.name == "function_identity" for c in certs) == 4
    assert len(consumed) <= 5  # T(3, 6) = 2100 subspaces: only the first few were built


def test_errors_raised_by_the_estimates_are_library_errors():
    for call in (lambda: budget.graph_estimate(0, 3), lambda: budget.graph_estimate(3, 2),
                 lambda: budget.table_estimate("T", [], [1]), lambda: budget.r1_degree_sum(10**4, 10**4)):
        with pytest.raises(ArgumentValueError):
            call()
