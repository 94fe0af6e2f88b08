"""``ingest --reextract`` sees a gazetteer import: the pipeline description a
run records covers the gazetteer's content and marsad's data files, not only
the components' versions."""

from __future__ import annotations

from marsad.extract.pipeline import Pipeline
from marsad.gazetteer.importers import import_files
from marsad.ingest.readers import RawDocument
from marsad.ingest.service import IngestOptions, ingest_documents

TEXT = "Deir ez-Zor, 8 March 2019. Clashes near the village of Zorbaqa killed 2 fighters of the SDF."


def test_a_gazetteer_import_makes_reextract_extract_again(database, small_gazetteer, tmp_path):
    document = RawDocument(origin="zorbaqa.txt", input_format="text", text=TEXT)
    assert ingest_documents(database, [document], IngestOptions(languages=None)).new == 1
    assert ingest_documents(database, [document], IngestOptions(languages=None, reextract=True)).reextracted == 0
    before = Pipeline().meta
    archive = tmp_path / "ged.csv"
    archive.write_text("where_coordinates,adm_1,latitude,longitude,where_prec,country\n"
                       "Zorbaqa village,Deir ez-Zor governorate,34.91,40.52,1,Syria\n", encoding="utf-8")  # fmt: skip
    import_files([str(archive)], layout="ucdp", index_path=small_gazetteer.path)
    assert ingest_documents(database, [document], IngestOptions(languages=None, reextract=True)).reextracted == 1
    assert ingest_documents(database, [document], IngestOptions(languages=None, reextract=True)).reextracted == 0
    after = Pipeline().meta
    assert before["data"]["gazetteer"] != after["data"]["gazetteer"]
    assert before["components"] == after["components"] and before["data"]["package_data"] == after["data"]["package_data"]
