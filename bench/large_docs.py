"""Extraction time and peak memory of very large single documents (issue 14).

Reports are generated here (our own sentences, varied towns, actors, counts and
dates), in two shapes: one sentence per line, and one single line (the shape
that used to take longest). Each size runs in its own process so that peak
memory (``ru_maxrss``) belongs to that document alone; time is CPU time of the
extraction (the machine is shared, CPU time is what the code costs). Linear
time shows as a flat "µs per KB" column.

    python bench/large_docs.py                 # 0.1, 1 and 10 MB, both shapes; writes docs/benchmarks.md
    python bench/large_docs.py --sizes 1 --no-write
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

TOWNS = ["Hajin", "Sarmada", "Idlib", "Aleppo", "Deir ez-Zor", "Raqqa", "Homs", "Daraa", "Maarat al-Numan",
         "Jisr al-Shughur", "Kafr Nabl", "Saraqib", "Manbij", "Tadmur", "Mayadin", "Atarib"]
ACTORS = ["regime forces", "Russian warplanes", "ISIS cells", "the SDF", "Turkish-backed factions",
          "unidentified gunmen", "coalition aircraft", "HTS fighters"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def sentence(rng: random.Random) -> str:
    town, actor, n = rng.choice(TOWNS), rng.choice(ACTORS), rng.randrange(1, 60)
    day, month = rng.randrange(1, 28), rng.choice(MONTHS)
    return rng.choice([
        f"On {day} {month} 2019, {actor} shelled {town}, killing {n} civilians including {max(1, n // 3)} children.",
        f"At least {n} fighters were killed in clashes between {actor} and local groups near {town}.",
        f"An airstrike by {actor} on a market in {town} wounded {n} people, the monitor said.",
        f"Residents of {town} protested against {actor} on {day} {month}, demanding the release of detainees.",
        f"The death toll of the explosion in {town} rose to {n}, among them {max(1, n // 4)} women.",
        f"{actor.capitalize()} arrested {n} young men at a checkpoint on the road to {town}",
    ])


def document(size: int, *, single_line: bool, seed: int = 14) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(sentence(rng))
        total += len(parts[-1]) + 1
    return (" " if single_line else "\n").join(parts)[:size]


def measure_one(size: int, single_line: bool) -> dict:
    from marsad.extract import extract_text

    extract_text("On 3 May 2019, five civilians were killed in an airstrike on Idlib.")  # load rules and gazetteer
    text = document(size, single_line=single_line)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu, wall = time.process_time(), time.perf_counter()
    extraction = extract_text(text)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    bad = sum(text[c.span.start:c.span.end] != c.span.text for c in extraction.casualties if c.span)
    return {"bytes": size, "single_line": single_line, "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
            "peak_mb": round(peak / 1024), "growth_mb": round((peak - baseline) / 1024),
            "events": len(extraction.events), "casualties": len(extraction.casualties), "span_mismatches": bad}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 10], help="document sizes in MB")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--single-line", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="print only, leave docs/benchmarks.md alone")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one, args.single_line)))
        return
    rows = []
    for single_line in (False, True):
        for mb in args.sizes:
            command = [sys.executable, __file__, "--one", str(int(mb * 1_000_000))]
            out = subprocess.run(command + (["--single-line"] if single_line else []), check=True,
                                 capture_output=True, text=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            rows.append(row)
            print(json.dumps(row), flush=True)
    if not args.no_write:
        write(rows)


def write(rows: list[dict]) -> None:
    from _report import write_section

    lines = [
        "## Large documents (`bench/large_docs.py`)",
        "",
        "One generated report per size, extracted in its own process. CPU time of the extraction (the machine was",
        "shared with other jobs, so wall time is noisier), peak resident memory of the process (Python, rules,",
        "gazetteer and the document), and every casualty span checked against the text.",
        "",
        "| shape | size | CPU s | µs per KB | peak RSS MB | events | casualties | span mismatches |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        shape = "one line" if row["single_line"] else "line per sentence"
        per_kb = row["cpu_s"] * 1e6 / (row["bytes"] / 1000)
        lines.append(f"| {shape} | {row['bytes'] / 1e6:g} MB | {row['cpu_s']} | {per_kb:,.0f} | {row['peak_mb']} | "
                     f"{row['events']} | {row['casualties']} | {row['span_mismatches']} |")
    write_section("large_docs", "\n".join(lines))


if __name__ == "__main__":
    main()
