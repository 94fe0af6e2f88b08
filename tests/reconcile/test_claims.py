from datetime import date

from marsad.reconcile.claims import Claim, check_claims, coverage

START, END, SECOND = date(2018, 9, 10), date(2018, 11, 10), date(2018, 10, 10)


def seed_like_claims():
    return [
        Claim("C1", "killed", "civilians", 123, qualifier="at_least", perpetrators=["International Coalition", "SDF"], period_start=START, period_end=END),
        Claim("C1a", "killed", "children", 2, perpetrators=["SDF"], parent_key="C1", period_start=START, period_end=END),
        Claim("C1b", "killed", "civilians", None, perpetrators=["International Coalition"], parent_key="C1", remainder=True, period_start=START, period_end=END),
        Claim("C4", "killed", "combatants/ISIS", 608, period_start=START, period_end=END),
        Claim("C4a", "killed", "combatants/ISIS", 341, period_start=SECOND, period_end=END, parent_key="C4"),
        Claim("C5", "killed", "combatants/SDF", 347, perpetrators=["ISIS"], period_start=START, period_end=END),
        Claim("C5a", "killed", "combatants/SDF", 208, qualifier="at_least", period_start=SECOND, period_end=END, parent_key="C5"),
    ]


def test_remainders_are_derived_without_contradiction():
    derived, findings = check_claims(seed_like_claims())
    by_key = {c.key: c for c in derived}
    assert by_key["C1b"].count == 121 and by_key["C1b"].perpetrators == ["International Coalition"]
    first_month = by_key["C4/derived:2018-09-10"]
    assert first_month.count == 267 and first_month.period_end == date(2018, 10, 9)
    sdf_first = by_key["C5/derived:2018-09-10"]
    assert (sdf_first.low, sdf_first.count, sdf_first.high) == (0, 139, 139)  # 347 minus "at least 208": at most 139
    assert not [f for f in findings if f.kind == "contradiction"]


def test_sub_count_above_parent_is_a_contradiction():
    claims = [Claim("P", "killed", "civilians", 10), Claim("K", "killed", "children", 14, parent_key="P")]
    _, findings = check_claims(claims)
    assert [f.claim_key for f in findings if f.kind == "contradiction"] == ["K"]


def test_siblings_adding_up_beyond_parent_is_a_contradiction():
    claims = [
        Claim("P", "killed", "civilians", 10, perpetrators=["A", "B"]),
        Claim("X", "killed", "civilians", 6, perpetrators=["A"], parent_key="P"),
        Claim("Y", "killed", "civilians", 7, perpetrators=["B"], parent_key="P"),
    ]
    _, findings = check_claims(claims)
    assert any(f.kind == "contradiction" and f.claim_key == "P" for f in findings)


def test_coverage_reports_documented_share_and_excess():
    claim = Claim("P", "killed", "civilians", 100)
    (share,) = coverage([claim], lambda c: (40, 50, 60, 7))
    assert share.kind == "coverage" and share.figures["documented_share"] == 0.5
    (excess,) = coverage([claim], lambda c: (130, 140, 150, 9))
    assert excess.kind == "contradiction"
