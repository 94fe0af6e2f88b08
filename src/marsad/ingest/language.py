"""The language gate: is a report in English, and if not, in what language?

marsad's extraction reads English. A report is refused only when the evidence
that it is *not* English is clear; otherwise it is extracted, and a short text
the detector is unsure about is extracted too. One-line English reports
("Pastor killed on Abuja-Kaduna highway") are the hard case: character n-gram
identifiers (py3langid) see too little text and name Nigerian Pidgin, Slovak
or Bikol. So the gate weighs three kinds of evidence:

1. **Script.** Mostly Arabic letters: Arabic (or Persian/Urdu/Pashto, which
   py3langid tells apart); mostly letters of another non-Latin script: that
   script's language. Neither is English.
2. **Words.** The share of words that are common English words (function words
   and the vocabulary of conflict reports) against the share of function words
   of other Latin-script languages (French, Spanish, Portuguese, Italian,
   German, Dutch, Turkish, Indonesian/Malay, Swahili...). Place and personal
   names count for neither.
3. **py3langid**, with normalised probabilities, as the tie-breaker.

A text is refused (``english == "no"``) when it is mostly in a non-Latin script,
or when foreign function words clearly outnumber English words and py3langid
agrees that it is not English. Everything else is ``"yes"`` or ``"unsure"``
(both extracted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SAMPLE_CHARS = 1500  # enough for a reliable guess; the cost stays flat for long reports

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_SCRIPT_LANGUAGES = ["ar", "fa", "ur", "ps", "ku", "ug"]

# Common English words: function words, and the words conflict reports are made
# of. Words that are as common in another Latin-script language ("a", "in",
# "die", "was", "on", "de") are left out so that they count for neither side.
_ENGLISH = frozenset("""
the of and to were by at with from for that is are has have had been be being after as his her their its who which
whom whose this these those near into during over under about against between while when where two three four five
six seven eight nine ten several many dozens hundreds people person persons man men woman women child children boy
boys girl girls killed kill kills killing dead death deaths died dies injured wounded hurt shot shooting gunmen gunman
armed attack attacked attacks attackers police policeman policemen officer officers soldier soldiers troops army
forces military rebels rebel militants militant fighters fighter protest protests protesters protested demonstrators
rally rallied march marched strike strikes struck airstrike airstrikes bomb bombs bombing blast explosion exploded
shelling shelled village villages town city district province state region highway road residents civilians civilian
government security group groups members member leader leaders local unknown unidentified suspected reported reports
said says according claimed arrested arrest detained abducted kidnapped kidnappers bandits bandit herdsmen pastor
priest church mosque market school students teachers workers farmers houses homes vehicle vehicles car truck drone
drones rocket rockets missile missiles mortar fire gunfire clashes clash clashed fighting fought heavy least more than
other others also not no one on yesterday today monday tuesday wednesday thursday friday saturday sunday night morning
evening afternoon week weeks month day days january february march april june july august september october november
december near outside inside across front in
""".split()) - {"in", "on", "no", "one"}

# Function words of other Latin-script languages: articles, prepositions,
# conjunctions and auxiliaries that never occur in English prose.
_FOREIGN = {
    "fr": "le la les de des du un une est sont dans pour que qui sur par au aux avec ont été cette ces leur leurs selon lors"
          " entre contre après mais ou où ne pas plus été sa ses son il ils elle elles nous vous manifestants tués"
          " blessés policiers personnes",
    "es": "el la los las de del un una y es son en por para que con se al su sus fue fueron han sido este esta entre contra"
          " después pero como más muy según durante personas muertos heridos manifestantes policía",
    "pt": "o os as de do da dos das um uma e é são em no na nos nas por para que com se ao foi foram pelo pela seu sua"
          " entre contra depois mas como mais segundo durante pessoas mortos feridos manifestantes polícia não",
    "it": "il lo la gli di un della delle dei degli una e è sono nel nella per che con si al alla fu sono stati tra contro"
          " dopo ma come più secondo durante persone morti feriti manifestanti polizia non",
    "de": "der die das den dem des ein eine einer und ist sind im mit von zu auf für nicht wurde wurden bei nach"
          " gegen aus sich auch wie durch menschen getötet verletzt polizei demonstranten",
    "nl": "het een en van op voor niet zijn werd werden bij naar tegen uit ook door mensen gedood gewond politie"
          " betogers",
    "tr": "ve bir bu da ile için olarak çok daha gibi sonra kadar göre ama veya şu olan oldu edildi kişi yaralandı"
          " öldü polis göstericiler saldırı",
    "id": "yang dan di dari ini itu dengan untuk tidak akan pada juga oleh ke dalam telah sudah orang tewas"
          " polisi warga",
    "sw": "na wa ya kwa katika watu kuwa ni za la cha vya hao hii huo polisi waliuawa",
}
_FOREIGN_WORDS = {lang: frozenset(words.split()) - _ENGLISH for lang, words in _FOREIGN.items()}


@dataclass(frozen=True)
class LanguageGuess:
    """The gate's verdict on one text."""

    language: str  # ISO 639-1 code of the likeliest language; "en" when unsure (the text is extracted as English)
    english: str  # "yes", "unsure" (extracted anyway) or "no" (refused)
    detail: str = ""  # why, in a few words (for logs and error messages)

    @property
    def refused(self) -> bool:
        return self.english == "no"


def assess_language(text: str) -> LanguageGuess:
    """Whether ``text`` is English; see the module docstring for the evidence."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return LanguageGuess("en", "unsure", "no letters")
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic / letters >= 0.5:
        return LanguageGuess(_ranked(sample, _ARABIC_SCRIPT_LANGUAGES), "no", "Arabic script")
    if latin / letters < 0.5:
        language, _ = _identifier().classify(sample)
        return LanguageGuess(language if language != "en" else "und", "no", "non-Latin script")
    words = [w.lower() for w in _WORD.findall(sample)]
    english = sum(w in _ENGLISH for w in words)
    foreign_language, foreign = max(((lang, sum(w in vocab for w in words)) for lang, vocab in _FOREIGN_WORDS.items()),
                                    key=lambda item: item[1])
    share_english = english / max(1, len(words))
    english_words = share_english >= 0.3 or (english >= 3 and share_english >= 0.15)
    # the words settle most English texts: py3langid (a third of a one-line run's start-up) only when they do not
    language, probability = ("en", 1.0) if english_words else _identifier().classify(sample)
    if language == "en" or english_words:
        return LanguageGuess("en", "yes", f"{english} of {len(words)} words English")
    clearly_foreign = foreign >= 3 and foreign / len(words) >= 0.2 and foreign >= 3 * max(1, english)
    if clearly_foreign and language != "en":
        named = language if language in _FOREIGN else foreign_language
        return LanguageGuess(named, "no", f"{foreign} of {len(words)} words {named} function words")
    return LanguageGuess("en", "unsure", f"py3langid: {language} {probability:.2f}; {english} English words")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; ``"en"`` unless the gate refuses it."""
    return assess_language(text).language


def _ranked(sample: str, languages: list[str]) -> str:
    ranked = _identifier().rank(sample)
    return next((lang for lang, _ in ranked if lang in languages), languages[0])


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's bundled model with normalised probabilities, loaded once.

    The shipped model is LZMA-compressed and takes about half a second of CPU
    to unpack at every start; a copy pickled in the data directory (written
    once per py3langid version) loads in milliseconds. Any problem with the
    copy falls back to py3langid's own loader."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        return _cached_identifier()
    except Exception:  # noqa: BLE001 - the cache is an optimisation only
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _cached_identifier():
    import os
    import pickle
    from importlib.metadata import version

    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from marsad.config import data_dir

    cached = data_dir() / f"cache/py3langid-{version('py3langid')}-norm.pickle"
    if cached.exists():
        with cached.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 - a file marsad wrote itself
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.part")
    with partial.open("wb") as handle:
        pickle.dump(identifier, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, cached)  # atomic: parallel workers never read half a file
    return identifier
