"""CLI: ``marsad train`` (thin adapter over marsad.extract.event_model)."""

from __future__ import annotations

from pathlib import Path

import click

from marsad.cli import cli
from marsad.cli.store import database_option


@cli.command()
@click.argument("events_csv", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("event-model.joblib"),
              show_default=True, help="Where to write the trained model.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (same data + seed = same model).")
@click.option("--from-reviews", is_flag=True,
              help="Train on the events people verified or corrected in the newsroom; report before/after on a held-back fifth.")
@click.option("--word-vectors/--no-word-vectors", default=True, show_default=True,
              help="Add pretrained word vectors: better on text unlike your archive, a little worse on text like it.")
@database_option
def train(events_csv: Path | None, output: Path, seed: int, from_reviews: bool, word_vectors: bool, database_url) -> None:
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
        marsad train --from-reviews -o reviewed.joblib
    """
    if from_reviews:
        return _train_from_reviews(output, seed, database_url)
    if events_csv is None:
        raise click.UsageError("Give EVENTS_CSV, or --from-reviews to train on the newsroom's reviewed events.")
    from marsad.extract.event_model import train_from_csv

    model = train_from_csv(events_csv, output, seed=seed, word_vectors=word_vectors)
    classes = model.meta.get("classes", [])
    click.echo(f"Trained on {model.meta['examples']:,} notes, {len(classes)} sub-event types; wrote {output}")


def _train_from_reviews(output: Path, seed: int, database_url) -> None:
    from marsad.extract.event_model import save_model
    from marsad.review.learning import retrain_from_reviews
    from marsad.store import open_database

    with open_database(database_url).reader() as session:
        result = retrain_from_reviews(session, seed=seed)
    save_model(result.model, output)
    score = ("not scored (too few examples held back)" if result.before is None
             else f"held-back accuracy {result.before:.3f} before → {result.after:.3f} after ({result.held_back} events)")
    click.echo(f"Trained on {result.examples:,} reviewed events ({result.corrected} corrected types); {score}; wrote {output}")
