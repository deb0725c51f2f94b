"""T and G as sympy functions; reading aliases; numpydoc sections; the star-import (issue 12)."""

import importlib
import inspect
import subprocess
import sys

import pytest
import sympy

import symbolic_minima
from symbolic_minima import counting
from symbolic_minima.errors import ArgumentTypeError, ArgumentValueError
from symbolic_minima.functions import G_function, GCritical, T_function, TGroups, TSingletons

r, m = sympy.symbols("r m", integer=True, positive=True)


def test_integers_give_exact_sympy_integers_equal_to_the_python_counts():
    for rr in range(1, 5):
        for mm in range(rr, rr + 4):
            assert TSingletons(rr, mm) == counting.T(rr, mm) and isinstance(TSingletons(rr, mm), sympy.Integer)
            assert TGroups(rr, mm) == counting.T(rr, mm, zero_type="R2")
            assert GCritical(rr, mm) == counting.G(rr, mm)
    assert TSingletons(3, 2) == 0 and GCritical(4, 0) == 0  # no label uses all r teacher labels
    assert TSingletons(sympy.Integer(3), sympy.Integer(5)) == 390


def test_counting_T_and_G_keep_python_ints_and_return_functions_on_symbols():
    assert type(counting.T(3, 5)) is int and type(counting.G(3, 5)) is int
    assert type(counting.T(sympy.Integer(3), 5)) is int  # a sympy Integer is still an integer count
    assert counting.T(r, m) == TSingletons(r, m) and counting.T(r, m, zero_type="R2") == TGroups(r, m)
    assert counting.T(r, 5, zero_type="groups").func is TGroups
    assert counting.G(r, m) == GCritical(r, m)
    assert symbolic_minima.T(r, m).subs({r: 3, m: 5}) == 390
    with pytest.raises(ArgumentValueError, match="integer arguments only"):
        counting.T(r, m, method="stirling")
    with pytest.raises(ArgumentValueError, match="zero_type"):
        counting.T(r, m, zero_type="R3")


@pytest.mark.parametrize("fn", [TSingletons, TGroups, GCritical])
def test_sum_rewrite_is_an_independent_route_to_the_same_values(fn):
    summed = fn(r, m).rewrite(sympy.Sum)
    assert summed.has(sympy.Sum) and not summed.has(fn)
    cases = [(1, 3), (2, 4), (3, 5)] if fn is TGroups else [(rr, mm) for rr in range(1, 4) for mm in range(rr, rr + 4)]
    for rr, mm in cases:
        value = summed.subs({r: rr, m: mm})
        if value.has(sympy.oo):  # R2: the Dobinski series, summed numerically to 40 digits (an integer)
            value = sympy.nsimplify(sympy.N(value.doit(), 40))
        assert value.doit() == fn(rr, mm), (fn, rr, mm)


def test_sum_rewrite_would_catch_a_wrong_value():
    summed = TSingletons(r, m).rewrite("sum")
    assert summed.subs({r: 3, m: 5}).doit() != 391


@pytest.mark.parametrize("fn", [TSingletons, TGroups, GCritical])
def test_stirling_rewrite_and_closed_form(fn):
    from symbolic_minima.stirling import StirlingS2

    stirling = fn(r, m).rewrite("stirling")
    assert stirling.dummy_eq(fn(r, m).closed_form("stirling")) and stirling.has(StirlingS2)
    for rr, mm in ((1, 3), (2, 5), (3, 6)):
        assert stirling.subs({r: rr, m: mm}).doit() == fn(rr, mm)
    assert fn(r, m).rewrite(StirlingS2).dummy_eq(stirling)


def test_convolution_rewrite_for_T_only():
    assert TGroups(r, m).rewrite("convolution").subs({r: 2, m: 5}).doit() == TGroups(2, 5)
    assert GCritical(r, m).rewrite("convolution") == GCritical(r, m)  # not derived: unchanged
    with pytest.raises(ArgumentValueError):
        GCritical(r, m).closed_form("convolution")


def test_bound_variables_do_not_capture_the_arguments():
    j = sympy.Symbol("j", integer=True, positive=True)
    summed = TSingletons(j, m).rewrite(sympy.Sum)
    assert summed.subs({j: 2, m: 4}).doit() == TSingletons(2, 4)


def test_printing():
    assert sympy.latex(TSingletons(r, m)) == r"T_{\mathrm{R1}}\left(r, m\right)"
    assert sympy.latex(TGroups(r, m + 1)) == r"T_{\mathrm{R2}}\left(r, m + 1\right)"
    assert sympy.latex(GCritical(r, m) ** 2) == r"G\left(r, m\right)^{2}"
    assert str(TGroups(r, m)) == "T_R2(r, m)" and str(GCritical(r, 2)) == "G(r, 2)"
    odd = T_function("R2", "tanh")
    assert str(odd(r, m)) == "T_R2[odd](r, m)"
    assert sympy.latex(odd(r, m)) == r"T^{\mathrm{odd}}_{\mathrm{R2}}\left(r, m\right)"
    assert T_function("R2", "odd") is odd and G_function() is GCritical


def test_activation_class_functions_count_their_own_reading():
    from symbolic_minima.readings import get_reading

    odd = T_function("R1", "odd")
    reading = get_reading("R1", "odd")
    assert odd(2, 3) == counting.count_subspaces(reading, 2, 3) != TSingletons(2, 3)


def test_assumptions():
    assert TSingletons(r, m).is_integer and TSingletons(r, m).is_nonnegative


@pytest.mark.parametrize("bad", ["3", b"3", ["3"], ("1", 2), {"k": 1}, [[["x"]]]])
def test_text_is_refused_at_any_depth_before_sympy_parses_it(bad):
    for fn in (TSingletons, TGroups, GCritical):
        with pytest.raises(ArgumentTypeError, match="must not contain text"):
            fn(bad, m)
        with pytest.raises(ArgumentTypeError, match="must not contain text"):
            fn(r, bad)
    with pytest.raises(ArgumentTypeError):
        counting.T(r, bad)


def test_non_integer_numbers_and_bools_are_refused():
    with pytest.raises(ArgumentTypeError, match="r must be an integer"):
        TSingletons(sympy.Rational(1, 2), m)
    with pytest.raises(ArgumentTypeError, match="m must be an integer"):
        counting.T(r, sympy.Float(2.0))
    with pytest.raises(ArgumentTypeError, match="bool"):
        GCritical(True, m)
    with pytest.raises(ArgumentValueError, match="r must be an integer in"):
        TSingletons(0, 3)
    with pytest.raises(ArgumentValueError):
        TSingletons(2, -1)


def test_reading_aliases_are_accepted_everywhere_a_reading_is_taken():
    from symbolic_minima import asymptotics, comparison, graph, labellings, plots, species

    assert counting.T(3, 5, zero_type="R2") == 450 == counting.count("T", 3, 5, "R2").value
    assert counting.T_table([3], [5], zero_type="R2") == {(3, 5): 450}
    assert counting.closed_form("T", "R2") == counting.closed_form("T", "groups")
    assert sum(1 for _ in labellings.global_minimum_labellings(2, 3, "R2")) == counting.T(2, 3, zero_type="R2")
    assert comparison.compare(3, [1], "R2")[0].zero_type == "groups"
    assert graph.connectivity_graph(1, 3, "R2").number_of_nodes() == 10
    assert asymptotics.T_asymptotic("R2") == asymptotics.T_asymptotic("groups")
    assert plots.ratio_grid([3], [0], "R2") == plots.ratio_grid([3], [0], "groups")
    assert species.global_minimum_species(2, "R2").count(4) == counting.T(2, 4, zero_type="R2")


def test_claim_command_accepts_reading_aliases():
    run = subprocess.run([sys.executable, "-m", "symbolic_minima", "claim", "T(1, m) == bell(m+1) - bell(m)",
                          "--zero-type", "R2", "--r", "1"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert 'reading R2 (zero_type="groups")' in run.stdout


def test_T_table_refuses_a_single_int_with_a_library_type_error_naming_the_argument():
    with pytest.raises(ArgumentTypeError, match="r_values must be"):
        counting.T_table(3, 5)
    with pytest.raises(ArgumentTypeError, match="m_values must be"):
        counting.G_table([3], 5)
    with pytest.raises(TypeError):  # still a TypeError for callers catching that
        counting.T_table("12", [3])


# ----------------------------------------------------------------------------- numpydoc

NUMPYDOC_MODULES = ("counting", "functions", "readings", "labels", "roles")


def _public_callables():
    for name in NUMPYDOC_MODULES:
        module = importlib.import_module(f"symbolic_minima.{name}")
        for attribute in module.__all__:
            obj = getattr(module, attribute)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == module.__name__:
                yield f"{name}.{attribute}", obj


def _has_parameters(obj) -> bool:
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return False
    return any(p.name != "self" for p in signature.parameters.values())


def missing_numpydoc_sections(obj) -> list:
    """The numpydoc sections ``obj``'s docstring lacks (functions: Parameters, Returns/Yields, Examples)."""
    doc = inspect.getdoc(obj) or ""
    missing = []
    if _has_parameters(obj) and "Parameters\n----------" not in doc:
        missing.append("Parameters")
    if inspect.isfunction(obj) and "Returns\n-------" not in doc and "Yields\n------" not in doc:
        missing.append("Returns")
    if "Examples\n--------" not in doc:
        missing.append("Examples")
    return missing


def test_every_public_function_has_numpydoc_sections():
    found = dict(_public_callables())
    assert len(found) > 40 and "counting.T" in found and "functions.TGroups" in found
    missing = {name: missing_numpydoc_sections(obj) for name, obj in found.items()}
    assert {name: gaps for name, gaps in missing.items() if gaps} == {}


def test_the_numpydoc_check_fails_on_a_bare_docstring():
    def bare(x):
        """Does something."""

    assert missing_numpydoc_sections(bare) == ["Parameters", "Returns", "Examples"]


def test_help_of_T_shows_the_sections():
    import pydoc

    text = pydoc.render_doc(symbolic_minima.T, renderer=pydoc.plaintext)
    assert "Parameters" in text and "Returns" in text and "Examples" in text and "zero_type" in text


# ----------------------------------------------------------------------------- star import


def test_star_import_shadows_nothing_of_sympy():
    code = (
        "from sympy import *\n"
        "before = dict(globals())\n"
        "from symbolic_minima import *\n"
        "import symbolic_minima\n"
        "shadowed = sorted(k for k, v in before.items() if globals()[k] is not v and not k.startswith('_')\n"
        "                  and k not in ('before',))\n"
        "print(shadowed, Product.__module__, Set.__module__, T(3, 5))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("] ")[0] == "[" and "sympy" in out.split("] ")[1].split()[0]
    assert out.split()[-1] == "390"


def test_star_export_list_is_disjoint_from_sympys():
    assert not set(symbolic_minima.__all__) & set(sympy.__all__)
    # backwards compatible access to the species that are no longer star-exported
    from symbolic_minima.species import Product, Set

    assert symbolic_minima.Product is Product and symbolic_minima.Set is Set
    assert symbolic_minima.__version__
