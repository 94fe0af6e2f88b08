"""The language gate never refuses English and refuses clear foreign-language text."""

from pathlib import Path

import pytest

from marsad.ingest.clean import detect_language
from marsad.ingest.language import assess_language

ONE_LINERS = [line.strip() for line in (Path(__file__).parent / "data" / "english_one_liners.txt").read_text(
    encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def test_no_short_english_report_is_refused():
    assert len(ONE_LINERS) >= 250
    refused = [(line, assess_language(line)) for line in ONE_LINERS if assess_language(line).refused]
    assert refused == []
    assert all(detect_language(line) == "en" for line in ONE_LINERS)


def test_longer_english_reports_are_plainly_english():
    text = ("On 3 May 2023, gunmen attacked the village of Tungan Maje and killed eleven farmers, "
            "according to residents. Police said the attackers escaped into the forest.")
    assert assess_language(text).english == "yes"


@pytest.mark.parametrize("text, language", [
    ("Des manifestants ont bloqué la route nationale pour protester contre la hausse des prix du carburant.", "fr"),
    ("Les forces de sécurité ont dispersé les manifestants avec des gaz lacrymogènes dans la capitale.", "fr"),
    ("Los manifestantes bloquearon la carretera para exigir la liberación de los detenidos.", "es"),
    ("Un grupo armado atacó la comisaría y mató a dos policías en la madrugada del lunes.", "es"),
    ("Os manifestantes foram dispersados pela polícia com gás lacrimogêneo no centro da cidade.", "pt"),
    ("Centinaia di persone hanno manifestato davanti al municipio contro la chiusura della fabbrica.", "it"),
    ("Die Polizei hat die Demonstration in der Innenstadt aufgelöst, mehrere Menschen wurden verletzt.", "de"),
    ("Göstericiler şehir merkezinde toplandı ve polis biber gazı ile müdahale etti.", "tr"),
    ("Ratusan warga melakukan aksi unjuk rasa di depan kantor bupati untuk menuntut kenaikan upah.", "id"),
    ("De politie heeft de betogers uit elkaar gedreven en er werden tien mensen opgepakt.", "nl"),
])
def test_clear_foreign_language_is_refused_and_named(text, language):
    guess = assess_language(text)
    assert guess.refused
    assert guess.language == language


def test_arabic_is_detected_as_arabic():
    guess = assess_language("قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة في ريف إدلب الجنوبي")
    assert (guess.language, guess.refused) == ("ar", True)


def test_other_scripts_are_refused():
    assert assess_language("Военные обстреляли село, погибли три человека.").refused
    assert assess_language("Военные обстреляли село, погибли три человека.").language in {"ru", "uk", "bg"}


def test_english_with_foreign_place_names_is_not_refused():
    for text in ("Protest in Rio de Janeiro and La Paz", "Clashes near Puerto de la Cruz", "Shelling of Ras al-Ain",
                 "Bombing in Ciudad del Este", "Two killed in Santa Cruz de la Sierra riot"):
        assert not assess_language(text).refused, text


def test_unsure_text_is_extracted():
    guess = assess_language("Hajin, Susah, al-Baghuz Fawqani")
    assert guess.english in {"yes", "unsure"}
    assert guess.language == "en"
