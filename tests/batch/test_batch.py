"""Sharded batches: the serial executor everywhere, and a 2-worker local Dask
cluster (``marsad[dask]``, in the test extra) including a worker killed
mid-run. Every cluster test compares with a serial run of the same input."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
from pathlib import Path

import pytest

from marsad.batch import SerialExecutor, extract_sharded, ingest_sharded
from marsad.batch.shards import plan_shards, read_shard
from marsad.batch.work import jsonl_line
from marsad.extract.batch import extract_inputs
from marsad.extract.output import write_json
from marsad.ingest.readers import read_paths

PLACES = ["Idlib", "Aleppo", "Douma", "Manbij", "Hama", "Daraa", "Raqqa", "Homs"]
WEAPONS = ["an airstrike", "artillery shelling", "a car bomb", "gunfire"]


def report(n: int) -> str:
    place, weapon = PLACES[n % len(PLACES)], WEAPONS[n % len(WEAPONS)]
    return (f"{place} – {n % 9 + 2} civilians, including {n % 3 + 1} children, were killed on {n % 27 + 1} March "
            f"2019 in {weapon} on the town of {place}. Another {n % 5 + 1} people were wounded, medics said.")


def write_corpus(path: Path, documents: int, *, broken: bool = True) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(documents):
            record = {"text": report(n), "published": "2019-03-28", "source": "Test Monitor"}
            if n % 2:
                record["id"] = f"r{n}"  # the others are named by file and line
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            if broken and n == 5:
                handle.write("\n{not json\n")
    return path


def jsonl(results) -> str:
    out = io.StringIO()
    write_json((r.extraction for r in results if hasattr(r, "extraction")), out, lines=True)
    failures = [r.message for r in results if not hasattr(r, "extraction")]
    return out.getvalue() + "\n".join(failures)


# -------------------------------------------------------------------- shards


def test_jsonl_shards_cover_every_line_once_and_read_like_the_reader(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 30)
    shards = plan_shards([corpus], shard_bytes=1_000)
    assert len(shards) > 3
    assert shards[0].parts[0].start == 0 and shards[-1].parts[0].end == corpus.stat().st_size
    sharded = [doc for shard in shards for doc in read_shard(shard)]
    whole = list(read_paths([corpus]))
    assert [d.origin for d in sharded] == [d.origin for d in whole]
    assert [getattr(d, "text", None) for d in sharded] == [getattr(d, "text", None) for d in whole]


def test_shard_keys_follow_content_and_context(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 10)
    keys = [s.key for s in plan_shards([corpus], shard_bytes=800)]
    assert keys == [s.key for s in plan_shards([corpus], shard_bytes=800)]
    assert keys != [s.key for s in plan_shards([corpus], shard_bytes=800, context="other options")]
    corpus.write_text(corpus.read_text().replace("civilians", "civilianz", 1))  # same length: same cuts
    changed = [s.key for s in plan_shards([corpus], shard_bytes=800)]
    assert changed[0] != keys[0] and changed[1:] == keys[1:]
    with corpus.open("a") as handle:  # an archive that grows keeps the keys of what it had
        handle.write(json.dumps({"text": report(99)}) + "\n")
    assert [s.key for s in plan_shards([corpus], shard_bytes=800)][: len(changed) - 1] == changed[:-1]


def test_small_files_are_grouped_in_order(tmp_path):
    paths = []
    for n in range(5):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(report(n))
    shards = plan_shards(paths, shard_bytes=450)
    assert [p.path for s in shards for p in s.parts] == [str(p) for p in paths]
    assert 1 < len(shards) < 5


# ------------------------------------------------------------ serial executor


def test_serial_sharded_extract_matches_the_plain_run(tmp_path):
    corpus = str(write_corpus(tmp_path / "c.jsonl", 12))
    plain = jsonl(list(extract_inputs([corpus, str(tmp_path / "missing.jsonl")])))
    sharded = jsonl(list(extract_sharded([corpus, str(tmp_path / "missing.jsonl")], SerialExecutor(),
                                         shard_bytes=700)))  # fmt: skip
    assert sharded == plain
    assert "missing.jsonl" in sharded and "is not valid JSON" in sharded


def in_order(results) -> list[str]:
    """Serial or sharded results as the command prints them: JSON lines, and failures where they fall."""
    lines = []
    for result in results:
        if isinstance(result, str):
            lines += result.splitlines(keepends=True)
        elif hasattr(result, "extraction"):
            lines.append(jsonl_line(result.extraction))
        else:
            lines.append(f"failed: {result.message}")
    return lines


def test_rendering_workers_send_the_lines_of_a_serial_run(tmp_path):
    corpus = str(write_corpus(tmp_path / "c.jsonl", 12))
    plain = in_order(extract_inputs([corpus]))
    rendered = list(extract_sharded([corpus], SerialExecutor(), shard_bytes=700, render=jsonl_line))
    assert in_order(rendered) == plain
    assert any("is not valid JSON" in line for line in plain)
    assert len(rendered) < len(plain)  # consecutive documents' lines travel as one string
    assert all(isinstance(r, str) or not hasattr(r, "extraction") for r in rendered)


def test_to_jsonable_keeps_field_order_dates_and_nesting():
    from dataclasses import dataclass, field
    from datetime import date, datetime

    from marsad.model import Span, to_jsonable

    @dataclass
    class Inner:
        when: date
        span: Span | None = None

    @dataclass
    class Outer:
        name: str
        inner: list[Inner] = field(default_factory=list)
        extra: dict = field(default_factory=dict)
        pair: tuple = (1, 2.5)

    value = Outer("x", [Inner(date(2019, 3, 1), Span(0, 2, "ab")), Inner(datetime(2019, 3, 2, 5))],
                  {"k": [date(2020, 1, 1)]})  # fmt: skip
    assert to_jsonable(value) == {
        "name": "x", "inner": [{"when": "2019-03-01", "span": {"start": 0, "end": 2, "text": "ab"}},
                               {"when": "2019-03-02T05:00:00", "span": None}],
        "extra": {"k": ["2020-01-01"]}, "pair": [1, 2.5],
    }  # fmt: skip
    assert list(to_jsonable(value)) == ["name", "inner", "extra", "pair"]
    assert to_jsonable(Outer) is Outer  # a class is not an instance


def test_sharded_ingest_stores_like_the_serial_ingest_and_skips_stored_shards(tmp_path, database):
    from marsad.ingest.service import IngestOptions, ingest_paths
    from marsad.store import open_database

    corpus = str(write_corpus(tmp_path / "c.jsonl", 12))
    serial_db, sharded_db = open_database(f"sqlite:///{tmp_path / 'serial'}.sqlite"), database  # SQLite and PostgreSQL
    serial = ingest_paths(serial_db, [corpus], IngestOptions())
    sharded = ingest_sharded(sharded_db, [corpus], IngestOptions(), SerialExecutor(), shard_bytes=700)
    assert sharded.to_dict()["facts"] == serial.to_dict()["facts"]
    assert (sharded.new, sharded.failed) == (serial.new, serial.failed) == (12, 1)
    assert _stored(sharded_db) == _stored(serial_db)
    again = ingest_sharded(sharded_db, [corpus], IngestOptions(), SerialExecutor(), shard_bytes=700)
    assert (again.new, again.unchanged) == (0, 13)  # every shard skipped from the ledger, none extracted
    assert _stored(sharded_db) == _stored(serial_db)


def _stored(db) -> tuple:
    from sqlalchemy import func, select

    from marsad.store.models import Casualty, Document, Event

    with db.reader() as session:
        hashes = sorted(session.scalars(select(Document.content_hash)))
        events = session.scalar(select(func.count()).select_from(Event))
        casualties = session.scalar(select(func.count()).select_from(Casualty))
    assert len(hashes) == len(set(hashes))
    return hashes, events, casualties


def test_missing_dask_names_the_extra(monkeypatch):
    from marsad.batch import make_executor
    from marsad.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'marsad\[dask\]'"):
        make_executor(workers=2)


# ------------------------------------------------------------- Dask cluster


@pytest.fixture(scope="module")
def dask_home(tmp_path_factory, bundled_gazetteer_path):
    """A data directory the worker processes inherit, with the small test gazetteer in place."""
    from marsad.gazetteer import index

    home = tmp_path_factory.mktemp("home")
    previous = os.environ.get("MARSAD_HOME")
    os.environ["MARSAD_HOME"] = str(home)
    os.symlink(bundled_gazetteer_path, index.default_paths()[1])
    index.reset_default()
    yield home
    index.reset_default()
    if previous is None:
        os.environ.pop("MARSAD_HOME")
    else:
        os.environ["MARSAD_HOME"] = previous


@pytest.fixture(scope="module")
def cluster(dask_home):
    pytest.importorskip("distributed")
    from marsad.batch import make_executor

    with make_executor(workers=2) as executor:
        yield executor


class KillAfter:
    """Passes results through and SIGKILLs one worker after the first shard."""

    def __init__(self, executor):
        self.executor, self.workers, self.killed = executor, executor.workers, None

    def imap_unordered(self, func, tasks):
        for number, pair in enumerate(self.executor.imap_unordered(func, tasks)):
            if number == 0:
                address, pid = min(self.executor.worker_pids().items())
                os.kill(pid, signal.SIGKILL)
                self.killed = address
            yield pair


@pytest.mark.timeout(120)
def test_dask_extract_is_byte_identical_to_serial(tmp_path, cluster):
    corpus = str(write_corpus(tmp_path / "c.jsonl", 16))
    plain = jsonl(list(extract_inputs([corpus])))
    assert jsonl(list(extract_sharded([corpus], cluster, shard_bytes=600))) == plain


@pytest.mark.timeout(120)
def test_dask_workers_render_jsonl_in_input_order_like_serial(tmp_path, cluster):
    corpus = str(write_corpus(tmp_path / "c.jsonl", 16))
    rendered = list(extract_sharded([corpus], cluster, shard_bytes=600, render=jsonl_line))
    assert in_order(rendered) == in_order(extract_inputs([corpus]))
    assert any(not isinstance(r, str) for r in rendered)  # the bad line still comes back where it was


def test_local_cluster_runs_without_interactive_housekeeping(cluster):
    import dask

    profiling = cluster.client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    assert profiling and not any(profiling.values())
    assert cluster.client.direct_to_workers  # results do not pass through the scheduler
    frozen = cluster.client.run(lambda: __import__("gc").get_freeze_count())
    assert frozen and min(frozen.values()) > 10_000  # the loaded pipeline is out of the collector's way


@pytest.mark.timeout(120)
def test_dask_ingest_survives_a_killed_worker_and_stores_each_document_once(tmp_path, cluster):
    from marsad.ingest.service import IngestOptions, ingest_paths
    from marsad.store import open_database

    corpus = str(write_corpus(tmp_path / "c.jsonl", 24))
    serial_db, dask_db = (open_database(f"sqlite:///{tmp_path / n}.sqlite") for n in ("serial", "dask"))
    serial = ingest_paths(serial_db, [corpus], IngestOptions())
    killer = KillAfter(cluster)
    summary = ingest_sharded(dask_db, [corpus], IngestOptions(), killer, shard_bytes=500)
    assert killer.killed is not None
    assert (summary.new, summary.failed) == (serial.new, serial.failed) == (24, 1)
    assert summary.to_dict()["facts"] == serial.to_dict()["facts"]
    assert _stored(dask_db) == _stored(serial_db)


@pytest.mark.timeout(120)
def test_cli_extract_on_an_existing_scheduler_matches_serial(tmp_path, cluster):
    from click.testing import CliRunner

    from marsad.cli import _register_commands, cli

    corpus = str(write_corpus(tmp_path / "c.jsonl", 8))
    _register_commands()
    runner = CliRunner()
    serial = runner.invoke(cli, ["extract", corpus, "--format", "jsonl"])
    remote = runner.invoke(cli, ["extract", corpus, "--format", "jsonl", "--scheduler", cluster.client.scheduler.address])
    assert serial.exit_code == remote.exit_code != 0, remote.output[-500:]  # the bad line is reported, the rest written
    assert remote.stdout == serial.stdout and serial.stdout.count("\n") == 8
    assert remote.stderr == serial.stderr and "c.jsonl:8: is not valid JSON" in serial.stderr


def test_a_serial_run_freezes_what_it_loaded_once_after_its_first_document(tmp_path, monkeypatch):
    import gc

    from marsad.batch import work

    frozen: list[int] = []
    thresholds: list[tuple[int, ...]] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    monkeypatch.setattr(gc, "set_threshold", lambda *limits: thresholds.append(limits))
    monkeypatch.setattr(work, "_kept", False)
    one = write_corpus(tmp_path / "one.jsonl", 1, broken=False)
    assert len(list(extract_inputs([one]))) == 1 and frozen == []  # a one-document run loads and leaves
    three = write_corpus(tmp_path / "three.jsonl", 3, broken=False)
    assert len(list(extract_inputs([three, three]))) == 6 and frozen == [1]
    work.keep_loaded()  # a later run in the same process freezes nothing more
    assert frozen == [1]
    # and the youngest generation is collected less often from then on, the older ones as before
    assert thresholds == [(work.YOUNG_THRESHOLD, *gc.get_threshold()[1:])]
