"""Issue 14: what a new user's review of the screenshots asked for, each seen in Chromium:
suggestions that repeat a coding are hidden, stripes stand by the coded lines, the labels
say what they do, the questions panel counts what is answered, Undo and Redo are buttons,
the key message names only keys that can code, and a table cell lists its quotes."""

import pytest
from test_reader_browser import open_reader, select_text, stored

pytestmark = pytest.mark.browser


def test_browser_a_suggestion_that_repeats_a_coding_is_hidden(live_server, page, page_errors):
    base, project = live_server
    doc = project.document_view("intervju_b.txt")
    open_reader(page, base)
    shown = page.locator(".stripe.suggestion").count()
    assert shown == len(doc["suggestions"])
    s = doc["suggestions"][0]
    project.code("intervju_b.txt", s["start"], s["end"], s["code"], "KN")
    page.reload()
    page.wait_for_selector(".stripe.coding")
    assert page.locator(".stripe.suggestion").count() == shown - 1
    page.locator('#coder-toggles input[data-coder="KN"]').uncheck()  # not shown: offered again
    page.wait_for_function(f"document.querySelectorAll('.stripe.suggestion').length === {shown}")


def test_browser_stripes_stand_by_the_coded_lines(live_server, page, page_errors):
    base, project = live_server
    page.set_viewport_size({"width": 700, "height": 800})  # the long turn takes several lines
    open_reader(page, base)
    select_text(page, "Lærer\u0332n 🧑‍🏫 på nabokontoret gjør det samme.")
    page.locator('button[data-code="motivasjon"]').click()
    page.wait_for_selector(".stripe.coding")
    stripe = page.locator(".stripe.coding").bounding_box()
    text = page.evaluate("""() => { const r = [...document.querySelector('.hl.coded')
        .getClientRects()]; return {top: Math.min(...r.map(b => b.top)),
        bottom: Math.max(...r.map(b => b.bottom))}; }""")
    row = page.locator(".turn-row").nth(1).bounding_box()
    assert abs(stripe["y"] - text["top"]) < 2 and abs(stripe["y"] + stripe["height"]
                                                     - text["bottom"]) < 2
    assert stripe["height"] < row["height"] - 30  # the coded line, not the whole turn


def test_browser_labels_say_what_they_do(live_server, page, page_errors):
    base, project = live_server
    open_reader(page, base)
    assert page.locator("#coder-toggles").inner_text().startswith("Show codings by")
    assert page.locator("#code-filter").get_attribute("placeholder") == "Find a code"
    assert page.locator("div.definition:visible").count() == 0  # compact: one toggle each
    page.locator('li[data-key="motivasjon"] button.def-toggle').click()
    assert page.locator("div.definition:visible").count() == 1
    page.get_by_role("button", name="Least sure suggestion").click()
    panel = page.locator("#selection-panel")
    panel.wait_for()
    least = project.least_sure("intervju_b.txt", "KN")
    name = next(c["name"] for c in project.codebook_tree() if c["key"] == least["code"])
    assert panel.locator("h2").inner_text() == "Suggestion from a rule"
    assert "Words it rests on: " in panel.inner_text()
    assert panel.locator("button.accept-all").inner_text() == \
        f"Accept all «{name}» in this document"
    assert page.get_by_role("button", name="Retrain suggestions").is_visible()


def test_browser_questions_panel_above_the_codebook_counts_answers(live_server, page,
                                                                   page_errors):
    base, project = live_server
    open_reader(page, base)
    order = page.evaluate("[...document.querySelectorAll('.side > .panel')].map(p => p.id "
                          "|| p.className)")
    assert order.index("questions") < order.index("panel codebook")
    summary = page.locator("#questions summary")
    n = len(project.case_questions("B", "KN"))
    assert summary.inner_text().endswith(f"answered 0 of {n}")
    page.locator('select[data-question="tallfestes"]').select_option("Ja")
    page.wait_for_function(f"document.querySelector('#questions summary').innerText"
                           f".endsWith('answered 1 of {n}')")
    summary.click()  # collapses
    assert not page.locator('select[data-question="tallfestes"]').is_visible()


def test_browser_undo_and_redo_buttons(live_server, page, page_errors):
    base, project = live_server
    open_reader(page, base)
    undo, redo = page.locator("#undo"), page.locator("#redo")
    assert undo.is_disabled() and redo.is_disabled()
    select_text(page, "det meste kan tallfestes")
    page.locator('button[data-code="motivasjon"]').click()
    page.wait_for_function("!document.querySelector('#undo').disabled")
    assert redo.is_disabled()
    undo.click()
    page.wait_for_function("document.querySelectorAll('.hl.coded').length === 0")
    page.wait_for_function("!document.querySelector('#redo').disabled")
    assert stored(project) == [] and undo.is_disabled()
    redo.click()
    page.wait_for_function("document.querySelectorAll('.hl.coded').length === 1")
    assert stored(project) == [("det meste kan tallfestes", "motivasjon", "KN")]


@pytest.mark.parametrize("key,bound", [("q", True), ("n", False), ("z", False)])
def test_browser_setting_a_key_names_only_keys_that_code(live_server, page, page_errors, key,
                                                         bound):
    base, project = live_server
    open_reader(page, base)
    page.locator('li[data-key="motivasjon"] button.def-toggle').click()
    page.locator('li[data-key="motivasjon"] button.set-key').click()
    assert "a–z" not in page.locator("#toast").inner_text()
    page.keyboard.press(key)
    toast = page.locator("#toast").inner_text()
    hint = page.locator("#key-hint").inner_text()
    assert "a–z" not in toast and "a–y" not in toast
    if bound:
        assert toast == "Key q now codes «Motivasjon og resultater»"
        assert page.locator('button[data-code="motivasjon"] kbd').inner_text() == "q"
        assert " q)" in hint
    else:
        assert toast.startswith(f"«{key}» cannot code")
        assert f" {key} " not in hint and f" {key})" not in hint


def test_browser_table_cell_lists_its_quotes_and_coders_switch(live_server, page, page_errors):
    base, project = live_server
    text = project.document_view("intervju_b.txt")["text"]
    for quote, code, coder in (("det meste kan tallfestes", "tilbakemelding.synspunkt", "KN"),
                               ("det meste kan tallfestes", "tilbakemelding.rutiner", "KN"),
                               ("glede og litt press", "tilbakemelding.rutiner", "KN"),
                               ("glede og litt press", "motivasjon", "BHO")):
        a = text.index(quote)
        project.code("intervju_b.txt", a, a + len(quote), code, coder)
    page.goto(f"{base}/?token=t0ken")
    page.goto(f"{base}/tables")
    page.wait_for_selector("table.matrix")
    assert "counts a segment once" in page.locator(".tables-page").inner_text()
    cell = page.locator("table.matrix td[data-code='tilbakemelding'][data-case='B'] a")
    assert cell.inner_text() == "2"  # three codings, two segments
    cell.click()
    page.wait_for_selector("#quotes-matrix li")
    quotes = page.locator("#quotes-matrix blockquote").all_inner_texts()
    assert quotes == ["glede og litt press", "det meste kan tallfestes"]
    rows = page.locator("table.matrix tbody tr").all_inner_texts()
    assert rows[-2].startswith("Total") and rows[-1].startswith("N (cases)")
    page.locator("#quotes-matrix a").first.click()  # into the reader, the quote selected
    page.wait_for_selector(".turn-row.flash")
    assert page.evaluate("window.getSelection().toString()") == "glede og litt press"
    page.goto(f"{base}/tables")
    page.wait_for_selector("table.matrix")
    page.locator("#table-coder").select_option("BHO")
    page.wait_for_function("document.querySelector('#counting').textContent"
                           ".startsWith(\"Counting BHO's work\")")
    assert page.locator("table.matrix td[data-code='motivasjon'][data-case='B'] a") \
        .inner_text() == "1"
