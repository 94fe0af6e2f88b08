"""Other spellings of a governorate's or district's name that reports write
(:func:`marsad.gazetteer.admin.unit_name_variants`)."""

from __future__ import annotations

from marsad.gazetteer.admin import unit_name_variants


def test_the_direction_word_is_given_in_its_other_english_form():
    assert unit_name_variants("Western Equatoria") == ["West Equatoria"]
    assert unit_name_variants("South Kivu") == ["South Kivu", "Southern Kivu"][1:]


def test_a_translated_direction_word_is_given_in_english():
    assert set(unit_name_variants("Shamal Kurdufan")) == {"North Kurdufan", "Northern Kurdufan"}
    assert "North Kivu" in unit_name_variants("Nord Kivu")


def test_a_name_that_is_all_directions_gets_no_variant():
    assert unit_name_variants("Sud-Ouest") == [] and unit_name_variants("North West") == []


def test_doubled_vowels_are_written_once_only_where_the_spelling_doubles_long_vowels():
    assert unit_name_variants("Lower Shabeelle", "SO") == ["Lower Shabelle"]
    assert unit_name_variants("Seenu", "MV") == []


def test_a_plain_name_has_no_variant():
    assert unit_name_variants("Kebbi") == []
