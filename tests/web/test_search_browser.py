"""Issue 14: searching all documents in the browser, opening a hit in the reader and coding
the hits (one, or all as one step that Undo takes back)."""

import pytest
from test_reader_browser import stored

pytestmark = pytest.mark.browser


def search(page, base, query):
    page.goto(f"{base}/?token=t0ken")
    page.get_by_role("link", name="Search").click()
    page.locator("#query").fill(query)
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_selector("li.hit")


def test_browser_search_finds_inflections_and_opens_the_hit_selected(live_server, page,
                                                                     page_errors):
    base, project = live_server
    search(page, base, "rangeringene")  # the lemma finds «rangering»
    assert page.locator("#search-summary").inner_text() == "1 hit(s) in 1 case(s)"
    assert page.locator(".hit-case h2").inner_text() == "Case B · 1 hit(s)"
    line = page.locator("li.hit").inner_text()
    assert "vi får en" in line and "hver måned" in line
    page.locator("li.hit a.match").click()
    page.wait_for_selector(".turn-row.flash")
    assert page.evaluate("window.getSelection().toString()") == "rangering"
    # the selection is ready to be coded where it stands
    page.locator('button[data-code="rangering.kjennskap"]').click()
    page.wait_for_function("document.querySelectorAll('.hl.coded').length > 0")
    assert ("rangering", "rangering.kjennskap", "KN") in stored(project)


def test_browser_search_codes_all_hits_as_one_undoable_step(live_server, page, page_errors):
    base, project = live_server
    search(page, base, "måned")
    assert page.locator("li.hit").count() == 2
    page.locator("#hit-code").select_option("tilbakemelding.rutiner")
    button = page.locator("#code-all")
    assert button.inner_text() == "Code these 2 hits as Resultatarbeid i kontoret: møter, " \
                                  "e-post, tiltak"
    assert page.locator("#undo").is_disabled()
    button.click()
    page.wait_for_function("!document.querySelector('#undo').disabled")
    codings = project.store.codings()
    assert len(codings) == 2 and {c.origin for c in codings} == {"search:måned"}
    assert {c.code for c in codings} == {"tilbakemelding.rutiner"}
    assert "search 'måned'" in page.locator("#undo").get_attribute("title")
    page.locator("#undo").click()
    page.wait_for_function("document.querySelector('#undo').disabled")
    assert project.store.codings() == []
    assert not page.locator("#redo").is_disabled()


def test_browser_search_codes_one_hit(live_server, page, page_errors):
    base, project = live_server
    search(page, base, "måned")
    page.locator("#hit-code").select_option("motivasjon")
    page.locator("li.hit button.code-one").nth(1).click()
    page.wait_for_function("!document.querySelector('#undo').disabled")
    ((text, code, coder),) = stored(project)
    assert (text, code, coder) == ("Ja, vi får en rangering hver måned, og vi ligger ganske "
                                   "høyt på lista.", "motivasjon", "KN")
