"""Issue 15, item 2: a team in Chromium: a coder logs in and codes as themselves, a viewer's
coding is refused, an owner manages the people."""

import os
from pathlib import Path

import pytest

from conftest import PASSWORD
from test_reader_browser import select_text, stored

pytestmark = pytest.mark.browser

QUOTE = "de ansatte får se tallene på tavla"


@pytest.fixture
def team_server(served_project):
    from qualmrs.web import create_app
    from qualmrs.web.server import in_thread

    for name, role in (("kari", "owner"), ("ola", "coder"), ("per", "viewer")):
        served_project.add_user(name, PASSWORD, role)
    with in_thread(create_app(served_project, team=True)) as base:
        yield base, served_project


def log_in(page, name, password=PASSWORD):
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_team_browser_coder_codes_as_themselves_viewer_cannot(team_server, page, page_errors,
                                                              tmp_path):
    base, project = team_server
    shots = Path(os.environ.get("QUALMRS_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1100, "height": 640})
    page.goto(f"{base}/doc/intervju_b.txt")  # not signed in: the login page first
    assert page.url.startswith(f"{base}/login?next=")
    page.screenshot(path=str(shots / "login.png"))
    log_in(page, "ola", "feil passord")
    assert "Wrong user name or password." in page.locator(".login-message").inner_text()
    page_errors.clear()  # the browser logs the 401 of that page; it was meant
    log_in(page, "ola")
    page.wait_for_selector(".turn[data-start]")  # back on the page asked for
    assert page.url == f"{base}/doc/intervju_b.txt"
    assert page.locator("#coder-name").inner_text() == "ola"
    select_text(page, QUOTE)
    page.locator('button[data-code="tilbakemelding.ansatte"]').click()
    page.wait_for_function("document.querySelectorAll('.hl.coded').length > 0")
    assert stored(project) == [(QUOTE, "tilbakemelding.ansatte", "ola")]

    page.locator("#logout").click()
    page.wait_for_url(f"{base}/login")
    log_in(page, "per")
    page.goto(f"{base}/doc/intervju_b.txt")
    page.wait_for_selector(".turn[data-start]")
    assert page.locator("#undo").count() == 0
    assert "reading as" in page.locator("header .who").inner_text()
    select_text(page, "det meste kan tallfestes")
    page.locator('button[data-code="motivasjon"]').click()
    page.wait_for_selector("#toast.bad")
    assert page.locator("#toast").inner_text() == "viewers cannot change the project"
    assert stored(project) == [(QUOTE, "tilbakemelding.ansatte", "ola")]
    # what the browser logs of the refusal: the 403, and the reader's rejected promise
    assert set(page_errors) <= {"viewers cannot change the project", "Failed to load "
                                "resource: the server responded with a status of 403 "
                                "(Forbidden)"}, page_errors
    assert page.goto(f"{base}/people").status == 403
    page_errors.clear()  # that 403 as well


def test_team_browser_owner_adds_a_person(team_server, page, page_errors, tmp_path):
    base, project = team_server
    page.set_viewport_size({"width": 1100, "height": 520})
    page.goto(f"{base}/people")
    log_in(page, "kari")
    page.wait_for_selector("#people tbody tr")
    form = page.locator("#add-person")
    form.get_by_label("Name").fill("eva")
    form.get_by_label("Role").select_option("viewer")
    form.get_by_label("Initial password").fill("eva sitt passord")
    form.get_by_role("button", name="Add").click()
    page.wait_for_selector('tr[data-user="eva"]')
    assert project.check_login("eva", "eva sitt passord").role == "viewer"
    page.locator("#toast").evaluate("t => t.className = ''")
    page.wait_for_timeout(300)  # the toast fades out
    shots = Path(os.environ.get("QUALMRS_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "people.png"))
    page.locator('tr[data-user="ola"] select').select_option("viewer")
    page.wait_for_function("document.querySelector('#toast').textContent.includes('now a')")
    assert project.user("ola").role == "viewer"
    page.once("dialog", lambda d: d.accept())
    page.locator('tr[data-user="eva"] button', has_text="Remove").click()
    page.wait_for_function("!document.querySelector('tr[data-user=\"eva\"]')")
    assert [u.name for u in project.users()] == ["kari", "ola", "per"]
