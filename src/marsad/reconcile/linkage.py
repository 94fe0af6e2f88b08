"""Incident linkage: which reports describe the same incident.

The probabilistic part is Splink (Fellegi–Sunter on DuckDB): reports are
blocked on area and a date window, each candidate pair gets one comparison
level per field (date distance, place, event type, actors, casualty counts,
evidence words) and a match weight that is the sum of the levels' log2 Bayes
factors. Those per-comparison contributions are kept for every pair, so every
link can be explained.

The model's m/u probabilities are set in :data:`DEFAULT_PARAMETERS` (written
down in ``docs/methodology.md``) rather than trained on each run, so that the
same data always gives the same links (re-running reconcile changes nothing).

Clustering is ours because it needs constraints Splink's connected components
lack: two events of the same document are never one incident, a person's
"different" decision is never overridden, and a person's "same" decision
always links.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field

LINKAGE_VERSION = "linkage-15"
DATE_WINDOW_DAYS = 3
LINK_PROBABILITY = 0.8
TOLL_UPDATE_LEVEL = "a later toll update"
REVIEW_BAND = (0.5, 0.95)  # below 0.5 matches are rare (about 1 in 50 in the benchmark)
PRIOR_MATCH = 0.05  # share of blocked pairs that describe the same incident
MIN_REPORTS_TO_ESTIMATE_U = 500  # below this, keep the written-down u probabilities
U_SAMPLE_REPORTS = 20_000
CROWDED_AREA = 250  # reports of one area within a report's date window beyond which the area block narrows
WINDOW_MONTHS = 1  # reports are scored a calendar month at a time (with the date window's days after it)

STOPWORDS = frozenset(
    """a an the of in on at to and or by for from with near into after before during killed killing
    were was are is been being be who which that this these those its their his her they them it
    as than more least about nearly over under people persons person civilians civilian fighters
    members member including including also other others while when where there yesterday today
    day days hours hour morning evening night monday tuesday wednesday thursday friday saturday sunday
    toll death deaths rises rose risen reported reports report documented documents monitored sources
    source observatory syrian human rights number numbers least dozens several some many one two three
    four five six seven eight nine ten area areas town village city countryside province governorate
    january february march april june july august september october november december after went""".split()
)


@dataclass(slots=True)  # a million of them on a large store
class Report:
    """One incident-level report: an event extracted from one document, with
    the casualty figures attached to it. ``key`` is stable across runs
    (``"<document id>/<event local id>"``) so review decisions survive
    re-extraction of other documents."""

    uid: int
    key: str
    document_id: int
    source: str | None
    reliability: str | None
    published: int | None  # date ordinal
    day: int  # event date ordinal
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actors: list[str] = field(default_factory=list)
    killed: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None  # None: open-ended ("at least", vague)
    words: list[str] = field(default_factory=list)
    counts: list[dict] = field(default_factory=list)  # casualty figures, see estimates.report_figures
    perpetrators: list[str] = field(default_factory=list)
    toll_update: bool = False  # says it updates an earlier toll (marsad.counting.is_toll_update)
    revised_down: bool = False  # says the toll was revised down (marsad.counting.is_toll_revised_down)
    day_stated: bool = True  # False: the text gives no date, ``day`` is the publication date
    other_place: str | None = None  # place key of another town or name the report cites (facts._cited_places)
    admin1_stated: bool = False  # its text names its governorate ("… in Sagaing region"), not only a town placed there
    sides: list[int] = field(default_factory=list)  # deaths of each side the toll adds up (facts.side_counts)
    party_word: bool = False  # every death count it gives is a party's word on its own kills (estimates rule 3)
    rejected_day: int | None = None  # a day it says was wrongly reported ("on Friday, not on Saturday"): facts.carry_corrected_days
    night: int | None = None  # the evening beginning the night it dates its event in ("Saturday night", "early Sunday"): facts.night_of


@dataclass(slots=True)  # millions of them on a large store
class PairScore:
    uid_a: int
    uid_b: int
    match_weight: float
    match_probability: float
    contributions: dict[str, dict]  # comparison -> {"level": label, "log2_bf": weight}


def place_key(name: str | None) -> str | None:
    """A looser key than the gazetteer's, for comparing two reports' places:
    the gazetteer key (accents, articles, Arabic script, doubled letters folded)
    reduced to its consonant skeleton, since short vowels are transliterated
    every which way ("Saraqib" = "Saraqeb", "Kafr Nubl" = "Kafranbel")."""
    if not name:
        return None
    from marsad.gazetteer.keys import place_key as gazetteer_key

    text = gazetteer_key(name).replace("q", "k").replace("h", "")
    text = re.sub(r"(.)\1+", r"\1", text)
    return (text[:1] + re.sub(r"[aeiouy]", "", text[1:])) or None


def named_actor(name: str | None) -> bool:
    """An actor that can tell two incidents apart: not the extractor's default
    ("Unidentified Armed Group (Syria)") and not the victims ("Civilians (Syria)")."""
    return bool(name) and not name.startswith(("Unidentified", "Civilians"))


def evidence_words(text: str | None) -> list[str]:
    """Distinctive words of the evidence (targets, weapons): the 'text' comparison."""
    if not text:
        return []
    words = re.findall(r"[a-z]{4,}", text.lower())
    # interned: a large store repeats the same few thousand words, held once instead of once per report
    return [sys.intern(w) for w in sorted({_stem(w) for w in words if w not in STOPWORDS})[:30]]


_SUFFIXES = ("ings", "ing", "ers", "er", "ed", "s")


def _stem(word: str) -> str:
    """A word less its inflection, so that one report's "bombing" meets
    another's "bomber" and "bombed" ("bomb"), "attackers" "attack"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _levels_place() -> list[dict]:
    return [
        {"sql_condition": "(loc_key_l IS NULL OR loc_key_r IS NULL) AND (admin2_l IS NULL OR admin2_r IS NULL)", "label_for_charts": "place unknown", "is_null_level": True},
        {"sql_condition": "loc_key_l = loc_key_r", "label_for_charts": "same place name", "m_probability": 0.65, "u_probability": 0.03},
        {"sql_condition": "loc_key_l = other_place_r OR other_place_l = loc_key_r OR other_place_l = other_place_r",
         "label_for_charts": "a place both name", "m_probability": 0.06, "u_probability": 0.02},
        {"sql_condition": "jaro_winkler_similarity(loc_key_l, loc_key_r) >= 0.85", "label_for_charts": "similar place name", "m_probability": 0.15, "u_probability": 0.02},
        {
            "sql_condition": "lat_l IS NOT NULL AND lat_r IS NOT NULL AND "
            "2 * 6371 * asin(sqrt(pow(sin(radians(lat_r - lat_l) / 2), 2) + cos(radians(lat_l)) * cos(radians(lat_r)) * pow(sin(radians(lon_r - lon_l) / 2), 2))) <= 5",
            "label_for_charts": "places within 5 km",
            "m_probability": 0.06,
            "u_probability": 0.03,
        },
        {"sql_condition": "admin2_l = admin2_r", "label_for_charts": "same district (admin2)", "m_probability": 0.06, "u_probability": 0.30},
        # one report names only the governorate the other's place lies in ("a strike in Hodeidah province" and
        # "a strike on Al Mansuriyah"): next to no evidence either way, not two places (the weight, a little above
        # none, must differ from every other level's: a level is named from its weight)
        {"sql_condition": "(area_only_l OR area_only_r) AND block_area_l = block_area_r",
         "label_for_charts": "one names only the other's governorate", "m_probability": 0.10, "u_probability": 0.09},
        {"sql_condition": "ELSE", "label_for_charts": "different places", "m_probability": 0.08, "u_probability": 0.62},
    ]


def _levels_date() -> list[dict]:
    return [
        {"sql_condition": "day_l IS NULL OR day_r IS NULL", "label_for_charts": "date unknown", "is_null_level": True},
        {"sql_condition": "day_l = day_r", "label_for_charts": "same day", "m_probability": 0.80, "u_probability": 0.15},
        # "late on Saturday night" and "in the early hours of Sunday": one night, dated a day apart
        {"sql_condition": "night_l = night_r", "label_for_charts": "one night told on two days", "m_probability": 0.05, "u_probability": 0.01},
        {
            # a statement that gives no date carries its publication date: the incident is on or before it
            # (or three: "the health office said on Tuesday that 13 were killed in Saturday's strike")
            "sql_condition": "(NOT day_stated_l AND day_l - day_r BETWEEN 1 AND 3) OR (NOT day_stated_r AND day_r - day_l BETWEEN 1 AND 3)",
            "label_for_charts": "undated report published 1-3 days after",
            "m_probability": 0.07,
            "u_probability": 0.08,
        },
        {"sql_condition": "abs(day_l - day_r) <= 1", "label_for_charts": "1 day apart", "m_probability": 0.10, "u_probability": 0.25},
        {"sql_condition": "ELSE", "label_for_charts": "2 or more days apart", "m_probability": 0.03, "u_probability": 0.52},
    ]


def _levels_event_type() -> list[dict]:
    return [
        {"sql_condition": "sub_event_type_l IS NULL OR sub_event_type_r IS NULL", "label_for_charts": "type unknown", "is_null_level": True},
        {"sql_condition": "sub_event_type_l = sub_event_type_r", "label_for_charts": "same sub-event type", "m_probability": 0.78, "u_probability": 0.35},
        {"sql_condition": "event_type_l = event_type_r", "label_for_charts": "same event type", "m_probability": 0.12, "u_probability": 0.25},
        # "the death toll of the attack on …" gives a generic type: weak evidence either way
        {"sql_condition": "sub_event_type_l IN ('Attack', 'Other') OR sub_event_type_r IN ('Attack', 'Other')", "label_for_charts": "one type generic", "m_probability": 0.08, "u_probability": 0.10},
        {"sql_condition": "ELSE", "label_for_charts": "different event types", "m_probability": 0.02, "u_probability": 0.30},
    ]


def _levels_actors() -> list[dict]:
    return [
        {"sql_condition": "len(actors_l) = 0 OR len(actors_r) = 0", "label_for_charts": "actors unknown", "is_null_level": True},
        # (the victims or the default group named with no country are the same named with one: "Civilians",
        # "Civilians (Iraq)")
        {"sql_condition": "len(list_intersect(actors_l, actors_r)) >= 1 OR len(list_intersect(open_actors_l, actor_bases_r)) >= 1 "
                          "OR len(list_intersect(open_actors_r, actor_bases_l)) >= 1",
         "label_for_charts": "shared actor", "m_probability": 0.92, "u_probability": 0.40},
        # a group's claim on "soldiers" where no place gives their country, beside the army's own report: no disagreement
        # (about neutral; not exactly 0, the null level's weight, since a level is named back from its weight)
        {"sql_condition": "len(list_intersect(open_kinds_l, force_kinds_r)) >= 1 OR len(list_intersect(open_kinds_r, force_kinds_l)) >= 1",
         "label_for_charts": "forces of no stated country on one side, of that kind on the other", "m_probability": 0.11, "u_probability": 0.10},
        # "Unidentified Armed Group" (the extractor's default) or only the victims on one side: no disagreement
        {"sql_condition": "len(named_actors_l) = 0 OR len(named_actors_r) = 0", "label_for_charts": "one side names no actor", "m_probability": 0.04, "u_probability": 0.05},
        {"sql_condition": "ELSE", "label_for_charts": "no shared actor", "m_probability": 0.05, "u_probability": 0.60},
    ]


def _levels_counts() -> list[dict]:
    big = 10**9
    return [
        {"sql_condition": "killed_l IS NULL OR killed_r IS NULL", "label_for_charts": "no death count", "is_null_level": True},
        {"sql_condition": "killed_l = killed_r AND killed_l >= 5", "label_for_charts": "same death count (5 or more)", "m_probability": 0.30, "u_probability": 0.01},
        {"sql_condition": "killed_l = killed_r", "label_for_charts": "same small death count", "m_probability": 0.18, "u_probability": 0.12},
        {
            # "the death toll has risen to 11": a later update of the other report's toll (not of an incident
            # both reports date after the update's own: "the toll of Monday night's fighting has risen to 55"
            # updates no killing of Tuesday), nor of one two or more days from the day it names before its publication
            # ("the toll of Wednesday's shelling of the market rose to six" updates no shelling of the Monday)
            "sql_condition": "(toll_update_l AND published_l >= published_r AND killed_l >= killed_r AND NOT (day_stated_l AND day_stated_r "
                             "AND (day_l < day_r OR (day_l < published_l AND day_l - day_r >= 2)))) "
                             "OR (toll_update_r AND published_r >= published_l AND killed_r >= killed_l AND NOT (day_stated_l AND day_stated_r "
                             "AND (day_r < day_l OR (day_r < published_r AND day_r - day_l >= 2)))) "
                             # "officials revised the toll down to four": a later correction of the other's higher toll
                             "OR (revised_down_l AND published_l > published_r AND killed_l < killed_r) "
                             "OR (revised_down_r AND published_r > published_l AND killed_r < killed_l)",
            "label_for_charts": TOLL_UPDATE_LEVEL,
            "m_probability": 0.15,
            "u_probability": 0.02,
        },
        {
            # "four soldiers were killed" beside the army's 18 attackers and 4 soldiers: one side of the same toll
            "sql_condition": "list_contains(sides_r, killed_l) OR list_contains(sides_l, killed_r)",
            "label_for_charts": "one side of the other's toll",
            "m_probability": 0.04,
            "u_probability": 0.02,
        },
        {
            "sql_condition": f"killed_low_l <= coalesce(killed_high_r, {big}) AND killed_low_r <= coalesce(killed_high_l, {big})",
            "label_for_charts": "compatible death counts",
            "m_probability": 0.17,
            "u_probability": 0.10,
        },
        {
            "sql_condition": "greatest(killed_l, killed_r) <= 2 * least(killed_l, killed_r) + 2",
            "label_for_charts": "death counts within a toll revision",
            "m_probability": 0.14,
            "u_probability": 0.25,
        },
        {"sql_condition": "ELSE", "label_for_charts": "incompatible death counts", "m_probability": 0.04, "u_probability": 0.50},
    ]


def _levels_words() -> list[dict]:
    return [
        {"sql_condition": "len(words_l) = 0 OR len(words_r) = 0", "label_for_charts": "no evidence words", "is_null_level": True},
        {"sql_condition": "len(list_intersect(words_l, words_r)) >= 1", "label_for_charts": "shared evidence words", "m_probability": 0.70, "u_probability": 0.15},
        {"sql_condition": "ELSE", "label_for_charts": "no shared evidence word", "m_probability": 0.30, "u_probability": 0.85},
    ]


COMPARISONS = {
    "date": _levels_date,
    "place": _levels_place,
    "event_type": _levels_event_type,
    "actors": _levels_actors,
    "counts": _levels_counts,
    "text": _levels_words,
}
DEFAULT_PARAMETERS = {name: build() for name, build in COMPARISONS.items()}


def splink_settings(parameters: dict | None = None, prior: float = PRIOR_MATCH, window_days: int = DATE_WINDOW_DAYS) -> dict:
    """The Splink model: blocking rule, comparisons with their m/u probabilities."""
    parameters = parameters or DEFAULT_PARAMETERS
    window = f"abs(l.day - r.day) <= {int(window_days)} AND l.document_id <> r.document_id"
    # the first rule (a governorate and the date window) finds reports of one incident whose places are spelt
    # past recognition; in a crowded area (see crowded_reports) it would bring hundreds of candidates per
    # report, most of them scored just above nothing, so there only the place rules block. The second rule
    # catches reports of one place whose governorate is missing or differs; the third and
    # fourth a place one report names beside its location; the last two a source's toll update that
    # names no place ("the death toll of yesterday's barrel bomb massacre has risen to nine")
    blocking = [f"l.block_area = r.block_area AND NOT (l.crowded OR r.crowded) AND {window}", f"l.loc_key = r.loc_key AND {window}",
                f"l.loc_key = r.other_place AND {window}", f"l.other_place = r.loc_key AND {window}",
                f"l.orphan_update = r.source AND {window}", f"l.source = r.orphan_update AND {window}"]
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "uid",
        "probability_two_random_records_match": prior,
        "blocking_rules_to_generate_predictions": [{"blocking_rule": rule, "sql_dialect": "duckdb"} for rule in blocking],
        "comparisons": [
            {"output_column_name": name, "comparison_levels": levels, "comparison_description": name}
            for name, levels in parameters.items()
        ],
        "retain_intermediate_calculation_columns": True,
        "retain_matching_columns": False,
    }


def common_words(word_lists: Iterable[Iterable[str]], max_share: float = 0.15, min_reports: int = 50) -> set[str]:
    """Words that many reports share (template words such as "warplanes"):
    like Splink's term-frequency adjustment, only rare shared words are evidence.
    Counted over the whole store, so that every window drops the same words."""
    from collections import Counter

    frequency: Counter[str] = Counter()
    total = 0
    for words in word_lists:
        frequency.update(set(words))
        total += 1
    limit = max(min_reports, max_share * total)
    return {w for w, n in frequency.items() if n > limit}


def distinctive_words(word_lists, max_share: float = 0.15, min_reports: int = 50):
    """Each list less the words many lists share (see :func:`common_words`)."""
    lists = list(word_lists)
    common = common_words(lists, max_share, min_reports)
    return [[w for w in words if w not in common] for words in lists]


def _own_words(report: Report) -> list[str]:
    """Evidence words less those of fields compared on their own (place,
    areas, actors), which would otherwise count twice."""
    covered = set(evidence_words(" ".join(filter(None, [report.location, report.admin1, report.admin2, *report.actors]))))
    return [w for w in report.words if w not in covered]


def block_area(report: Report) -> str | None:
    """The area a report is blocked on: its governorate, else its country."""
    return report.admin1 or report.country or None


def crowded_reports(reports: Iterable[Report], window_days: int = DATE_WINDOW_DAYS, limit: int = CROWDED_AREA) -> set[int]:
    """Reports whose area holds more than ``limit`` reports within their date
    window (uids): where the area block narrows. Counted over the whole store,
    so a window of it finds the same pairs as a whole-store run."""
    from collections import Counter

    reports = list(reports)
    per_day = Counter((block_area(r), r.day) for r in reports)
    near: dict[tuple, int] = {}
    for area, day in per_day:
        near[(area, day)] = sum(per_day.get((area, day + k), 0) for k in range(-window_days, window_days + 1))
    return {r.uid for r in reports if block_area(r) is not None and near[(block_area(r), r.day)] > limit}


def _frame(reports: Sequence[Report], common: Set[str] = frozenset(), crowded: Set[int] = frozenset()):
    import pandas as pd

    from marsad.extract.actors import country_free_name, force_kind, national_force_name

    # (a country's army named as a class with its country is its data-file entry: "Military Forces of Iraq",
    # from "an army officer said" in Diyala, and "Iraqi forces", from "Iraqi soldiers", are one actor)
    acts = [[national_force_name(a) for a in r.actors] for r in reports]

    loc_keys = [place_key(r.location) for r in reports]
    return pd.DataFrame(
        {
            "uid": [r.uid for r in reports],
            "document_id": [r.document_id for r in reports],
            "day": [r.day for r in reports],
            "block_area": [block_area(r) for r in reports],
            "crowded": [r.uid in crowded for r in reports],
            "loc_key": loc_keys,
            # the report names only its governorate (its location is the governorate's name)
            "area_only": [bool(r.admin1) and key == place_key(r.admin1) for r, key in zip(reports, loc_keys)],
            "other_place": [r.other_place for r in reports],
            "lat": [r.latitude for r in reports],
            "lon": [r.longitude for r in reports],
            "admin2": [r.admin2 for r in reports],
            "event_type": [r.event_type for r in reports],
            "sub_event_type": [r.sub_event_type for r in reports],
            "actors": [sorted(set(r)) for r in acts],
            "actor_bases": [sorted({base for a in r if (base := country_free_name(a))}) for r in acts],
            # (the victims or the default group; a named actor of no stated country has its own level: "open_kinds")
            "open_actors": [sorted({a for a in r if country_free_name(a) == a and not named_actor(a)}) for r in acts],
            "named_actors": [sorted({a for a in r if named_actor(a)}) for r in acts],
            "force_kinds": [sorted({kind[0] for a in {*r.actors, *act} if named_actor(a) and (kind := force_kind(a))})
                            for r, act in zip(reports, acts)],
            "open_kinds": [sorted({kind[0] for a in r.actors if named_actor(a) and (kind := force_kind(a)) and not kind[1]})
                           for r in reports],
            "killed": pd.array([r.killed for r in reports], dtype="Int64"),
            "killed_low": pd.array([r.killed_low for r in reports], dtype="Int64"),
            "killed_high": pd.array([r.killed_high for r in reports], dtype="Int64"),
            "sides": [list(r.sides) for r in reports],
            "source": [r.source for r in reports],
            "published": pd.array([r.published or None for r in reports], dtype="Int64"),
            "toll_update": [bool(r.toll_update) for r in reports],
            "revised_down": [bool(r.revised_down) for r in reports],
            # a toll update with no area, keyed by its source (an equality join: blocking stays fast)
            "orphan_update": [r.source if r.toll_update and not (r.admin1 or r.country) else None for r in reports],
            "day_stated": [bool(r.day_stated) for r in reports],
            "night": pd.array([r.night for r in reports], dtype="Int64"),
            # the place is compared on its own; its words would count a spelling variant twice
            "words": [[w for w in _own_words(r) if w not in common] for r in reports],
        }
    )


def score_pairs(reports: Sequence[Report], *, min_probability: float = 0.01, window_months: int | None = WINDOW_MONTHS) -> list[PairScore]:
    """Every blocked candidate pair with its match probability and the
    contribution (level and log2 Bayes factor) of each comparison."""
    return [pair for _, pairs in score_windows(reports, min_probability=min_probability, window_months=window_months) for pair in pairs]


def score_windows(reports: Sequence[Report], *, min_probability: float = 0.01,
                  window_months: int | None = WINDOW_MONTHS) -> Iterator[tuple[int, list[PairScore]]]:  # fmt: skip
    """The scored pairs one window of ``window_months`` calendar months at a
    time, as (the window's last day, its pairs), in date order.

    A window's reports are those of its months and of the date window's days
    after them, so memory follows one window, not the store; each pair comes
    once, with the window that holds its earlier report. What a pair's score
    depends on beyond its two reports (the common words, the u probabilities,
    which areas are crowded) is settled over the whole store first, so the
    pairs are those of one whole-store run (``window_months=None``)."""
    if len(reports) < 2:
        return
    import bisect

    common = common_words(_own_words(r) for r in reports)
    crowded = crowded_reports(reports)
    parameters, prior = _store_parameters(reports, common, crowded)
    weights = {name: _level_weights(levels) for name, levels in parameters.items()}
    ordered = sorted(reports, key=lambda r: r.day)
    days = [r.day for r in ordered]
    spans = [(days[0], days[-1])] if window_months is None else month_windows(days, window_months)
    for first, last in spans:
        chunk = ordered[bisect.bisect_left(days, first) : bisect.bisect_right(days, last + DATE_WINDOW_DAYS)]
        day_of = {r.uid: r.day for r in chunk}
        pairs = _score_window(chunk, (common, crowded), parameters, prior, weights, min_probability)
        yield last, [p for p in pairs if min(day_of[p.uid_a], day_of[p.uid_b]) <= last]  # else the next window's


def month_windows(days: Iterable[int], months: int = WINDOW_MONTHS) -> list[tuple[int, int]]:
    """(first, last) day ordinals of the runs of ``months`` calendar months
    that hold any of ``days``, in order."""
    from datetime import date

    def start(index: int) -> int:
        year, month = divmod(index * months, 12)
        return date(year, month + 1, 1).toordinal()

    indexes = sorted({(d.year * 12 + d.month - 1) // months for d in map(date.fromordinal, set(days))})
    return [(start(i), start(i + 1) - 1) for i in indexes]


def _store_parameters(reports: Sequence[Report], common: Set[str], crowded: Set[int]) -> tuple[dict, float]:
    """The model for this store: the written-down m/u probabilities, with u
    and the prior re-estimated (:func:`estimate_u`) on a large enough store."""
    import logging

    from splink import DuckDBAPI, Linker

    if len(reports) < MIN_REPORTS_TO_ESTIMATE_U:
        return DEFAULT_PARAMETERS, PRIOR_MATCH
    logging.getLogger("splink").setLevel(logging.ERROR)
    # on large data a deterministic 1-in-k sample of reports keeps the level frequencies and the prior
    every = max(1, len(reports) // U_SAMPLE_REPORTS)
    sample = _frame([r for r in reports if r.uid % every == 0], common, crowded)
    first = Linker(DuckDBAPI().register(sample), splink_settings(), log_level=logging.ERROR)
    return estimate_u(first.inference.predict(warning_mode="never").as_duckdbpyrelation())


def _score_window(reports: Sequence[Report], store: tuple[Set[str], Set[int]], parameters: dict, prior: float,
                  weights: dict[str, list[tuple[float, str]]], min_probability: float) -> list[PairScore]:  # fmt: skip
    import logging

    from splink import DuckDBAPI, Linker

    if len(reports) < 2:
        return []
    logging.getLogger("splink").setLevel(logging.ERROR)
    linker = Linker(DuckDBAPI().register(_frame(reports, *store)), splink_settings(parameters, prior), log_level=logging.ERROR)
    predictions = linker.inference.predict(threshold_match_probability=min_probability, warning_mode="never")
    # only the columns read below: all of Splink's intermediate columns as Python tuples were most of the memory
    columns = ["uid_l", "uid_r", "match_weight", "match_probability", *(f"mw_{name}" for name in weights)]
    table = predictions.as_duckdbpyrelation().select(", ".join(columns))
    arrays = table.fetchnumpy()
    return _pairs_from_rows(columns, list(zip(*(arrays[c].tolist() for c in columns))), weights)


def estimate_u(candidates, parameters: dict | None = None) -> tuple[dict, float]:
    """u probabilities and the prior re-estimated from the candidate pairs
    themselves (scored once with the default model): candidate pairs are
    overwhelmingly different incidents, so how often each level occurs among
    them, less the expected share of matches, is its u. This adapts the model
    to how crowded the data are (many incidents per town and day, or few).
    m probabilities stay as set; the estimate is deterministic."""
    import copy

    parameters = copy.deepcopy(parameters or DEFAULT_PARAMETERS)
    total = candidates.aggregate("count(*)").fetchall()[0][0]
    if not total:
        return parameters, PRIOR_MATCH
    matches = candidates.filter("match_probability >= 0.5").aggregate("count(*)").fetchall()[0][0]
    prior = min(0.5, max(0.005, matches / total))
    for name, levels in parameters.items():
        weights = _level_weights(levels)
        counts = [0] * len(levels)
        for weight, n in candidates.aggregate(f"mw_{name}, count(*)", f"mw_{name}").fetchall():
            index = min(range(len(levels)), key=lambda i: abs(weights[i][0] - float(weight)))
            counts[index] += n
        observed = sum(c for c, level in zip(counts, levels) if not level.get("is_null_level"))
        if observed < 200:
            continue
        share_matches = min(matches, observed) / observed
        for count, level in zip(counts, levels):
            if level.get("is_null_level"):
                continue
            frequency = count / observed
            level["u_probability"] = round(max(0.002, (frequency - share_matches * level["m_probability"]) / max(1e-9, 1 - share_matches)), 5)
    return parameters, prior


def _level_weights(levels: list[dict]) -> list[tuple[float, str]]:
    """(log2 Bayes factor, label) per level; a null level weighs 0."""
    return [
        (0.0 if lvl.get("is_null_level") else math.log2(lvl["m_probability"] / lvl["u_probability"]), lvl["label_for_charts"])
        for lvl in levels
    ]


def _pairs_from_rows(columns: list[str], rows: list[tuple], weights: dict[str, list[tuple[float, str]]]) -> list[PairScore]:
    # Splink reports each comparison's match weight (mw_*); the level is the
    # one whose log2(m/u) it equals. Pairs share few weight profiles, so one
    # read-only contributions dict per profile is kept (a dict per pair per
    # comparison was most of reconcile's memory at 100k documents).
    at = {name: i for i, name in enumerate(columns)}
    comparisons: list[tuple] = [(name, at[f"mw_{name}"], levels) for name, levels in weights.items()]
    i_a, i_b, i_w, i_p = at["uid_l"], at["uid_r"], at["match_weight"], at["match_probability"]
    profiles: dict[tuple, dict] = {}
    out = []
    for row in rows:
        profile = tuple(round(float(row[index]), 3) for _, index, _ in comparisons)
        contributions = profiles.get(profile)
        if contributions is None:
            contributions = profiles[profile] = {
                name: {"level": min(levels, key=lambda level: abs(level[0] - weight))[1], "log2_bf": weight}
                for (name, _, levels), weight in zip(comparisons, profile)
            }
        a, b = int(row[i_a]), int(row[i_b])
        if a > b:
            a, b = b, a
        out.append(PairScore(a, b, round(float(row[i_w]), 4), round(float(row[i_p]), 6), contributions))
    return out


def _later(a: Report, b: Report) -> bool:
    return (a.published or 0, a.killed or 0, a.uid) > (b.published or 0, b.killed or 0, b.uid)


def _updated_by(report: Report, update: Report) -> bool:
    """Whether ``update`` ("the toll has risen to 37") supersedes ``report``'s earlier, lower toll."""
    return report is not update and not report.party_word and report.killed is not None and update.killed is not None \
        and (report.published or 0) < (update.published or 0) and report.killed < update.killed


def _corrected_by(report: Report, correction: Report) -> bool:
    """Whether ``correction`` ("officials revised the toll down to four") corrects ``report``'s toll: every
    toll published before it, as in the estimates (estimates._since_last_revision)."""
    return report is not correction and not report.party_word and report.killed is not None and correction.killed is not None \
        and (report.published or 0) < (correction.published or 0)


@dataclass
class Clustering:
    clusters: list[list[int]]  # uids, each cluster sorted, clusters sorted by first uid
    linked_pairs: set[tuple[int, int]]


def cluster(
    reports: Sequence[Report],
    pairs: Iterable[PairScore],
    *,
    same: Iterable[tuple[int, int]] = (),
    different: Iterable[tuple[int, int]] = (),
    threshold: float = LINK_PROBABILITY,
) -> Clustering:
    """Greedy constrained clustering: strongest pairs first, a person's "same"
    decisions before any model pair; a merge is refused when the two groups
    share a document or a person said two of their reports differ."""
    parent = {r.uid: r.uid for r in reports}
    documents = {r.uid: {r.document_id} for r in reports}
    members = {r.uid: [r.uid] for r in reports}
    forbidden: dict[int, set[int]] = {}
    for a, b in different:
        forbidden.setdefault(a, set()).add(b)
        forbidden.setdefault(b, set()).add(a)

    def find(uid: int) -> int:
        while parent[uid] != uid:
            parent[uid] = parent[parent[uid]]
            uid = parent[uid]
        return uid

    def try_merge(a: int, b: int, forced: bool) -> bool:
        root_a, root_b = find(a), find(b)
        if root_a == root_b:
            return True
        if not forced and documents[root_a] & documents[root_b]:
            return False
        if any(forbidden.get(m, set()) & set(members[root_b]) for m in members[root_a]):
            return False
        if len(members[root_a]) < len(members[root_b]):
            root_a, root_b = root_b, root_a
        parent[root_b] = root_a
        documents[root_a] |= documents.pop(root_b)
        members[root_a].extend(members.pop(root_b))
        return True

    probability = {(p.uid_a, p.uid_b): p.match_probability for p in pairs}
    by_uid = {r.uid: r for r in reports}

    def current(group: list[int]) -> list[int]:
        # each source's latest report stands for the source: its earlier, superseded tolls do not vote,
        # and a party's word that the source relays is no toll of the source (estimates rule 2)
        latest: dict[tuple[str, bool], Report] = {}
        for uid in group:
            report = by_uid[uid]
            source = (report.source or f"document {report.document_id}", report.party_word)
            if source not in latest or _later(report, latest[source]):
                latest[source] = report
        # and a later toll update stands for the earlier, lower tolls it updated, whoever reported them
        updates = [r for r in latest.values() if r.toll_update and not r.party_word]
        # a toll revised down corrects every figure published before it, whoever gave it (estimates rule 3)
        corrections = [r for r in latest.values() if r.revised_down and not r.party_word]
        return [r.uid for r in latest.values() if not any(_updated_by(r, update) for update in updates)
                and not any(_corrected_by(r, correction) for correction in corrections)]

    def cohesive(a: int, b: int) -> bool:
        # average linkage: the two groups must match on average, not through one chain
        left, right = current(members[find(a)]), current(members[find(b)])
        if len(left) == 1 and len(right) == 1:
            return True
        # a party's claim of an incident the others document ("the group claimed the bombing, saying it
        # killed 12") joins through its strongest link: it repeats few of their words, and linked its
        # figure only widens the range (estimates rule 3) where apart it would be an incident of its own
        if all(by_uid[u].party_word for u in left) or all(by_uid[u].party_word for u in right):
            return True
        # the reports that give a death toll vote when both groups hold some: they carry the deaths a wrong
        # merge would lose or a missed one count twice, where an arrest or a statement without a toll told
        # beside them ("police arrested five suspects over Sunday's killing") says little about the toll
        tolled_left, tolled_right = [u for u in left if by_uid[u].killed is not None], [u for u in right if by_uid[u].killed is not None]
        if tolled_left and tolled_right:
            left, right = tolled_left, tolled_right
        left, right = _dated_voters(left, right)
        total = sum(_vote(x, y, members[find(b)]) for x in left for y in right)
        return total / (len(left) * len(right)) >= threshold

    def _dated_voters(left: list[int], right: list[int]) -> tuple[list[int], list[int]]:
        # where both groups hold reports that state their date and no stated day is shared, the undated
        # reports do not vote: dated by their publication, a round-up "over the past day" is "same day" with
        # the next day's incident and "published 1-3 days after" the previous day's, so it fits both and
        # would otherwise join two days' incidents in one town that their dated reports keep apart
        dated_left = [u for u in left if by_uid[u].day_stated]
        dated_right = [u for u in right if by_uid[u].day_stated]
        if not dated_left or not dated_right:
            return left, right
        if {by_uid[u].day for u in dated_left} & {by_uid[u].day for u in dated_right}:
            return left, right
        return dated_left, dated_right

    def _vote(x: int, y: int, group_of_y: list[int]) -> float:
        # a source's report joins its own thread through the closest of its reports there (the toll update
        # it led to), not only through its latest (a weekly roundup restating the incident in passing)
        source = by_uid[x].source
        if source is not None and source == by_uid[y].source:
            return max(probability.get((min(x, z), max(x, z)), 0.0) for z in group_of_y if by_uid[z].source == source)
        return probability.get((min(x, y), max(x, y)), 0.0)

    linked = set()
    for a, b in sorted(same):
        if a in parent and b in parent and try_merge(a, b, forced=True):
            linked.add((min(a, b), max(a, b)))
    ordered = sorted(pairs, key=lambda p: (-p.match_probability, p.uid_a, p.uid_b))
    for pair in ordered:
        if pair.match_probability < threshold:
            break
        if find(pair.uid_a) != find(pair.uid_b) and not cohesive(pair.uid_a, pair.uid_b):
            continue
        if try_merge(pair.uid_a, pair.uid_b, forced=False):
            linked.add((pair.uid_a, pair.uid_b))
    clusters = sorted(sorted(group) for group in members.values())
    return Clustering(clusters=clusters, linked_pairs=linked)


@dataclass
class WindowedLinks:
    clustering: Clustering
    pairs: list[PairScore]  # those scored at least ``keep``
    scored: int  # all pairs scored


def link_windows(
    reports: Sequence[Report],
    *,
    same: Iterable[tuple[int, int]] = (),
    different: Iterable[tuple[int, int]] = (),
    keep: float = 0.0,
    window_months: int | None = WINDOW_MONTHS,
    threshold: float = LINK_PROBABILITY,
) -> WindowedLinks:
    """Score window by window (:func:`score_windows`) and cluster each group
    of reports as soon as no later window can reach it, keeping only the
    pairs scored at least ``keep``: the clusters are those of :func:`cluster`
    over the whole store, while memory follows a window.

    Clustering one group needs only the pairs inside it, and a group (reports
    joined by pairs at the link threshold or by a person's "same") is final
    once its latest report is older than the next window: later windows pair
    only later reports."""
    same = list(same)
    groups = _Groups(reports)
    for a, b in same:
        groups.join(a, b)
    ordered = sorted(reports, key=lambda r: r.day)
    settled = 0  # reports of ordered whose day a window has passed
    waiting: list[Report] = []  # those whose group may still grow
    pending: list[PairScore] = []  # pairs with both reports waiting
    out = WindowedLinks(Clustering([], set()), [], 0)
    for last, pairs in [*score_windows(reports, window_months=window_months), (math.inf, [])]:
        out.scored += len(pairs)
        for pair in pairs:
            if pair.match_probability >= threshold:
                groups.join(pair.uid_a, pair.uid_b)
        while settled < len(ordered) and ordered[settled].day <= last:
            waiting.append(ordered[settled])
            settled += 1
        done = [r for r in waiting if not groups.reach_past(r.uid, last)]
        waiting = [r for r in waiting if groups.reach_past(r.uid, last)]
        done_uids = {r.uid for r in done}
        inside, still = [], []
        for pair in [*pending, *pairs]:
            if groups.reach_past(pair.uid_a, last) and groups.reach_past(pair.uid_b, last):
                still.append(pair)
                continue
            if pair.uid_a in done_uids and pair.uid_b in done_uids:  # else two groups that never meet
                inside.append(pair)
            if pair.match_probability >= keep:
                out.pairs.append(pair)
        pending = still
        result = cluster(done, inside, same=same, different=different, threshold=threshold)
        out.clustering.clusters.extend(result.clusters)
        out.clustering.linked_pairs |= result.linked_pairs
    out.clustering.clusters.sort()
    return out


class _Groups:
    """Union-find over report uids that knows each group's latest day."""

    def __init__(self, reports: Sequence[Report]):
        self.parent = {r.uid: r.uid for r in reports}
        self.latest = {r.uid: r.day for r in reports}

    def find(self, uid: int) -> int:
        parent = self.parent
        while parent[uid] != uid:
            parent[uid] = parent[parent[uid]]
            uid = parent[uid]
        return uid

    def join(self, a: int, b: int) -> None:
        if a not in self.parent or b not in self.parent:
            return
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.latest[root_a] = max(self.latest[root_a], self.latest[root_b])

    def reach_past(self, uid: int, day: float) -> bool:
        return self.latest[self.find(uid)] > day
