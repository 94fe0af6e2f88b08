"""CLI commands for the store domain (thin adapters over marsad.store)."""

from __future__ import annotations

from marsad.cli import cli  # noqa: F401  (commands register on this group)
