"""Hypothesis profiles: ``ci`` (the default: few examples, the same ones every run) and ``fuzz`` (long, random;
``make fuzz``). Choose with ``VARIORUM_HYPOTHESIS_PROFILE``. No profile has a deadline: timings belong in bench/."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# The suite's autouse fixtures only redirect data folders; nothing they set changes between examples.
_QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]

settings.register_profile("ci", max_examples=25, derandomize=True, database=None, deadline=None,
                          suppress_health_check=_QUIET, print_blob=True)
settings.register_profile("fuzz", max_examples=3000, deadline=None, suppress_health_check=_QUIET,
                          print_blob=True)
settings.load_profile(os.environ.get("VARIORUM_HYPOTHESIS_PROFILE", "ci"))
