"""Issue 14: coding in the browser, in Debian's Chromium driven by Playwright."""

import pytest

pytestmark = pytest.mark.browser

SHOTS = None  # set by test_browser_screenshots_for_the_readme


def open_reader(page, base):
    page.goto(f"{base}/?token=t0ken")
    page.get_by_role("link", name="intervju_b.txt").click()
    page.wait_for_selector(".turn[data-start]")


def select_text(page, quote: str) -> None:
    """Select ``quote`` as a person would, with a DOM Range over the text nodes of the turn
    elements (it may run over highlights and over two turns)."""
    found = page.evaluate("""(quote) => {
      const turns = [...document.querySelectorAll('.turn')];
      const nodes = [];
      for (const t of turns) {
        const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) nodes.push(walker.currentNode);
      }
      // find the quote in the concatenated turns, ignoring the labels between them
      let text = '', map = [];
      for (const n of nodes) { for (let k = 0; k < n.data.length; k++) map.push([n, k]); text += n.data; }
      const at = text.indexOf(quote);
      if (at < 0) return false;
      const [sn, so] = map[at], [en, eo] = map[at + quote.length - 1];
      const range = document.createRange();
      range.setStart(sn, so); range.setEnd(en, eo + 1);
      const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
      return true;
    }""", quote)
    assert found, quote


def stored(project):
    doc = project.document_view("intervju_b.txt")
    return [(doc["text"][c["start"]:c["end"]], c["code"], c["coder"]) for c in doc["codings"]]


def test_browser_document_list_opens_the_reader(live_server, page, page_errors):
    base, _ = live_server
    page.goto(f"{base}/?token=t0ken")
    assert page.locator("#doc-table tbody tr").count() == 1
    assert "Vestfylket" in page.locator("#doc-table").inner_text()
    open_reader(page, base)
    assert page.locator(".turn").count() == 6
    assert page.locator(".turn-row.role-interviewer").count() == 3
    # the turn element's text is exactly the turn's text: no label inside it
    first = page.locator(".turn").nth(1)
    text = live_server[1].document_view("intervju_b.txt")["text"]
    assert first.inner_text() == text[int(first.get_attribute("data-start")):
                                      int(first.get_attribute("data-end"))].rstrip("\n")


def test_browser_code_a_selection_with_emoji_by_click_and_by_key(live_server, page, page_errors):
    base, project = live_server
    open_reader(page, base)
    quote = "Lærer\u0332n 🧑‍🏫 på nabokontoret"
    select_text(page, quote)
    page.locator('button[data-code="rangering.deling"]').click()
    page.wait_for_function("document.querySelectorAll('.hl.coded').length > 0")
    assert (quote, "rangering.deling", "KN") in stored(project)
    # by its key: the first nine codes have 1-9; check which key the page shows for a code
    key = page.locator('button[data-code="tilbakemelding.synspunkt"] kbd').inner_text()
    select_text(page, "målekortet hver måned 😀, og de ansatte")
    page.keyboard.press(key)
    page.wait_for_function("document.querySelectorAll('.hl.coded').length > 1")
    assert ("målekortet hver måned 😀, og de ansatte", "tilbakemelding.synspunkt", "KN") \
        in stored(project)


def test_browser_selection_over_two_turns_codes_each_turn(live_server, page, page_errors):
    base, project = live_server
    open_reader(page, base)
    select_text(page, "står ikke i noen tabell.Sammenliknes kontorene")
    page.locator('button[data-code="rangering.kjennskap"]').click()
    page.wait_for_function("document.querySelectorAll('.stripe.coding').length >= 2")
    texts = [t for t, code, _ in stored(project) if code == "rangering.kjennskap"]
    assert texts == ["står ikke i noen tabell.", "Sammenliknes kontorene"]


def test_browser_whole_turn_fuzzy_find_and_memo(live_server, page, page_errors):
    base, project = live_server
    open_reader(page, base)
    page.locator(".turn").nth(5).click()
    page.locator("#code-filter").fill("kjensk")  # a typo still finds «Kjennskap til rangering»
    assert page.locator("#code-tree button.code").first.get_attribute("data-code") == \
        "rangering.kjennskap"
    page.locator(".turn").nth(5).click()
    key = page.locator('button[data-code="motivasjon"] kbd')
    if key.count():
        page.keyboard.press(f"Shift+{key.inner_text()}")
    else:
        page.locator("#code-filter").fill("")
        page.locator(".turn").nth(5).click()
        page.keyboard.press("Shift+1")
    page.wait_for_function("document.querySelectorAll('.stripe.coding').length > 0")
    ((text, code, _),) = stored(project)
    turn = project.document_view("intervju_b.txt")["turns"][5]
    full = project.document_view("intervju_b.txt")["text"][turn["start"]:turn["end"]].strip()
    assert text == full
    page.locator(".hl.coded").first.click()
    page.locator("#memo").fill("sier noe om plassering")
    page.get_by_role("button", name="Save memo").click()
    page.wait_for_timeout(300)
    assert project.store.codings()[0].memo == "sier noe om plassering"


def test_browser_undo_and_redo_with_the_keyboard(live_server, page, page_errors):
    base, project = live_server
    open_reader(page, base)
    select_text(page, "det meste kan tallfestes")
    page.locator('button[data-code="tilbakemelding.synspunkt"]').click()
    page.wait_for_function("document.querySelectorAll('.hl.coded').length > 0")
    page.keyboard.press("Control+z")
    page.wait_for_function("document.querySelectorAll('.hl.coded').length === 0")
    assert stored(project) == []
    page.keyboard.press("Control+Shift+z")
    page.wait_for_function("document.querySelectorAll('.hl.coded').length > 0")
    assert stored(project) == [("det meste kan tallfestes", "tilbakemelding.synspunkt", "KN")]
    assert project.history()["command"][0].startswith("redo step")


def test_browser_accept_and_reject_suggestions(live_server, page, page_errors):
    base, project = live_server
    before = project.document_view("intervju_b.txt")["suggestions"]
    assert len(before) >= 2
    open_reader(page, base)
    page.locator(".hl.sugg").first.click()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.stripe.suggestion').length < {len(before)}")
    assert len(project.store.codings()) == 1
    assert project.store.codings()[0].origin.startswith("accepted:")
    page.locator(".hl.sugg:not(.coded)").first.click()
    page.keyboard.press("Delete")
    page.wait_for_function(f"document.querySelectorAll('.stripe.suggestion').length < {len(before) - 1}")
    after = project.document_view("intervju_b.txt")["suggestions"]
    assert len(after) == len(before) - 2 and len(project.store.codings()) == 1


def test_browser_answer_a_question_and_see_the_table_change(live_server, page, page_errors):
    base, project = live_server
    open_reader(page, base)
    q = page.locator('select[data-question="tallfestes"]')
    q.select_option("Ja")
    page.wait_for_timeout(300)
    assert project.study("KN").table("4-1")["tallfestes"].tolist() == [1, 0, 0, 1]
    page.goto(f"{base}/tables")
    page.wait_for_selector("table.freq")
    first = page.locator("table.freq").first.inner_text()
    assert "Tabell 4-1" in first and "Ja\t1" in first.replace("  ", "\t")
    # changed in the reader, seen on the open tables page without reloading it
    other = page.context.new_page()
    open_reader(other, base)
    other.locator('select[data-question="tallfestes"]').select_option("Nei")
    page.wait_for_function("document.querySelector('table.freq').innerText.includes('Nei\\t1')")


def test_browser_jump_from_a_question_to_its_reply(live_server, page, page_errors):
    base, project = live_server
    open_reader(page, base)
    link = page.locator('.question[data-question="tallfestes"] a.jump')
    if not link.count():
        pytest.skip("no suggested answer found for this tiny interview")
    link.click()
    page.wait_for_selector(".turn-row.flash")


def test_browser_request_without_the_token_is_refused(live_server, page):
    base, _ = live_server
    response = page.goto(f"{base}/")
    assert response.status == 403
    response = page.goto(f"{base}/api/documents")
    assert response.status == 403


def test_browser_screenshots_for_the_readme(page, page_errors, tmp_path):
    """Screenshots of the reader and the tables page on the sample study; with
    QUALMRS_SCREENSHOTS=docs/screenshots they are the README's."""
    import os
    from pathlib import Path

    import qualmrs
    from conftest import running

    project = qualmrs.load_sample(tmp_path / "sample")
    project.suggest(rules=True, model=False)
    project.suggest_answers()
    with running(project, coder="BHO", refit_every=None) as base:  # as qualmrs serve
        page.set_viewport_size({"width": 1360, "height": 860})
        page.goto(f"{base}/?token=t0ken")
        page.get_by_role("link", name="intervju_c.docx").click()
        page.wait_for_selector(".hl.coded")
        page.locator(".hl.sugg:not(.coded)").first.click()
        out = Path(os.environ.get("QUALMRS_SCREENSHOTS", tmp_path))
        out.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out / "reader.png"))
        page.goto(f"{base}/search?q=rangering&role=informant")
        page.wait_for_selector("li.hit")
        page.screenshot(path=str(out / "search.png"))
        page.goto(f"{base}/tables")
        page.wait_for_selector("table.matrix")
        page.locator("table.matrix td[data-case='C'] a.cell").first.click()
        page.wait_for_selector("#quotes-matrix li")
        page.evaluate("window.scrollTo(0, 0)")  # the sticky header at the top of the picture
        page.screenshot(path=str(out / "tables.png"), full_page=True)
    project.close()
    assert (out / "reader.png").stat().st_size > 10_000


def test_browser_coders_can_be_hidden(live_server, page, page_errors):
    base, project = live_server
    doc = project.document_view("intervju_b.txt")
    a = doc["text"].index("det meste kan tallfestes")
    project.code("intervju_b.txt", a, a + 24, "motivasjon", "BHO")
    open_reader(page, base)
    assert page.locator(".hl.coded").count() == 1
    page.locator('#coder-toggles input[data-coder="BHO"]').uncheck()
    page.wait_for_function("document.querySelectorAll('.hl.coded').length === 0")
    title = None
    page.locator('#coder-toggles input[data-coder="BHO"]').check()
    page.wait_for_function("document.querySelectorAll('.hl.coded').length === 1")
    title = page.locator(".hl.coded").first.get_attribute("title")
    assert "Motivasjon og resultater" in title and "BHO" in title


def test_browser_next_unsure_and_learning_again(live_server, page, page_errors):
    base, project = live_server
    open_reader(page, base)
    least = project.least_sure("intervju_b.txt")
    page.keyboard.press("n")
    page.wait_for_selector("#selection-panel:not([hidden])")
    assert page.locator("#selection-panel").inner_text().startswith("Suggestion")
    quote = project.document_view("intervju_b.txt")["text"][least["start"]:least["end"]]
    assert quote[:30] in page.locator("#selection-panel blockquote").inner_text()
    # the model learns from the coding in the background, and the page picks up its work
    for quote_, code in (("målekortet hver måned", "tilbakemelding.tilgjengelighet"),
                         ("Det gir både glede", "motivasjon")):
        select_text(page, quote_)
        page.locator(f'button[data-code="{code}"]').click()
        page.wait_for_function(f"document.body.innerText.includes('Coded')")
    page.get_by_role("button", name="Retrain suggestions").click()
    page.wait_for_function("document.getElementById('toast').textContent.includes('retrained')",
                           timeout=60_000)
    # the model learned from KN's coding and its suggestions are in the page
    assert project.store.load_model("codes") is not None or \
        "model" not in {s["source"] for s in project.document_view("intervju_b.txt")["suggestions"]}


def test_browser_long_transcript_opens_and_highlights_as_it_scrolls(tmp_path, page, page_errors):
    """300,000 characters: every turn is there as text at once; highlights are drawn near
    the screen only, and follow the scrolling."""
    import qualmrs
    from conftest import CODEBOOK, running

    turn = ("A: Hva skjer når tallene går ned?\nB: Da samles vi på tirsdag og ser på "
            "målekortet, og så lager vi tiltak sammen med de ansatte, {}.\n")
    text = "".join(turn.format(i) for i in range(2400))
    assert len(text) > 300_000
    (tmp_path / "lang.txt").write_text(text, encoding="utf-8")
    project = qualmrs.create(tmp_path / "p.db", CODEBOOK)
    project.ingest([tmp_path / "lang.txt"])
    doc = project.document_view("lang.txt")
    with project.atomic("many codings"):
        for t in doc["turns"][1::2]:
            project.code("lang.txt", t["start"], t["end"], "tilbakemelding.rutiner", "KN")
    with running(project, token="t") as base:
        page.goto(f"{base}/?token=t")
        page.goto(f"{base}/doc/lang.txt")
        page.wait_for_selector(".hl.coded")
        assert page.locator(".turn").count() == 4800
        drawn = page.locator(".hl.coded").count()
        assert 0 < drawn < 1000  # near the screen only
        page.locator(".turn").nth(4799).scroll_into_view_if_needed()
        page.wait_for_function("(() => { const t = document.querySelectorAll('.turn'); "
                               "return t[t.length - 1].querySelector('.hl.coded'); })()")
    project.close()
