"""YAML for marsad's data files: libyaml's C parser when PyYAML has it.

The pure-Python parser spends about a third of a second reading the
vocabularies (actors, event types, place words) at every start; the C one
gives the same data in a few milliseconds.
"""

from __future__ import annotations

from typing import Any


def safe_load(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
