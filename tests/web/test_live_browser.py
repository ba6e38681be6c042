"""Issue 15, item 4: two readers of one server in Chromium: what one codes appears in the
other within a second, without taking the other's selection or place; an edit the other made
stale is refused with a message, and nothing is overwritten."""

import os
from pathlib import Path

import pytest
from test_reader_browser import open_reader, select_text

pytestmark = pytest.mark.browser

CODE = "tilbakemelding.synspunkt"


@pytest.fixture
def second_page(browser, browser_context_args):
    """A second browser (its own cookies), failing the test on its console errors too."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and
            "409" not in m.text else None)  # the refused edit's response, expected
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def selection(page) -> str:
    return page.evaluate("window.getSelection().toString()")


def test_live_browser_coding_appears_in_the_other_reader_within_a_second(
        live_server, page, page_errors, second_page):
    base, project = live_server
    open_reader(page, base)
    open_reader(second_page, base)
    second_page.set_viewport_size({"width": 1000, "height": 300})  # so that it can scroll
    second_page.wait_for_timeout(300)  # the reader redraws after a resize
    second_page.evaluate("window.scrollTo(0, 120)")
    select_text(second_page, "det meste kan tallfestes")  # in a turn drawn anew
    scrolled = second_page.evaluate("window.scrollY")
    assert scrolled > 0

    select_text(page, "målekortet hver måned")
    page.locator(f'button[data-code="{CODE}"]').click()
    page.wait_for_function("document.querySelectorAll('.hl.coded').length > 0")
    second_page.wait_for_function("document.querySelectorAll('.hl.coded').length > 0",
                                  timeout=1000)
    note = second_page.locator("#live-note.show")
    note.wait_for(timeout=1000)
    assert note.inner_text() == "KN coded «Synspunkt på målinger» in intervju_b.txt"
    assert selection(second_page) == "det meste kan tallfestes"
    assert second_page.evaluate("window.scrollY") == scrolled
    assert page.locator("#live-note.show").count() == 0  # its own coding: no note


def test_live_browser_stale_edit_shows_the_conflict_and_keeps_both(
        live_server, page, page_errors, second_page, tmp_path):
    base, project = live_server
    text = project.document_view("intervju_b.txt")["text"]
    start = text.index("målekortet")
    project.code("intervju_b.txt", start, start + len("målekortet"), CODE, "KN")
    open_reader(page, base)
    open_reader(second_page, base)
    for p in (page, second_page):
        p.locator(".hl.coded").first.click()
        p.locator("#memo").wait_for()
    second_page.locator("#memo").fill("mitt notat")  # the second starts writing a memo
    page.locator("#memo").fill("det første notatet")  # the first saves one
    page.locator("#save-memo").click()
    second_page.locator("#live-note.show").wait_for(timeout=1000)
    assert second_page.locator("#memo").input_value() == "mitt notat"  # not redrawn away

    second_page.locator("#save-memo").click()
    toast = second_page.locator("#toast.show.bad")
    toast.wait_for()
    assert toast.inner_text().startswith("KN changed this coding meanwhile")
    assert [c.memo for c in project.store.codings()] == ["det første notatet"]
    assert second_page.locator("#memo").input_value() == "mitt notat"  # theirs, to save again
    second_page.wait_for_function(
        "document.querySelector('.hl.coded').title.includes('det første notatet')")
    out = Path(os.environ.get("QUALMRS_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    second_page.wait_for_timeout(400)  # the message fades in
    second_page.screenshot(path=str(out / "live.png"))
