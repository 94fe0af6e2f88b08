"""``--workers``/``--scheduler`` on the command line, without starting a cluster."""

from __future__ import annotations

import sys

from click.testing import CliRunner

from marsad.cli import _register_commands, cli


def run(*args: str):
    _register_commands()
    return CliRunner().invoke(cli, list(args))


def test_workers_without_dask_installed_names_the_extra(tmp_path, monkeypatch):
    report = tmp_path / "r.txt"
    report.write_text("Two civilians were killed in shelling on Idlib on 3 March 2019.")
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = run("extract", str(report), "--workers", "2")
    assert result.exit_code != 0
    assert "pip install 'marsad[dask]'" in result.output
    database = f"sqlite:///{tmp_path / 'm.sqlite'}"
    assert run("init", "--database", database).exit_code == 0
    result = run("ingest", str(report), "--workers", "2", "--database", database)
    assert result.exit_code != 0
    assert "pip install 'marsad[dask]'" in result.output


def test_standard_input_is_not_sent_to_workers():
    result = run("extract", "-", "--workers", "2")
    assert result.exit_code == 2
    assert "standard input cannot be shared out" in result.output


def test_help_shows_the_distributed_examples():
    assert "--workers 2" in run("extract", "--help").output
    assert "--scheduler tcp://" in run("ingest", "--help").output
