"""The ``marsad`` command: thin click adapters over the library.

Each domain has its own module here (``extract``, ``gazetteer``, ``store``,
``reconcile``, ``publish``); each registers its commands on :data:`cli`.
Adapters parse options, call one library function and map errors: a
:class:`~marsad.errors.MarsadError` becomes ``Error: …`` on stderr and a
non-zero exit. Heavy libraries are imported inside the commands, so
``marsad --help`` stays fast.
"""

from __future__ import annotations

import importlib
import sys

import click

from marsad import __version__
from marsad.errors import MarsadError

COMMAND_MODULES = ("extract", "gazetteer", "store", "reconcile", "publish", "train", "serve")


class MarsadGroup(click.Group):
    """A click group that turns marsad errors into clean non-zero exits."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _exit_interrupted()
        except MarsadError as error:
            if _interrupted(error):
                _exit_interrupted()
            click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_code)
        except Exception as error:
            if _interrupted(error):  # Ctrl-C inside a database driver call
                _exit_interrupted()
            raise


def _interrupted(error: BaseException) -> bool:
    from marsad.store.db import caused_by_interrupt

    return caused_by_interrupt(error)


def _exit_interrupted() -> None:
    click.echo("Interrupted: work finished so far is kept; run the same command again to resume.", err=True)
    sys.exit(130)


@click.group(cls=MarsadGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """marsad: conflict monitoring and casualty documentation.

    \b
    Example:
        marsad extract report.txt --published 2018-11-10 --source SOHR
    """


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"marsad.cli.{name}")


def main(argv: list[str] | None = None) -> None:
    _register_commands()
    cli.main(args=argv, prog_name="marsad")
