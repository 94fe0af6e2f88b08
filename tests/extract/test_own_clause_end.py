"""A count's own clause end and a sentence-wide search are remembered per
document by what they read, and are what a fresh computation gives."""

from __future__ import annotations

from marsad.extract.casualties import Finding
from marsad.extract.casualty_facts import own_clause_end
from marsad.extract.pipeline import DocContext

TEXT = ("Shelling killed 4 civilians, including 2 children, while 3 fighters died in clashes; "
        "the toll rose to 9 people in the town of Kafr Nabl, most of them women.")


def _finding(start: int, end: int, trigger_start: int, trigger_end: int) -> Finding:
    return Finding("killed", None, 1, start, end, trigger_start, trigger_end, "", "test", 0.5)


def _fresh(finding: Finding) -> int:
    return own_clause_end(DocContext(text=TEXT), finding)


def test_each_count_gets_its_own_clause_end_once_computed():
    ctx = DocContext(text=TEXT)
    findings = [_finding(16, 27, 9, 15), _finding(57, 68, 69, 73), _finding(86, 110, 86, 90), _finding(16, 27, 9, 40)]
    ends = [own_clause_end(ctx, finding) for finding in findings]
    assert ends == [_fresh(finding) for finding in findings]
    assert len(set(ends)) == 4  # distinct clauses, and a later trigger end is not answered from the first count's
    assert [own_clause_end(ctx, finding) for finding in reversed(findings)] == ends[::-1]


def test_a_sentence_wide_search_is_remembered_by_pattern_and_bounds():
    import re

    ctx = DocContext(text=TEXT)
    toll, clash = re.compile(r"toll", re.I), re.compile(r"clash\w*", re.I)
    first = ctx.search_once(toll, 0, len(TEXT))
    assert first is not None and ctx.search_once(toll, 0, len(TEXT)) is first  # answered from memory
    assert ctx.search_once(toll, 0, 80) is None  # other bounds: searched again
    assert ctx.search_once(clash, 0, len(TEXT)).group() == "clashes"  # another pattern, same bounds
    for pattern, start, end in ((toll, 0, len(TEXT)), (toll, 0, 80), (toll, 90, 120), (clash, 60, len(TEXT))):
        found = ctx.search_once(pattern, start, end)
        expected = pattern.search(ctx.norm, start, end)
        assert (found and found.span()) == (expected and expected.span())
