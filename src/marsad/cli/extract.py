"""``marsad extract``: thin adapter over :func:`marsad.extract.batch.extract_inputs`."""

from __future__ import annotations

import os
import sys
from datetime import date

import click

from marsad.cli import cli
from marsad.cli.batch import scheduler_option, workers_option
from marsad.errors import InputError

FORMATS = ("table", "json", "jsonl", "acled-csv")


def _parse_date(_ctx, _param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD.") from None


@cli.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: readable summary; json/jsonl: the full machine form (docs/schema.md); "
                   "acled-csv: one ACLED-layout row per event.")
@click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date of the report(s); relative dates are computed from it. "
                   "Without it, it is inferred from the text.")
@click.option("--source", help="Publisher of the report(s), e.g. SOHR.")
@click.option("--any-language", is_flag=True, help="Extract even from texts not detected as English.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of stdout.")
@click.option("--model", type=click.Path(dir_okay=False), default=None,
              help="Event-type model from 'marsad train' (your own coded archive) instead of the shipped one.")
@workers_option
@scheduler_option
@click.option("--progress/--no-progress", default=None,
              help="Documents/s, ETA and failures on stderr with --workers/--scheduler (default: when stderr is a terminal).")
def extract_command(inputs, output_format, published, source, any_language, output, model, workers, scheduler,
                    progress):  # fmt: skip
    """Extract incidents, casualty counts, places and actors from reports.

    INPUTS are text, HTML, JSON Lines ({id, text, published?, source?} per
    line), JSON, CSV or feed files, globs, or - for standard input. Documents
    that cannot be read are reported on stderr (file and line) and the others
    are still processed; the exit status is non-zero if any failed.

    \b
    Examples:
        marsad extract report.txt --published 2018-11-10 --source SOHR
        marsad extract reports.jsonl --format jsonl > facts.jsonl
        marsad extract report.html --format acled-csv > events.csv
        cat report.txt | marsad extract -
        marsad extract big.jsonl --format jsonl --workers 2 > facts.jsonl
    """
    from marsad.batch.executors import make_executor
    from marsad.extract.batch import FailedDocument, extract_inputs
    from marsad.extract.output import render_table, write_acled_csv, write_json

    if model:
        from marsad.extract.events import use_event_model

        use_event_model(model)

    if (workers or scheduler) and "-" in inputs:
        raise click.UsageError("standard input cannot be shared out to workers; write it to a file, or drop --workers.")
    if scheduler:  # remote workers do not share this directory: name the files absolutely
        inputs = tuple(os.path.abspath(item) for item in inputs)
    failures: list[str] = []
    executor = make_executor(workers, scheduler) if workers or scheduler else None

    def results(render=None):
        if executor is None:
            return extract_inputs(inputs, published=published, source=source, any_language=any_language)
        from marsad.batch import extract_sharded

        show = sys.stderr.isatty() if progress is None else progress
        return extract_sharded(inputs, executor, published=published, source=source, any_language=any_language,
                               model=model, progress=show, render=render)  # fmt: skip

    def failed(result) -> bool:
        if isinstance(result, FailedDocument):
            failures.append(result.message)
            click.echo(f"Error: {result.message}", err=True)
            return True
        return False

    def extractions():
        for result in results():
            if not failed(result):
                yield result.extraction

    try:
        if output_format == "jsonl" and executor is not None:
            from marsad.batch.work import jsonl_line

            for result in results(render=jsonl_line):  # workers send the lines, this process only writes them
                if not failed(result):
                    output.write(result)
        elif output_format in ("json", "jsonl"):
            write_json(extractions(), output, lines=output_format == "jsonl")
        elif output_format == "acled-csv":
            write_acled_csv(extractions(), output)
        else:
            for extraction in extractions():
                output.write(render_table(extraction))
                output.write("\n")
    finally:
        if executor is not None:
            executor.close()
    output.flush()
    if failures:
        total = len(failures)
        raise InputError(f"{total} document{'s' if total > 1 else ''} could not be extracted (see the messages above).")
