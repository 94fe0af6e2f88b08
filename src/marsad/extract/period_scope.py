"""Counts a running total's period reaches from outside the count's own clause (beside ``tallies``, which
is near its size limit).

* "More than 600 have been killed there since then, according to the ministry, and at least 20 Israelis have
  been killed in attacks": a count in the perfect, in a clause joined by ", and" to a running total, is one too;
* "since the war began on 7 October, when gunmen attacked the south, killing about 1,200 people": a count in the
  "when" clause after a period's opening day tells what happened that day, the war's background;
* "the hospital was shelled for the fourth time since May; two health workers were killed": a period that numbers a
  run of attacks scopes no count;
* a headline over a monthly update ("UN: 184 civilians killed in Ukraine in August; bomb kills three in Kharkiv")
  and its body's "At least 184 civilians were killed … in August" tell one running total: the headline's count,
  or the body's where only the headline states the period, is a claim too;
* "Hundreds of fighters on both sides have been killed in the battles for the hills", told beside an incident's
  own count: a vague mass of dead in the perfect, with no day, is the conflict's background, not the news.
"""

from __future__ import annotations

import re
from typing import Final

from marsad.extract.casualties import Finding
from marsad.extract.numbers import ORDINAL
from marsad.extract.pipeline import DocContext
from marsad.extract.spans import starting_within, stated_span
from marsad.model import Casualty, DateValue

#: the vague words for a mass of dead ("hundreds of", "tens of thousands of"): never one incident's small toll
_MASS_WORDS: Final = frozenset({"hundreds", "thousands"})
#: the perfect between a subject count and its verb: "… have been killed", "… have died", "… have lost their lives"
_PERFECT_VERB: Final = re.compile(r"\b(?:have|has)\s+(?:(?:now|also|so\s+far|reportedly)\s+)?(?:been\s+\w+|died|perished|lost)\b", re.I)

#: the perfect right before an active verb: "has killed", "have now killed"
_PERFECT_BEFORE: Final = re.compile(r"\b(?:have|has)\s+(?:(?:now|also|so\s+far|reportedly)\s+)?$", re.I)
#: the words from a running total's count up to the next count's verb: ", and <subject> have been"
_AND_PERFECT: Final = re.compile(r"[^.;]*?,\s+and\s+[^.;,]*?\b(?:has|have)\s+(?:also\s+)?(?:been\s+)?$", re.I)
#: "for the fourth time since May", "the third such attack since January": an ordinal right before the period
_RUN_BEFORE: Final = re.compile(r"\bthe\s+" + ORDINAL + r"\s+(?:[\w-]+\s+){0,2}?$", re.I)
#: a "when" clause right after a period's opening day, up to the count
_WHEN_AFTER: Final = re.compile(r",?\s+when\b[^.;]*$", re.I)


def perfect_sibling(ctx: DocContext, first: Finding, second: Finding) -> bool:
    """Whether ``second`` is told in the perfect, in a clause joined by ", and" after ``first``'s, in one sentence."""
    gap_start = max(first.end, first.trigger_end)
    if not ctx.may_match(_AND_PERFECT) or second.trigger_start <= gap_start or ctx.sentence_at(first.start) != ctx.sentence_at(second.trigger_start):
        return False
    return _AND_PERFECT.match(ctx.norm, gap_start, second.trigger_start) is not None


def told_at_opening(ctx: DocContext, finding: Finding) -> bool:
    """Whether the count lies in a "when" clause told right after the day a running total's period opens."""
    if not ctx.may_match(_WHEN_AFTER):
        return False  # (most reports hold no "when")
    sentence_start = ctx.sentence_at(finding.start)[0]
    count_start = min(finding.start, finding.trigger_start)
    for period in starting_within(ctx.dates, sentence_start, count_start):
        span = stated_span(period)
        if period.rule == "dates.since" and span.end <= count_start and _WHEN_AFTER.match(ctx.norm, span.end, count_start):
            return True
    return False


def numbers_a_run(ctx: DocContext, period: DateValue) -> bool:
    """Whether the period counts a run ("for the fourth time since May"), not the span a toll covers."""
    start = stated_span(period).start
    return _RUN_BEFORE.search(ctx.norm, max(0, start - 40), start) is not None


def headline_totals(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]) -> None:
    """Give a headline's count and the body's count of as many dead the running total's period one of them states
    (a month or longer), so neither is read as an incident's toll."""
    start, end = ctx.sentence_at(0)
    if end >= len(ctx.norm) or ctx.norm[start:end].rstrip()[-1:] in (".", "!", "?", ":", ";", ""):
        return  # (no headline: the first sentence ends with a stop)
    heads = [c for f, c in zip(findings, casualties) if f.start < end and c.part_of is None and c.count]
    if not heads:
        return
    for head in heads:
        for other, finding in zip(casualties, findings):
            if finding.start < end or other.part_of is not None or other.count != head.count or other.outcome != head.outcome:
                continue
            pair = (head, other) if head.is_tally else (other, head)
            total, told = pair
            if total.is_tally and not told.is_tally and total.period is not None and total.period.precision >= 4 \
                    and told.period is None:
                told.is_tally = True
                told.period = total.period


def vague_background(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]) -> None:
    """A vague mass of dead ("hundreds", "tens of thousands") told in the perfect, in a sentence that names no day,
    where the report tells an exact count of its own in another sentence, is the conflict's running background: a
    claim ("Shells hit a camp, killing 12 … Hundreds of fighters have been killed in the battles for the hills")."""
    masses = [(f, c) for f, c in zip(findings, casualties) if f.number is not None and f.number.vague in _MASS_WORDS
              and c.part_of is None and not c.is_tally and c.period is None and c.outcome == "killed"]
    if not masses:
        return  # (most reports hold no vague mass of dead)
    for finding, casualty in masses:
        number_end = finding.number.end if finding.number is not None else finding.end
        sentence = ctx.sentence_at(finding.start)
        if finding.trigger_start < number_end:
            # (or the object of a verb in the perfect: "The ADF has killed thousands of civilians over the past decade")
            if _PERFECT_BEFORE.search(ctx.norm, max(sentence[0], finding.trigger_start - 24), finding.trigger_start) is None:
                continue
        elif _PERFECT_VERB.search(ctx.norm, number_end, finding.trigger_end) is None:
            continue  # (a subject told before its verb, in the perfect)
        if any(value.precision < 3 for value in starting_within(ctx.dates, sentence[0], sentence[1])):
            continue  # (with no day of its own; a decade or a year is the background's span)
        if any(c.count and f.number is not None and f.number.vague is None and not c.is_tally and c.part_of is None
               and ctx.sentence_at(f.start) != sentence for f, c in zip(findings, casualties)):
            casualty.is_tally = True
