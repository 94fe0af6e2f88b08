"""Importers: GeoNames dumps, OCHA tables, coded archives; errors and idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.errors import InputError
from marsad.gazetteer.importers import import_files
from marsad.gazetteer.index import Gazetteer

OCHA_HEADER = "admin0Pcode,admin1Name_en,admin1Pcode,admin2Name_en,admin4Name_en,admin4Name_ar,admin4Pcode,latitude,longitude\n"
# Written by hand for these tests (names and rounded points of three villages).
OCHA_ROWS = [
    "SY,Deir-ez-Zor,SY09,Abu Kamal,Al Bukhatir,البخاتر,SY090201T01,34.512,40.946\n",
    "SY,Deir-ez-Zor,SY09,Abu Kamal,Ash Shafah,الشعفة,SY090201T02,34.561,40.902\n",
    "SY,Ar-Raqqa,SY11,Tell Abiad,Ayn Issa,عين عيسى,SY110200T01,36.386,38.861\n",
]


@pytest.fixture
def geonames_file(shared_dir) -> Path:
    return shared_dir / "data" / "geonames-sy-iq" / "cities500_SY_IQ.txt"


@pytest.fixture
def ucdp_file(shared_dir) -> Path:
    return shared_dir / "data" / "ucdp-ged-syria-2016" / "events.csv"


@pytest.fixture
def user_index(tmp_path) -> Path:
    return tmp_path / "user.sqlite"


def _open(user_index, bundled=None) -> Gazetteer:
    return Gazetteer(user_index, bundled, bundled=bundled is not None)


def _counts(user_index) -> tuple[int, int, int]:
    gazetteer = _open(user_index)
    try:
        connection = gazetteer.connection
        return tuple(connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("places", "names", "imports"))
    finally:
        gazetteer.close()


def test_geonames_dump_imports_every_row_with_arabic_names(geonames_file, user_index):
    rows = len(geonames_file.read_text(encoding="utf-8").splitlines())
    (report,) = import_files([str(geonames_file)], layout="geonames", index_path=user_index)
    assert report.places == rows and not report.skipped
    gazetteer = _open(user_index)
    (hajin,) = gazetteer.by_name("Hajjin")
    assert hajin.admin1 == "Deir ez-Zor" and hajin.country == "SY" and hajin.source == "geonames"
    assert gazetteer.by_name("هجين")[0].id == hajin.id
    (ramadi,) = gazetteer.by_name("Ramadi")
    assert ramadi.admin1 == "Anbar" and ramadi.country == "IQ"


def test_reimporting_the_same_file_changes_nothing(geonames_file, user_index):
    import_files([str(geonames_file)], layout="geonames", index_path=user_index)
    before = _counts(user_index)
    (again,) = import_files([str(geonames_file)], layout="geonames", index_path=user_index)
    assert again.skipped
    assert _counts(user_index) == before


def test_truncated_geonames_line_names_file_and_line_and_keeps_earlier_imports(geonames_file, user_index, tmp_path):
    import_files([str(geonames_file)], layout="geonames", index_path=user_index)
    before = _counts(user_index)
    lines = geonames_file.read_text(encoding="utf-8").splitlines(keepends=True)[:20]
    broken = tmp_path / "SY.txt"
    broken.write_text("".join(lines[:19]) + lines[19][: len(lines[19]) // 2], encoding="utf-8")
    with pytest.raises(InputError) as error:
        import_files([str(broken)], layout="geonames", index_path=user_index)
    assert f"{broken}:20" in str(error.value) and "19 tab-separated" in str(error.value)
    assert _counts(user_index) == before


def test_broken_coordinate_names_line_and_column(geonames_file, tmp_path, user_index):
    cells = geonames_file.read_text(encoding="utf-8").splitlines()[0].split("\t")
    cells[4] = "north"
    broken = tmp_path / "bad.txt"
    broken.write_text("\t".join(cells) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.txt:1: column 5 \(latitude\): 'north'"):
        import_files([str(broken)], layout="geonames", index_path=user_index)
    assert _counts(user_index) == (0, 0, 0)


def test_wrong_layout_is_named(geonames_file, ucdp_file, user_index):
    with pytest.raises(InputError, match="is this a CSV"):
        import_files([str(ucdp_file)], layout="geonames", index_path=user_index)
    with pytest.raises(InputError, match="missing column"):
        import_files([str(geonames_file)], layout="ucdp", index_path=user_index)
    with pytest.raises(InputError, match="not a acled table: missing column"):
        import_files([str(ucdp_file)], layout="acled", index_path=user_index)


def test_ucdp_archive_teaches_places_with_their_governorate(ucdp_file, user_index):
    (report,) = import_files([str(ucdp_file)], layout="ucdp", index_path=user_index)
    assert report.places > 500
    gazetteer = _open(user_index)
    ein_issa = gazetteer.by_name("Ein Issa")
    assert "Ar-Raqqah" in {p.admin1 for p in ein_issa}  # and "Isa Binar/Ayn Isa" in Latakia
    assert all(p.feature != "admin1" for p in gazetteer.by_name("Aleppo Governorate"))
    assert not gazetteer.by_name("Syria")  # where_prec 6 rows are not places
    assert max(p.weight for p in gazetteer.by_name("Aleppo")) > 100
    kobane = [p for p in gazetteer.by_name("Kobane") if p.source == "ucdp"]
    assert kobane and kobane[0].id in {p.id for p in gazetteer.by_name("Ayn al Arab")}


def test_acled_layout_learns_locations(tmp_path, user_index):
    archive = tmp_path / "acled.csv"
    archive.write_text(
        "event_id_cnty,country,admin1,admin2,location,latitude,longitude,geo_precision\n"
        "SYR1,Syria,Deir-ez-Zor,Abu Kamal,Hajin,34.6951,40.8314,1\n"
        "SYR2,Syria,Deir-ez-Zor,Abu Kamal,Hajin,34.6951,40.8314,1\n"
        "SYR3,Syria,Deir-ez-Zor,Abu Kamal,Deir-ez-Zor countryside,35.0,40.5,3\n"
        "IRQ1,Iraq,Anbar,Ru'ua,Rawa,34.4796,41.9095,2\n",
        encoding="utf-8",
    )
    (report,) = import_files([str(archive)], layout="acled", index_path=user_index)
    assert report.places == 2
    gazetteer = _open(user_index)
    (hajin,) = gazetteer.by_name("Hajjin")
    assert (hajin.weight, hajin.admin1, hajin.admin1_code, hajin.country) == (2, "Deir ez-Zor", "SY.07", "SY")
    assert gazetteer.by_name("Rawah")[0].admin1 == "Anbar"


def test_ocha_layout_reads_english_arabic_and_pcodes(tmp_path, user_index):
    table = tmp_path / "syr_pplp.csv"
    table.write_text(OCHA_HEADER + "".join(OCHA_ROWS), encoding="utf-8")
    (report,) = import_files([str(table)], layout="ocha", index_path=user_index)
    assert report.places == 3
    gazetteer = _open(user_index)
    (bukhatir,) = gazetteer.by_name("Al-Bukhatir")
    assert bukhatir.id == "ocha:SY090201T01" and bukhatir.admin1 == "Deir ez-Zor" and bukhatir.admin2 == "Abu Kamal"
    assert gazetteer.by_name("البخاتر")[0].id == bukhatir.id
    assert gazetteer.by_name("Al-Sha'afah")[0].id == "ocha:SY090201T02"


def test_ocha_bad_row_stops_the_file_and_imports_none_of_it(tmp_path, user_index):
    table = tmp_path / "syr_pplp.csv"
    bad = OCHA_ROWS[1].replace("34.561", "3x.5")
    table.write_text(OCHA_HEADER + OCHA_ROWS[0] + bad + OCHA_ROWS[2], encoding="utf-8")
    with pytest.raises(InputError, match=r"syr_pplp.csv:3: column latitude: '3x.5'"):
        import_files([str(table)], layout="ocha", index_path=user_index)
    assert _counts(user_index) == (0, 0, 0)
    table.write_text(OCHA_HEADER + OCHA_ROWS[0] + OCHA_ROWS[1][:20], encoding="utf-8")
    with pytest.raises(InputError, match=r"syr_pplp.csv:3: expected 9 columns"):
        import_files([str(table)], layout="ocha", index_path=user_index)


def test_cli_import_lookup_stats(tmp_path, small_gazetteer, geonames_file, monkeypatch):
    from marsad.cli import _register_commands, cli

    _register_commands()
    runner = CliRunner()
    result = runner.invoke(cli, ["gazetteer", "import", str(geonames_file)])
    assert result.exit_code == 0, result.output
    assert "434 places" in result.output or "places" in result.output
    result = runner.invoke(cli, ["gazetteer", "import", str(geonames_file)])
    assert "unchanged" in result.output
    result = runner.invoke(cli, ["gazetteer", "lookup", "Hajjin", "--near", "Deir ez-Zor", "--format", "json"])
    assert result.exit_code == 0 and '"Deir ez-Zor"' in result.output
    result = runner.invoke(cli, ["gazetteer", "stats"])
    assert result.exit_code == 0 and "geonames" in result.output
    result = runner.invoke(cli, ["gazetteer", "import", "--layout", "ucdp", str(geonames_file)])
    assert result.exit_code != 0 and "missing column" in result.output


def test_real_acled_archive_imports_worldwide_locations(shared_dir, user_index):
    archive = shared_dir / "data" / "acled-2022h1" / "events.csv"
    (report,) = import_files([str(archive)], layout="acled", index_path=user_index)
    assert report.places > 1000
    gazetteer = _open(user_index)
    assert {p.country for p in gazetteer.by_name("Kharkiv")} == {"UA"}
    syrian = [p for p in gazetteer.connection.execute("SELECT admin1 FROM places WHERE country = 'SY'")]
    assert syrian and all(admin1 in {"Deir ez-Zor", "Ar-Raqqah", "Al-Hasakah", "Aleppo", "Idlib", "Hama", "Homs",
                                     "Rural Damascus", "Damascus", "Daraa", "Quneitra", "As-Suwayda", "Latakia",
                                     "Tartus"} for (admin1,) in syrian)


def test_archive_learns_how_its_texts_spell_a_place():
    from marsad.gazetteer.importers import spellings_in

    assert spellings_in("Shells hit Sheikh Maqsood and Bustan al-Qasr in Aleppo", ["Ash Shaykh Maqsud"]) == [
        "Sheikh Maqsood"]
    assert spellings_in("Clashes near Teir Maaleh", ["Teir Maaleh"]) == []
    assert spellings_in("Clashes in Hama", ["Hajin"]) == []


def test_ocha_layout_keeps_governorate_and_country_of_cod_tables(tmp_path, user_index, shared_dir):
    """The shared Syria file (community P-codes like C5186, governorate P-codes SY09)
    and a COD-style file of another country (Yemen: admin1Pcode YE21) keep their
    governorate, its code and the country."""
    rows = (shared_dir / "data" / "gazetteer-sy-ocha" / "syria_communities.csv").read_text(encoding="utf-8").splitlines()
    syria = tmp_path / "syria.csv"
    syria.write_text("\n".join([rows[0], *(r for r in rows if r.startswith("C5186,"))]) + "\n", encoding="utf-8")
    yemen = tmp_path / "yem_pplp.csv"
    yemen.write_text(
        "admin4Pcode,admin4Name_en,admin4Name_ar,admin1Pcode,admin1Name_en,admin2Name_en,admin3Name_en,latitude,longitude\n"
        "YE2101001,Qaryat Test,قرية,YE21,Al Jawf,Al Hazm,Al Hazm,16.16,44.78\n",
        encoding="utf-8",
    )
    import_files([str(syria), str(yemen)], layout="ocha", index_path=user_index)
    gazetteer = _open(user_index)
    (sosa,) = gazetteer.by_name("Sosa")
    assert (sosa.country, sosa.admin1, sosa.admin1_code, sosa.admin2, sosa.admin3) == (
        "SY", "Deir ez-Zor", "SY.07", "Abu Kamal", "Susat")
    (village,) = gazetteer.by_name("Qaryat Test")
    assert (village.country, village.admin1, village.admin1_code, village.admin2) == ("YE", "Al Jawf", "YE.21", "Al Hazm")
