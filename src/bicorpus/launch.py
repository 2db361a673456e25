"""The entry point of the ``bicorpus`` program.

Ctrl-C while the program is still loading its modules ends it at once with one line and exit
130, as Ctrl-C does once a command runs: nothing has started, so nothing was changed.  Ctrl-C
once the command has ended, while Python shuts down, ends the program at once with the command's
own exit status: its work is done and its output written."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
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
    status: int | str | None = 0
    try:
        cli_main()
    except SystemExit as done:
        status = done.code
        raise
    except BaseException:
        status = 1
        raise
    finally:
        if previous is signal.default_int_handler:
            signal.signal(signal.SIGINT, _ended_with(status))


def _ended_with(status: int | str | None) -> Callable[[int, FrameType | None], None]:
    """A Ctrl-C handler for the shutdown after a command: exit at once with its status."""
    code = status if isinstance(status, int) else (0 if status is None else 1)

    def handler(signum: int, frame: FrameType | None) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)

    return handler
