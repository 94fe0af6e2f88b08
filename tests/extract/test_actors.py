"""Actor aliases, case rules, anaphora and cross-system names."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from marsad.extract.actors import (
    acled_actor_name,
    actor_key,
    find_actors,
    load_lexicon,
    national_force_name,
    normalise_actor,
    ucdp_side_name,
)


def names(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in find_actors(text)]


@pytest.mark.parametrize(
    "alias, canonical",
    [
        ("Syria Democratic Forces", "SDF"),
        ("Syrian Democratic Forces", "SDF"),
        ("QSD", "SDF"),
        ("Daesh", "ISIS"),
        ("ISIL", "ISIS"),
        ("IS", "ISIS"),
        ("Islamic State", "ISIS"),
        ("US-led coalition", "International Coalition"),
        ("Syrian Arab Army", "Regime forces"),
        ("SAA", "Regime forces"),
        ("government forces", "Military forces"),
        ("Hashd al-Shaabi", "PMF"),
        ("Hay’at Tahrir al-Sham", "HTS"),
        ("Self Defense Forces", "Self-Defense Forces"),
        ("Allied Democratic Forces", "ADF"),
        ("ADF", "ADF"),
        ("M23 rebels", "M23"),
        ("CODECO", "CODECO"),
        ("Boko Haram fighters", "Boko Haram"),
        ("ISWAP", "ISWAP"),
        ("al-Qaeda", "Al Qaeda"),
        ("Al Qaeda in the Arabian Peninsula", "AQAP"),
        ("AQIM", "AQIM"),
        # armed groups of other wars (ACLED's names for them)
        ("Arakan Army", "Arakan Army"),
        ("Kachin Independence Army", "KIA"),
        ("TNLA", "TNLA"),
        ("People's Defense Force", "People's Defence Force"),
        ("Rapid Support Forces", "RSF"),
        ("SPLM-N", "SPLM-N"),
        ("ELN guerrillas", "ELN"),
        ("Pakistani Taliban", "TTP"),
        ("New People's Army", "NPA"),
    ],
)
def test_aliases_resolve_to_their_canonical_actor(alias, canonical):
    assert normalise_actor(alias) == canonical
    mentions = find_actors(f"Reports said {alias} advanced.")
    assert [m.name for m in mentions] == [canonical]
    assert mentions[0].span.text == alias


def test_acronyms_are_case_sensitive_and_respect_word_boundaries():
    assert names("This is the place; ISIS attacked.") == [("ISIS", "ISIS")]
    assert names("the sdf-like groups") == []
    assert names("cells of IS attacked") == [("IS", "ISIS")]


def test_spans_point_into_the_original_text_with_typographic_variants():
    text = "Fighters of the Syria\u00a0Democratic Forces and Hay’at Tahrir al-Sham clashed."
    for mention in find_actors(text):
        assert text[mention.span.start : mention.span.end] == mention.text
    assert [m.name for m in find_actors(text)] == ["SDF", "HTS"]


def test_the_organization_refers_back_only_after_isis_is_named():
    assert names("the organization held a meeting") == []
    found = names("ISIS cells attacked; later the organization withdrew")
    assert found == [("ISIS cells", "ISIS"), ("the organization", "ISIS")]


def test_demonym_forces_name_a_countrys_military():
    mentions = find_actors("Ukrainian troops shelled positions held by Russian forces.")
    assert [m.name for m in mentions] == ["Military Forces of Ukraine", "Russian forces"]
    assert mentions[0].acled_name == "Military Forces of Ukraine"
    assert mentions[1].acled_name == "Military Forces of Russia (2000-)"


def test_class_nouns_used_as_adjectives_are_not_actors():
    assert names("the military operation near the police station") == []


def test_external_names_normalise_to_marsad_names():
    assert normalise_actor("Military Forces of Syria (2000-) 4th Armored Division") == "Regime forces"
    assert normalise_actor("QSD: Syrian Democratic Forces") == "SDF"
    assert normalise_actor("Government of Syria") == "Regime forces"
    assert normalise_actor("Protesters (India)") == "Protesters (India)"
    assert normalise_actor("completely unknown name") is None


def test_class_actors_take_the_events_country_in_exports():
    assert acled_actor_name("Protesters", "India") == "Protesters (India)"
    assert acled_actor_name("Police", "Iraq") == "Police Forces of Iraq"
    assert acled_actor_name("Protesters") == "Protesters"
    assert ucdp_side_name("Regime forces") == "Government of Syria"
    assert actor_key("Military Forces of Russia (2000-) Air Force") == actor_key("military forces of russia")


def test_data_file_has_no_alias_claimed_by_two_actors():
    data = yaml.safe_load(resources.files("marsad.data").joinpath("actors.yaml").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    from marsad.extract.actors import alias_key

    for entry in data["actors"]:
        for alias in entry.get("aliases", []):
            key = alias_key(alias)
            assert seen.setdefault(key, entry["name"]) == entry["name"], f"{alias!r} is claimed twice"
    assert len(load_lexicon().entries) == len(data["actors"])


def test_demonym_forces_use_the_data_files_national_entry_when_there_is_one():
    mentions = find_actors("Israeli missiles struck the airport; Syrian soldiers withdrew; Iraqi police arrived.")
    assert [m.name for m in mentions] == ["Israeli forces", "Regime forces", "Police Forces of Iraq"]


def test_scanning_from_the_first_words_finds_what_a_full_scan_finds(monkeypatch):
    from marsad.extract import casefold
    from marsad.extract.pipeline import DocContext

    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)  # the word index needs a warmed-up process
    lexicon = load_lexicon()
    assert lexicon.first_words is not None and {"islamic", "sdf", "ukrainian", "the"} <= lexicon.first_words
    texts = [
        "Islamic-State fighters and the SDF clashed; later the organization said ISIS lost 3 men.",
        "Ukrainian troops shelled a police station, and Burkinabè forces arrived. IS, SAA and isis.",
        "xISIS ISISx Daesh's cells, al-Shabaab and Al Shabaab, Hay'at Tahrir al-Sham near the military base",
    ]
    for text in texts:
        ctx = DocContext(text=text)
        starts = ctx.word_starts(lexicon.first_words)
        assert starts is not None
        shown = [(m.span.start, m.span.end, m.name, m.rule) for m in lexicon.find(ctx.norm, starts)]
        assert shown and shown == [(m.span.start, m.span.end, m.name, m.rule) for m in lexicon.find(ctx.norm)]


def test_a_congolese_group_says_which_country_a_report_is_in():
    from marsad.extract.actors import home_countries

    assert home_countries(find_actors("Suspected ADF rebels raided a village overnight.")) == {"CD"}
    assert home_countries(find_actors("Boko Haram fighters stormed a market.")) == {"NG"}


def test_a_countrys_army_named_as_a_class_is_its_data_file_entry():
    # "army units" in a report placed in Iraq and "Iraqi soldiers" in another are one actor
    assert national_force_name("Military Forces of Iraq") == names("Iraqi soldiers fired on the crowd.")[0][1]
    assert national_force_name("Hamas") == "Hamas"
