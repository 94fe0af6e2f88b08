"""Model modules of other packages that add tables to ``marsad.store.models.Base``.

Alembic's autogenerate (``env.py``) imports this so that it sees every table.
A package that adds tables lists its models module here and ships its own
Alembic revision in ``store/migrations/versions/`` (``down_revision = "0001"``
or a later one).
"""

from __future__ import annotations

import importlib

EXTENSION_MODULES = ("marsad.reconcile.models", "marsad.publish.models", "marsad.batch.models",
                     "marsad.review.models")


def load_extensions() -> None:
    for name in EXTENSION_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
