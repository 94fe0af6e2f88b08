import csv
import io
import json
from datetime import date

from click.testing import CliRunner

from marsad.cli import _register_commands, cli
from tests.reconcile.helpers import store, strike_report


def test_reconcile_tally_review_commands(tmp_path):
    from marsad.store import open_database

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    db = open_database(url)
    with db.transaction() as session:
        store(session, strike_report(doc="a", day=date(2021, 3, 3), town="Atarib", killed=9, source="A"), reliability="B")
        store(session, strike_report(doc="b", day=date(2021, 3, 3), town="al-Atareb", killed=9, source="B"), reliability="C")
    db.dispose()
    _register_commands()
    runner = CliRunner()
    env = {"MARSAD_DATABASE_URL": url}
    first = runner.invoke(cli, ["reconcile", "--format", "json"], env=env)
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["incidents"] == 1
    again = runner.invoke(cli, ["reconcile", "--format", "json"], env=env)
    assert json.loads(again.output)["changed"] == 0
    table = runner.invoke(cli, ["tally", "--from", "2021-03-01", "--to", "2021-03-31", "--area", "Idlib", "--by", "month", "--by", "perpetrator",
                                "--victims", "civilians", "--format", "csv"], env=env)  # fmt: skip
    assert table.exit_code == 0, table.output
    assert list(csv.DictReader(io.StringIO(table.output))) == [
        {"month": "2021-03", "perpetrator": "Syrian regime forces", "low": "9", "best": "9", "high": "9", "incidents": "1", "sources": "2"}
    ]
    assert runner.invoke(cli, ["review", "split", "1/E1", "2/E1", "--by", "tester"], env=env).exit_code == 0
    assert json.loads(runner.invoke(cli, ["reconcile", "--format", "json"], env=env).output)["incidents"] == 2
    shown = runner.invoke(cli, ["incidents", "show", "1"], env=env)
    assert shown.exit_code == 0 and "best 9" in shown.output
    missing = runner.invoke(cli, ["incidents", "show", "999"], env=env)
    assert missing.exit_code != 0 and "No incident 999" in missing.output
    assert runner.invoke(cli, ["check"], env=env).exit_code == 0
    bad = runner.invoke(cli, ["tally", "--from", "2021-04-01", "--to", "2021-03-01"], env=env)
    assert bad.exit_code != 0 and "after" in bad.output
