"""No silent "nothing found": every mistake on the command line is named, with
what to do, and a non-zero exit (SQLite and PostgreSQL where a database is used)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner

from marsad.cli import _register_commands, cli
from marsad.store import open_database
from tests.reconcile.helpers import store, strike_report


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def test_a_mistyped_database_path_is_refused_and_not_created(runner, tmp_path, monkeypatch):
    missing = tmp_path / "no-such-folder" / "marsad.sqlite"
    for args, env in ((["documents", "list", "--database", str(missing)], {}),
                      (["events", "list"], {"MARSAD_DATABASE_URL": f"sqlite:///{missing}"}),
                      (["tally", "--database", f"sqlite:///{missing}"], {})):  # fmt: skip
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code != 0
        assert "does not exist" in result.output and "marsad init" in result.output
        assert not missing.exists() and not missing.parent.exists()
    created = runner.invoke(cli, ["init", "--database", str(missing)])
    assert created.exit_code == 0 and missing.exists()
    assert runner.invoke(cli, ["documents", "list", "--database", str(missing)]).exit_code == 0


@pytest.fixture
def reconciled(db_url, runner):
    database = open_database(db_url)
    with database.transaction() as session:
        for doc, day, town, admin1, killed in (("a", date(2021, 3, 3), "Atarib", "Idlib", 9),
                                               ("b", date(2021, 4, 5), "Hajin", "Deir ez-Zor", 4)):  # fmt: skip
            text, extraction = strike_report(doc=doc, day=day, town=town, admin1=admin1, killed=killed, source=f"S{doc}")
            extraction.casualties[0].outcome = "killed"
            store(session, (text, extraction))
        text, extraction = strike_report(doc="c", day=date(2021, 3, 3), town="Atarib", killed=6, source="Sc")
        extraction.casualties[0].outcome = "injured"
        store(session, (text, extraction))
    database.dispose()
    result = runner.invoke(cli, ["reconcile", "--database", db_url])
    assert result.exit_code == 0, result.output

    def invoke(*args: str):
        return runner.invoke(cli, [*args, "--database", db_url])

    return invoke


@pytest.mark.parametrize("option, value, close", [
    ("--area", "Atarb Town", "Atarib"), ("--victims", "civilans", "civilians"),
    ("--perpetrator", "Syrian regime force", "Syrian regime forces"), ("--outcome", "kiled", "killed"),
])  # fmt: skip
def test_unknown_tally_values_are_named_with_the_close_ones(reconciled, option, value, close):
    result = reconciled("tally", option, value)
    assert result.exit_code != 0
    assert repr(value) in result.output and "no reconciled incident" in result.output
    assert f"Did you mean: {close}" in result.output
    assert "(nothing found)" not in result.output


def test_a_known_value_with_no_incident_in_the_period_is_still_nothing_found(reconciled):
    result = reconciled("tally", "--area", "Idlib", "--from", "2020-01-01", "--to", "2020-01-31")
    assert result.exit_code == 0 and "(nothing found)" in result.output


def test_tally_outcome_all_never_adds_killed_and_injured(reconciled):
    rows = list(csv.DictReader(io.StringIO(reconciled("tally", "--outcome", "all", "--format", "csv").output)))
    assert {(r["outcome"], r["best"]) for r in rows} == {("killed", "13"), ("injured", "6")}


def test_review_refuses_a_report_of_a_document_that_does_not_exist(reconciled):
    result = reconciled("review", "confirm", "99/E1", "1/E1")
    assert result.exit_code != 0 and "No document 99" in result.output
    result = reconciled("review", "split", "1/E7", "2/E1")
    assert result.exit_code != 0 and "no event 'E7'" in result.output
    assert reconciled("review", "split", "1/E1", "2/E1").exit_code == 0


def test_incidents_list_with_filters_in_three_formats(reconciled):
    table = reconciled("incidents", "list")
    assert table.exit_code == 0 and "Atarib" in table.output and "Hajin" in table.output
    rows = json.loads(reconciled("incidents", "list", "--area", "Deir ez-Zor", "--format", "json").output)
    assert [(r["location"], r["killed"], r["date"]) for r in rows] == [("Hajin", 4, "2021-04-05")]
    rows = list(csv.DictReader(io.StringIO(reconciled("incidents", "list", "--from", "2021-03-01", "--to", "2021-03-31",
                                                      "--format", "csv").output)))  # fmt: skip
    assert {r["location"] for r in rows} == {"Atarib"}
    shown = reconciled("incidents", "show", rows[0]["id"])
    assert shown.exit_code == 0 and "Atarib" in shown.output
    unknown = reconciled("incidents", "list", "--area", "Atarb Town")
    assert unknown.exit_code != 0 and "Did you mean" in unknown.output
    assert "marsad incidents list" in reconciled("incidents", "list", "--help").output


def test_report_refuses_a_file_type_it_cannot_write(runner, tmp_path):
    database = tmp_path / "db.sqlite"
    open_database(str(database)).dispose()
    for name, extra, message in (("bulletin.docx", [], ".md, .html or .pdf"),
                                 ("bulletin.pdf", ["--format", "md"], "does not match")):  # fmt: skip
        result = runner.invoke(cli, ["report", "-o", str(tmp_path / name), *extra, "--database", str(database)])
        assert result.exit_code != 0 and message in result.output
        assert not (tmp_path / name).exists()
    assert runner.invoke(cli, ["report", "-o", str(tmp_path / "b.md"), "--database", str(database)]).exit_code == 0


def test_every_command_has_an_example_in_its_help(runner):
    import click

    def walk(command: click.Command, path: list[str]):
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                yield from walk(sub, [*path, name])
        else:
            yield path

    for path in walk(cli, []):
        output = runner.invoke(cli, [*path, "--help"]).output
        assert "Example" in output and "marsad " in output, path


def test_listing_by_an_unknown_source_names_it(reconciled):
    for command in (["documents", "list"], ["events", "list"]):
        result = reconciled(*command, "--source", "Sbb")
        assert result.exit_code != 0 and "no such source" in result.output and "Did you mean: S" in result.output
        assert reconciled(*command, "--source", "sa ").exit_code == 0  # case and spacing do not matter


def test_an_unknown_place_is_named_in_listings_bulletins_and_exports(reconciled, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    for args in (["events", "list", "--place", "Atarb Town"],
                 ["report", "--area", "Atarb Town", "-o", str(tmp_path / "b.md")],
                 ["export", "--area", "Atarb Town", "-o", str(tmp_path / "e.csv")],
                 ["chart", "deaths", "--area", "Atarb Town", "-o", str(tmp_path / "c.png")]):  # fmt: skip
        result = reconciled(*args)
        assert result.exit_code != 0, args
        assert "'Atarb Town'" in result.output and "Did you mean: Atarib" in result.output, args
    assert not list(tmp_path.iterdir())
    empty = reconciled("events", "list", "--place", "Atarib", "--from", "2020-01-01", "--to", "2020-01-02")
    assert empty.exit_code == 0 and "(nothing found)" in empty.output
