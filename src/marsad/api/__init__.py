"""The HTTP adapters: ``create_app`` builds the FastAPI application that
serves the read API (``/api/v1``) and the newsroom dashboard (``/``).
``marsad serve`` runs it with Uvicorn."""

from __future__ import annotations


def create_app(*args, **kwargs):
    from marsad.api.app import create_app as create

    return create(*args, **kwargs)
