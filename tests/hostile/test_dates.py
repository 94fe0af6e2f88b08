"""Publication dates are read, never guessed (issue 14): a date that needs a
guess is refused with a message naming where it was found."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.errors import InputError
from marsad.ingest.readers import parse_date


@pytest.mark.parametrize("value, expected", [
    ("2019-03-14", date(2019, 3, 14)), ("2019-03-14T23:10:00Z", date(2019, 3, 14)),
    ("14 March 2019", date(2019, 3, 14)), ("March 14, 2019", date(2019, 3, 14)),
    ("Thu, 14 Mar 2019 08:00:00 GMT", date(2019, 3, 14)), ("2019/03/14", date(2019, 3, 14)),
    ("13/03/2019", date(2019, 3, 13)), ("03/13/2019", date(2019, 3, 13)), ("05/05/2019", date(2019, 5, 5)),
])
def test_dates_that_say_which_day_they_are(value, expected):
    assert parse_date(value, "f.csv:2") == expected


@pytest.mark.parametrize("value, reason", [
    ("1.5", "four-digit year"), ("2019", "day, a month and a year"), ("March 2019", "day, a month and a year"),
    ("12/03/2019", "ambiguous"), ("1 January 0001", "outside"), ("31/02/2019", "impossible"),
    ("14/03/19", "four-digit year"), ("next Tuesday", "four-digit year"), ("3000-01-01", "outside"),
])
def test_dates_that_would_need_a_guess_are_refused(value, reason):
    with pytest.raises(InputError, match=reason) as error:
        parse_date(value, "f.csv:2")
    assert "f.csv:2" in str(error.value) and "YYYY-MM-DD" in str(error.value)


def test_a_date_that_is_not_text_is_refused():
    with pytest.raises(InputError, match="not text"):
        parse_date(20190314, "f.jsonl:1")


def test_a_feed_entry_with_a_bad_date_keeps_the_entry(tmp_path):
    from marsad.ingest.readers import read_feed

    path = tmp_path / "feed.xml"
    path.write_text('<rss version="2.0"><channel><title>M</title><item><title>a</title><pubDate>1.5</pubDate>'
                    "<description>Five civilians were killed in an airstrike on the market of Sarmada today."
                    "</description></item></channel></rss>", encoding="utf-8")
    [entry] = list(read_feed(path))
    assert entry.published is None and entry.text.startswith("Five civilians")
