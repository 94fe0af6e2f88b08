"""CLI commands for the reconcile domain (thin adapters over marsad.reconcile)."""

from __future__ import annotations

from marsad.cli import cli  # noqa: F401  (commands register on this group)
