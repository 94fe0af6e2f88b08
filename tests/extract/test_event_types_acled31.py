"""Event typing of ACLED-style notes on victims named as drug traffickers, shelling the target answered with its
own fire, former members of the forces, and beatings by criminal groups (event rules v57): the fix cases failed
before v57.

Written for marsad in our own words; the guards after them check that the new rules do not reach too far.
"""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a victim named as a trafficker is an armed side: the rules' reading stands over the shipped model's attack
        ("On 9 April 2022, in Maceio (Alagoas), a drug dealer was shot and killed by two gunmen in the Jacintinho "
         "neighborhood.", "Armed clash"),
        ("On 2 June 2022, in Ciudad Obregon, Sonora, gunmen shot dead three drug traffickers at a ranch outside the "
         "city.", "Armed clash"),
        # members of a trafficking group, named in a passive's last words, are armed
        ("On 14 May 2022, in Belem (Para), three members of a drug trafficking group were shot and wounded by rival "
         "gunmen near the Terra Firme market.", "Armed clash"),
        # rockets or mortars answered with the target's own fire: an exchange, not one-sided shelling
        ("On 5 March 2022, militants fired three mortar rounds at a police post in Tank (Tank, KPK). The police "
         "fired back and the firing went on for half an hour.", "Armed clash"),
        ("On 11 May 2022, in Demoso township (Loikaw district, Kayah state), resistance fighters fired rockets at an "
         "army outpost. The soldiers responded with artillery fire.", "Armed clash"),
        # a former member of the forces, named before a passive's last five words, is a civilian
        ("On 7 April 2022, a former member of the national police was shot dead by unidentified men in Kunduz city.",
         "Attack"),
        # beatings by members of a criminal organisation: an armed group's attack, not a mob
        ("On 19 March 2022, in Natal (Rio Grande do Norte), a man was beaten up and injured by members of an "
         "organized criminal group in the Felipe Camarao neighborhood.", "Attack"),
    ],
)
def test_acled31_fixed(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # traffickers who shoot a civilian attack him: the trafficker word names the perpetrators, not the victim
        ("On 3 June 2022, in Natal (Rio Grande do Norte), drug traffickers shot and killed a street vendor in the "
         "Mae Luiza neighborhood.", "Attack"),
        # one-sided shelling, and a response that is no fire, stay shelling
        ("On 20 April 2022, Russian forces fired artillery at a residential district of Mykolaiv city. Three civilians "
         "were wounded.", "Shelling/artillery/missile attack"),
        ("On 4 June 2022, Al Shabaab fired mortar shells at the airport in Baidoa. The shells fell near a camp for "
         "displaced people, wounding two civilians. The authorities responded by closing the road.",
         "Shelling/artillery/missile attack"),
        # a serving officer on patrol is armed
        ("On 21 May 2022, in Tumaco (Narino), a police officer on patrol was shot and wounded by members of an armed "
         "group.", "Armed clash"),
        # residents who beat a suspected thief are a mob
        ("On 6 June 2022, in Mbale, a group of residents beat up a suspected goat thief with sticks until police "
         "arrived.", "Mob violence"),
    ],
)
def test_acled31_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected
