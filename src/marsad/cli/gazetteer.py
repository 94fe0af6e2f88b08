"""CLI commands for the gazetteer domain (thin adapters over marsad.gazetteer)."""

from __future__ import annotations

from marsad.cli import cli  # noqa: F401  (commands register on this group)
