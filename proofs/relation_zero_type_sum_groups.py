r"""The zero-type sum in reading R2: :math:`T_{R2}(r,m)=\sum_k\binom mk B_k\,G(r,m-k)`.

A global-minimum labelling is the choice of the k zero neurons, their grouping
into zero-type neurons and zero-sum groups (a set partition, Bell(k) ways), and
a surjective (critical) labelling of the other m-k neurons: the species identity
(zero part) x (critical species), the binomial convolution of EGF coefficients,
checked exactly against the package's G, the EGF, the recurrence, enumeration,
and the bijection itself on every enumerated labelling.

Run ``python -m proofs.relation_zero_type_sum_groups [-o FILE]``.
"""

from __future__ import annotations

import sys

from symbolic_minima.proving import proof_main

from . import _common as C
from . import _zero_type_sum as Z

NAME = "relation_zero_type_sum_groups"
READING = C.R2
CLAIM = "T_R2(r,m) = sum_k C(m,k) Bell(k) G(r,m-k)"

__all__ = ["NAME", "READING", "CLAIM", "prove"]

prove = Z.proof_for(NAME, CLAIM, READING)


def main(argv=None) -> int:
    return proof_main(prove, argv, NAME)


if __name__ == "__main__":
    sys.exit(main())
