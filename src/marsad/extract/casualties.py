"""Casualty counts: who was killed, injured, executed, abducted, captured,
went missing or was arrested, how many, by whom, how, where and when.

Rules work sentence by sentence on the normalised text:

* ``casualties.object``: an outcome verb followed by its victims
  ("killed 18 people", "executed 5 citizens", "killed a man and his son");
* ``casualties.subject``: victims before a passive or intransitive outcome
  ("four people were killed", "10 soldiers died", "a man was shot dead"),
  in :mod:`marsad.extract.casualty_verbs` with the scan of outcome verbs;
* ``casualties.noun``: nominal forms ("the death of 608", "3 deaths",
  "hundreds of wounded", "the bodies of two men");
* sub-counts, remainders and periods are resolved in :mod:`marsad.extract.tallies`;
* what a report tells but does not report as happening in its incident (demanded,
  mourned, long past, a protest's reason) is told apart in :mod:`marsad.extract.unreported`.

Each number mention is used once. Counts without a number take ACLED's
conventions through :mod:`marsad.extract.numbers` ("a man" = 1, "dozens" = 12,
"an unknown number" = 3).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Final

from marsad.counting import is_party_claim
from marsad.extract import casefold
from marsad.extract.numbers import ORDINAL_WORDS, apposed_age_after
from marsad.extract.pipeline import DocContext, NumberMention, register
from marsad.extract.unreported import is_protest_report
from marsad.extract.wordscan import by_first_letter, opening_words, top_level_alternatives
from marsad.gazetteer.areas import kind_word

_VERB_OUTCOMES: Final = [
    (r"shot\s+dead|shooting\s+dead|shoots?\s+dead|gunned\s+down|guns?\s+down|(?:stabbed|hacked|beaten|beat|burn(?:ed|t)|clubbed|tortured|stoned|shot|crushed|strangled|starved)\s+to\s+dea(?:th|d)|"
     r"killed|kills|killing|kill|martyred|sent\s+to\s+hell|neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|lost(?!\s+(?:their|his|her)\s+li(?:ves|fe))|losing(?!\s+(?:their|his|her)\s+li(?:ves|fe))|murdered|murdering|massacred|massacring|slain|slaughtered|slaughtering|assassinated|"
     r"assassinating|lynched|lynching|beheaded|beheading|beheads|behead|decapitated|(?:burn(?:ed|t)|buried)\s+alive|strangled\s+to\s+death|died|dies|dying|die(?!-)|perished|succumbed|passed\s+away(?=[^.;]{0,80}?\b(?:wounds?|injur\w*|shot|shell\w*|strikes?|attack|blast|explosion|bomb\w*|torture|fire|clash\w*))|ascended\s+(?:to\s+(?:the\s+)?heavens?\s+)?as\s+martyrs?|ascended\s+to\s+martyrdom|embraced\s+(?:shahadat|shahadah|martyrdom)|lost\s+(?:their|his|her)\s+lives?|"
     r"found\s+dead|found\s+lifeless|drowned|drowns|drown|dead|"
     # translated agency euphemisms for a death ("one soldier paid the supreme price")
     r"paid\s+the\s+(?:supreme|ultimate)\s+(?:price|sacrifice)|"
     # "then turned the weapon on himself", "before turning the gun on himself": the attacker's own death
     r"turn(?:ed|ing|s)\s+(?:(?:the|his|her)\s+)?(?:gun|weapon|rifle|pistol|knife)\s+on(?=\s+(?:himself|herself)\b)", "killed"),
    (r"executed|executing|execute", "executed"),
    (r"injured|injuring|injures|wounded|wounding|wounds|hurt|maimed", "injured"),
    (r"abducted|abducting|kidnapped|kidnapping|kidnaps|abducts", "abducted"),
    (r"captured|capturing|taken\s+prisoner", "captured"),
    (r"went\s+missing|gone\s+missing|missing|disappeared", "missing"),
    (r"arrested|arresting|arrests|detained|detaining|apprehended", "arrested"),
]
TRIGGER_RE: Final = re.compile(opening_words(
    r"\b(?:" + "|".join(f"(?P<o{i}>{pattern})" for i, (pattern, _) in enumerate(_VERB_OUTCOMES)) + r")\b"), re.I)
OUTCOMES: Final = [outcome for _, outcome in _VERB_OUTCOMES]
_ALTERNATIVES: Final = [alternative for pattern, _ in _VERB_OUTCOMES for alternative in top_level_alternatives(pattern) or [pattern]]
#: :data:`TRIGGER_RE`'s matches at every position, without its outcome groups and gathered by first letter
#: (``wordscan.by_first_letter``): searched for in its place (``DocContext.scan``'s ``spans``), at half the cost.
TRIGGER_SPANS: Final = re.compile(opening_words(
    r"\b" + (by_first_letter(_ALTERNATIVES) or "(?:" + "|".join(_ALTERNATIVES) + ")") + r"\b"), re.I)

NON_PERSON: Final = set(
    "attack attacks operation operations raid raids strike strikes ambush plan plans order orders warrant "
    "vehicle vehicles house houses car cars truck trucks pickup pickups motorcycle motorcycles motorbike motorbikes "
    "boat boats bus buses tank tanks drone drones project area areas village "
    "villages town towns building buildings property cattle cow cows goat goats sheep camel camels livestock animal "
    "animals bull bulls ox oxen buffalo buffaloes pig pigs poultry dog dogs donkey donkeys horse horses chicken chickens bird birds fish time times hours days weeks months "
    "years minutes households homes crops trees offensive campaign mission missions policy protest protests demonstration rally "
    "march deal agreement ceasefire truce bill law shot shots round rounds fire bomb bombs mine mines rocket rockets "
    "shell shells missile missiles weapon weapons ammunition arms point points position positions post posts "
    "checkpoint checkpoints base bases toll tolls figure figures count estimate km kilometers kilometres meters metres miles percent per cent".split()
)
_BODY_PARTS: Final = frozenset("hand hands eye eyes face faces foot feet leg legs neck necks".split())  # (not "the head of the village")
UNIT_AFTER: Final = re.compile(r"\s*(?:-?\s*(?:year|month|week|day|hour|minute|km|kilomet|metre|meter|mile|percent|%|am\b|pm\b|a\.m|p\.m|"
                        r"o'clock|times|heads?\s+of\s+(?:cattle|livestock|sheep|goats|camels|cows)|"
                        r"(?:cattle|cows|goats|sheep|camels|livestock|donkeys|horses|pigs|oxen|dromedaries|chickens|poultry|animals)\b"
                        # (animals, unless they name the trade of the people counted: "two livestock traders")
                        r"(?!\s+(?:traders?|herders?|herdsm[ae]n|owners?|breeders?|dealers?|merchants?|farmers?|keepers?|"
                        r"rustlers?|thieves|sellers?|vendors?|brokers?|handlers?|butchers?|drivers?|workers?|market\s+traders?))|"
                        r"houses|homes|vehicles|cars|shops|rounds|bullets|"
                        r"shells|rockets|missiles|mortars|drones|tons|kg|dollars|usd|\$|lakhs?|crores?|naira|rupees|euros|pesos|shillings|"
                        r"francs|birr|afghanis|dinars|pounds|households))", re.I)
_CLAUSE_BREAK: Final = re.compile(r"[;:]|\bwhile\b|\bwhereas\b|\bbut\b|\bafter\b|\bbefore\b|\bwhen\b|\bas\s+well\s+as\b|"
                           r"\bwhich\b|\bthat\b|\bwhere\b|,\s*(?!including\b)(?=\w+ing\b)", re.I)
#: where a _CLAUSE_BREAK can begin (casefold.WindowScan); a comma only before a word that holds "ing" after its
#: first letter (most commas begin none: each was tried, for every count's clause; a window's end may cut that
#: word, so not its whole word)
_CLAUSE_BREAK_STARTS: Final = (re.compile(r"[;:]|,\s*(?=\w+ing)", re.I), re.compile(opening_words(r"\b(?:while|whereas|but|after|before|when|as|which|"
                                                                        r"that|where)"), re.I))
CIVILIAN_NOUNS: Final = re.compile(
    r"\b(?:civilians?|citizens?|people|persons?|residents?|villagers?|farmers?|herders?|pastoralists?|children|child|"
    r"kids?|boys?|girls?|women|woman|men|man|elderly|students?|teachers?|doctors?|nurses?|journalists?|worshippers?|"
    r"traders?|merchants?|passengers?|drivers?|workers?|family|families|refugees?|displaced|infants?|babies|baby|"
    r"wife|wives|husbands?|sons?|daughters?|brothers?|sisters?|fathers?|mothers?|cousins?|nephews?|nieces?|uncles?|"
    r"aunts?|relatives?|teens?|teenagers?|chiefs?|elders?|mukhtars?|imams?|priests?|pastors?|clerics?|shepherds?|fishermen|miners?|"
    r"pedestrians?|reporters?|photographers?|lawyers?|activists?|diggers?|labou?rers?|vendors?|hunters?|woodcutters?|"
    r"loggers?|truckers?|shopkeepers?|shop\s+owners?|passers-?by|passersby|bystanders?|grocers?|butchers?|barbers?|tailors?|"
    r"demonstrators?|protest[eo]rs?|mourners?|pilgrims?|shoppers?|patients?|guests?|voters?|"
    # (office holders and others ACLED counts as civilians: "Mayor of Chilpancingo found dead")
    r"mayors?|council+ors?|lawmakers?|politicians?|candidates?|judges?|presidents?|missionar(?:y|ies)|nuns?|monks?|tourists?|"
    r"presenters?|bloggers?|(?:community|social|tribal|religious|village|traditional|youth|indigenous)\s+leaders?|"
    # (a civil or local council's members are office holders: "a member of the local civil council", "a civil council
    # member"; a military council's are not)
    r"(?:civil|local|municipal|city|town|village|district|provincial|county|ward)\s+council\s+members?|"
    r"members?\s+of\s+(?:the|an?|its)\s+(?:[\w'-]+\s+){0,2}?(?:civil|local|municipal|city|town|village|district|"
    r"provincial|county|ward)\s+councils?)\b",
    re.I,
)
COMBATANT_NOUNS: Final = re.compile(
    r"\b(?:fighters?|soldiers?|troops?|militants?|militiam[ae]n|militias?|gunm[ae]n|insurgents?|rebels?|guerr?ill?as?|"
    r"jihadists?|terrorists?|bandits?|commanders?|officers?|policem[ae]n|police|personnel|guards?|recruits?|"
    r"combatants?|operatives?|elements?|mercenaries|servicem[ae]n|gendarmes?|conscripts?|leaders?|attackers?|"
    r"assailants?|snipers?|pilots?|agents?|paramilitar\w+|vigilantes?|escorts?|bodyguards?|"
    # ("ten members of the security belt forces")
    r"members\s+of\s+(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,4}?(?:forces|army|militias?|brigades?|battalions?|units?)|"
    r"suspected\s+(?:[\w'-]+\s+){0,2}?members)\b",  # ("two suspected al-Qaeda members")
    re.I,
)


def people_search(pattern: re.Pattern, phrase: str) -> re.Match | None:
    """``pattern.search(phrase)`` for :data:`CIVILIAN_NOUNS` or :data:`COMBATANT_NOUNS` (large ``re.I``
    alternations, searched in each count's victims), on the lower-cased phrase where that finds the same
    span (:mod:`marsad.extract.casefold`: a quarter of the cost): read its span only."""
    if casefold.warmed_up():
        lowered = casefold.lowered_pattern(pattern)
        folded = casefold.folded_text(phrase) if lowered is not None else None
        if lowered is not None and folded is not None:
            return lowered.search(folded)
    return pattern.search(phrase)


def names_people(phrase: str) -> bool:
    """Whether ``phrase`` holds a word for civilians or combatants."""
    return people_search(CIVILIAN_NOUNS, phrase) is not None or people_search(COMBATANT_NOUNS, phrase) is not None


GROUP_WORDS: Final = {"children": "children", "child": "children", "kids": "children", "boys": "children", "girls": "children",
               "infants": "children", "babies": "children", "boy": "children", "girl": "children", "kid": "children",
               "infant": "children", "baby": "children", "women": "women", "woman": "women", "men": "men"}
CAUSES: Final = [
    ("suicide_attack", r"suicide|blew\s+(?:himself|herself|themselves)\s+up|blowing\s+(?:fighters\s+)?themselves\s+up"),
    ("car_bomb", r"car\s+bomb|booby[\s-]*trapped\s+(?:car|vehicle)|vbied"),
    ("ied", r"\bieds?\b|improvised\s+explosive|roadside\s+bomb|landmines?|"
            r"\bmine(?<!gold\smine)(?<!coal\smine)(?<!copper\smine)(?<!diamond\smine)(?<!artisanal\smine)s?\b"
            r"(?!\s+(?:sites?|workers?|shafts?|owners?))|"
            r"explosive\s+device|explosion|detonat\w+"),
    ("airstrike", r"air\s*strikes?|air\s*raids?|warplanes?|aerial|drone\s+strikes?|\bdrones?\b|bombard\w+|aircraft|"
                  r"\bstrikes\b|helicopter"),
    ("shelling", r"shell(?:ing|ed|s)?|artillery|mortars?|rockets?|missiles?"),
    ("execution", r"execut\w+"),
    ("clash", r"clash\w*|battles?|fighting|firefights?|exchange\s+of\s+fire|confrontations?|ambush\w*"),
    ("shooting", r"\bshot\b|shooting|gunfire|opened\s+fire|gunmen|gunshots?|firing"),
    ("stabbing", r"stabb\w+|knife|machete\w*|hacked"),
    ("beating", r"beat(?:en|ing)?\b|lynch\w*|tortur\w+"),
]
CAUSE_RE: Final = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in CAUSES), re.I)
NATIONALITY_RE: Final = re.compile(r"\b(?P<nat>Iraqi|Syrian|Turkish|Russian|Iranian|Afghan|Lebanese|Palestinian|Kurdish|"
                            r"Jordanian|Saudi|Yemeni|Egyptian|Libyan|American|French|British|foreign)\s+nationality\b", re.I)


#: a count that numbers one more dead among an incident's ("a third soldier … died"): the incident's toll, as
#: "the death toll rose to three" is (``ledger``), not more dead
ONE_MORE_RULE: Final = "casualties.subject.ordinal"


@dataclass
class Finding:
    """A raw casualty statement before tallies are resolved."""

    outcome: str
    number: NumberMention | None
    count: int | None
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    victim_text: str
    rule: str
    confidence: float
    active: bool = False
    parent: Finding | None = None  # the count a split or "the remaining N" breaks down

_NP_STOP: Final = re.compile(
    r"\b(?:of|in|at|on|near|during|and|or|who|whom|which|while|after|before|when|as|from|by|with|including|inside|"
    r"outside|into|to|for|following|amid|over|under|since|because|but|were|was|are|is|had|has|have|been|reportedly|together|"
    r"allegedly|according|among|across|along|around|between|within|without|until|through|towards?|following|"
    r"killed|killing|injured|injuring|wounded|wounding|died|dead|this|that|those|these|using|carrying|wearing|riding|"
    r"driving|holding|walking|travelling|traveling|sitting|standing)\b|[,;:.()\[\]\"]|\s-{1,2}\s"
    # a participle opening the victims' own clause ("civilians fleeing the town", "guests attending a wedding"),
    # not one before their noun ("fleeing civilians")
    r"|\b[a-z]{3,}ing(?=\s+(?:the|a|an|their|his|her|its|to|from|in|on|at|near|into|through|across|along|for|with|"
    r"home|out|towards?)\b)",
    re.I,
)
#: a word that opens a list of parts, anywhere in a phrase ("civilians, including 3 children")
_INCLUDING_WORD: Final = re.compile(r"\b(?:including|among\s+them|amongst\s+them|of\s+whom)\b", re.I)
_INCLUDING: Final = re.compile(r"(?:\bincluding|\bamong\s+(?:them|whom|those|the\s+(?:dead|victims|killed|wounded|injured))"
                        r"(?:\s+(?:were|are|was|is))?|\bof\s+(?:whom|them|those)|\bamongst\s+them)\s*(?:the\s+)?$", re.I)


#: (per count: compiled once, not looked up in the re module's cache at each call)
_ING_NEXT: Final = re.compile(r"\s*\w+ing\b")
_OR_INJURED: Final = re.compile(r"\s*or\s+(?:injur|wound)", re.I)
_AND_KILLED: Final = re.compile(r"\b(?:and|or|&)\s+kill", re.I)
#: (casualty_verbs' subject rules) the verb that "dead" completes after "both": "shot both attackers dead"
SHOT_BEFORE: Final = re.compile(r"\b(?:shot|shooting|shoots|found|left|leaving)\s+$", re.I)
#: "killed or wounded 14 people": dead and hurt told as one count, the verb active
OR_HURT_AFTER: Final = re.compile(r"\s+or\s+(?:wounded|injured|maimed|hurt)\b", re.I)
#: a time told before the clause's subject ("The next day", "Hours later,", "On Tuesday")
FRONTED_TIME: Final = re.compile(r"\s*(?:(?:the\s+)?(?:next|following)\s+(?:day|morning|evening|night)|(?:hours|days)\s+later|later|"
                                  r"overnight|on\s+[a-z]+day)\s*,?(?=\s)", re.I)


def ends_with_word(text: str, start: int, end: int, endings: tuple[str, ...]) -> bool:
    """Whether ``text[start:end]`` ends in white space after one of ``endings`` (lower case): what a
    pattern that ends in ``(?:a|b)\\s+$`` needs to match there, tested on those last characters where
    the engine's search tries every position of the window. ``text``: a lower-cased text of
    :meth:`DocContext.lowered` (on another, ``re.I`` matches case partners that ``str.lower`` does not
    give: ask :func:`may_end_with` instead)."""
    window = text[start:end]
    tail = window.rstrip()
    return len(tail) < len(window) and tail.endswith(endings)


def may_end_with(ctx: DocContext, text: str, start: int, end: int, endings: tuple[str, ...]) -> bool:
    """:func:`ends_with_word` where ``text`` is the lower-cased text of ``ctx`` (:meth:`DocContext.lowered`
    gave it), else True: not known."""
    return text is ctx.norm or ends_with_word(text, start, end, endings)


#: :data:`TRIGGER_RE`'s outcome groups by name ("o0", "o1" …), and the outcome each tells
_OUTCOME_OF_GROUP: Final = {f"o{index}": outcome for index, outcome in enumerate(OUTCOMES)}


def _outcome_of(match: re.Match) -> str:
    """The outcome a :data:`TRIGGER_RE` match tells: its group is the last one closed (one matches,
    and it holds no group), read by name where each group was asked for in turn."""
    return _OUTCOME_OF_GROUP.get(match.lastgroup or "", "killed")


def _clause_bounds(ctx: DocContext, position: int) -> tuple[int, int]:
    sentence_start, sentence_end = ctx.sentence_at(position)
    start = max(sentence_start, position - 250)  # run-on sentences stay linear
    breaks = ctx.windows(_CLAUSE_BREAK, _CLAUSE_BREAK_STARTS)
    last_break = breaks.last(max(sentence_start, position - 160), position)
    if last_break is not None:
        start = last_break.end()
    limit = min(sentence_end, position + 400)  # run-on sentences stay linear
    after = breaks.search(position, limit)
    return start, (after.start() if after else limit)


class NumberIndex:
    """Countable number mentions of a document (no years, ordinals, measures)."""

    def __init__(self, ctx: DocContext):
        dated = [(d.span.start, d.span.end) for d in ctx.dates if d.span is not None and not d.rule.startswith("dates.nth")]
        dated_starts = [s for s, _ in dated]
        measures = _Measures(ctx)
        # (the dates first: a bisection, where a measure is three searches)
        self.items = [n for n in ctx.numbers if not _inside_any(n.num_start, dated, dated_starts) and measures.countable(n)]
        self.items.sort(key=lambda n: n.start)
        self._starts = [n.start for n in self.items]
        self._by_start = {n.start: n for n in self.items}
        self.used: set[int] = set()

    def starting_at(self, position: int) -> NumberMention | None:
        return self._by_start.get(position)

    def within(self, start: int, end: int) -> list[NumberMention]:
        first = bisect_left(self._starts, start)
        found = []
        for number in self.items[first:]:
            if number.start >= end:
                break
            if number.end <= end:
                found.append(number)
        return found

    def take(self, number: NumberMention) -> bool:
        if id(number) in self.used:
            return False
        self.used.add(id(number))
        return True

    def is_used(self, number: NumberMention) -> bool:
        return id(number) in self.used

    def give_back(self, number: NumberMention) -> None:
        self.used.discard(id(number))


def _inside_any(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect_right(starts, position) - 1
    return any(spans[i][0] <= position < spans[i][1] for i in range(max(0, index - 2), index + 1))


_DAY_RANGE: Final = re.compile(r"\s*(?:-|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_NAMED_NUMBER: Final = re.compile(
    r"\b(?:battalion|brigade|division|regiment|unit|company|squadron|flight|route|road|highway|street|article|section|"
    r"ward|zone|sector|block|camp|base|post|checkpoint|kilometre|kilometer|km|no\.?|number|phase|level|gate|lib|"
    r"resolution|decree|law|grade|class|bus|line|plot|house|building|room|district|area|region)\s*$", re.I)


_RANGE_AFTER: Final = re.compile(r"[-/]\s*\d")


class _Measures:
    """What tells a number that counts no people, searched (for its span) on the lower-cased text."""

    def __init__(self, ctx: DocContext):
        self.norm = ctx.norm
        self.named, self.named_text = ctx.lowered(_NAMED_NUMBER)
        self.days, self.days_text = ctx.lowered(_DAY_RANGE)
        self.units, self.units_text = ctx.lowered(UNIT_AFTER)

    def countable(self, number: NumberMention) -> bool:
        if number.is_year or number.is_ordinal or number.value is None:
            return False
        if self.named.search(self.named_text, max(0, number.num_start - 14), number.num_start):
            return False  # "battalion 101", "zone 18": a name, not a count
        if self.days.match(self.days_text, number.num_end):
            return False  # "14 - 18 April": days
        if self.units.match(self.units_text, number.num_end):
            return False
        return not _RANGE_AFTER.match(self.norm[number.num_end:number.num_end + 3])


def victim_phrase(ctx: DocContext, start: int, limit: int) -> tuple[str, int]:
    """The noun phrase of victims starting at ``start`` in ``ctx.norm`` (and its "of …" tail)."""
    norm = ctx.norm
    while start < limit and norm[start] == " ":
        start += 1
    # (its stop found on the lower-cased text, DocContext.lowered: its span is read)
    stop_at, text = ctx.lowered(_NP_STOP)
    stop = stop_at.search(text, start, limit)
    end = stop.start() if stop else limit
    words = norm[start:end].split()[:6]
    end = start + len(" ".join(words)) if words else start
    tail = _PHRASE_TAIL.match(norm, end, limit)
    return norm[start:end], tail.end() if tail else end


_WORDS: Final = re.compile(r"[A-Za-z][\w'-]*")
#: what the victims were doing, after them ("two boys herding sheep"): not the head of the phrase
PARTICIPLE_TAIL: Final = re.compile(r"\s+[a-z]+ing\b")


def _head_noun(phrase: str) -> str:
    words = _WORDS.findall(phrase)
    return words[-1].lower() if words else ""


_VERB_CHAIN: Final = (
    r"(?:\s+(?:and|or|&)\s+(?:injur|wound|kill|abduct|kidnapp|captur|arrest|execut)\w*"
    r"|(?:\s*,\s*|\s+)(?:and\s+)?(?:burn(?:ed|t)|dismembered|mutilated|beheaded|decapitated|robbed|tortured|raped|"
    r"dumped|abandoned|buried|hanged|set\s+ablaze))?\s*"
)
# (a quoted vague count: "killed 'dozens'", "killed \"several\" assailants")
# (a verb in quotes: "said it had 'neutralised' about 30 assailants")
_OBJ_GAP: Final = re.compile(r"['’\"”]?" + _VERB_CHAIN + r"(?:(?:off|up|all|the|in\s+total|a\s+total\s+of|altogether|another|"
                             r"a\s+further|an\s+additional)\s+)?['‘\"“]?", re.I)
_VERB_GAP: Final = re.compile(_VERB_CHAIN, re.I)
#: a relative's noun ("son", "wife", "parents"): after "his", "her" or "their" someone other than the person named before
KIN: Final = (r"(?:son|daughter|husband|wife|brother|sister|father|mother|parent|child|baby|relative|cousin|nephew|niece|uncle|"
       r"aunt|friend|colleague)")
_KIN_AFTER: Final = re.compile(r"\s+(?:\w+\s+)?" + KIN, re.I)
_SOMEONES_RELATIVE: Final = re.compile(r"\s*(?:his|her|their)\s+(?:[\w'-]+\s+)?" + KIN, re.I)
_PAIR: Final = re.compile(r"\b(?:an?|the)\s+(?P<pair>[\w-]+\s+and\s+(?:his|her|their|an?|the)\s+[\w-]+)\b", re.I)
_TWO_BEFORE: Final = re.compile(r"\b(?:two|2)\s+(?P<pair>(?:[\w'-]+\s+){0,3}?(?-i:[a-z][\w'-]*s))\b", re.I)  # (a plural noun, not "ISIS")
_OBJ_DET: Final = re.compile(r"\s*(?:(?:and|or)\s+(?:injur|wound|kill)\w*\s+)?(?:(?:also|even)\s+)?(?P<det>a|an|another|one|the|his|her|their|its|this|that|him|her|himself|herself|themselves|both)\b", re.I)
#: "killed a family of five": the number counts the people, the family is the phrase
_POSSESSIVE: Final = re.compile(r"(?:his|her|their|its)\s+(?=\d|[a-z])", re.I)
_FAMILY_OF: Final = re.compile(r"\s*(?:an?|the|its|their|his|her)\s+(?:(?:entire|whole)\s+)?(?P<group>family|crew)\s+of\s+", re.I)
#: a qualifier before a coordinated count: "the imam and at least 15 worshippers"
_COORD_QUALIFIER: Final = r"(?:(?:at\s+least|more\s+than|at\s+most|up\s+to|about|around|nearly|almost|some|over)\s+)?"
#: ("killed a commander along with his wife and their three children": the companions are more dead)
_COORD: Final = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+(?:then\s+)?|\s*&\s*|,?\s+(?:along|together)\s+with\s+)(?=" +
                    _COORD_QUALIFIER +
                    r"(?:a|an|another|one|himself|herself|themselves|his|her|their|\d+|two|three|four|five|six|seven|eight|nine|ten)\b)"
                    r"|\s+and\s+(?=the\b)", re.I)  # ("killing four traders and herself": the bomber died too)
#: a share of the item before with a death of its own ("wounding five others, two of whom later died")
_SHARE_NEXT: Final = re.compile(r"[\w-]+\s+of\s+(?:whom|them)\s+(?:later\s+|\w+ly\s+|have\s+since\s+|had\s+|since\s+)?"
                                r"(?:died|succumbed|passed\s+away)\b", re.I)
#: a victim phrase's "of …" tail, up to what the clause says next
_PHRASE_TAIL: Final = re.compile(r"(?:\s+and\s+(?!(?:a|an|another|one|two|three|four|five|six|seven|eight|nine|ten|his|her|their)\b)"
                          r"[A-Za-z][\w-]*)?\s+of\s+(?:the\s+)?[^,;.()]{1,60}?(?=\s+(?:who|which|in|at|on|near|during|after|when|"
                          r"while|by)\b|\s+and\s+(?:[a-z]+ing|injured|wounded|killed|abducted|kidnapped|left)\b|\s+and\s+" + _COORD_QUALIFIER +
                          r"(?:a|an|another|one|his|her|their|two|three|four|five|\d+)\b|[,;.()]|$)")
#: "killing 15 of them and their driver": the share of a group named before, then more people
_OF_THEM_AFTER: Final = re.compile(r"\s*\bof\s+(?:them|those|these)\b(?=\s*(?:,\s*)?(?:and|along|together)\b)", re.I)
#: "four soldiers from Azaz and two civilians", "a man in Nikopol and a woman in Marhanets": a named origin or place
#: between the items of one list
_NAMED_ORIGIN: Final = re.compile(r"\s+(?:from|of|in|at|near)\s+(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?")
_NAMED_APPOSITIVE: Final = re.compile(r"\s*,\s*[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|[a-z]{1,3}-[A-Z][\w'’-]+|bin|ibn|al|el|de)){0,4}(?=\s*,)")
#: a coordinated victim who is the subject of a verb of their own ("and a tenth person died")
_OWN_VERB: Final = re.compile(r"\s+(?:(?:was|were|has|have|had)\s+(?:been\s+)?)?(?:later\s+|also\s+|then\s+|subsequently\s+)?"
                       r"(?:died|succumbed|killed|shot|wounded|injured|hurt)\b", re.I)
#: ", a provincial spokesman said": the source of the report, not one more victim
_ATTRIBUTION: Final = re.compile(r"\s*(?:an?|the|one|their|his|her)\s+(?:[\w'-]+\s+){0,5}?"
                          r"(?:said|says|told|reported|announced|stated|confirmed|added|showed|shows|claimed|posted)\b", re.I)
_APPOSITIVE: Final = re.compile(r"\s*,\s*(?:the\s+)?(?:number\s+of\s+)?(?=[a-z])", re.I)


#: "40 of his sheep": a part of what is no person
_OF_NON_PERSON: Final = re.compile(r"\s+of\s+(?:the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(NON_PERSON)) + r")\b", re.I)
#: "5 in the market": a bare number placed or timed, a part of the count before it
_SPEAKER: Final = re.compile(r"\b(?:saying|said|says|claiming|claimed|told|reported)\b", re.I)
_BARE_NUMBER_WHERE: Final = re.compile(r"\s+(?:of\s+them\s+)?(?:in|at|near|inside|around|during)\s")


#: an item of an appositive list told in the singular ("a father", "his wife"), not a number's ("their two sons")
SINGLE_ITEM: Final = re.compile(r"(?:^|,|\band\b)\s*(?:an?|one|his|her|their|the)\s+(?=[a-z])", re.I)
#: a list of the people just counted, after a comma, to the clause's end ("killing 2 civilians, a man and his son")
_ITEMS_TO_END: Final = re.compile(r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)?(?:an?|one|his|her|their|\d+|two|three|four|five|six)\s+"
                                  r"[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)+\s*", re.I)


def _appositive_items(ctx: DocContext, numbers: NumberIndex, finding: Finding, start: int, end: int) -> bool:
    """Whether the words from ``start`` to the end of their list (before ``end``, followed by a stop or a comma) name
    the people ``finding`` just counted, as many ("killing 2 civilians, a man and his son": the two, told one by
    one; not "two civilians, a soldier and …")."""
    items = _ITEMS_TO_END.match(ctx.norm, start, end) if finding.number is not None and (finding.count or 0) >= 2 else None
    if items is None or ctx.norm[items.end():items.end() + 1] not in (".", ",", ";", ""):
        return False
    end = items.end()
    listed = ctx.norm[start:end]
    told = numbers.within(start, end)
    numbered = {n.start for n in told}
    singles = [m for m in SINGLE_ITEM.finditer(listed) if start + m.end() not in numbered]
    return len(singles) + sum(n.value or 0 for n in told) == finding.count and not COMBATANT_NOUNS.search(listed)


#: another outcome's noun after "and" ("the death of a shepherd and the injury of another"): its own statement
_OUTCOME_NOUN_AFTER: Final = re.compile(r"(?:the\s+)?(?:injur(?:y|ies)|wounding|arrests?|detention|abductions?)\s+of\b", re.I)


def object_findings(ctx: DocContext, numbers: NumberIndex, trigger: tuple[int, int], outcome: str,
                    position: int | None = None, rule: str = "casualties.object") -> list[Finding]:
    """Victims after an active outcome verb: "killed 18 people", "killed a man and his son"."""
    _, clause_end = _clause_bounds(ctx, trigger[1])
    sentence_end = ctx.sentence_at(trigger[0])[1]
    position = trigger[1] if position is None else position
    findings: list[Finding] = []
    comma_only = False  # the last item was one person, followed by a bare comma
    while position < sentence_end:
        finding = _one_object(ctx, numbers, trigger, outcome, position, max(clause_end, min(sentence_end, position + 120)))
        uncounted = _THEMSELVES_AND.match(ctx.norm, position) if finding is None and not findings else None
        if uncounted is not None:  # ("bombers …, killing themselves and three guards": the guards; bombers uncounted)
            position = uncounted.end()
            continue
        if finding is None:
            break
        if findings and finding.number is not None and not finding.victim_text.strip() and \
                _BARE_NUMBER_WHERE.match(ctx.norm, finding.number.end):
            numbers.give_back(finding.number)  # "killed 9 people, 5 in the market and 4 …": parts, not more dead
            break
        if findings and _SPEAKER.search(finding.victim_text):
            if finding.number is not None:
                numbers.give_back(finding.number)
            break  # "the army saying it killed 12 rebels and the rebels saying they …": a speaker, no victim
        if findings and _OWN_VERB.match(ctx.norm, finding.end):
            if finding.number is not None:
                numbers.give_back(finding.number)
            break  # "killing nine, and a tenth person died of his wounds": the subject of a clause of its own
        if comma_only and finding.number is None and not _COORD.match(ctx.norm, finding.end):
            break  # "killed its owner, a local judge, in Kirkuk": who the one was (a list ends with "and")
        finding.rule = finding.rule.replace("casualties.object", rule)
        finding.active = rule == "casualties.object"
        findings.append(finding)
        # "four soldiers from Azaz and two civilians", "a commander, Abu Khalid, and three fighters"
        origin = _NAMED_ORIGIN.match(ctx.norm, finding.end) or _NAMED_APPOSITIVE.match(ctx.norm, finding.end) or \
            (_OF_THEM_AFTER.match(ctx.norm, finding.end) if finding.number is not None else None)
        at = origin.end() if origin else finding.end
        while at > finding.start and ctx.norm[at - 1].isspace():
            at -= 1  # ("killing seven and four civilians respectively": a bare number's span ends after its space)
        coord = _COORD.match(ctx.norm, at)
        if not coord or _ING_NEXT.match(ctx.norm[coord.end():coord.end() + 20]) or \
                _ATTRIBUTION.match(ctx.norm, coord.end()) or _OUTCOME_NOUN_AFTER.match(ctx.norm, coord.end()) or \
                _SHARE_NEXT.match(ctx.norm, coord.end()):
            break  # ("wounding five others, two of whom later died": a share of the five, no more victims)
        comma_only = finding.number is None and not origin and coord.group().strip() == ","
        if coord.group().strip() == "," and _appositive_items(ctx, numbers, finding, coord.end(), sentence_end):
            break  # (who the counted were: no more dead)
        position = coord.end()
    return findings


def _one_object(ctx: DocContext, numbers: NumberIndex, trigger: tuple[int, int], outcome: str, position: int,
                limit: int) -> Finding | None:
    gap = _OBJ_GAP.match(ctx.norm, position)
    family = _FAMILY_OF.match(ctx.norm, gap.end()) if gap and ctx.may_match(_FAMILY_OF) else None
    number = numbers.starting_at(family.end() if family else gap.end()) if gap else None
    owner = _POSSESSIVE.match(ctx.norm, gap.end()) if gap and number is None else None
    if owner is not None:  # "killed him and his two sons"
        number = numbers.starting_at(owner.end())
    if number is not None and not numbers.is_used(number):
        phrase, end = victim_phrase(ctx, number.end, limit)
        appositive = _APPOSITIVE.match(ctx.norm, number.end)
        if not phrase.strip() and appositive:
            phrase, end = victim_phrase(ctx, appositive.end(), min(len(ctx.norm), appositive.end() + 120))
            if not (names_people(phrase) or re.search(r"\bmembers?\b", phrase)):
                phrase, end = "", number.end
        if family is not None:  # ("its crew of four": people of no side the words tell)
            phrase = ("civilians, " if family.group("group").lower() == "family" else "") + \
                ctx.norm[family.start():number.end].strip()
            end = number.end  # (what follows is no more of it: "a family of five - a couple and their three children -")
        elif _head_noun(PARTICIPLE_TAIL.split(phrase, maxsplit=1)[0]) in NON_PERSON \
                or (not phrase.strip() and _OF_NON_PERSON.match(ctx.norm, number.end)):
            return None  # "killed a shepherd and 40 of his sheep"
        numbers.take(number)
        between = gap.group(0) if gap else ""
        if outcome == "killed" and _OR_INJURED.match(between):
            return None
        if outcome == "injured" and _AND_KILLED.search(between):
            outcome = "killed"
        return Finding(outcome, number, number.value, number.start, max(end, number.end), trigger[0], trigger[1],
                       phrase, "casualties.object", 0.9, active=True)
    det = _OBJ_DET.match(ctx.norm, position)
    verb_gap = _VERB_GAP.match(ctx.norm, position) if det is None and gap and gap.group(0).strip() else None
    if verb_gap is not None:
        det = _OBJ_DET.match(ctx.norm, verb_gap.end())
    if det is None:
        return _named_victim(ctx, trigger, outcome, position) or _bare_singular(ctx, trigger, outcome, position)
    word = det.group("det").lower()
    if word in ("himself", "herself"):  # "killing himself and four worshippers": the attacker died too
        return Finding(outcome, None, 1, det.start("det"), det.end(), trigger[0], trigger[1], "attacker",
                       "casualties.object.reflexive", 0.7, active=True)
    if word == "themselves":
        return _attackers_themselves(ctx, numbers, trigger, outcome, det)
    if word in ("him", "her") and not _KIN_AFTER.match(ctx.norm[det.end():det.end() + 30]):
        end = det.end()
        return Finding(outcome, None, 1, det.start("det"), end, trigger[0], trigger[1], word,
                       "casualties.object.pronoun", 0.7, active=True)
    if word == "both":
        phrase, end = victim_phrase(ctx, det.end(), limit)
        if not phrase.strip():  # who both are: the pair the sentence named before ("a farmer and his son …, killing both")
            sentence_start = ctx.sentence_at(trigger[0])[0]
            pairs = list(_PAIR.finditer(ctx.norm, sentence_start, trigger[0])) or \
                list(_TWO_BEFORE.finditer(ctx.norm, sentence_start, trigger[0]))  # ("a car carrying two militants")
            phrase = pairs[-1].group("pair") if pairs else phrase
        return Finding(outcome, None, 2, det.start("det"), max(end, det.end()), trigger[0], trigger[1], phrase,
                       "casualties.object.both", 0.7, active=True)
    phrase, end = victim_phrase(ctx, det.end(), limit)
    head = _head_noun(phrase)
    if not phrase.strip() and word in ("another", "one"):
        return Finding(outcome, None, 1, det.start("det"), det.end(), trigger[0], trigger[1], word,
                       "casualties.object.another", 0.6, active=True)
    if (head == "couple" and word in ("a", "an", "the", "one")) or (head == "parents" and word in ("his", "her", "their")):
        return Finding(outcome, None, 2, det.start("det"), end, trigger[0], trigger[1], phrase,
                       "casualties.object.couple", 0.7, active=True)
    if not head or head in NON_PERSON or head in _TIME_NOUNS or _is_plural(head) or numbers.within(det.end(), end) or \
            (word == "the" and phrase.split()[-1].lower() in _ORDINAL_ALONE) or \
            phrase.split()[0].lower() in _BODY_PARTS:  # "the bodies of six men, their hands bound"
        return None
    return Finding(outcome, None, 1, det.start("det"), end, trigger[0], trigger[1], phrase,
                   "casualties.object.singular", 0.75, active=True)


#: a time told after the verb or noun, no one hit ("Killed this week: 14", "died of his wounds the next day"); not in
#: NON_PERSON, which a victim phrase's last word is also read against ("the bodies of six men abducted last week")
_TIME_NOUNS: Final = frozenset("hour day week month year minute morning afternoon evening night weekend".split())
#: an ordinal alone after "the" is a thing counted in turn, no victim ("the first killed four traders and the
#: second, which went off …": the second bomb)
_ORDINAL_ALONE: Final = frozenset(("first", *ORDINAL_WORDS, "last", "latter", "former"))
#: the attackers a sentence counts before "killing themselves" ("Two female suicide bombers blew themselves up")
_ATTACKERS_AFTER: Final = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:bombers|attackers|assailants|gunmen|militants|fighters|"
                                     r"insurgents|shooters)\b", re.I)


_THEMSELVES_AND: Final = re.compile(r"\s*themselves\s+and\s+", re.I)


def _attackers_themselves(ctx: DocContext, numbers: NumberIndex, trigger: tuple[int, int], outcome: str,
                          det: re.Match) -> Finding | None:
    """"Two suicide bombers blew themselves up …, killing themselves and three militiamen": the attackers the
    sentence counted before died too, as "killing himself" counts one; none where it counted them nowhere."""
    for number in reversed(numbers.within(ctx.sentence_at(trigger[0])[0], trigger[0])):
        if _ATTACKERS_AFTER.match(ctx.norm, number.end) and numbers.take(number):
            return Finding(outcome, None, number.value, det.start("det"), det.end(), trigger[0], trigger[1],
                           "attackers", "casualties.object.reflexive", 0.7, active=True)
    return None


def names_relative(victim_text: str) -> bool:
    """Whether the victims are named as someone's relatives ("Her husband", "their two sons"):
    after the person counted before, someone else, not that person again."""
    return _SOMEONES_RELATIVE.match(victim_text) is not None


def _named_victim(ctx: DocContext, trigger: tuple[int, int], outcome: str, position: int) -> Finding | None:
    """One person named right after the verb: "gunmen shot dead Abdi Nur in
    Beledweyne"; not a group, an actor or a place the other components found
    ("killed Islamic State fighters", "shelled Deir Hafer"). A list of names
    counts its names ("killed Ali Musa and Omar Bello")."""
    listed = _NAMES_AFTER.match(ctx.norm, position)
    if listed is not None:
        count = _names_count(ctx, *listed.span("list"))
        if count:
            return Finding(outcome, None, count, listed.start("list"), listed.end("list"), trigger[0], trigger[1],
                           listed.group("list"), "casualties.object.named", 0.7, active=True)
    name = _NAMED_VICTIM.match(ctx.norm, position)
    if name is None:
        return None
    start, name_end = name.span("name")
    # what describes the name is no other victim: "Abdi Nur, 30,", "Jean Baptiste, a local chief,"
    end = apposed_age_after(ctx, name_end) or name_end
    described = _NAME_DESCRIBED.match(ctx.norm, end)
    # (a name described as a person is one even where a namesake place was found: "killed Abu Omar, a commander")
    as_person = end != name_end or (described is not None and not _describes_a_place(described.group(0)))
    if _names_another_entity(ctx, start, name_end, places=not as_person):
        return None
    return Finding(outcome, None, 1, start, described.end() if described else end, trigger[0], trigger[1],
                   name.group("name"), "casualties.object.named", 0.7, active=True)


#: a headline's victim without an article: "kills police officer", "kills Hezbollah commander, two others"
_BARE_SINGULAR: Final = re.compile(r"\s+(?P<phrase>(?:(?!(?:and|or|in|on|at|near|by|with|after|as|of|the|a|an|one|his|her|their|its|this|that|"
                            r"was|were|is|are)\b|\d)"
                            r"[\w'-]+\s+){0,2}(?P<head>(?!(?:the|a|an|one|of)\b)[A-Za-z][\w-]*))"
                            r"(?=\s*(?:[,.;:]|$)|\s+(?:in|on|at|near|by|with|after|as|and|or|during|from|who|when|while)\b)")


def _bare_singular(ctx: DocContext, trigger: tuple[int, int], outcome: str, position: int) -> Finding | None:
    bare = _BARE_SINGULAR.match(ctx.norm, position)
    if bare is None:
        return None
    head = bare.group("head")
    if head[0].isupper():  # a people's name for one of them: "Israeli troops kill Palestinian in Jenin raid"
        from marsad.extract.actors import load_lexicon

        if bare.group("phrase") != head or head.lower() not in load_lexicon().demonyms:
            return None
    elif _is_plural(head) or not (CIVILIAN_NOUNS.fullmatch(head) or COMBATANT_NOUNS.fullmatch(head)):
        return None
    return Finding(outcome, None, 1, bare.start("phrase"), bare.end(), trigger[0], trigger[1], bare.group("phrase"),
                   "casualties.object.singular", 0.6, active=True)


def _describes_a_place(description: str) -> bool:
    """", a town in the south": a description whose head is a word the gazetteer reads after a place's name
    (a town, a district …; not ", a village chief")."""
    words = re.split(r"\s+(?:in|of|on|near|at|by)\s", re.sub(r"^\s*,\s*(?:a|an|the)\s+", "", description), maxsplit=1)[0].split()
    return bool(words) and kind_word(" " + words[-1]) is not None


def _names_another_entity(ctx: DocContext, start: int, end: int, *, places: bool = True) -> bool:
    """Whether an actor (or, with ``places``, a place) another component found overlaps ``[start, end)``."""
    return any(a.span.start < end and start < a.span.end for a in ctx.actors) or \
        (places and any(p.span.start < end and start < p.span.end for p in ctx.places))


def _names_count(ctx: DocContext, start: int, end: int) -> int:
    """How many people a list of names in ``[start, end)`` names; 0 when one of the
    names is an actor or a place ("Mali, Niger and Burkina Faso")."""
    names = list(_PERSON_NAME_RE.finditer(ctx.norm, start, end))
    if any(_names_another_entity(ctx, _past_role_word(name), name.end()) for name in names):
        return 0
    return len(names)


def _past_role_word(name: re.Match) -> int:
    """Where a name begins once a capitalised role noun before it is left out ("Journalists Hamza Saleh and
    Yousef Nabil were killed": the role, an actor of its own, is no name of an entity)."""
    first = name.group(0).split(" ", 1)
    if len(first) == 2 and (CIVILIAN_NOUNS.fullmatch(first[0].lower()) or COMBATANT_NOUNS.fullmatch(first[0].lower())):
        return name.start() + len(first[0]) + 1
    return name.start()


#: an appositive after a name: ", a local chief" before the clause goes on
_NAME_DESCRIBED: Final = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?[\w'-]+(?=\s*(?:[,.;]|$))")
#: a personal name: two to four capitalised words ("Abdi Nur", "Ahmed al-Masri")
_PERSON_NAME: Final = r"(?-i:[A-Z][a-z]+(?:[ -](?:(?:al|el|bin|ibn|abu|bint)[ -])?[A-Z][a-z]+){1,3})"
_PERSON_NAME_RE: Final = re.compile(_PERSON_NAME)
#: what may follow a victim named after the verb: the clause goes on or ends
_AFTER_NAME: Final = (r"(?=\s*(?:[,.;(]|$)|\s+(?:in|on|at|near|and|who|after|while|during|as|outside|inside|from|"
               r"when|because|with)\b)")
_NAMED_VICTIM: Final = re.compile(rf"\s+(?P<name>{_PERSON_NAME}){_AFTER_NAME}")
#: a list of names, each with its age set off or not: "Peter Otieno, 41, James Kariuki, 29, and Samuel Mutua"
_NAME_ITEM: Final = rf"{_PERSON_NAME}(?:\s*,\s*\d{{1,3}}(?=\s*[,.;)]|\s*$|\s+and\b))?"
_NAME_LIST: Final = rf"(?P<list>{_NAME_ITEM}(?:\s*,\s*{_NAME_ITEM})*\s*,?\s+and\s+{_NAME_ITEM})"
_NAMES_AFTER: Final = re.compile(rf"\s+{_NAME_LIST}{_AFTER_NAME}")
_NAMES_BEFORE: Final = re.compile(rf"(?<![\w'-]){_NAME_LIST}\s*$")


def _is_plural(word: str) -> bool:
    if word in ("people", "men", "women", "children", "police", "personnel", "militiamen", "policemen", "gunmen",
                "youths", "security", "forces", "troops", "family", "families", "crowd", "villagers", "staff"):
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))




_RELATIVE: Final = re.compile(r"\b(?:who|whom|whose|which|where|that|in\s+which|during\s+which)\b[^,;]{0,60}$", re.I)
#: "blocked the railway after a child, a member of the community, died": why they gathered
_WHY_GATHERED: Final = re.compile(r"\b(?:after|following|because)\s+[^.;()]{0,100}$", re.I)
_LEFT_DEAD: Final = re.compile(r"\b(?:left|leaving|leaves)\s+(?:at\s+least\s+|about\s+|some\s+|nearly\s+|more\s+than\s+)?$", re.I)


#: "killed 'dozens' of assailants, but gave no figure": the source says it has no number
_NO_FIGURE: Final = re.compile(r"\b(?:without\s+giving|gave\s+no|giving\s+no|did\s+not\s+give|didn't\s+give|not\s+giving)\s+"
                        r"(?:a\s+|any\s+)?(?:precise\s+|exact\s+|specific\s+)?(?:figures?|numbers?|toll|details\s+of\s+casualties)\b", re.I)


def _no_figure_given(ctx: DocContext, finding: Finding) -> bool:
    """A party's vague claim on its kills, or a vague word quoted, in a sentence that says no figure was
    given counts nobody (a monitor's or the UN's "dozens" without a precise figure is still ACLED's 12)."""
    if finding.number is None or not finding.number.vague:
        return False
    start, end = ctx.sentence_at(finding.start)
    quoted = ctx.norm[max(start, finding.number.start - 1):finding.number.start] in ("'", "‘", '"', "“")
    return _NO_FIGURE.search(ctx.norm, start, end) is not None and (
        quoted or is_party_claim(ctx.norm, min(finding.start, finding.trigger_start), finding.trigger_end, (start, end)))


def _background_of_protest(ctx: DocContext, finding: Finding) -> bool:
    """In a protest report: a death named as a noun, in a relative clause or as a
    bare participle ("two men killed in Sligo") is why people protested."""
    if finding.outcome not in ("killed", "executed") or finding.rule.startswith("casualties.object"):
        return False
    if finding.rule.startswith("casualties.noun"):
        return True
    start = min(finding.start, finding.trigger_start)
    if _RELATIVE.search(ctx.norm, max(0, start - 70), finding.trigger_start) or \
            _WHY_GATHERED.search(ctx.norm, max(0, start - 20), finding.trigger_start):
        return True
    before = ctx.norm[max(0, finding.trigger_start - 30):finding.trigger_start]
    if _LEFT_DEAD.search(ctx.norm, max(0, finding.start - 40), finding.start):
        return False  # "the riot left 68 inmates dead": what the riot did, not why people gathered
    bare_participle = ctx.norm[finding.trigger_start:finding.trigger_end].lower() in ("killed", "dead")
    return bare_participle and not re.search(r"\b(?:was|were|been|later|also|then)\s+(?:\w+\s+)?$", before, re.I)


@register("casualties", version="74")
def casualties_component(ctx: DocContext) -> None:
    from marsad.extract.casualty_facts import to_casualty
    from marsad.extract.casualty_nouns import named_dead_findings, noun_findings
    from marsad.extract.casualty_verbs import verb_findings
    from marsad.extract.subcounts import (
        bare_part_findings,
        buried_findings,
        dead_list_findings,
        ellipsis_findings,
        including_findings,
        including_one_findings,
        remaining_findings,
        split_findings,
    )
    from marsad.extract.tallies import resolve_tallies

    numbers = NumberIndex(ctx)
    findings = noun_findings(ctx, numbers)
    findings += verb_findings(ctx, numbers)
    findings += named_dead_findings(ctx, numbers)
    findings += including_findings(ctx, numbers)
    findings += including_one_findings(ctx, findings)
    findings += dead_list_findings(ctx, numbers)
    findings += bare_part_findings(ctx, numbers, findings)
    findings += ellipsis_findings(ctx, numbers, findings)
    findings += remaining_findings(ctx, numbers)
    findings += split_findings(ctx, numbers, findings)
    buried = buried_findings(ctx, numbers)  # (kept only where the report does not lead with a protest)
    if (findings or buried) and is_protest_report(ctx):  # (with neither, the lead changes nothing)
        findings = [f for f in findings if not _background_of_protest(ctx, f)]
    else:
        findings += buried
    findings = [f for f in findings if not _no_figure_given(ctx, f)]
    findings.sort(key=lambda f: (f.start, f.trigger_start))
    ctx.extra["casualty_findings"] = findings
    casualties = [to_casualty(ctx, f) for f in findings]
    ctx.casualties.extend(resolve_tallies(ctx, findings, casualties))
