"""Counts a report gives as background, not as the toll of what it reports."""

from datetime import date

import pytest

from marsad.counting import total
from marsad.extract import extract_text


@pytest.mark.parametrize(("text", "deaths"), [
    # a campaign's running toll, its period told first
    ("Six civilians were killed in overnight shelling of the city, the mayor said. Since the start of the offensive "
     "in the province, at least 1,200 civilians have been killed, according to the United Nations.", 6),
    # an earlier week's incident told after the news
    ("Twenty people were killed in the raid on Friday, the regional governor said. Last week an attack in a "
     "neighbouring district killed 35 people.", 20),
    # a group's claim after a long lead-in is compared with the army's count of the same soldiers
    ("Nine soldiers were killed when insurgents overran an outpost, the military said. The group said in a "
     "statement posted on its channels that its fighters had killed 30 soldiers in the raid.", 9),
    # a headline with no date or place, told again in the body with them, is the same dead
    ("Ten killed in market bombing\n\nTen people were killed when a bomb exploded in a crowded market in the north of "
     "the city on Saturday, officials said.", 10),
    ("Gunmen kill 14 in raid on village\n\nArmed men killed 14 villagers in a night raid in the northwest on Monday, "
     "local officials said.", 14),
    # bodies of more victims found later add to the toll; the bodies of those counted do not
    ("Eight people were killed when gunmen attacked a camp on Tuesday, officials said. The bodies of five more "
     "victims were found in the bush on Wednesday.", 13),
    ("Eight people were killed when gunmen attacked a camp on Tuesday, officials said. Their bodies were taken "
     "to the district hospital.", 8),
    # a toll revised down replaces the higher figure before it
    ("Police initially said 12 people had been killed in the bombing but later revised the toll down to nine.", 9),
    ("The toll from the attack was revised down to six from the eight given earlier by local officials.", 6),
    # a monitor's incident "said that …" beside its running total for the month: the incident's own count
    ("The monitoring group said that four soldiers were killed when militants attacked a checkpoint near the "
     "desert town. It had documented the deaths of 52 soldiers in the region since the beginning of the month.", 4),
    # ", in the third such killing this month": the month numbers a run, not the count's period
    ("Gunmen shot dead a village headman and his driver on Friday, police said, in the third such killing in "
     "the district this month.", 2),
    # who "lost their lives" are people, whatever the word for them
    ("Troops killed about 30 insurgents in an operation in the north, the army said, adding that three "
     "auxiliaries lost their lives.", 33),
    # a thing before the people of a coordinated subject counts no one ("a car bomb … and a man shot dead")
    ("Three civilians killed by a car bomb in the market and a man shot dead at a checkpoint, the monitor said.", 4),
    # "the toll had risen to": a toll update without the word "death"
    ("Raiders killed at least 12 people in a village on Sunday, a local committee said. Residents later said "
     "the toll had risen to 19.", 19),
    # a headline's "martyrs" are its dead
    ("Two martyrs and nine wounded in drone strike on a car near the border, the health ministry said.", 2),
    # the people after a count, between commas, are that count itemized when they add up to it …
    ("Five members of one family, a grandfather, his son and three grandchildren, were killed when a shell hit "
     "their home.", 5),
    # … and a list of others when they do not; a singular between two counts counts too
    ("Three soldiers, a police officer and two civilians were killed in the ambush.", 6),
    # (with the list closed by a comma, or a serial comma before its last item)
    ("Three soldiers, a police officer and two civilians, were killed in the ambush.", 6),
    ("Three soldiers, a police officer, and two civilians were killed in the ambush.", 6),
    # a death of illness is no one's kill
    ("Eight people have died of cholera in the camp this month, aid workers said, while a boy was killed by "
     "a stray bullet during clashes nearby.", 1),
    # a participle's "to death" after a comma is the killing itself …
    ("Militiamen raided a hamlet at dawn, hacking nine villagers to death with machetes, a local chief said.", 9),
    # … not a killing told as what led to this one
    ("Residents beat a man after seeing him stabbing his neighbour to death in the street.", 0),
    # the attacker killed after his victim is one more dead; the attacker told twice is one
    ("A guard was stabbed to death at the gate of the ministry, and the attacker was shot dead by soldiers.", 2),
    ("A gunman who fired on a patrol was killed. The attacker was shot dead by soldiers after wounding two of them.", 1),
    # a verb in quotes is the verb
    ("Militants killed eight soldiers in an attack on a base, and the army said it had 'neutralised' about 15 "
     "attackers.", 23),
    # "another" alone, the subject of dying, is one more dead; a second shell is not
    ("A farmer was killed by a sniper near the lines; another died of his wounds in hospital.", 2),
    ("One rocket hit a school and another killed a boy in the yard.", 1),
    # each side's claim of the other's dead, set against each other, are two counts of different dead
    ("The army said it killed 40 militants in an ambush on a convoy, while the insurgents said they had killed "
     "12 soldiers.", 52),
    # another source's figure for the dead of the attack already told, named again with "the", is an alternative …
    ("Gunmen killed 12 villagers in an attack on a farming settlement on Monday, residents said. A police "
     "spokesman said 15 people had died in the attack.", 12),
    # … but not when it counts other people
    ("Gunmen killed 12 villagers in an attack on a farming settlement on Monday, residents said. A police "
     "spokesman said 3 soldiers had died in the attack.", 15),
    # a region's count "over the past day" includes the day's incidents told before it …
    ("Shelling killed a woman in the city centre on Friday morning, the regional governor said. Over the past "
     "day, attacks on the region killed a total of three people.", 3),
    # … not those of another region
    ("Shelling killed a woman in Kherson on Friday morning, the regional governor said. Over the past day, "
     "attacks in Donetsk region killed three people.", 4),
    # what a killing led to kills others ("sparked protests in which …")
    ("Gunmen shot dead a trader in the market on Monday, police said. The killing sparked protests in which one "
     "demonstrator was shot dead by soldiers.", 2),
    # an attack "days after" which this report's event came, named with its toll, is background
    ("Troops launched an offensive in the valley on Thursday, three days after the attack on a border post that "
     "killed seven soldiers.", 0),
    # a headline ending with a colon, then its body: the same victim
    ("Gunman kills shopkeeper in market: A shopkeeper was shot dead by a gunman in the central market on "
     "Monday, police said.", 1),
])
def test_each_death_is_counted_once(text, deaths):
    extraction = extract_text(text, published=date(2024, 3, 8))
    assert sum(e.fatalities for e in extraction.events) == deaths == total(extraction.casualties)


@pytest.mark.parametrize(("text", "deaths"), [
    ("Raiders killed 15 herders in an attack on a cattle camp in Warrap state on Friday, officials said. Such raids "
     "kill hundreds of people in the region every year.", 15),
    ("Gunmen shot dead three miners near Ouahigouya on Monday. Attacks on mining sites kill dozens annually.", 3),
    # "a year after" dates an incident, no rate
    ("A car bomb killed six people in Mogadishu on Sunday, a year after a blast at the same junction.", 6),
])
def test_a_rate_is_no_incident(text, deaths):
    extraction = extract_text(text, published=date(2024, 6, 12))
    assert sum(e.fatalities for e in extraction.events) == deaths


def test_a_countrys_day_toll_broken_down_in_the_next_sentences_is_counted():
    # one place's count, then "the rest" in the sentence after: the report's own incidents, no sum of others'
    text = ("Clashes between opposition supporters and the police killed at least 19 people across Kenya on "
            "Tuesday, according to a tally by a rights group. At least seven people were killed in Nairobi, where "
            "protesters stormed parliament. The rest died in clashes in Nakuru, Eldoret and other towns.")
    extraction = extract_text(text, published=date(2024, 6, 26))
    assert sum(e.fatalities for e in extraction.events) == 19
    assert total(extraction.casualties) == 19


@pytest.mark.parametrize(("text", "deaths"), [
    # a country's operations summed in one count: no incident of its own
    ("Turkish forces neutralised 9 PKK militants in operations in northern Iraq, the ministry said.", 0),
    # one province's operations on a day are still that day's incident there
    ("Security forces killed six militants in operations in Kunar province on Monday.", 6),
])
def test_a_countrys_operations_summed_are_no_incident(text, deaths):
    extraction = extract_text(text, published=date(2024, 6, 12))
    assert sum(e.fatalities for e in extraction.events) == deaths
