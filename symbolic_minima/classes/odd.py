r"""The odd class (tanh, erf, sinh): signed replicas, weighted sums, dead and parked neurons.

Zero loss: classes :math:`\{v,-v\}`; a neuron :math:`w_j=s_jv` contributes
:math:`s_ja_j`, so the sums are :math:`\sum s_ja_j`; :math:`w=0` is dead.
Critical: :math:`w_j=\pm w_i` with :math:`\sum s_j\lambda_j=1`, or parked.
EGFs: R1 :math:`(e^{2x}-1)^re^{2x}`, R2 :math:`(e^{2x}-1)^re^{(e^{2x}-1)/2}e^x`,
critical :math:`(e^{2x}-1)^re^x` (proved in ``proofs/class_odd.py``).
The width-``r`` teacher has :math:`r!\,2^r` isolated zero-loss points.

>>> from symbolic_minima.readings import get_reading
>>> get_reading("R1", "odd").species(1).count(2), get_reading("R1", "odd").species(2).count(2)
(12, 8)
"""

from ..activation_classes import ActivationClass, register_activation_class
from ..readings import register_class_readings
from ..roles import DEAD, PARKED, SIGNED_CRITICAL_REPLICA_ODD, SIGNED_REPLICA_ODD, SIGNED_ZERO_SUM_ODD, ZERO_TYPE

__all__ = ["ODD", "READINGS"]

ODD = register_activation_class(ActivationClass(
    "odd", zero_at_origin=True, signs="odd",
    zero_loss_rule="classes {v, -v}; a neuron w_j = s_j v contributes s_j a_j, so the sums are sum s_j a_j; "
                   "w = 0 is dead",
    critical_rule="w_j = +-w_i with sum s_j a_j = a_i, or parked (0, 0)",
    examples=("tanh", "erf", "sinh"),
))
READINGS = register_class_readings(
    "odd", SIGNED_REPLICA_ODD, (ZERO_TYPE, DEAD), (ZERO_TYPE, SIGNED_ZERO_SUM_ODD, DEAD),
    SIGNED_CRITICAL_REPLICA_ODD, (PARKED,),
    notes="odd sigma: signed neurons w_j = s_j v with sums of s_j a_j; dead and parked neurons",
)
