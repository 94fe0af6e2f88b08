"""The shipped event-type model: word vectors, calibrated confidence, hard neighbours."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.extract.event_model import embed, load_model, shipped_model_path, train_model
from marsad.extract.pipeline import extract_text


def test_word_vectors_come_from_the_installed_wheel_and_capture_meaning():
    vectors = embed(["A suicide bomber blew himself up at the checkpoint.",
                     "An attacker detonated the explosives strapped to his body.",
                     "Farmers marched peacefully to the governor's office."])
    assert vectors.shape == (3, 256)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_probabilities_are_calibrated_and_sum_to_one():
    model = load_model(shipped_model_path())
    rows = model.probabilities(["Gunmen shot dead a shopkeeper in the market.", "Students marched to parliament."])
    assert np.allclose(rows.sum(axis=1), 1.0)
    assert 0.1 < model.temperature < 10


@pytest.mark.parametrize("text, sub_event_type", [
    # Hard neighbours the issue names, in wording the rules alone get wrong.
    ("A female bomber set off explosives strapped to her body at a bus stop, killing four people.", "Suicide bomb"),
    ("Deminers removed a dozen anti-personnel mines from a school playground.", "Disrupted weapons use"),
    ("Protesters set fire to the town hall after breaking through police lines.", "Violent demonstration"),
    ("Government troops retook the river port from the insurgents.", "Government regains territory"),
])
def test_hard_neighbours_are_typed_by_meaning(text, sub_event_type):
    event = extract_text(text).events[0]
    assert event.sub_event_type == sub_event_type
    assert 0.0 < event.confidence <= 1.0


def test_confidence_is_lower_for_a_doubtful_event():
    clear = extract_text("On 3 May 2023, warplanes bombed a market in the town, killing six civilians.").events[0]
    vague = extract_text("On 3 May 2023, something happened near the town hall involving a group of men.").events[0]
    assert clear.confidence > vague.confidence


def test_small_archive_trains_without_calibration_folds():
    texts = ["Gunmen killed a farmer.", "Students marched to parliament.", "Gunmen shot a trader dead.",
             "Teachers rallied outside the ministry."]
    model = train_model(texts, ["Attack", "Peaceful protest", "Attack", "Peaceful protest"])
    assert model.temperature == 1.0
    assert model.predict(["Gunmen killed a shepherd."])[0][0] == "Attack"


_PASSAGES = ["Gunmen killed a farmer near the well.", "Students marched to parliament, chanting slogans.",
             "Gunmen shot a trader dead in the market.", "Teachers rallied outside the ministry of education.",
             "Warplanes bombed the town; gunmen killed two farmers.", "", "Students-led rally: students marched."]


def test_features_are_scikit_learns_tfidf_matrix_bit_for_bit():
    from marsad.extract import tfidf

    model = train_model(_PASSAGES[:4], ["Attack", "Peaceful protest", "Attack", "Peaceful protest"], embedding_weight=0.0)
    parts = tfidf.parts_of(model.vectorizer)
    assert parts is not None
    for passage in _PASSAGES:
        ours, theirs = tfidf.transform(parts, [passage]), model.vectorizer.transform([passage])
        assert ours.data.tobytes() == theirs.data.tobytes() and ours.indices.tolist() == theirs.indices.tolist()
        assert ours.shape == theirs.shape


def test_a_model_is_read_back_from_its_cache_without_its_vectorizer(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path))
    first = load_model(shipped_model_path())
    cached = list((tmp_path / "cache").glob("event-model-*.npz"))
    assert len(cached) == 1 and first.vectorizer is not None
    again = load_model(shipped_model_path())
    assert again.vectorizer is None and again.classes == first.classes and again.meta == first.meta
    assert again.probabilities(_PASSAGES).tobytes() == first.probabilities(_PASSAGES).tobytes()
    cached[0].write_bytes(b"not a cache")  # a damaged cache: the model file is read again, the cache rewritten
    assert load_model(shipped_model_path()).probabilities(_PASSAGES).tobytes() == first.probabilities(_PASSAGES).tobytes()
    assert load_model(shipped_model_path()).vectorizer is None


def test_linear_scores_are_scipys_sparse_product_bit_for_bit():
    from marsad.extract import tfidf

    model = train_model(_PASSAGES[:4], ["Attack", "Peaceful protest", "Attack", "Peaceful protest"], embedding_weight=0.0)
    parts = tfidf.parts_of(model.vectorizer)
    weights = np.random.default_rng(0).standard_normal((len(parts.vocabulary), 5)).astype(np.float32)
    for batch in ([passage] for passage in _PASSAGES):
        expected = np.asarray(tfidf.transform(parts, batch) @ weights)
        assert tfidf.linear_scores(parts, batch, weights).tobytes() == expected.tobytes()
    together = np.asarray(tfidf.transform(parts, _PASSAGES) @ weights)
    assert tfidf.linear_scores(parts, _PASSAGES, weights).tobytes() == together.tobytes()


def test_no_merge_of_the_word_vectors_tokenizer_crosses_a_space():
    import json

    from marsad.extract.event_model import _word_vectors

    tokenizer, _ = _word_vectors()
    merges = json.loads(tokenizer.to_str())["model"]["merges"]
    pairs = [merge.split(" ") if isinstance(merge, str) else merge for merge in merges]
    crossing = [(a, b) for a, b in pairs if b.startswith("\u2581") and a.strip("\u2581")]
    assert len(pairs) > 1000 and crossing == []


def test_no_merge_joins_a_letter_or_digit_to_a_mark_after_it():
    """_encode_words reads a word's ids as its ids before its last marks and the marks' ("forces,"):
    BPE must never merge across that border (only "²" joins marks after it, and is left out)."""
    import json

    from marsad.extract.event_model import _MARKS, _word_vectors

    tokenizer, _ = _word_vectors()
    merges = json.loads(tokenizer.to_str())["model"]["merges"]
    pairs = [merge.split(" ") if isinstance(merge, str) else merge for merge in merges]
    crossing = {(a, b) for a, b in pairs if a[-1].isalnum() and b[0] in _MARKS}
    assert crossing and {a[-1] for a, _ in crossing} == {"\u00b2"}


@pytest.mark.parametrize("known", [False, True])
def test_a_word_ending_in_marks_after_a_known_word_gets_the_tokenizers_ids(monkeypatch, known):
    from marsad.extract import event_model
    from marsad.extract.event_model import _encode_words, _word_vectors

    tokenizer, _ = _word_vectors()
    cores = ["killed", "Borno", "Ma'arrat", "al-Nu'man", "U.S", "x²", "naïve", "2019", "Ḥamā", "a▁b", "日本", "a b"]
    words = [core + marks for core in cores for marks in [",", ").", "\"", ".)", ":", "'s", "!?", "),"]]
    monkeypatch.setattr(event_model, "_piece_ids", {})
    if known:
        _encode_words(tokenizer, cores)
    _encode_words(tokenizer, words)
    for word in words:
        assert event_model._piece_ids[word] == tokenizer.encode(word, add_special_tokens=False).ids, word


def test_a_word_that_is_a_whole_piece_gets_that_pieces_id_from_the_bpe_model():
    """_encode_words reads such a word's id from the vocabulary: BPE must give each piece its own id."""
    from marsad.extract.event_model import _bpe_model, _whole_pieces, _word_vectors

    tokenizer, _ = _word_vectors()
    model = _bpe_model(tokenizer)
    pieces = _whole_pieces(tokenizer)
    assert len(pieces) > 10_000 and "\u2581killed" in pieces and "\u2581" in pieces
    assert all(piece.startswith("\u2581") for piece in pieces)
    wrong = [piece for piece, id_ in pieces.items() if [token.id for token in model.tokenize(piece)] != [id_]]
    assert wrong == []


@pytest.mark.parametrize("text", ["Two civilians were killed in Idlib.", "", " ", "a ", " a", "  two  spaces  in",
                                  "killed in Idlib. ", " led and ended by a space ", "two spaces at the end  ",
                                  "line\nbreak and\ttab", "<s> special </s> tokens", "é ü ß 日本 語 💥", "a\u00a0b c"])
def test_token_ids_word_by_word_are_the_tokenizers_own(text):
    from marsad.extract.event_model import _word_vectors, token_ids

    tokenizer, _ = _word_vectors()
    expected = [encoding.ids for encoding in tokenizer.encode_batch([text, text + " x"], add_special_tokens=False)]
    assert token_ids(tokenizer, [text, text + " x"]) == expected
    assert token_ids(tokenizer, [text, text + " x"]) == expected  # from the cache


def test_new_words_go_through_the_bpe_model_with_the_tokenizers_own_ids(monkeypatch):
    """Words not yet cached are read by the BPE model directly: no ``encode`` call, the same ids."""
    from marsad.extract import event_model
    from marsad.extract.event_model import _bpe_model, _word_vectors, token_ids

    tokenizer, _ = _word_vectors()
    assert _bpe_model(tokenizer) is not None
    text = ("Ma'arrat al-Nu'man (Idlib) 12km 3,000 U.S.-backed SDF/QSD é ü ß 日本 語 💥 naïve Ḥamā "
            "\u2581lone ▁▁ x\u00a0y, \"quoted\"; 2019-03-14 [size=no report] café… O'Brien's")
    expected = tokenizer.encode(text, add_special_tokens=False).ids
    monkeypatch.setattr(event_model, "_piece_ids", {})
    calls = []
    encode = tokenizer.encode

    class Counting:  # the tokenizer, counting its calls
        def __getattr__(self, name):
            return getattr(tokenizer, name)

        def encode(self, *args, **kwargs):
            calls.append(args[0])
            return encode(*args, **kwargs)

    assert token_ids(Counting(), [text]) == [expected]
    assert calls == []
    assert event_model._piece_ids["(Idlib)"] == tokenizer.encode("(Idlib)", add_special_tokens=False).ids


def test_every_word_of_the_training_examples_gets_the_tokenizers_ids(monkeypatch):
    """The BPE model on the normalized word is ``encode``, word for word (hundreds of words, and odd ones)."""
    import json
    from importlib import resources

    from marsad.extract import event_model
    from marsad.extract.event_model import _encode_words, _word_vectors

    tokenizer, _ = _word_vectors()
    lines = resources.files("marsad.data").joinpath("training").joinpath("examples.jsonl").read_text(encoding="utf-8").splitlines()
    words = {word for line in lines for word in json.loads(line)["text"].split(" ")}
    # (a word holding a special token never comes here: token_ids encodes such a text whole)
    words |= {"", " ", "  lead", "▁", "a▁b", "💥", "\u00a0", "x\ty", "ǅ", "\u200b", "Ⅻ", "ﬁre", "killed", "  ", "▁▁"}
    monkeypatch.setattr(event_model, "_piece_ids", {})
    _encode_words(tokenizer, sorted(words))
    assert len(words) > 500
    for word in words:
        assert event_model._piece_ids[word] == tokenizer.encode(word, add_special_tokens=False).ids, word


def test_another_tokenizer_make_is_encoded_word_by_word(monkeypatch):
    from marsad.extract import event_model
    from marsad.extract.event_model import _bpe_model, _encode_words, _word_vectors

    tokenizer, _ = _word_vectors()

    class Plain:  # no BPE model to reach
        def encode(self, *args, **kwargs):
            return tokenizer.encode(*args, **kwargs)

    assert _bpe_model(Plain()) is None
    monkeypatch.setattr(event_model, "_piece_ids", {})
    _encode_words(Plain(), ["Idlib,", ""])
    assert event_model._piece_ids == {"Idlib,": tokenizer.encode("Idlib,", add_special_tokens=False).ids, "": []}


@pytest.mark.parametrize("rows", [1, 2, 7, 8, 9, 33, 250])
def test_unit_mean_is_numpys_mean_over_its_norm_bit_for_bit(rows):
    """The shortcut must give the bytes of ``mean``/``norm``: the model's probabilities are output."""
    from marsad.extract.event_model import _word_vectors, unit_mean

    _, table = _word_vectors()
    picked = table[np.random.default_rng(rows).integers(0, len(table), rows)]
    for block in (picked, picked * np.float32(1e-3), picked * np.float32(37.5), np.zeros_like(picked)):
        vector = block.mean(axis=0)
        expected = vector / (np.linalg.norm(vector) or 1.0)
        assert unit_mean(block).dtype == expected.dtype
        assert unit_mean(block).tobytes() == expected.tobytes()


@pytest.mark.parametrize("text", ["al-Nusra's 3-day siege", "-lead trail- a--b _x_ 9mm", "x\x1cy\x1fz \t\nq", "",
                                  "Ma'arrat_al-Nu'man -- 2019-03-14 [size=no report] U.S.-backed (Idlib)"])
def test_ascii_text_is_tokenised_as_the_unicode_pattern_does(text):
    import re

    from marsad.extract.tfidf import _WORD_TOKENS, _token_pattern

    assert _token_pattern(_WORD_TOKENS, True).findall(text) == re.findall(_WORD_TOKENS, text)
    assert _token_pattern(_WORD_TOKENS, False).pattern == _WORD_TOKENS


@pytest.mark.parametrize("text", ["al-Nusra's 3-day siege", "-lead trail- a--b _x_ 9mm", "x - y -- z", "- -", "a -b- c",
                                  "Gunmen killed a farmer near the well. Gunmen KILLED two farmers", "", "---",
                                  "Students-led rally: students marched.\tstudents\nmarched x\x1cy"])
def test_ascii_terms_are_found_as_the_token_pattern_finds_them(text):
    """Bytes, a table and split give the terms (unigrams, and bigrams across dropped hyphens) the regex gives."""
    from collections import Counter

    from marsad.extract import tfidf

    passages = [*_PASSAGES[:4], "al-nusra s siege a--b x y z a b c lead trail students marched gunmen killed"]
    model = train_model(passages, ["Attack", "Peaceful protest", "Attack", "Peaceful protest", "Attack"],
                        embedding_weight=0.0)
    parts = tfidf.parts_of(model.vectorizer)
    assert parts is not None
    expected = Counter(filter(None, map(parts.vocabulary.get, tfidf.analyze(parts, text))))
    assert Counter(tfidf._ascii_found_columns(tfidf._ascii_terms(parts), text)) == expected
    assert Counter(tfidf._found_columns(parts, text + " é")) == expected  # (the regex, for non-ASCII text)


def test_numpys_float32_log_of_a_count_does_not_depend_on_the_array_around_it():
    """tfidf looks up 1 + log(count) per count instead of taking the log of each row's counts."""
    counts = np.arange(1, 300, dtype=np.float32)
    alone = np.concatenate([np.log(counts[i : i + 1]) for i in range(len(counts))])
    assert np.log(counts).tobytes() == alone.tobytes()
    for start in range(1, 17):  # every offset of a SIMD block
        assert np.log(counts[start:]).tobytes() == alone[start:].tobytes()


def test_one_passages_probabilities_are_those_of_a_batch_of_one():
    from marsad.extract.event_types import load_rules

    model = load_model(shipped_model_path())
    rules = load_rules()
    for text in [*_PASSAGES, "A female bomber set off explosives strapped to her body at a bus stop, killing four.",
                 "Protesters set fire to the town hall — «Ḥamā» — after breaking through police lines. "]:
        typed = rules.classify(text)
        assert model._row(text, typed) == model.probabilities([text], [typed])[0].tolist()
        assert np.array(model._row(text, typed), dtype=np.float32).tobytes() == \
            model.probabilities([text], [typed])[0].tobytes()


def test_the_quick_scores_are_the_float32_scores_to_within_the_slack():
    from marsad.extract.event_model import _SLACK
    from marsad.extract.event_types import load_rules

    model = load_model(shipped_model_path())
    rules = load_rules()
    for text in [*_PASSAGES, "A female bomber set off explosives strapped to her body at a bus stop, killing four.",
                 "Protesters set fire to the town hall — «Ḥamā» — after breaking through police lines. "]:
        typed = rules.classify(text)
        features = model._features(model._parts(), text, typed)
        assert features is not None
        quick, exact = model._quick_row(model._parts(), features), model._row(text, typed)
        assert len(quick) == len(exact) and exact == model._exact_row(model._parts(), features)
        assert max(abs(a - b) for a, b in zip(quick, exact)) < _SLACK / 3
        label, probability = model._choice(exact, typed, 0.0) or ("", 0.0)
        combined = model.combine(text, typed, rules.event_type_of)
        assert combined.sub_event_type == label and combined.type_confidence == round(probability, 4)


def test_a_choice_too_close_to_call_is_left_to_the_float32_scores():
    from marsad.extract.event_types import EventTyping

    model = load_model(shipped_model_path())
    guess = EventTyping("Strategic developments", "Other", "event_types.rules.default", 0.3)
    row = [0.0] * len(model.classes)
    row[0], row[1] = 0.69, 0.31
    assert model._choice(row, guess, 1e-6) == (model.classes[0], 0.69)
    row[0], row[1] = 0.50000005, 0.49999995  # (a rival within reach)
    assert model._choice(row, guess, 1e-6) is None
    assert model._choice(row, guess, 0.0) == (model.classes[0], 0.50000005)
    row[0], row[1] = 0.71235, 0.28765  # (the printed figure at a boundary of its four decimals)
    assert model._choice(row, guess, 1e-6) is None
