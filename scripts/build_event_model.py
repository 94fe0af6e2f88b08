"""Rebuild the shipped event-type model from the examples written for marsad.

1. Expands ``src/marsad/data/training/templates.jsonl`` with the slot values in
   ``slots.yaml`` (seeded, so the same files give the same examples) into
   ``examples.jsonl``: about 120 sentences per ACLED sub-event type.
2. Adds the hand-written, paraphrase-rich examples of ``written.tsv`` (news
   snippets and monitor notes, with each type's hard neighbours). Each class's
   written examples weigh as much, together, as its template sentences.
3. Trains the model (TF-IDF + rules' verdict + WordLlama word vectors, logistic
   regression, temperature-calibrated; see ``marsad.extract.event_model``) and
   writes ``src/marsad/data/models/event_types.joblib`` as a *hybrid* model: it
   decides where no rule states what happened, and overrules a rule only with
   probability >= ``--override``.

No coded dataset (ACLED, UCDP) is read. Usage::

    python scripts/build_event_model.py [--per-class 120] [--seed 7] [--override 0.8]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from collections import defaultdict
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data"
TRAINING = DATA / "training"
MODEL = DATA / "models" / "event_types.joblib"
_SLOT = re.compile(r"\{(\w+)\}")


def expand(templates: list[dict], slots: dict[str, list[str]], per_class: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    by_class: dict[str, list[str]] = defaultdict(list)
    for item in templates:
        by_class[item["sub_event_type"]].append(item["template"])
    examples = []
    for sub in sorted(by_class):
        variants = math.ceil(per_class / len(by_class[sub]))
        for template in by_class[sub]:
            seen: set[str] = set()
            for _ in range(variants * 4):
                text = _SLOT.sub(lambda m: rng.choice(slots[m.group(1)]), template)
                text = text[0].upper() + text[1:]
                if text not in seen:
                    seen.add(text)
                    examples.append({"text": text, "sub_event_type": sub})
                if len(seen) >= variants:
                    break
    return examples


def written_examples() -> list[dict]:
    rows = []
    for line in (TRAINING / "written.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append({"text": text.strip(), "sub_event_type": label.strip()})
    return rows


def training_set(per_class: int, seed: int, write: bool = True) -> tuple[list[str], list[str], list[float]]:
    """Texts, labels and weights: expanded templates plus the written examples."""
    templates = [json.loads(line) for line in (TRAINING / "templates.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    slots = yaml.safe_load((TRAINING / "slots.yaml").read_text(encoding="utf-8"))
    examples = expand(templates, slots, per_class, seed)
    if write:
        with (TRAINING / "examples.jsonl").open("w", encoding="utf-8") as out:
            for example in examples:
                out.write(json.dumps(example, ensure_ascii=False) + "\n")
    written = written_examples()
    expanded = defaultdict(int)
    for example in examples:
        expanded[example["sub_event_type"]] += 1
    hand = defaultdict(int)
    for example in written:
        hand[example["sub_event_type"]] += 1
    weights = [1.0] * len(examples) + [max(1.0, expanded[e["sub_event_type"]] / hand[e["sub_event_type"]])
                                       for e in written]
    rows = examples + written
    return [e["text"] for e in rows], [e["sub_event_type"] for e in rows], weights


def main(argv: list[str] | None = None) -> None:
    from marsad.extract.event_model import save_model, train_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-class", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--override", type=float, default=0.8)
    parser.add_argument("--embedding-weight", type=float, default=1.0)
    args = parser.parse_args(argv)
    texts, labels, weights = training_set(args.per_class, args.seed)
    model = train_model(texts, labels, weights=weights, authority="hybrid", name="marsad-written-examples",
                        seed=args.seed, embedding_weight=args.embedding_weight, override=args.override)
    save_model(model, MODEL)
    examples = texts
    print(f"{len(examples)} examples, {len(model.meta['classes'])} classes, temperature {model.temperature:.2f} "
          f"-> {MODEL} ({MODEL.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
