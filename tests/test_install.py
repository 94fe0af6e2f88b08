"""A fresh install works (issue 14): marsad declares what it imports, and CI
runs the README's commands word for word with the venv's own pip."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_html_cleaner_that_trafilatura_imports_is_a_declared_dependency():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=\[ ;]", d, maxsplit=1)[0].lower().replace("-", "_") for d in dependencies}
    assert "lxml_html_clean" in names  # pip 23 does not install lxml's html_clean extra for trafilatura
    import lxml.html.clean  # noqa: F401 - fails with "now a separate project" when it is missing


def test_a_full_html_page_goes_through_trafilatura():
    from marsad.ingest.clean import html_to_text

    text, _meta = html_to_text("<html><body><article><p>" + "Five civilians were killed in Sarmada today. " * 4
                               + "</p></article></body></html>")
    assert "Five civilians were killed" in text


def test_ci_runs_the_readme_commands_with_the_venvs_own_pip_then_ruff_and_mypy():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("python3 -m venv .venv && ")]
    assert len(commands) == 2 and "pytest" in commands[1]
    assert "--upgrade pip" not in ci and "install -U pip" not in ci
    assert "grep -E '^python3 -m venv \\.venv && ' README.md" in ci
    assert ".venv/bin/ruff check ." in ci and ".venv/bin/mypy" in ci
    test_extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]["test"]
    assert any(d.startswith("ruff") for d in test_extra) and any(d.startswith("mypy") for d in test_extra)
