"""``marsad train --from-reviews``: the event-type model learns from the
types people verified or corrected, scored on a held-back part."""

from __future__ import annotations

from datetime import date, timedelta

from click.testing import CliRunner

from marsad import model as m
from tests.reconcile.helpers import span_of


def _report(index: int, shelling: bool) -> tuple[str, m.Extraction]:
    day = date(2019, 1, 1) + timedelta(days=index)
    town = f"Kafr Nabudah {index}"
    lead = "The Zilzal barrage hit" if shelling else "A Sukhoi raid hit"  # words the rules do not know
    text = f"{town}, {day:%d %B %Y}. {lead} the houses of {town} at dawn, residents said."
    event = m.Event(id="E1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", event_date=day,
                    date=m.DateValue(day, day, 1), location=town, admin1="Hama", country="Syria",
                    span=span_of(text, lead))  # the machine calls everything an air strike
    return text, m.Extraction(document_id=f"d{index}", published=day, source="Monitor A", language="en", events=[event],
                              pipeline={"name": "marsad-test", "version": "test-1"})


def test_train_from_reviews_reports_before_and_after(tmp_path):
    from sqlalchemy import select

    from marsad.cli import (
        _register_commands,
        cli,
        main,  # noqa: F401  (registers the commands)
    )
    from marsad.review.service import decide_fact
    from marsad.store import open_database
    from marsad.store.models import Event
    from tests.reconcile.helpers import store

    url = f"sqlite:///{tmp_path / 'marsad.sqlite'}"
    db = open_database(url)
    with db.transaction() as session:
        for index in range(40):
            store(session, _report(index, shelling=index % 2 == 1))
    with db.transaction() as session:
        for event in session.scalars(select(Event).order_by(Event.id)):
            if "Zilzal" in event.span_text:
                decide_fact(session, "event", event.id, "correct", user="r", role="reviewer",
                            values={"sub_event_type": "Shelling/artillery/missile attack"})
            else:
                decide_fact(session, "event", event.id, "confirm", user="r", role="reviewer")
    _register_commands()
    output = tmp_path / "reviewed.joblib"
    result = CliRunner().invoke(cli, ["train", "--from-reviews", "-o", str(output), "--database", url])
    assert result.exit_code == 0, result.output
    assert "Trained on 40 reviewed events (20 corrected types)" in result.output
    before, after = [float(x) for x in result.output.split("accuracy ")[1].split(" after")[0].split(" before → ")]
    assert after > before and after == 1.0
    assert output.exists()
