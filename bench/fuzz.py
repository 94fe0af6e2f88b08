"""Generated hostile inputs through readers, preparation and extraction (issue 14).

Each generated document is a mix of the words extraction reacts to (counts in
every form, dates, outcomes, places, actors, clause breaks) and noise (random
Unicode, control characters, markup, quotes, odd line endings). Documents are
written as JSON Lines, CSV, HTML and plain-text files and read back through
:func:`marsad.ingest.readers.read_paths`; every document then goes through
:func:`marsad.ingest.clean.prepare` and a strict extraction pipeline (a failing
component raises instead of becoming a warning). Counted:

- crashes: any exception other than a recorded rejection (ReadFailure or DocumentRejected);
- span mismatches: any fact whose span is out of the text or whose ``text[start:end]``
  differs from the span's text;
- implausible counts: a casualty count above :data:`marsad.extract.numbers.MAX_COUNT`.

    python bench/fuzz.py --n 100000           # writes its section of docs/benchmarks.md
    python bench/fuzz.py --n 2000 --no-write

``pytest -m slow`` runs the same campaign on 100,000 inputs and requires zero of each.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

FRAGMENTS = [
    # counts
    "5", "12", "0", "1,200", "99999999999999999999", "3,000,000,000", "100,000,001", "1.5 million", "2 billion",
    "twenty-one", "Nine hundred ninety-nine trillion", "a dozen", "dozens of", "hundreds", "at least 7",
    "more than 40", "between 3 and 4", "3-5", "10 to 15", "at last 9", "123citizens", "an unknown number of",
    "1st", "the 2nd", "several", "one hundred and five", "-3", "4.5", "1e9", "٣", "½",
    # dates
    "On 3 May 2019,", "on 14 March", "March 2019", "in 2019", "1.5", "12/03/2019", "13/03/2019", "2019-03-14",
    "1 January 0001", "the second month", "yesterday", "last week", "since the start of the operation",
    "on Tuesday", "99/99/9999", "31 February 2019",
    # outcomes, victims, events
    "killed", "were killed", "was killed", "wounded", "injured", "died", "executed", "kidnapped", "arrested",
    "civilians", "children", "women", "fighters", "soldiers", "people", "including", "among them", "the rest",
    "death toll rose to", "killing", "wounding", "airstrike", "shelled", "clashes", "protested", "explosion",
    "car bomb", "by", "of whom", "documented the death of", "in total",
    # places and actors
    "Idlib", "Hajin", "Deir ez-Zor", "Aleppo", "the countryside of Homs", "east of Raqqa", "between Homs and Hama",
    "Kafr Nabl", "Sarmada", "in", "near", "regime forces", "Russian warplanes", "ISIS", "the SDF", "HTS",
    "Turkish-backed factions", "unidentified gunmen", "the Syrian Observatory",
    # structure and noise
    ". ", ", ", "; ", " and ", " while ", "\n", "\r\n", "\r", "\n\n", "\t", "\u00a0", "\u201c", "\u201d", "\u2019",
    "\u2014", "\u2026", "\ufeff", "\u200b", "\x07", "\x1b", "\x85", "\u2028", "(", ")", '"', "'", "<", ">", "&amp;",
    "<p>", "</p>", "<div>", "<br>", "<script>x()</script>", "<!--", "-->", "<![CDATA[", "]]>", "قتل خمسة مدنيين",
    "😀", "e\u0301", "İ", "ß", "\U0001d400", " " * 30, "." * 10, "=HYPERLINK(1)", "{", "}", "[", "]", "\\", "\\u",
]
LONG_WORDS = ["Mr.", "Dr.", "Gen.", "No.", "St.", "U.S.", "a.m.", "etc."]


def random_text(rng: random.Random, pieces: int) -> str:
    parts = []
    for _ in range(pieces):
        roll = rng.random()
        if roll < 0.8:
            parts.append(rng.choice(FRAGMENTS))
        elif roll < 0.9:
            parts.append(rng.choice(LONG_WORDS))
        else:  # arbitrary code points, any plane (no surrogates: files must be encodable)
            parts.append("".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0xD800),
                                                 rng.randrange(0xE000, 0x110000)])) for _ in range(rng.randrange(1, 6))))
        parts.append(rng.choice([" ", " ", " ", "", ". ", ", ", "\n"]))
    return "".join(parts)


def spans_of(value, found=None):
    """Every Span inside an Extraction, at any depth."""
    from marsad.model import Span

    found = [] if found is None else found
    if isinstance(value, Span):
        found.append(value)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            spans_of(getattr(value, f.name), found)
    elif isinstance(value, list | tuple):
        for item in value:
            spans_of(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            spans_of(item, found)
    return found


def check_document(raw, pipeline, stats: Counter, problems: list[str]) -> None:
    from marsad.extract.numbers import MAX_COUNT
    from marsad.ingest.clean import DocumentRejected, document_label, prepare

    try:
        document = prepare(raw, languages=None)
    except DocumentRejected:
        stats["rejected"] += 1
        return
    except Exception as error:  # noqa: BLE001 - the point is to count them
        stats["crashes"] += 1
        problems.append(f"prepare {raw.origin}: {type(error).__name__}: {error}")
        return
    try:
        extraction = pipeline(document.text, document_id=document_label(raw), published=document.published)
    except Exception as error:  # noqa: BLE001
        stats["crashes"] += 1
        problems.append(f"extract {raw.origin}: {type(error).__name__}: {error} :: {document.text[:200]!r}")
        return
    stats["extracted"] += 1
    text = document.text
    for span in spans_of(extraction):
        stats["spans"] += 1
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text:
            stats["span_mismatches"] += 1
            problems.append(f"span {raw.origin}: {span} :: {text[:200]!r}")
    for casualty in extraction.casualties:
        if casualty.count is not None and not 0 <= casualty.count <= MAX_COUNT:
            stats["implausible_counts"] += 1
            problems.append(f"count {raw.origin}: {casualty.count}")


def write_inputs(directory: Path, rng: random.Random, n: int) -> int:
    """``n`` generated documents as files: most in JSON Lines and CSV, some as single HTML and text files."""
    written = 0
    per_file = 500
    while written < n:
        kind = rng.choice(["jsonl", "jsonl", "csv", "csv", "html", "txt"])
        count = 1 if kind in ("html", "txt") else min(per_file, n - written)
        texts = [random_text(rng, rng.randrange(1, 40)) for _ in range(count)]
        path = directory / f"f{written:07d}.{kind}"
        if kind == "jsonl":
            with path.open("w", encoding="utf-8") as handle:
                for text in texts:
                    record = {"text": text} if rng.random() < 0.8 else {"html": f"<p>{text}</p>"}
                    if rng.random() < 0.2:
                        record["published"] = rng.choice(["2019-03-14", "1.5", "12/03/2019", "3 May 2019", "", "x"])
                    handle.write(json.dumps(record, ensure_ascii=rng.random() < 0.5) + "\n")
        elif kind == "csv":
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["id", "text", "source"])
                for number, text in enumerate(texts):
                    writer.writerow([number, text, rng.choice(["SOHR", "", "=cmd", "x\ny"])])
        elif kind == "html":
            path.write_text(rng.choice(["<html><body><article>", "<div>" * rng.randrange(1, 400), ""]) + texts[0],
                            encoding=rng.choice(["utf-8", "utf-16"]))
        else:
            path.write_bytes(texts[0].encode(rng.choice(["utf-8", "utf-8-sig", "utf-16"])))
        written += count
    return written


def campaign(n: int, seed: int = 14) -> tuple[Counter, list[str], float]:
    from marsad.extract.pipeline import Pipeline
    from marsad.ingest.readers import ReadFailure, expand_paths, read_paths

    pipeline = Pipeline(strict=True)
    stats: Counter = Counter()
    problems: list[str] = []
    started = time.process_time()
    with tempfile.TemporaryDirectory(prefix="marsad-fuzz-") as folder:
        stats["inputs"] = write_inputs(Path(folder), random.Random(seed), n)
        try:
            items = read_paths(expand_paths([folder]))
            for item in items:
                if isinstance(item, ReadFailure):
                    stats["read_failures"] += 1
                else:
                    check_document(item, pipeline, stats, problems)
        except Exception as error:  # noqa: BLE001 - a reader that escapes its own error handling
            stats["crashes"] += 1
            problems.append(f"reader: {type(error).__name__}: {error}")
    return stats, problems, time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--shards", type=int, default=1,
                        help="run the campaign as this many processes (seeds seed, seed+1, ...), results summed")
    parser.add_argument("--shard-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.shard_out:  # one shard of a sharded run: figures to a file for the parent
        stats, problems, cpu = campaign(args.n, args.seed)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        Path(args.shard_out).write_text(json.dumps({"stats": stats, "problems": problems[:50], "cpu": cpu,
                                                    "peak": peak}), encoding="utf-8")
        return
    stats, problems, cpu, peak = run_shards(args.n, args.seed, args.shards)
    print(json.dumps({**stats, "cpu_s": round(cpu, 1), "peak_mb": peak}))
    for problem in problems[:20]:
        print(problem)
    if not args.no_write:
        write(stats, cpu, peak, args.seed, args.shards)


def run_shards(n: int, seed: int, shards: int) -> tuple[Counter, list[str], float, int]:
    import subprocess

    stats: Counter = Counter()
    problems: list[str] = []
    cpu, peak = 0.0, 0
    with tempfile.TemporaryDirectory(prefix="marsad-fuzz-shards-") as folder:
        outs = [Path(folder) / f"shard{k}.json" for k in range(shards)]
        sizes = [n // shards + (1 if k < n % shards else 0) for k in range(shards)]
        running = [subprocess.Popen([sys.executable, __file__, "--n", str(size), "--seed", str(seed + k),
                                     "--shard-out", str(out)]) for k, (size, out) in enumerate(zip(sizes, outs))]
        for process in running:
            if process.wait() != 0:
                raise SystemExit(f"a fuzz shard failed (exit {process.returncode})")
        for out in outs:
            result = json.loads(out.read_text(encoding="utf-8"))
            stats.update(result["stats"])
            problems += result["problems"]
            cpu += result["cpu"]
            peak = max(peak, result["peak"])
    return stats, problems, cpu, peak


def write(stats: Counter, cpu: float, peak: int, seed: int, shards: int) -> None:
    from _report import write_section

    seeds = f"seed {seed}" if shards == 1 else f"seeds {seed}-{seed + shards - 1}, {shards} processes"
    write_section("fuzz", "\n".join([
        "## Hostile inputs (`bench/fuzz.py`, also `pytest -m slow`)",
        "",
        f"{stats['inputs']:,} generated documents ({seeds}) written as JSON Lines, CSV, HTML and text",
        "files (UTF-8, UTF-8 with BOM, UTF-16), read back, prepared and extracted with a strict pipeline.",
        "",
        "| inputs | read failures | rejected | extracted | spans checked | crashes | span mismatches | "
        "counts > 10^8 | CPU s | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
        f"| {stats['inputs']:,} | {stats['read_failures']:,} | {stats['rejected']:,} | {stats['extracted']:,} | "
        f"{stats['spans']:,} | {stats['crashes']} | {stats['span_mismatches']} | {stats['implausible_counts']} | "
        f"{cpu:,.0f} | {peak} |",
        "",
        "CPU time summed over the processes, on a machine shared with other jobs; peak RSS is the largest process's.",
    ]))


if __name__ == "__main__":
    main()
