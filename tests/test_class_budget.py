"""Counts and chain searches of the activation classes answer or refuse within the budget (#14)."""

import subprocess
import sys

import pytest

from symbolic_minima import budget
from symbolic_minima.graph import shortest_label_path
from symbolic_minima.network import Teacher
from symbolic_minima.paths import bounded_class_chain, zero_loss_path
from symbolic_minima.readings import get_reading


def test_near_labels_are_answered_by_the_probe_and_equal_the_unbounded_search():
    reading = get_reading("R1", "odd")
    start, end = ("+1", "+2", "0", "0", "0"), ("-1", "+2", "0", "0", "0")
    assert bounded_class_chain(2, 5, start, end, reading) == shortest_label_path(2, start, end, reading,
                                                                                 activation="odd")


def test_a_hopeless_search_is_refused_with_the_estimate():
    reading = get_reading("R1", "odd")
    start, end = ("+1", "+2", "+3") + ("0",) * 9, ("-1", "-2", "-3") + ("0",) * 9
    with pytest.raises(budget.BudgetExceeded, match=r"refused: path r=3 m=12 \(R1, class odd\) .*subspaces"):
        bounded_class_chain(3, 12, start, end, reading)


def test_a_small_budget_refuses_what_the_default_answers():
    reading = get_reading("R1", "odd")
    start, end = ("+1", "+2", "0", "0", "0", "0"), ("-1", "-2", "0", "0", "0", "0")
    assert len(bounded_class_chain(2, 6, start, end, reading)) > 2  # it does answer with the default budget
    with budget.limits(seconds=1e-4), pytest.raises(budget.BudgetExceeded, match="refused: path r=2 m=6"):
        bounded_class_chain(2, 6, start, end, reading)


def test_zero_loss_path_of_a_class_is_bounded():
    t = Teacher([[1], [2], [3]], [1, 1, 1])
    with pytest.raises(budget.BudgetExceeded):
        zero_loss_path(t, 12, ("+1", "+2", "+3") + ("0",) * 9, ("-1", "-2", "-3") + ("0",) * 9, activation="tanh")


def test_command_line_refuses_with_exit_2():
    res = subprocess.run([sys.executable, "-m", "symbolic_minima", "path", "3", "12", "--activation", "odd"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.count("\n") == 1 and "refused: path r=3 m=12 (R1, class odd)" in res.stderr


# ----------------------------------------------------------------------------- counts


def test_class_counts_are_priced_by_the_route_auto_takes():
    from symbolic_minima.counting import _budget_key, count_subspaces

    assert _budget_key(get_reading("R2", "odd")) == ("T", "groups", 2, "T_R2[odd]")
    assert _budget_key(get_reading("R1", "gaussian")) == ("T", "singletons", 2, "T_R1[even]")
    with pytest.raises(budget.BudgetExceeded, match=r"refused: T_R2\[odd\]\(100, 100000\) by method power_sum"):
        count_subspaces("R2", 100, 100000, activation="odd")
    with pytest.raises(budget.BudgetExceeded, match=r"T_crit\[odd\]\(9000, 100000\) by method inclusion_exclusion"):
        count_subspaces(get_reading("critical", "odd"), 9000, 100000)
    assert count_subspaces("R2", 3, 40, activation="odd") == count_subspaces("R2", 3, 40, activation="odd",
                                                                             method="species")


def test_groups_counts_are_priced_as_the_power_sum_route():
    # auto takes power_sum since issue 11; a whole Stirling row was priced before (T_R2(100, 8000) refused)
    assert budget.count_estimate("T", 100, 8000, "R2").fits()
    assert budget.count_estimate("T", 100, 8000, "R2").task == "T_R2(100, 8000) by method power_sum"
    assert not budget.count_estimate("T", 100, 8000, "R2", method="stirling").fits()
    signed, plain = budget.count_estimate("T", 50, 3000, "R2", base=2), budget.count_estimate("T", 50, 3000, "R2")
    assert signed.seconds > plain.seconds and signed.output > plain.output


def test_class_count_command_line_refuses_in_one_line():
    res = subprocess.run([sys.executable, "-m", "symbolic_minima", "count", "T", "100", "100000", "--activation",
                          "odd", "--zero-type", "groups"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and res.stdout == "" and res.stderr.count("\n") == 1
    assert "T_R2[odd](100, 100000)" in res.stderr


def test_bad_arguments_raise_library_errors():
    from symbolic_minima.counting import attach_shape_routes, shape_of_roles
    from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError

    for call in (lambda: shape_of_roles("R1"), lambda: attach_shape_routes(None),
                 lambda: bounded_class_chain(1, 2, ("+1", "0"), ("-1", "0"), "R1"),
                 lambda: budget.search_estimate("t", 1, 2, "fast")):
        with pytest.raises(ArgumentTypeError):
            call()
    with pytest.raises(ArgumentValueError, match="nodes must be an integer"):
        budget.search_estimate("t", -1, 2, 1e-6)
    with pytest.raises(ArgumentValueError, match="m must be"):
        bounded_class_chain(2, 1, ("+1", "+2"), ("-1", "+2"), get_reading("R1", "odd"))
