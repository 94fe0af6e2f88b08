"""The newsroom in a real browser (Playwright driving Debian's chromium):
a reviewer confirms a fact, corrects a count, rejects a false event and splits
a wrong link; the tally and the bulletin follow; a viewer never sees the
confidential source; logout works. Screenshots of the screens are written to
``$MARSAD_SCREENSHOTS`` when it is set (``docs/screens`` holds the last ones)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.review.world import CONFIDENTIAL, PASSWORD, build_world

CHROMIUM = os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium")
pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed (.ci/run installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    import uvicorn

    from marsad.api.app import create_app
    from marsad.store import open_database

    db = open_database(f"sqlite:///{tmp_path / 'marsad.sqlite'}")
    world = build_world(db)
    app = create_app(db.url, secret_key="browser-test-" + "k" * 32)
    port = _free_port()
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", world
    instance.should_exit = True
    thread.join(timeout=10)
    db.dispose()


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        yield context.new_page()
        context.close()
        browser.close()


def _shot(page, name: str) -> None:
    folder = os.environ.get("MARSAD_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def _login(page, base: str, user: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def _tally_best(page, base: str) -> int:
    page.goto(f"{base}/tallies?by=admin1")
    return sum(int(cell.replace(",", "")) for cell in page.locator("#tally td.best").all_inner_texts())


def _bulletin(page, base: str, facts: str) -> str:
    page.goto(f"{base}/bulletin")
    page.check(f"input[name=facts][value={facts}]")
    page.select_option("select[name=fmt]", "md")
    with page.expect_download() as download:
        page.click("#bulletin-form button[type=submit]")
    return Path(download.value.path()).read_text(encoding="utf-8")


def _perpetrator_total(bulletin: str) -> int:
    row = re.search(r"^\| Syrian regime forces \| [\d,—]+ \| [\d,—]+ \| ([\d,]+) \|", bulletin, re.M)
    return int(row.group(1).replace(",", "")) if row else 0


def _decide(page, base, document_id, kind, action, *, count=None, comment=None):
    page.goto(f"{base}/reports/{document_id}")
    card = page.locator(f"section.fact[id^='{kind}-']").first
    card_id = card.get_attribute("id")
    page.click(f"mark[data-fact='{card_id}']")  # the highlighted span opens its fact
    card = page.locator(f"#{card_id}")
    if count is not None:
        card.locator("summary").click()
        card.locator("input[name=v_count]").fill(str(count))
    if comment:
        card.locator("input[name=comment]").fill(comment)
    card.get_by_role("button", name=action).click()
    expected = {"Confirm": "verified", "Save correction": "corrected", "Reject": "rejected"}[action]
    page.locator(f"#{card_id} header .status.{expected}").wait_for(timeout=60_000)
    return card_id


def test_reviewer_day_in_the_newsroom(server, page):
    base, world = server
    _login(page, base, "reviewer")
    assert page.url.endswith("/inbox")
    _shot(page, "inbox")
    tally_before = _tally_best(page, base)
    bulletin_before = _perpetrator_total(_bulletin(page, base, "all"))
    assert "verified facts only" in _bulletin(page, base, "verified")

    # confirm one fact
    _decide(page, base, world["market_a"], "casualty", "Confirm")
    _shot(page, "report")

    # split a wrong link: the school strike is another incident than the market strike
    page.goto(f"{base}/incidents/1")
    _shot(page, "incident")
    school = page.locator(".report-card").filter(has_text=f"{world['school']}/E1")
    school.locator("input[name=comment]").fill("a school, not the market")
    school.get_by_role("button", name="Split out of this incident").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".report-card").count() == 2
    tally_split = _tally_best(page, base)
    assert tally_split == tally_before + 7

    # correct a count (7 → 9) and reject a false event
    _decide(page, base, world["school"], "casualty", "Save correction", count=9, comment="hospital list")
    assert _tally_best(page, base) == tally_split + 2
    _decide(page, base, world["false"], "event", "Reject", comment="no strike on Saraqib that day")
    tally_after = _tally_best(page, base)
    assert tally_after == tally_split + 2 - 30
    page.goto(f"{base}/tallies?by=month,perpetrator")
    _shot(page, "tallies")

    bulletin_all = _bulletin(page, base, "all")
    assert _perpetrator_total(bulletin_all) != bulletin_before
    assert "Saraqib" not in bulletin_all
    verified = _bulletin(page, base, "verified")
    assert "verified facts only" in verified and _perpetrator_total(verified) == 12 + 9

    page.goto(f"{base}/map")
    page.wait_for_load_state("networkidle")
    _shot(page, "map")
    page.goto(f"{base}/audit")
    assert page.locator("table.audit tbody tr").count() >= 4
    _shot(page, "audit")
    page.goto(f"{base}/bulletin")
    _shot(page, "bulletin")

    page.click("#logout")
    page.wait_for_load_state("networkidle")
    page.goto(f"{base}/inbox")
    assert "/login" in page.url

    # a viewer: verified, public material only, never the confidential source
    _login(page, base, "viewer")
    for url in ("/tallies", "/incidents/1", f"/reports/{world['market_a']}", f"/reports/{world['market_b']}", "/map"):
        page.goto(f"{base}{url}")
        assert CONFIDENTIAL not in page.content() and "killing 14 civilians" not in page.content()
    assert "Inbox" not in page.locator("header nav").inner_text()


def test_a_reviewer_places_an_event_on_the_map(server, page):
    base, world = server
    _login(page, base, "reviewer")
    page.goto(f"{base}/reports/{world['market_a']}")
    card = page.locator("section.fact[id^='event-']").first
    card_id = card.get_attribute("id")
    card.locator("summary").click()
    picker = card.locator(".pick-map")
    page.locator(f"#{card_id} .pick-map[data-loaded='1'] path").first.wait_for(timeout=30_000)
    before = (card.locator("input[data-field=latitude]").input_value(), card.locator("input[data-field=longitude]").input_value())
    box = picker.bounding_box()
    assert box is not None
    picker.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.3})
    after = (card.locator("input[data-field=latitude]").input_value(), card.locator("input[data-field=longitude]").input_value())
    assert after != before and all(after)
    lat, lon = float(after[0]), float(after[1])
    # north-west of the event: the click was left of and above the map's centre (the event)
    assert lat > float(before[0]) and lon < float(before[1])
    _shot(page, "place-picker")
    card.locator("input[name=comment]").fill("the strike hit the next village")
    card.get_by_role("button", name="Save correction").click()
    page.locator(f"#{card_id} header .status.corrected").wait_for(timeout=60_000)
    diff = page.locator(f"#{card_id} table.diff").inner_text()
    assert "latitude" in diff and after[0] in diff and after[1] in diff and before[0] in diff
