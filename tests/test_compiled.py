"""The compiled extraction hot path (setup.py, mypyc): what is compiled, and the
warning when an editable install's source moved on from its compiled module."""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from pathlib import Path

import pytest

from marsad import compiled

PYPROJECT = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
LISTED = PYPROJECT["tool"]["marsad"]["build"]["compiled"]


def test_every_compiled_module_is_checked_with_strict_optional():
    # mypyc refuses code that type-checks only without strict Optional, and CI's
    # mypy must catch that before an install falls back to pure Python
    strict = {module for override in PYPROJECT["tool"]["mypy"]["overrides"] if override.get("strict_optional")
              for module in override["module"]}
    assert set(LISTED) <= strict


@pytest.mark.skipif(not os.environ.get("MARSAD_EXPECT_COMPILED"), reason="only where the build must compile (CI)")
def test_the_listed_modules_run_compiled():
    assert sorted(compiled.compiled_modules()) == sorted(LISTED)
    assert compiled.stale_modules() == []


def test_an_edited_source_is_reported_and_warned(tmp_path, monkeypatch):
    module = "marsad.extract.numbers"
    source = Path(compiled.__file__).parent / "extract" / "numbers.py"
    record = tmp_path / "compiled_sources.json"
    monkeypatch.setattr(compiled, "RECORD", record)
    monkeypatch.setattr(compiled, "compiled_modules", lambda: [module])

    record.write_text(json.dumps({module: hashlib.sha256(source.read_bytes()).hexdigest()}))
    assert compiled.stale_modules() == []

    record.write_text(json.dumps({module: "0" * 64}))  # compiled from other text than the source now holds
    assert compiled.stale_modules() == [module]
    with pytest.warns(RuntimeWarning, match="pip install -e"):
        compiled.warn_if_stale()


def test_a_pure_python_install_has_nothing_compiled(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "RECORD", tmp_path / "absent.json")
    assert compiled.source_digests() == {}
    assert compiled.compiled_modules() == []
    assert compiled.stale_modules() == []
