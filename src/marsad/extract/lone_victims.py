"""One victim told without a count of its own (``casualties.subject`` and ``casualties.object`` rules of
:mod:`marsad.extract.casualty_verbs`): a headline's bare subject ("Soldier shot dead in Daraa"), the lone attacker
who opens a sentence and died "before being shot dead", and a pronoun the verb leaves dead ("shot him dead"; "shot
them dead", the people its sentence counted before). Also the test those rules share of whether words name people.
"""

from __future__ import annotations

import re
from typing import Final

from marsad.extract.casualties import Finding, NumberIndex, names_people
from marsad.extract.pipeline import DocContext

#: "…, killing two Israelis, before being shot dead": the verb's subject is the sentence's, told before its victims
_BEFORE_BEING: Final = re.compile(r"(?:,\s*)?\b(?:before|after|until|and)\s+(?:later\s+|then\s+)?being\s+$", re.I)
#: a lone person opening the sentence ("A Palestinian gunman opened fire …"); its head is read word by word
_LONE_OPENING: Final = re.compile(r"\s*(?:an?|the|one)\s+((?:[\w-]+\s+){1,4})", re.I)
_LONE_HEADS: Final = frozenset(("gunman", "attacker", "assailant", "bomber", "shooter", "stabber", "man", "woman", "militant",
                                "fighter", "suspect", "assassin", "teenager", "youth", "soldier", "policeman", "guard"))


def subject_before_being(ctx: DocContext, match: re.Match, outcome: str) -> list[Finding]:
    """"A gunman opened fire …, killing two Israelis, before being shot dead by a soldier": the one person who
    opens the sentence died too (one more, the attacker), told by a subjectless passive after the clause."""
    if _BEFORE_BEING.search(ctx.norm, max(0, match.start() - 30), match.start()) is None:
        return []
    sentence_start = ctx.sentence_at(match.start())[0]
    lone = _LONE_OPENING.match(ctx.norm, sentence_start)
    words = lone.group(1).split() if lone is not None else []
    head = next((index for index, word in enumerate(words) if word.lower() in _LONE_HEADS), None)
    if lone is None or head is None or words[head + 1:head + 2] in (["and"], ["or"]):
        return []  # ("a gunman and his accomplice …": not one person)
    return [Finding(outcome, None, 1, lone.start(), match.end(), match.start(), match.end(),
                    " ".join(words[:head + 1]), "casualties.subject.before_being", 0.7)]


_PRONOUN_BEFORE_DEAD: Final = re.compile(r"\b(?:shot|shoot|shoots|shooting|gunned|left|leaving|leave|leaves)\s+(?P<pronoun>him|her|them)\s+$",
                                  re.I)


def pronoun_left_dead(ctx: DocContext, numbers: NumberIndex, match: re.Match, outcome: str) -> list[Finding] | None:
    """"shot him dead" is one; "dragged two brothers out … and shot them dead" is the two the sentence counted
    before (a number whose words name people), and no one when it counted none. None: not this form."""
    before = _PRONOUN_BEFORE_DEAD.search(ctx.norm, max(0, match.start() - 30), match.start())
    if before is None:
        return None
    start = before.start("pronoun")
    if before.group("pronoun").lower() != "them":
        return [Finding(outcome, None, 1, start, match.end(), match.start(), match.end(), before.group("pronoun"),
                        "casualties.object.pronoun", 0.7, active=True)]
    sentence_start = ctx.sentence_at(match.start())[0]
    for number in reversed(numbers.within(sentence_start, start)):
        head = " ".join(ctx.norm[number.end:start].split()[:2])  # ("two brothers out of their home")
        if not numbers.is_used(number) and names_people_or_others(head):
            numbers.take(number)
            return [Finding(outcome, number, number.value, number.start, match.end(), match.start(), match.end(),
                            head, "casualties.object.pronoun", 0.7, active=True)]
    return []


#: people a count names that are no civilians' or combatants' words
_OTHER_PEOPLE: Final = re.compile(r"\b(?:members?|bombers?|suspects?|kidnappers?|smugglers?|attackers?|assailants?|gunm[ae]n)\b",
                                  re.I)


def names_people_or_others(victims: str) -> bool:
    """Whether words name people: civilians' or combatants' words, or members, suspects, attackers …"""
    return bool(names_people(victims) or _OTHER_PEOPLE.search(victims))


#: a headline's subject without an article: "Palestinian killed by Israeli fire", "Syria: Soldier shot dead in Daraa",
#: "Mayor of Chilpancingo found dead" (the head's place after "of")
_HEADLINE_SUBJECT: Final = re.compile(r"(?:[\w' -]{1,30}:\s*)?(?:[A-Z][\w'-]*\s+)?(?P<head>[A-Za-z][\w-]*)"
                               r"(?:\s+of\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?\s*")


#: what follows a headline's passive participle ("Soldier killed in …", "… killed by Israeli fire", "… killed, ministry says")
#: ("… found dead days after taking office")
_PASSIVE_HEADLINE_AFTER: Final = re.compile(r"\s+(?:in|by|as|when|after|near|at|on|during|while|outside|inside|overnight|today)\b|"
                                     r"\s+(?:days?|hours?|weeks?)\s+(?:after|before)\b|\s*(?:[,.;:]|$)", re.I)
_COLLECTIVE: Final = frozenset({"police", "people", "military", "army", "security", "personnel", "staff", "youth", "militia", "family"})


def headline_subject(ctx: DocContext, clause_start: int, aux_start: int, match: re.Match, outcome: str) -> list[Finding]:
    """A headline's bare singular subject of a passive ("Soldier shot dead in Daraa"): one dead."""
    sentence_start = ctx.sentence_at(match.start())[0]
    prefix = ctx.norm[sentence_start:clause_start]
    bare = _HEADLINE_SUBJECT.fullmatch(ctx.norm, sentence_start, aux_start) \
        if not prefix.strip() or prefix.rstrip().endswith(":") else None
    if bare is None:
        return []
    head = bare.group("head")
    from marsad.extract.actors import demonym_countries

    if not _PASSIVE_HEADLINE_AFTER.match(ctx.norm, match.end()):
        return []  # "Gunmen killed 20 cows": the killers, not the killed
    person = not head.lower().endswith(("s", "men", "children", "people")) and head.lower() not in _COLLECTIVE and (
        names_people_or_others(head) or (head[:1].isupper() and demonym_countries(head)))
    if not person:
        return []
    return [Finding(outcome, None, 1, bare.start("head"), match.end(), match.start(), match.end(), head,
                    "casualties.subject.singular", 0.6)]
