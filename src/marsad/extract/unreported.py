"""Killings a report tells but does not report as happening in its incident.

A death demanded, threatened, commemorated, mourned, long past, of illness, miscounted or
coded as a separate event, and the deaths a protest report gives as the reason
people gathered, are no count of the report's own (:func:`not_reported`,
:func:`is_protest_report`). The casualties component asks here about every
outcome word it reads; the events component reads :data:`UNREPORTED_TRIGGERS`
so that it makes no incident of them either.
"""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import PAST_PERIOD
from marsad.extract.numbers import ORDINAL
from marsad.extract.pipeline import LEADING_MIN_CHARS, DocContext
from marsad.extract.wordscan import opening_words

#: (one pattern each, so that the ones whose words a document lacks are not tried: DocContext.may_match)
_PAST_REFERENCES: Final = (re.compile(r"[^.;]{0,40}?\b(?:\d+|a|one|two|three|four|five|six|ten|several|many)\s+years?\s+ago\b", re.I),
                    re.compile(r"[^.;]{0,30}?\b(?:last\s+year|in\s+recent\s+(?:months|years)|in\s+(?:19|20)\d\d\b(?![^.;]{0,5}\d))",
                               re.I),
                    # "a journalist killed in last month's raid": an incident a month or more back
                    re.compile(r"\s+(?:in|during)\s+(?![\w\s]{0,14}\bweek)" + PAST_PERIOD + r"['’]s\b", re.I))
_FUNERAL_SCENE: Final = "".join(rf"(?<!\b{words}\s)" for words in (r"at\sa", r"at\sthe", r"on\sa", r"on\sthe", r"into\sa",
                                                                r"hit\sa", r"struck\sa", r"attacked\sa", r"targeted\sa")) \
    + r"funerals?"
_NOT_REPORTED: Final = re.compile(
    # (a ransom or levy demanded is the killers' extortion, not a demand about the dead: "Gunmen who demanded
    # 50 million naira in ransom have killed two of the students")
    r"(?:\b(?:protest(?:ed|ing|s)?\s+(?:against|over)|demand(?:ed|ing|s)?(?!\s+(?:[\w,.-]+\s+){0,4}?(?:ransoms?|levy|levies|"
    r"extortion|protection\s+money)\b)|justice|denounc\w+|condemn\w*|commemorat\w+|in\s+memory|"
    # a funeral that is the scene of the attack ("a bomber struck a funeral, killing 15 mourners") is no
    # commemoration of the count's dead ("the funeral of three teenagers killed in last week's strike")
    r"anniversary|mourn(?:s|ed|ing)?|in\s+protest)\b[^.;]*$)"
    # (in the clause naming the mourned: "opened fire at the funeral of a commander, killing four" counts)
    r"|\b(?:" + _FUNERAL_SCENE + r"|funerals?(?=\s+(?:of|for)\b))\b[^.;,]*$"
    # (a finite "were" after the infinitive is the trigger's own passive: "two passengers who tried to flee were
    # shot dead" are dead; "threatened to have them killed" is no death)
    r"|\b(?:threat\w*|tried|attempt\w*|plot\w*|plann\w*|vow\w*|intend\w*|wanted|order\w*|sought|seeking)\s+to\s+"
    r"(?:(?!(?:was|were|is|are)\s)[\w-]+\s+){0,2}$"
    # "called on the authorities to investigate the killing of 14 protesters": a demand, not the report
    r"|\bcall(?:ed|s|ing)?\s+(?:on\s+[\w\s'-]{1,60}?\s+)?(?:to\s+investigate|for\s+(?:an?\s+)?(?:independent\s+)?"
    r"(?:investigation|inquiry|probe)\s+into)\s+(?:the\s+)?$"
    r"|\b(?:would|will|could|might|may)\s+(?:have\s+been\s+|be\s+|have\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:suspected\s+of|accused\s+of|in\s+relation\s+to|in\s+connection\s+with|responsible\s+for|involvement\s+in|"
    r"charged\s+with|convicted\s+of|sentenced\s+for|arrested\s+for|for\s+(?:the\s+)?(?=killing|murder))\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
    # "arrested four men suspected of involvement in last month's bombing in Quetta that killed 11": the
    # earlier attack the suspects are tied to, named with its toll
    # (its place told too: "… in last month's attack on a village in Mangu that killed 19")
    r"|\b(?:suspected\s+of|accused\s+of|in\s+connection\s+with|responsible\s+for|involvement\s+in|involved\s+in|"
    r"help(?:ed|ing)\s+(?:to\s+)?(?:plan|carry\s+out|organi[sz]e)|masterminded)\s+(?:[\w'’-]+\s+){1,10}?(?:that|which)\s+"
    r"(?:had\s+|has\s+)?$"
    # "… launched an offensive, three days after the attack on the base that killed seven soldiers": the earlier
    # attack this report's event followed, named with its toll
    # "a revenge attack for the killing of a gang member last week": the killing the attack answered
    r"|\b(?:revenge|retaliation|reprisal|retribution)\s+(?:attacks?\s+|killings?\s+)?for\s+(?:the\s+)?$"
    # "the mastermind of last month's train hijacking, in which 26 hostages died": the earlier attack, its toll told
    r"|\blast\s+(?:week|month|year)['’]s\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:in|during)\s+which\s+(?:[\w-]+\s+){0,5}$"
    # ("to mark one year since the attack in which dozens of villagers were killed": an anniversary)
    r"|\b(?:days?|weeks?|months?|years?)\s+(?:after|following|since)\s+(?:the|an?)\s+(?:[\w'’-]+\s+){1,8}?(?:that|which)\s+"
    r"(?:had\s+|has\s+)?$"
    r"|\b(?:weeks?|months?|years?)\s+(?:after|following|since)\s+(?:the|an?)\s+(?:[\w'’-]+\s+){1,8}?(?:in|during)\s+which\s+"
    r"(?:[\w'’-]+\s+){0,6}$",
    re.I,
)
#: where a _NOT_REPORTED can begin (casefold.WindowScan)
_NOT_REPORTED_STARTS: Final = (re.compile(opening_words(
    r"\b(?:protest|demand|justice|denounc|condemn|commemorat|in|anniversary|mourn|funeral|threat|tried|attempt|plot|call|"
    r"plann|vow|intend|wanted|order|sought|seeking|would|will|could|might|may|suspected|accused|responsible|"
    r"involvement|involved|help|mastermind|connection|charged|convicted|sentenced|arrested|for|day|week|month|year|last|revenge|retaliation|reprisal|retribution)"),
    re.I,
),)


#: ``ctx.extra`` key: where outcome words were read as not reported here ("funerals for the 36 soldiers
#: killed on Thursday"), so that the events component does not make an incident of them either
UNREPORTED_TRIGGERS: Final = "casualties.unreported_triggers"


def unreported_trigger(ctx: DocContext, start: int, end: int, outcome: str) -> bool:
    if not not_reported(ctx, start, end):
        return False
    if outcome in ("killed", "executed"):  # an arrest told in passing may still be the report's event
        ctx.extra.setdefault(UNREPORTED_TRIGGERS, []).append((start, end))
    return True


def not_reported(ctx: DocContext, start: int, end: int) -> bool:
    """A killing that is demanded, threatened, commemorated, long past or reported
    as a separate incident, not reported as happening in this one."""
    sentence_start, sentence_end = ctx.sentence_at(start)
    scan = ctx.windows(_NOT_REPORTED, _NOT_REPORTED_STARTS)
    found = scan.search(max(sentence_start, start - 200), start)
    if found is not None:
        toll = _condemned_toll(ctx, found.start(), start)
        if toll is None or scan.search(toll, start):  # (what the relative clause says itself still counts)
            return True
    ordinal, text = ctx.lowered(_ORDINAL_BEFORE)
    numbered = ordinal.search(text, max(sentence_start, start - 50), start)
    if numbered and not (numbered.group("noun") is None and _counts_after(ctx, end)):
        return True  # "…, the third soldier killed this week": the one just counted, numbered in a run
    if (ctx.may_match(_SEPARATE) and _SEPARATE.match(ctx.norm, end, min(sentence_end, end + 120))) or \
            (ctx.may_match(_MISCOUNTED) and _MISCOUNTED.match(ctx.norm, end, min(sentence_end, end + 80))):
        return True
    if _protest_background(ctx, start, end, sentence_start, sentence_end):
        return True
    if ctx.may_match(_ILLNESS) and _ILLNESS.match(ctx.norm, end, min(sentence_end, end + 60)):
        return True  # "ten people have died of cholera in the camp": no one killed them
    if ctx.may_match(_PAST_PERIOD_AFTER) and _PLUPERFECT_RELATIVE.search(ctx.norm, max(sentence_start, start - 20), start) and \
            _PAST_PERIOD_AFTER.match(ctx.norm, end, min(sentence_end, end + 60)):
        return True  # "threats from a group that had killed three people there last month"
    for past in _PAST_REFERENCES:  # (a loop, not any() over a generator: asked for each outcome word)
        if ctx.may_match(past) and past.match(ctx.norm, end, min(len(ctx.norm), end + 60)):
            return True
    return False


#: a condemnation's object followed by its toll in a relative clause ("condemned the shelling of Taiz on Saturday,
#: which he said killed three civilians", "denounced the attack that killed six"): the statement tells the toll
_CONDEMNED: Final = re.compile(r"(?:condemn|denounc)\w*", re.I)
_TOLL_RELATIVE: Final = re.compile(r"(?:,\s*)?\b(?:that|which)\s+(?:(?:he|she|they|it|officials|the\s+[\w-]+)\s+said\s+)?"
                                   r"(?:has\s+|had\s+|have\s+)?$", re.I)


def _condemned_toll(ctx: DocContext, found: int, trigger: int) -> int | None:
    """Where the relative clause begins when a condemnation ("condemned", "denounced") found at ``found`` names an
    attack whose toll the clause before ``trigger`` tells; None otherwise."""
    if not _CONDEMNED.match(ctx.norm, found) or ("that" not in ctx.norm[found:trigger] and "which" not in ctx.norm[found:trigger]):
        return None  # (cheap gate: no relative pronoun between them)
    relative = _TOLL_RELATIVE.search(ctx.norm, max(found, trigger - 60), trigger)
    return relative.end() if relative is not None else None


def _protest_background(ctx: DocContext, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
    """A protest's words around the trigger, and the words just before it telling the killing as its reason
    ("protested over the killing of …"). The cheaper test first: a long text's protest words are found from its
    words (DocContext.windows, LEADING_MIN_CHARS) once, and searched around each trigger; a short text's are
    scanned for, which costs more than the words before one trigger (most notes have one)."""
    window = (max(sentence_start, start - 400), min(sentence_end, end + 400))  # run-on sentences stay linear
    background, text = ctx.lowered(_BACKGROUND)
    if len(ctx.norm) >= LEADING_MIN_CHARS:
        return ctx.windows(_PROTEST, _PROTEST_STARTS).search(*window) is not None and \
            background.search(text, max(sentence_start, start - 90), start) is not None
    return background.search(text, max(sentence_start, start - 90), start) is not None and \
        ctx.windows(_PROTEST, _PROTEST_STARTS).search(*window) is not None


#: why a toll came down ("after two people listed as dead were found alive", "some bodies were counted
#: twice"): the people named were never more dead
_MISCOUNTED: Final = re.compile(r"[^.;]{0,40}?\b(?:(?:were|was|had\s+been)\s+(?:later\s+|still\s+)?(?:found|discovered)\s+(?:to\s+be\s+)?alive|"
                         r"turned\s+out\s+to\s+be\s+alive|"
                         # ("one of the men first reported dead had survived", "a woman listed among the dead was alive")
                         r"(?:had|has|have)\s+(?:in\s+fact\s+)?survived|(?:was|were|is|are)\s+(?:still\s+|in\s+fact\s+)?alive\b|"
                         r"(?:counted|listed|recorded)\s+(?:twice|two\s+times|more\s+than\s+once)|"
                         r"double[- ]counted)|"
                         # ("two first counted among the dead had been pulled alive from the rubble"; not "two were
                         # killed and three were pulled out alive", "killed, whose wife was rescued alive": another
                         # subject comes first)
                         r"(?:(?!\b(?:and|whose|while|whereas|but|as)\b)[^.;]){0,40}?\b(?:were|was|had\s+been|have\s+been)\s+"
                         r"(?:later\s+|since\s+)?"
                         r"(?:pulled|rescued|dug|brought|taken|recovered|evacuated)\s+(?:out\s+)?alive\b", re.I)
_ORDINAL_BEFORE: Final = re.compile(r"\bthe\s+" + ORDINAL + r"\s+"
                             # (not a unit's name: "fighters of the Eighth Brigade were killed", "the 25th Division")
                             r"(?!(?:[\w-]+\s+)?(?:brigades?|divisions?|corps|regiments?|battalions?|army|armies|"
                             r"infantry|armou?red|fleet|squadrons?|legion|company|mechani[sz]ed|commando)\b)"
                             r"(?P<noun>(?:[\w-]+\s+){1,2})?$", re.I)


def _counts_after(ctx: DocContext, end: int) -> bool:
    """Whether a count follows the verb at ``end``: "the second killed five more" is an active verb whose subject
    is the ordinal (the second bomb), not one more person numbered in a run."""
    return any(end <= number.start <= end + 2 for number in ctx.numbers)


#: a death of illness ("died of cholera", "from suspected measles", "of natural causes"): no violence's toll
_ILLNESS: Final = re.compile(r"\s+(?:(?:in\s+\w+\s+|this\s+\w+\s+|so\s+far\s+)?(?:of|from)\s+(?:suspected\s+|an?\s+)?"
                      r"(?:cholera|malaria|measles|dengue|covid(?:-19)?|coronavirus|diseases?|illness(?:es)?|"
                      r"natural\s+causes|heart\s+attacks?|diarrh\w+|tuberculosis|ebola|mpox|meningitis|fever)\b)", re.I)
_PLUPERFECT_RELATIVE: Final = re.compile(r"\b(?:that|which|who)\s+had\s+$", re.I)
_PAST_PERIOD_AFTER: Final = re.compile(r"[^.;]{0,40}?\b" + PAST_PERIOD + r"\b", re.I)
_SEPARATE: Final = re.compile(r"[^.;]*?\((?:fatalities\s+)?coded\s+to\s+[^)]*\bevents?\)|[^.;]*?\((?:coded|reported|recorded)\s+(?:as\s+a\s+)?separate(?:ly)?[^)]*\)|"
                       r"[^.;()]*?\b(?:coded|reported|recorded)\s+(?:as\s+a\s+)?separate(?:ly|\s+event)", re.I)
_PROTEST: Final = re.compile(r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ied|ies)|(?-i:march\b)|marche[ds]|marching|vigil|sit-in|picket\w*|"
                      r"gathered|strike\s+action|blocked|mob|riot\w*|burn(?:t|ed)\s+(?!to\s+death)|looted|damaged|"
                      r"press\s+conference|arrested|detained|became\s+violent)\b", re.I)
#: where a _PROTEST can begin (casefold.WindowScan; its words' beginnings, in any case)
_PROTEST_STARTS: Final = (re.compile(opening_words(r"\b(?:protest|demonstrat|rall|march|vigil|sit|picket|gathered|strike|blocked|"
                                            r"mob|riot|burn|looted|damaged|press|arrested|detained|became)"), re.I),)
_BACKGROUND: Final = re.compile(r"(?:\b(?:after|following|over|because\s+of|due\s+to|who|whose)\b[^,;()]{0,80}$|"
                         r"\b(?:against|over|for|of|after|about|following|denounce|condemn|protest|mourn|tribute\s+to)\s+(?:the\s+)?"
                         r"(?:recent\s+|alleged\s+|claimed\s+|brutal\s+)?|\b(?:who|which)\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+){0,2})$", re.I)


_PROTEST_LEAD: Final = re.compile(
    r"\b(?:protest\w*|rall(?:y|ied|ies)|vigil|demonstrat\w+|gathered|(?-i:march(?:ed)?)|sit-in|picket\w*|walk-out|"
    r"mob|riot\w*|looted|vandali[sz]ed|blocked|commemorat\w+|press\s+conference)\b", re.I)
_VIOLENT_LEAD: Final = re.compile(r"\b(?:opened\s+fire|fired|shot|shooting|killing|killed|clash\w*|attack\w*|lynch\w*|"
                           r"beat(?:en|ing)?|stabb\w+|hack\w*|exploded|bomb\w*|dispers\w+|"
                           # ("air strikes on terrorist elements gathered near Nampala, neutralising fifteen")
                           r"neutrali[sz]\w*|(?:air|drone)\s*strikes?|shell(?:ed|ing)|ambush\w*)\b", re.I)
#: a piece of every _VIOLENT_LEAD match, lower-cased: a lead without any of them has none (tested)
_VIOLENT_LEAD_PIECES: Final = ("fire", "shot", "shoot", "kill", "clash", "attack", "lynch", "beat", "stabb", "hack",
                               "exploded", "bomb", "dispers", "neutrali", "strike", "shell", "ambush")
#: where a _PROTEST_LEAD can begin (casefold.WindowScan)
_PROTEST_LEAD_STARTS: Final = (re.compile(opening_words(r"\b(?:protest|rall|vigil|demonstrat|gathered|march|sit|picket|walk|mob|"
                                                 r"riot|looted|vandali|blocked|commemorat|press)"), re.I),)


def is_protest_report(ctx: DocContext) -> bool:
    """A report leading with a protest, vigil or riot: killings it mentions in
    passing (relative clauses, nouns) are its background, not its toll."""
    if not ctx.sentences:
        return False
    # searched in the document between the lead's ends: a sentence begins after a
    # space or at the start, so its first \b reads as at the start of the lead alone
    # (the violent words first, searched lower-cased in the lead alone; the protest words,
    # with their case-sensitive "march", cannot be lowered: they are tried only where they can begin)
    start, end = ctx.sentences[0]
    violent, text = ctx.lowered(_VIOLENT_LEAD)
    # The engine tries the alternation at every position of the lead (about 30,000 instructions); on the
    # lowered text (a case-sensitive pattern) a lead holding none of its pieces cannot match: a few
    # substring searches tell most leads apart.
    if violent.flags & re.IGNORECASE or _holds_a_piece(text[start:end]):
        if violent.search(text, start, end) is not None:
            return False
    return ctx.windows(_PROTEST_LEAD, _PROTEST_LEAD_STARTS).search(start, end) is not None


def _holds_a_piece(lead: str) -> bool:
    for piece in _VIOLENT_LEAD_PIECES:
        if piece in lead:
            return True
    return False
