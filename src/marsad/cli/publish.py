"""CLI commands for the publish domain (thin adapters over marsad.publish)."""

from __future__ import annotations

from marsad.cli import cli  # noqa: F401  (commands register on this group)
