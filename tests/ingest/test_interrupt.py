"""Kill a batch mid-way (SIGKILL: a crash; SIGINT: Ctrl-C) and prove that no
half-written document is left and that running it again finishes the job
without duplicates. On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from marsad.store.models import Casualty, Document, Event, ExtractionRun
from tests.ingest.fakes import report

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = 40


def start(db_url: str, folder: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, "-m", "tests.ingest.interrupt_child", "ingest", str(folder), "--batch-size", "3",
               "--database", db_url]
    return subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_documents(database) -> int:
    with database.transaction() as session:
        return session.scalar(select(func.count()).select_from(Document))


def settle(database) -> None:
    """Wait until the stored count holds still: a PostgreSQL backend finishes a COMMIT its client sent just
    before it was killed (CI once counted 6 documents, then the resumed run found 9 stored)."""
    last, since = stored_documents(database), time.monotonic()
    deadline = since + 10
    while time.monotonic() - since < 1.0 and time.monotonic() < deadline:
        time.sleep(0.1)
        now = stored_documents(database)
        if now != last:
            last, since = now, time.monotonic()


def assert_only_whole_documents(database) -> int:
    """Every stored document has exactly one run and all the facts its text yields."""
    with database.transaction() as session:
        documents = session.scalars(select(Document)).all()
        for document in documents:
            expected = int(document.text.split("Report number ")[1].split(".")[0]) % 3 + 1
            runs = session.scalar(select(func.count()).where(ExtractionRun.document_id == document.id))
            events = session.scalar(select(func.count()).where(Event.document_id == document.id))
            casualties = session.scalar(select(func.count()).where(Casualty.document_id == document.id))
            assert (runs, events, casualties) == (1, expected, expected), document.origin
        assert session.scalar(select(func.count()).select_from(Casualty)) == sum(
            int(d.text.split("Report number ")[1].split(".")[0]) % 3 + 1 for d in documents
        )
        return len(documents)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT], ids=["crash", "ctrl-c"])
def test_killed_batch_leaves_whole_documents_and_resumes_without_duplicates(database, db_url, tmp_path, how):
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(DOCUMENTS):
        (folder / f"{n:03d}.txt").write_text(report(n), encoding="utf-8")
    child = start(db_url, folder)
    deadline = time.monotonic() + 60
    while stored_documents(database) < 5:
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the batch did not start"
        time.sleep(0.05)
    child.send_signal(how)
    _, stderr = child.communicate(timeout=60)
    if how == signal.SIGINT:
        assert child.returncode == 130 and "run the same command again" in stderr
    else:
        assert child.returncode == -signal.SIGKILL
    settle(database)
    partial = assert_only_whole_documents(database)
    assert 5 <= partial < DOCUMENTS

    again = start(db_url, folder)
    stdout, stderr = again.communicate(timeout=120)
    assert again.returncode == 0, stderr
    assert stdout.startswith(f"{DOCUMENTS - partial} new, 0 updated, {partial} unchanged")
    assert assert_only_whole_documents(database) == DOCUMENTS
