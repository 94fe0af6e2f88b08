"""Options shared by the commands that can spread work over Dask workers."""

from __future__ import annotations

import click

workers_option = click.option(
    "--workers", type=click.IntRange(1, 1024), default=None,
    help="Extract on a local Dask cluster of this many processes (needs pip install 'marsad[dask]').",
)  # fmt: skip
scheduler_option = click.option(
    "--scheduler", metavar="tcp://HOST:8786", default=None,
    help="Extract on an existing Dask cluster; its workers need marsad installed and the input files at the same paths.",
)  # fmt: skip
