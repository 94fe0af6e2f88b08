"""Rebuild the shipped event-type model from the examples written for marsad.

1. Expands ``src/marsad/data/training/templates.jsonl`` with the slot values in
   ``slots.yaml`` (seeded, so the same files give the same examples) into
   ``examples.jsonl``: about 240 sentences per ACLED sub-event type.
2. Trains the TF-IDF + logistic-regression model on them (rules' verdict as a
   feature, as ``marsad train`` does) and writes
   ``src/marsad/data/models/event_types.joblib`` as a *fallback* model: it only
   decides where no rule fires.

No coded dataset (ACLED, UCDP) is read. Usage::

    python scripts/build_event_model.py [--per-class 240] [--seed 7]
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


def main(argv: list[str] | None = None) -> None:
    from marsad.extract.event_model import save_model, train_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-class", type=int, default=240)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    templates = [json.loads(line) for line in (TRAINING / "templates.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    slots = yaml.safe_load((TRAINING / "slots.yaml").read_text(encoding="utf-8"))
    examples = expand(templates, slots, args.per_class, args.seed)
    with (TRAINING / "examples.jsonl").open("w", encoding="utf-8") as out:
        for example in examples:
            out.write(json.dumps(example, ensure_ascii=False) + "\n")
    model = train_model([e["text"] for e in examples], [e["sub_event_type"] for e in examples],
                        authority="fallback", name="marsad-written-examples", seed=args.seed)
    save_model(model, MODEL)
    print(f"{len(examples)} examples, {len(model.meta['classes'])} classes -> {MODEL} ({MODEL.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
