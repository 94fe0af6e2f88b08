"""Event typing of ACLED-style protest and riot notes (event rules v51): the fix cases failed before v51.

Written for marsad in our own words; the guards after them check that the new triggers do not reach too far.
"""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(("text", "expected"), [
    # a riot named by its year or as what an anniversary marks is the topic, not this protest's violence
    ("On 8 June 2024, residents protested in Ramla, demanding justice for a man shot during the 2021 communal "
     "riots in the city.", "Peaceful protest"),
    # a police action the protest is about, or one in another place, is no intervention in this one
    ("On 2 May 2024, press unions held a sit-in in Van denouncing police operations that arrested nine reporters.",
     "Peaceful protest"),
    ("On 5 March 2024, some 60 people rallied in Graz in solidarity with activists who had been evicted by police "
     "from a protest camp in Vienna.", "Peaceful protest"),
    ("On 9 April 2024, workers held a picket in Busan and urged the authorities to stop outsourcing port jobs.",
     "Peaceful protest"),
    # guards, former police officers and party supporters who block a road are the protesters
    ("On 21 May 2024, in Comayagua, former police officers blocked the highway, demanding to be reinstated.",
     "Peaceful protest"),
    # police and demonstrators clashing, told either way round, or the marchers fighting each other: a riot
    ("On 4 March 2024, police forces clashed with residents demonstrating outside the governorate in Gabes over "
     "water cuts.", "Violent demonstration"),
    ("On 16 January 2024, about 600 people marched in Erfurt against fuel taxes; clashes broke out between the "
     "marchers and counter-demonstrators.", "Violent demonstration"),
    ("On 7 April 2024, two groups of lawyers demonstrated in Multan and then clashed with each other over the bar "
     "election results.", "Violent demonstration"),
    ("On 11 February 2024, demonstrating cadres of the Janamat Party clashed with a unit of police on the highway "
     "in Rajbiraj.", "Violent demonstration"),
    # demonstrators who seize officials or hurt bystanders
    ("On 19 April 2024, farmers held a demonstration in Chilapa, Guerrero. The farmers took three state officials "
     "hostage until evening.", "Violent demonstration"),
    ("On 28 February 2024, in La Plata, a group of demonstrators beat a motorist who tried to drive through their "
     "picket line.", "Violent demonstration"),
    ("On 14 May 2024, bike riders demonstrating over a colleague's death blocked the road and assaulted passers-by "
     "in Akure (Ondo).", "Violent demonstration"),
    # what demonstrators burn or block a road with
    ("On 6 June 2024, youths demonstrated near Tarkwa (Western) and burnt the miners' excavators at a quarry.",
     "Violent demonstration"),
    ("On 1 March 2024, residents protested by blocking the main road with sandbags in Minyeh (North), against "
     "power cuts.", "Violent demonstration"),
    ("On 2 June 2024, in Tehuantepec, Oaxaca, villagers burned ballot boxes to protest the lack of flood relief.",
     "Violent demonstration"),
    # rioters who block roads or wreck offices voice a grievance: a violent demonstration
    ("On 10 April 2024, rioters barricaded roads with burning tyres in Jijiga after two students were shot at a "
     "checkpoint.", "Violent demonstration"),
    ("On 3 May 2024, rioters broke the windows and sprayed graffiti on the offices of a logging firm in Eugene "
     "(Oregon).", "Violent demonstration"),
    # activists who clash during their own demonstration
    ("On 9 January 2024, activists of the JSD clashed at a college ground in Bogura during their demonstration "
     "demanding fresh elections.", "Violent demonstration"),
])
def test_protest_conventions(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # right before v51 too (the shipped model or other rules): kept as guards
    ("On 6 January 2024, about 30 people held a vigil outside the statehouse in Salem (Oregon) on the third "
     "anniversary of the 6 January 2021 Capitol riots, calling for voting-rights protections.", "Peaceful protest"),
    ("On 12 February 2024, about 30 prison guards blocked the entrance of Lannemezan prison, demanding more staff.",
     "Peaceful protest"),
    ("On 3 June 2024, supporters of the opposition bloc blocked the Yerevan-Gyumri road with cars, calling on the "
     "government to resign.", "Peaceful protest"),
    ("On 10 April 2024, dozens of rioters blocked the Amara highway with burning tyres, denouncing plans to build "
     "a dump near their village.", "Violent demonstration"),
    ("On 3 May 2024, rioters smashed the windows of a bank branch in Portland against a planned pipeline.",
     "Violent demonstration"),
    # police who disperse, detain or block the marchers still intervene
    ("On 9 April 2024, police dispersed about 150 nurses who were demonstrating outside the health directorate in "
     "Shillong and detained 10 of them.", "Protest with intervention"),
    ("On 18 March 2024, police blocked the marchers at the bridge in Dhaka and arrested six of them.",
     "Protest with intervention"),
    ("On 14 February 2024, in Sitra, security forces fired tear gas to break up a march marking the anniversary of "
     "the 2011 uprising.", "Protest with intervention"),
    # a peaceful march, lethal force, and stones thrown at the police keep their types
    ("On 22 March 2024, several hundred retirees marched peacefully through Porto to demand higher pensions.",
     "Peaceful protest"),
    ("On 3 June 2024, soldiers opened fire on demonstrators protesting bread prices in Atbara, killing three.",
     "Excessive force against protesters"),
    ("On 16 February 2024, protesters hurled stones at police and set fire to a patrol car in Kisumu during a "
     "demonstration over land.", "Violent demonstration"),
    # a lynching and a brawl between rival candidates' supporters stay mob violence
    ("On 11 April 2024, residents lynched a suspected goat thief in Nyanza (Southern) after catching him.",
     "Mob violence"),
    ("On 25 March 2024, supporters of two rival candidates clashed with sticks at a polling station in Comilla; "
     "six people were hurt.", "Mob violence"),
    ("On 20 May 2024, a clash ensued between supporters of two parties marching in a victory rally in Birgunj.",
     "Mob violence"),
])
def test_protest_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected
