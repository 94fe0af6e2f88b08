"""Report streams 165, 168 and 176-181 (s26, hs32): a member of a civil or local council and a community leader are
civilians; "killing 47 of the terrorists" counts combatants, and a state force's word on the enemy it killed, with
its speaker named after the count, is other dead beside its own losses (written for these tests; goes in tests/extract/)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text

DAY = date(2024, 9, 6)


def _victims(text: str) -> list[str | None]:
    return [c.victims for c in extract_text(text, published=DAY).casualties if not c.alternative_of]


@pytest.mark.parametrize("text, expected", [
    # a council's member, the council named after "of" (before: no kind, unknown)
    ("Gunmen on a motorcycle shot dead a member of the local civil council in Diban on Thursday.", "civilians"),
    ("A civil council member was shot dead in Thiban on Thursday evening.", "civilians"),
    ("Unknown assailants killed two members of the municipal council of Diban on Wednesday.", "civilians"),
    # a community or social leader is no armed "leader" (before: combatants)
    ("A community leader was shot dead by unidentified gunmen on Thursday in the rural area of Suarez, Cauca.",
     "civilians"),
    ("Two social leaders were killed in Argelia, Cauca, on Friday, a rights group said.", "civilians"),
    # guards: a military council's member and an armed group's leader stay combatants
    ("A drone strike killed a member of the Manbij Military Council near Manbij on Thursday.", "combatants"),
    ("Gunmen killed a Taliban leader in Quetta on Thursday.", "combatants"),
    # guard: a member of no named kind of body stays unknown
    ("Gunmen shot dead a member of the town's football club near Manbij on Thursday.", None),
])
def test_council_members_and_community_leaders_are_civilians(text, expected):
    assert _victims(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # the people after "of the" (before: no kind)
    ("Troops repelled the raid on the town on Sunday and killed 15 of the attackers, the army said.", "combatants"),
    ("Militants stormed the checkpoint, killing two of the policemen on duty there.", "combatants"),
    ("Bandits stormed the village and killed 12 of the 40 worshippers in the mosque on Friday.", "civilians"),
])
def test_a_count_of_the_people_after_of_the_names_their_kind(text, expected):
    assert _victims(text) == [expected]


def test_a_state_word_on_enemy_dead_with_its_speaker_after_is_other_dead():
    text = ("The army repulsed an attack by al-Shabaab terrorists on its base near Qoryooley on Wednesday, killing 47 "
            "of the terrorists, the Ministry of Information said. Four soldiers were martyred in the fighting.")
    casualties = extract_text(text, published=date(2024, 7, 10)).casualties
    claim = next(c for c in casualties if c.count == 47)
    # before: the 47 were an alternative figure of the four soldiers, and the report's count was four
    assert claim.alternative_of is None and claim.party_claim and claim.victims == "combatants"
    assert sum(e.fatalities or 0 for e in extract_text(text, published=date(2024, 7, 10)).events) == 51


def test_guard_a_state_word_on_enemy_beside_a_strike_on_its_own_account_stays_one_count():
    # the army's own strike, its word before the count: the same dead as the report's (unchanged)
    text = ("An air strike killed seven people in the village on Monday. The army said its jets had struck a depot, "
            "killing several militants.")
    assert sum(e.fatalities or 0 for e in extract_text(text, published=date(2024, 7, 10)).events) == 7
