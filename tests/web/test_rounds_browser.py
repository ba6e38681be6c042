"""Issue 15, Done when: a team round in Chromium. The owner opens a blind round, two coders
log in and code the round's document, each seeing only their own work; the owner closes the
round, the agreement is shown, every disagreement is decided, and the tables page counts
the consensus coder."""

import os
from pathlib import Path

import pytest
from conftest import PASSWORD
from test_reader_browser import select_text

from qualmrs.web import create_app
from qualmrs.web.server import in_thread

pytestmark = pytest.mark.browser
DOC = "intervju_b.txt"


@pytest.fixture
def team_server(two_interviews):
    """A team project (owner kari, coders ola and eva) served in team mode."""
    project = two_interviews
    for name, role in (("kari", "owner"), ("ola", "coder"), ("eva", "coder")):
        project.add_user(name, PASSWORD, role)
    with in_thread(create_app(project, team=True)) as base:
        yield base, project


@pytest.fixture
def log_in(browser):
    """``log_in(base, name)``: a page of a new browser context (its own cookies) logged in as
    ``name``; every page fails the test on a console error."""
    contexts, errors = [], []

    def open_as(base, name):
        context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: errors.append(f"{name}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"{name}: {e}"))
        page.goto(f"{base}/login")
        page.fill("input[name=name]", name)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/")
        return page

    yield open_as
    for context in contexts:
        context.close()
    assert not errors, errors


def code(page, base, spans, answer):
    """Code ``spans`` ((quote, code) pairs) in the round's document and answer tallfestes."""
    page.goto(f"{base}/doc/{DOC}")
    page.wait_for_selector(".turn[data-start]")
    for n, (quote, key) in enumerate(spans, 1):
        select_text(page, quote)
        page.locator(f'button[data-code="{key}"]').click()
        page.wait_for_function(f"document.querySelectorAll('.stripe.coding').length >= {n}")
    page.locator('select[data-question="tallfestes"]').select_option(answer)
    page.wait_for_timeout(300)


def coders_seen(page) -> set[str]:
    """Whose codings the reader's document holds, as the page's own request gets them."""
    codings = page.evaluate("""async () => (await (await fetch('/api/documents/' +
        encodeURIComponent('intervju_b.txt'))).json()).codings""")
    return {c["coder"] for c in codings}


def test_rounds_browser_two_coders_blind_then_consensus_tables(team_server, log_in):
    base, project = team_server
    shots = Path(os.environ.get("QUALMRS_SCREENSHOTS", "")) if \
        os.environ.get("QUALMRS_SCREENSHOTS") else None
    kari = log_in(base, "kari")
    kari.get_by_role("link", name="Rounds").click()
    kari.wait_for_selector("#open-round:not([hidden])")
    kari.locator('input[name=document][value="intervju_c.txt"]').uncheck()
    assert kari.locator("#blind").is_checked()  # blind unless the owner says otherwise
    assert not kari.locator('input[name=coder][value="kari"]').is_checked()
    kari.get_by_role("button", name="Open the round").click()
    kari.wait_for_selector("#progress")
    r = project.round()
    assert r.is_open and r.blind and r.documents == (DOC,) and set(r.coders) == {"ola", "eva"}

    ola, eva = log_in(base, "ola"), log_in(base, "eva")
    code(ola, base, [("de ansatte får se tallene på tavla", "tilbakemelding.synspunkt"),
                     ("det meste kan tallfestes", "rangering")], "Ja")
    code(eva, base, [("de ansatte får se tallene på tavla", "tilbakemelding.synspunkt"),
                     ("vi får en rangering hver måned", "rangering"),
                     ("glede og litt press", "motivasjon")], "Nei")
    for page, me in ((ola, "ola"), (eva, "eva")):
        page.reload()
        page.wait_for_selector(".stripe.coding")
        assert coders_seen(page) == {me}
        assert page.locator("#coder-toggles input[data-coder]").evaluate_all(
            "xs => xs.map(x => x.dataset.coder)") in ([], [me])
    assert {c.coder for c in project.store.codings()} == {"ola", "eva"}

    kari.reload()
    kari.wait_for_selector("#progress")
    assert kari.locator('#progress tr[data-coder="eva"]').inner_text().split("\t")[1:] == \
        ["3", "1"]
    if shots:
        kari.screenshot(path=str(shots / "rounds_open.png"), full_page=True)
    kari.once("dialog", lambda d: d.accept())
    kari.get_by_role("button", name="Close the round").click()
    kari.wait_for_selector("table.agreement")
    codings, _ = project.round_agreement()
    kappa = codings.set_index("code").loc["ALL", "kappa"]
    assert kari.locator('table.agreement tr[data-code="ALL"] td.kappa').first.inner_text() \
        == f"{kappa:.3f}"
    assert "unit: informant turn" in kari.locator("p.agreement-heading").inner_text()
    kari.wait_for_selector(".round-card.unit")
    if shots:
        kari.screenshot(path=str(shots / "rounds_closed.png"), full_page=True)

    total = len(project.round_disagreements())
    assert total >= 3
    for n in range(1, total + 1):
        undecided = kari.locator(".round-card.unit:not(.decided)").first
        codes = undecided.locator("tbody tr:not(.decided) button", has_text="Code it")
        if codes.count():
            codes.first.click()
        else:
            undecided.locator(".decide button").first.click()
        kari.wait_for_function(f"document.querySelector('p.progress progress').value === {n}")
        if shots and n == 2:  # two decided (marked), the rest to do
            kari.locator("#disagreements").screenshot(
                path=str(shots / "rounds_disagreements.png"))
    assert "all decided" in kari.locator("p.progress").inner_text()
    assert kari.locator(".round-card.unit:not(.decided)").count() == 0
    assert (project.round_disagreements()["decision"] != "").all()

    kari.get_by_role("link", name="Tables").click()
    kari.wait_for_selector("table.freq")
    assert kari.locator("#counting").inner_text().startswith("Counting consensus's work")
    expected = project.study(coder="consensus").table("4-1")
    shown = kari.locator("table.freq").first
    header = shown.locator("thead th").all_inner_texts()[1:]
    assert header == [expected.attrs["headers"][q] for q in expected.columns]
    rows = [r.split("\t") for r in shown.locator("tbody tr").all_inner_texts()]
    assert rows == [[str(cat), *map(str, values)] for cat, values in
                    zip(expected.index, expected.values.tolist())]
    assert expected["tallfestes"].sum() > 0  # the decided answer is counted
