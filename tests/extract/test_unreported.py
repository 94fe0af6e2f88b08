"""The protest lead's violent-word test: a lead without any of its pieces is not searched."""

from __future__ import annotations

import pytest

from marsad.extract.casefold import lowered_pattern
from marsad.extract.unreported import _VIOLENT_LEAD, _VIOLENT_LEAD_PIECES


def _top_level_alternatives(source: str) -> list[str]:
    inner = source.removeprefix(r"\b(?:").removesuffix(r")\b")
    parts, depth, current = [], 0, ""
    for char in inner:
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def test_every_violent_alternative_holds_a_piece():
    alternatives = _top_level_alternatives(_VIOLENT_LEAD.pattern)
    assert len(alternatives) > 10
    for alternative in alternatives:
        assert any(piece in alternative for piece in _VIOLENT_LEAD_PIECES), alternative


@pytest.mark.parametrize("word", ["opened  fire", "fired", "shot", "shooting", "killing", "killed", "clashes",
                                  "attacked", "lynched", "beaten", "stabbed", "hacked", "exploded", "bombing",
                                  "dispersed", "neutralised", "neutralized", "airstrikes", "drone strike",
                                  "shelled", "ambushed"])
def test_a_violent_lead_holds_a_piece(word):
    lowered = lowered_pattern(_VIOLENT_LEAD)
    assert lowered is not None
    lead = f"protesters were {word} in the square".lower()
    assert lowered.search(lead) is not None
    assert any(piece in word.lower() for piece in _VIOLENT_LEAD_PIECES)
