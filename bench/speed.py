"""Single-core speed: start-up, characters per CPU second, and where the time goes.

1. ``marsad extract`` of a one-line text in a fresh process: CPU seconds
   (user + system) of the child, median of three runs.
2. Steady state (after a warm-up that loads every model): characters per CPU
   second on ACLED notes (``../shared/data/acled-2022h1/events.csv``, column
   ``text``) and on generated 2,000-character reports (``bench/ingest.py``),
   next to one plain regex pass (``\\w+``) over the same texts in the same run.
   The same notes again in a worker that has first read 3,000 other notes of the
   file (``--primed``): its gazetteer caches hold the names it has met, as a
   worker's do deep into an archive; the first figure is the one a target is read on.
3. The share of extraction CPU per pipeline component, and event typing
   (``classify_event``) on its own where it runs uncompiled (a compiled module
   calls it directly, past the timer).

The figures say whether the extraction hot path ran compiled (setup.py, mypyc).

CPU time, not wall time: the machine is shared. Usage::

    python bench/speed.py [--acled 3000] [--reports 300] [--primed 3000] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402
from ingest import make_report  # noqa: E402

ACLED = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled-2022h1" / "events.csv"
MARSAD = Path(sys.executable).with_name("marsad")


def one_line_cpu() -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("Two civilians were killed in an airstrike on Idlib on 3 March 2019.\n")
    runs = []
    for _ in range(7):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([str(MARSAD), "extract", handle.name, "--format", "jsonl"], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    os.unlink(handle.name)
    return statistics.median(runs)


def steady_rate(texts: list[str], primer: list[str] = ()) -> dict:
    """The rate on ``texts`` (the first 20 warm up), in a process that has first extracted ``primer``."""
    from marsad.batch.work import keep_loaded, warm_up
    from marsad.extract import events, pipeline

    warm_up()  # what a worker loads before its first shard, so no one-time load is charged to a component
    keep_loaded()  # and out of the garbage collector's sight, as in a worker
    for text in [*primer, *texts[:20]]:
        pipeline.extract_text(text)
    shares: Counter = Counter()
    original_classify = events.classify_event

    def timed(component):  # the component's function, timed (the pipeline calls it through its Component)
        def run(ctx):
            started = time.process_time()
            try:
                component.func(ctx)
            finally:
                shares[component.name] += time.process_time() - started

        return pipeline.Component(component.name, component.version, run)

    def timed_classify(*args, **kwargs):
        started = time.process_time()
        try:
            return original_classify(*args, **kwargs)
        finally:
            shares["  of which event typing"] += time.process_time() - started

    default = pipeline.default_pipeline()
    original_components = default.components
    default.components, events.classify_event = [timed(c) for c in original_components], timed_classify
    try:
        started = time.process_time()
        for number, text in enumerate(texts):
            pipeline.extract_text(text, document_id=str(number))
        cpu = time.process_time() - started
    finally:
        default.components, events.classify_event = original_components, original_classify
    started = time.process_time()
    sum(1 for text in texts for _ in re.finditer(r"\w+", text))
    regex_cpu = time.process_time() - started
    chars = sum(map(len, texts))
    return {"docs": len(texts), "mean_chars": chars / len(texts), "cps": chars / cpu, "docs_per_cpu_s": len(texts) / cpu,
            "regex_cps": chars / regex_cpu, "shares": {k: v / cpu for k, v in shares.most_common()}}  # fmt: skip


def run_apart(texts: list[str], primer: list[str]) -> dict:
    """:func:`steady_rate` in a fresh process (the caches this process holds would be the primer's and more)."""
    import json

    script = ("import json, sys; sys.path.insert(0, sys.argv[1]); from speed import steady_rate; "
              "texts, primer = json.load(sys.stdin); print(json.dumps(steady_rate(texts, primer)))")
    done = subprocess.run([sys.executable, "-c", script, str(Path(__file__).resolve().parent)],
                          input=json.dumps([texts, primer]), capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def markdown(startup: float, runs: dict[str, dict]) -> str:
    from marsad.compiled import compiled_modules, source_digests

    compiled, listed = len(compiled_modules()), len(source_digests())
    build = (f"compiled with mypyc ({compiled} of the {listed} hot-path modules)" if compiled
             else "pure Python (not compiled: installed with MARSAD_PURE_PYTHON=1 or without a C compiler)")
    lines = [
        "## Single-core speed (`bench/speed.py`)", "",
        f"Extraction ran {build}.", "",
        f"`marsad extract` of a one-line text, fresh process: **{startup:.2f} s of CPU** (median of 7: single runs vary by about a third on this shared machine; target < 1 s).",
        "",
        "| corpus | docs | mean chars | chars per CPU-s | docs per CPU-s | plain regex pass, chars per CPU-s |",
        "|---|---|---|---|---|---|",
    ]  # fmt: skip
    for name, run in runs.items():
        lines.append(f"| {name} | {run['docs']:,} | {run['mean_chars']:.0f} | **{run['cps']:,.0f}** | "
                     f"{run['docs_per_cpu_s']:.0f} | {run['regex_cps']:,.0f} |")  # fmt: skip
    lines += ["", "Share of extraction CPU by component (steady state, after warm-up):", "",
              "| component | " + " | ".join(runs) + " |", "|---|" + "---|" * len(runs)]  # fmt: skip
    names = list(dict.fromkeys(k for run in runs.values() for k in run["shares"]))
    for name in names:
        lines.append(f"| {name} | " + " | ".join(f"{run['shares'].get(name, 0):.0%}" for run in runs.values()) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acled", type=int, default=3000)
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--primed", type=int, default=3000,
                        help="also measure the notes after this many other notes (0: not)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    runs = {}
    if ACLED.exists():
        import pandas as pd

        notes = [str(t) for t in pd.read_csv(ACLED).text.dropna()]
        texts = notes[: args.acled + 20]
        runs["ACLED notes"] = steady_rate(texts)
        if args.primed:  # the same notes, measured in a worker that has read other notes of the file first
            primer = notes[max(len(texts), len(notes) - args.primed):]
            runs[f"ACLED notes, {len(primer):,} other notes in"] = run_apart(texts, primer)
    rng = random.Random(3)
    runs["2,000-character reports"] = steady_rate([make_report(n, rng)["text"] for n in range(args.reports + 20)])
    startup = one_line_cpu()
    text = markdown(startup, runs)
    print(text)
    if not args.no_write:
        write_section("speed", text)


if __name__ == "__main__":
    main()
