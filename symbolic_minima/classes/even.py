r"""The even class with :math:`\sigma(0)\neq0` (Gaussian, cosh): signed replicas with plain sums.

Zero loss: classes :math:`\{v,-v\}` with plain sums :math:`\sum a_j`; :math:`w=0`
is an ordinary class (the constant) and must sum to 0.  Critical:
:math:`w_j=\pm w_i`, :math:`\sum a_j=a_i`; :math:`w=0` is never critical.
EGFs: R1 :math:`(e^{2x}-1)^re^x`, R2 :math:`(e^{2x}-1)^re^{(e^{2x}-1)/2}`,
critical :math:`(e^{2x}-1)^r` (proved in ``proofs/class_even.py``).

>>> from symbolic_minima.readings import critical_reading
>>> critical_reading("gaussian").species(2).count(3)
48
"""

from ..activation_classes import ActivationClass, register_activation_class
from ..readings import register_class_readings
from ..roles import SIGNED_CRITICAL_REPLICA_PLAIN, SIGNED_REPLICA_PLAIN, SIGNED_ZERO_SUM_PLAIN, ZERO_TYPE

__all__ = ["EVEN", "READINGS"]

EVEN = register_activation_class(ActivationClass(
    "even", zero_at_origin=False, signs="plain",
    zero_loss_rule="classes {v, -v} with plain sums sum a_j; w = 0 is an ordinary class (the constant) "
                   "and must sum to 0",
    critical_rule="w_j = +-w_i with sum a_j = a_i; w = 0 is never critical",
    examples=("gaussian", "cosh"),
))
READINGS = register_class_readings(
    "even", SIGNED_REPLICA_PLAIN, (ZERO_TYPE,), (ZERO_TYPE, SIGNED_ZERO_SUM_PLAIN), SIGNED_CRITICAL_REPLICA_PLAIN, (),
    notes="even sigma with sigma(0) != 0: signed neurons with plain sums",
)
