"""Verdicts over a range of (r*, h): where critical subspaces dominate, and yes/no for a mild/vast claim (issue 12)."""

import json
import pathlib
from fractions import Fraction

import pytest

from symbolic_minima.cli import main
from symbolic_minima.comparison import COMPARISONS, Dominance, dominance, dominances, regime_verdict
from symbolic_minima.counting import G, T
from symbolic_minima.errors import ArgumentValueError


def _ratio_by_hand(r_star, h, zero_type, comparison):
    """The ratio from T and G directly (another route than comparison.compare's tables)."""
    m = r_star + h
    t = T(r_star, m, zero_type=zero_type, method="inclusion_exclusion")
    g = [G(r, m, method="stirling") for r in range(1, r_star)]
    return Fraction({"previous": g[-1], "sum": sum(g), "max": max(g)}[comparison], t)


@pytest.mark.parametrize("zero_type", ["R1", "R2"])
@pytest.mark.parametrize("comparison", COMPARISONS)
def test_points_are_where_the_ratio_exceeds_one(zero_type, comparison):
    d = dominance(range(2, 13), range(0, 5), zero_type, comparison)
    by_hand = {(r, h): _ratio_by_hand(r, h, zero_type, comparison) for r in range(2, 13) for h in range(0, 5)}
    assert d.ratios == by_hand
    assert d.points("mild") == sorted(p for p, v in by_hand.items() if v > 1)
    assert d.points("vast") == sorted(p for p, v in by_hand.items() if v < 1)
    assert {(r, h) for r, h, _ in d.failures("mild")} == {p for p, v in by_hand.items() if v <= 1}


def test_the_issue_example_r_star_2_and_3_at_h_0():
    for zero_type in ("R1", "R2"):
        v = regime_verdict("mild", range(2, 16), [0], [zero_type])
        assert not v.holds
        for d in v.results:
            assert (2, 0, Fraction(1, 2)) in d.failures()          # dominated at r* = 2 in every comparison
            assert [(r, h) for r, h, _ in d.failures()] == ([(2, 0)] if d.comparison == "sum" else [(2, 0), (3, 0)])
            assert d.largest_box() == ((3 if d.comparison == "sum" else 4), 15, 0, 0)
        assert regime_verdict("mild", range(4, 16), [0], [zero_type]).holds


def test_describe_runs_and_largest_box():
    d = dominance(range(2, 16), range(0, 4))
    assert d.describe() == "r*=4..6: h=0; r*=7..10: h=0..1; r*=11..14: h=0..2; r*=15: h=0..3"
    assert d.largest_box() == (7, 15, 0, 1)
    box = d.largest_box()
    cells = {(r, h) for r in range(box[0], box[1] + 1) for h in range(box[2], box[3] + 1)}
    assert cells <= set(d.points())
    # no all-dominated box of the grid has more points (brute force over all boxes)
    points = set(d.points())
    boxes = ((r1, r2, h1, h2) for r1 in range(2, 16) for r2 in range(r1, 16) for h1 in range(4) for h2 in range(h1, 4))
    full = [b for b in boxes if all((r, h) in points for r in range(b[0], b[1] + 1) for h in range(b[2], b[3] + 1))]
    best = max(full, key=lambda b: (b[1] - b[0] + 1) * (b[3] - b[2] + 1))
    assert (best[1] - best[0] + 1) * (best[3] - best[2] + 1) == len(cells)
    assert dominance([2], [0, 1]).describe() == "nowhere" and dominance([10], [0]).describe() == "everywhere"
    assert dominance([2], [0]).largest_box() is None


def test_a_wrong_claim_is_caught():
    # "vast" (global minima dominate) at h = 0 is false for r* >= 3; at h = 60 true for r* <= 15
    assert not regime_verdict("vast", range(2, 16), [0]).holds
    assert regime_verdict("vast", range(2, 16), [60]).holds
    # a tie is not domination either way
    tie = regime_verdict("mild", [3], [0], ["R1"], ["previous"])
    assert not tie.holds and not regime_verdict("vast", [3], [0], ["R1"], ["previous"]).holds


def test_summary_and_json():
    v = regime_verdict("mild", range(2, 16), range(0, 4))
    text = v.summary()
    assert text.splitlines()[0] == "claim: critical subspaces dominate (ratio > 1) for every r* in 2..15, h in 0..3: no"
    assert "r*=2, h=0 (ratio 0.5)" in text and "r*=3, h=0 (ratio 1, a tie)" in text
    assert "holds for every r* in 7..15, h in 0..1" in text
    data = v.to_json()
    assert data["holds"] is False and len(data["results"]) == 6
    assert data["results"][0]["failures"][0] == {"r_star": 2, "h": 0, "ratio": "1/2", "ratio_approx": "0.5"}
    assert json.loads(json.dumps(data)) == data


def test_bad_input():
    with pytest.raises(ArgumentValueError):
        regime_verdict("huge", [4], [0])
    with pytest.raises(ArgumentValueError):
        dominance([1], [0])
    with pytest.raises(ArgumentValueError):
        dominances(range(2, 300), range(0, 100))
    assert isinstance(dominance([4], [0]), Dominance)


# ----------------------------------------------------------------------------- the command line


def call(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_claim_yes_no_and_exit_status(capsys):
    status, out, _ = call(capsys, "ratio", "--r-star", "2:15", "--h", "0:3", "--claim", "mild")
    assert status == 1
    assert "claim: critical subspaces dominate (ratio > 1) for every r* in 2..15, h in 0..3: no" in out
    assert "R1 previous: no: fails at 29 of 56 points" in out and "r*=2, h=0 (ratio 0.5)" in out
    assert "previous: r*=4..6: h=0; r*=7..10: h=0..1; r*=11..14: h=0..2; r*=15: h=0..3" in out
    status, out, _ = call(capsys, "ratio", "--r-star", "4:15", "--h", "0", "--claim", "mild")
    assert status == 0 and out.splitlines()[-7].endswith(": yes")
    status, out, _ = call(capsys, "ratio", "--r-star", "10", "--h", "0:8")
    assert status == 0 and "critical subspaces dominate (ratio > 1) for h in the range asked: previous h=0..1; " \
                           "sum h=0..3; max h=0..1" in out


def test_cli_json_only_adds_keys(capsys):
    golden = json.loads((pathlib.Path(__file__).parent / "data" / "cli_golden.json").read_text())
    status, out, _ = call(capsys, "ratio", "--r-star", "3", "--h", "0:4", "--json")
    new = json.loads(out)
    assert status == 0 and new == json.loads(golden["ratio --r-star 3 --h 0:4 --json"]["stdout"])
    for block in new:  # the keys before issue 12, in their order, then the one added
        assert list(block) == ["zero_type", "reading", "r_star", "rows", "crossover", "dominance"]
        assert block["crossover"] == {"previous": 1, "sum": 1, "max": 1}
    status, out, _ = call(capsys, "ratio", "--r-star", "2:5", "--h", "0:1", "--claim", "mild", "--json",
                          "--zero-type", "R2")
    data = json.loads(out)
    assert status == 1 and [b["reading"] for b in data] == ["R2"]
    assert data[0]["claim"]["holds"] is False and data[0]["dominance"]["sum"]["points"] == [[3, 0], [4, 0], [5, 0]]
    assert data[0]["crossover"]["3"] == {"previous": 1, "sum": 1, "max": 1}
