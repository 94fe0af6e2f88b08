"""ACLED event typing: a decision list over trigger vocabularies (data file),
optionally refined by a trained text classifier.

``data/event_types.yaml`` holds ACLED's taxonomy (6 event types, 25 sub-event
types, in ACLED's wording), named trigger sets and ordered rules; the first rule
whose conditions hold gives the sub-event type. Rules look at the *lead*
sentence (the one that states the incident) for what happened and at the whole
passage for how it ended (a protest dispersed in the second sentence is still a
protest with intervention).

A classifier (:mod:`marsad.extract.event_model`) may be combined with the rules:
see :func:`classify_event`.

A trigger match begins a word: at a word character with none before it (so an
alternative that opens with punctuation never matches; none of the shipped ones
does). Each set is scanned once per document, from its spaces
(:mod:`marsad.extract.wordscan`).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any, Final

from marsad.counting import SOURCE_SAID
from marsad.errors import ConfigError
from marsad.extract.casefold import WordIndex, folded_for_scan, lowered_pattern, required_words
from marsad.extract.scan_plans import Step, first_start, scan_plan
from marsad.extract.wordscan import (
    STEM,
    WORD_START,
    Keys,
    alternative_keys,
    first_words,
    listed_spans,
    merged_spans,
    next_span,
    spaced_spans,
    word_led_starts,
)
from marsad.regexcache import compile_cached

RULE: Final = "event_types.rules"
#: a typing this confident states what happened (a rule with a lead set gives it); below, it is a guess
STATED: Final = 0.85
#: a rule whose sets held on the passage, not on its lead
PASSAGE_RULE: Final = 0.6
#: what a sentence typed from its harm alone is
_TOLL_TYPES: Final = frozenset({"Attack", "Armed clash"})
#: what the sentence after it may tell of how the harm was done (a weapon, a mob, fire at protesters)
_HOW_TYPES: Final = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Air/drone strike", "Grenade",
                               "Shelling/artillery/missile attack", "Chemical weapon", "Mob violence",
                               "Excessive force against protesters"})
#: an explosion that names no weapon
_BARE_EXPLOSION: Final = frozenset({"blast", "blasts", "explosion", "explosions", "exploded", "explodes", "bomb",
                                    "bombs", "bombing", "detonation", "detonated"})

#: A sentence's end mark, closing quotes or brackets, and the space before the next
#: sentence. The mark is matched, not looked behind at: the engine jumps to a
#: leading character class, but tries a leading look-behind at every position.
_SENTENCE_END: Final = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_NON_BOUNDARY: Final = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|St|No|Rs|Jr|vs|approx|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z])\.$")
# (The first match begins a word: where one begins inside a word, it begins at the word's start
# as well, the first run of \w only longer. The look-behind, failed at once inside a word, spares
# trying the words there.)
_PASSIVE_SUBJECT: Final = re.compile(r"(?<!\w)((?:\w+[\s,-]+){1,5})(?:was|were|has been|have been|had been|got|being)"
                              r"\s+(?:\w+\s+){0,2}$", re.I)
#: (a group told before its verb is its subject, not a phrase's object: "hundreds of squatters hurled stones")
_SUBORDINATE: Final = re.compile(
    # (not what protesters did, told in a clause of their own: "protesters who were throwing stones")
    r"(?:\b(?<!protesters\s)(?<!protestors\s)(?<!demonstrators\s)(?:who|which|that|whose)\s+(?:\w+\s+){0,3}|"
    r"\b(?:for|over|against|after|about|on|"
    r"(?<!hundreds\s)(?<!thousands\s)(?<!dozens\s)(?<!scores\s)(?<!group\s)(?<!groups\s)(?<!members\s)"
    r"(?<!supporters\s)(?<!crowd\s)(?<!mob\s)(?<!gang\s)(?<!band\s)(?<!activists\s)(?<!cadres\s)"
    # (people named by where they live or work are the subject: "residents of Ikare blocked the road with logs")
    r"(?<!residents\s)(?<!villagers\s)(?<!inhabitants\s)(?<!traders\s)(?<!workers\s)(?<!students\s)(?<!farmers\s)(?<!youths\s)of)"
    r"\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}|"
    # (a past event named as what is marked or shown solidarity with, or by its year ("a 2019 ambush"): "the anniversary of the
    # 6 January 2021 Capitol riots", "in solidarity with demonstrators who had been evicted", "the 2021 ethnic riots")
    r"\banniversary\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}|\bsolidarity\s+with\s+(?:the\s+)?(?:\w+\s+){0,2}|"
    r"\b(?:the|a|an)\s+(?:\w+\s+){0,2}(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2})$",
    re.I,
)
#: a participle right after "of" that names the people, never what they did ("family members of killed soldiers")
_PARTICIPLE_AFTER_OF: Final = re.compile(r"(?<=\bof\s)(?:the\s+)?(?:[a-z]+ed|slain|fallen|shot)\b")


def _subordinate(text: str, start: int) -> bool:
    """Whether the trigger at ``start`` is told in a subordinate phrase, not as what happened."""
    if text.startswith("of ", max(0, start - 3)) or text.startswith("of the ", max(0, start - 7)):
        if _PARTICIPLE_AFTER_OF.match(text, start - 4 if start >= 4 and text.startswith("the ", start - 4) else start):
            return True
    return _SUBORDINATE.search(text, max(0, start - 40), start) is not None


#: What each verb of _PASSIVE_SUBJECT holds, lower-cased ("has been": "been").
_PASSIVE_VERBS: Final = ("was", "were", "been", "got", "being")
#: a status told just before a passive's subject as read (its last five words): "a former member of the army was shot"
_STATUS_BEFORE: Final = re.compile(r"\b(?:former|retired|off-?duty)\s+$", re.I)
#: where the people acted upon end after the trigger: the agent ("by two armed men") or a clause telling how
#: ("buried 14 villagers killed when militiamen attacked their camp": the militiamen are no victims)
_AGENT: Final = re.compile(r"\b(?:by|when|after|while)\s", re.I)
#: a speaker told after the people acted upon is no victim ("attacked Ukum community …, the state police command
#: said": the police are the source, not the target)
_SPEAKER_AFTER: Final = re.compile(
    r",\s+(?:according to\b|(?:the |a |an )?(?:[\w'-]+ ){0,5}?(?:said|says|told|reported|added|claimed|stated)\b)", re.I)
#: nor is a source told before a passive's subject, up to the word that opens the clause it reports
#: (counting.SOURCE_SAID: "Police said a farmer had been shot dead": the farmer)
_SPEAKER_BEFORE: Final = re.compile(r"^.*" + SOURCE_SAID, re.I | re.S)
_LABEL: Final = re.compile(r"^\s*([A-Z][A-Za-z /-]{2,45}):\s+")


# Its own __init__ (as NumberMention's): compiled, where a frozen dataclass's is interpreted and sets each
# field through object.__setattr__ (every passage typed makes one). Hashed as a frozen one is; not changed.
@dataclass(init=False, unsafe_hash=True)
class EventTyping:
    event_type: str
    sub_event_type: str
    rule: str
    confidence: float  # how decisive the rule is: STATED and above states what happened
    evidence: tuple[int, int] | None  # offsets of the trigger in the classified text
    probability: float | None  # calibrated probability of this sub-event type (a model's estimate)

    def __init__(self, event_type: str, sub_event_type: str, rule: str, confidence: float,
                 evidence: tuple[int, int] | None = None, probability: float | None = None):
        self.event_type, self.sub_event_type, self.rule = event_type, sub_event_type, rule
        self.confidence, self.evidence, self.probability = confidence, evidence, probability

    @property
    def type_confidence(self) -> float:
        """What the event's ``confidence`` field carries: the calibrated
        probability when a model estimated one (to four decimals: a calibrated
        estimate means no more, and the scoring's last float32 bits are not part of
        the output), else the rule's own figure."""
        return self.confidence if self.probability is None else round(self.probability, 4)


@dataclass(frozen=True)
class Rule:
    sub: str
    index: int
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    lead_none: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    main: tuple[str, ...] = ()
    victims: str | None = None  # "armed" | "unarmed"
    actor1_state: bool | None = None
    needs: frozenset[str] = frozenset()  # the sets that must match somewhere in the document (lead, all, main)

    @property
    def name(self) -> str:
        return f"{RULE}.{self.index}:{self.sub}"


def lead_sentence_end(text: str, limit: int | None = None) -> int:
    """End offset of the first sentence of ``text``; with ``limit``, no more than ``limit``.

    A match of the pattern begins at a mark and holds no other, so where the text's only
    marks are full stops, each is found by ``str.find`` (in C) and the pattern tried there,
    in turn: the matches ``finditer`` finds, without its search trying every character."""
    end = len(text) if limit is None else min(limit, len(text))
    if "!" in text or "?" in text:
        for match in _SENTENCE_END.finditer(text):
            at = match.start()
            if at >= end:
                break
            if not _NON_BOUNDARY.search(text, max(0, at - 7), at + 1):  # (a title or an initial ends there)
                return at + 1
        return end
    at = text.find(".", 0, end)
    while at >= 0:
        if _SENTENCE_END.match(text, at) is not None and not _NON_BOUNDARY.search(text, max(0, at - 7), at + 1):
            return at + 1
        at = text.find(".", at + 1, end)
    return end


class EventTypeRules:
    """Compiled taxonomy, triggers and decision list."""

    def __init__(self, data: dict[str, Any]):
        self.version = str(data.get("version", "1"))
        self.taxonomy: dict[str, list[str]] = data["taxonomy"]
        self.event_type_of = {sub: etype for etype, subs in self.taxonomy.items() for sub in subs}
        self.labels = {k.lower(): v for k, v in (data.get("note_labels") or {}).items()}
        self.triggers = {name: _compile(name, alternatives) for name, alternatives in data["triggers"].items()}
        self.rules = [self._rule(i, raw) for i, raw in enumerate(data["rules"], start=1)]
        # the last rule that states what happened (a lead set: confidence STATED)
        self.last_stated = max((rule.index for rule in self.rules if rule.lead), default=0)
        # the rules that call a fight a battle because those hit, named right at the trigger, were armed
        self.armed_victims: frozenset[str] = frozenset(
            rule.name for rule in self.rules if rule.sub == "Armed clash" and rule.victims == "armed")
        # the rules that type a sentence from its harm alone ("Four soldiers killed near Boni"): it tells no weapon
        self.toll_only: frozenset[str] = frozenset(
            rule.name for rule in self.rules if rule.sub in _TOLL_TYPES and rule.lead[:1] == ("violence",))

    def _rule(self, index: int, raw: dict) -> Rule:
        if raw["sub"] not in self.event_type_of:
            raise ConfigError(f"event type rule {index}: {raw['sub']!r} is not an ACLED sub-event type")
        fields = {key: tuple(raw.get(key) or ()) for key in ("all", "any", "none", "lead", "lead_none", "before", "context", "main")}
        for names in fields.values():
            for name in names:
                if name not in self.triggers:
                    raise ConfigError(f"event type rule {index}: unknown trigger set {name!r}; define it under triggers")
        needs = frozenset(fields["lead"] + fields["all"] + fields["main"])
        return Rule(sub=raw["sub"], index=index, victims=raw.get("victims"), actor1_state=raw.get("actor1_state"),
                    needs=needs, **fields)

    def classify(self, text: str, *, actor1_state: bool | None = None, lead_end: int | None = None,
                 context: str | None = None, victims: str | None = None, doc: str | None = None,
                 offset: int = 0, known: DocumentParts | None = None, stated_only: bool = False) -> EventTyping:
        """Type one passage; its first sentence (or ``text[:lead_end]``) states the incident.

        ``doc``/``offset``: the document the passage was cut from and where, so
        that the document's trigger scan is shared by all its passages (``known``:
        what was found in it already). ``stated_only``: the caller keeps only a
        typing that states what happened (confidence :data:`STATED` and above); past the last
        rule that can give one, the default is returned without trying the rest."""
        label = _LABEL.match(text) if ":" in text else None  # (a regex call costs as much as a short search)
        if label and label.group(1).lower() in self.labels:
            sub = self.labels[label.group(1).lower()]
            return EventTyping(self.event_type_of[sub], sub, f"{RULE}.label", 0.95, label.span(1))
        if lead_end is None:
            lead_end = lead_sentence_end(text)
        scan = document_scan(self.triggers, doc, known) if doc is not None else None
        matcher = _Matcher(self.triggers, text, lead_end, context, scan, offset)
        matcher.victims_hint = victims
        last = self.last_stated if stated_only else len(self.rules)
        # (the rules a set missing from the whole document rules out are left out: they would not hold)
        for rule in matcher.scan.rules_that_may_hold(self.rules):
            if rule.index > last:
                break
            if rule.lead and matcher.lead(rule.lead[0]) is None:
                continue  # most rules fail on their first lead set: no call to _holds
            evidence = self._holds(rule, matcher, actor1_state)
            if evidence is not False:
                confidence = STATED if rule.lead else PASSAGE_RULE if (rule.all or rule.any) else 0.3
                return EventTyping(self.event_type_of[rule.sub], rule.sub, rule.name, confidence, evidence)
        return EventTyping("Strategic developments", "Other", f"{RULE}.default", 0.3)

    @staticmethod
    def _violence_before(rule: Rule, m: _Matcher, limit: int) -> bool:
        """Whether a ``before`` set matches ahead of the lead: "gunmen killed two men at a protest" is no
        protest. A word inside the rule's own ``main`` match, after the actor that match begins with, is
        that match's ("police beat and detained protesters at a sit-in": the beating is the intervention;
        in "police beat a journalist covering a protest" no protester's violence names its actor)."""
        own: list[tuple[int, int]] | None = None  # (worked out only once a set matches before the limit)
        possible = m.scan._possible
        for name in rule.before:
            if possible is not None and name not in possible:
                continue  # (no match in the document, as m.lead answers: most of a rule's before sets)
            lead = m.lead(name)
            if lead is None or lead[0] >= limit:
                continue  # (no match before the limit: first_main's answer whatever the spans)
            if own is None:
                own = [span for span in (m.main(set_name) for set_name in rule.main) if span is not None]
            if m.first_main(name, limit, own):
                return True
        return False

    def _holds(self, rule: Rule, m: _Matcher, actor1_state: bool | None):
        evidence = None
        for name in rule.lead:
            found = m.lead(name)
            if found is None:
                return False
            evidence = evidence or found
        # (each test of a set list asked only where the rule has one: most have none, and a generator costs a call)
        if rule.lead_none and any(m.lead(name) is not None for name in rule.lead_none):
            return False
        if evidence and rule.before and self._violence_before(rule, m, evidence[0]):
            return False
        for name in rule.all:
            found = m.full(name)
            if found is None:
                return False
            evidence = evidence or found
        for name in rule.main:
            found = m.main(name)
            if found is None:
                return False
            evidence = evidence or found
        if rule.any and all(m.full(name) is None for name in rule.any):
            return False
        if rule.none and any(m.full(name) is not None for name in rule.none):
            return False
        if rule.context and any(m.triggers[name].search(m.context) is None for name in rule.context):
            return False
        if rule.actor1_state is not None and rule.actor1_state != actor1_state:
            return False
        if rule.victims and (m.victims(evidence) or m.victims_hint) != rule.victims:
            return False
        return evidence


class TriggerScan:
    """Every match of every trigger set over one document, found once.

    Typing a document asks about many passages of it (each clause, then each
    event's block); each trigger set is scanned over the whole document at most
    once, lazily, and a passage's questions are answered from the match offsets.
    """

    def __init__(self, triggers: dict[str, re.Pattern], text: str, known: DocumentParts | None = None):
        self.triggers, self.text = triggers, text
        self._spans: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
        self._folded: str | None = None  # the lower-cased text, once needed
        self._folded_known = False
        self._led_starts: list[int] | None = None
        self._index: WordIndex | None = None  # where the lower-cased text's words begin, once needed
        self._possible: frozenset[str] | None = None  # the sets whose key words the document holds
        self._rules: tuple[list[Rule], list[Rule]] | None = None
        # who was acted upon, by the document's offsets of the windows read (_Matcher.victims): a
        # clause and then its event's block ask about the same trigger
        self.victims_found: dict[tuple[int, int, int, int], str | None] = {}
        # each passage's first matches and first main matches, by its document offsets (_Matcher): a
        # clause typed on its own and then as its event's block is one passage, asked the same
        self.passages: dict[tuple[int, int], tuple[dict[str, tuple[int, int] | None], dict[str, tuple[int, int] | None]]] = {}
        if known is not None:  # what the document's other readers found already
            self._folded, self._folded_known = known.folded, True
            if known.folded is not None:
                self._led_starts, self._index = known.led_starts, known.index

    def _folded_text(self) -> str | None:
        if not self._folded_known:
            self._folded, self._folded_known = folded_for_scan(self.text), True
        return self._folded

    def _may_match(self) -> frozenset[str] | None:
        """The sets that may match in the document (None: all, before the lower-cased text
        is in use): those whose key words it holds (:class:`TriggerKeys`); the others have
        no match and are never scanned."""
        if self._possible is None:
            folded = self._folded_text()
            if folded is None:
                return None
            if self._led_starts is None:
                self._led_starts = word_led_starts(folded)
            self._possible = trigger_keys(self.triggers).possible(folded, self._words(folded), self._led_starts)
        return self._possible

    def _words(self, folded: str) -> WordIndex:
        if self._index is None:
            self._index = WordIndex(folded)
        return self._index

    def rules_that_may_hold(self, rules: list[Rule]) -> list[Rule]:
        """``rules`` less those that need a set the document has no match of, in order."""
        known = self._rules
        if known is not None and known[0] is rules:
            return known[1]
        possible = self._may_match()
        kept = rules if possible is None else trigger_keys(self.triggers).rules_that_may_hold(rules, possible)
        self._rules = (rules, kept)
        return kept

    def _matches(self, name: str) -> tuple[list[int], list[tuple[int, int]]]:
        found = self._spans.get(name)
        if found is None:
            pattern, text = self.triggers[name], self.text
            folded = self._folded_text()
            possible = self._may_match()
            if folded is None:  # a short run: no pattern compiled beyond the rules' own
                spans = [m.span() for m in pattern.finditer(text)]
            elif possible is not None and name not in possible:
                spans = []
            else:
                spans = self._planned(scan_plan(pattern), folded)
            found = self._spans[name] = ([start for start, _ in spans], spans)
        return found

    def _planned(self, plan: list[Step], folded: str) -> list[tuple[int, int]]:
        if len(plan) == 1 and plan[0][4] is not None:  # tried only where one of its first words begins
            whole, by_stem, short, digit_led = plan[0][4]  # (not a starred call: compiled, that goes through Python)
            return listed_spans(plan[0][0], folded, self._words(folded).led_by(whole, by_stem, short, digit_led))
        # The lowered text has the original's word starts (lowering keeps each character's
        # \w class, and the space), so one list serves both; found once per document.
        if self._led_starts is None:
            self._led_starts = word_led_starts(folded)
        if len(plan) == 1:
            pattern, spaced, chars, lowered, _first, _keys = plan[0]
            return spaced_spans(pattern, spaced, chars, folded if lowered else self.text, self._led_starts)
        runs: list[tuple[re.Pattern, str, list[int], bool]] = []
        for step in plan:
            first, keys = step[4], step[5]
            if first is not None:  # (tried where its first words begin, on either text: they have the same words)
                whole, by_stem, short, digit_led = first
                runs.append((step[0], folded if step[3] else self.text,
                             self._words(folded).led_by(whole, by_stem, short, digit_led), True))
            elif keys is None or self._keys_held(keys, folded):
                runs.append((step[0], folded if step[3] else self.text, self._led_starts, False))
        return merged_spans(runs)

    def _keys_held(self, keys: list[list[Keys]], folded: str) -> bool:
        """Whether the document holds a key of each part of some alternative (see TriggerKeys)."""
        index = self._words(folded)
        words, stems = index.words(), index.stems(STEM)
        return any(_parts_held(parts, words, stems) for parts in keys)

    def within(self, name: str, start: int, end: int) -> list[tuple[int, int]]:
        """Matches of set ``name`` wholly inside ``text[start:end]``, in order."""
        starts, spans = self._matches(name)
        first = bisect_left(starts, start)
        out = []
        for index in range(first, len(spans)):  # not a slice: a report's many matches would be copied per passage
            span = spans[index]
            if span[0] >= end:
                break
            if span[1] <= end:
                out.append(span)
        return out

    def first(self, name: str, start: int, end: int) -> tuple[int, int] | None:
        starts, spans = self._matches(name)
        for index in range(bisect_left(starts, start), len(spans)):
            span = spans[index]
            if span[0] >= end:
                return None
            if span[1] <= end:
                return span
        return None


_WORD_RUN: Final = re.compile(r"\w+")
_STEM_OF: Final = itemgetter(slice(0, STEM))
#: A set with more alternatives without key words than this is always scanned.
_MOST_KEYLESS: Final = 3
#: Bounds the rules kept per combination of sets (a few hundred occur in practice).
_KEPT_SIZE: Final = 4096


class TriggerKeys:
    """Which trigger sets a document may match, read from its words: an alternative matches
    only in a document that holds a key word of each of its parts
    (:func:`~marsad.extract.wordscan.alternative_keys`); the few alternatives without one
    (a calibre, "122mm") are searched for on their own. Worked out once per rules file."""

    def __init__(self, triggers: dict[str, re.Pattern]):
        always: set[str] = set()
        by_key: dict[str, list[tuple[str, list[Keys]]]] = {}  # a word, or a stem led by "~"
        # (with the strings one of which each of their matches holds, when known: a text without them has none)
        self.keyless: list[tuple[str, re.Pattern, tuple[str, ...] | None]] = []
        for name, pattern in triggers.items():
            keys = alternative_keys(pattern)
            alone = None
            if keys is not None and keys[1]:
                alone = lowered_pattern(re.compile(WORD_START + "(?:" + "|".join(keys[1]) + r")(?![\w])", pattern.flags))
            if keys is None or len(keys[1]) > _MOST_KEYLESS or not keys[0] or (keys[1] and alone is None):
                always.add(name)  # (an alternative without keys that is case-sensitive: as long to find as the set)
                continue
            for parts in keys[0]:
                for key in [*parts[0][0], *("~" + stem for stem in parts[0][1])]:
                    by_key.setdefault(key, []).append((name, parts[1:]))
            if alone is not None:
                required = required_words(alone)
                self.keyless.append((name, alone, None if required is None else tuple(sorted(required))))
        self.always = frozenset(always)
        # per key: the sets an alternative of which it decides alone, and the others' remaining parts
        self.by_word: dict[str, tuple[frozenset[str], list[tuple[str, list[Keys]]]]] = {}
        self.by_stem: dict[str, tuple[frozenset[str], list[tuple[str, list[Keys]]]]] = {}
        for key, entries in by_key.items():
            direct = frozenset(name for name, rest in entries if not rest)
            held = (direct, [(name, rest) for name, rest in entries if rest and name not in direct])
            if key.startswith("~"):
                self.by_stem[key[1:]] = held
            else:
                self.by_word[key] = held
        self.words, self.stems = frozenset(self.by_word), frozenset(self.by_stem)
        self._kept: dict[frozenset[str], tuple[list[Rule], list[Rule]]] = {}

    def possible(self, folded: str, index: WordIndex | None = None, led_starts: list[int] | None = None) -> frozenset[str]:
        """The sets that may match in a text lower-cased to ``folded`` (``index``: where
        its words begin, and ``led_starts``, its
        :func:`~marsad.extract.wordscan.word_led_starts`, when already known)."""
        if index is None:
            words = frozenset(_WORD_RUN.findall(folded))
            stems = frozenset(map(_STEM_OF, words))
        else:  # (the stems as led_by reads them: built once per document for both)
            words, stems = index.words(), index.stems(STEM)
        found = set(self.always)
        held = [self.by_word[word] for word in self.words.intersection(words)]
        held += [self.by_stem[stem] for stem in self.stems.intersection(stems)]
        for direct, conditional in held:
            found.update(direct)
            for name, rest in conditional:
                if name not in found and _parts_held(rest, words, stems):
                    found.add(name)
        for name, alone, required in self.keyless:  # (lowered: the same spans on the lower-cased text, see casefold)
            if name not in found and (required is None or _holds_any(folded, required)) and \
                    _found_alone(alone, folded, index, led_starts):
                found.add(name)
        return frozenset(found)

    def rules_that_may_hold(self, rules: list[Rule], possible: frozenset[str]) -> list[Rule]:
        known = self._kept.get(possible)
        if known is not None and known[0] is rules:
            return known[1]
        # a rule may hold where the document may match each set it needs and one of its any sets (the
        # tests inline: a method call per rule cost more than its two set operations)
        kept = [rule for rule in rules if rule.needs <= possible and (not rule.any or not possible.isdisjoint(rule.any))]
        if len(self._kept) >= _KEPT_SIZE:
            self._kept.clear()
        self._kept[possible] = (rules, kept)
        return kept


def _found_alone(pattern: re.Pattern, folded: str, index: WordIndex | None, led_starts: list[int] | None) -> bool:
    """Whether ``pattern`` (a set's alternatives without keys, lowered) matches in ``folded``: tried
    only where a word it may begin with begins when those are known ("122mm": a word led by a
    digit), else searched from the spaces (see wordscan)."""
    first = first_words(pattern) if index is not None else None
    if index is not None and first is not None:
        whole, by_stem, short, digit_led = first
        match_at = pattern.match
        return any(match_at(folded, at) is not None for at in index.led_by(whole, by_stem, short, digit_led))
    return (pattern.search(folded) if led_starts is None else next_span(pattern, folded, led_starts, 0)) is not None


def _parts_held(parts: list[Keys], words: frozenset[str], stems: frozenset[str]) -> bool:
    """Whether the text holds a key of each of ``parts``."""
    for part in parts:
        if part[0].isdisjoint(words) and part[1].isdisjoint(stems):
            return False
    return True


_KEYS: dict[int, tuple[dict[str, re.Pattern], TriggerKeys]] = {}


def trigger_keys(triggers: dict[str, re.Pattern]) -> TriggerKeys:
    """The :class:`TriggerKeys` of a rules file's trigger sets (kept while the sets live)."""
    cached = _KEYS.get(id(triggers))
    if cached is None or cached[0] is not triggers:
        cached = _KEYS[id(triggers)] = (triggers, TriggerKeys(triggers))
        # Asked for once the process scans lower-cased text (casefold.WARM_UP_CHARS): a run
        # long enough to need most sets. Their scan plans are compiled now, together (about
        # 0.2 s), not one by one as documents first need them: which documents those are
        # depends on the keys, and a run's cost per document is then its own from here on.
        for pattern in triggers.values():
            scan_plan(pattern)
    return cached[1]


# Its own __init__ (as EventTyping's): compiled, where a frozen dataclass's is interpreted (one per document).
# Not frozen (a frozen one's __init__ cannot set its fields itself), but never changed.
@dataclass(init=False)
class DocumentParts:
    """What a document's other readers found already (the pipeline's ``DocContext``):
    its lower-cased text (:func:`~marsad.extract.casefold.folded_for_scan`), and where
    that is not None, its :func:`~marsad.extract.wordscan.word_led_starts` and where
    its words begin (:class:`~marsad.extract.casefold.WordIndex`; None when not built)."""

    folded: str | None
    led_starts: list[int] | None
    index: WordIndex | None

    def __init__(self, folded: str | None, led_starts: list[int] | None = None, index: WordIndex | None = None):
        self.folded, self.led_starts, self.index = folded, led_starts, index


_SCANS: Final = threading.local()


def document_scan(triggers: dict[str, re.Pattern], doc: str, known: DocumentParts | None = None) -> TriggerScan:
    """The scan of ``doc`` (the one most recently typed in this thread is reused)."""
    scan = getattr(_SCANS, "scan", None)
    if scan is None or scan.text is not doc or scan.triggers is not triggers:
        scan = _SCANS.scan = TriggerScan(triggers, doc, known)
    return scan


class _Matcher:
    """Trigger matches over one passage, answered from its document's scan."""

    def __init__(self, triggers: dict[str, re.Pattern], text: str, lead_end: int, context: str | None = None,
                 scan: TriggerScan | None = None, offset: int = 0):
        self.triggers, self.text, self.lead_end = triggers, text, lead_end
        self.context = text if context is None else context
        self.victims_hint: str | None = None  # "armed"/"unarmed" when the casualty counts say who was hit
        self.scan = scan or TriggerScan(triggers, text)
        self.offset = offset if scan is not None else 0
        key = (self.offset, self.offset + len(text))
        passage = self.scan.passages.get(key)
        if passage is None:
            passage = self.scan.passages[key] = ({}, {})
        self._full, self._main = passage

    def full(self, name: str) -> tuple[int, int] | None:
        known = self._full
        if name in known:  # (a membership test, not a sentinel: compiled, a tuple has no identity)
            return known[name]
        possible = self.scan._possible
        if possible is not None and name not in possible:  # (no match in the document: none scanned)
            known[name] = None
            return None
        found = self.scan.first(name, self.offset, self.offset + len(self.text))
        answer = known[name] = (found[0] - self.offset, found[1] - self.offset) if found else None
        return answer

    def lead(self, name: str) -> tuple[int, int] | None:
        first = self.full(name)
        return first if first is not None and first[0] < self.lead_end else None

    def _all(self, name: str, limit: int | None = None) -> list[tuple[int, int]]:
        end = self.offset + (len(self.text) if limit is None else limit)
        return [(s - self.offset, e - self.offset) for s, e in self.scan.within(name, self.offset, end)]

    def main(self, name: str) -> tuple[int, int] | None:
        """The first match of set ``name`` that is not inside a subordinate phrase."""
        known = self._main
        if name in known:  # (asked again by a later rule, and for the spans a rule's before sets leave out)
            return known[name]
        found = known[name] = self._first_main_span(name)
        return found

    def _first_main_span(self, name: str) -> tuple[int, int] | None:
        if self.full(name) is None:
            return None
        for start, end in self._all(name):
            if not _subordinate(self.text, start):
                return start, end
        return None

    def first_main(self, name: str, limit: int, inside: list[tuple[int, int]] | None = None) -> bool:
        """Whether set ``name`` matches before ``limit`` outside a subordinate
        phrase ("relatives of a man who was killed protested" is a protest) and
        outside the spans ``inside`` (after their first word)."""
        lead = self.lead(name)
        if lead is None or lead[0] >= limit:
            return False
        for start, end in self._all(name, limit):
            if inside and any(first < start and end <= last for first, last in inside):
                continue
            if not _subordinate(self.text, start):
                return True
        return False

    def victims(self, evidence: tuple[int, int] | None) -> str | None:
        """Whether the people acted upon are armed or not: the subject of a passive
        ("a man was shot by …"), else who comes right after the trigger, leaving
        out the agent ("by two armed men")."""
        start, end = evidence if evidence else (0, 0)
        offset = self.offset
        # (what is read: the text before the trigger and after it, in the lead; as document offsets)
        key = (offset + max(0, start - 80), offset + start, offset + end,
               offset + max(end, min(self.lead_end, end + 90, len(self.text))))
        known = self.scan.victims_found
        if key in known:
            return known[key]
        found = known[key] = self._victims(start, end)
        return found

    def _victims(self, start: int, end: int) -> str | None:
        before = self.text[max(0, start - 80) : start]
        # (a slice of a document that may be read lower-cased may be too, offset for offset: in such a text
        # only "was"/"WAS"… match "was", so a text without a passive's verb lower-cased holds no passive)
        lowered = self.scan._folded_text() is not None
        passive = _PASSIVE_SUBJECT.search(before) if not lowered or _holds_any(before.lower(), _PASSIVE_VERBS) else None
        if passive and _STATUS_BEFORE.search(before, max(0, passive.start(1) - 12), passive.start(1)):
            return "unarmed"  # (off-duty, former and retired members of the forces are civilians)
        window = passive.group(1) if passive else self.text[end : min(self.lead_end, end + 90)]
        if passive:  # (a window of five words at most)
            window = _SPEAKER_BEFORE.sub("", window, count=1)
        window = _AGENT.split(window, maxsplit=1)[0] if not passive else window
        if not passive and "," in window:
            window = _SPEAKER_AFTER.split(window, maxsplit=1)[0]
        folded = window.lower() if lowered else None
        armed = first_start(self.triggers["armed_target"], window, folded)
        unarmed = first_start(self.triggers["civilian_target"], window, folded)
        if armed is not None and (unarmed is None or armed <= unarmed):
            return "armed"
        if unarmed is not None:
            return "unarmed"
        return None


def _holds_any(text: str, parts: tuple[str, ...]) -> bool:
    return any(part in text for part in parts)


def _compile(name: str, alternatives: list[str]) -> re.Pattern:
    try:
        # A match begins a word: at a word character, after none (see wordscan.word_led_spans).
        return compile_cached(WORD_START + "(?:" + "|".join(alternatives) + r")(?![\w])", re.I)
    except re.error as error:
        raise ConfigError(f"event type trigger set {name!r} is not a valid regular expression: {error}") from error


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> EventTypeRules:
    """Load the decision list (cached). Pass a path to use your own rules file."""
    from marsad.yamlio import safe_load

    if path is None:
        text = resources.files("marsad.data").joinpath("event_types.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return EventTypeRules(safe_load(text))


def taxonomy() -> dict[str, list[str]]:
    """ACLED event types and their sub-event types, in ACLED's wording."""
    return load_rules().taxonomy


def note_label(text: str) -> tuple[int, int] | None:
    """Where the label an ACLED note opens with lies ("Looting: On 3 May …"),
    when it is one of the labels of ``event_types.yaml``: a label, not a place."""
    label = _LABEL.match(text)
    return label.span(1) if label and label.group(1).lower() in load_rules().labels else None


def tells_how(first: EventTyping, then: EventTyping, trigger: str) -> bool:
    """Whether ``then`` (the next sentence's own typing) tells how the harm ``first`` states was done: "Four
    soldiers killed near Boni. An IED tore through their vehicle" is the bomb, "Dozens killed in mosque blast. A
    suicide bomber …" the suicide bomb. A first sentence typed from its harm alone, or by a bare explosion
    (``trigger``: the words that typed it), gives way; a roadside bomb or a landmine is already a weapon."""
    if then.sub_event_type not in _HOW_TYPES or then.sub_event_type == first.sub_event_type:
        return False
    if first.sub_event_type == "Remote explosive/landmine/IED":
        return then.event_type == "Explosions/Remote violence" and trigger.lower() in _BARE_EXPLOSION
    # (a headline's participle without its "were": "Two shot dead in Kisumu"; not "militants kill six", whose
    # attackers the headline names)
    return first.rule in load_rules().toll_only and trigger.lower().split(" ", 1)[0].endswith(("ed", "shot", "slain"))


def event_type_for(sub_event_type: str) -> str:
    return load_rules().event_type_of[sub_event_type]


def classify_event(text: str, *, actor1_state: bool | None = None, lead_end: int | None = None,
                   context: str | None = None, victims: str | None = None, model: Any = None,
                   doc: str | None = None, offset: int = 0, known: DocumentParts | None = None,
                   stated_only: bool = False) -> EventTyping:
    """ACLED event type and sub-event type of the incident ``text`` describes.

    ``victims`` ("armed"/"unarmed") is who the casualty counts say was hit, when known.
    ``context`` is the surrounding text (the sentence a clause belongs to) for
    rules that need it ("strikes" are air strikes when a coalition is named).
    With ``model`` (an :class:`~marsad.extract.event_model.EventModel`), the
    model decides where it is confident and the rules otherwise.
    ``doc``/``offset``: the document ``text`` was cut from (``doc[offset:]``
    starts with ``text``); its trigger scan is then shared by all its passages
    (``known``: what the document's other readers found, :class:`DocumentParts`).
    ``stated_only``: see :meth:`EventTypeRules.classify` (without ``model`` only).
    """
    rules = load_rules()
    typed = rules.classify(text, actor1_state=actor1_state, lead_end=lead_end, context=context, victims=victims,
                           doc=doc, offset=offset, known=known, stated_only=stated_only and model is None)
    if model is None:
        return typed
    final = model.combine(text, typed, rules.event_type_of)
    # Who was hit is read from the words naming them ("a drug trafficker was shot"), which the shipped model,
    # trained on written examples, weighs little: an armed victim makes a battle, not an attack on civilians.
    if final.sub_event_type == "Attack" and typed.rule in rules.armed_victims \
            and getattr(model, "authority", "hybrid") != "primary":  # (the shipped fallback is hybrid)
        return typed
    return _side_kept(typed, final, actor1_state)


_TERRITORY_SIDES: Final = {"Government regains territory": True, "Non-state actor overtakes territory": False}


def _side_kept(typed: EventTyping, final: EventTyping, actor1_state: bool | None) -> EventTyping:
    """Who took the ground decides which of the two territory types it is, and the model
    cannot see whether the actor is the state ("M23 rebels seize Walikale" read as
    retaken): the rules' side stands where it agrees with the resolved actor (the
    figure is then the rule's own)."""
    side = _TERRITORY_SIDES.get(typed.sub_event_type)
    if side is None or actor1_state is not side or _TERRITORY_SIDES.get(final.sub_event_type) is not (not side):
        return final
    return typed
