"""Scale-out benchmark: one machine, 1 vs 2 Dask workers, and a worker killed mid-run.

1. Writes N generated daily reports (``bench/ingest.py``'s generator, about
   2,000 characters each) to one JSON Lines file.
2. ``marsad extract --format jsonl`` on a local Dask cluster of 1 worker, then
   of 2 workers: wall time, each worker's CPU time, and the SHA-256 of the
   output (it must be identical, and identical to a serial run of a prefix).
3. ``marsad ingest`` on 2 workers into a fresh SQLite file while one worker is
   SIGKILLed after the first shards: the run must finish with every document
   stored exactly once and the same fact counts as the extract run.

CPU time is measured inside the worker processes, so the per-core rate holds
even on a loaded machine; the wall-clock speed-up does not (other jobs take
the second core). Usage::

    python bench/scale.py                 # 20,000 reports, writes docs/benchmarks.md
    python bench/scale.py --documents 2000 --no-write
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402
from ingest import write_corpus  # noqa: E402

SHARD_BYTES = 2 << 20


def worker_cpu(executor) -> dict[str, float]:
    return executor.client.run(time.process_time)


def extract_run(corpus: Path, workers: int) -> dict:
    from marsad.batch import extract_sharded, make_executor
    from marsad.extract.output import write_json

    started = time.perf_counter()
    with make_executor(workers=workers) as executor:
        ready, cpu0 = time.perf_counter(), worker_cpu(executor)
        out = io.StringIO()
        documents = list(extract_sharded([str(corpus)], executor, shard_bytes=SHARD_BYTES))
        seconds = time.perf_counter() - ready
        per_worker = [round(used - cpu0.get(address, 0.0), 1) for address, used in sorted(worker_cpu(executor).items())]
        cpu = sum(per_worker)
    write_json((d.extraction for d in documents), out, lines=True)
    text = out.getvalue()
    return {"workers": workers, "startup_s": ready - started, "seconds": seconds, "worker_cpu_s": cpu,
            "per_worker_cpu_s": per_worker,
            "documents": len(documents), "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "events": sum(len(d.extraction.events) for d in documents), "text": text}  # fmt: skip


def serial_prefix(corpus: Path, count: int, directory: Path) -> str:
    from marsad.extract.batch import extract_inputs
    from marsad.extract.output import write_json

    prefix = directory / "prefix.jsonl"
    with corpus.open(encoding="utf-8") as source:
        prefix.write_text("".join(line for _, line in zip(range(count), source)), encoding="utf-8")
    out = io.StringIO()
    write_json((d.extraction for d in extract_inputs([str(prefix)])), out, lines=True)
    return out.getvalue().replace(str(prefix), str(corpus))


class KillOne:
    """Passes shard results through; SIGKILLs one worker once ``after`` shards are back."""

    def __init__(self, executor, after: int = 1):
        self.executor, self.after, self.workers, self.killed = executor, after, executor.workers, None

    def imap_unordered(self, func, tasks):
        for number, pair in enumerate(self.executor.imap_unordered(func, tasks), start=1):
            if number == self.after:
                address, pid = min(self.executor.worker_pids().items())
                os.kill(pid, signal.SIGKILL)
                self.killed = {"address": address, "pid": pid, "after_shards": number}
            yield pair


def ingest_with_kill(corpus: Path, directory: Path) -> dict:
    from sqlalchemy import func, select

    from marsad.batch import ingest_sharded, make_executor
    from marsad.batch.models import BatchShard
    from marsad.ingest.service import IngestOptions
    from marsad.store import open_database
    from marsad.store.models import Document, Event

    db = open_database(f"sqlite:///{directory / 'scale.sqlite'}")
    started = time.perf_counter()
    with make_executor(workers=2) as executor:
        killer = KillOne(executor)
        summary = ingest_sharded(db, [str(corpus)], IngestOptions(source="Bench Monitor"), killer,
                                 shard_bytes=SHARD_BYTES)
    seconds = time.perf_counter() - started
    with db.reader() as session:
        hashes = list(session.scalars(select(Document.content_hash)))
        events = session.scalar(select(func.count()).select_from(Event))
        shards = session.scalar(select(func.count()).select_from(BatchShard))
    db.dispose()
    return {"seconds": seconds, "new": summary.new, "failed": summary.failed, "stored": len(hashes),
            "distinct": len(set(hashes)), "events": events, "shards": shards, "killed": killer.killed}  # fmt: skip


def markdown(corpus: dict, runs: list[dict], prefix_ok: bool, prefix: int, kill: dict) -> str:
    one, two = runs
    chars = corpus["documents"] * corpus["mean_chars"]
    lines = [
        "## Scale-out on Dask (`bench/scale.py`)", "",
        f"{corpus['documents']:,} generated reports (mean {corpus['mean_chars']:.0f} characters) in one JSON Lines "
        f"file, cut into {SHARD_BYTES / (1 << 20):g} MB shards; `extract_sharded` on a local Dask cluster. Load average "
        f"(1 min) before the runs: {corpus['load_before']:.1f} (other jobs on the 2 cores; the command's own process also "
        "needs a share while it collects the results). Wall-clock speed-up suffers from other load; worker CPU time does not.", "",
        "| workers | cluster start (s) | wall (s) | docs/s wall | worker CPU (s), each | CPU cores obtained | "
        "chars per worker CPU-s | output SHA-256 |",
        "|---|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for run in runs:
        lines.append(
            f"| {run['workers']} | {run['startup_s']:.1f} | {run['seconds']:.0f} | {run['documents'] / run['seconds']:.1f} "
            f"| {run['worker_cpu_s']:.0f} ({', '.join(f'{c:.0f}' for c in run['per_worker_cpu_s'])}) "
            f"| {run['worker_cpu_s'] / run['seconds']:.2f} | {chars / run['worker_cpu_s']:,.0f} | `{run['sha256'][:16]}` |"
        )  # fmt: skip
    lines += [
        "",
        f"- Speed-up 1 → 2 workers (wall clock): **{one['seconds'] / two['seconds']:.2f}×**; CPU per document "
        f"{one['worker_cpu_s'] / one['documents'] * 1000:.0f} ms (1 worker) vs "
        f"{two['worker_cpu_s'] / two['documents'] * 1000:.0f} ms (2 workers).",
        f"- Output identical between 1 and 2 workers: **{'yes' if one['sha256'] == two['sha256'] else 'NO'}**; "
        f"identical to a serial (no Dask) run on the first {prefix:,} reports: **{'yes' if prefix_ok else 'NO'}**.",
        f"- `ingest_sharded` on 2 workers into SQLite with one worker SIGKILLed after "
        f"{(kill['killed'] or {}).get('after_shards', 'NO (never killed)')} "
        f"shards: finished in {kill['seconds']:.0f} s; {kill['new']:,} new, {kill['failed']} failed; "
        f"{kill['stored']:,} documents stored, {kill['distinct']:,} distinct (each once: "
        f"**{'yes' if kill['stored'] == kill['distinct'] == corpus['documents'] else 'NO'}**); {kill['events']:,} "
        f"events stored vs {one['events']:,} extracted (**{'same' if kill['events'] == one['events'] else 'DIFFERENT'}**); "
        f"{kill['shards']} shards in the ledger.",
    ]  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--prefix", type=int, default=1_000, help="reports also extracted serially, for identity")
    parser.add_argument("--shard-mb", type=float, default=2.0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    global SHARD_BYTES
    SHARD_BYTES = int(args.shard_mb * (1 << 20))
    with tempfile.TemporaryDirectory(prefix="marsad-scale-") as tmp:
        directory = Path(tmp)
        corpus_path = directory / "reports.jsonl"
        corpus = write_corpus(corpus_path, args.documents)
        corpus["load_before"] = os.getloadavg()[0]
        print(f"corpus: {corpus}", file=sys.stderr)
        runs = []
        for workers in (1, 2):
            runs.append(extract_run(corpus_path, workers))
            print({k: v for k, v in runs[-1].items() if k != "text"}, file=sys.stderr)
        expected = serial_prefix(corpus_path, args.prefix, directory)
        prefix_ok = runs[1]["text"].startswith(expected) and expected.count("\n") == args.prefix
        kill = ingest_with_kill(corpus_path, directory)
        print(kill, file=sys.stderr)
    text = markdown(corpus, runs, prefix_ok, args.prefix, kill)
    print(text)
    print(json.dumps({"runs": [{k: v for k, v in r.items() if k != "text"} for r in runs], "kill": kill}))
    if not args.no_write:
        write_section("scale", text)


if __name__ == "__main__":
    main()
