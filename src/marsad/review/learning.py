"""Reviewed facts feed learning: the event-type model retrained on the events
people verified or corrected, scored before and after on a held-back part.

The examples are the sentences that state each reviewed event (the type in
force: a correction's, else the machine's verified one). One example in
:data:`HELD_BACK` (chosen by a hash of its key, so the split is stable) is
kept out of training; the current model (``configured_model``: the shipped
one unless ``--model``/``MARSAD_EVENT_MODEL`` says otherwise) and the
retrained one are both scored on it. Training itself is
``marsad.extract.event_model.train_model``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from marsad.errors import InputError

if TYPE_CHECKING:
    from marsad.extract.event_model import EventModel

HELD_BACK = 5  # one in five
MIN_EXAMPLES = 10


@dataclass
class Example:
    key: str
    text: str
    label: str
    corrected: bool


@dataclass
class RetrainResult:
    examples: int
    corrected: int
    held_back: int
    before: float | None  # accuracy of the current model on the held-back part
    after: float | None
    model: EventModel  # the model trained on every example

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "model"}


def reviewed_examples(session) -> list[Example]:
    from sqlalchemy import select

    from marsad.extract.text import normalise, split_sentences
    from marsad.review.models import FactReview
    from marsad.store.models import Document, Event

    query = (select(FactReview, Event, Document.text).join(Event, Event.id == FactReview.fact_id)
             .join(Document, Document.id == Event.document_id)
             .where(FactReview.kind == "event", FactReview.status.in_(("verified", "corrected"))).order_by(FactReview.id))
    out = []
    for review, event, text in session.execute(query):
        label = (review.values or {}).get("sub_event_type") or event.sub_event_type
        start = event.span_start or 0
        sentence = next(((s, e) for s, e in split_sentences(normalise(text)) if s <= start < e), (0, len(text)))
        out.append(Example(review.fact_key, text[sentence[0]:sentence[1]], label,
                           review.status == "corrected" and label != review.machine.get("sub_event_type")))
    return out


def held_back(key: str) -> bool:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % HELD_BACK == 0


def retrain_from_reviews(session, *, seed: int = 0) -> RetrainResult:
    from marsad.extract.event_model import train_model

    examples = reviewed_examples(session)
    if len(examples) < MIN_EXAMPLES:
        raise InputError(f"Only {len(examples)} reviewed events: verify or correct at least {MIN_EXAMPLES} in the newsroom first.")
    test = [e for e in examples if held_back(e.key)]
    train = [e for e in examples if not held_back(e.key)]
    before = after = None
    if test and len({e.label for e in train}) >= 2:
        before = _accuracy(_current_predictions([e.text for e in test]), test)
        trial = train_model([e.text for e in train], [e.label for e in train], name="reviews", seed=seed)
        after = _accuracy([label for label, _ in trial.predict([e.text for e in test])], test)
    model = train_model([e.text for e in examples], [e.label for e in examples], name="reviews", seed=seed)
    return RetrainResult(len(examples), sum(e.corrected for e in examples), len(test), before, after, model)


def _current_predictions(texts: list[str]) -> list[str]:
    """What extraction types these passages as today (rules, then the configured model)."""
    from marsad.extract.event_types import load_rules
    from marsad.extract.events import configured_model

    rules = load_rules()
    model = configured_model()
    out = []
    for text in texts:
        typed = rules.classify(text)
        if model is not None:
            typed = model.combine(text, typed, rules.event_type_of)
        out.append(typed.sub_event_type)
    return out


def _accuracy(predicted: list[str], examples: list[Example]) -> float:
    return round(sum(p == e.label for p, e in zip(predicted, examples)) / len(examples), 3)
