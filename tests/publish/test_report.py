"""The bulletin on a hand-built report (structure, derived remainders,
evidence links, public mode) and on the seed bulletin (figures of the gold
annotation)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from marsad import model
from marsad.publish.records import Scope
from marsad.publish.render import render_text, write_bulletin
from marsad.publish.report import build_bulletin

BULLETIN_TEXT = (
    "Eastern Deir ez-Zor. Monitors documented the deaths of at least 50 civilians since the 1st of March 2019, "
    "including 3 children killed by artillery shelling of the SDF, while the rest were killed in Coalition "
    "airstrikes. Monitors also documented the deaths of 200 ISIS fighters, including 120 who were killed in "
    "the second month, and of 90 SDF fighters in clashes with ISIS."
)
WITNESS_TEXT = "Our contact in Hajin says 4 women were killed by a Coalition strike on a market in March 2019."
WITNESS_SOURCE = "Hajin Contact Network"


def _span(text, fragment):
    start = text.index(fragment)
    return model.Span(start, start + len(fragment), fragment)


def _period(start, end):
    return model.DateValue(date.fromisoformat(start), date.fromisoformat(end), 5)


def bulletin_extraction():
    t = BULLETIN_TEXT
    whole = _period("2019-03-01", "2019-05-01")
    return model.Extraction(
        document_id="b1", published=date(2019, 5, 1), pipeline={"name": "test", "version": "1"},
        places=[model.PlaceMention(id="P1", text="Deir ez-Zor", span=_span(t, "Deir ez-Zor"), name="Deir ez-Zor",
                                   admin1="Deir ez-Zor", country="Syria", resolved=True)],
        casualties=[
            model.Casualty(id="C1", outcome="killed", count=50, low=50, qualifier="at_least", victims="civilians",
                           perpetrator=["International Coalition", "SDF"], period=whole, is_tally=True,
                           span=_span(t, "at least 50 civilians")),
            model.Casualty(id="C2", outcome="killed", count=3, victims="civilians", victim_group="children",
                           perpetrator=["SDF"], cause="shelling", part_of="C1",
                           span=_span(t, "3 children killed by artillery shelling of the SDF")),
            model.Casualty(id="C3", outcome="killed", count=47, victims="civilians", perpetrator=["International Coalition"],
                           cause="airstrike", part_of="C1", derived="50 - 2: the rest",
                           span=_span(t, "the rest were killed in Coalition airstrikes")),
            model.Casualty(id="C4", outcome="killed", count=200, victims="combatants", affiliation="ISIS",
                           perpetrator=["International Coalition", "SDF"], period=whole, is_tally=True,
                           span=_span(t, "200 ISIS fighters")),
            model.Casualty(id="C5", outcome="killed", count=120, victims="combatants", affiliation="ISIS", part_of="C4",
                           period=_period("2019-04-01", "2019-05-01"), span=_span(t, "120 who were killed in the second month")),
            model.Casualty(id="C6", outcome="killed", count=90, victims="combatants", affiliation="SDF",
                           perpetrator=["ISIS"], cause="clash", period=whole, is_tally=True, span=_span(t, "90 SDF fighters")),
        ],
    )


def witness_extraction():
    t = WITNESS_TEXT
    return model.Extraction(
        document_id="w1", published=date(2019, 3, 20), pipeline={"name": "test", "version": "1"},
        events=[model.Event(id="E1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                            event_date=date(2019, 3, 18), actor1="International Coalition", location="Hajin",
                            admin1="Deir ez-Zor", country="Syria", latitude=34.69, longitude=40.83, fatalities=4,
                            casualty_ids=["C1"], span=_span(t, "a Coalition strike on a market"))],
        casualties=[model.Casualty(id="C1", outcome="killed", count=4, victims="civilians", victim_group="women",
                                   perpetrator=["International Coalition"], cause="airstrike",
                                   span=_span(t, "4 women were killed"))],
    )


@pytest.fixture
def bulletin_db(database):
    from marsad.store import repository

    with database.transaction() as session:
        monitor = repository.get_or_create_source(session, "Monitor", reliability="B")
        witness = repository.get_or_create_source(session, WITNESS_SOURCE, reliability="C", confidential=True)
        for text, source, extraction in ((BULLETIN_TEXT, monitor, bulletin_extraction()),
                                         (WITNESS_TEXT, witness, witness_extraction())):
            stored = repository.add_document(session, text=text, source=source, published=extraction.published,
                                             url=f"https://example.org/{extraction.document_id}")
            repository.add_extraction(session, stored.document, extraction)
    return database


SCOPE = Scope(date_from=date(2019, 3, 1), date_to=date(2019, 5, 1), area="Deir ez-Zor")


def _bulletin(database, **options):
    with database.session() as session:
        return build_bulletin(session, SCOPE, **options)


def test_bulletin_totals_breakdowns_and_derived_remainders(bulletin_db):
    bulletin = _bulletin(bulletin_db)
    (civilians,) = [f for f in bulletin.civilians if f.count == 50]
    assert civilians.amount == "at least 50"
    assert {(c.count, c.victim_group, tuple(c.perpetrators)) for c in civilians.children} == {
        (3, "children", ("SDF",)), (47, None, ("International Coalition",))}
    assert [f.count for f in bulletin.civilians if f.victim_group == "women"] == [4]
    (isis,) = bulletin.fighters["ISIS"]
    remainder = next(c for c in isis.children if c.derived)
    assert (remainder.count, remainder.period) == (80, (date(2019, 3, 1), date(2019, 4, 1)))
    assert remainder.derived == "200 − 120"
    totals = {t.perpetrator: (t.civilians, t.fighters) for t in bulletin.by_perpetrator}
    assert totals["International Coalition"] == (47 + 4, 0)
    assert totals["SDF"] == (3, 0)
    assert totals["ISIS"] == (0, 90)
    assert totals["International Coalition and SDF (jointly)"] == (0, 200)
    assert [i.location for i in bulletin.incidents] == ["Hajin"]


def test_every_figure_has_evidence_with_quoted_span(bulletin_db):
    bulletin = _bulletin(bulletin_db)
    by_number = {e.number: e for e in bulletin.evidence}
    for figure in bulletin.figures():
        assert figure.evidence, figure.label
        for number in figure.evidence:
            evidence = by_number[number]
            assert evidence.quote and evidence.start is not None
    derived = next(f for f in bulletin.figures() if f.derived == "200 − 120")
    assert {by_number[n].quote for n in derived.evidence} == {"200 ISIS fighters", "120 who were killed in the second month"}


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_rendered_bulletin_links_every_figure(bulletin_db, fmt):
    bulletin = _bulletin(bulletin_db)
    text = render_text(bulletin, fmt)
    for evidence in bulletin.evidence:
        target = f"[^{evidence.number}]:" if fmt == "md" else f'id="ev-{evidence.number}"'
        assert target in text
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", text)) if fmt == "md" else set(re.findall(r'href="#ev-(\d+)"', text))
    assert cited == {str(e.number) for e in bulletin.evidence}
    for figure in bulletin.figures():
        assert figure.anchor in text
    assert "Methods" in text and "derived" in text and "at least 50" in text
    if fmt == "html":
        assert not re.search(r'(src|href)="(https?:)?//', text.replace('href="https://example.org/', ""))


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_public_bulletin_hides_confidential_sources(bulletin_db, tmp_path, fmt):
    path = write_bulletin(_bulletin(bulletin_db, public=True), fmt, tmp_path / f"public.{fmt}")
    content = _text_of(path, fmt)
    assert "4 women" in content.replace("\n", " ") or "women" in content  # the figure stays
    for secret in (WITNESS_SOURCE, "Our contact in Hajin", "example.org/w1"):
        assert secret not in content
    private = _text_of(write_bulletin(_bulletin(bulletin_db), fmt, tmp_path / f"private.{fmt}"), fmt)
    assert WITNESS_SOURCE in private


def _text_of(path, fmt):
    if fmt != "pdf":
        return path.read_text(encoding="utf-8")
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    return "\n".join(page.get_textpage().get_text_range() for page in document)


# ------------------------------------------------------------------ the seed


GOLD = {  # (victims, affiliation or group, count) from ../shared/seed/*.gold.json
    "civilians": 123, "children by SDF": 2, "civilians by Coalition (derived)": 121,
    "ISIS fighters": 608, "ISIS second month": 341, "ISIS first month (derived)": 267,
    "SDF fighters": 347, "SDF second month": 208,
}


@pytest.fixture
def seed_db(database, shared_dir):
    """The seed ingested as a user does: ``marsad ingest … --source SOHR --published 2018-11-10``."""
    from click.testing import CliRunner

    from marsad.cli import _register_commands, cli

    _register_commands()
    seed = shared_dir / "seed" / "000_630b495d26aa50f8.txt"
    result = CliRunner().invoke(cli, ["ingest", str(seed), "--source", "SOHR", "--published", "2018-11-10",
                                      "--no-progress", "--database", database.url])
    assert result.exit_code == 0, result.output
    return database


def seed_figures(bulletin) -> dict[str, int | None]:
    """What the bulletin says for each gold figure (None when it is missing)."""
    found: dict[str, int | None] = dict.fromkeys(GOLD)
    everything = bulletin.figures()

    def first(predicate):
        return next((f.count for f in everything if predicate(f)), None)

    def is_affiliation(f, name):
        return f.victims == "combatants" and (f.affiliation or "").upper().startswith(name)

    found["civilians"] = first(lambda f: f.victims == "civilians" and f.count == 123)
    found["children by SDF"] = first(lambda f: f.victim_group and "child" in f.victim_group and "SDF" in f.perpetrators)
    found["civilians by Coalition (derived)"] = first(
        lambda f: f.victims == "civilians" and f.count == 121 and any("Coalition" in p for p in f.perpetrators))
    found["ISIS fighters"] = first(lambda f: is_affiliation(f, "IS") and f.count == 608)
    found["ISIS second month"] = first(lambda f: is_affiliation(f, "IS") and f.count == 341
                                       and f.period[0] == date(2018, 10, 10))
    found["ISIS first month (derived)"] = first(lambda f: is_affiliation(f, "IS") and f.count == 267 and f.derived)
    found["SDF fighters"] = first(lambda f: is_affiliation(f, "SDF") and f.count == 347)
    found["SDF second month"] = first(lambda f: is_affiliation(f, "SDF") and f.count == 208)
    return found


def test_seed_bulletin_reproduces_the_gold_figures(seed_db, tmp_path):
    with seed_db.session() as session:
        bulletin = build_bulletin(session, Scope(date(2018, 9, 10), date(2018, 11, 10), "Deir ez-Zor"))
    if not bulletin.figures():
        pytest.fail("the seed bulletin has no figures: extraction found no casualty counts in the seed")
    found = seed_figures(bulletin)
    missing = {name: GOLD[name] for name, value in found.items() if value != GOLD[name]}
    assert not missing, f"figures missing from the seed bulletin: {json.dumps(missing)}"
    by_number = {e.number: e for e in bulletin.evidence}
    for figure in bulletin.figures():
        assert figure.evidence and all(by_number[n].quote for n in figure.evidence), figure.label
    for fmt in ("md", "html", "pdf"):
        path = write_bulletin(bulletin, fmt, tmp_path / f"seed.{fmt}")
        assert path.stat().st_size > 1000
        text = _text_of(path, fmt).replace(",", "")
        for value in GOLD.values():
            assert str(value) in text


def _strike_report(document_id: str, deaths: int, published: date):
    text = f"A Coalition strike on the bakery of Gharanij killed {deaths} civilians."
    extraction = model.Extraction(
        document_id=document_id, published=published, pipeline={"name": "test", "version": "1"},
        events=[model.Event(id="E1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                            event_date=date(2019, 3, 10), actor1="International Coalition", location="Gharanij",
                            admin1="Deir ez-Zor", country="Syria", fatalities=deaths, casualty_ids=["C1"],
                            span=_span(text, "A Coalition strike on the bakery of Gharanij"))],
        casualties=[model.Casualty(id="C1", outcome="killed", count=deaths, victims="civilians",
                                   perpetrator=["International Coalition"], span=_span(text, f"killed {deaths} civilians"))],
    )
    return text, extraction


def test_reports_of_one_reconciled_incident_count_once(database, tmp_path):
    from sqlalchemy import select

    from marsad.publish.export import export_events
    from marsad.reconcile.models import Incident, IncidentReport
    from marsad.store import repository
    from marsad.store.models import Event

    with database.transaction() as session:
        for name, (document_id, deaths, day) in {"Monitor": ("a", 5, date(2019, 3, 10)),
                                                 "Other Monitor": ("b", 8, date(2019, 3, 12))}.items():
            text, extraction = _strike_report(document_id, deaths, day)
            source = repository.get_or_create_source(session, name)
            stored = repository.add_document(session, text=text, source=source, published=day)
            repository.add_extraction(session, stored.document, extraction)
        incident = Incident(event_date=date(2019, 3, 10), n_reports=2, n_sources=2)
        session.add(incident)
        session.flush()
        for event in session.scalars(select(Event)):  # what `marsad reconcile` records for a linked pair
            session.add(IncidentReport(incident_id=incident.id, event_id=event.id, document_id=event.document_id,
                                       report_key=f"r{event.id}"))
    with database.session() as session:
        bulletin = build_bulletin(session, SCOPE)
        (figure,) = bulletin.civilians
        assert figure.count == 8 and figure.earlier  # the later toll, the first report cited as earlier
        assert [i.fatalities for i in bulletin.incidents] == [8]  # one incident, listed once
        assert f"incident {incident.id}" in bulletin.evidence[figure.evidence[0] - 1].fact
        export_events(session, "jsonl", tmp_path / "e.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [r["number_of_sources"] for r in rows] == [2, 2]


def test_a_copied_and_edited_template_is_used(bulletin_db, tmp_path):
    from marsad.publish.render import TEMPLATES_DIR

    mine = tmp_path / "my_bulletin.md.j2"
    original = (TEMPLATES_DIR / "bulletin.md.j2").read_text(encoding="utf-8")
    mine.write_text(original.replace("## Methods", "## How we counted"), encoding="utf-8")
    text = write_bulletin(_bulletin(bulletin_db), "md", tmp_path / "b.md", template=mine).read_text(encoding="utf-8")
    assert "## How we counted" in text and "## Methods" not in text


def test_a_later_report_of_the_same_total_supersedes_the_earlier(database):
    from marsad.store import repository

    period = _period("2019-03-01", "2019-03-31")
    with database.transaction() as session:
        source = repository.get_or_create_source(session, "Monitor")
        for document_id, count, published in (("t1", 40, date(2019, 3, 20)), ("t2", 52, date(2019, 4, 1))):
            text = f"Since the start of March, {count} civilians were killed in Deir ez-Zor."
            extraction = model.Extraction(
                document_id=document_id, published=published, pipeline={"name": "test", "version": "1"},
                places=[model.PlaceMention(id="P1", text="Deir ez-Zor", span=_span(text, "Deir ez-Zor"),
                                           name="Deir ez-Zor", admin1="Deir ez-Zor", resolved=True)],
                casualties=[model.Casualty(id="C1", outcome="killed", count=count, victims="civilians", period=period,
                                           is_tally=True, span=_span(text, f"{count} civilians"))],
            )
            stored = repository.add_document(session, text=text, source=source, published=published)
            repository.add_extraction(session, stored.document, extraction)
    with database.session() as session:
        bulletin = build_bulletin(session, Scope(date(2019, 3, 1), date(2019, 3, 31), "Deir ez-Zor"))
    (total,) = bulletin.civilians
    assert total.count == 52
    assert [bulletin.evidence[n - 1].quote for n in total.earlier] == ["40 civilians"]
