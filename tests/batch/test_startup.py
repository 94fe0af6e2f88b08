"""Start-up stays light: extracting one text does not import the database
layer, and the language model's cache is only a cache."""

from __future__ import annotations

import subprocess
import sys


def test_extracting_one_text_does_not_import_the_database_layer(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Two civilians were killed in an airstrike on Idlib on 3 March 2019.")
    code = (
        "import sys\n"
        "from marsad.extract.batch import extract_inputs\n"
        f"results = list(extract_inputs([{str(report)!r}]))\n"
        "assert results[0].extraction.casualties, results\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_language_model_cache_gives_the_same_answers_and_survives_corruption(tmp_path, monkeypatch):
    from marsad.ingest import language

    samples = ["Two civilians were killed in an airstrike on the town on Monday, medics said.",
               "Deux civils ont été tués lundi dans une frappe aérienne sur la ville, selon les médecins."]
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path))
    language._identifier.cache_clear()
    try:
        cached = [language._identifier().classify(s)[0] for s in samples]
        assert cached == ["en", "fr"]
        files = list((tmp_path / "cache").glob("py3langid-*.pickle"))
        assert len(files) == 1
        files[0].write_bytes(b"not a model")
        language._identifier.cache_clear()
        assert [language._identifier().classify(s)[0] for s in samples] == cached  # py3langid's own loader
    finally:
        language._identifier.cache_clear()
