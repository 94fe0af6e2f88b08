"""Casualty-level fatality check on the ACLED sample (error analysis helper).

Sums, per ACLED row, the killed/executed counts that are not sub-counts,
derived, alternatives or tallies, and compares with ACLED's ``fatalities``.
This isolates the casualty rules from event assembly (bench/acled.py scores
the events). Writes the misses to a CSV for reading.

    python bench/_fatalities_eval.py [--limit N] [--misses misses.csv]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
KILLED = ("killed", "executed")


def event_total(extraction) -> int:
    from marsad.counting import total

    return total(extraction.casualties, KILLED)


def main() -> None:
    import pandas as pd

    from marsad.extract.pipeline import Pipeline

    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int)
    parser.add_argument("--misses", type=Path)
    args = parser.parse_args()
    rows = pd.read_csv(SHARED / "data" / "acled-2022h1" / "events.csv", nrows=args.limit)
    pipeline = Pipeline(("numbers", "dates", "actors", "casualties"))
    started = time.perf_counter()
    predicted = [event_total(pipeline(text)) for text in rows["text"].fillna("")]
    elapsed = time.perf_counter() - started
    gold = rows["fatalities"].fillna(0).astype(int)
    exact = pd.Series(predicted, index=rows.index) == gold
    print(f"rows {len(rows)}  exact all {exact.mean():.4f}  exact fatalities>0 {exact[gold > 0].mean():.4f} "
          f"({(gold > 0).sum()} rows)  exact fatalities=0 {exact[gold == 0].mean():.4f}  "
          f"docs/s {len(rows) / elapsed:.0f} (numbers, dates, actors, casualties)")
    if args.misses:
        misses = rows.loc[~exact, ["event_id_cnty", "fatalities", "text"]].assign(predicted=[p for p, ok in zip(predicted, exact) if not ok])
        misses.to_csv(args.misses, index=False)


if __name__ == "__main__":
    main()
