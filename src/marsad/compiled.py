"""Which of marsad's modules run compiled, and whether one is older than its source.

``setup.py`` compiles the extraction hot path with mypyc (the list is
``[tool.marsad.build]`` in ``pyproject.toml``) and records the SHA-256 of each
module's source in ``compiled_sources.json`` beside this file. A compiled module
is the same code as its source, so output does not depend on it, until someone
edits the source of an editable install: Python then still imports the old
compiled module. :func:`stale_modules` finds those, and the pipeline warns once.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

RECORD = Path(__file__).with_name("compiled_sources.json")


def source_digests() -> dict[str, str]:
    """``{module: sha256 of its source}`` as recorded when the modules were compiled (empty if never)."""
    try:
        return dict(json.loads(RECORD.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def compiled_modules() -> list[str]:
    """The recorded modules that import from a compiled file (none in a pure-Python install)."""
    found = []
    for module in source_digests():
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None else None
        if origin and origin.endswith(tuple(EXTENSION_SUFFIXES)):
            found.append(module)
    return found


def stale_modules() -> list[str]:
    """Compiled modules whose source changed since they were compiled."""
    recorded = source_digests()
    stale = []
    for module in compiled_modules():
        source = Path(__file__).parent.parent.joinpath(*module.split(".")).with_suffix(".py")
        if source.exists() and hashlib.sha256(source.read_bytes()).hexdigest() != recorded[module]:
            stale.append(module)
    return stale


def warn_if_stale() -> None:
    stale = stale_modules()
    if stale:
        warnings.warn(f"{', '.join(stale)}: the compiled module is older than its source, which was edited after "
                      "installing; Python runs the old code. Run `pip install -e .` again (or install with "
                      "MARSAD_PURE_PYTHON=1 to run the sources as they are).", RuntimeWarning, stacklevel=2)
