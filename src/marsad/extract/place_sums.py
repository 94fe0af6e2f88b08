"""One count of the dead of attacks on two named places ("the bodies of four civilians killed in attacks … on
Latamna and Kafr Zita"): each place's incident is told on its own, and such a count sums them, so it is a
claim (methodology, section 1), checked against the incidents and never added to one of them. And the
reverse: a toll that the report itself breaks down place by place is no region's sum of others' reports."""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import KILLED, REST_RE
from marsad.extract.casualties import Finding
from marsad.extract.ledger import rest_told_after
from marsad.extract.pipeline import DocContext
from marsad.extract.spans import starting_within
from marsad.model import Casualty


def mark_attack_sums(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]) -> None:
    """Make a claim of each count that sums the incidents of attacks on two named places, with its parts."""
    if not ctx.may_match(_ATTACKS_ON_TWO):  # (most documents hold none of its words)
        return
    summed: set[str] = set()
    for finding, casualty in zip(findings, casualties):
        if casualty.part_of is None and casualty.alternative_of is None and not casualty.is_tally and \
                casualty.outcome in KILLED and _attacks_on_two_places(ctx, findings, casualties, finding):
            casualty.is_tally = True
            summed.add(casualty.id)
    for casualty in casualties:
        if casualty.part_of in summed:
            casualty.is_tally = True


#: attacks (plural) on two named places: "in attacks by regime forces … on Latamna and Kafr Zita"
_ATTACKS_ON_TWO: Final = re.compile(r"\b(?:attacks|raids|strikes|assaults|bombardments)(?:\s+[\w'-]+){0,8}?\s+on\s+"
                                    r"(?:the\s+(?:villages|towns)\s+of\s+)?(?P<a>[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+)?"
                                    r"\s+and\s+(?P<b>[A-Z][\w'-]+)")
#: the dead counted over the places just named: "13 people were killed in the two villages"
_IN_BOTH: Final = re.compile(r"\s+in\s+(?:both|the\s+two|the\s+three|all\s+three)\s+(?:villages|towns|communities|localities)\b", re.I)


def _attacks_on_two_places(ctx: DocContext, findings: list[Finding], casualties: list[Casualty], finding: Finding) -> bool:
    """Whether the count is the dead of attacks on two places its sentence names ("the bodies of four
    civilians killed in attacks … on Latamna and Kafr Zita"; "confirmed the attacks on Kanoma and Dansadau
    villages, saying 13 people were killed in the two villages"). One attack on two villages is one
    incident's toll ("an attack on A and B"), and a count told per place is no sum; sub-counts between
    are the count's ("four civilians, among them two children, killed in attacks …")."""
    if not ctx.may_match(_ATTACKS_ON_TWO):
        return False
    start, end = ctx.sentence_at(finding.start)
    if not ctx.may_match_within(_ATTACKS_ON_TWO, start, end):
        return False
    after_count = _number_end(finding)
    parts = {other.start for other, casualty in zip(findings, casualties) if casualty.part_of or casualty.alternative_of}
    for match in _ATTACKS_ON_TWO.finditer(ctx.norm, start, end):
        # (one of them a place the text names is enough: a village the gazetteer does not know may be
        # found by no cue here; neither may be a day, "on Monday and Tuesday")
        first = starting_within(ctx.places, match.start("a"), match.start("a") + 1)
        second = starting_within(ctx.places, match.start("b"), match.start("b") + 1)
        if not (first or second) or match.group("a") == match.group("b") or \
                starting_within(ctx.dates, match.start("a"), match.end("b")):
            continue
        if match.start() >= after_count:  # the count's own attacks: no other count nor place told between
            if not starting_within(ctx.places, after_count, match.start("a")) and not any(
                    after_count <= other.start < match.start() and other.outcome == finding.outcome
                    and other.start not in parts for other in findings):
                return True
        elif _IN_BOTH.match(ctx.norm, _verb_end(finding)):
            return True
    return False


def _verb_end(finding: Finding) -> int:
    """Where the count's verb ends when it follows the count ("13 people were killed| in …")."""
    return finding.trigger_end if finding.trigger_start >= finding.start else _number_end(finding)


def _number_end(finding: Finding) -> int:
    return finding.number.end if finding.number else finding.start


def itemized_by_place(ctx: DocContext, casualty: Casualty, casualties: list[Casualty]) -> bool:
    """A day's toll across a province that the report breaks down place by place ("the death of
    nine civilians across Idlib province: four in Sarmin, three in Ariha and the rest in Jisr
    al-Shughur"): the parts are the report's own incidents, not a region's sum of others' reports.
    Two located parts or more that make up the toll, or one or more that leave "the rest" of it to a last place
    ("one in Hawija and the rest in Daquq": two places too)."""
    parts = [c for c in casualties if c.part_of == casualty.id and c.rule == "casualties.bare_part" and c.span is not None]
    if not parts or casualty.count is None:
        return False
    stated = sum(c.count or 0 for c in parts)
    if stated == casualty.count:
        return len(parts) >= 2
    last = max(c.span.end for c in parts if c.span is not None)
    return stated < casualty.count and REST_RE.search(ctx.norm, last, ctx.sentence_at(last)[1]) is not None


def itemized_after(ctx: DocContext, casualty: Casualty, casualties: list[Casualty]) -> bool:
    """A day's toll across a country that the next sentences break down: a count in one place, then "the
    rest" ("killed at least 32 people across Bangladesh … At least 11 people were killed in Dhaka … The
    rest died in clashes in …"): the report's own incidents, as :func:`itemized_by_place`'s."""
    if casualty.count is None or casualty.span is None or not ctx.may_match(REST_RE):
        return False
    sentence = ctx.sentence_index(casualty.span.start)
    parts = [c for c in casualties if c.span is not None and ctx.sentence_index(c.span.start) == sentence + 1
             and c.outcome == casualty.outcome and c.part_of is None and 0 < (c.count or 0) < casualty.count]
    return bool(parts) and parts[-1].span is not None and rest_told_after(ctx, parts[-1].span.end)
