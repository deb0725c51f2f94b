r"""The generic activation class (the paper's setting; the default).

Zero-loss rule: student neurons are grouped by incoming vector; a teacher
vector's group sums to :math:`a^*_i`, every other group (including
:math:`v=0`, the constant :math:`\sigma(0)`) sums to 0.  Critical rule:
:math:`w_j=w_i`.  Its readings are the built-in ones of
:mod:`symbolic_minima.readings` (R1 :math:`e^x(e^x-1)^r`, R2
:math:`(e^x-1)^re^{e^x-1}`, critical :math:`(e^x-1)^r`).
"""

from ..activation_classes import ActivationClass, register_activation_class
from ..readings import CRITICAL_READING, GROUPS, SINGLETONS

__all__ = ["GENERIC_CLASS", "READINGS"]

GENERIC_CLASS = register_activation_class(ActivationClass(
    "generic", zero_at_origin=False, signs=None,
    zero_loss_rule="classes {v}; a teacher's class sums to a*_i, every other class (v = 0 included) sums to 0",
    critical_rule="w_j = w_i",
    examples=("exp", "sigmoid4+softplus"),
))
READINGS = (SINGLETONS, GROUPS, CRITICAL_READING)
