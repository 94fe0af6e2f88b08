"""CLI commands for the store domain (thin adapters over marsad.store and marsad.ingest):
``init``, ``ingest``, ``documents list``, ``events list``, ``sources``."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

import click

from marsad.cli import cli
from marsad.cli.batch import scheduler_option, workers_option

DATABASE_HELP = (
    "Database URL (sqlite:///file.sqlite or postgresql://user@host/db); default: MARSAD_DATABASE_URL, "
    "else a SQLite file in the marsad data directory. Only `marsad init` creates a database at a URL you give."
)


def _existing_database(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Only ``marsad init`` creates a database: a mistyped SQLite path given to
    any other command must not silently become a new, empty database. (The
    default database in the data directory is created on first use.)"""
    if not value:
        return value
    from marsad.store.db import sqlite_path

    path = sqlite_path(value)
    if path is not None and not path.expanduser().exists():
        raise click.BadParameter(
            f"the database {path} does not exist. Check the path (--database or MARSAD_DATABASE_URL), "
            f"or create it with: marsad init --database {value}", ctx=ctx, param=param,
        )  # fmt: skip
    return value


database_option = click.option(
    "--database", "database_url", metavar="URL", envvar="MARSAD_DATABASE_URL", callback=_existing_database,
    help=DATABASE_HELP,
)  # fmt: skip
init_database_option = click.option(
    "--database", "database_url", metavar="URL", envvar="MARSAD_DATABASE_URL", help=DATABASE_HELP
)
format_option = click.option(
    "--format", "output_format", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)


class DateParam(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2018-11-10.", param, ctx)


DATE = DateParam()


def emit_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], output_format: str) -> None:
    """Print rows as an aligned table, JSON (a list of objects) or CSV."""
    if output_format == "json":
        click.echo(json.dumps([{c: row.get(c) for c in columns} for row in rows], default=str, ensure_ascii=False, indent=2))
        return
    if output_format == "csv":
        from marsad import csvsafe

        writer = csvsafe.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: "" if row.get(c) is None else row.get(c) for c in columns})
        return
    if not rows:
        click.echo("(nothing found)", err=True)
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for line in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip())


def _check_source(session, source: str | None) -> None:
    """An empty listing filtered by a source marsad does not know is a typo:
    name it, and the close known sources, instead of "(nothing found)"."""
    if not source:
        return
    import difflib

    from marsad.errors import InputError
    from marsad.store import repository as repo

    if repo.find_source(session, source) is not None:
        return
    names = [s.name for s in repo.list_sources(session)]
    close = difflib.get_close_matches(source, names, n=5, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise InputError(f"--source {source!r}: no such source.{hint} List the sources with `marsad sources`.")


def _cell(value: Any, limit: int = 60) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cli.command()
@init_database_option
def init(database_url: str | None) -> None:
    """Create the marsad database (or upgrade it to the current schema).

    \b
    Example:
        marsad init
        marsad init --database postgresql://marsad@db.example.org/marsad
    """
    from marsad.store.db import migrate, open_database

    db = open_database(database_url, migrate_schema=False)
    try:
        heads = migrate(db.engine)
    finally:
        db.dispose()
    click.echo(f"Database ready: {db.safe_url()} (schema revision {', '.join(heads)})")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--source", help="Source of documents that do not name one (created if new).")
@click.option("--reliability", type=click.Choice(list("ABCDEF"), case_sensitive=False),
              help="Admiralty reliability grade of --source (A completely reliable … F cannot be judged).")  # fmt: skip
@click.option("--confidential/--not-confidential", default=None, help="Mark --source confidential (never published).")
@click.option("--published", type=DATE, help="Publication date of the documents (overrides their own).")
@click.option("--text-column", default="text", show_default=True, help="CSV column with the report text.")
@click.option("--date-column", help="CSV column with the publication date (default: published or date).")
@click.option("--id-column", default="id", show_default=True, help="CSV column with the document id.")
@click.option("--url-column", default="url", show_default=True, help="CSV column with the URL.")
@click.option("--no-extract", is_flag=True, help="Only archive the documents; do not extract facts.")
@click.option("--reextract", is_flag=True, help="Extract already stored documents again (a new pipeline version adds a run).")
@click.option("--any-language", is_flag=True, help="Archive documents in any language (extraction reads English).")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
              help="Documents per transaction (each document is stored whole or not at all).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Form of the end summary.")  # fmt: skip
@workers_option
@scheduler_option
@database_option
def ingest(paths, source, reliability, confidential, published, text_column, date_column, id_column, url_column,
           no_extract, reextract, any_language, batch_size, progress, output_format, workers, scheduler,
           database_url) -> None:  # fmt: skip
    """Archive reports (text, HTML, RSS/Atom, JSON Lines, CSV; files, directories,
    globs) and extract their facts. Already stored texts are skipped; a new text
    at a known URL becomes a new version. Exits 1 if any document failed.

    \b
    Examples:
        marsad ingest reports/ --source SOHR --reliability B
        marsad ingest bulletin.txt --source SOHR --published 2018-11-10
        marsad ingest feed.xml
        marsad ingest archive.jsonl
        marsad ingest export.csv --text-column body --date-column date
        marsad ingest archive/ --source SOHR --workers 2
        marsad ingest archive/ --source SOHR --scheduler tcp://10.0.0.5:8786
    """
    from marsad.ingest.readers import CsvOptions
    from marsad.ingest.service import IngestOptions, ingest_paths
    from marsad.store.db import open_database

    if (reliability or confidential is not None) and not source:
        raise click.UsageError("--reliability and --confidential grade a source: name it with --source.")
    options = IngestOptions(
        source=source, reliability=reliability.upper() if reliability else None, confidential=confidential,
        published=published, extract=not no_extract, reextract=reextract,
        languages=None if any_language else ("en",), batch_size=batch_size,
        csv=CsvOptions(text_column=text_column, date_column=date_column, id_column=id_column, url_column=url_column),
    )  # fmt: skip
    db = open_database(database_url)
    try:
        show = sys.stderr.isatty() if progress is None else progress
        if workers or scheduler:
            from marsad.batch import ingest_sharded, make_executor

            if scheduler:  # remote workers do not share this directory: name the files absolutely
                paths = [os.path.abspath(path) for path in paths]
            with make_executor(workers, scheduler) as executor:
                summary = ingest_sharded(db, paths, options, executor, progress=show)
        else:
            summary = ingest_paths(db, paths, options, progress=show)
    finally:
        db.dispose()
    _print_summary(summary, output_format)
    if summary.failed:
        sys.exit(1)


def _print_summary(summary, output_format: str) -> None:
    if output_format == "json":
        click.echo(json.dumps(summary.to_dict(), indent=2, default=str))
        return
    facts = ", ".join(f"{n} {kind}" for kind, n in summary.facts.items())
    click.echo(
        f"{summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged, "
        f"{summary.reextracted} re-extracted, {summary.failed} failed ({facts})"
    )
    for failure in summary.failures:
        click.echo(f"  failed [{failure.stage}] {failure.message}", err=True)


@cli.group()
def documents() -> None:
    """Archived documents.

    \b
    Example:
        marsad documents list --since 2018-11-01
    """


@documents.command("list")
@click.option("--since", type=DATE, help="Published on or after this date.")
@click.option("--until", type=DATE, help="Published on or before this date.")
@click.option("--source", help="Only this source.")
@click.option("--all-versions", is_flag=True, help="Include superseded versions.")
@click.option("--limit", type=int, default=None, help="At most this many rows.")
@format_option
@database_option
def documents_list(since, until, source, all_versions, limit, output_format, database_url) -> None:
    """List archived documents, newest first, with their current fact counts.

    \b
    Example:
        marsad documents list --since 2018-11-01 --format csv
    """
    from marsad.store.db import open_database
    from marsad.store.listing import DOCUMENT_COLUMNS, document_rows

    db = open_database(database_url)
    try:
        with db.reader() as session:
            rows = document_rows(session, since=since, until=until, source=source,
                                 include_superseded=all_versions, limit=limit)  # fmt: skip
            if not rows:
                _check_source(session, source)
    finally:
        db.dispose()
    emit_rows(rows, DOCUMENT_COLUMNS, output_format)


@documents.command("failures")
@click.option("--all", "show_all", is_flag=True, help="Include failures resolved by a later ingest.")
@format_option
@database_option
def documents_failures(show_all, output_format, database_url) -> None:
    """List documents that could not be ingested, with the reason.

    \b
    Example:
        marsad documents failures --format json
    """
    from marsad.store import repository as repo
    from marsad.store.db import open_database

    db = open_database(database_url)
    try:
        with db.reader() as session:
            rows = [
                {"origin": f.origin, "stage": f.stage, "error": f.error, "at": f.created_at, "resolved": f.resolved_at}
                for f in repo.list_failures(session, unresolved_only=not show_all)
            ]
    finally:
        db.dispose()
    emit_rows(rows, ("origin", "stage", "error", "at", "resolved"), output_format)


@cli.group()
def events() -> None:
    """Events extracted from the archived documents (latest run of each).

    \b
    Example:
        marsad events list --place "Deir ez-Zor" --from 2018-09-10 --to 2018-11-10
    """


@events.command("list")
@click.option("--place", help="Location, admin area or cited place (spelling-tolerant).")
@click.option("--from", "date_from", type=DATE, help="Events on or after this date.")
@click.option("--to", "date_to", type=DATE, help="Events on or before this date.")
@click.option("--source", help="Only events reported by this source.")
@click.option("--limit", type=int, default=None, help="At most this many rows.")
@format_option
@database_option
def events_list(place, date_from, date_to, source, limit, output_format, database_url) -> None:
    """List events in date order with their evidence.

    \b
    Example:
        marsad events list --place "Deir ez-Zor" --from 2018-09-10 --to 2018-11-10 --format json
    """
    from marsad.store.db import open_database
    from marsad.store.listing import EVENT_COLUMNS, check_place, event_rows

    db = open_database(database_url)
    try:
        with db.reader() as session:
            rows = event_rows(session, place=place, date_from=date_from, date_to=date_to, source=source, limit=limit)
            if not rows:
                _check_source(session, source)
                check_place(session, place, option="--place")
    finally:
        db.dispose()
    emit_rows(rows, EVENT_COLUMNS, output_format)


@cli.command()
@click.option("--add", "name", metavar="NAME", help="Create or update this source.")
@click.option("--reliability", type=click.Choice(list("ABCDEF"), case_sensitive=False), help="Admiralty grade.")
@click.option("--confidential/--not-confidential", default=None, help="Never publish its name, URL or text.")
@format_option
@database_option
def sources(name, reliability, confidential, output_format, database_url) -> None:
    """List sources with their reliability grade, or add/update one.

    \b
    Examples:
        marsad sources
        marsad sources --add "Local network" --reliability C --confidential
    """
    from marsad.store import repository as repo
    from marsad.store.db import open_database
    from marsad.store.listing import SOURCE_COLUMNS, source_rows

    db = open_database(database_url)
    try:
        with db.transaction() as session:
            if name:
                repo.get_or_create_source(session, name, reliability=reliability, confidential=confidential)
                session.flush()
            rows = source_rows(session)
    finally:
        db.dispose()
    emit_rows(rows, SOURCE_COLUMNS, output_format)
