r"""The class :math:`\sigma(0)=0` (e.g. :math:`e^z-1`): dead and parked neurons.

Zero loss: as generic, but a neuron with :math:`w_j=0` is *dead*, its
:math:`a_j` free.  Critical: :math:`w_j=w_i`, or *parked*
:math:`(w_j,a_j)=(0,0)` (a point: :math:`\partial L/\partial w_j=a_j\sigma'(0)E[ex]\neq0`
when :math:`a_j\neq0`).  EGFs: R1 :math:`(e^x-1)^re^{2x}`, R2
:math:`(e^x-1)^re^{e^x-1}e^x`, critical :math:`(e^x-1)^re^x` (proved in
``proofs/class_zero_at_origin.py``).

>>> from symbolic_minima.readings import get_reading
>>> [get_reading(z, "zero-at-origin").species(1).count(3) for z in ("R1", "R2")]
[19, 22]
"""

from ..activation_classes import ActivationClass, register_activation_class
from ..readings import register_class_readings
from ..roles import CRITICAL_REPLICA, DEAD, PARKED, REPLICA, ZERO_SUM, ZERO_TYPE

__all__ = ["ZERO_AT_ORIGIN", "READINGS"]

ZERO_AT_ORIGIN = register_activation_class(ActivationClass(
    "zero-at-origin", zero_at_origin=True, signs=None,
    zero_loss_rule="as generic, but a neuron with w_j = 0 is dead: a_j free",
    critical_rule="w_j = w_i, or parked (w_j, a_j) = (0, 0)",
    examples=("exp-minus-one",),
))
READINGS = register_class_readings(
    "zero-at-origin", REPLICA, (ZERO_TYPE, DEAD), (ZERO_TYPE, ZERO_SUM, DEAD), CRITICAL_REPLICA, (PARKED,),
    notes="sigma(0) = 0: dead neurons w_j = 0 with a_j free; parked critical neurons",
)
