"""ACLED benchmark: the extractor on 9,000 real ACLED notes (2022 H1).

Each note goes through ``extract_many`` exactly as a user's report would: the
text alone, no publication date and no gold field (the note states its own
date). The first event of each document (the main one) is compared with the
row's ACLED coding:

* fatalities exact match (all rows; rows whose gold fatalities are above zero),
* sub-event type accuracy and weighted F1,
* event date exact match,
* actor1 match (ACLED naming, regime periods such as "(2000-)" and sub-units
  ignored; also "same actor class", where the country is not compared),
* location match (accents, case and an "al-" prefix ignored),
* throughput (docs/s) and peak memory (max RSS).

Then the shipped extractor's accuracy country by country, and ``marsad train``
as a user would run it: two folds (random halves), leaving whole countries out
(5 folds grouped by country), and trained on all notes then scored on UCDP
headlines (another kind of text), each with and without word vectors.

Usage: python bench/acled.py [--limit N] [--no-train] [--no-write]
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "acled-2022h1" / "events.csv"
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ad-|the)[\s-]+", re.I)


def place_key(name) -> str:
    if not isinstance(name, str):
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\(.*?\)|\s-\s.*$", "", text)
    text = re.sub(r"['`’‘ʿʾ]", "", text)
    text = _ARTICLE.sub("", text.strip())
    return re.sub(r"[\s-]+", " ", text).strip()


def location_match(ours, gold) -> bool:
    a, b = place_key(ours), place_key(gold)
    return bool(a and b) and (a == b or a in b.split(" ") or b in a)


def actor_class(key: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*$|\s+of\s+.*$", "", key)


def run_extraction(frame) -> tuple[list, float, float]:
    from marsad.extract.pipeline import extract_many

    docs = ({"id": str(row.event_id_cnty), "text": row.text} for row in frame.itertuples())
    started, cpu_started = time.perf_counter(), time.process_time()
    firsts = [(x.events[0] if x.events else None) for x in extract_many(docs)]
    return firsts, time.perf_counter() - started, time.process_time() - cpu_started


def score(frame, firsts) -> dict:
    from sklearn.metrics import f1_score

    from marsad.extract.actors import acled_actor_name, actor_key

    gold_sub = list(frame.sub_event_type)
    ours_sub = [e.sub_event_type if e else "none" for e in firsts]
    fatal_gold = list(frame.fatalities.fillna(0).astype(int))
    fatal_ours = [e.fatalities if e else 0 for e in firsts]
    positive = [i for i, f in enumerate(fatal_gold) if f > 0]
    dates_ours = [e.event_date.isoformat() if e and e.event_date else "" for e in firsts]
    actor_strict, actor_loose = [], []
    for event, gold in zip(firsts, frame.actor1):
        ours = actor_key(acled_actor_name(event.actor1, event.country)) if event and event.actor1 else ""
        gold_key = actor_key(str(gold))
        actor_strict.append(ours == gold_key)
        actor_loose.append(actor_class(ours) == actor_class(gold_key) and bool(ours))
    n = len(frame)
    return {
        "rows": n,
        "fatal_all": sum(a == b for a, b in zip(fatal_ours, fatal_gold)) / n,
        "fatal_pos": sum(fatal_ours[i] == fatal_gold[i] for i in positive) / max(1, len(positive)),
        "fatal_pos_rows": len(positive),
        "sub_acc": sum(a == b for a, b in zip(ours_sub, gold_sub)) / n,
        "sub_f1": f1_score(gold_sub, ours_sub, average="weighted", zero_division=0),
        "type_acc": sum((e.event_type if e else "") == g for e, g in zip(firsts, frame.event_type)) / n,
        "date": sum(a == str(b)[:10] for a, b in zip(dates_ours, frame.event_date)) / n,
        "actor1": sum(actor_strict) / n,
        "actor1_class": sum(actor_loose) / n,
        "location": sum(location_match(e.location if e else None, g) for e, g in zip(firsts, frame.location)) / n,
        "no_event": sum(e is None for e in firsts) / n,
    }


UCDP = DATA.parents[1] / "ucdp-ged-syria-2016" / "events.csv"
# UCDP types of violence, and the ACLED event types that describe the same kind of event.
UCDP_KIND = {1: "organised armed violence", 2: "organised armed violence", 3: "one-sided violence"}
ACLED_KIND = {"Battles": "organised armed violence", "Explosions/Remote violence": "organised armed violence",
              "Violence against civilians": "one-sided violence"}


def _typings(texts) -> list:
    from marsad.extract.event_types import load_rules

    rules = load_rules()
    return [rules.classify(text) for text in texts]


def _fit(frame, rows, typings, embedding_weight: float):
    from marsad.extract.event_model import train_model

    return train_model(frame.text.iloc[rows], frame.sub_event_type.iloc[rows], name="bench",
                       typings=[typings[i] for i in rows], embedding_weight=embedding_weight, calibrate=False)


def _predict(model, texts, typings) -> list[str]:
    probabilities = model.probabilities(list(texts), list(typings))
    return [model.classes[int(row.argmax())] for row in probabilities]


def _scores(gold, predicted) -> dict:
    from sklearn.metrics import f1_score

    return {"acc": sum(a == b for a, b in zip(gold, predicted)) / len(gold),
            "f1": f1_score(gold, predicted, average="weighted", zero_division=0)}


def trained_models(frame, seed: int = 0) -> dict:
    """``marsad train`` as a user would run it: two folds (random halves), and
    leaving whole countries out (5 folds grouped by country: the model never
    saw the held-out countries' notes), with and without word vectors; then
    trained on all notes and scored on UCDP headlines (another kind of text)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    started = time.perf_counter()
    typings = _typings(frame.text)
    gold = list(frame.sub_event_type)
    order = np.random.RandomState(seed).permutation(len(frame))
    half = len(frame) // 2
    random_folds = [(order[:half], order[half:]), (order[half:], order[:half])]
    country_folds = list(GroupKFold(5).split(frame, groups=frame.country))
    out: dict = {}
    for weight, name in ((0.0, "tfidf"), (1.0, "tfidf+wordllama")):
        for split, folds in (("two_fold", random_folds), ("countries_out", country_folds)):
            predicted = [""] * len(frame)
            for train_rows, test_rows in folds:
                model = _fit(frame, train_rows, typings, weight)
                for i, label in zip(test_rows, _predict(model, frame.text.iloc[test_rows], [typings[j] for j in test_rows])):
                    predicted[i] = label
            out[(split, name)] = _scores(gold, predicted)
        out[("ucdp", name)] = ucdp_transfer(_fit(frame, np.arange(len(frame)), typings, weight))
    out["seconds"] = time.perf_counter() - started
    return out


def ucdp_headlines():
    import pandas as pd

    ucdp = pd.read_csv(UCDP).dropna(subset=["source_headline"])
    return list(ucdp.source_headline), [UCDP_KIND[int(t)] for t in ucdp.type_of_violence]


def ucdp_transfer(model) -> dict:
    """Type UCDP headlines with ``model``; UCDP's type of violence is compared
    with the kind of event the ACLED type names (battles and remote violence are
    organised armed violence, UCDP 1-2; violence against civilians is one-sided,
    UCDP 3). Protests, riots and strategic developments count as wrong."""
    from marsad.extract.event_types import event_type_for

    texts, kinds = ucdp_headlines()
    predicted = _predict(model, texts, _typings(texts))
    ours = [ACLED_KIND.get(event_type_for(label), "other") for label in predicted]
    return {"acc": sum(a == b for a, b in zip(ours, kinds)) / len(kinds), "rows": len(kinds),
            "other": sum(k == "other" for k in ours) / len(kinds)}


def shipped_on_ucdp() -> dict:
    """The shipped extractor (rules + written-examples model) on the same headlines."""
    from marsad.extract.pipeline import extract_many

    texts, kinds = ucdp_headlines()
    firsts = [x.events[0] if x.events else None for x in extract_many({"id": str(i), "text": t} for i, t in enumerate(texts))]
    ours = [ACLED_KIND.get(e.event_type, "other") if e else "other" for e in firsts]
    return {"acc": sum(a == b for a, b in zip(ours, kinds)) / len(kinds), "rows": len(kinds),
            "other": sum(k == "other" for k in ours) / len(kinds)}


def by_country(frame, firsts, minimum: int = 50) -> dict:
    """The shipped extractor's accuracy country by country (its rules and model
    were never fitted to these notes; this shows the spread across countries)."""
    import numpy as np

    hits = np.array([(e.sub_event_type if e else "") == g for e, g in zip(firsts, frame.sub_event_type)])
    scores = {country: float(hits[(frame.country == country).values].mean())
              for country, n in frame.country.value_counts().items() if n >= minimum}
    values = sorted(scores.values())
    worst = min(scores, key=scores.get)
    return {"countries": len(scores), "macro": float(np.mean(values)), "median": float(np.median(values)),
            "worst": (worst, scores[worst])}


def markdown(s: dict, docs_per_s: float, docs_per_cpu_s: float, peak_mb: float, folds: dict | None,
             countries: dict | None = None, shipped_ucdp: dict | None = None) -> str:
    lines = [
        "## ACLED 2022 H1 (`bench/acled.py`)",
        "",
        f"{s['rows']:,} ACLED notes (column `text`, no publication date, no gold field passed); "
        "the first event of each document is compared with the row's coding.",
        "",
        "| measure | value | floor |",
        "|---|---|---|",
        f"| fatalities exact, all rows | {s['fatal_all']:.3f} | 0.93 |",
        f"| fatalities exact, {s['fatal_pos_rows']:,} rows with fatalities > 0 | {s['fatal_pos']:.3f} | 0.80 |",
        f"| sub-event type accuracy | {s['sub_acc']:.3f} | 0.85 |",
        f"| sub-event type weighted F1 | {s['sub_f1']:.3f} | |",
        f"| event type accuracy | {s['type_acc']:.3f} | |",
        f"| event date exact | {s['date']:.3f} | 0.95 |",
        f"| actor1 match (ACLED name; period and sub-unit ignored) | {s['actor1']:.3f} | |",
        f"| actor1 same class (country not compared) | {s['actor1_class']:.3f} | |",
        f"| location match | {s['location']:.3f} | |",
        f"| documents without any event | {s['no_event']:.3f} | |",
        f"| throughput (wall clock, one process) | {docs_per_s:.0f} docs/s | 100 |",
        f"| throughput per CPU second (less sensitive to other load) | {docs_per_cpu_s:.0f} docs/s | |",
        f"| peak memory (max RSS) | {peak_mb:.0f} MB | |",
    ]
    if countries:
        lines += [
            "",
            f"The shipped extractor country by country ({countries['countries']} countries with at least 50 notes): "
            f"mean accuracy {countries['macro']:.3f}, median {countries['median']:.3f}, lowest "
            f"{countries['worst'][1]:.3f} ({countries['worst'][0]}).",
        ]
    if folds:
        lines += [
            "",
            "`marsad train` on these notes (TF-IDF of the note and the rules' verdict, optionally WordLlama word vectors; "
            "logistic regression). Two folds = random halves; countries out = 5 folds grouped by country, so every "
            "note is scored by a model that never saw a note from its country (the honest generalisation estimate). "
            "UCDP = trained on all 9,000 notes, scored on the UCDP GED Syria 2016 headlines (another kind of text; "
            "UCDP's type of violence against the ACLED type's kind: battles and remote violence = UCDP 1-2, violence "
            "against civilians = UCDP 3, any other type counts as wrong).",
            "",
            "| features | two folds: accuracy / weighted F1 | countries out: accuracy / weighted F1 | UCDP headlines: kind of violence right (typed as protest/riot/strategic) |",
            "|---|---|---|---|",
        ]
        for name in ("tfidf", "tfidf+wordllama"):
            two, out, ucdp = folds[("two_fold", name)], folds[("countries_out", name)], folds[("ucdp", name)]
            lines.append(f"| {name} | {two['acc']:.3f} / {two['f1']:.3f} | {out['acc']:.3f} / {out['f1']:.3f} | "
                         f"{ucdp['acc']:.3f} ({ucdp['other']:.3f}) |")
        if shipped_ucdp:
            lines.append(f"| shipped extractor (not trained on ACLED) | | | {shipped_ucdp['acc']:.3f} "
                         f"({shipped_ucdp['other']:.3f}) |")
        lines += ["", f"Training and scoring all of these took {folds['seconds']:.0f} s (shared machine)."]
    return "\n".join(lines)


def speed_line(texts: list[str], cpu_seconds: float) -> str:
    """Characters per CPU second next to one plain regex pass (``\\w+``) over the same texts, in this run."""
    started = time.process_time()
    sum(1 for text in texts for _ in re.finditer(r"\w+", text))
    chars, regex_cpu = sum(map(len, texts)), time.process_time() - started
    return (f"\nSpeed: {chars / cpu_seconds:,.0f} characters per CPU second end to end (start-up included); one "
            f"plain regex pass over the same texts: {chars / regex_cpu:,.0f} ({cpu_seconds / regex_cpu:.0f}× faster).")


def main(argv: list[str] | None = None) -> None:
    import pandas as pd

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-train", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not DATA.exists():
        sys.exit(f"{DATA} not found: the benchmark needs ../shared beside the checkout")
    frame = pd.read_csv(DATA)
    if args.limit:
        frame = frame.head(args.limit)
    firsts, seconds, cpu_seconds = run_extraction(frame)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scores = score(frame, firsts)
    countries = by_country(frame, firsts)
    folds = None if args.no_train else trained_models(frame)
    shipped_ucdp = None if args.no_train or not UCDP.exists() else shipped_on_ucdp()
    text = markdown(scores, len(frame) / seconds, len(frame) / cpu_seconds, peak_mb, folds, countries, shipped_ucdp)
    text += "\n" + speed_line([str(t) for t in frame.text], cpu_seconds)
    print(text)
    if not args.no_write and not args.limit:
        write_section("acled", text)


if __name__ == "__main__":
    main()
