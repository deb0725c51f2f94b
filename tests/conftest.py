"""Shared test configuration: hypothesis profiles sized for a 2-core machine.

Profiles: ``ci`` (default: bounded, derandomized so CI is repeatable),
``dev`` (more examples), ``thorough`` (many examples, for a long local run).
Choose one with ``HYPOTHESIS_PROFILE=dev pytest``.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
