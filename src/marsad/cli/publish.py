"""CLI commands for the publish domain (thin adapters over marsad.publish):
``report``, ``chart``, ``map``, ``export`` and ``import acled``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from marsad.cli import cli
from marsad.cli.store import DATE, database_option


def _check_area(session, area: str | None) -> None:
    """An --area that names no stored place is an error, not an empty output."""
    from marsad.store.listing import check_place

    check_place(session, area)

LAYOUT_NAMES = ("acled", "ucdp-ged", "geojson", "parquet", "jsonl")


def scope_options(function):
    function = click.option("--area", help='Place or area, matched spelling-tolerantly (e.g. "Deir ez-Zor").')(function)
    function = click.option("--to", "date_to", type=DATE, help="Last day of the period (inclusive).")(function)
    function = click.option("--from", "date_from", type=DATE, help="First day of the period.")(function)
    return function


def _scope(date_from, date_to, area):
    from marsad.publish.records import Scope

    if date_from and date_to and date_from > date_to:
        raise click.BadParameter(f"--from {date_from} is after --to {date_to}.")
    return Scope(date_from=date_from, date_to=date_to, area=area)


REPORT_SUFFIXES = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "pdf": "pdf"}


def _format_from_suffix(out: Path, given: str | None) -> str:
    """The bulletin format: --format, else the -o suffix. A suffix marsad
    cannot write (x.docx) is refused rather than filled with Markdown."""
    suffix = out.suffix.lower().lstrip(".")
    implied = REPORT_SUFFIXES.get(suffix)
    if suffix and implied is None:
        raise click.BadParameter(
            f"marsad cannot write a .{suffix} bulletin: name the file .md, .html or .pdf "
            f"(e.g. -o {out.with_suffix('.pdf').name}).", param_hint="'-o' / '--output'",
        )  # fmt: skip
    if given and implied and given != implied:
        raise click.BadParameter(f"--format {given} does not match the file name {out.name}: use -o "
                                 f"{out.with_suffix('.' + given).name} or drop --format.", param_hint="'--format'")  # fmt: skip
    return given or implied or "md"


@cli.command()
@scope_options
@click.option("--format", "output_format", type=click.Choice(["md", "html", "pdf"]),
              help="Output format (default: from the -o suffix, else md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@click.option("--public", is_flag=True, help="Public edition: confidential sources are counted but never named or quoted.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own copy of bulletin.md.j2 or bulletin.html.j2 (see marsad/publish/templates).")
@database_option
def report(date_from, date_to, area, output_format, output, public, template, database_url) -> None:
    """Write a casualty bulletin for a period and area (Markdown, HTML or PDF).

    Every figure is footnoted to the report and the words that state it.

    \b
    Example:
        marsad report --from 2018-09-10 --to 2018-11-10 --area "Deir ez-Zor" --format pdf -o bulletin.pdf
    """
    from marsad.publish.render import write_bulletin
    from marsad.publish.report import build_bulletin
    from marsad.store import open_database

    db = open_database(database_url)
    with db.reader() as session:
        bulletin = build_bulletin(session, _scope(date_from, date_to, area), public=public)
        if not bulletin.evidence:
            _check_area(session, area)
    path = write_bulletin(bulletin, _format_from_suffix(output, output_format), output, template=template)
    click.echo(f"Wrote {path} ({len(bulletin.figures())} figures, {len(bulletin.evidence)} evidence notes)", err=True)


@cli.command()
@click.argument("measure", type=click.Choice(["deaths"]))
@click.option("--by", type=click.Choice(["perpetrator", "event-type", "area", "country"]), default="perpetrator",
              show_default=True, help="Stack the bars by this.")
@click.option("--daily", "frequency", flag_value="daily", help="One bar per day.")
@click.option("--weekly", "frequency", flag_value="weekly", default=True, help="One bar per week (default).")
@click.option("--monthly", "frequency", flag_value="monthly", help="One bar per month.")
@scope_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Image file: .png, .svg or .pdf.")
@database_option
def chart(measure, by, frequency, date_from, date_to, area, output, database_url) -> None:
    """Draw a chart of deaths over time, stacked by perpetrator, event type or area.

    \b
    Example:
        marsad chart deaths --by perpetrator --weekly -o deaths.png
        marsad chart deaths --by area --monthly --from 2018-01-01 -o deaths.svg
    """
    from marsad.publish.charts import draw_deaths_chart
    from marsad.publish.records import iter_event_records
    from marsad.store import open_database

    db = open_database(database_url)
    with db.reader() as session:
        _check_area(session, area)
        records = iter_event_records(session, _scope(date_from, date_to, area))
        path = draw_deaths_chart(records, output, by=by, frequency=frequency)
    click.echo(f"Wrote {path}", err=True)


@cli.command("map")
@scope_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Image file: .png, .svg or .pdf.")
@click.option("--title", help="Map title.")
@database_option
def map_command(date_from, date_to, area, output, title, database_url) -> None:
    """Map the incidents of a period on an offline basemap (Natural Earth borders).

    \b
    Example:
        marsad map --from 2018-09-10 --to 2018-11-10 --area "Deir ez-Zor" -o map.png
    """
    from marsad.publish.maps import draw_incident_map
    from marsad.publish.records import iter_event_records
    from marsad.store import open_database

    db = open_database(database_url)
    with db.reader() as session:
        _check_area(session, area)
        records = iter_event_records(session, _scope(date_from, date_to, area))
        path = draw_incident_map(records, output, title=title)
    click.echo(f"Wrote {path}", err=True)


@cli.command()
@click.option("--layout", type=click.Choice(LAYOUT_NAMES), default="acled", show_default=True,
              help="acled and ucdp-ged follow those codebooks; geojson, parquet and jsonl use marsad's columns.")
@scope_options
@click.option("-o", "--output", default="-", show_default=True, help="File to write; - is standard output (not for parquet).")
@click.option("--public", is_flag=True, help="Redact sources marked confidential: no names, URLs or quoted text.")
@database_option
def export(layout, date_from, date_to, area, output, public, database_url) -> None:
    """Export the stored events in ACLED, UCDP GED, GeoJSON, Parquet or JSON Lines layout.

    Events are streamed: memory does not grow with their number.

    \b
    Example:
        marsad export --layout acled -o events.csv
        marsad export --layout ucdp-ged --from 2018-01-01 --public -o ged.csv
    """
    from marsad.errors import InputError
    from marsad.publish.export import export_events
    from marsad.store import open_database

    if output == "-" and layout == "parquet":
        raise InputError("Parquet is binary: give a file name with -o events.parquet.")
    db = open_database(database_url)
    with db.reader() as session:
        _check_area(session, area)
        target = sys.stdout if output == "-" else output
        count = export_events(session, layout, target, scope=_scope(date_from, date_to, area), public=public)
    click.echo(f"Exported {count} events ({layout}{', public' if public else ''})", err=True)


@cli.group("import")
def import_group() -> None:
    """Import coded event datasets (kept field for field, exported back unchanged)."""


@import_group.command("acled")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, help="Import at most this many rows.")
@database_option
def import_acled_command(path, limit, database_url) -> None:
    """Import an ACLED-layout CSV as coded events (its text or notes become the documents).

    \b
    Example:
        marsad import acled acled_syria_2022.csv
        marsad export --layout acled -o roundtrip.csv
    """
    from marsad.publish.acled_import import import_acled
    from marsad.store import open_database

    db = open_database(database_url)
    with db.transaction() as session:
        summary = import_acled(session, path, limit=limit)
    click.echo(f"{summary.new} new, {summary.unchanged} unchanged, {len(summary.failed)} failed", err=True)
    for failure in summary.failed:
        click.echo(f"  failed: {failure}", err=True)
    if summary.failed:
        sys.exit(1)
