"""The shipped gazetteer: OCHA's Syrian communities, matched through their
Arabic names, with admin-1/2/3, and the seed bulletin resolved without imports."""

from __future__ import annotations

import json

from marsad.extract.main_place import main_place
from marsad.extract.pipeline import DocContext
from marsad.extract.places import find_places
from marsad.gazetteer.keys import place_key
from marsad.gazetteer.resolve import Context, haversine_km, rank


def test_ocha_spellings_meet_the_reports_through_the_arabic_name(small_gazetteer):
    deir = Context(document_admin1={"SY.07"})
    for report, ocha in (("Al-Susah", "Sosa"), ("Al-Sha'afah", "Shafa"), ("al-Marashdah", "Marashdeh"),
                         ("Albu Badran", "Bubadran"), ("Al-Baghuz Foqani", "Upper Baguz")):
        best = rank(small_gazetteer, report, deir)[0].place
        assert best.id.startswith("ocha:") and best.admin1 == "Deir ez-Zor", (report, best)
        assert place_key(best.name) == place_key(ocha) or best.name == "Al Bou Badran", (report, best.name)
        assert best.admin2 == "Abu Kamal" and best.admin3 == "Susat"


def test_every_shipped_community_knows_its_governorate_district_and_subdistrict(small_gazetteer):
    rows = small_gazetteer.connection.execute(
        "SELECT COUNT(*), SUM(admin1 IS NULL OR admin1_code IS NULL OR admin2 IS NULL OR admin3 IS NULL) "
        "FROM bundled.places WHERE id LIKE 'ocha:%'"
    ).fetchone()
    assert rows == (7266, 0)


def test_districts_are_areas_not_town_points(small_gazetteer):
    ctx = DocContext(text="Shelling hit the Abu Kamal district of Deir ez-Zor and Syria's east.")
    mentions = {m.text: m for m in find_places(ctx, small_gazetteer)}
    district = mentions["Abu Kamal"]
    assert district.feature == "admin2" and (district.geo_precision, district.where_prec) == (2, 3)
    country = mentions["Syria"]
    assert country.feature == "country" and (country.geo_precision, country.where_prec) == (3, 6)


def test_a_country_alone_gives_no_event_point(small_gazetteer):
    ctx = DocContext(text="Clashes were reported across Syria on Monday.")
    mentions = find_places(ctx, small_gazetteer)
    chosen = main_place(mentions, small_gazetteer, text=ctx.text)
    assert chosen is not None and chosen.feature == "country" and chosen.where_prec == 6


def test_seed_gold_places_resolve_within_10_km_with_their_governorate(small_gazetteer, shared_dir, seed_text):
    """Villages included, with only the bundled (shipped) gazetteer: a place with
    gold coordinates resolves within 10 km; every mention carries its governorate."""
    gold = json.loads((shared_dir / "seed" / "000_630b495d26aa50f8.gold.json").read_text(encoding="utf-8"))
    mentions = find_places(DocContext(text=seed_text), small_gazetteer)
    placed = 0
    for place in gold["places"]:
        keys = {place_key(name) for name in [place["name"], *place.get("also", [])]}
        found = [m for m in mentions if place_key(m.text) in keys]
        assert found, f"{place['name']} not found in the text"
        for mention in found:
            assert place_key(mention.admin1 or "") == place_key(place["admin1"]), (mention.text, mention.admin1)
            if "lat" in place:
                assert mention.resolved, mention
                distance = haversine_km(mention.latitude, mention.longitude, place["lat"], place["lon"])
                assert distance <= 10, (mention.text, mention.name, distance)
                placed += 1
    assert placed >= 12


def test_of_same_named_villages_the_seat_of_the_district_is_meant(small_gazetteer):
    # OCHA gives no populations: Ras al-Ain of Al-Hasakah (a district seat), not the villages of Hama and Idlib
    best = rank(small_gazetteer, "Ras al-Ain", Context(countries={"SY"}))[0].place
    assert (best.admin1, best.admin2) == ("Al-Hasakah", "Ras Al Ain")
