"""Frequent English words, read from wordfreq once and kept in the data directory."""

from __future__ import annotations

import pytest


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    from marsad.extract import text

    monkeypatch.setenv("MARSAD_HOME", str(tmp_path))
    text._common_plain_words.cache_clear()
    text.common_word.cache_clear()
    yield text, tmp_path
    text._common_plain_words.cache_clear()
    text.common_word.cache_clear()


def test_the_cached_list_answers_as_wordfreq_does(fresh):
    from wordfreq import zipf_frequency

    text, home = fresh
    for word in ("Battle", "valley", "More", "Kafranbel", "Idlib", "the", "café"):
        assert text.common_word(word) == (zipf_frequency(word.lower(), "en", wordlist="small") >= 3.8), word
    (cache,) = (home / "cache").glob("common-words-*.txt")
    assert "valley" in cache.read_text(encoding="utf-8").split()


def test_a_later_process_reads_the_cache_not_wordfreq(fresh):
    text, home = fresh
    text.common_word("valley")
    (cache,) = (home / "cache").glob("common-words-*.txt")
    cache.write_text("kafranbel", encoding="utf-8")  # what the file says is what a new process knows
    text._common_plain_words.cache_clear()
    text.common_word.cache_clear()
    assert text.common_word("Kafranbel") and not text.common_word("valley")


def test_a_read_only_data_directory_still_answers(fresh, monkeypatch):
    from pathlib import Path

    text, home = fresh
    monkeypatch.setattr(Path, "write_text", lambda *args, **kwargs: (_ for _ in ()).throw(PermissionError("read-only")))
    assert text.common_word("valley") and not text.common_word("Kafranbel")
    assert not list((home / "cache").glob("common-words-*.txt"))
