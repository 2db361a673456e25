"""The entry point of the ``bicorpus`` program.

Ctrl-C while the program is still loading its modules ends it at once with one line and exit
130, as Ctrl-C does once a command runs: nothing has started, so nothing was changed."""

from __future__ import annotations

import os
import signal
from types import FrameType


def _interrupted_while_loading(signum: int, frame: FrameType | None) -> None:
    os.write(2, b"Interrupted: nothing was changed.\n")
    os._exit(130)


def main() -> None:
    """Run the ``bicorpus`` command line (:func:`bicorpus.cli.main`)."""
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupted_while_loading)
    from .cli import main as cli_main

    if previous is signal.default_int_handler:
        signal.signal(signal.SIGINT, previous)
    cli_main()
