"""Issue 15, item 4: live updates over real HTTP (uvicorn in a thread, httpx): the event
stream fed by the history, on SQLite and PostgreSQL; what a blind viewer is not told; the
stream ending with its client and with the server."""

import time

import pytest
from conftest import running

from qualmrs.web import create_app
from qualmrs.web.server import in_thread

CODE = "tilbakemelding.ansatte"


def span(project, quote, document="intervju_b.txt"):
    text = project.document_view(document)["text"]
    start = text.index(quote)
    return document, start, start + len(quote)


def code(project, coder, quote, document="intervju_b.txt", code=CODE):
    return project.code(*span(project, quote, document), code, coder)[0]


def test_live_another_servers_coding_arrives_within_a_second(team_interviews, listen):
    import httpx

    with running(team_interviews, coder="KN") as mine, \
            running(team_interviews.other, coder="AB") as theirs:
        stream = listen(mine)
        document, start, end = span(team_interviews, "målekortet")
        sent = time.monotonic()
        r = httpx.post(theirs + "/api/codings", headers={"Authorization": "Bearer t0ken"},
                       json={"document": document, "start": start, "end": end, "code": CODE})
        assert r.status_code == 201, r.text
        message = stream.next(timeout=3)
        assert message is not None, "no event within 3 s"
        assert message["at"] - sent < 1.0
        assert message["event"] == "change"
        assert message["data"]["actor"] == "AB"
        assert message["data"]["documents"] == ["intervju_b.txt"]
        assert message["data"]["note"] == \
            "AB coded «Ansatte og tilstandsinformasjon» in intervju_b.txt"
        assert int(message["id"]) == team_interviews.last_change()


def test_live_cli_changes_arrive_too(team_interviews, listen):
    """A change made outside any server (the CLI, a notebook) is in the history all the same:
    an answer, a recode and an undo each reach the reader."""
    with running(team_interviews, coder="KN") as mine:
        stream = listen(mine)
        other = team_interviews.other
        other.set_answer("B", "tallfestes", "Ja", "AB")
        coding = code(other, "AB", "målekortet")
        other.recode([coding.id], "tilbakemelding.rutiner", actor="AB")
        other.undo("AB")
        notes = [stream.next(timeout=3)["data"]["note"] for _ in range(4)]
    assert notes[0] == "AB answered tallfestes = Ja for case B"
    assert notes[2].startswith("AB recoded «Ansatte og tilstandsinformasjon» as «")
    assert notes[3].startswith("AB undid a step (recoded «")


def test_live_last_event_id_replays_what_was_missed(team_interviews, listen):
    before = team_interviews.last_change()
    code(team_interviews.other, "AB", "målekortet")
    code(team_interviews.other, "AB", "tavla")
    with running(team_interviews, coder="KN") as mine:
        both = listen(mine, headers={"Last-Event-ID": str(before)})
        first, second = both.next(), both.next()
        assert first["data"]["note"].startswith("AB coded") and int(first["id"]) > before
        assert int(second["id"]) > int(first["id"])
        again = listen(mine, headers={"Last-Event-ID": first["id"]})
        assert again.next()["id"] == second["id"]
        by_query = listen(mine, params={"after": first["id"]})  # a page's first connection
        assert by_query.next()["id"] == second["id"]
        assert listen(mine).next(timeout=0.6) is None  # no id: from now on


@pytest.mark.parametrize("viewer,told", [("KN", False), ("LE", True)])
def test_live_blind_viewer_is_told_nothing_of_another_coders_round_work(
        team_interviews, listen, viewer, told):
    """KN codes in the blind round; LE does not: LE is told of AB's coding, KN not even that
    something happened, live or replayed, until a change KN may see comes."""
    project = team_interviews
    before = project.last_change()
    project.open_round(documents=["intervju_b.txt"], coders=["KN", "AB"])
    with running(project, coder=viewer) as base:
        live = listen(base)
        code(project.other, "AB", "målekortet")  # in the round: hidden from KN
        code(project.other, "AB", "målekortet", document="intervju_c.txt")  # outside
        replayed = listen(base, headers={"Last-Event-ID": str(before)})
        for stream in (live, replayed):
            notes = []
            while (message := stream.next(timeout=1.5)) is not None:
                notes.append(message["data"]["note"])
            hidden = "AB coded «Ansatte og tilstandsinformasjon» in intervju_b.txt"
            assert (hidden in notes) == told, notes
            assert "AB coded «Ansatte og tilstandsinformasjon» in intervju_c.txt" in notes


def test_live_one_look_at_the_history_per_tick_for_all_readers(served_project, listen):
    app = create_app(served_project, token="t0ken", coder="KN")
    with in_thread(app) as base:
        for _ in range(4):
            listen(base)
        hub = app.state.site.live
        polls = hub.polls
        time.sleep(1.0)
        made = hub.polls - polls
    assert hub.watching == 0
    assert 2 <= made <= 6, made  # a tick every 250 ms, not one per reader


def test_live_stream_ends_when_the_client_goes_away(served_project, listen):
    app = create_app(served_project, token="t0ken", coder="KN")
    with in_thread(app) as base:
        stream = listen(base)
        hub = app.state.site.live
        assert hub.watching == 1
        stream.close()
        deadline = time.monotonic() + 3
        while hub.watching and time.monotonic() < deadline:
            time.sleep(0.05)
        assert hub.watching == 0


def test_live_server_stops_promptly_with_a_stream_open(served_project, listen):
    app = create_app(served_project, token="t0ken", coder="KN")
    with in_thread(app) as base:
        stream = listen(base)
        leaving = time.monotonic()
    took = time.monotonic() - leaving
    assert stream.ended.wait(2)
    assert took < 1.5, f"the server took {took:.1f} s to stop"


def test_live_bad_last_event_id_is_refused(live_server):
    import httpx

    base, _ = live_server
    r = httpx.get(base + "/api/events", headers={"Authorization": "Bearer t0ken",
                                                 "Last-Event-ID": "x"})
    assert r.status_code == 400 and "event ids" in r.json()["error"]
