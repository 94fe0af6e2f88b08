"""End to end on the seed bulletin: ingest (marsad's real ingest and
extraction, published 2018-11-10), then check the claimed totals."""

from datetime import date


def test_check_on_seed_derives_remainders_without_contradiction(shared_dir, tmp_path):
    from marsad.ingest import IngestOptions, ingest_paths
    from marsad.reconcile import check, reconcile
    from marsad.store import open_database

    db = open_database(f"sqlite:///{tmp_path / 'seed.sqlite'}")
    summary = ingest_paths(db, [str(shared_dir / "seed" / "000_630b495d26aa50f8.txt")], IngestOptions(source="SOHR", published=date(2018, 11, 10)))
    assert summary.new == 1 and summary.failed == 0
    with db.transaction() as session:
        reconcile(session)
    with db.transaction() as session:
        result = check(session)
    derived = [f for f in result.findings if f.kind == "derived"]
    coalition = [f for f in derived if f.figures["best"] == 121 and "International Coalition" in f.message and "civilians" in f.message]
    first_month = [f for f in derived if f.figures["best"] == 267 and "combatants/ISIS" in f.message and "2018-09-10" in f.message]
    assert coalition, [f.message for f in derived]
    assert first_month, [f.message for f in derived]
    assert result.contradictions == []
    db.dispose()
