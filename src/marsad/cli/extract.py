"""CLI commands for the extract domain (thin adapters over marsad.extract)."""

from __future__ import annotations

from marsad.cli import cli  # noqa: F401  (commands register on this group)
