"""Ground-truth simulator for reconciliation benchmarks.

Simulates incidents over a region and period, reported by several sources
with different coverage, delays, reliability grades and habits: spelling
variants of places, "at least" and vague numbers, death tolls that rise in a
later report, daily round-ups that carry several incidents, and monthly
cumulative bulletins. Writes every report as monitor-style text (our own
templates) and keeps the truth: which incident each report describes, and
the facts a perfect extractor would read from it.

    python bench/simulate.py --incidents 3000 --out /tmp/sim   # writes reports.jsonl + truth.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

# (name, spelling variants, admin1, admin2, lat, lon): a made-up but plausible world
TOWNS = [
    ("Hajin", ["Hajjin", "Hajeen"], "Deir ez-Zor", "Abu Kamal", 34.69, 40.83),
    ("Al-Susah", ["al-Soussa", "As Susah"], "Deir ez-Zor", "Abu Kamal", 34.53, 40.96),
    ("Al-Baghuz", ["Baghouz", "al-Bagouz"], "Deir ez-Zor", "Abu Kamal", 34.46, 40.95),
    ("Al-Shafah", ["al-Sha'afah", "Ash Shaafa"], "Deir ez-Zor", "Abu Kamal", 34.60, 40.88),
    ("Al-Mayadin", ["Mayadeen", "al-Mayadeen"], "Deir ez-Zor", "Al-Mayadin", 35.02, 40.45),
    ("Thiban", ["Dhiban", "Theban"], "Deir ez-Zor", "Al-Mayadin", 35.00, 40.50),
    ("Al-Busayrah", ["al-Busaira", "Busayra"], "Deir ez-Zor", "Deir ez-Zor", 35.15, 40.43),
    ("Hasakah", ["al-Hasakah", "Hassakeh"], "Al-Hasakah", "Al-Hasakah", 36.50, 40.75),
    ("Qamishli", ["Qamishlo", "al-Qamishli"], "Al-Hasakah", "Qamishli", 37.05, 41.23),
    ("Ras al-Ain", ["Ras al-Ayn", "Ras al-Ein"], "Al-Hasakah", "Ras al-Ain", 36.85, 40.07),
    ("Tal Tamr", ["Tell Tamer", "Tal Tamer"], "Al-Hasakah", "Al-Hasakah", 36.65, 40.37),
    ("Raqqa", ["al-Raqqah", "Ar-Raqqa"], "Ar-Raqqah", "Ar-Raqqah", 35.95, 39.01),
    ("Tabqa", ["al-Tabqa", "Tabaqa"], "Ar-Raqqah", "Ath-Thawrah", 35.84, 38.55),
    ("Ain Issa", ["Ein Issa", "Ayn Issa"], "Ar-Raqqah", "Tell Abyad", 36.39, 38.86),
    ("Tal Abyad", ["Tell Abyad", "Tal Abiad"], "Ar-Raqqah", "Tell Abyad", 36.70, 38.95),
    ("Manbij", ["Menbij", "Minbij"], "Aleppo", "Manbij", 36.53, 37.95),
    ("Al-Bab", ["al-Bab", "Bab"], "Aleppo", "Al-Bab", 36.37, 37.52),
    ("Azaz", ["A'zaz", "Aazaz"], "Aleppo", "Azaz", 36.59, 37.05),
    ("Afrin", ["Efrin", "Afreen"], "Aleppo", "Afrin", 36.51, 36.87),
    ("Atarib", ["al-Atarib", "al-Atareb"], "Aleppo", "Jebel Saman", 36.14, 36.83),
    ("Daret Azza", ["Darat Izza", "Daret Izza"], "Aleppo", "Jebel Saman", 36.28, 36.85),
    ("Saraqib", ["Saraqeb", "Sraqib"], "Idlib", "Idlib", 35.86, 36.80),
    ("Ariha", ["Areeha", "Arihah"], "Idlib", "Ariha", 35.81, 36.61),
    ("Maarat al-Numan", ["Maarrat al-Nu'man", "Ma'arrat al-Numan"], "Idlib", "Maarrat al-Nu'man", 35.65, 36.67),
    ("Kafr Nubl", ["Kafranbel", "Kafr Nabl"], "Idlib", "Maarrat al-Nu'man", 35.61, 36.56),
    ("Khan Shaykhun", ["Khan Sheikhoun", "Khan Shaykhoun"], "Idlib", "Maarrat al-Nu'man", 35.44, 36.65),
    ("Jisr al-Shughur", ["Jisr ash-Shughur", "Jisr al-Shoghour"], "Idlib", "Jisr al-Shughur", 35.81, 36.32),
    ("Sarmada", ["Sarmadah", "Sarmeda"], "Idlib", "Harim", 36.18, 36.72),
    ("Al-Latamnah", ["Latamneh", "al-Lataminah"], "Hama", "Muhradah", 35.32, 36.62),
    ("Kafr Zita", ["Kafrzita", "Kafr Zeita"], "Hama", "Muhradah", 35.37, 36.60),
    ("Morek", ["Murak", "Mork"], "Hama", "Hama", 35.38, 36.70),
    ("Talbiseh", ["Talbisah", "Talbisa"], "Homs", "Ar-Rastan", 34.84, 36.73),
    ("Al-Rastan", ["Rastan", "ar-Rastan"], "Homs", "Ar-Rastan", 34.93, 36.73),
    ("Palmyra", ["Tadmur", "Tadmor"], "Homs", "Tadmur", 34.56, 38.28),
    ("Al-Sukhnah", ["Sukhnah", "al-Sukhna"], "Homs", "Tadmur", 34.90, 38.87),
    ("Douma", ["Duma", "Doumah"], "Rif Dimashq", "Douma", 33.57, 36.40),
    ("Harasta", ["Harastah", "Harasta"], "Rif Dimashq", "Douma", 33.56, 36.36),
    ("Daraa", ["Deraa", "Dara'a"], "Daraa", "Daraa", 32.62, 36.10),
    ("Nawa", ["Nawa", "Nawaa"], "Daraa", "Izra'", 32.89, 36.04),
    ("Busra al-Sham", ["Bosra", "Busra ash-Sham"], "Daraa", "Daraa", 32.52, 36.48),
]

KINDS = {
    # kind: (event_type, sub_event_type, perpetrators, victims, targets)
    "airstrike": ("Explosions/Remote violence", "Air/drone strike", ["Syrian regime forces", "Russian forces", "International Coalition"], "civilians",
                  ["a market", "a residential building", "a school", "a bakery", "a mosque", "a hospital", "a car", "a farm"]),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack", ["Syrian regime forces", "Turkish forces", "SDF"], "civilians",
                 ["the town centre", "a residential neighbourhood", "a camp for displaced people", "farmland", "a school"]),
    "clash": ("Battles", "Armed clash", ["ISIS", "SDF", "HTS", "Syrian regime forces"], "combatants",
              ["a military position", "a checkpoint", "the outskirts", "a hilltop"]),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED", ["ISIS"], "civilians",
            ["a vegetable market", "a bus", "a checkpoint", "a car park"]),
    "execution": ("Violence against civilians", "Attack", ["ISIS", "HTS"], "civilians", ["the main square", "a prison"]),
}  # fmt: skip
OPPONENT = {"ISIS": "SDF", "SDF": "ISIS", "HTS": "Syrian regime forces", "Syrian regime forces": "HTS"}
PERP_TEXT = {
    "Syrian regime forces": ["regime", "Syrian regime", "government"],
    "Russian forces": ["Russian", "Russian"],
    "International Coalition": ["International Coalition", "US-led coalition"],
    "Turkish forces": ["Turkish", "Turkish army"],
    "SDF": ["SDF", "Syrian Democratic Forces"],
    "ISIS": ["ISIS", "the Islamic State"],
    "HTS": ["HTS", "Hayat Tahrir al-Sham"],
}


@dataclass
class SourceProfile:
    name: str
    grade: str
    coverage: float
    delay: tuple[int, int]
    updates: float  # chance of publishing a toll update when its first count was low
    lower_bound: float  # chance of writing "at least N"
    vague: float  # chance of a vague quantity ("dozens") when the count allows it
    variants: float  # chance of a spelling variant of the place
    relative_dates: float


SOURCES = [
    SourceProfile("Observatory North", "B", 0.80, (0, 1), 0.8, 0.35, 0.00, 0.1, 0.5),
    SourceProfile("Civil Network", "C", 0.55, (1, 3), 0.5, 0.50, 0.15, 0.5, 0.2),
    SourceProfile("Local Coordination", "D", 0.40, (0, 2), 0.3, 0.30, 0.30, 0.7, 0.3),
    SourceProfile("Field Agency", "B", 0.30, (1, 4), 0.6, 0.10, 0.00, 0.3, 0.0),
]


@dataclass
class Incident:
    id: int
    day: date
    town: int
    kind: str
    perpetrator: str
    victims: str
    affiliation: str | None
    killed: int
    children: int
    target: str


@dataclass
class Mention:
    """What one report says about one incident: the truth a perfect extractor reads."""

    incident: int
    count: int
    qualifier: str  # exact | at_least | vague
    children: int | None
    place_text: str
    update: bool = False


@dataclass
class SimDocument:
    id: str
    source: str
    published: date
    text: str
    mentions: list[Mention] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # each mention's sentence in text


def simulate_incidents(n: int, start: date, days: int, rng: random.Random) -> list[Incident]:
    incidents = []
    kinds = list(KINDS)
    weights = [0.35, 0.25, 0.25, 0.1, 0.05]
    for i in range(n):
        kind = rng.choices(kinds, weights)[0]
        event_type, sub, perps, victims, targets = KINDS[kind]
        perpetrator = rng.choice(perps)
        killed = max(1, min(120, int(rng.paretovariate(1.3))))
        if rng.random() < 0.1:
            killed += rng.randint(10, 40)
        children = rng.randint(0, killed // 2) if victims == "civilians" and killed >= 3 and rng.random() < 0.3 else 0
        affiliation = OPPONENT.get(perpetrator) if victims == "combatants" else None
        incidents.append(Incident(i, start + timedelta(days=rng.randrange(days)), rng.randrange(len(TOWNS)), kind, perpetrator,
                                  victims, affiliation, killed, children, rng.choice(targets)))  # fmt: skip
    return incidents


def _date_phrase(day: date, published: date, profile: SourceProfile, rng: random.Random) -> str:
    delta = (published - day).days
    if delta == 0 and rng.random() < profile.relative_dates:
        return "today"
    if delta == 1 and rng.random() < profile.relative_dates:
        return "yesterday"
    style = rng.randrange(3)
    if style == 0:
        return f"on {day:%A}, {day.day} {day:%B %Y}"
    if style == 1:
        suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
        return f"on the {day.day}{suffix} of {day:%B %Y}"
    return f"on {day:%B} {day.day}, {day.year}"


def _count_phrase(count: int, qualifier: str) -> str:
    if qualifier == "vague":
        return "dozens of"
    return f"at least {count}" if qualifier == "at_least" else str(count)


def sentence(incident: Incident, mention: Mention, published: date, profile: SourceProfile, rng: random.Random) -> str:
    """One report of one incident in a monitor's style."""
    town = TOWNS[incident.town]
    when = _date_phrase(incident.day, published, profile, rng)
    perp = rng.choice(PERP_TEXT[incident.perpetrator])
    n = _count_phrase(mention.count, mention.qualifier)
    kids = (f", including {mention.children} children," if mention.children > 1 else ", including a child,") if mention.children else ""
    place = f"{mention.place_text} in the {town[2]} countryside" if rng.random() < 0.5 else f"{mention.place_text}, {town[2]} province"
    text = _sentence_text(incident, mention, when, perp, n, kids, place, rng)
    if mention.count == 1 and mention.qualifier == "exact":
        text = text.replace("1 civilians were", "One civilian was").replace("executed 1 civilians", "executed a civilian")
        text = re.sub(r"^1 fighters of the (.+?) were killed", r"One fighter of the \1 was killed", text)
    return text[0].upper() + text[1:]


def _sentence_text(incident: Incident, mention: Mention, when: str, perp: str, n: str, kids: str, place: str, rng: random.Random) -> str:
    if mention.update:
        return (f"The death toll of the {perp} attack on {incident.target} in {mention.place_text} {when} has risen to "
                f"{mention.count} {'people' if incident.victims == 'civilians' else 'fighters'}{kids or ','} after more bodies were recovered.")  # fmt: skip
    if incident.kind == "airstrike":
        return f"{n} civilians{kids} were killed {when} when {perp} warplanes struck {incident.target} in {place}."
    if incident.kind == "shelling":
        return f"{n} civilians{kids} were killed {when} by {perp} artillery shelling on {incident.target} in {place}."
    if incident.kind == "clash":
        return (f"{n} fighters of the {rng.choice(PERP_TEXT[incident.affiliation])} were killed {when} in clashes with "
                f"{perp} fighters near {incident.target} in {place}.")  # fmt: skip
    if incident.kind == "ied":
        return f"{n} civilians{kids} were killed {when} when an explosive device planted by {perp} went off near {incident.target} in {place}."
    return f"{perp} executed {n} civilians {when} in {incident.target} of {place}, on charges of dealing with their opponents."


def report_mentions(incident: Incident, profile: SourceProfile, rng: random.Random) -> list[tuple[int, Mention]]:
    """(delay in days, mention) for a source that covers the incident: a first
    report, and maybe a later "toll rises" update."""
    town = TOWNS[incident.town]
    place = rng.choice(town[1]) if rng.random() < profile.variants else town[0]
    truth = incident.killed
    first = truth if rng.random() < 0.7 else max(1, int(truth * rng.uniform(0.4, 0.95)))
    qualifier = "exact"
    if first >= 12 and rng.random() < profile.vague:
        qualifier, first = "vague", 12 if first < 100 else first
    elif rng.random() < profile.lower_bound:
        qualifier = "at_least"
    kids = incident.children if incident.children and incident.children <= first and rng.random() < 0.8 else None
    delay = rng.randint(*profile.delay)
    out = [(delay, Mention(incident.id, first, qualifier, kids, place))]
    if first < truth and rng.random() < profile.updates:
        out.append((delay + rng.randint(1, 3), Mention(incident.id, truth, "exact", incident.children or None, place, update=True)))
    return out


def simulate(n_incidents: int = 3000, *, start: date = date(2021, 1, 1), days: int = 180, seed: int = 7) -> tuple[list[Incident], list[SimDocument]]:
    incidents, documents = simulate_stream(n_incidents, start=start, days=days, seed=seed)
    return incidents, list(documents)


def simulate_stream(n_incidents: int = 3000, *, start: date = date(2021, 1, 1), days: int = 180,
                    seed: int = 7) -> tuple[list[Incident], Iterator[SimDocument]]:  # fmt: skip
    """:func:`simulate`'s incidents, and its documents one at a time in the
    same order (the texts of a million documents are most of its memory)."""
    rng = random.Random(seed)
    incidents = simulate_incidents(n_incidents, start, days, rng)
    return incidents, _documents(incidents, start, days, rng)


def _documents(incidents: list[Incident], start: date, days: int, rng: random.Random) -> Iterator[SimDocument]:
    pending: dict[tuple[str, date], list[Mention]] = {}
    for incident in incidents:
        covering = [p for p in SOURCES if rng.random() < p.coverage] or [SOURCES[0]]
        for profile in covering:
            for delay, mention in report_mentions(incident, profile, rng):
                pending.setdefault((profile.name, incident.day + timedelta(days=delay)), []).append(mention)
    profiles = {p.name: p for p in SOURCES}
    by_id = {i.id: i for i in incidents}
    made = 0
    for source, published in sorted(pending, key=lambda k: (k[1], k[0])):
        mentions = pending.pop((source, published))  # let go of what was written
        rng.shuffle(mentions)
        while mentions:  # round-ups of up to 3 incidents in different towns, else one report each
            size = 1 if rng.random() < 0.75 else rng.randint(2, 3)
            group, mentions = mentions[:size], mentions[size:]
            towns = {by_id[m.incident].town for m in group}
            if len(towns) < len(group):
                mentions = group[1:] + mentions
                group = group[:1]
            text = f"{source}: daily report\n\n" if len(group) > 1 else ""
            spans = []
            for m in group:
                piece = sentence(by_id[m.incident], m, published, profiles[source], rng)
                spans.append((len(text), len(text) + len(piece)))
                text += piece + " "
            yield SimDocument(f"{source[:3].lower()}-{published:%Y%m%d}-{made}", source, published, text.strip(), group, [], spans)
            made += 1
    yield from monthly_bulletins(incidents, start, days)


def monthly_bulletins(incidents: list[Incident], start: date, days: int) -> list[SimDocument]:
    """The first source's cumulative monthly totals per governorate (true sums)."""
    out = []
    month = date(start.year, start.month, 1)
    end = start + timedelta(days=days)
    while month < end:
        following = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        for admin1 in sorted({t[2] for t in TOWNS}):
            scope = [i for i in incidents if month <= i.day < following and TOWNS[i.town][2] == admin1 and i.victims == "civilians"]
            if not scope:
                continue
            total, kids = sum(i.killed for i in scope), sum(i.children for i in scope)
            text = (f"Monthly toll: the Observatory North documented the death of {total} civilians in {admin1} province "
                    f"in {month:%B %Y}, including {kids} children.")  # fmt: skip
            claim = {"admin1": admin1, "period": [month.isoformat(), (following - timedelta(days=1)).isoformat()], "civilians": total, "children": kids}
            out.append(SimDocument(f"obs-bulletin-{month:%Y%m}-{admin1}", "Observatory North", following, text, [], [claim]))
        month = following
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("/tmp/marsad-sim"))
    args = parser.parse_args()
    incidents, documents = simulate(args.incidents, seed=args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "reports.jsonl").open("w", encoding="utf-8") as handle:
        for d in documents:
            handle.write(json.dumps({"id": d.id, "text": d.text, "published": d.published.isoformat(), "source": d.source}) + "\n")
    truth = {"incidents": [asdict(i) | {"day": i.day.isoformat()} for i in incidents],
             "documents": {d.id: [asdict(m) for m in d.mentions] for d in documents}}  # fmt: skip
    (args.out / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    print(f"{len(incidents)} incidents, {len(documents)} documents → {args.out}")


if __name__ == "__main__":
    main()
