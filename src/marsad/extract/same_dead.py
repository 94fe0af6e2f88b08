"""Whether two counts of one document tell the same dead or other dead: the scope a count's sentence gives
it (its days and places), a headline's victim told again, more people introduced, the other sex, the killers of
the dead counted before. The ledger (:mod:`marsad.extract.ledger`) and the restatements
(:mod:`marsad.extract.restatements`) ask these; each rule lives here once."""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import ONE_OF_THE_WOUNDED
from marsad.extract.casualties import Finding, names_relative
from marsad.extract.dates import is_reporting_day
from marsad.extract.numbers import ORDINAL
from marsad.extract.pipeline import DocContext
from marsad.extract.spans import starting_within, stated_span
from marsad.gazetteer.keys import place_key, skeleton
from marsad.model import Casualty, DateValue

#: the words of more people than a count before, wherever they stand ("two more soldiers", "another"); each rule
#: below reads them with the words it also takes for more
_MORE: Final = r"more|another|further|additional"
#: "others" than those counted
_OTHER: Final = r"other|others"
#: another incident's
_ELSEWHERE: Final = r"separate(?:ly)?|elsewhere"


def _words_of_more(*also: str) -> re.Pattern[str]:
    """A whole word of :data:`_MORE` or of ``also``."""
    return re.compile(r"\b(?:" + "|".join((_MORE, *also)) + r")\b", re.I)


#: words that tell more people than a count before, or another incident ("two more died" and "a wounded fighter
#: died" are the toll's)
ADDED: Final = _words_of_more(_OTHER, _ELSEWHERE, r"in\s+addition|also|meanwhile",
                              # (what the first killing led to: "The killing sparked protests in which one protester was shot")
                              r"sparked|triggered|ensuing|in\s+retaliation|retaliatory")
#: a bound on a count, not more people ("more than 23 fighters dead" adds no one)
QUALIFIER: Final = re.compile(r"\b(?:no\s+)?more\s+than\b", re.I)


def number_span(finding: Finding) -> tuple[int, int]:
    """Where a count's number stands, else the whole finding."""
    if finding.number is not None:
        return finding.number.start, finding.number.end
    return finding.start, finding.end


def sentence_gap(ctx: DocContext, a: Finding, b: Finding) -> int:
    """How many sentences ``b`` is told after ``a``."""
    return ctx.sentence_index(b.start) - ctx.sentence_index(a.start)


def clause_before(ctx: DocContext, finding: Finding, width: int = 120) -> str:
    """The words of a count's sentence before its number, up to ``width`` characters."""
    start = number_span(finding)[0]
    sentence_start = ctx.sentence_at(start)[0]
    return ctx.norm[max(sentence_start, start - width):start]


#: "Social leader killed in Cauca, the 60th this year": the year numbers a run the dead is one of, no day of its own
_RUN_BEFORE: Final = re.compile(r"[,;]\s*(?:the|its|their)\s+" + ORDINAL + r"\b[^,;.]*$", re.I)


def _numbers_a_run(norm: str, sentence_start: int, date: DateValue) -> bool:
    at = stated_span(date).start
    return _RUN_BEFORE.search(norm, max(sentence_start, at - 70), at) is not None


def clause_bounds(ctx: DocContext, finding: Finding) -> tuple[int, int]:
    """The count's sentence, or where a semicolon joins two clauses in it, the count's own clause: "UN: 184 killed
    in Ukraine in August; bomb kills three in Kharkiv" dates the second clause's dead by no month."""
    start, end = ctx.sentence_at(finding.start)
    if ";" not in ctx.norm[start:end]:
        return start, end  # (most sentences hold no semicolon)
    at = number_span(finding)[0]
    before = ctx.norm.rfind(";", start, at)
    after = ctx.norm.find(";", at, end)
    return (before + 1 if before >= 0 else start), (after if after >= 0 else end)


def anchors(ctx: DocContext, finding: Finding) -> tuple[set, set]:
    start, end = clause_bounds(ctx, finding)
    # the day a statement was made ("the minister, speaking on Sunday, said …") tells no incident apart
    dates = {(d.start, d.end) for d in starting_within(ctx.dates, start, end)
             if not is_reporting_day(ctx.norm, d) and not _numbers_a_run(ctx.norm, start, d)}
    places = {(p.name or p.text).lower() for p in starting_within(ctx.places, start, end)}
    return dates, places


#: a situation report's summary under a heading line of its own near the top ("HIGHLIGHTS", "KEY POINTS"), and the
#: next heading line, where its body begins ("SITUATION OVERVIEW")
_SUMMARY_HEADING: Final = re.compile(r"^[ \t]*(?:HIGHLIGHTS|KEY\s+(?:POINTS|MESSAGES|DEVELOPMENTS)|SUMMARY|AT\s+A\s+GLANCE)[ \t]*:?[ \t]*$", re.M)
_HEADING_LINE: Final = re.compile(r"^[ \t]*[A-Z][A-Z &/-]{3,}[ \t]*:?[ \t]*$", re.M)
#: how far into a report its summary's heading may stand (after the title and a dateline)
_SUMMARY_REACH: Final = 400
_SUMMARY_KEY: Final = "same_dead.summary"


def summary_block(ctx: DocContext) -> tuple[int, int]:
    """Where a report's summary block lies (0, 0 where it has none): its items are told again by the body, as a
    headline is, so the body's day and place specify the same dead."""
    known = ctx.extra.get(_SUMMARY_KEY)
    if known is None:
        known = (0, 0)
        head = ctx.norm[:_SUMMARY_REACH]
        if "HIGHLIGHTS" in head or "KEY " in head or "SUMMARY" in head or "GLANCE" in head:
            heading = _SUMMARY_HEADING.search(ctx.norm, 0, _SUMMARY_REACH)
            body = _HEADING_LINE.search(ctx.norm, heading.end()) if heading is not None else None
            if heading is not None and body is not None:
                known = (heading.end(), body.start())
        ctx.extra[_SUMMARY_KEY] = known
    return known


def opens_report(ctx: DocContext, first: Finding, later: Finding) -> bool:
    """Whether ``first`` opens the report, as its first sentence or an item of its summary block, and ``later``
    is told after the opening."""
    if ctx.sentence_at(first.start)[0] == 0:
        return True
    start, end = summary_block(ctx)
    return start <= first.start < end <= later.start


def distinct_scope(ctx: DocContext, first: Finding, later: Finding) -> bool:
    """Whether the later statement names a date or a place the first one's sentence does not."""
    if ctx.sentence_index(first.start) == ctx.sentence_index(later.start):
        return False
    first_dates, first_places = anchors(ctx, first)
    later_dates, later_places = anchors(ctx, later)
    opening = opens_report(ctx, first, later)
    if not first_dates and not first_places and opening:
        # a headline or opening count with no date or place, told again with them ("Ten killed in market
        # bombing" then "Ten people were killed … on Saturday"): the body specifies the same dead
        return False
    # (so does the body's day after an undated opening: "Gunmen kill 3 in Zamfara" then "… on Monday")
    new_dates = later_dates - first_dates if first_dates or not opening else set()
    return bool(new_dates) or bool(_new_places(ctx, first, later, later_places - first_places))


def _new_places(ctx: DocContext, first: Finding, later: Finding, names: set) -> set:
    """The later sentence's places that the first's do not hold: "Gunmen kill 3 in attack on police
    post in Zamfara" then "… in Gusau": Gusau lies in the governorate that alone placed the first; and
    "… in Maarrat al-Numan" then "… Maarrat al-Numan in Idlib": Idlib holds the town. A country holds
    its towns ("Two killed in south Lebanon" then "… in Bint Jbeil"), and a town the first names only
    as a landmark ("near El Fasher", "east of Kherson") leaves its governorate's places to say where."""
    start, end = ctx.sentence_at(first.start)
    first_places = starting_within(ctx.places, start, end)
    start, end = ctx.sentence_at(later.start)
    later_places = starting_within(ctx.places, start, end)
    if _headline_place_told_again(ctx, first, first_places, later_places):
        return set()
    # a landmark or the governorate beside the first's place named again ("in Abu Shouk camp, north of El Fasher
    # town in North Darfur") says where that place lies, no other place
    first_names = {(p.name or p.text).lower() for p in first_places}
    again = [p for p in later_places if (p.name or p.text).lower() in first_names]
    if again:
        holding = {p.admin1.lower() for p in again if p.admin1}
        names = names - {(p.name or p.text).lower() for p in later_places if p.relation is not None
                         or (p.feature == "admin1" and (p.name or p.text).lower() in holding)}
    holders = {skeleton(place_key(p.admin1)) for p in first_places if p.admin1}  # ("Idlib" and "Idleb" alike)
    names = names - {(p.name or p.text).lower() for p in later_places if skeleton(place_key(p.name or p.text)) in holders}
    countries = {p.country for p in first_places if p.feature == "country" and p.country}
    names = names - {(p.name or p.text).lower() for p in later_places if p.country in countries}
    # and the country that holds the first's places ("… kills 5 in Saada" then "… Yemen's Saada province")
    held = {p.country for p in first_places if p.country}
    names = names - {(p.name or p.text).lower() for p in later_places if p.feature == "country" and p.country in held}
    if first_places and opens_report(ctx, first, later):
        # a village the gazetteer does not know, after an opening that placed the dead ("Bandits kill five
        # in Sokoto ambush" then "… near Tangaza"): the body saying where, no other place shown to differ
        names = names - {(p.name or p.text).lower() for p in later_places if not p.resolved}
    # (a town that shares its governorate's name, "Katsina", may be either: read as the governorate)
    # (compared by spelling skeleton: "Deir-ez-Zor" the town is "Deir ez-Zor" the governorate)
    if not first_places or any(p.feature == "town" and p.relation is None
                               and skeleton(place_key(p.name or "")) != skeleton(place_key(p.admin1 or "")) for p in first_places):
        return names
    areas = {(p.admin1 or p.name or p.text).lower() for p in first_places}
    return names - {(p.name or p.text).lower() for p in later_places if p.admin1 and p.admin1.lower() in areas}


def _headline_place_told_again(ctx: DocContext, first: Finding, first_places: list, later_places: list) -> bool:
    """A headline's places all named again by the body beside the places it adds ("Roadside bomb kills four
    soldiers in North Waziristan" then "… in the Mir Ali area of North Waziristan"; "Rio" then "… in Rio de
    Janeiro"): the body says where within them, the same dead."""
    if ctx.sentence_at(first.start)[0] != 0:
        return False
    headline = {(p.name or p.text).lower() for p in first_places if p.feature != "country"}
    body = [told.lower() for p in later_places for told in (p.text, p.name or p.text)]  # ("Province of Negros Occidental")
    return bool(headline) and all(any(name == told or told.startswith(name + " ") for told in body) for name in headline)


def places_differ(ctx: DocContext, toll: Finding, other: Finding) -> bool:
    """A toll update is dated by its report, not its incident: only two different
    places tell a toll and another count apart."""
    toll_places, other_places = anchors(ctx, toll)[1], anchors(ctx, other)[1]
    if toll_places and other_places and not toll_places & other_places and toll.start > other.start:
        # a name the gazetteer does not know where a later toll was told ("bodies were recovered from the Ituri
        # river, bringing the toll to 14") shows no other place: only the toll's known places can differ
        # (but a village the report has already named, "the village of Al-Sireha", is where its incident was)
        start, end = ctx.sentence_at(toll.start)
        named_before = {(p.name or p.text).lower() for p in starting_within(ctx.places, 0, start)}
        toll_places = {(p.name or p.text).lower() for p in starting_within(ctx.places, start, end)
                       if p.resolved or (p.name or p.text).lower() in named_before}
    return bool(toll_places and other_places and not toll_places & other_places)


def places_nest(ctx: DocContext, toll: Finding, other: Finding) -> bool:
    """Whether a toll told in the sentence after a count names only places of the count's governorate or country:
    "killing 18 people … in Gwoza in Borno state" then "the death toll had risen to 32, and 42 were being treated in
    Maiduguri"; "… market in Shada district …, killing 18" then "The health office in Saada said … risen to 32".
    Where a clause names a town or governorate, its country says nothing (two countries' towns stay apart)."""
    if not toll.start > other.start or sentence_gap(ctx, other, toll) > 1:
        return False

    def known(finding: Finding) -> list:
        start, end = clause_bounds(ctx, finding)
        found = [p for p in starting_within(ctx.places, start, end) if p.resolved and p.country]
        inner = [p for p in found if p.feature != "country"]
        return inner or found

    def holds(outer, inner) -> bool:
        if outer.feature == "country" or inner.feature == "country":
            return bool(inner.country == outer.country)
        return outer.admin1 is not None and inner.admin1 == outer.admin1

    toll_places, other_places = known(toll), known(other)
    return bool(toll_places and other_places) and all(any(holds(t, o) for o in other_places) for t in toll_places)


def compatible(a: Casualty, b: Casualty) -> bool:
    return a.victims is None or b.victims is None or a.victims == b.victims


#: a state's own armed men, and armed men of no state, as a count's words name them
_STATE_MEN: Final = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|policem[ae]n|police\s+officers?|gendarmes?)\b", re.I)
_ARMED_MEN: Final = re.compile(r"\b(?:militants?|insurgents?|rebels?|jihadists?|terrorists?|bandits?|gunmen|attackers?|"
                               r"assailants?)\b", re.I)


def _side(words: str) -> str | None:
    state, armed = _STATE_MEN.search(words) is not None, _ARMED_MEN.search(words) is not None
    return None if state == armed else "state" if state else "armed"


def other_sides(one: Finding, other: Finding) -> bool:
    """Whether two counts' words name the two sides of a fight ("three soldiers killed, while local sources put
    militant deaths at nine"): other dead, whoever tells them."""
    first, second = _side(one.victim_text), _side(other.victim_text)
    return first is not None and second is not None and first != second


def attackers_also(ctx: DocContext, toll: Finding, later: Finding) -> bool:
    """Armed men counted after a toll of others with a word of more ("The toll rose to 32 … Five attackers also
    died"): the killers, other dead, not an earlier figure of the toll's."""
    return _side(later.victim_text) == "armed" and _side(toll.victim_text) != "armed" and introduces_new(ctx, later)


def killers_of(earlier: Casualty, later: Casualty) -> bool:
    """Whether a later count's dead are the side that killed an earlier count's ("killing two soldiers … Both
    attackers were shot dead"): the attackers are not their own victims, however many. (Not a count told before
    its killers are: "Bandits kill five vigilantes … killing five of its members" tells the same five twice.)"""
    return bool(later.affiliation and later.affiliation != earlier.affiliation
                and later.affiliation in earlier.perpetrator)


_INDEFINITE_ONE = re.compile(r"(?:an?|one)\s", re.I)


def introduces_new(ctx: DocContext, finding: Finding) -> bool:
    """"another", "more", "also", "separately" …, or "a man" (an indefinite
    singular introduces someone new): not the people already counted."""
    if finding.number is None and (_INDEFINITE_ONE.match(finding.victim_text.strip()) or _article_before_victims(ctx, finding)
                                   or ONE_OF_THE_WOUNDED.match(finding.victim_text) or names_relative(finding.victim_text)):
        return True
    # "one officer also died": the word may stand between the victims and the verb
    between = QUALIFIER.sub("", ctx.norm[finding.start:finding.trigger_start]) if finding.trigger_start > finding.start else ""
    return _told_with_more(ctx, finding, between)


def _article_before_victims(ctx: DocContext, finding: Finding) -> bool:
    """"shot dead a local mukhtar": the indefinite article the victims' words were read without."""
    victims = finding.victim_text.strip()
    at = ctx.norm.find(victims, finding.start, max(finding.end, finding.trigger_end) + len(victims)) if victims else -1
    return at > 0 and re.search(r"(?:^|\W)an?\s+$", ctx.norm[max(0, at - 4):at], re.I) is not None


_HEADLINE_LABEL = re.compile(r"^\s*[\w' -]{1,30}:\s*")
_DETERMINER = re.compile(r"\s*(?:an?|one|the|another|his|her|their|its)\b", re.I)
_INDEFINITE = re.compile(r"\s*an?\s", re.I)


def restates_headline_victim(ctx: DocContext, first: Finding, later: Finding) -> bool:
    """"Journalist shot dead in Honduras" then "A radio presenter was shot dead …": a headline drops
    its article, so the body's one victim told with "a" is the headline's, not one more."""
    if ctx.sentence_index(first.start) != 0 or first.number is not None or later.number is not None:
        return False
    # (its subject, before the verb of an active headline: "Sniper kills woman")
    opening = _HEADLINE_LABEL.sub("", ctx.norm[:min(first.start, first.trigger_start)], count=1)  # ("Ukraine: Civilian killed …")
    if len(opening.split()) > 3 or re.search(r"[,;:]|\band\b", opening):
        return False  # (only a headline's subject, "Aid worker": not "… four farmers and a vigilante leader")
    # (the body's article may lie before the words read as its victims: "killed a 34-year-old trader")
    if _DETERMINER.match(first.victim_text) or not (_INDEFINITE.match(later.victim_text) or _article_before_victims(ctx, later)):
        return False
    return not _told_with_more(ctx, later)


#: words of more that say others than those counted ("two more soldiers", "another", "other"), not "also"
_MORE_PEOPLE: Final = _words_of_more(_OTHER)


def tells_headline_clause(ctx: DocContext, first: Finding, later: Finding) -> bool:
    """A headline joining two incidents with a semicolon ("Gunmen kill three shepherds in Diyala; roadside bomb kills
    two soldiers in Kirkuk"), whose second clause the body tells "in a separate incident" or "also": separate from
    the first clause's, the same dead as the second's (unless "more" or "other" people)."""
    if ctx.sentence_index(first.start) != 0 or ctx.sentence_index(later.start) == 0 or later.number is None:
        return False
    start = ctx.sentence_at(first.start)[0]
    if ";" not in ctx.norm[start:first.start]:
        return False  # (only a count after a headline's semicolon)
    between = ctx.norm[later.start:later.trigger_start] if later.trigger_start > later.start else ""
    return _MORE_PEOPLE.search(later.victim_text + " " + between) is None


#: a headline's list of the dead by kind: a comma before the count or after its words ("Eight Maoists, one jawan
#: killed"; "kills Hezbollah commander, two others")
_LISTED: Final = re.compile(r",\s*$")
#: words of more than "also" and "other", which a kind told again by the body may carry
_MORE_THAN_LISTED: Final = _words_of_more(_ELSEWHERE)


def is_headline(ctx: DocContext) -> bool:
    """The text's first sentence is a headline: it ends without a stop (at its " - " or its line's end)."""
    start, end = ctx.sentence_at(0)
    return end < len(ctx.norm) and ctx.norm[start:end].rstrip()[-1:] not in (".", "!", "?", ":", ";", "")


def restates_headline_list(ctx: DocContext, first: Finding, later: Finding) -> bool:
    """A headline that lists its dead by kind ("Eight Maoists, one jawan killed in encounter"; "… kills Hezbollah
    commander, two others"), whose body tells them again kind by kind ("A jawan … was also killed"; "killing a
    Hezbollah field commander and two other people"): the body's "also" and "other" relate its kind to the kind it
    told before, not to the headline's, so the same noun, or "other" for "others", is the same dead."""
    if ctx.sentence_index(first.start) != 0 or ctx.sentence_index(later.start) == 0 or not is_headline(ctx):
        return False
    headline_start = ctx.sentence_at(first.start)[0]
    if not (_LISTED.search(ctx.norm[max(headline_start, first.start - 4):first.start])
            or ctx.norm[first.end:first.end + 2].startswith(",")):
        return False
    words = first.victim_text.replace(",", " ").split()
    head = words[-1].lower() if words else ""
    told = {word.lower() for word in later.victim_text.replace(",", " ").split()}
    if not head or not (head in told or (head == "others" and "other" in told)):
        return False
    between = ctx.norm[later.start:later.trigger_start] if later.trigger_start > later.start else ""
    return _MORE_THAN_LISTED.search(clause_before(ctx, later, 200) + " " + later.victim_text + " " + between) is None


def _told_with_more(ctx: DocContext, finding: Finding, between: str | None = None) -> bool:
    """Whether a word of more ("another", "also", "separately" …) comes with the count, before or in its victims
    (or in ``between``, the words between them and the verb, where given)."""
    if between is None:
        between = ctx.norm[finding.start:finding.trigger_start] if finding.trigger_start > finding.start else ""
    return bool(ADDED.search(clause_before(ctx, finding, 200) + " " + finding.victim_text + " " + between))


def names_the_counted(ctx: DocContext, first: Finding, later: Finding, casualty: Casualty) -> bool:
    """The people just counted, named one by one in the next sentence ("killed two people. A man, 68, and a
    woman, 62, died when …"): a list of indefinite singulars as many as the count, told with no word of more."""
    if later.number is not None or (casualty.count or 0) < 2 or sentence_gap(ctx, first, later) != 1:
        return False
    return not _told_with_more(ctx, later)


def told_apart(ctx: DocContext, first: Finding, later: Finding) -> bool:
    """Two counts in two sentences, or a headline's and its body's when a colon ends the headline ("Sniper kills
    woman in Taiz: A woman was shot dead …")."""
    if ctx.sentence_index(first.start) != ctx.sentence_index(later.start):
        return True
    sentence_start = ctx.sentence_at(first.start)[0]
    colon = ctx.norm.find(": ", first.start, later.start)
    return ctx.sentence_index(first.start) == 0 and colon != -1 and ctx.norm[colon + 2:colon + 3].isupper() \
        and len(ctx.norm[sentence_start:colon].split()) <= 12


_FEMALE = re.compile(r"\b(?:woman|women|girls?|mother|wife|daughter|sister|grandmother)\b", re.I)
_MALE = re.compile(r"\b(?:man|men|boys?|father|husband|son|brother|grandfather)\b", re.I)


def other_sex(first: Finding, later: Finding) -> bool:
    """Victims told as of one sex, then of the other, are other people ("killed a 67-year-old woman …
    a drone strike … killed one man")."""
    def sex(text: str) -> str | None:
        female, male = bool(_FEMALE.search(text)), bool(_MALE.search(text))
        return None if female == male else ("female" if female else "male")

    one, other = sex(first.victim_text), sex(later.victim_text)
    return one is not None and other is not None and one != other


#: the attacker counted among a toll's dead, right after it ("four people dead, including the gunman")
_ATTACKER_AMONG: Final = re.compile(r"\s*,?\s*(?:including|among\s+them)\s+the\s+(?:(?:suicide|lone)\s+)?"
                                    r"(?:gunman|attacker|assailant|bomber|shooter)\b", re.I)


def attacker_tolls(ctx: DocContext, top: list[tuple[Finding, Casualty]]) -> list[tuple[Casualty, list[Casualty], bool]]:
    """Tolls that name the attacker among their dead, each with the counts of its own sentence and the one before,
    and whether those tell it again: they add up to it ("killed three … before turning the gun on himself. The
    shooting left four people dead, including the gunman"), or to one fewer, he being the one more and they its
    parts ("killed three co-workers. The shooting left four dead, including the gunman")."""
    found: list[tuple[Casualty, list[Casualty], bool]] = []
    if not ctx.may_match(_ATTACKER_AMONG):
        return found
    for index, (finding, casualty) in enumerate(top):
        if index == 0 or casualty.count is None or casualty.alternative_of or \
                not _ATTACKER_AMONG.match(ctx.norm, max(finding.end, finding.trigger_end)):
            continue
        sentence = ctx.sentence_index(finding.start)
        earlier = [c for f, c in top[:index] if not c.alternative_of and 0 <= sentence - ctx.sentence_index(f.start) <= 1]
        stated = sum(c.count or 0 for c in earlier)
        if earlier and stated in (casualty.count, casualty.count - 1):
            found.append((casualty, earlier, stated == casualty.count))
    return found
