r"""The even class with :math:`\sigma(0)=0` (log cosh): signed replicas, plain sums, dead neurons.

Zero loss: classes :math:`\{v,-v\}`, plain sums; :math:`w=0` dead.  Critical:
:math:`w_j=\pm w_i`, or :math:`w_j=0` with :math:`a_j` free (:math:`\sigma(0)=\sigma'(0)=0`).
EGFs: R1 :math:`(e^{2x}-1)^re^{2x}`, R2 :math:`(e^{2x}-1)^re^{(e^{2x}-1)/2}e^x`,
critical :math:`(e^{2x}-1)^re^x` (proved in ``proofs/class_even_zero_at_origin.py``).

>>> from symbolic_minima.readings import get_reading
>>> get_reading("R1", "logcosh").species(1).count(2)
12
"""

from ..activation_classes import ActivationClass, register_activation_class
from ..readings import register_class_readings
from ..roles import DEAD, SIGNED_CRITICAL_REPLICA_PLAIN, SIGNED_REPLICA_PLAIN, SIGNED_ZERO_SUM_PLAIN, ZERO_TYPE

__all__ = ["EVEN_ZERO_AT_ORIGIN", "READINGS"]

EVEN_ZERO_AT_ORIGIN = register_activation_class(ActivationClass(
    "even-zero-at-origin", zero_at_origin=True, signs="plain",
    zero_loss_rule="classes {v, -v}, plain sums; w = 0 is dead",
    critical_rule="w_j = +-w_i, or w_j = 0 with a_j free (sigma'(0) = 0)",
    examples=("logcosh",),
))
READINGS = register_class_readings(
    "even-zero-at-origin", SIGNED_REPLICA_PLAIN, (ZERO_TYPE, DEAD), (ZERO_TYPE, SIGNED_ZERO_SUM_PLAIN, DEAD),
    SIGNED_CRITICAL_REPLICA_PLAIN, (DEAD,),
    notes="even sigma with sigma(0) = 0: signed neurons with plain sums; dead neurons",
)
