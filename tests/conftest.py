"""Settings shared by every test."""

from hypothesis import settings

# Property tests check behaviour, not speed (speed is measured in bench/): no per-example time
# limit, which a busy machine or the first example's loading of a data table would overrun.
settings.register_profile("bicorpus", deadline=None)
settings.load_profile("bicorpus")
