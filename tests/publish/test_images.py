"""Charts, maps and PDF bulletins rendered to images and checked: the
expected pixel size, not blank, incidents drawn where they are."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from marsad.publish.charts import draw_deaths_chart
from marsad.publish.maps import draw_incident_map
from marsad.publish.records import records_from_dicts

EVENTS = [
    {"event_date": date(2019, 3, 3), "actor1": "International Coalition", "fatalities": 7, "latitude": 34.53,
     "longitude": 40.96, "location": "As Susah", "admin1": "Deir ez-Zor", "event_type": "Explosions/Remote violence"},
    {"event_date": date(2019, 3, 12), "actor1": "SDF", "fatalities": 4, "latitude": 34.69, "longitude": 40.83, "location": "Hajin",
     "admin1": "Deir ez-Zor", "event_type": "Battles"},
    {"event_date": date(2019, 3, 20), "actor1": "ISIS", "fatalities": 12, "latitude": 35.33, "longitude": 40.14,
     "admin1": "Deir ez-Zor", "event_type": "Battles"},
    {"event_date": date(2019, 3, 21), "actor1": "ISIS", "fatalities": 2, "admin1": "Deir ez-Zor",
     "event_type": "Battles"},
]


def _image(path):
    from PIL import Image

    with Image.open(path) as image:
        return image.convert("RGB")


def _not_blank(image) -> bool:
    colours = image.getcolors(maxcolors=1_000_000) or []
    return len(colours) > 20


def test_weekly_chart_png(tmp_path):
    path = draw_deaths_chart(records_from_dicts(EVENTS), tmp_path / "deaths.png", by="perpetrator", frequency="weekly")
    image = _image(path)
    assert image.size == (1000, 550)
    assert _not_blank(image)


def test_chart_table_sums_deaths_per_week_and_group():
    from marsad.publish.charts import deaths_table

    table = deaths_table(records_from_dicts(EVENTS), by="perpetrator", frequency="weekly")
    assert table.to_numpy().sum() == 25
    assert table["ISIS"].sum() == 14
    assert [d.isoformat()[:10] for d in table.index] == ["2019-02-25", "2019-03-04", "2019-03-11", "2019-03-18"]


def test_chart_svg(tmp_path):
    path = draw_deaths_chart(records_from_dicts(EVENTS), tmp_path / "deaths.svg", frequency="monthly")
    assert path.read_text().lstrip().startswith("<?xml") and "<svg" in path.read_text()


def test_map_png_draws_incidents_on_the_basemap(tmp_path):
    path = draw_incident_map(records_from_dicts(EVENTS), tmp_path / "map.png", title="Test")
    image = _image(path)
    assert image.size == (800, 800)
    assert _not_blank(image)
    reds = sum(count for count, (r, g, b) in image.getcolors(1_000_000) if r > 150 and r > g + 60 and r > b + 60)
    assert reds > 100  # the incident circles


def test_basemap_has_country_and_province_borders():
    from marsad.publish.boundaries import layer

    assert len(layer("admin0")) > 5 and len(layer("admin1")) > 20 and layer("land")
    assert {"Syria", "Iraq"} <= {f["properties"]["name"] for f in layer("label")}


def test_pdf_bulletin_renders_to_an_a4_page(bulletin_db, tmp_path):
    import pypdfium2

    from marsad.publish.render import write_bulletin
    from marsad.publish.report import build_bulletin
    from tests.publish.test_report import SCOPE

    with bulletin_db.session() as session:
        bulletin = build_bulletin(session, SCOPE)
    path = write_bulletin(bulletin, "pdf", tmp_path / "bulletin.pdf")
    document = pypdfium2.PdfDocument(str(path))
    assert len(document) >= 1
    image = document[0].render(scale=1).to_pil().convert("RGB")
    document.close()
    width, height = image.size
    assert abs(width - 595) <= 1 and abs(height - 842) <= 1  # A4 (595.3 x 841.9 pt) at 72 dpi
    assert _not_blank(image)


@pytest.fixture
def bulletin_db(database):
    from marsad.store import repository
    from tests.publish.test_report import BULLETIN_TEXT, bulletin_extraction

    with database.transaction() as session:
        source = repository.get_or_create_source(session, "Monitor", reliability="B")
        stored = repository.add_document(session, text=BULLETIN_TEXT, source=source, published=date(2019, 5, 1))
        repository.add_extraction(session, stored.document, bulletin_extraction())
    return database


def test_cli_commands_write_their_files(archive, tmp_path):
    from marsad.cli import _register_commands, cli

    _register_commands()
    runner = CliRunner()
    database = ["--database", archive.url]
    commands = {
        "report.html": ["report", "--from", "2019-03-01", "--to", "2019-03-31", "--area", "Deir ez-Zor"],
        "deaths.png": ["chart", "deaths", "--by", "perpetrator", "--weekly"],
        "map.png": ["map", "--from", "2019-03-01", "--to", "2019-03-31"],
        "events.csv": ["export", "--layout", "acled", "--public"],
    }
    for name, arguments in commands.items():
        result = runner.invoke(cli, [*arguments, "-o", str(tmp_path / name), *database])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 200
    bad = runner.invoke(cli, ["export", "--layout", "parquet", *database])
    assert bad.exit_code != 0 and "Parquet is binary" in bad.output
