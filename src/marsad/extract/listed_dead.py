"""Dead told one by one and then as a pair or a total (beside the ledger, :mod:`marsad.extract.ledger`, which is
near its size limit):

* "shot dead a tribal elder and his son … fired at them, killing both": "both" is the pair one verb listed just
  before, not two more;
* "Family of five shot dead …" over the body's "shot dead a man, his wife and their three children": the
  headline's count is the total of the body's first list, whose items are its parts.
"""

from __future__ import annotations

from typing import Final

from marsad.extract.casualties import Finding
from marsad.extract.pipeline import DocContext
from marsad.extract.same_dead import is_headline
from marsad.model import Casualty

#: how a bare "both" is read (``casualties.object.both``)
_BOTH_RULE: Final = "casualties.object.both"


def make_part(child: Casualty, parent: Casualty) -> None:
    child.part_of = parent.id
    child.alternative_of = None
    if child.victims is None:
        child.victims = parent.victims
    if child.affiliation is None and child.victims == parent.victims:
        child.affiliation = parent.affiliation
    if child.period is None:
        child.period = parent.period
    child.is_tally = parent.is_tally


def _free(casualty: Casualty) -> bool:
    return casualty.part_of is None and casualty.alternative_of is None and casualty.count is not None


def both_after_pair(ctx: DocContext, top: list[tuple[Finding, Casualty]]) -> None:
    """A bare "both" after two single dead that one verb listed in the sentence before or its own ("shot dead a
    tribal elder and his son … killing both"): the pair again, so the singles are its parts."""
    for index, (finding, casualty) in enumerate(top):
        if finding.rule != _BOTH_RULE or index < 2 or not _free(casualty):
            continue
        (one_finding, one), (other_finding, other) = top[index - 2], top[index - 1]
        if one.count == 1 and other.count == 1 and _free(one) and _free(other) \
                and one_finding.number is None and other_finding.number is None \
                and one_finding.trigger_start == other_finding.trigger_start \
                and 0 <= ctx.sentence_index(finding.start) - ctx.sentence_index(other_finding.start) <= 1:
            make_part(one, casualty)
            make_part(other, casualty)


def headline_total_of_list(ctx: DocContext, top: list[tuple[Finding, Casualty]]) -> None:
    """A headline's count ("Family of five shot dead") over the body's first list of one verb that adds up to it
    exactly ("shot dead a man, his wife and their three children"): the list's items are its parts, not more dead."""
    if not is_headline(ctx):
        return  # (a lead sentence's count is no headline: "A bomb killed two soldiers … gunmen shot dead a shepherd and
        # his brother" are two incidents)
    headline = [(f, c) for f, c in top if ctx.sentence_index(f.start) == 0 and f.number is not None and _free(c)]
    if len(headline) != 1 or (headline[0][1].count or 0) < 2:
        return  # (one count in the headline, of two or more dead)
    total = headline[0][1]
    body = [(f, c) for f, c in top if ctx.sentence_index(f.start) > 0]
    if not body:
        return
    trigger = body[0][0].trigger_start
    listed = [c for f, c in body if f.trigger_start == trigger]
    if len(listed) >= 2 and all(_free(c) for c in listed) and sum(c.count or 0 for c in listed) == total.count \
            and ctx.sentence_index(body[0][0].start) <= 2:
        for part in listed:
            make_part(part, total)
