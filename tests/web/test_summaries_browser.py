"""Issue 17: the matrix of main points in Chromium: a summary written in the cell editor
beside the cell's quotes is the project's (``project.summaries()``, ``qualmrs summaries``,
``qualmrs history``) and Undo in the header takes it back."""

import pytest
from conftest import invoke
from openpyxl import load_workbook

pytestmark = pytest.mark.browser

SUMMARY = "Tallene <b>motiverer</b> & presser"  # markup stays text


def _code(project, quote, code, coder="KN"):
    text = project.document_view("intervju_b.txt")["text"]
    a = text.index(quote)
    return project.code("intervju_b.txt", a, a + len(quote), code, coder)[0].id


def test_browser_summary_written_beside_its_quotes_and_undone(live_server, page, page_errors,
                                                              tmp_path):
    base, project = live_server
    first = _code(project, "glede og litt press", "tilbakemelding.rutiner")
    _code(project, "det meste kan tallfestes", "tilbakemelding.synspunkt")
    page.goto(f"{base}/?token=t0ken")
    page.goto(f"{base}/tables")
    cell = page.locator("table.main-points td[data-case='B'][data-theme='tilbakemelding']")
    cell.wait_for()
    assert cell.inner_text() == "2 quote(s): glede og litt press"  # no summary yet
    cell.locator("button").click()
    editor = page.locator("#summary-editor")
    editor.locator("blockquote").first.wait_for()
    assert editor.locator("blockquote").all_inner_texts() == ["glede og litt press",
                                                              "det meste kan tallfestes"]
    page.fill("#summary-text", SUMMARY)
    editor.locator("input[type=checkbox]").first.check()
    page.click("#summary-save")
    page.wait_for_function("document.querySelector(\"table.main-points td[data-case='B']"
                           "[data-theme='tilbakemelding'] .summary\")")
    assert cell.locator(".summary").inner_text() == SUMMARY
    assert cell.locator("b").count() == 0
    (s,) = project.summaries().itertuples()
    assert (s.case, s.theme, s.coder, s.text, s.quotes, s.origin) == \
        ("B", "tilbakemelding", "KN", SUMMARY, [first], "browser")
    history = invoke("history", project.path, "--format", "csv")
    assert history.exit_code == 0 and "summary B tilbakemelding" in history.stdout
    grid = tmp_path / "grid.xlsx"
    assert invoke("summaries", project.path, "--out", grid, "--coder", "KN").exit_code == 0
    assert SUMMARY in [c.value for row in load_workbook(grid).worksheets[0].iter_rows()
                       for c in row]
    page.wait_for_selector("#undo:not([disabled])")
    page.click("#undo")
    page.wait_for_function("document.querySelector(\"table.main-points td[data-case='B']"
                           "[data-theme='tilbakemelding']\").innerText.startsWith('2 quote')")
    assert project.summaries().empty
    # the editor shows the cell as it is now
    page.wait_for_function("document.querySelector('#summary-text').value === ''")
    assert not editor.locator("input[type=checkbox]").first.is_checked()


def test_browser_main_points_screenshot(page, page_errors, tmp_path):
    """The matrix of main points of the sample study with a cell's editor open; with
    QUALMRS_SCREENSHOTS=docs/screenshots it is the README's."""
    import os
    from pathlib import Path

    import qualmrs
    from conftest import running

    project = qualmrs.load_sample(tmp_path / "sample")
    with running(project, coder="BHO", refit_every=None) as base:
        page.set_viewport_size({"width": 1360, "height": 900})
        page.goto(f"{base}/?token=t0ken")
        page.goto(f"{base}/tables")
        cell = page.locator("table.main-points td[data-case='C'] .summary").first
        cell.wait_for()
        cell.click()
        page.locator("#summary-editor input[type=checkbox]:checked").first.wait_for()
        out = Path(os.environ.get("QUALMRS_SCREENSHOTS", tmp_path))
        out.mkdir(parents=True, exist_ok=True)
        # the open cell under the sticky header, its editor below it
        page.evaluate("document.querySelector('#main-points td.open').scrollIntoView();"
                      "window.scrollBy(0, -70)")
        page.screenshot(path=str(out / "main_points.png"))
    project.close()
    assert (out / "main_points.png").stat().st_size > 10_000
