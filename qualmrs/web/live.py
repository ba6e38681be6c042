"""Live updates (issue 15): the history as server-sent events, ``GET /api/events``.

One poller per process (``Hub``) asks the store for its latest event id every ``POLL``
seconds while anyone watches, whatever the number of connections; when the id grows (a change
made through this server, the CLI, or another server on the same database) it reads the new
events once, turns them into each watching viewer's changes (``Project.changes_for``: a blind
viewer gets nothing of another coder's work in an open blind round), and hands them to the
connections. Each message carries ``id: N`` (the last event id it holds): a browser that
reconnects sends ``Last-Event-ID`` and gets what came after; a page may pass ``?after=N``
(the version it was drawn from) for its first connection.

A stream ends when its client goes away (Starlette cancels it) and when the server stops
(``stop_with``): an open stream never keeps uvicorn waiting.
"""

from __future__ import annotations

import asyncio
import json
import logging

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, StreamingResponse

log = logging.getLogger(__name__)

POLL = 0.25  # seconds between two looks at the latest event id
KEEPALIVE = 15.0  # seconds of silence after which a comment line keeps proxies from closing
RETRY_MS = 1000  # how soon a browser reconnects after losing the stream
LIMIT = 2000  # events read at once; a reconnecting reader missing more is told to reload


class Hub:
    """The process's one poller of the history and the connections it feeds."""

    def __init__(self, project, poll: float = POLL, keepalive: float = KEEPALIVE):
        self.project = project
        self.poll = poll
        self.keepalive = keepalive
        self.stopping = lambda: False  # set by stop_with: the server is shutting down
        self.polls = 0  # latest-id queries made (one per tick, however many watch)
        self._watchers: dict[asyncio.Queue, str | None] = {}
        self._task: asyncio.Task | None = None
        self._last = 0

    @property
    def watching(self) -> int:
        return len(self._watchers)

    async def top(self) -> int:
        return await run_in_threadpool(self.project.last_change)

    def watch(self, viewer: str | None, since: int) -> asyncio.Queue:
        """A queue that gets each batch of ``viewer``'s changes after event ``since`` (a
        list; None: the end). The caller replays what came before ``since`` itself."""
        queue: asyncio.Queue = asyncio.Queue()
        self._watchers[queue] = viewer
        if self._task is None:
            self._last = since
            self._task = asyncio.get_running_loop().create_task(self._run())
        return queue

    def leave(self, queue: asyncio.Queue) -> None:
        self._watchers.pop(queue, None)

    async def _run(self) -> None:
        try:
            while self._watchers and not self.stopping():
                await asyncio.sleep(self.poll)
                if self.stopping():
                    break
                self.polls += 1
                top = await self.top()
                while top > self._last and self._watchers:
                    events = await run_in_threadpool(self.project.events_after, self._last,
                                                     LIMIT)
                    if not events:
                        break
                    self._last = events[-1]["id"]
                    await self._hand_out(events)
        except Exception:  # the store went away, say: readers reconnect and catch up
            log.exception("live updates: reading the history failed")
        finally:
            self._task = None
            for queue in list(self._watchers):
                queue.put_nowait(None)
            self._watchers.clear()

    async def _hand_out(self, events: list[dict]) -> None:
        views = await run_in_threadpool(self.project.changes_by_viewer, events,
                                        set(self._watchers.values()))
        for queue, viewer in list(self._watchers.items()):
            if viewer not in views:  # joined meanwhile
                views[viewer] = await run_in_threadpool(self.project.changes_for, events,
                                                        viewer)
            if views[viewer]:
                queue.put_nowait(views[viewer])


def stop_with(app, server) -> None:
    """End ``app``'s event streams when uvicorn ``server`` begins to stop (uvicorn waits for
    open responses; a stream would otherwise keep it waiting)."""
    site = getattr(app.state, "site", None)
    if site is not None:
        site.live.stopping = lambda: server.should_exit


def _message(change) -> str:
    return (f"id: {change.id}\nevent: change\n"
            f"data: {json.dumps(change.as_dict(), ensure_ascii=False)}\n\n")


def _after(request) -> int | None:
    raw = request.headers.get("last-event-id") or request.query_params.get("after")
    if raw is None or raw == "":
        return None
    if not raw.isdigit():
        raise ValueError(raw)
    return int(raw)


async def events(request):
    """``GET /api/events``: the changes the requester may see, as ``text/event-stream``.

    Each message is ``event: change``, ``id: N``, ``data: {id, step, actor, kind, documents,
    cases, suggestions, note}`` (``Project.changes_for``); ``event: reset`` says more was
    missed than is replayed: reload. Starts after ``Last-Event-ID`` (a reconnect), else
    ``?after=N``, else now.
    """
    site = request.app.state.site
    hub: Hub = site.live
    viewer = site.coder_of(request)
    try:
        after = _after(request)
    except ValueError:
        return JSONResponse({"error": "Last-Event-ID and after are event ids (whole numbers)"},
                            status_code=400)

    async def stream():
        top = await hub.top()
        queue = hub.watch(viewer, top)  # the hub hands out what comes after top
        try:
            yield f"retry: {RETRY_MS}\n\n"
            sent = top if after is None else after
            missed = await run_in_threadpool(site.project.events_after, sent, LIMIT + 1)
            if len(missed) > LIMIT:
                sent = await hub.top()
                yield f"id: {sent}\nevent: reset\ndata: {{}}\n\n"
            else:
                for change in await run_in_threadpool(site.project.changes_for, missed,
                                                       viewer):
                    yield _message(change)
                    sent = change.id
            while True:
                try:
                    batch = await asyncio.wait_for(queue.get(), hub.keepalive)
                except asyncio.TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                if batch is None:
                    return
                for change in batch:
                    if change.id > sent:
                        yield _message(change)
                        sent = change.id
        finally:
            hub.leave(queue)

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
