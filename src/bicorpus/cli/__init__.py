"""The ``bicorpus`` command line: a thin layer over the library, one module per command group."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..errors import BicorpusError


class _Group(click.Group):
    """Turns every :class:`BicorpusError` into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BicorpusError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(1)


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
    from . import export_cmds, ingest_cmds, names_cmds, search_cmds

    for module in (ingest_cmds, names_cmds, search_cmds, export_cmds):
        for command in getattr(module, "COMMANDS", ()):
            main.add_command(command)


_register()
