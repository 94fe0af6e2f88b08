"""The compiled-regex cache gives the patterns ``re.compile`` gives, across processes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad import regexcache

PATTERNS = [
    (r"(?<!\w)(?P<who>soldiers?|fighters?)\s+(?:were\s+)?(?P<verb>killed|wounded)(?!\w)", re.I),
    (r"\b(\d+)\s*(?:-|to)\s*(\d+)\b", 0),
    (r"(?i:al-?)?(?:Raqq?a|Deir\s+ez-?Zor)", 0),
]
TEXT = "Two SOLDIERS were killed and 3 to 5 fighters wounded near al-Raqa; Deir ez-Zor was shelled."


@pytest.fixture()
def fresh_store(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path))
    monkeypatch.setattr(regexcache, "_store", regexcache._Store())
    return tmp_path


def _matches(pattern: re.Pattern) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(TEXT)]


def test_compiled_pattern_behaves_as_re_compile(fresh_store):
    for source, flags in PATTERNS:
        cached = regexcache.compile_cached(source, flags)
        expected = re.compile(source, flags)
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
            expected.pattern, expected.flags, expected.groups, expected.groupindex)
        assert _matches(cached) == _matches(expected)


def test_a_second_process_reads_the_code_the_first_stored(fresh_store):
    script = ("import re, sys; from marsad import regexcache as r; "
              "p = r.compile_cached(sys.argv[1], re.I); print(len(r._store.load()), p.search(sys.argv[2]).group())")
    env = {**os.environ, "MARSAD_HOME": str(fresh_store)}
    source = PATTERNS[0][0]

    def run() -> str:
        return subprocess.run([sys.executable, "-c", script, source, TEXT], env=env, check=True,
                              capture_output=True, text=True).stdout.split()

    first = run()
    stored = regexcache.cache_path()
    assert stored.is_file() and first[1:] == ["SOLDIERS", "were", "killed"]
    stamp = stored.stat().st_mtime_ns
    second = run()
    assert second == first
    assert stored.stat().st_mtime_ns == stamp  # nothing new learnt, nothing written


def test_a_damaged_cache_file_is_ignored(fresh_store):
    path = regexcache.cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a marshal file")
    source, flags = PATTERNS[1]
    assert _matches(regexcache.compile_cached(source, flags)) == _matches(re.compile(source, flags))


@pytest.mark.parametrize("code", [b"\x00\x01", bytes(8), b"\xff" * 12])
def test_a_damaged_entry_is_compiled_afresh(fresh_store, code):
    source, flags = PATTERNS[2]
    regexcache._store.load()[(source, flags)] = (flags, code, 0, {}, (None,))
    assert _matches(regexcache.compile_cached(source, flags)) == _matches(re.compile(source, flags))


def test_an_invalid_pattern_raises_re_error(fresh_store):
    with pytest.raises(re.error):
        regexcache.compile_cached(r"(?P<unclosed>x", 0)


def test_the_cache_lives_in_the_data_directory(fresh_store):
    assert regexcache.cache_path().parent == Path(fresh_store) / "cache"
