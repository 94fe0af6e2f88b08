"""CLI: ``marsad train`` (thin adapter over marsad.extract.event_model)."""

from __future__ import annotations

from pathlib import Path

import click

from marsad.cli import cli


@cli.command()
@click.argument("events_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("event-model.joblib"),
              show_default=True, help="Where to write the trained model.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (same data + seed = same model).")
@click.option("--word-vectors/--no-word-vectors", default=True, show_default=True,
              help="Add pretrained word vectors: better on text unlike your archive, a little worse on text like it.")
def train(events_csv: Path, output: Path, seed: int, word_vectors: bool) -> None:
    """Train the event-type model on your own coded archive.

    EVENTS_CSV is an ACLED-layout CSV with a 'notes' (or 'text') column and a
    'sub_event_type' column in ACLED's wording. The model reads each note and
    the rules' verdict on it; use it with 'marsad extract --model' (or set
    MARSAD_EVENT_MODEL). Each event's confidence is the model's calibrated
    probability. Model files are pickles: load only your own.

    \b
    Example:
        marsad train coded-2023.csv -o model.joblib
        marsad extract report.txt --model model.joblib
    """
    from marsad.extract.event_model import train_from_csv

    model = train_from_csv(events_csv, output, seed=seed, word_vectors=word_vectors)
    classes = model.meta.get("classes", [])
    click.echo(f"Trained on {model.meta['examples']:,} notes, {len(classes)} sub-event types; wrote {output}")
