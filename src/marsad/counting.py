"""Counting rules: the one home of what counts, what is a claim and what is left.

Extraction (:mod:`marsad.extract.tallies`, :mod:`marsad.extract.events`),
reconciliation (:mod:`marsad.reconcile.facts`, :mod:`marsad.reconcile.claims`)
and publishing (:mod:`marsad.publish.report`) all ask the same questions of a
casualty count; they ask them here so that the answers cannot drift apart.

The functions are pure. A *fact* may be an extraction
:class:`~marsad.model.Casualty`, a stored row read as a ``dict`` (keys
``is_tally``, ``period_start``, ``period_end``, ``part_of`` …) or a bulletin
figure (``period`` as a ``(start, end)`` tuple): :func:`field` reads any of them.

The rules (``docs/methodology.md``, "Counting"):

- **A claim** is a cumulative or period toll ("312 people in February", "608
  since 10 September"): a count marked ``is_tally``, a count whose period is a
  week or longer, or a part of a claim. A claim is never an incident and never
  adds to an event.
- **A toll over a whole country or several regions** ("112 people were killed
  across Syria yesterday", "in several provinces") sums many incidents: it is
  a claim however short its period (:func:`is_aggregate_scope`).
- **A party's claim** ("the group claimed it killed 20", "could not be
  verified") beside the report's own figure is another statement of the same
  people: ``alternative_of`` the report's count (:func:`is_party_claim`).
- **What adds up to a total**: stated counts only. A sub-count (``part_of``),
  a derived figure, an alternative statement and a claim never add
  (:func:`adds_to_total`, :func:`total`).
- **The rest**: a parent minus its stated parts ("the remaining 194 …"), with
  bounds when the figures are "at least" (:func:`remainder_bounds`), and the
  uncovered part of a split period (:func:`period_complement`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any, Final

KILLED = ("killed", "executed")
#: Outcomes an event's totals are made of (``fatalities`` and ``injured``).
SUMMED = ("killed", "executed", "injured")
#: A count over a period this long or longer is a claim (UCDP date_prec ≥ 3).
CLAIM_MIN_DAYS = 7

Bounds = tuple[int, int, "int | None"]


def field(fact: Any, name: str, default: Any = None) -> Any:
    """``fact.name`` or ``fact[name]``: facts come as dataclasses or dicts."""
    if isinstance(fact, dict):
        return fact.get(name, default)
    return getattr(fact, name, default)


def outcome_family(outcome: str | None) -> str | None:
    """Executions are killings: one family for totals and restatements."""
    return "killed" if outcome == "executed" else outcome


def period_of(fact: Any) -> tuple[date | None, date | None]:
    """The period a fact's count covers, whatever its shape."""
    period = field(fact, "period")
    if isinstance(period, tuple):
        return period
    if period is not None:  # a DateValue
        return period.start, period.end
    return field(fact, "period_start"), field(fact, "period_end")


def period_days(start: date | None, end: date | None) -> int:
    return (end - start).days if start and end else 0


def is_period_claim(start: date | None, end: date | None) -> bool:
    """A count over a week or longer is a cumulative claim, not one incident's toll.

    >>> is_period_claim(date(2024, 2, 1), date(2024, 2, 29))
    True
    >>> is_period_claim(date(2024, 3, 5), date(2024, 3, 6))
    False
    """
    return period_days(start, end) >= CLAIM_MIN_DAYS


def is_claim(fact: Any, parent_of: Callable[[Any], Any] | None = None) -> bool:
    """A cumulative or period toll (or a part of one), never an incident's count.

    ``parent_of(fact)`` returns the fact's parent (or None) where the caller
    has the tree; a breakdown of a claim is part of the claim.
    """
    seen: set[int] = set()
    while fact is not None and id(fact) not in seen:
        seen.add(id(fact))
        if field(fact, "is_tally") or is_period_claim(*period_of(fact)):
            return True
        fact = parent_of(fact) if parent_of else None
    return False


def adds_to_total(fact: Any) -> bool:
    """Whether a count is added into a total: stated, not a sub-count, not
    derived, not another statement of a count, not a claim."""
    return (field(fact, "count") is not None and not field(fact, "part_of") and not field(fact, "derived")
            and not field(fact, "alternative_of") and not field(fact, "is_tally"))


def total(facts: Iterable[Any], outcomes: Sequence[str] = KILLED) -> int:
    """The sum of the counts that add up (see :func:`adds_to_total`) for ``outcomes``.

    >>> total([{"outcome": "killed", "count": 7}, {"outcome": "killed", "count": 5, "part_of": "C1"}])
    7
    """
    return sum(field(f, "count") for f in facts if field(f, "outcome") in outcomes and adds_to_total(f))


_ACROSS = re.compile(
    r"\b(?i:across|throughout|all\s+over)\s+(?:(?i:the)\s+)?((?i:country|nation)\b|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"
    r"(?!\s+(?i:border|frontier|river|front|line|bridge|crossing))"
)
#: "across Kherson region", "across the province": a whole region's toll
_ACROSS_AREA = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?(?:[A-Z][\w'-]+\s+)?"
                          r"(?:region|province|governorate|state|oblast|district|territory)\b", re.I)
_SEVERAL_REGIONS = re.compile(
    r"\b(?:nationwide|countrywide|in\s+(?:several|various|different|many|multiple|a\s+number\s+of)\s+"
    r"(?:provinces|governorates|regions|parts\s+of\s+the\s+country))\b",
    re.I,
)


#: "bringing to 40 the number of people killed in the province this week", "raising
#: to 560 the number of soldiers killed since the start of the year": a running total
_RUNNING_TOTAL = re.compile(
    r"\b(?:number|total|toll|tally)\b[^.;]{0,80}?\b(?:(?:(?:so\s+far\s+|earlier\s+)?this|the\s+(?:past|last))\s+(?:week|month|year)\b|"
    # (not since one incident: "a total of 27 bodies have been brought in since the attack on the camp")
    r"since\b(?!\s+(?:the|this|that|an?|[\w-]+day's)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|air\s*strike|raid|bombing|blast|"
    r"explosion|massacre|ambush|assault|incident|shooting|shelling)\b))|"
    r"\bso\s+far\s+(?:this\s+(?:week|month|year)|in\s+(?:19|20)\d\d)\b|"
    # "the third massacre this year, in which a total of 14 have died"
    r"\b(?:this|the\s+past|the\s+last)\s+(?:month|year)\b[^.;]{0,40}?\b(?:a\s+total|in\s+total|in\s+all)\b|"
    # "killed in attacks by armed groups in Irumu over the past week": several incidents over a week or more
    # (not a day's incident compared with them: "on Monday, the worst violence in the past month")
    r"\b(?:attacks|raids|strikes|air\s*strikes|clashes|incidents)\b"
    r"(?:(?!\b(?:on|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:worst|deadliest|biggest|largest|"
    r"second|third|latest|first)\b)[^.;]){0,80}?\b(?:(?:over|in|during)\s+the\s+(?:past|last)\s+"
    # (and a round-up's "over the week", "during the week": the week it covers)
    r"(?:week|seven\s+days|fortnight|month|\d+\s+days)|(?:over|during)\s+the\s+week|(?:so\s+far\s+)?this\s+(?:week|month))\b|"
    # "In the first two weeks of April, at least 40 people …": several weeks of incidents, told before the count
    r"\b(?:in|over|during)\s+the\s+(?:first|past|last)\s+(?:(?:few|several|two|three|four|five|six|\d+)\s+)?"
    r"(?:weeks|months|fortnight)(?:\s+of\s+[A-Z]\w+)?,\s+(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|around\s+|"
    r"some\s+|nearly\s+|almost\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)\b)",
    re.I,
)


#: "SOHR has documented 211 attacks of this kind in Daraa, killing 179 people": a monitor's count of attacks
#: (a pattern of its own: its opening words are common in a monitor's prose, the running total's rare)
_MONITOR_ATTACKS = re.compile(r"\b(?:documented|recorded|registered|counted)\s+(?:a\s+total\s+of\s+)?\d[\d,]*\s+"
                              r"(?:[\w-]+\s+){0,2}?(?:attacks|assassinations|incidents|operations|killings|strikes|raids)\b",
                              re.I)


#: "a week of fighting has killed 150": the weeks' incidents together (not "a week-long siege": one incident)
WEEKS_OF_FIGHTING = re.compile(
    r"\b(?:a|one|two|three|four|five|six|several|\d+)\s+(?:weeks|months|years|week|month|year)\s+of\s+(?:fighting|clashes|"
    r"violence|conflict|war|unrest|protests|attacks|bombardments?|shelling|air\s*strikes|strikes|raids)\b", re.I)


def is_aggregate_scope(text: str, start: int, end: int, is_country: Callable[[str], bool], *,
                       region_wide: bool = True, may_match: Callable[[re.Pattern], bool] | None = None,
                       lowered: Callable[[re.Pattern], tuple[re.Pattern, str]] | None = None,
                       may_match_within: Callable[[re.Pattern, int, int], bool] | None = None) -> bool:
    """Whether ``text[start:end]`` scopes a toll to a whole country or to several
    regions, or makes it a running total ("the number killed this week"): such
    a total sums many incidents, so it is a claim however short its period.
    ``is_country`` says whether a name is a country's.

    >>> is_aggregate_scope("45 people were killed across Syria on Monday", 0, 44, lambda name: name == "Syria")
    True
    >>> is_aggregate_scope("4 were killed across the Turkish border", 0, 39, lambda name: False)
    False
    >>> is_aggregate_scope("attacks killed five civilians across Kherson region", 0, 51, lambda name: False)
    True

    Without ``region_wide``, one region is no aggregate: arrests "in raids across Anbar province" are
    one security operation's. ``may_match``: whether a pattern can match anywhere in ``text``
    (a document's ``DocContext.may_match``), so that one that cannot is not searched; ``lowered``: a pattern
    and the text to search it in for the same spans (``DocContext.lowered``: lower-cased, faster);
    ``may_match_within``: whether a pattern can match in ``text[start:end]`` (``DocContext.may_match_within``:
    the scope holds one of its words; most scopes hold none, and a search costs more than the test).
    """
    may, lower = may_match or _may_match, lowered or (lambda pattern: (pattern, text))
    within = may_match_within or (lambda pattern, first, last: True)

    def found(pattern: re.Pattern) -> bool:
        if not within(pattern, start, end):
            return False
        scan, scanned = lower(pattern)
        return scan.search(scanned, start, end) is not None

    if (may(_SEVERAL_REGIONS) and found(_SEVERAL_REGIONS)) or found(_RUNNING_TOTAL) \
            or (may(_MONITOR_ATTACKS) and found(_MONITOR_ATTACKS)) \
            or (region_wide and may(_ACROSS_AREA) and found(_ACROSS_AREA)):
        return True
    for match in (_ACROSS.finditer(text, start, end) if may(_ACROSS) and within(_ACROSS, start, end) else ()):
        name = match.group(1)
        if name.lower() in ("country", "nation") or is_country(name):
            return True
    return False


#: a source's word that opens the clause it reports ("a health worker said the driver …", "a UN spokesperson
#: said 26 people had died"): what follows is the reported clause, its subject the dead
SOURCE_SAID = r"\b(?:said|says|told\s+[\w-]+|reported|added|confirmed|estimated)\s+(?:that\s+)?"

#: the state's forces as a speaker ("the army said", "police said", "the defence ministry announced"), or its
#: troops themselves ("Troops of Operation Hadin Kai said they killed 11 terrorists")
_STATE_FORCE = r"(?:military|army|ministry|forces|command|police|coalition|junta|government)"
STATE_SPEAKER = re.compile(r"\b(?:" + _STATE_FORCE + r"\s+(?:\w+\s+){0,2}?|(?:troops|soldiers)\s+(?:[\w-]+\s+){0,4}?)"
                           r"(?:said|says|claimed|added|announced|reported)\b", re.I)

#: the Islamic State's words for its own fighters and its news agency: a party's word on its own kills
_ISLAMIC_STATE_WORDS = r"soldiers\s+of\s+the\s+caliphate|caliphate\s+soldiers|amaq"
_PARTY_CLAIM = re.compile(
    r"\b(?:claim(?:ed|s|ing)?|said\s+(?:it|they|that)|said\s+on\s+\w+day\s+(?:it|they)\b|says?\s+(?:it|they)|according\s+to\s+(?:the\s+)?(?:group|militants|rebels)|"
    # ("the group said in a statement on its channels that it had killed …")
    r"said\s+(?:in|on|via|through)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){1,5}?(?:that\s+)?(?:it|they)\b|"
    r"other\s+(?:reports?|sources?)|another\s+(?:report|source)|a\s+second\s+(?:report|source)|some\s+(?:reports|sources)|"
    r"others\s+(?:claim|say|report)|alleg(?:ed|edly|es)|"
    # the Islamic State's own words and outlet ("Soldiers of the caliphate killed 11 …, Amaq said")
    + _ISLAMIC_STATE_WORDS + r"|"
    # an armed group's word on its own fighters' kills ("the group said its fighters had killed dozens")
    # (also after a longer lead-in: "the group said in a statement posted on its channels that its fighters …")
    r"(?:group|militants|rebels|insurgents|jihadists|(?-i:[A-Z])[\w-]+)\s+said\s+(?:[^.;\"]{0,80}?\bthat\s+)?"
    r"(?:its|their)\s+(?:fighters|militants|members|men|mujahideen)|"
    # a state force's word on what its own strike or raid did ("the military said its aircraft had struck a
    # command post, killing several militants"); its own dead ("said its soldiers were killed") name no action
    r"" + _STATE_FORCE + r"\s+said\s+(?:on\s+\w+day\s+)?"
    r"(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:aircraft|jets|warplanes|planes|drones|forces|troops|soldiers|units|"
    r"artillery|navy)\s+(?:had\s+|have\s+|has\s+)?(?:struck|hit|targeted|killed|neutrali[sz]ed|eliminated|attacked|"
    r"raided|bombed|shelled|destroyed))\b",
    re.I,
)
_UNVERIFIED = re.compile(r"\b(?:could\s+not\s+be\s+(?:independently\s+)?(?:verified|confirmed)|unverified|unconfirmed)\b", re.I)
#: a party's own words after the count ("… were neutralised in operations carried out by our heroic commandos, the
#: ministry said"; "…, Amaq said"), searched only where "by our", "Amaq" or "caliphate" is (most texts hold none)
_OWN_WORD = re.compile(r"\b(?:by\s+our\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|commandos|soldiers|units|fighters|"
                       r"mujahideen|heroes)|" + _ISLAMIC_STATE_WORDS + r")\b", re.I)
_OWN_WORD_MARKS = ("by our", "Amaq", "caliphate")


#: a state force as the subject that acts, opening the sentence ("Army units repelled …", "Troops of Operation Hadin
#: Kai neutralised …", "Security forces raided …")
#: (a possessive may name the force's country or army: "Nigeria's army", "the Tatmadaw's air force")
_STATE_SUBJECT = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w-]*(?:'s)?\s+){0,3}?(?:army(?:\s+units)?|troops|soldiers|security\s+forces|"
                            r"armed\s+forces|air\s+force|navy|military|forces|units|police)\b(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){1,4}?)?"
                            r"[^.;]{0,20}?\b(?:repelled|repulsed|foiled|thwarted|struck|targeted|raided|ambushed|killed|neutrali[sz]ed|"
                            r"eliminated|shelled|bombed|destroyed|attacked|engaged|clashed)\b", re.I)
#: the enemy a state force says it killed ("of the terrorists", "militants", "attackers")
_HOSTILE = re.compile(r"\W*(?:[\w-]+\s+){0,4}?(?:terrorists?|militants?|insurgents?|attackers?|assailants?|jihadists?|"
                      r"bandits?|rebels?|gunm[ae]n|khawarij)\b", re.I)
#: … told on the state's own word after the count ("a military source said", "the army said", "SANA reported")
_STATE_SOURCE_AFTER = re.compile(r",\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:" + _STATE_FORCE + r"|defen[cs]e|headquarters|"
                                 r"security)\s+(?:[\w-]+\s+){0,2}?(?:said|says|announced|reported|stated)\b", re.I)


#: where a claim's clause ends and another's begins (";", "while", "whereas", ", but"; not "while fleeing")
CLAUSE_CONTRAST = re.compile(r";|,?\s+(?:while|whereas)\s+(?!\w+ing\b)|,\s+but\s+", re.I)
#: a party's word on its own losses ("the army said it lost five men") is the victims' side's toll, no claim
OWN_LOSS = re.compile(r"\blos(?:t|ing|es)\b", re.I)


def is_party_claim(text: str, start: int, trigger_end: int, sentence: tuple[int, int], *,
                   may_match: Callable[[re.Pattern], bool] | None = None,
                   may_match_within: Callable[[re.Pattern, int, int], bool] | None = None) -> bool:
    """A count a party claims ("the group claimed it killed 20 soldiers") or the
    report cannot verify: another statement beside the report's own figure.
    ``start`` is where the count's statement begins, ``trigger_end`` where its
    outcome word ends, ``sentence`` the bounds of its sentence in ``text``;
    ``may_match`` as for :func:`is_aggregate_scope`; ``may_match_within``: whether a pattern can match
    between two offsets of ``text`` (``DocContext.may_match_within``; the claim's words are searched
    for in the sentence before the count, which most often holds none of them).

    >>> is_party_claim("the army said it lost five men", 17, 21, (0, 30))
    False
    """
    sentence_start, sentence_end = sentence
    may = may_match or _may_match
    if may(OWN_LOSS) and OWN_LOSS.search(text, start, trigger_end):
        return False
    # a claim's words before a semicolon or a contrasting "while" are another clause's: "the rebels said they
    # had killed 50 soldiers; the government said 10 soldiers died", "the army said its troops had killed
    # several militants, while local sources reported that two civilians died"
    # (the clause breaks only narrow the part searched: not looked for where its widest holds no claim's word)
    claim = None
    if may_match_within is None or may_match_within(_PARTY_CLAIM, max(sentence_start, start - 300), start):
        for clause_break in CLAUSE_CONTRAST.finditer(text, sentence_start, start):
            sentence_start = clause_break.end()
        before = max(sentence_start, start - 300)
        claim = _PARTY_CLAIM.search(text, before, start) \
            if may_match_within is None or may_match_within(_PARTY_CLAIM, before, start) else None
    if claim is not None and _DOCUMENTS.search(text, claim.end(), start):
        claim = None  # "the group said it had documented the killing of 13 civilians": a monitor's count, no kill claimed
    after = min(sentence_end, trigger_end + 300)
    if claim is None and _STATE_SUBJECT.match(text, sentence_start, start) and _HOSTILE.match(text, trigger_end, after) \
            and _STATE_SOURCE_AFTER.search(text, trigger_end, after):
        return True  # "Army units repelled an attack …, killing 12 of the terrorists, a military source said"
    return bool(claim or (may(_UNVERIFIED) and _UNVERIFIED.search(text, trigger_end, after))
                or (any(text.find(mark, trigger_end, after) != -1 for mark in _OWN_WORD_MARKS)
                    and _OWN_WORD.search(text, trigger_end, after)))


def _may_match(pattern: re.Pattern) -> bool:
    return True


#: a monitor's words for what it documents ("documented the death of", "recorded"): its count, not a side's
DOCUMENTS = r"(?:document(?:ed|s)|record(?:ed|s))"
_DOCUMENTS = re.compile(r"\b(?:" + DOCUMENTS + r"|verified|registered|counted)\b", re.I)


#: "the rest", "the remainder", "the remaining 194", "the other 27".
REST_RE = re.compile(r"\bthe\s+(?:rest|remainder|remaining\s+\w+)\b(?:\s+of\s+them)?", re.I)
_REMAINDER_NOTE = re.compile(r"\brest\b|remain", re.I)


def is_remainder(derived: str | None) -> bool:
    """Whether a derived figure's note says it is "the rest" of its parent."""
    return bool(derived and _REMAINDER_NOTE.search(derived))


def remainder(parent: int, stated: Iterable[int | None]) -> int:
    """The parent's count less its stated parts ("312, including 118 civilians;
    the remaining …" → 194)."""
    return parent - sum(n or 0 for n in stated)


def remainder_bounds(parent: Bounds, siblings: Sequence[Bounds]) -> Bounds:
    """(low, best, high) of a remainder: ``high`` None means open ("at least").

    >>> remainder_bounds((123, 123, None), [(2, 2, 2)])
    (121, 121, None)
    """
    p_low, p_best, p_high = parent
    best = p_best - sum(s[1] for s in siblings)
    sibling_highs = [s[2] for s in siblings]
    known_highs = [h for h in sibling_highs if h is not None]
    low = 0 if len(known_highs) < len(sibling_highs) else max(0, p_low - sum(known_highs))
    high = None if p_high is None else p_high - sum(s[0] for s in siblings)
    return (max(low, 0), best, high)


def period_complement(start: date | None, end: date | None,
                      spans: Sequence[tuple[date | None, date | None]]) -> tuple[date, date] | None:
    """The single interval of [start, end] that the parts' periods leave
    uncovered ("608 in two months, 341 in the second" → the first), or None
    (covered, several gaps, or a part without a period).

    >>> period_complement(date(2024, 1, 1), date(2024, 2, 29), [(date(2024, 2, 1), date(2024, 2, 29))])
    (datetime.date(2024, 1, 1), datetime.date(2024, 1, 31))
    """
    known = [(s, e) for s, e in spans if s is not None and e is not None]
    if start is None or end is None or len(known) < len(spans):
        return None
    gaps: list[tuple[date, date]] = []
    cursor = start
    for part_start, part_end in sorted(known):
        if part_start > cursor:
            gaps.append((cursor, part_start - timedelta(days=1)))
        cursor = max(cursor, part_end + timedelta(days=1))
    if cursor <= end:
        gaps.append((cursor, end))
    return gaps[0] if len(gaps) == 1 else None


# --- Across documents (issue 9, reconcile) ---------------------------------------
#
# Which reports of one incident count: a toll update replaces its source's
# earlier toll (``marsad.reconcile.estimates``), and the linkage takes a report
# that says it updates a toll as evidence for the incident it updates.

#: The one vocabulary of a death toll's update, for extraction (the ``casualties.toll``
#: rule, the ledger's latest toll, a running total's clause) and for reconciliation
#: (:func:`is_toll_update`): a toll going up ("has risen", "climbed", "reached") …
TOLL_RISES = (r"(?:ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|increas(?:e|es|ed|ing)|"
              r"reach(?:es|ed|ing)?|mount(?:s|ed|ing)?)")
#: … a verb that takes a toll to its new figure ("bringing the toll to", "raised the death toll to",
#: "took the total to") …
TOLL_RAISES = r"(?:bring(?:s|ing)?|brought|rais(?:e|es|ed|ing)|push(?:es|ed|ing)?|tak(?:es|ing)|took)"
#: The nouns that name one incident ("a similar attack", "the bombing in X", "four strikes …, which together killed 15")
INCIDENT_NOUN = (r"(?:attacks?|strikes?|air\s*strikes?|bombings?|blasts?|explosions?|raids?|massacres?|ambush(?:es)?|"
                 r"assaults?|shelling)\b")
#: "… wounded in Tuesday's bombing of the base died in hospital": people counted wounded in an incident, now dead
#: (the gap holds no clause of its own: "wounded in the attack were taken to hospital, where one died" moves no one)
WOUNDED_THEN_DIED_TAIL = (r"\s+(?:in|during|by|at|on)\s+(?:(?!\b(?:was|were|is|are|and|but|while|where|who|which)\b)[^.;,]){1,100}?"
                          r"\s(?:later\s+|subsequently\s+|also\s+)?(?:died|succumbed)\b")
WOUNDED_THEN_DIED = r"(?:injured|wounded)" + WOUNDED_THEN_DIED_TAIL
#: … a toll revised down, which replaces the higher figure before it ("revised the toll down to nine",
#: "lowered it to 32", "was revised downwards to six")
TOLL_FALLS = (r"(?:revis(?:e|es|ed|ing)\s+(?:(?:the|its|their)\s+(?:(?:death\s+)?(?:toll|figure)|"
              # ("revised the number of people killed in Saturday's violence down to four")
              r"number\s+of\s+(?:[\w-]+\s+){0,2}?(?:killed|dead|deaths|victims))\s+"
              # ("revised the toll from Saturday's attack on the city down to nine")
              r"(?:(?:of|from|in|for)\s+[^.;]{1,100}?\s+)?|it\s+)?down(?:wards?)?|"
              r"(?:lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|cut(?:s|ting)?)\s+(?:the\s+(?:death\s+)?(?:toll|figure)|it))")
#: "the wounded officer died in hospital": one of the wounded counted before, now one more dead (not
#: the dead counted before, told again)
ONE_OF_THE_WOUNDED = re.compile(r"\s*the\s+(?:\w+\s+)?(?:wounded|injured)\s+\w+", re.I)
#: A period gone by, named from the report's day ("last week", "the previous month"): what happened then is
#: background to the report's own news.
PAST_PERIOD = r"(?:last|the\s+previous)\s+(?:week|month|year)"
#: … and its participle opening a clause after a count ("…, raising to 212 the number killed").
TOLL_RAISING = r"(?:raising|bringing|taking|pushing)"

#: "the death toll has risen to 11", "the toll climbed to", "raising the death
#: toll to", "bringing the toll to", "bringing to 31 the number of civilians
#: killed", "nine more bodies", "after four of the injured died of their
#: wounds", "succumbed to".
TOLL_UPDATE_RE = re.compile(
    r"\b(?:(?:death\s+)?toll\b[^.;]{0,120}?\b(?:" + TOLL_RISES + r"|went\s+up|has\s+gone\s+up)|"
    + TOLL_RAISES + r"\s+(?:to\s+[\w-]+\s+)?the\s+(?:overall\s+|total\s+)?"
    r"(?:(?:death\s+)?toll|number\s+of\s+(?:dead|deaths|victims|people|civilians|those)|total)\b|"
    r"more\s+bodies|number\s+of\s+(?:[\w-]+\s+){0,3}?(?:killed|dead|deaths|bodies)\b[^.;]{0,100}?\b(?:" + TOLL_RISES + r")\s+to\b|"
    # "the search … ended with the death toll at 40", "the final toll", "the latest death toll"
    r"with\s+the\s+(?:death\s+)?toll\s+(?:standing\s+)?at\b|(?:final|latest|updated|new)\s+(?:death\s+)?toll\b|"
    r"died\s+(?:of|from)\s+(?:their|his|her)\s+(?:wounds|injuries)|succumb(?:ed|s)?\s+to\s+(?:their|his|her)\s+(?:wounds|injuries)|"
    r"(?:of\s+the\s+(?:wounded|injured)|wounded\s+\w+)\s+(?:later\s+)?died|" + WOUNDED_THEN_DIED + ")",
    re.I,
)


TOLL_FALLS_RE = re.compile(r"\b" + TOLL_FALLS + r"\b", re.I)
_SMALL_COUNT: Final = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:-\w+)?)"
#: a source correcting a figure it or others gave: "corrected its earlier toll", "corrected earlier reports, saying
#: three soldiers, not four, were killed" (the figure set against the one it replaces)
CORRECTED_FIGURE: Final = re.compile(
    r"\bcorrect(?:ed|s|ing)\s+(?:an?\s+|the\s+|its\s+|their\s+|his\s+|her\s+)?(?:earlier\s+|initial\s+|previous\s+|first\s+)?"
    r"(?:death\s+)?(?:toll|figures?|reports?|count|statements?|tally)\b|"
    r"\b" + _SMALL_COUNT + r"(?:\s+[a-z][\w-]*){0,3}?,?\s+not\s+" + _SMALL_COUNT + r"\s*[,;)-]", re.I)


def is_toll_revised_down(text: str | None) -> bool:
    """Whether a report says a toll was revised down, which replaces the higher figures before it.

    >>> is_toll_revised_down("Officials revised the toll from Saturday's strike on the town down to nine")
    True
    >>> is_toll_revised_down("The death toll has risen to 11")
    False
    >>> is_toll_revised_down("The army corrected earlier reports, saying three soldiers, not four, were killed")
    True
    >>> is_toll_revised_down("Four soldiers were killed, not in Monday's ambush but on Tuesday")
    False
    """
    if not text:
        return False
    if TOLL_FALLS_RE.search(text):
        return True
    # a correction replaces what it corrects as a revision down does, whichever way the figure moved
    return ("correct" in text or "not " in text) and CORRECTED_FIGURE.search(text) is not None


def is_toll_update(text: str | None) -> bool:
    """Whether a report says it updates an earlier toll ("the death toll has
    risen to 11 after four of the injured died of their wounds").

    >>> is_toll_update("The death toll of yesterday's massacre has risen to 9")
    True
    >>> is_toll_update("Four civilians were killed and seven wounded")
    False
    >>> is_toll_update("nine more bodies were found, bringing to 31 the number of civilians killed")
    True
    >>> is_toll_update("Rescuers pulled a body from the rubble, bringing the death toll to eight")
    True
    >>> is_toll_update("The convoy was bringing the wounded to the hospital")
    False
    >>> is_toll_update("The search of the rubble ended on Monday with the death toll at 40")
    True
    """
    return bool(text and TOLL_UPDATE_RE.search(text))


def is_claim_event(attached: Sequence[bool], span: tuple[int | None, int | None],
                   claim_starts: Iterable[int]) -> bool:
    """Whether an event is only a claim, so never an incident report, an
    exported event or a chart bar: every count attached to it is a claim
    (``attached``: :func:`is_claim` of each), or none is attached and a claim
    of its document starts inside the event's own text ("SOHR documented the
    death of 312 people in February" read as an event).

    >>> is_claim_event([True, True], (0, 80), [])
    True
    >>> is_claim_event([], (0, 80), [25])
    True
    >>> is_claim_event([True, False], (0, 80), [25])
    False
    """
    if attached:
        return all(attached)
    start, end = span
    return start is not None and any(start <= s < (end or start) for s in claim_starts)
