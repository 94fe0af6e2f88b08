"""Instructions per document, counted with callgrind (deterministic, unlike CPU time on a shared machine).

Warms up as a Dask worker does (``batch.work.warm_up``, ``keep_loaded``) and on 200 ACLED notes, then counts only
the extraction of the last 100 of the first 1,500 notes of ``../shared/data/acled-2022h1/events.csv`` (``--acled``)
or of 10 generated 2,000-character reports (``--reports``, ``bench/ingest.py``'s generator). With ``--cold``, no
notes warm up and the first notes are counted, as ``bench/speed.py``'s first figure measures them: what a worker
meets for the first time (a name, a word, a table read on first use) is then in the count. Needs ``valgrind``.
Compare builds by pointing PYTHONPATH at another source tree (with ``python -P``). Figures go to the hand-written
*Single-core profile* section of ``docs/benchmarks.md``; this script writes nothing.

Usage::

    python bench/instructions.py [--acled 100] [--reports 10] [--cold]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACLED = HERE.parents[1] / "shared" / "data" / "acled-2022h1" / "events.csv"


def texts(n_acled: int, n_reports: int, cold: bool = False) -> tuple[list[str], list[str]]:
    """(warm-up texts, measured texts)."""
    import pandas as pd

    sys.path.insert(0, str(HERE))
    from ingest import make_report

    notes = [str(t) for t in pd.read_csv(ACLED).text.dropna()][:1500]
    rng = random.Random(7)
    reports = [make_report(n, rng)["text"] for n in range(n_reports)]
    if cold:
        return [], notes[:n_acled] + reports
    return notes[:200], (notes[len(notes) - n_acled :] if n_acled else []) + reports


def child(n_acled: int, n_reports: int, cold: bool) -> None:
    from marsad.batch.work import keep_loaded, warm_up
    from marsad.extract import pipeline

    warm, measured = texts(n_acled, n_reports, cold)
    warm_up()
    keep_loaded()
    for text in warm:
        pipeline.extract_text(text)
    print("READY", flush=True)
    sys.stdin.readline()
    for number, text in enumerate(measured):
        pipeline.extract_text(text, document_id=str(number))
    print("DONE", flush=True)
    sys.stdin.readline()
    os._exit(0)  # no teardown inside the count


def count(n_acled: int, n_reports: int, cold: bool) -> int:
    out = tempfile.mktemp(suffix=".callgrind")
    command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
               sys.executable, *(["-P"] if sys.flags.safe_path else []), __file__, "--child",
               "--acled", str(n_acled), "--reports", str(n_reports), *(["--cold"] if cold else [])]  # fmt: skip
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdin and process.stdout
    if process.stdout.readline().strip() != "READY":
        raise SystemExit(process.communicate()[1][-2000:])
    subprocess.run(["callgrind_control", "-i", "on", str(process.pid)], check=True, capture_output=True)
    process.stdin.write("go\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == "DONE"
    subprocess.run(["callgrind_control", "-i", "off", str(process.pid)], check=True, capture_output=True)
    process.stdin.write("end\n")
    process.stdin.flush()
    found = re.search(r"Collected : (\d+)", process.communicate()[1])
    if found is None:
        raise SystemExit("callgrind reported no count")
    print(f"callgrind file (callgrind_annotate FILE): {out}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acled", type=int, default=100)
    parser.add_argument("--reports", type=int, default=0)
    parser.add_argument("--cold", action="store_true", help="count the first notes, with no notes read before them")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.acled, args.reports, args.cold)
        return
    from marsad.compiled import compiled_modules

    total = count(args.acled, args.reports, args.cold)
    docs = max(1, args.acled + args.reports)
    build = f"compiled ({len(compiled_modules())} modules)" if compiled_modules() else "pure Python"
    print(f"{build}: {total / 1e6:.1f} M instructions over {args.acled} {'first ' if args.cold else ''}ACLED notes "
          f"and {args.reports} reports, "
          f"{total / docs / 1e6:.2f} M per document")  # fmt: skip


if __name__ == "__main__":
    main()
