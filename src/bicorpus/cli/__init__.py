"""The ``bicorpus`` command line: a thin layer over the library, one module per command group."""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

import click

from ..errors import BicorpusError, Interrupted, printable


class _Group(click.Group):
    """Turns errors into one line on stderr and a non-zero exit, never a traceback.

    A :class:`BicorpusError` or a usage error (a missing argument, ``--limit 0``) exits 1; an
    unexpected exception exits 3 with its type and message (set ``BICORPUS_DEBUG=1`` to see the
    traceback); Ctrl-C exits 130; output cut short by its reader (``bicorpus search X | head``)
    ends quietly with 141, as if killed by SIGPIPE; output that cannot be written (a full disk,
    ``> /dev/full``) is one line and exit 1.  File names in messages are printed with control
    characters escaped."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk under standard output shows here, not at exit
            return result
        except Interrupted as err:
            click.echo(f"Interrupted: {printable(str(err))}", err=True)
            sys.exit(130)
        except BicorpusError as err:
            _error(str(err))
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(141)
        except click.exceptions.UsageError as err:
            _error(err.format_message())
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except RecursionError:
            _error("the input is nested too deeply to read (a query or a corpus row)")
            sys.exit(1)
        except OSError as err:
            if err.errno in _OUTPUT_ERRNOS:
                _silence_stdout()
                _error(f"cannot write the output: {err.strerror or err}")
                sys.exit(1)
            _internal(err)
        except Exception as err:
            _internal(err)


#: Errors of writing the output whose cause lies outside bicorpus (full disk, quota, size limit).
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _error(message: str) -> None:
    click.echo(f"Error: {printable(message)}", err=True)


def _internal(err: Exception) -> None:
    if os.environ.get("BICORPUS_DEBUG"):
        raise err
    message = " ".join(str(err).split()) or "no details"
    _error(f"internal error ({type(err).__name__}: {message}); set BICORPUS_DEBUG=1 for details")
    sys.exit(3)


def _silence_stdout() -> None:
    """Points standard output at the null device, so flushing it at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test runner's buffer)
        pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bicorpus")
def main() -> None:
    """Search a bilingual Arabic + English collection of pages by the names in it.

    \b
    Example:
        bicorpus ingest seeds/
        bicorpus search Nusra
    """


def _register() -> None:
    from . import export_cmds, ingest_cmds, maintenance_cmds, names_cmds, search_cmds, workbench_cmds

    for module in (ingest_cmds, names_cmds, search_cmds, workbench_cmds, export_cmds, maintenance_cmds):
        for command in getattr(module, "COMMANDS", ()):
            main.add_command(command)


_register()
