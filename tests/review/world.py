"""A small newsroom world built by hand: four reports from two sources (one
confidential), reconciled, and one account per role."""

from __future__ import annotations

from datetime import date

from tests.reconcile.helpers import store, strike_report

PASSWORD = "correct horse battery"
ROLES = ("viewer", "analyst", "reviewer", "admin")
CONFIDENTIAL = "Local network"


def build_world(db) -> dict:
    from marsad.reconcile import reconcile
    from marsad.review.users import add_user
    from marsad.store import repository as repo

    day = date(2019, 3, 10)
    with db.transaction() as session:
        repo.get_or_create_source(session, CONFIDENTIAL, reliability="B", confidential=True)
        ids = {
            "market_a": store(session, strike_report(doc="a1", day=day, town="Maarrat al-Numan", killed=12, children=3,
                                                     source="Monitor A"), reliability="B"),
            "market_b": store(session, strike_report(doc="b1", day=day, town="Maarrat al-Numan", killed=14,
                                                     source=CONFIDENTIAL, published=date(2019, 3, 11))),
            "school": store(session, strike_report(doc="a2", day=day, town="Maarrat al-Numan", killed=7, target="a school",
                                                   source="Monitor A", published=date(2019, 3, 11)), reliability="B"),
            "false": store(session, strike_report(doc="a3", day=date(2019, 3, 12), town="Saraqib", killed=30,
                                                  source="Monitor A", target="a bakery"), reliability="B"),
        }
        for role in ROLES:
            add_user(session, role, role=role, password=PASSWORD)
    with db.transaction() as session:
        reconcile(session)
    return ids
