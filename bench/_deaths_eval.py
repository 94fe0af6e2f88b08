"""Document death totals on our own news-style paragraphs (error analysis helper).

Each row of ``tests/extract/data/deaths_eval.jsonl`` is one wire-style paragraph
we wrote, with the true number of people its report says were killed. The
document's total is the sum of ``fatalities`` over its events, as a scorer of
``marsad extract --format jsonl`` reads it; it must also equal the ledger's
total (``marsad.counting.total``), so every death is counted once.

    python bench/_deaths_eval.py [--show]
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "extract" / "data" / "deaths_eval.jsonl"


def score(rows: list[dict]) -> tuple[float, list[tuple[dict, int, int]]]:
    from marsad.counting import total
    from marsad.extract import extract_text

    results = []
    for row in rows:
        extraction = extract_text(row["text"], published=date(2024, 3, 8))
        events = sum(e.fatalities for e in extraction.events)
        results.append((row, events, total(c for c in extraction.casualties)))
    exact = sum(events == row["deaths"] for row, events, _ in results) / len(results)
    return exact, results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print the misses")
    args = parser.parse_args()
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    exact, results = score(rows)
    unequal = sum(events != ledger for _, events, ledger in results)
    print(f"rows {len(rows)}  deaths exact {exact:.3f}  events sum != ledger total: {unequal}")
    if args.show:
        for row, events, ledger in results:
            if events != row["deaths"] or events != ledger:
                print(f"true {row['deaths']:>3} events {events:>3} ledger {ledger:>3}  {row['text'][:150]}")


if __name__ == "__main__":
    main()
