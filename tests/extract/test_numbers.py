from marsad.extract.numbers import find_numbers, parse_word_number


def _numbers(text):
    return [(text[n.start:n.end], n.value, n.low, n.high, n.qualifier, n.vague) for n in find_numbers(text)]


def test_digits_glued_to_words_and_qualifiers():
    assert _numbers("at least 123citizens") == [("at least 123", 123, 123, None, "at_least", None)]
    assert _numbers("at last 208 members") == [("at last 208", 208, 208, None, "at_least", None)]
    assert _numbers("nearly 40 people")[0][2:5] == (None, 40, "nearly")
    assert _numbers("more than 1,200 fighters")[0][1:5] == (1200, 1200, None, "more_than")
    assert _numbers("about 5000 recruits")[0][4] == "about"


def test_number_words():
    assert parse_word_number("two hundred and fifty") == 250
    assert parse_word_number("twenty-five") == 25
    assert parse_word_number("a dozen") == 12
    assert _numbers("killed thirty-one soldiers")[0][1] == 31


def test_ranges_take_the_lower_bound_as_best_estimate():
    assert _numbers("10-15 civilians")[0][1:5] == (10, 10, 15, "range")
    assert _numbers("between 3 and 7 people")[0][1:5] == (3, 3, 7, "range")
    # "and" without "between" is not a range
    assert [n[1] for n in _numbers("killed 2 and 5 injured")] == [2, 5]


def test_vague_quantities_follow_acled_conventions():
    assert _numbers("dozens of wounded")[0][1:] == (12, None, None, "vague", "dozens")
    assert _numbers("hundreds of wounded")[0][1] == 100
    assert _numbers("an unknown number of soldiers")[0][1] == 3


def test_dates_times_and_codes_are_not_counts():
    assert _numbers("19/03/2022 at 3:30 am") == []
    assert _numbers("Media24 said") == []
    assert _numbers("a BTR-82A carrier and a T-72 tank, after COVID-19") == []
    years = [n for n in find_numbers("in 2018 and on 5 March 2019") if n.is_year]
    assert [n.value for n in years] == [2018, 2019]


def test_between_two_word_numbers_is_a_range_not_their_sum():
    from marsad.extract.numbers import find_numbers

    (between,) = find_numbers("Between eight and nine people were killed")
    assert (between.value, between.low, between.high, between.qualifier) == (8, 8, 9, "range")
    (hundred,) = find_numbers("one hundred and five people")
    assert hundred.value == 105


def test_ages_are_not_counts():
    # "aged 7 and 10" had made seventeen dead of two brothers
    assert [n.value for n in find_numbers("Two brothers, aged 7 and 10, were killed.")] == [2]
    assert [n.value for n in find_numbers("Three children, aged 4, 6 and 9, died; 11 were hurt.")] == [3, 11]
    assert [n.value for n in find_numbers("five men aged between 20 and 35, and a boy at the age of 14")] == [5]


def test_an_age_set_off_after_a_name_is_not_a_count():
    assert [n.value for n in find_numbers("Ahmed Saleh, 23, was shot dead.")] == []
    assert [n.value for n in find_numbers("Two men, 25 and 31, were killed.")] == [2]
    assert [n.value for n in find_numbers("A woman (45) died in hospital.")] == []
    # before the next name of a list of victims
    assert [n.value for n in find_numbers("Ali Musa, 25, and Omar Bello, 30, were killed.")] == []
    assert [n.value for n in find_numbers("The dead are Ali Musa, 25, Omar Bello, 30, and Idris Bako, 41.")] == [41]
    # a count after a place or a noun stays one: no verb closes it off as an age
    assert [n.value for n in find_numbers("In Gao, 12 were killed; soldiers, 3 of them officers, died.")] == [12, 3]


def test_a_vague_share_of_the_attackers_counts_them_but_a_share_of_the_victims_does_not():
    # "many of the victims" are people counted elsewhere; "dozens of the attackers" are attackers counted here
    assert [(n.value, n.vague) for n in find_numbers("the army said dozens of the attackers were also killed")] \
        == [(12, "dozens")]
    assert [n.value for n in find_numbers("several of the assailants died")] == [3]
    assert find_numbers("many of the victims were women") == []
