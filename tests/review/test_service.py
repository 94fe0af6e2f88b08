"""The status machine, corrections, the audit log, re-extraction, and the
readers (reconcile's tallies, the bulletin) seeing people's decisions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from marsad.errors import InputError
from marsad.review.service import PermissionDenied, decide_fact


def _casualty(session, document_id):
    from marsad.store.models import Casualty

    return session.scalars(select(Casualty).where(Casualty.document_id == document_id, Casualty.part_of_id.is_(None))
                           .order_by(Casualty.id.desc())).first()


def _event(session, document_id):
    from marsad.store.models import Event

    return session.scalars(select(Event).where(Event.document_id == document_id).order_by(Event.id.desc())).first()


def _tally_best(db) -> int:
    from marsad.reconcile import reconcile, tally

    with db.transaction() as session:
        reconcile(session)
    with db.reader() as session:
        return sum(r.best for r in tally(session))


def test_correction_keeps_the_machine_original_and_is_audited(database, world):
    from marsad.review.audit import audit_entries
    from marsad.review.service import review_of

    with database.transaction() as session:
        fact = _casualty(session, world["market_a"])
        state = decide_fact(session, "casualty", fact.id, "correct", user="reviewer", role="reviewer",
                            values={"count": "13"}, comment="the later bulletin says 13")
        assert state["status"] == "corrected"
    with database.reader() as session:
        fact = _casualty(session, world["market_a"])
        review = review_of(session, "casualty", fact)
        assert (review.machine["count"], review.values["count"], fact.count) == (12, 13, 12)
        entry = audit_entries(session, record="casualty ")[0]
        assert (entry["user"], entry["action"]) == ("reviewer", "casualty.correct")
        assert entry["old"] == {"status": "machine", "count": 12, "low": 12, "high": 12}
        assert entry["new"] == {"status": "corrected", "count": 13, "low": None, "high": None}
        assert entry["why"] == "the later bulletin says 13"


def test_roles_are_enforced_in_the_library(database, world):
    with database.transaction() as session:
        fact = _casualty(session, world["market_a"])
        with pytest.raises(PermissionDenied):
            decide_fact(session, "casualty", fact.id, "confirm", user="ana", role="analyst")
        with pytest.raises(PermissionDenied):
            decide_fact(session, "casualty", fact.id, "propose", user="v", role="viewer", values={"count": 1})
        state = decide_fact(session, "casualty", fact.id, "propose", user="ana", role="analyst", values={"count": "11"})
        assert (state["status"], state["proposed"]) == ("in_review", {"count": 11})
        with pytest.raises(InputError):  # a rejection says why
            decide_fact(session, "casualty", fact.id, "reject", user="r", role="reviewer")
        accepted = decide_fact(session, "casualty", fact.id, "correct", user="r", role="reviewer")  # the proposal
        assert (accepted["status"], accepted["values"]["count"]) == ("corrected", 11)
        with pytest.raises(InputError):  # a form that changes nothing is not a correction
            decide_fact(session, "casualty", fact.id, "correct", user="r", role="reviewer", values={"count": "11", "outcome": "killed"})


def test_tallies_use_corrections_and_drop_rejected_facts_and_split_links(database, world):
    from marsad.review.service import decide_link

    before = _tally_best(database)  # market (14, latest report) + school linked into it + false 30
    with database.transaction() as session:
        decide_link(session, f"{world['market_a']}/E1", f"{world['school']}/E1", "split", user="r", role="reviewer")
        decide_link(session, f"{world['market_b']}/E1", f"{world['school']}/E1", "split", user="r", role="reviewer")
    split = _tally_best(database)
    assert split == before + 7  # the school strike is its own incident now
    with database.transaction() as session:
        decide_fact(session, "event", _event(session, world["false"]).id, "reject", user="r", role="reviewer",
                    comment="no strike on Saraqib that day")
    rejected = _tally_best(database)
    assert rejected == split - 30
    with database.transaction() as session:
        decide_fact(session, "casualty", _casualty(session, world["school"]).id, "correct", user="r", role="reviewer",
                    values={"count": 9})
    assert _tally_best(database) == rejected + 2


def test_bulletin_reads_verified_facts_only_when_asked(database, world):
    from marsad.publish.records import Scope
    from marsad.publish.report import build_bulletin

    def numbers(verified_only):
        with database.reader() as session:
            bulletin = build_bulletin(session, Scope(verified_only=verified_only), public=True)
        return bulletin.title, sorted(f.count for f in bulletin.figures() if f.count is not None)

    title, counts = numbers(True)
    assert counts == [] and "verified facts only" in title
    with database.transaction() as session:
        decide_fact(session, "casualty", _casualty(session, world["false"]).id, "correct", user="r", role="reviewer",
                    values={"count": 31})
    title, counts = numbers(True)
    assert counts == [31]
    title, counts = numbers(False)
    assert 31 in counts and 30 not in counts and "unreviewed" in title


def test_a_reextraction_never_overwrites_a_verified_fact_and_sends_it_back_to_review(database, world):
    from marsad import model as m
    from marsad.reconcile.facts import load_facts
    from marsad.review.overlay import sync_reviews
    from marsad.review.service import status_of
    from marsad.store import repository as repo
    from tests.reconcile.helpers import strike_report

    with database.transaction() as session:
        decide_fact(session, "casualty", _casualty(session, world["school"]).id, "correct", user="r", role="reviewer",
                    values={"count": 8})
    # the same text extracted again by a newer pipeline that reads the count differently
    text, extraction = strike_report(doc="a2", day=date(2019, 3, 10), town="Maarrat al-Numan", killed=7,
                                     target="a school", source="Monitor A", version="test-2")
    extraction.casualties[0] = m.Casualty(**{**extraction.casualties[0].__dict__, "count": 70, "low": 70, "high": 70})
    with database.transaction() as session:
        document = repo.get_document(session, world["school"])
        assert document.text == text
        repo.add_extraction(session, document, extraction)
    with database.reader() as session:  # before any sync: matched by span, the person's value wins
        _, claims = load_facts(session)
        reports, _ = load_facts(session)
        school = next(r for r in reports if r.document_id == world["school"])
        assert school.killed == 8
    with database.transaction() as session:
        counts = sync_reviews(session)
        assert counts["touched"] == 1
        fact = _casualty(session, world["school"])
        assert fact.count == 70 and status_of(session, "casualty", fact) == "in_review"
    with database.reader() as session:
        reports, _ = load_facts(session)
        assert next(r for r in reports if r.document_id == world["school"]).killed == 8


def test_passwords_and_tokens_are_stored_hashed(database):
    from marsad.review.models import ApiToken, User
    from marsad.review.users import AuthError, add_user, authenticate, create_token, user_for_token

    with database.transaction() as session:
        with pytest.raises(InputError):
            add_user(session, "amal", role="reviewer", password="")  # no default or empty password
        add_user(session, "amal", role="reviewer", password="a long enough secret")
        token = create_token(session, "amal", name="script")
    with database.transaction() as session:
        user = session.scalar(select(User).where(User.username == "amal"))
        assert user.password_hash.startswith("$argon2") and "a long enough secret" not in user.password_hash
        assert token not in [t.token_hash for t in session.scalars(select(ApiToken))]
        assert authenticate(session, "amal", "a long enough secret").username == "amal"
        assert user_for_token(session, token).username == "amal"
        with pytest.raises(AuthError):
            authenticate(session, "amal", "wrong password!")
        with pytest.raises(AuthError):
            user_for_token(session, token + "x")


def test_merge_two_incidents(database, world):
    from sqlalchemy import select

    from marsad.reconcile import reconcile
    from marsad.reconcile.models import IncidentReport
    from marsad.review.service import merge_incidents

    def incident_of(session, document_id):
        return session.scalar(select(IncidentReport.incident_id).where(IncidentReport.document_id == document_id))

    with database.transaction() as session:
        market, bakery = incident_of(session, world["market_a"]), incident_of(session, world["false"])
        assert market != bakery
        merge_incidents(session, market, bakery, user="r", role="reviewer", comment="one raid")
        reconcile(session)
        assert incident_of(session, world["market_a"]) == incident_of(session, world["false"])


def test_a_corrected_event_place_reaches_reconcile_and_the_incident(database, world):
    from marsad.reconcile import reconcile
    from marsad.reconcile.models import Incident

    with database.transaction() as session:
        event = _event(session, world["false"])
        decide_fact(session, "event", event.id, "correct", user="r", role="reviewer",
                    values={"latitude": 36.01, "longitude": 36.42, "location": "Kafr Nabl"}, comment="wrong village")
    with database.transaction() as session:
        reconcile(session)  # failed with "multiple values for keyword argument" on any event correction
    with database.reader() as session:
        places = {(i.location, i.latitude, i.longitude) for i in session.scalars(select(Incident))}
    assert ("Kafr Nabl", 36.01, 36.42) in places


def test_the_inbox_lists_new_reports_until_every_fact_of_them_is_decided(database, world):
    from marsad.review.newsroom import InboxFilters, new_reports
    from marsad.review.service import fact_model
    from tests.review.world import CONFIDENTIAL

    with database.reader() as session:
        before = {r["document_id"]: r for r in new_reports(session, InboxFilters())}
        confidential = {r["document_id"] for r in new_reports(session, InboxFilters(source=CONFIDENTIAL.upper()))}
    assert confidential == {world["market_b"]}
    assert before[world["school"]]["events"] == 1 and before[world["school"]]["counts"] >= 1
    with database.transaction() as session:
        for kind in ("event", "casualty"):
            model = fact_model(kind)
            for fact in session.scalars(select(model).where(model.document_id == world["school"])):
                decide_fact(session, kind, fact.id, "confirm", user="r", role="reviewer")
    with database.reader() as session:
        after = {r["document_id"] for r in new_reports(session, InboxFilters())}
    assert after == set(before) - {world["school"]}


def test_a_decided_link_goes_back_to_review_when_one_of_its_reports_is_extracted_again(database, world):
    from marsad.review.models import FactReview
    from marsad.review.overlay import sync_reviews
    from marsad.review.service import decide_link
    from marsad.store import repository as repo
    from tests.reconcile.helpers import strike_report

    school, market = f"{world['school']}/E1", f"{world['market_a']}/E1"
    with database.transaction() as session:
        decide_link(session, school, market, "split", user="r", role="reviewer", comment="a school, not the market")
    with database.transaction() as session:
        assert sync_reviews(session)["touched"] == 0  # nothing new since the decision
    _, extraction = strike_report(doc="a2", day=date(2019, 3, 10), town="Maarrat al-Numan", killed=7,
                                  target="a school", source="Monitor A", version="test-2")
    with database.transaction() as session:
        repo.add_extraction(session, repo.get_document(session, world["school"]), extraction)
    with database.transaction() as session:
        assert sync_reviews(session)["touched"] >= 1
        link = session.scalar(select(FactReview).where(FactReview.kind == "link"))
        assert link.status == "in_review" and f"newer extraction of report {world['school']}/E1" in link.touched
    with database.transaction() as session:
        assert sync_reviews(session)["touched"] == 0  # touched once, not on every look
