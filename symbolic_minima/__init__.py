r"""symbolic_minima: exact symmetries, critical subspaces and global minima of overparameterized networks.

Re-derives, with exact arithmetic, the results of Şimşek et al. (ICML 2021)
on the loss landscape of overparameterized networks: the :math:`T(r^*, m)`
affine subspaces of global minima (in both readings of the zero-type neurons,
R1, singletons, and R2, groups: ``zero_type="R1"`` / ``"R2"``), the :math:`G(r, m)`
symmetry-induced critical subspaces, their connectivity, and the deep-network
theorem.

>>> from symbolic_minima import T, G
>>> T(3, 5), T(3, 5, zero_type="R2"), G(3, 5)
(390, 450, 150)

Sub-modules: :mod:`~symbolic_minima.counting` (with
:mod:`~symbolic_minima.species`, :mod:`~symbolic_minima.stirling`,
:mod:`~symbolic_minima.asymptotics`, :mod:`~symbolic_minima.comparison`),
:mod:`~symbolic_minima.network`, :mod:`~symbolic_minima.subspaces`,
:mod:`~symbolic_minima.verify`, :mod:`~symbolic_minima.graph`,
:mod:`~symbolic_minima.paths`, :mod:`~symbolic_minima.deep`,
:mod:`~symbolic_minima.proving`, :mod:`~symbolic_minima.report`,
:mod:`~symbolic_minima.plots`; and, needing hypothesis,
:mod:`~symbolic_minima.strategies` (import it explicitly).

The names below are imported on first use (``symbolic_minima.T`` imports
:mod:`~symbolic_minima.counting` only), so that ``import symbolic_minima`` and
an integer count import neither sympy nor networkx; ``from symbolic_minima
import *`` imports them all, and shadows nothing of ``from sympy import *``
(the species ``Set`` and ``Product`` are not star-exported: import them from
:mod:`symbolic_minima.species`).

With symbolic arguments :func:`~symbolic_minima.counting.T` and
:func:`~symbolic_minima.counting.G` are sympy functions
(:mod:`~symbolic_minima.functions`):

>>> import sympy
>>> r, m = sympy.symbols("r m", integer=True, positive=True)
>>> T(r, m).rewrite(sympy.Sum).subs({r: 3, m: 5}).doit()
390
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .asymptotics import G_asymptotic, G_polynomial, T_asymptotic, T_polynomial, h_sym
    from .comparison import compare, crossover, crossovers
    from .counting import Count, G, G_table, T, T_table, closed_form, count, count_subspaces, m_sym, r_sym
    from .deep import (
        DeepNetwork,
        DeepTeacher,
        connect_permuted_minima,
        deep_connectivity_graph,
        deep_global_minimum_subspaces,
        deep_subspace_census,
        deep_zero_loss_path,
    )
    from .errors import ArgumentTypeError, ArgumentValueError, SymbolicMinimaError
    from .exports import draw_png, to_dot, to_graphml, to_json, to_tikz, write_graph
    from .functions import G_function, GCritical, T_function, TGroups, TSingletons
    from .graph import (
        component_count,
        connectivity_graph,
        critical_graph,
        graph_diameter,
        graph_summary,
        isolated_minima,
        labels_intersect,
        one_extra_neuron_facts,
        predicted_one_extra_neuron_facts,
    )
    from .labellings import critical_labellings, global_minimum_labellings
    from .network import CriticalPoint, Teacher, TwoLayerNetwork
    from .paths import ZeroLossPath, zero_loss_path
    from .plots import plot_graph, plot_ratio
    from .proving import Proof, list_proofs, proof_names, run_all_proofs, run_proof
    from .readings import ZERO_TYPES, describe_zero_type
    from .report import generate_report, write_report
    from .species import (
        EGF_VARIABLE,
        NonEmptySet,
        Power,
        SetOf,
        Species,
        closed_form_coefficient,
        coefficient,
        critical_species,
        global_minimum_species,
    )
    from .stirling import StirlingS2, stirling2
    from .subspaces import AffineSubspace, critical_subspaces, global_minimum_subspaces
    from .verify import (
        Certificate,
        certify_completeness,
        certify_criticality,
        certify_function_identity,
        certify_maximality,
        certify_zero_type_noncriticality,
        verify_all,
        which_subspaces,
    )

__version__ = "0.1.0"

# ``from symbolic_minima import *`` must shadow nothing of ``from sympy import *`` (tests/test_functions.py):
# the species ``Set`` and ``Product`` (sympy has its own) stay importable by name and from
# :mod:`symbolic_minima.species`, but are not star-exported; nor is ``__version__``.
__all__ = [
    # errors and readings
    "ArgumentTypeError",
    "ArgumentValueError",
    "SymbolicMinimaError",
    "ZERO_TYPES",
    "describe_zero_type",
    # counting
    "T",
    "G",
    "TSingletons",
    "TGroups",
    "GCritical",
    "T_function",
    "G_function",
    "T_table",
    "G_table",
    "count",
    "count_subspaces",
    "Count",
    "closed_form",
    "r_sym",
    "m_sym",
    "h_sym",
    "stirling2",
    "StirlingS2",
    "T_asymptotic",
    "G_asymptotic",
    "T_polynomial",
    "G_polynomial",
    "compare",
    "crossover",
    "crossovers",
    # species
    "EGF_VARIABLE",
    "Species",
    "NonEmptySet",
    "Power",
    "SetOf",
    "global_minimum_species",
    "critical_species",
    "coefficient",
    "closed_form_coefficient",
    # labellings, networks, subspaces, certificates
    "global_minimum_labellings",
    "critical_labellings",
    "TwoLayerNetwork",
    "Teacher",
    "CriticalPoint",
    "AffineSubspace",
    "global_minimum_subspaces",
    "critical_subspaces",
    "Certificate",
    "certify_function_identity",
    "certify_criticality",
    "certify_zero_type_noncriticality",
    "certify_maximality",
    "certify_completeness",
    "which_subspaces",
    "verify_all",
    # connectivity
    "connectivity_graph",
    "critical_graph",
    "labels_intersect",
    "graph_summary",
    "graph_diameter",
    "component_count",
    "isolated_minima",
    "one_extra_neuron_facts",
    "predicted_one_extra_neuron_facts",
    "zero_loss_path",
    "ZeroLossPath",
    "DeepNetwork",
    "DeepTeacher",
    "deep_global_minimum_subspaces",
    "deep_connectivity_graph",
    "deep_subspace_census",
    "deep_zero_loss_path",
    "connect_permuted_minima",
    "write_graph",
    "draw_png",
    "to_graphml",
    "to_dot",
    "to_tikz",
    "to_json",
    # proofs, report, plots
    "Proof",
    "run_proof",
    "run_all_proofs",
    "list_proofs",
    "proof_names",
    "generate_report",
    "write_report",
    "plot_ratio",
    "plot_graph",
]

#: The module of every public name (imported on first access).
_LAZY = {
    "G_asymptotic": "asymptotics",
    "G_polynomial": "asymptotics",
    "T_asymptotic": "asymptotics",
    "T_polynomial": "asymptotics",
    "h_sym": "asymptotics",
    "compare": "comparison",
    "crossover": "comparison",
    "crossovers": "comparison",
    "Count": "counting",
    "G": "counting",
    "G_table": "counting",
    "T": "counting",
    "T_table": "counting",
    "closed_form": "counting",
    "count": "counting",
    "count_subspaces": "counting",
    "m_sym": "counting",
    "r_sym": "counting",
    "GCritical": "functions",
    "G_function": "functions",
    "TGroups": "functions",
    "TSingletons": "functions",
    "T_function": "functions",
    "DeepNetwork": "deep",
    "DeepTeacher": "deep",
    "connect_permuted_minima": "deep",
    "deep_connectivity_graph": "deep",
    "deep_global_minimum_subspaces": "deep",
    "deep_subspace_census": "deep",
    "deep_zero_loss_path": "deep",
    "ArgumentTypeError": "errors",
    "ArgumentValueError": "errors",
    "SymbolicMinimaError": "errors",
    "draw_png": "exports",
    "to_dot": "exports",
    "to_graphml": "exports",
    "to_json": "exports",
    "to_tikz": "exports",
    "write_graph": "exports",
    "component_count": "graph",
    "connectivity_graph": "graph",
    "critical_graph": "graph",
    "graph_diameter": "graph",
    "graph_summary": "graph",
    "isolated_minima": "graph",
    "labels_intersect": "graph",
    "one_extra_neuron_facts": "graph",
    "predicted_one_extra_neuron_facts": "graph",
    "critical_labellings": "labellings",
    "global_minimum_labellings": "labellings",
    "CriticalPoint": "network",
    "Teacher": "network",
    "TwoLayerNetwork": "network",
    "ZeroLossPath": "paths",
    "zero_loss_path": "paths",
    "plot_graph": "plots",
    "plot_ratio": "plots",
    "Proof": "proving",
    "list_proofs": "proving",
    "proof_names": "proving",
    "run_all_proofs": "proving",
    "run_proof": "proving",
    "ZERO_TYPES": "readings",
    "describe_zero_type": "readings",
    "generate_report": "report",
    "write_report": "report",
    "EGF_VARIABLE": "species",
    "NonEmptySet": "species",
    "Power": "species",
    "Product": "species",
    "Set": "species",
    "SetOf": "species",
    "Species": "species",
    "closed_form_coefficient": "species",
    "coefficient": "species",
    "critical_species": "species",
    "global_minimum_species": "species",
    "StirlingS2": "stirling",
    "stirling2": "stirling",
    "AffineSubspace": "subspaces",
    "critical_subspaces": "subspaces",
    "global_minimum_subspaces": "subspaces",
    "Certificate": "verify",
    "certify_completeness": "verify",
    "certify_criticality": "verify",
    "certify_function_identity": "verify",
    "certify_maximality": "verify",
    "certify_zero_type_noncriticality": "verify",
    "verify_all": "verify",
    "which_subspaces": "verify",
}


def __getattr__(name: str):
    from importlib import import_module
    from importlib.util import find_spec

    module = _LAZY.get(name)
    if module is not None:
        value = getattr(import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
    if not name.startswith("__") and find_spec(f"{__name__}.{name}") is not None:
        return import_module(f".{name}", __name__)  # a sub-module, as after an eager import
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list:
    return sorted(set(globals()) | set(__all__))
