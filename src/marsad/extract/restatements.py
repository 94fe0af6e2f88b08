"""Which counts restate others: a pronoun or a definite noun telling the dead again ("He was killed …"),
a short summary line ("2 fatalities."), another source's figure for the same dead, bodies found of the dead
already counted, and a party's claim beside the report's own count. Each is kept as its alternative
(``alternative_of``): on record for low/best/high, never added (``marsad.counting.total``).

Called by :mod:`marsad.extract.tallies` once counts have their periods; the ledger
(:mod:`marsad.extract.ledger`) then relates what is left."""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import ONE_OF_THE_WOUNDED, SOURCE_SAID, STATE_SPEAKER, SUMMED, outcome_family
from marsad.extract.casualties import Finding, names_relative
from marsad.extract.casualty_nouns import ONE_KNOWN_BODY
from marsad.extract.ledger import is_claim, is_source_toll, sentence_countries, sets_against
from marsad.extract.numbers import ORDINAL
from marsad.extract.pipeline import DocContext
from marsad.extract.same_dead import distinct_scope, introduces_new
from marsad.model import Casualty

# A party's claim beside the report's own counts

#: victims named by no side: "people", "persons", "others"
#: (also when the people are "most of them civilians": of no one side, the count still names no other dead)
_ANY_VICTIMS = re.compile(r"^[\s,]*(?:[\w-]+\s+)?(?:people|persons?|individuals|others)?[\s,]*"
                          r"(?:(?:most|many|some|mostly|half)(?:\s+of\s+(?:them|whom))?\s+[\w-]+[\s,]*)?$", re.I)


def other_victims(ctx: DocContext, finding: Finding, casualty: Casualty, other_finding: Finding, other: Casualty) -> bool:
    """Whether two counts are of different dead: civilians and combatants, each named so
    (a side's own losses are its own, whatever it calls them: "the army said it lost 5 men")."""
    if not (casualty.victims and other.victims) or casualty.victims == other.victims:
        return False
    return not any(_ANY_VICTIMS.match(f.victim_text) or ctx.norm.startswith("los", f.trigger_start)
                   for f in (finding, other_finding))


def adds_to_claim(ctx: DocContext, claim_finding: Finding, finding: Finding) -> bool:
    """Whether the report's own count told after a party's claim, in its sentence, is of more dead ("police
    said they killed five militants; one officer also died")."""
    return finding.start > claim_finding.start and ctx.sentence_index(finding.start) == ctx.sentence_index(claim_finding.start) \
        and introduces_new(ctx, finding)


#: the other side, as a state force names it
ENEMY = re.compile(r"\b(?:attackers|assailants|militants|terrorists|insurgents|bandits|jihadists|rebels|gunmen|fighters|"
                    r"extremists|infiltrators)\b", re.I)


#: a force's word on its own strike, and the causes such a strike gives the dead the report counts: its account of them
_OWN_STRIKE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:aircraft|jets|warplanes|planes|drones|artillery|helicopters)\s+"
                         r"(?:had\s+|have\s+|has\s+)?(?:struck|hit|targeted|bombed|shelled|attacked)\b", re.I)
_STRIKE_CAUSES = ("airstrike", "shelling")


#: a state force's own men named as victims ("a soldier", "two policemen")
_STATE_VICTIMS = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|policem[ae]n|police\s+officers?|gendarmes?)\b", re.I)


def claims_the_enemy(ctx: DocContext, claim_finding: Finding, reference_finding: Finding, reference: Casualty) -> bool:
    """A state force's word on the enemy it killed beside its own losses ("Three soldiers were killed in the
    ambush, and the army said it killed eight of the attackers"; "… killed 12 militants, while losing one
    soldier") or beside the civilians the enemy killed ("six miners were killed …; the army said it killed 15
    of the assailants"): other dead, not its account of the same."""
    from marsad.extract.actors import acled_actor_name, force_kind

    # (by its ACLED name: "Turkish forces" are "Military Forces of Turkey")
    kind = force_kind(acled_actor_name(reference.affiliation)) if reference.affiliation else None
    own_losses = ctx.norm.startswith("los", reference_finding.trigger_start)  # ("losing one soldier": its own)
    if reference.cause in _STRIKE_CAUSES and _OWN_STRIKE.search(ctx.norm, ctx.sentence_at(claim_finding.start)[0], claim_finding.start):
        return False  # "An air strike … killed seven people … The army said its jets had struck a depot, killing several militants"
    state_victims = bool(_STATE_VICTIMS.search(reference_finding.victim_text))  # ("a soldier", of no named force)
    if reference.victims != "civilians" and not own_losses and not state_victims and (
            kind is None or kind[0] not in ("Military Forces", "Police Forces")):
        return False
    return _state_word_on_enemy(ctx, claim_finding, ctx.sentence_at(claim_finding.start)[0])


def _claims_the_state(claim_finding: Finding, reference_finding: Finding, findings: list[Finding],
                      casualties: list[Casualty], claims: set[str]) -> bool:
    """A group's word on the soldiers it killed beside a count of fighters of no state ("killing 12 soldiers …
    Two CDF fighters died in the assault"): the other side's dead, not the same. Its word on soldiers stays the
    same dead wherever the report counts soldiers of its own ("five soldiers and 17 militants died …, while the
    group claimed to have killed 30 soldiers")."""
    if _STATE_VICTIMS.search(claim_finding.victim_text) is None or ENEMY.search(reference_finding.victim_text) is None \
            or _STATE_VICTIMS.search(reference_finding.victim_text) is not None:
        return False
    return not any(c.id not in claims and f is not claim_finding and _STATE_VICTIMS.search(f.victim_text)
                   for f, c in zip(findings, casualties))


def _state_word_on_enemy(ctx: DocContext, claim_finding: Finding, start: int) -> bool:
    """Whether a state speaker (or its troops) tells the claim, between ``start`` and it or after it in its sentence
    ("Troops repelled the attack and killed 20 of the terrorists, an army spokesman said"), and its victims are the enemy."""
    said = STATE_SPEAKER.search(ctx.norm, start, claim_finding.start) or \
        STATE_SPEAKER.search(ctx.norm, claim_finding.end, ctx.sentence_at(claim_finding.start)[1])
    return bool(said and ENEMY.search(claim_finding.victim_text + " " + ctx.norm[claim_finding.end:claim_finding.end + 30]))


def _state_account_of_its_raid(ctx: DocContext, claim_finding: Finding, reference_finding: Finding, reference: Casualty) -> bool:
    """A state force's word on the enemy it killed, beside the civilians the report says its own forces killed, in
    that sentence or the next ("soldiers killed at least 30 civilians during a raid on the village, a local
    association said, while the army said it had killed a number of terrorists"): its account of the same dead."""
    from marsad.extract.actors import acled_actor_name, force_kind

    if reference.victims != "civilians" or not 0 <= ctx.sentence_index(claim_finding.start) - ctx.sentence_index(reference_finding.start) <= 1:
        return False
    if not any((kind := force_kind(acled_actor_name(name))) and kind[0] in ("Military Forces", "Police Forces")
               for name in reference.perpetrator):
        return False
    start = ctx.sentence_at(claim_finding.start)[0]
    return _state_word_on_enemy(ctx, claim_finding, reference_finding.end if reference_finding.start > start else start)


def _same_side(one: str | None, other: str | None) -> bool:
    return one == other or one is None or other is None


def conflicting_claims(ctx: DocContext, claimed: list[tuple[Finding, Casualty]]) -> None:
    """Claims with no figure of the report's own beside them ("the group claimed killing
    two soldiers. Other sources reported one soldier killed"): of the same victims,
    told in the next sentence, the lowest counts (ACLED's most conservative figure)
    and the others are its alternatives; in one sentence they are parts of one list
    ("claimed that it shot dead one soldier and one policeman")."""
    kept: list[tuple[Finding, Casualty]] = []
    for finding, casualty in sorted(claimed, key=lambda pair: pair[1].count or 0):
        same = next((c for f, c in kept if _same_side(c.victims, casualty.victims)
                     and _same_side(c.affiliation, casualty.affiliation)
                     and abs(ctx.sentence_index(f.start) - ctx.sentence_index(finding.start)) == 1), None)
        if same is not None and casualty.count is not None:
            casualty.alternative_of = same.id
        else:
            kept.append((finding, casualty))


def first_non_claim(casualties: list[Casualty], claims: set[str], outcome: str, tally: bool) -> Casualty | None:
    for casualty in casualties:
        same = outcome_family(casualty.outcome) == outcome and casualty.is_tally == tally
        if same and casualty.id not in claims and not casualty.part_of and not casualty.derived:
            return casualty
    return None




_DEFINITE = re.compile(r"^\s*(?:the|this|that|his|her|he|she|him|they|them|their|all)\b", re.I)
_BODIES = re.compile(r"\b(?:bod(?:y|ies)|corpses?|remains)\b", re.I)


def mark_alternatives(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]) -> None:
    """Restatements ("He was killed …"), short summaries ("2 fatalities.") and
    parties' claims beside the report's own figure become ``alternative_of``."""
    # (asked only of the counts the loop and first_non_claim read: none that is part of or derived from another)
    claims = {c.id for f, c in zip(findings, casualties) if not c.part_of and not c.derived and is_claim(ctx, f)}
    primary: dict[str, Casualty] = {}
    first_trigger: dict[str, int] = {}
    orphans: dict[str, list[tuple[Finding, Casualty]]] = {}
    found_by = {c.id: f for f, c in zip(findings, casualties)}
    for finding, casualty in zip(findings, casualties):
        if casualty.part_of or casualty.derived or casualty.outcome not in SUMMED:
            continue
        outcome = outcome_family(casualty.outcome) or casualty.outcome  # one of SUMMED: never None
        # (a running total and an incident's figure told in another sentence never restate each other: "has
        # killed more than 400 people since September … On Sunday, five bodies were found"; in the total's own
        # sentence a count may be one of its list: "At least 15 … this week, among them … and the five men")
        slot = earlier_slot = outcome + ":tally" if casualty.is_tally else outcome
        tally = primary.get(outcome + ":tally")
        if slot not in primary and tally is not None and not casualty.is_tally and tally.id in found_by and \
                ctx.sentence_index(found_by[tally.id].start) == ctx.sentence_index(finding.start):
            earlier_slot = outcome + ":tally"
        earlier = primary.get(earlier_slot)
        if casualty.id in claims:
            # (a running total is no figure for one incident's dead: "said that three soldiers were killed …
            # it had documented 41 deaths since the start of the month")
            reference = earlier if earlier is not None and earlier.is_tally == casualty.is_tally else None
            reference = _own_count_before(ctx, finding, casualty, findings, casualties, claims, same_sentence=True) \
                or (_own_count_before(ctx, finding, casualty, findings, casualties, claims, same_sentence=False)
                    if reference is not None else None) \
                or reference or first_non_claim(casualties, claims, outcome, casualty.is_tally)
            if reference is not None and not _state_account_of_its_raid(ctx, finding, found_by[reference.id], reference) and (other_victims(ctx, finding, casualty, found_by[reference.id], reference)
                                          or adds_to_claim(ctx, finding, found_by[reference.id])
                                          or claims_the_enemy(ctx, finding, found_by[reference.id], reference)
                                          or _claims_the_state(finding, found_by[reference.id], findings, casualties, claims)
                                          or _claim_elsewhere(ctx, found_by[reference.id], finding)):
                reference = None  # "… killed 12 villagers, while the army said it killed 20 jihadists"
            if reference is not None:
                casualty.alternative_of = reference.id
            else:
                casualty.party_claim = True
                orphans.setdefault(outcome, []).append((finding, casualty))
            continue
        if earlier is not None and first_trigger.get(earlier_slot) != finding.trigger_start and (
                (_is_restatement(ctx, finding, found_by.get(earlier.id))
                 and not _bodies_of_others(ctx, finding, casualty, _told_by_body(ctx, found_by.get(earlier.id), finding, findings), earlier))
                or _is_summary(ctx, finding) or _is_other_figure(ctx, finding, casualty, earlier)
                or _state_word_again(ctx, finding, casualty, found_by.get(earlier.id), earlier)
                or _its_word_on_the_raid(ctx, finding, casualty, found_by.get(earlier.id))):
            if _counts_bodies(ctx, finding) and _settles_vague(earlier, casualty):
                earlier.alternative_of = casualty.id  # "dozens were killed … 50 bodies had been counted"
                primary[earlier_slot] = casualty
                continue
            if _counts_bodies(ctx, finding) and earlier.id in found_by and sets_against(ctx, found_by[earlier.id], finding):
                continue  # "media said five were killed, but police said three bodies were found": the ledger weighs them
            casualty.alternative_of = earlier.id
            continue
        primary.setdefault(slot, casualty)
        first_trigger.setdefault(slot, finding.trigger_start)
    for claimed in orphans.values():
        conflicting_claims(ctx, claimed)


def _claim_elsewhere(ctx: DocContext, reference_finding: Finding, claim_finding: Finding) -> bool:
    """A claim told in a later sentence that places it where the report's count was not ("Gunmen shot dead a
    commander in Busra al-Harir. In neighbouring Suwayda, a faction said it killed two smugglers"): another
    incident's, not an account of those dead."""
    if ctx.sentence_index(claim_finding.start) <= ctx.sentence_index(reference_finding.start):
        return False
    # (in the reference's country: a name read as a place abroad, "Islamic State's Khorasan branch", sets nothing apart)
    countries = sentence_countries(ctx, reference_finding)
    return bool(countries & sentence_countries(ctx, claim_finding)) and distinct_scope(ctx, reference_finding, claim_finding)


def _own_count_before(ctx: DocContext, claim_finding: Finding, claim: Casualty, findings: list[Finding],
                      casualties: list[Casualty], claims: set[str], *, same_sentence: bool) -> Casualty | None:
    """The report's own count that a party's claim is set against: the last counted before it of the claim's
    victims, else the last; in the claim's sentence ("fighting killed eight government soldiers, military sources
    said; the Houthi-run agency claimed that dozens of 'mercenaries' were killed"), or anywhere before it ("…
    killed 39 Rohingya. Shelling killed eight civilians. The AA said it killed 50 soldiers": the bulletin's latest
    item). Never the document's first count as such, which in a bulletin is another incident's."""
    sentence = ctx.sentence_index(claim_finding.start)
    own = [c for f, c in zip(findings, casualties)
           if f.start < claim_finding.start and c.id not in claims and not c.part_of and not c.derived
           and not c.alternative_of and outcome_family(c.outcome) == outcome_family(claim.outcome)
           and c.is_tally == claim.is_tally and (not same_sentence or ctx.sentence_index(f.start) == sentence)]
    return next((c for c in reversed(own) if c.victims == claim.victims), own[-1] if own else None)


def _told_by_body(ctx: DocContext, earlier: Finding | None, bodies: Finding, findings: list[Finding]) -> Finding | None:
    """The body's first count where ``earlier`` is a headline's ("Gunmen kill 12 at bar in central Mexico", then
    "… in Irapuato … late on Saturday …, killing ten"): the body tells the headline's incident with its day and place,
    so later bodies are set against that telling, not the headline's country."""
    if earlier is None or ctx.sentence_index(earlier.start) != 0:
        return earlier
    return next((f for f in findings if 0 < ctx.sentence_index(f.start) < ctx.sentence_index(bodies.start)), earlier)


def _bodies_of_others(ctx: DocContext, finding: Finding, casualty: Casualty, earlier_finding: Finding | None,
                      earlier: Casualty) -> bool:
    """Bodies of other victims than the dead counted before ("killing two fighters … The bodies of two
    shepherds were found"), or as many other bodies found on another day or at another place ("… killing 17
    soldiers. On Saturday, twenty-two bodies were found near Tassamakat"): others' dead, not the first count's
    found again."""
    if not _counts_bodies(ctx, finding):
        return False
    if casualty.victims and earlier.victims and casualty.victims != earlier.victims:
        return True
    if casualty.count == 1 and (earlier.count or 0) > 1 and \
            ONE_KNOWN_BODY.match(ctx.norm, min(finding.start, finding.trigger_start)):
        return False  # ("killed three farmers … The youngest victim's body was found on Sunday": one of the three)
    return casualty.count is not None and earlier.count is not None and casualty.count != earlier.count \
        and earlier.vague is None and earlier_finding is not None and distinct_scope(ctx, earlier_finding, finding)




def _counts_bodies(ctx: DocContext, finding: Finding) -> bool:
    return bool(_BODIES.search(finding.victim_text)
                or (ctx.may_match(_BODIES) and _BODIES.match(ctx.norm, finding.trigger_start, finding.trigger_end)))


def _settles_vague(earlier: Casualty, later: Casualty) -> bool:
    """Bodies counted after a vague toll ("dozens were killed …; officials said 50 bodies had been
    counted"): the same dead, now counted, so the number is the report's figure."""
    return bool(earlier.vague) and not later.vague and later.count is not None and later.count > (earlier.count or 0) \
        and not later.period and not earlier.part_of


_MORE_BODIES = re.compile(r"\b(?:more|another|other|further|additional)\b", re.I)


_ATTACKER_NOUN = r"(?:attackers?|assailants?|gunm[ae]n|bombers?|shooters?|stabbers?|perpetrators?|assassins?|hijackers?)\b"
#: the one who attacked, told with "the" after the victims ("… was stabbed to death, and the attacker was shot dead")
_THE_ATTACKER = re.compile(r"^\s*the\s+(?:[\w-]+\s+)?" + _ATTACKER_NOUN, re.I)
_AN_ATTACKER = re.compile(r"\b" + _ATTACKER_NOUN, re.I)


def _is_restatement(ctx: DocContext, finding: Finding, earlier: Finding | None = None) -> bool:
    """"He was killed …" after "a man was killed"; "their bodies were found" after the killing;
    not "the attacker was shot dead" after his victim (``earlier``)."""
    if _counts_bodies(ctx, finding):
        # (not more of them: "the bodies of five more victims were found", "four more bodies")
        # (nor the body of one more, numbered in turn: "pulled the body of a second victim from the rubble")
        return not ((ctx.may_match(_MORE_BODIES) and _MORE_BODIES.search(ctx.norm, finding.start, max(finding.end, finding.trigger_end)))
                    or (" victim" in finding.victim_text and _A_NUMBERED_VICTIM.search(
                        ctx.norm, min(finding.start, finding.trigger_start), finding.end) is not None))
    if finding.rule == "casualties.named_dead":  # "The dead were identified as A, B and C" after the count
        return True
    singular = finding.rule in ("casualties.subject.singular", "casualties.object.pronoun", "casualties.object.singular")
    if singular and re.search(r"\balso\b", ctx.norm[finding.start:finding.trigger_start], re.I):
        return False  # "the attacker was also killed": one more, not the same person again
    if singular and (ONE_OF_THE_WOUNDED.match(finding.victim_text) or names_relative(finding.victim_text)
                     or _NUMBERED_VICTIM.match(finding.victim_text)):
        return False  # "the wounded officer died in hospital", "her husband died", "the fifth victim": one more dead
    pronoun = finding.victim_text.strip().lower() if singular else ""
    if pronoun in ("him", "her", "he", "she") and earlier is not None and (earlier.count or 0) >= 2 \
            and ctx.sentence_index(earlier.start) == ctx.sentence_index(finding.start) \
            and (pronoun in ("him", "her") or _BEFORE_HE.search(ctx.norm, max(0, finding.start - 12), finding.start)):
        # ("a man killed two worshippers before police shot him dead", "killing four soldiers before he was shot
        # dead": one person is not the two; in a later sentence "him" may be one of them: "One of the victims …
        # they shot him dead")
        return False
    if singular and _THE_ATTACKER.match(finding.victim_text) and earlier is not None \
            and not (ENEMY.search(earlier.victim_text) or _AN_ATTACKER.search(earlier.victim_text)):
        return False  # (but "a gunman was killed … the attacker was shot dead by police" tells him twice)
    return singular and bool(_DEFINITE.match(finding.victim_text))


#: "The fifth victim, a child, died …": one of a day's dead numbered in turn, not the one told before
_NUMBERED_VICTIM = re.compile(r"\s*(?:the|a)\s+" + ORDINAL + r"\s+(?:victim|person|casualty|death|fatality)\b", re.I)
#: "…, killing four soldiers before he was shot dead": the subject told again after its victims, not one of them
_BEFORE_HE: Final = re.compile(r"\b(?:before|until)\s+$", re.I)
#: "the body of a second victim": one more of the dead, numbered in turn ("a", not "the": not one told before)
_A_NUMBERED_VICTIM: Final = re.compile(r"\b(?:a|another)\s+" + ORDINAL + r"\s+victim\b", re.I)
#: "Police confirmed the attack but said 10 people were killed": another source's figure for the same dead
_OTHER_FIGURE = re.compile(r"\bbut\s+(?:[\w-]+\s+){0,2}?(?:said|says|put|gave|reported|counted|estimated)\b[^.;]{0,30}$", re.I)


#: "On Sunday, a UN spokesperson said 26 people had died in the attack": a source's word, then the dead of the
#: attack already told, named again with "the"
_SAID_BEFORE = re.compile(SOURCE_SAID + "$", re.I)
#: "A local defence group said in a statement that 25 people had been killed.": a source's statement whose
#: count names no attack, place or day of its own, right after the dead just told
_SAID_IN_STATEMENT: Final = re.compile(r"\bsaid\s+in\s+an?\s+(?:[\w-]+\s+)?(?:statement|post|message)\s+(?:[\w-]+\s+){0,3}?"
                                       r"that\s+$", re.I)
#: the count's clause ends with its verb: nothing said of where, when or in what it happened
_ENDS_AT_VERB: Final = re.compile(r"\s*(?:[.;]|$)")
_IN_THE_ATTACK = re.compile(r"\s+(?:in|from|during)\s+the\s+(?:same\s+|deadly\s+)?(?:attack|air\s*strike|strike|raid|bombing|blast|"
                            r"explosion|shelling|massacre|ambush|assault)\b", re.I)


def _is_other_figure(ctx: DocContext, finding: Finding, casualty: Casualty, earlier: Casualty) -> bool:
    """A later sentence that gives the same dead another figure, contradicting the first
    ("… killed 14 villagers, a community leader said. Police confirmed the attack but said
    10 people were killed"; "… A UN spokesperson said 26 people had died in the attack"):
    an alternative, kept for low/best/high, not more dead."""
    if earlier.span is None or ctx.sentence_index(finding.start) == ctx.sentence_index(earlier.span.start):
        return False
    sentence_start = ctx.sentence_at(finding.start)[0]
    before = min(finding.start, finding.trigger_start)
    if ctx.may_match(_OTHER_FIGURE) and _OTHER_FIGURE.search(ctx.norm, sentence_start, before) is not None:
        # (a toll the other source puts on them, lower: "… but put the death toll at 19", weighed by the ledger,
        # the lower counting)
        return not (casualty.count is not None and earlier.count is not None and casualty.count < earlier.count
                    and is_source_toll(ctx, finding))
    # (more of them, or others, are not the same dead: "two children also died in the attack", "soldiers")
    if casualty.count is None or earlier.count is None or casualty.count < earlier.count \
            or casualty.victims not in (earlier.victims, None) and earlier.victims is not None:
        return False
    if _SAID_BEFORE.search(ctx.norm, max(sentence_start, before - 40), before) is not None \
            and _IN_THE_ATTACK.match(ctx.norm, finding.trigger_end) is not None and not introduces_new(ctx, finding):
        return True
    # (a statement's own figure three sentences at most after the dead it puts a number on: a headline, the lead, a quote)
    return "statement" in ctx.norm[sentence_start:before] and \
        ctx.sentence_index(finding.start) - ctx.sentence_index(earlier.span.start) <= 3 \
        and _SAID_IN_STATEMENT.search(ctx.norm, max(sentence_start, before - 60), before) is not None \
        and _ENDS_AT_VERB.match(ctx.norm, finding.trigger_end) is not None and not introduces_new(ctx, finding)


#: victims the report names as an armed group's ("three members of a militant group"), of no civilian category
_ARMED_GROUP_MEMBERS: Final = re.compile(r"\bmembers?\s+of\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:militant|terrorist|insurgent|jihadist|"
                                  r"rebel|armed|extremist)\b", re.I)


def _state_word_again(ctx: DocContext, finding: Finding, casualty: Casualty, earlier_finding: Finding | None,
                      earlier: Casualty) -> bool:
    """A state force's word in the next sentence on as many of the enemy as the report counted ("… killing two
    members of a PKK-affiliated group, the service said. Turkey's defence ministry said two terrorists had been
    neutralised"): its account of the same dead, not more of them."""
    if casualty.count is None or casualty.count != earlier.count or earlier_finding is None or \
            casualty.victims != "combatants" or not (earlier.victims == "combatants" or (
                earlier.victims is None and _ARMED_GROUP_MEMBERS.search(ctx.norm, earlier_finding.start, earlier_finding.end))):
        return False
    if ctx.sentence_index(finding.start) - ctx.sentence_index(earlier_finding.start) != 1:
        return False
    if _STATE_VICTIMS.search(earlier_finding.victim_text) or ctx.norm.startswith("los", earlier_finding.trigger_start):
        return False  # ("Two soldiers were killed … The army said two terrorists were neutralised": the other side)
    start = ctx.sentence_at(finding.start)[0]
    return STATE_SPEAKER.search(ctx.norm, start, finding.start) is not None and \
        ENEMY.search(finding.victim_text) is not None and not introduces_new(ctx, finding)


#: a sentence that opens on the last sentence's speaker as a pronoun: "It said …", "They added …"
_PRONOUN_SAID: Final = re.compile(r"\s*(?:It|They)\s+(?:also\s+)?(?:said|says|added|claimed)\b")


def _its_word_on_the_raid(ctx: DocContext, finding: Finding, casualty: Casualty, earlier_finding: Finding | None) -> bool:
    """"Israeli forces killed 10 Palestinians …, the health ministry said. The Israeli military said its troops had
    exchanged fire … It said eight militants had been killed": a state force, told by a pronoun, on the enemy dead of
    the raid the report already counted: its account of those dead, not more of them."""
    if casualty.victims != "combatants" or earlier_finding is None or ENEMY.search(finding.victim_text) is None:
        return False
    start = ctx.sentence_at(finding.start)[0]
    if not ctx.norm.startswith(("It ", "They "), start) or _PRONOUN_SAID.match(ctx.norm, start) is None:
        return False  # (most sentences open otherwise: the cheap test first)
    index = ctx.sentence_index(finding.start)
    if not 0 < index - ctx.sentence_index(earlier_finding.start) <= 3 or _STATE_VICTIMS.search(earlier_finding.victim_text):
        return False  # (not a state's own dead: "Two soldiers were killed … It said five militants died")
    previous_start = ctx.sentence_at(start - 1)[0]
    return STATE_SPEAKER.search(ctx.norm, previous_start, min(start, previous_start + 60)) is not None \
        and not introduces_new(ctx, finding)


def _is_summary(ctx: DocContext, finding: Finding) -> bool:
    """"2 fatalities." / "1 killed, 3 injured.": a verbless line restating the toll ("Police put the
    toll at 11." is a source's own figure, no summary)."""
    sentence_start, sentence_end = ctx.sentence_at(finding.trigger_start)
    if sentence_end - sentence_start > 80 or finding.active:  # "Troops killed 13 attackers.": a clause of its own
        return False
    sentence = ctx.norm[sentence_start:sentence_end]
    return len(sentence.split()) <= 6 and not re.search(r"\b(?:was|were|is|are|has|have|had|also|died|put|puts|gave|said|says)\b", sentence, re.I)
