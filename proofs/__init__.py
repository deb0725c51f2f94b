r"""Machine-checked proofs of the counting claims of :mod:`symbolic_minima`.

One module per claim (``symbolic-minima prove --list`` prints the current list):

``t_singletons``
    :math:`T_{R1}(r,m)=\sum_j(-1)^j\binom rj(r+1-j)^m=r!\,S(m+1,r+1)`, EGF :math:`e^x(e^x-1)^r`
``t_groups``
    :math:`T_{R2}(r,m)=\sum_k\binom mk B_k\,r!\,S(m-k,r)` (and Dobinski form), EGF :math:`(e^x-1)^re^{e^x-1}`
``g_critical``
    :math:`G(r,m)=\sum_j(-1)^j\binom rj(r-j)^m=r!\,S(m,r)`, EGF :math:`(e^x-1)^r`
``relation_zero_type_sum_singletons``
    :math:`T_{R1}(r,m)=\sum_k\binom mk G(r,m-k)`
``relation_zero_type_sum_groups``
    :math:`T_{R2}(r,m)=\sum_k\binom mk B_k\,G(r,m-k)`
``relation_shift``
    :math:`T_{R1}(r,m)=G(r+1,m+1)/(r+1)`
``asymptotics``
    :math:`T_{R1}(r,m)\sim(r+1)^m`, :math:`G(r,m)\sim r^m` (explicit error bounds)
``asymptotics_groups``
    :math:`T_{R2}(r,m)\sim B_{m+r}` (no exponential rate in R2)
``small_values``
    the small values and table of the mathematical reference ('Small values'), by induction

Each module defines ``NAME``, ``CLAIM``, ``READING`` and
``prove(max_r=5, extra_m=5, enumeration_limit=150000) -> symbolic_minima.proving.Proof``
and prints a one-line verdict and a LaTeX fragment (``-o FILE`` to write it) when run:

* ``symbolic-minima prove <name>`` (anywhere the package is installed);
* ``python -m proofs.<name>`` from the repository root;
* ``python -m symbolic_minima._proofs.<name>`` where the package is installed from a wheel.

``python proofs/<name>.py`` is not supported: the proof modules import each other
relatively (``from . import _common as C``), which needs a package, and they
never edit the interpreter's import path to fake one.

This folder is a package of the repository, not a top-level module of an install:
the wheel ships it inside the package as ``symbolic_minima._proofs``, and a source
checkout or editable install loads the folder under that same name
(:func:`symbolic_minima.proving.proofs_package`).  Proof modules therefore import
one another relatively and the package absolutely (``from symbolic_minima.proving
import Proof``).  The registry is :func:`symbolic_minima.proving.list_proofs`; the
command line is ``symbolic-minima prove``.  Modules whose name starts with ``_`` hold
shared helpers and are not proofs.
"""
