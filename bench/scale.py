"""Scale-out benchmark: one machine, 1 vs 2 Dask workers, and a worker killed mid-run.

1. Writes N generated daily reports (``bench/ingest.py``'s generator, about
   2,000 characters each) to one JSON Lines file.
2. ``marsad extract --format jsonl`` on a local Dask cluster of 1 worker, then
   of 2 workers, output written to a file as the command writes it: wall
   time, each worker's CPU time, the CPU time of this process (the "main
   process": scheduler, nannies, client, writer) and the SHA-256 of the
   output (it must be identical, and identical to a serial run of a prefix).
3. ``marsad ingest`` on 2 workers into a fresh SQLite file while one worker is
   SIGKILLed after the first shards: the run must finish with every document
   stored exactly once and the same fact counts as the extract run.

CPU time is measured with psutil for this process and each worker process,
so the per-core rates and the main process's share hold even on a loaded
machine; the wall-clock speed-up does not (other jobs take the second core).
Usage::

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

SHARD_BYTES: int | None = None  # None: the library's default (marsad.batch.shards.SHARD_BYTES)


def cpu_seconds(pid: int | None = None) -> float:
    """User + system CPU of a process so far (this one by default), all its threads included."""
    import psutil

    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


class CpuMeter:
    """CPU used during a run by this process (client, scheduler, nannies, the writer: the "main
    process") and by each worker process, measured from outside the workers with psutil."""

    def __init__(self, executor):
        self.pids = executor.worker_pids()
        self.main0, self.wall0 = cpu_seconds(), time.perf_counter()
        self.workers0 = {address: cpu_seconds(pid) for address, pid in self.pids.items()}

    def stop(self) -> dict:
        wall, main = time.perf_counter() - self.wall0, cpu_seconds() - self.main0
        workers = []
        for address, pid in sorted(self.pids.items()):
            try:
                workers.append(round(cpu_seconds(pid) - self.workers0[address], 1))
            except Exception:  # noqa: BLE001 - a killed worker's CPU is gone with it
                workers.append(float("nan"))
        return {"seconds": wall, "main_cpu_s": round(main, 1), "per_worker_cpu_s": workers,
                "worker_cpu_s": round(sum(workers), 1)}  # fmt: skip


def extract_run(corpus: Path, workers: int, output: Path) -> dict:
    """``marsad extract CORPUS --format jsonl --workers N -o OUTPUT``, as the command runs it."""
    from marsad.batch import extract_sharded, make_executor
    from marsad.batch.work import jsonl_line

    started = time.perf_counter()
    with make_executor(workers=workers) as executor:
        ready = time.perf_counter()
        meter = CpuMeter(executor)
        shards = 0
        with output.open("w", encoding="utf-8") as out:
            for item in extract_sharded([str(corpus)], executor, shard_bytes=SHARD_BYTES, render=jsonl_line):
                out.write(item)  # a FailedDocument would fail here: the corpus has none
                shards += 1  # the corpus has no failures, so one string per shard
        cpu = meter.stop()
    digest, documents, events = hashlib.sha256(), 0, 0
    with output.open("rb") as handle:
        for line in handle:
            digest.update(line)
            documents += 1
            events += len(json.loads(line)["events"])
    return {"workers": workers, "startup_s": ready - started, **cpu, "documents": documents, "shards": shards,
            "sha256": digest.hexdigest(), "events": events}  # fmt: skip


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
    with make_executor(workers=2) as executor:
        killer = KillOne(executor)
        started, main0 = time.perf_counter(), cpu_seconds()
        summary = ingest_sharded(db, [str(corpus)], IngestOptions(source="Bench Monitor"), killer,
                                 shard_bytes=SHARD_BYTES)
        seconds, main_cpu = time.perf_counter() - started, cpu_seconds() - main0
    with db.reader() as session:
        hashes = list(session.scalars(select(Document.content_hash)))
        events = session.scalar(select(func.count()).select_from(Event))
        shards = session.scalar(select(func.count()).select_from(BatchShard))
    db.dispose()
    return {"seconds": seconds, "main_cpu_s": round(main_cpu, 1), "new": summary.new, "failed": summary.failed, "stored": len(hashes),
            "distinct": len(set(hashes)), "events": events, "shards": shards, "killed": killer.killed}  # fmt: skip


def markdown(corpus: dict, runs: list[dict], prefix_ok: bool, prefix: int, kill: dict) -> str:
    one, two = runs
    chars = corpus["documents"] * corpus["mean_chars"]
    lines = [
        "## Scale-out on Dask (`bench/scale.py`)", "",
        f"{corpus['documents']:,} generated reports (mean {corpus['mean_chars']:.0f} characters) in one JSON Lines "
        f"file, cut into {SHARD_BYTES / (1 << 20):g} MB shards ({one['shards']} shards); `marsad extract --format jsonl "
        "--workers N` on a local Dask cluster (the workers send JSON lines, this process writes them in input order). "
        f"Load average (1 min) before the runs: {corpus['load_before']:.1f}. Wall-clock speed-up suffers from other "
        "load; CPU time does not. *Main process* is the command's own process: the Dask scheduler, the nannies, the "
        "client and the writer.", "",
        "| workers | cluster start (s) | wall (s) | docs/s wall | worker CPU (s), each | main-process CPU (s) | "
        "main share of all CPU | CPU cores obtained | chars per worker CPU-s | output SHA-256 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for run in runs:
        total = run["worker_cpu_s"] + run["main_cpu_s"]
        lines.append(
            f"| {run['workers']} | {run['startup_s']:.1f} | {run['seconds']:.0f} | {run['documents'] / run['seconds']:.1f} "
            f"| {run['worker_cpu_s']:.0f} ({', '.join(f'{c:.0f}' for c in run['per_worker_cpu_s'])}) "
            f"| {run['main_cpu_s']:.1f} | {run['main_cpu_s'] / total:.1%} | {total / run['seconds']:.2f} "
            f"| {chars / run['worker_cpu_s']:,.0f} | `{run['sha256'][:16]}` |"
        )  # fmt: skip
    cpu_one, cpu_two = (r["worker_cpu_s"] + r["main_cpu_s"] for r in runs)
    lines += [
        "",
        f"- Speed-up 1 → 2 workers (wall clock): **{one['seconds'] / two['seconds']:.2f}×**. CPU per document (workers "
        f"+ main process): {cpu_one / one['documents'] * 1000:.1f} ms with 1 worker, "
        f"{cpu_two / two['documents'] * 1000:.1f} ms with 2; so even with both cores given to the 2-worker run "
        f"and no worker waiting at the end, the speed-up is at most 2 × {cpu_one / one['documents'] * 1000:.1f} / "
        f"{cpu_two / two['documents'] * 1000:.1f} = {2 * cpu_one / cpu_two:.2f}× (two extraction processes side by "
        "side each take more CPU per report than one alone on this machine, with or without Dask).",
        f"- Output identical between 1 and 2 workers: **{'yes' if one['sha256'] == two['sha256'] else 'NO'}**; "
        f"identical to a serial (no Dask) run on the first {prefix:,} reports: **{'yes' if prefix_ok else 'NO'}**.",
        f"- `ingest_sharded` on 2 workers into SQLite with one worker SIGKILLed after "
        f"{(kill['killed'] or {}).get('after_shards', 'NO (never killed)')} "
        f"shards: finished in {kill['seconds']:.0f} s (main process {kill['main_cpu_s']:.0f} s of CPU); "
        f"{kill['new']:,} new, {kill['failed']} failed; "
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
    parser.add_argument("--shard-mb", type=float, default=None, help="shard size (default: marsad's own)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    global SHARD_BYTES
    from marsad.batch.shards import SHARD_BYTES as default_shard_bytes

    SHARD_BYTES = int(args.shard_mb * (1 << 20)) if args.shard_mb else default_shard_bytes
    with tempfile.TemporaryDirectory(prefix="marsad-scale-") as tmp:
        directory = Path(tmp)
        corpus_path = directory / "reports.jsonl"
        corpus = write_corpus(corpus_path, args.documents)
        corpus["load_before"] = os.getloadavg()[0]
        print(f"corpus: {corpus}", file=sys.stderr)
        runs = []
        for workers in (1, 2):
            runs.append(extract_run(corpus_path, workers, directory / f"facts-{workers}.jsonl"))
            print(runs[-1], file=sys.stderr)
        expected = serial_prefix(corpus_path, args.prefix, directory)
        with (directory / "facts-2.jsonl").open(encoding="utf-8") as produced:
            prefix_ok = "".join(line for _, line in zip(range(args.prefix), produced)) == expected
        prefix_ok = prefix_ok and expected.count("\n") == args.prefix
        kill = ingest_with_kill(corpus_path, directory)
        print(kill, file=sys.stderr)
    text = markdown(corpus, runs, prefix_ok, args.prefix, kill)
    print(text)
    print(json.dumps({"runs": runs, "kill": kill}))
    if not args.no_write:
        write_section("scale", text)


if __name__ == "__main__":
    main()
