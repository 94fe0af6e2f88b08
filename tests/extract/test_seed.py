"""The seed bulletin's hand annotation: every casualty fact C1–C7 is reproduced."""

from __future__ import annotations

import json
from datetime import date

import pytest

from marsad.extract import extract_text

SEED = "000_630b495d26aa50f8"


@pytest.fixture(scope="module")
def seed(shared_dir):
    text = (shared_dir / "seed" / f"{SEED}.txt").read_text(encoding="utf-8")
    gold = json.loads((shared_dir / "seed" / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    extraction = extract_text(text, document_id=SEED, published=date(2018, 11, 10), source="SOHR")
    return text, gold, extraction


def _gold(gold, gold_id):
    return next(c for c in gold["casualties"] if c["id"] == gold_id)


def _match(extraction, gold_fact, parent_id=None):
    candidates = [c for c in extraction.casualties if c.outcome == gold_fact["outcome"]
                  and c.part_of == parent_id and (c.count == gold_fact["count"] or
                                                  (gold_fact["count"] is None and c.vague == gold_fact.get("vague")))]
    assert candidates, f"no extracted casualty for {gold_fact['id']}: {gold_fact}"
    return candidates[0]


@pytest.fixture(scope="module")
def matched(seed):
    _, gold, extraction = seed
    found = {}
    for gold_id in ("C1", "C2", "C3", "C4", "C5", "C6", "C7"):
        found[gold_id] = _match(extraction, _gold(gold, gold_id))
    for child, parent in (("C1a", "C1"), ("C1b", "C1"), ("C1c", "C1"), ("C4a", "C4"), ("C4b", "C4"), ("C5a", "C5")):
        found[child] = _match(extraction, _gold(gold, child), parent_id=found[parent].id)
    return found


def _period(casualty):
    assert casualty.period is not None, casualty
    return [casualty.period.start.isoformat(), casualty.period.end.isoformat()]


def test_every_gold_casualty_is_found_with_its_count_and_parent(seed, matched):
    _, gold, _ = seed
    for fact in gold["casualties"]:
        assert fact["id"] in matched
    assert matched["C1b"].count == 121 and matched["C1b"].derived
    assert matched["C4b"].count == 267 and matched["C4b"].derived
    assert not matched["C1"].derived and not matched["C4a"].derived


def test_qualifiers_and_vague_counts(matched):
    assert matched["C1"].qualifier == "at_least" and matched["C1"].low == 123
    assert matched["C5a"].qualifier == "at_least"  # written "at last 208"
    assert matched["C7"].vague == "hundreds" and matched["C7"].count == 100


def test_victim_groups(matched):
    for gold_id in ("C1", "C1c", "C2"):
        assert matched[gold_id].victims == "civilians", gold_id
    assert matched["C1a"].victim_group == "children"
    for gold_id, affiliation in (("C3", "SDF"), ("C4", "ISIS"), ("C5", "SDF"), ("C5a", "SDF"), ("C4a", "ISIS")):
        assert matched[gold_id].victims == "combatants", gold_id
        assert matched[gold_id].affiliation == affiliation, gold_id
    assert matched["C6"].victims == "combatants"


def test_stated_perpetrators_and_causes(matched):
    assert set(matched["C1"].perpetrator) == {"International Coalition", "SDF"}
    assert matched["C1a"].perpetrator == ["SDF"] and matched["C1a"].cause == "shelling"
    assert matched["C1b"].perpetrator == ["International Coalition"] and matched["C1b"].cause == "airstrike"
    assert matched["C2"].perpetrator == ["ISIS"] and matched["C3"].perpetrator == ["ISIS"]
    assert matched["C5"].perpetrator == ["ISIS"] and matched["C5"].cause == "clash"
    assert matched["C6"].cause == "shelling"


def test_periods_and_tallies(seed, matched):
    _, gold, _ = seed
    for gold_id in ("C1", "C1c", "C2", "C3", "C4", "C4a", "C4b", "C5", "C5a", "C7"):
        assert _period(matched[gold_id]) == _gold(gold, gold_id)["period"], gold_id
    assert matched["C4"].is_tally and matched["C5"].is_tally
    assert not matched["C6"].is_tally and matched["C6"].period is None


def test_spans_are_exact_offsets_into_the_original_text(seed, matched):
    text, gold, extraction = seed
    for casualty in extraction.casualties:
        if casualty.span is not None:
            assert text[casualty.span.start:casualty.span.end] == casualty.span.text
    for gold_id, casualty in matched.items():
        evidence = _gold(gold, gold_id)["evidence"]
        if evidence is None:
            assert casualty.span is None, gold_id
            continue
        start = text.index(evidence)
        end = start + len(evidence)
        assert casualty.span.start < end and start < casualty.span.end, (gold_id, casualty.span, evidence)


def test_publication_date_is_inferred_when_not_given(seed):
    text, _, _ = seed
    extraction = extract_text(text)
    assert extraction.published == date(2018, 11, 10)
    assert extraction.published_inferred
