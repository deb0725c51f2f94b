r"""Machine-checked proofs of the counting claims of :mod:`symbolic_minima`.

One module per claim; each defines ``NAME``, ``CLAIM``, ``READING`` and
``prove(max_r=5, extra_m=5, enumeration_limit=...) -> symbolic_minima.proving.Proof``
and runs as ``python -m proofs.<name>`` (or ``python proofs/<name>.py``),
printing a one-line verdict and a LaTeX fragment (``-o FILE`` to write it).
The registry is :func:`symbolic_minima.proving.list_proofs`; the command line
is ``symbolic-minima prove``.

Modules whose name starts with ``_`` hold shared helpers and are not proofs.
"""
