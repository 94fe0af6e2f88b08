"""Actor mentions: names and aliases from ``data/actors.yaml`` to canonical actors.

``find_actors(text)`` returns one :class:`~marsad.model.ActorMention` per
mention, with its span, the canonical marsad name and how ACLED and UCDP name
that actor. All aliases are compiled into one trie-shaped regular expression
(a single pass over the text, whatever the size of the vocabulary):

* aliases match case-insensitively on word boundaries, the longest first;
* acronyms (``IS``, ``SAA``, ``SDF``) match case-sensitively only;
* "<Demonym> forces/army/troops" names a country's state forces even when the
  data file has no entry for it ("Ukrainian troops" → Military Forces of Ukraine);
* anaphora ("the organization") resolve to an actor only when that actor was
  named earlier in the same text.

``normalise_actor(name)`` maps any alias, ACLED or UCDP name to the canonical name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

from marsad.extract.casefold import WindowScan, WordIndex, following_words
from marsad.model import ActorMention, Span
from marsad.regexcache import compile_cached

RULE = "actors.lexicon"
VERSION = "4"

#: Generic actor classes whose ACLED name is completed with the event's country.
CLASS_NAMES = ("Unidentified gunmen", "Unidentified gang", "Police", "Military forces", "Rebels", "Militia",
               "Protesters", "Rioters", "Civilians")

# A class noun used as an adjective ("the military operation", "police station")
# names no actor.
_ADJECTIVE_USE = re.compile(
    r"[\s\-]+(?:operations?|preparations?|campaigns?|offensives?|escalation|build-?up|reinforcements?|"
    r"bases?|posts?|points?|positions?|vehicles?|convoys?|stations?|headquarters|academy|college|court|"
    r"council|sector|zone|areas?|sites?|targets?|equipment|parade|service|leadership|commanders?|"
    r"spokesman|spokesperson|chief|official|officials|sources?|statement|intelligence|exercises?|drills?|"
    # (the office a report quotes, no party to the event: "a source in Daraa police command said")
    r"command|"
    r"hospital|checkpoints?|barracks|camp|plane|aircraft|uniforms?|junta|government|rule|coup|wing)\b",
    re.I,
)
_FIRST_RUN = re.compile(r"\w+")
#: what a demonym is followed by before its noun ("Malian government forces"); the pattern spells it too
_STATE_WORDS = ("government", "regime", "state", "occupation", "national")
_PERIOD = re.compile(r"\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\)")
#: how many aliases as written an ActorLexicon remembers (a bound for a process reading many texts)
_MOST_REMEMBERED = 4096
_QUOTE = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "‐": "-", "“": '"', "”": '"'})


@dataclass(frozen=True)
class ActorEntry:
    name: str
    acled: str | None = None
    ucdp: str | None = None
    inter: int | None = None
    country: str | None = None
    acled_also: tuple[str, ...] = ()

    @property
    def is_class(self) -> bool:
        return "{country}" in (self.acled or "") or self.name in CLASS_NAMES

    def acled_for(self, country: str | None) -> str | None:
        return _fill(self.acled, country)

    def ucdp_for(self, country: str | None) -> str | None:
        return _fill(self.ucdp, country)


_COUNTRY_SLOT = re.compile(r"\s*\(\{country\}\)|\s*of \{country\}|\{country\}\s*")


def _fill(template: str | None, country: str | None) -> str | None:
    if template is None or "{country}" not in template:
        return template
    if country:
        return template.replace("{country}", country)
    return _COUNTRY_SLOT.sub("", template).strip() or None


def alias_key(text: str) -> str:
    """The form aliases are compared in: lower case, plain quotes, single spaces."""
    return " ".join(text.translate(_QUOTE).lower().replace("-", " ").split())


def trie_regex(words: list[str]) -> str:
    """One regex alternation shaped as a trie, so matching is a single pass.

    Spaces match any run of whitespace; apostrophes and hyphens match their
    typographic variants. Longer words win because every branch prefers
    continuing over stopping.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie)


def _char_pattern(char: str) -> str:
    if char == " ":
        return r"[\s\-‐–]+"
    if char == "'":
        return "['’‘`]"
    return re.escape(char)


def _emit(node: dict) -> str:
    ends = "" in node
    branches = [_char_pattern(c) + _emit(child) for c, child in sorted(node.items()) if c != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


class ActorLexicon:
    """The compiled actor vocabulary; build it once with :func:`load_lexicon`."""

    def __init__(self, data: dict):
        self.entries: dict[str, ActorEntry] = {}
        self.aliases: dict[str, str] = {}  # alias_key -> canonical name
        self.acronyms: dict[str, str] = {}
        self.anaphora: dict[str, list[str]] = {}
        self.demonyms: dict[str, str] = {}  # alias_key(demonym) -> country
        self.state_nouns: dict[str, str] = {}  # alias_key(noun) -> "Military forces" | "Police"
        for raw in data.get("actors", []):
            self._add_entry(raw)
        for country, forms in (data.get("countries") or {}).items():
            for form in forms:
                self.demonyms[alias_key(form)] = country
        for klass, nouns in (data.get("state_force_nouns") or {}).items():
            for noun in nouns:
                self.state_nouns[alias_key(noun)] = klass
        self._class_names = frozenset(name for name, entry in self.entries.items() if entry.is_class)
        self._by_external = self._external_index()
        self._national_forces = self._national_index()
        self.pattern = self._compile()
        # Worked out on first use, kept in attributes: compiled with mypyc, functools.cached_property
        # caches nothing (a native class has no __dict__), so each use would build them again.
        self._demonym_pattern: re.Pattern | None = None
        self._first_words: frozenset[str] | None = None
        self._first_words_known = False
        self._second_words: dict[str, frozenset[str]] | None = None
        self._alias_names: dict[str, str] = {}  # an alias as a text wrote it -> the canonical name
        self._entry_names: dict[str, tuple[str | None, str | None, int | None]] = {}  # name -> ACLED, UCDP, inter

    def _add_entry(self, raw: dict) -> None:
        entry = ActorEntry(
            name=raw["name"], acled=raw.get("acled"), ucdp=raw.get("ucdp"), inter=raw.get("inter"),
            country=raw.get("country"), acled_also=tuple(raw.get("acled_also") or ()),
        )
        self.entries[entry.name] = entry
        for alias in [entry.name, *(raw.get("aliases") or [])]:
            if entry.name == alias and alias.isupper():
                continue
            self.aliases.setdefault(alias_key(alias), entry.name)
        for acronym in raw.get("acronyms") or []:
            self.acronyms[acronym] = entry.name
        for phrase in raw.get("anaphora") or []:
            self.anaphora.setdefault(alias_key(phrase), []).append(entry.name)

    def _external_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for entry in self.entries.values():
            for name in (entry.acled, entry.ucdp, *entry.acled_also):
                if name and "{country}" not in name:
                    index.setdefault(actor_key(name), entry.name)
        return index

    def _national_index(self) -> dict[tuple[str, str], str]:
        """(class, country) → the entry that is that country's own military or police."""
        index: dict[tuple[str, str], str] = {}
        for entry in self.entries.values():
            if not entry.country or not entry.acled:
                continue
            head = _PERIOD.split(entry.acled)[0].strip()
            for klass, prefix in (("Military forces", "Military Forces of "), ("Police", "Police Forces of ")):
                if head == prefix + entry.country and _PERIOD.search(entry.acled) and \
                        entry.acled.endswith(")"):
                    index.setdefault((klass, entry.country), entry.name)
        return index

    @property
    def demonym_pattern(self) -> re.Pattern:
        """Any country's adjective as a word ("Malian", "South Sudanese"), compiled on first use."""
        if self._demonym_pattern is None:
            self._demonym_pattern = re.compile(r"(?<!\w)(?i:" + trie_regex(sorted(self.demonyms)) + r")(?!\w)")
        return self._demonym_pattern

    def _compile(self) -> re.Pattern:
        demonym = trie_regex(sorted(self.demonyms))
        noun = trie_regex(sorted(self.state_nouns))
        parts = [
            rf"(?P<alias>(?i:{trie_regex(sorted(self.aliases))}))",
            rf"(?P<acronym>{trie_regex(sorted(self.acronyms))})",
            rf"(?P<state>(?P<demonym>(?i:{demonym}))\s+(?:(?i:{'|'.join(_STATE_WORDS)})\s+)?"
            rf"(?P<noun>(?i:{noun})))",
        ]
        if self.anaphora:
            parts.append(rf"(?P<anaphor>(?i:{trie_regex(sorted(self.anaphora))}))")
        return compile_cached(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")

    def resolve_class(self, name: str) -> str | None:
        """'Protesters (India)', 'Military Forces of Ukraine (2019-)' → the ACLED form
        without regime period, which is how marsad names a class actor with a country."""
        head = _PERIOD.split(name.split(";")[0])[0].strip()
        for entry in self.entries.values():
            if not entry.acled or "{country}" not in entry.acled:
                continue
            template = re.escape(entry.acled).replace(r"\{country\}", "(?P<country>[^()]+?)")
            if re.fullmatch(template, head, re.I):
                return head
        return None

    def force_kind(self, name: str) -> tuple[str, bool] | None:
        """The kind of a class actor and whether its name gives the country: "Military Forces of Niger" →
        ("Military Forces", True), "Military Forces" → ("Military Forces", False); None for a named group."""
        head = _PERIOD.split(name.split(";")[0])[0].strip()
        for entry in self.entries.values():
            if not entry.acled or "{country}" not in entry.acled:
                continue
            kind = entry.acled_for(None)
            if kind and head.lower() in (kind.lower(), entry.name.lower()):  # (marsad's own name: "Police")
                return kind, False
            template = re.escape(entry.acled).replace(r"\{country\}", "[^()]+?")
            if kind and re.fullmatch(template, head, re.I):
                return kind, True
        return None

    def resolve_external(self, name: str) -> str | None:
        return self._by_external.get(actor_key(name))

    @property
    def first_words(self) -> frozenset[str] | None:
        """The words a match can begin with, lower-cased: each alias's, acronym's,
        demonym's and anaphor's first run of word characters. A match begins a
        word (its pattern's ``(?<!\\w)``), and what follows that run in the pattern
        is no word character, so the text's word there is the run itself, in some
        case. None if one of them does not begin with a word character."""
        if not self._first_words_known:
            self._first_words, self._first_words_known = self._initial_words(), True
        return self._first_words

    def _initial_words(self) -> frozenset[str] | None:
        words: set[str] = set()
        for phrase in [*self.aliases, *self.acronyms, *self.demonyms, *self.anaphora]:
            run = _FIRST_RUN.match(phrase)
            if run is None:
                return None
            words.add(run.group().lower())
        return frozenset(words)

    @property
    def second_words(self) -> dict[str, frozenset[str]]:
        """For each first word that no match ends with ("the": "the army", "the group"),
        the words a match goes on to after it, lower-cased (the phrases' second runs of
        word characters; after a one-word demonym, a state word or a noun's first).
        Between a phrase's first two runs the pattern holds only characters that are no
        word characters, so where such a first word begins a match, the text's next
        word is one of these."""
        if self._second_words is None:
            self._second_words = self._following_words()
        return self._second_words

    def _following_words(self) -> dict[str, frozenset[str]]:
        nouns = {run.group().lower() for noun in self.state_nouns if (run := _FIRST_RUN.match(noun))}
        led = len(nouns) > 0 and all(_FIRST_RUN.match(noun) for noun in self.state_nouns)  # (else not known)
        phrases = [*self.aliases, *self.acronyms, *self.anaphora]
        for demonym in self.demonyms:
            # (a one-word demonym goes on to a state word or a noun's first word: "Malian government forces")
            one_word = len(_FIRST_RUN.findall(demonym)) == 1
            phrases += [f"{demonym} {word}" for word in (*_STATE_WORDS, *nouns)] if one_word and led else [demonym]
        return following_words(phrases)

    def starts_in(self, index: WordIndex) -> list[int] | None:
        """Where a match can begin in the document whose words ``index`` holds: where a
        word of :attr:`first_words` begins, less where one of :attr:`second_words`' first
        words is not followed by a word that a match goes on to. None when not known."""
        words = self.first_words
        return None if words is None else index.starts_followed(words, self.second_words)

    def find(self, text: str, starts: list[int] | None = None) -> list[ActorMention]:
        """The mentions in ``text``; ``starts``: where the document's words of
        :attr:`first_words` begin (a :class:`~marsad.extract.casefold.WordIndex`),
        to try the pattern only there instead of at every position."""
        mentions: list[ActorMention] = []
        last_seen: dict[str, int] = {}
        found = self.pattern.finditer(text) if starts is None else WindowScan(self.pattern, starts, text, None).finditer(0, len(text))
        for match in found:
            mention = self._mention(text, match, last_seen)
            if mention is None or self._adjective_use(text, match, mention):
                continue
            mention.id = f"A{len(mentions) + 1}"
            mentions.append(mention)
            last_seen[mention.name] = match.start()
        return mentions

    def _adjective_use(self, text: str, match: re.Match, mention: ActorMention) -> bool:
        if mention.name not in self._class_names:
            return False
        return _ADJECTIVE_USE.match(text, match.end()) is not None

    def _mention(self, text: str, match: re.Match, last_seen: dict[str, int]) -> ActorMention | None:
        span = Span.of(text, match.start(), match.end())
        if match.group("alias"):
            name = self._alias_names.get(span.text)
            if name is None:  # (a document names the same few actors in the same words, and so do the next)
                if len(self._alias_names) >= _MOST_REMEMBERED:
                    self._alias_names.clear()
                name = self._alias_names[span.text] = self.aliases[alias_key(span.text)]
            return self._entry_mention(span, name, 0.9)
        if match.group("acronym"):
            name = self.acronyms.get(span.text) or self.acronyms.get(span.text.translate(_QUOTE))
            return self._entry_mention(span, name, 0.95) if name else None
        if match.group("state"):
            country = self.demonyms[alias_key(match.group("demonym"))]
            klass = self.state_nouns[alias_key(match.group("noun"))]
            return self._state_mention(span, country, klass)
        candidates = [n for n in self.anaphora[alias_key(span.text)] if n in last_seen]
        if not candidates:
            return None
        name = max(candidates, key=lambda n: last_seen[n])
        mention = self._entry_mention(span, name, 0.7)
        mention.rule = RULE + ".anaphora"
        return mention

    def _entry_mention(self, span: Span, name: str, confidence: float) -> ActorMention:
        names = self._entry_names.get(name)
        if names is None:  # (worked out once per entry: a class actor's names are cut from a template)
            entry = self.entries[name]
            names = self._entry_names[name] = (entry.acled_for(entry.country), entry.ucdp_for(entry.country), entry.inter)
        return ActorMention(
            id="", text=span.text, span=span, name=name, acled_name=names[0],
            ucdp_name=names[1], inter=names[2], rule=RULE, confidence=confidence,
        )

    def _state_mention(self, span: Span, country: str, klass: str) -> ActorMention:
        own = self._national_forces.get((klass, country))
        if own is not None:  # "Israeli missiles" → the data file's Israeli forces
            mention = self._entry_mention(span, own, 0.85)
            mention.rule = RULE + ".state"
            return mention
        entry = self.entries.get(klass)
        acled = entry.acled_for(country) if entry else None
        # A country's own forces are named after ACLED's actor so that exports and comparisons line up.
        name = acled or f"{klass} of {country}"
        return ActorMention(
            id="", text=span.text, span=span, name=name, acled_name=acled,
            ucdp_name=entry.ucdp_for(country) if entry else None, inter=entry.inter if entry else 1,
            rule=RULE + ".state", confidence=0.85,
        )


def actor_key(name: str) -> str:
    """A comparison key for actor names across systems: ACLED's regime periods
    ("(2000-)"), sub-units after them and case are ignored."""
    head = name.split(";")[0]
    period = _PERIOD.search(head)
    if period:
        head = head[: period.start()]
    return alias_key(head)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> ActorLexicon:
    """Load and compile the actor vocabulary (cached; pass a path to use your own file)."""
    from marsad.yamlio import safe_load

    if path is None:
        text = resources.files("marsad.data").joinpath("actors.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return ActorLexicon(safe_load(text))


def find_actors(text: str, lexicon: ActorLexicon | None = None, starts: list[int] | None = None) -> list[ActorMention]:
    """Every actor mention in ``text``, in order, with spans over the original text
    (``starts``: see :meth:`ActorLexicon.find`)."""
    return (lexicon or load_lexicon()).find(text, starts)


def normalise_actor(name: str, lexicon: ActorLexicon | None = None) -> str | None:
    """The canonical marsad name for an alias, an ACLED or a UCDP actor name, or None."""
    lexicon = lexicon or load_lexicon()
    key = alias_key(name)
    if key in lexicon.aliases:
        return lexicon.aliases[key]
    if name.strip() in lexicon.acronyms:
        return lexicon.acronyms[name.strip()]
    if name.strip() in lexicon.entries:
        return name.strip()
    found = lexicon.resolve_external(name)
    if found:
        return found
    classed = lexicon.resolve_class(name)
    if classed:
        return classed
    mentions = lexicon.find(name)
    if len(mentions) == 1 and mentions[0].span.text.strip() == name.strip():
        return mentions[0].name
    return None


@lru_cache(maxsize=4096)  # (a store's reports name a few hundred actors, over and over)
def force_kind(name: str, lexicon: ActorLexicon | None = None) -> tuple[str, bool] | None:
    """See :meth:`ActorLexicon.force_kind`."""
    return (lexicon or load_lexicon()).force_kind(name)


@lru_cache(maxsize=4096)
def country_free_name(name: str, lexicon: ActorLexicon | None = None) -> str | None:
    """The name of an actor ACLED completes with a country, as a report that gives no country names it
    ("Civilians (Iraq)" and "Civilians" → "Civilians", "Police Forces of Iraq" → "Police Forces"); None
    for a name no such template makes."""
    for base, pattern in _country_templates(lexicon or load_lexicon()):
        if name == base or pattern.fullmatch(name):
            return base
    return None


@lru_cache(maxsize=4)
def _country_templates(lexicon: ActorLexicon) -> tuple[tuple[str, re.Pattern], ...]:
    templates = {entry.acled for entry in lexicon.entries.values() if entry.acled and "{country}" in entry.acled}
    return tuple((_fill(template, None) or template, re.compile(re.escape(template).replace(r"\{country\}", ".+")))
                 for template in sorted(templates))


def actor_entry(name: str, lexicon: ActorLexicon | None = None) -> ActorEntry | None:
    """The data-file entry for a canonical name (None for names built from a demonym)."""
    return (lexicon or load_lexicon()).entries.get(name)


@lru_cache(maxsize=4096)
def national_force_name(name: str, lexicon: ActorLexicon | None = None) -> str:
    """A country's own military or police named as a class with its country ("Military Forces of Iraq",
    from "army units" in a report placed in Iraq) → the data file's entry for it ("Iraqi forces", from
    "Iraqi soldiers"), so that two reports naming one army two ways share their actor; any other name as is."""
    lex = lexicon or load_lexicon()
    head = _PERIOD.split(name.split(";")[0])[0].strip()
    for klass, prefix in (("Military forces", "Military Forces of "), ("Police", "Police Forces of ")):
        if head.startswith(prefix):
            return lex._national_forces.get((klass, head[len(prefix):].strip()), name)
    return name


def acled_actor_name(name: str, country: str | None = None, lexicon: ActorLexicon | None = None) -> str:
    """How ACLED names a canonical actor; generic classes are completed with ``country``
    ("Protesters" in India → "Protesters (India)")."""
    entry = actor_entry(name, lexicon)
    if entry is None:
        return name
    return entry.acled_for(country or entry.country) or name


def ucdp_side_name(name: str, country: str | None = None, lexicon: ActorLexicon | None = None) -> str:
    """How UCDP GED names a canonical actor's side."""
    entry = actor_entry(name, lexicon)
    if entry is None:
        return name
    return entry.ucdp_for(country or entry.country) or name


def _register_component() -> None:
    from marsad.extract.pipeline import register

    @register("actors", version=VERSION)
    def actors_component(ctx) -> None:
        """Actor mentions over the folded text, spans re-cut from the original."""
        lexicon = load_lexicon()
        index = ctx.word_index()
        starts = None if index is None else lexicon.starts_in(index)
        for mention in find_actors(ctx.norm, lexicon, starts):
            mention.span = ctx.span(mention.span.start, mention.span.end)
            mention.text = mention.span.text
            mention.id = ctx.new_id("A")
            ctx.actors.append(mention)


_register_component()


def home_countries(mentions: list[ActorMention], lexicon: ActorLexicon | None = None) -> set[str]:
    """The ISO codes of the countries the report's armed groups belong to: "ISIS
    executed three men accused of helping the SDF in Al-Susah" is in Syria. State
    forces and outside powers say nothing ("Turkish forces shelled …" is often abroad), but for a de facto
    authority's forces that UCDP counts as a rebel side ("shells fired by Houthi militiamen" are in Yemen)."""
    codes: set[str] = set()
    for mention in mentions:
        if mention.inter in (None, 8):
            continue
        entry = actor_entry(mention.name, lexicon)
        if mention.inter == 1 and (entry is None or not entry.ucdp or entry.ucdp.startswith("Government of")):
            continue
        code = iso_country_code(entry.country) if entry is not None and entry.country else None
        if code:
            codes.add(code)
    return codes


def demonym_countries(text: str, lexicon: ActorLexicon | None = None) -> set[str]:
    """The ISO codes of the countries whose adjectives the text uses ("Four Malian
    soldiers were killed near Boni"). Weaker than a country's name: the adjective
    often names the attacker ("Russian forces shelled …"), so it says only which
    countries the report is not about (see ``marsad.extract.places``)."""
    lexicon = lexicon or load_lexicon()
    names = {lexicon.demonyms[alias_key(match.group())] for match in lexicon.demonym_pattern.finditer(text)}
    return {code for name in names if (code := iso_country_code(name))}


#: marsad.gazetteer.importers.country_code, once imported (iso_country_code)
_COUNTRY_CODE: Final[list[Callable[[str | None], str | None]]] = []


def iso_country_code(name: str | None) -> str | None:
    """:func:`marsad.gazetteer.importers.country_code`, imported at its first use, once: an import
    in the function that asks costs 8k instructions a call, and one at the top of this module
    would load the gazetteer's modules with the actors'."""
    if not _COUNTRY_CODE:
        from marsad.gazetteer.importers import country_code

        _COUNTRY_CODE.append(country_code)
    return _COUNTRY_CODE[0](name)

