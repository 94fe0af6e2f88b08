"""A trainable event-type classifier that works together with the rules.

TF-IDF word n-grams plus the rules' own verdict (a feature token such as
``__rule_armed_clash``) go into a logistic regression, so a model learns from a
coded archive where the rules are right and where its coders differ.

* ``marsad train events.csv -o model.joblib`` trains one on a user's own
  ACLED-layout archive (:func:`train_from_csv`); such a model is *primary*: it
  decides every event type.
* The model shipped in ``marsad/data/models/`` is trained only on examples
  written for this project (``marsad/data/training/*.jsonl``; rebuild it with
  ``scripts/build_event_model.py``). It is a *fallback*: it decides only where
  no rule fires.

Model files are joblib pickles: load only files you made or trust.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.extract.event_types import EventTyping, load_rules

FORMAT_VERSION = 1
TEXT_COLUMNS = ("notes", "text")
LABEL_COLUMN = "sub_event_type"
# ACLED appends the coder's fatality remark in brackets; it is not evidence of the type.
_CODER_REMARK = re.compile(r"\s*\[(?:size|fatalities|[^\]]{0,40}coded)[^\]]*\]\s*$", re.I)


def rule_token(sub_event_type: str) -> str:
    return "__rule_" + re.sub(r"\W+", "_", sub_event_type.lower()).strip("_")


def model_input(text: str, rules=None) -> str:
    """The text the model reads: the passage plus the rules' verdict on it."""
    rules = rules or load_rules()
    typed = rules.classify(text)
    return f"{text} {rule_token(typed.sub_event_type)}"


@dataclass
class EventModel:
    pipeline: Any  # a fitted sklearn Pipeline
    authority: str = "primary"  # "primary": the model decides; "fallback": only where no rule fires
    meta: dict[str, Any] = field(default_factory=dict)
    threshold: float = 0.0

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        rules = load_rules()
        inputs = [model_input(text, rules) for text in texts]
        probabilities = self.pipeline.predict_proba(inputs)
        classes = self.pipeline.classes_
        return [(str(classes[row.argmax()]), float(row.max())) for row in probabilities]

    def combine(self, text: str, typed: EventTyping, event_type_of: dict[str, str]) -> EventTyping:
        if self.authority == "fallback" and typed.confidence >= 0.85:
            return typed
        label, probability = self.predict([text])[0]
        if label not in event_type_of or probability < self.threshold:
            return typed
        return EventTyping(event_type_of[label], label, f"event_model:{self.meta.get('name', 'model')}", probability,
                           typed.evidence)


def train_model(texts: Iterable[str], labels: Iterable[str], *, authority: str = "primary", name: str = "model",
                seed: int = 0) -> EventModel:
    """Fit a model on passages and their ACLED sub-event types."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts, labels = list(texts), list(labels)
    known = set(load_rules().event_type_of)
    unknown = sorted({label for label in labels if label not in known})
    if unknown:
        raise InputError(f"unknown sub-event types {unknown[:5]}: use ACLED's wording (see docs/schema.md)")
    if len(set(labels)) < 2:
        raise InputError("training needs at least two different sub-event types")
    rules = load_rules()
    inputs = [model_input(text, rules) for text in texts]
    pipeline = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, lowercase=True, token_pattern=r"(?u)\b\w[\w-]*\b"),
        LogisticRegression(C=8.0, max_iter=2000, class_weight=None, random_state=seed),
    )
    pipeline.fit(inputs, labels)
    # Only needed for introspection; dropping them makes the file byte-for-byte reproducible.
    vectorizer = pipeline.steps[0][1]
    for attribute in ("stop_words_", "_stop_words_id"):  # the latter is a memory address
        if hasattr(vectorizer, attribute):
            delattr(vectorizer, attribute)
    meta = {"name": name, "format": FORMAT_VERSION, "examples": len(texts), "classes": sorted(set(labels)),
            "rules_version": rules.version}
    return EventModel(pipeline=pipeline, authority=authority, meta=meta)


def read_training_csv(path: str | Path) -> tuple[list[str], list[str]]:
    """Passages and sub-event types from an ACLED-layout CSV (``notes`` or
    ``text`` column, and ``sub_event_type``). Rows without either are skipped."""
    path = Path(path)
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from error
    texts: list[str] = []
    labels: list[str] = []
    with handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        text_column = next((c for c in TEXT_COLUMNS if c in columns), None)
        if text_column is None or LABEL_COLUMN not in columns:
            raise InputError(f"{path}:1: needs a 'notes' (or 'text') column and a '{LABEL_COLUMN}' column; "
                             f"found {', '.join(columns) or 'no header'}")
        try:
            for row in reader:
                text, label = (row.get(text_column) or "").strip(), (row.get(LABEL_COLUMN) or "").strip()
                if text and label:
                    texts.append(_CODER_REMARK.sub("", text))
                    labels.append(label)
        except UnicodeDecodeError as error:
            raise InputError(f"{path}:{reader.line_num}: not UTF-8 text ({error.reason})") from error
    if not texts:
        raise InputError(f"{path}: no rows with both a text and a sub-event type")
    return texts, labels


def train_from_csv(path: str | Path, output: str | Path, *, seed: int = 0) -> EventModel:
    """Train on an ACLED-layout CSV and write the model to ``output``."""
    texts, labels = read_training_csv(path)
    model = train_model(texts, labels, name=Path(path).name, seed=seed)
    save_model(model, output)
    return model


def save_model(model: EventModel, path: str | Path) -> None:
    import joblib

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"format": FORMAT_VERSION, "pipeline": model.pipeline, "authority": model.authority,
                 "meta": model.meta, "threshold": model.threshold}, path, compress=3)


def load_model(path: str | Path) -> EventModel:
    import joblib

    path = Path(path)
    if not path.is_file():
        raise InputError(f"event model {path} does not exist; train one with: marsad train events.csv -o {path}")
    try:
        payload = joblib.load(path)
    except Exception as error:  # a truncated or foreign file: say which one
        raise InputError(f"{path} is not a marsad event model ({error.__class__.__name__})") from error
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_VERSION:
        raise InputError(f"{path} is not a marsad event model of format {FORMAT_VERSION}; retrain it with marsad train")
    return EventModel(pipeline=payload["pipeline"], authority=payload.get("authority", "primary"),
                      meta=payload.get("meta", {}), threshold=payload.get("threshold", 0.0))


def shipped_model_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("marsad.data").joinpath("models").joinpath("event_types.joblib")))
