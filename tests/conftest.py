"""Settings shared by every test."""

import os

from hypothesis import settings

# Property tests check behaviour, not speed (speed is measured in bench/): no per-example time
# limit, which a busy machine or the first example's loading of a data table would overrun.
settings.register_profile("bicorpus", deadline=None)
# Under CI the examples come from a fixed seed, so a run there gives what the same commit gives
# here; runs elsewhere draw new examples each time and keep exploring.
settings.register_profile("bicorpus-ci", deadline=None, derandomize=True)
settings.load_profile("bicorpus-ci" if os.environ.get("CI") else "bicorpus")
