"""Shared fixtures. ``../shared`` (the seed bulletin and real coded data) is
present in CI and beside every checkout; tests that need it skip cleanly when
it is absent so that the product never depends on it."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "seed" / "000_630b495d26aa50f8.txt").read_text(encoding="utf-8")
