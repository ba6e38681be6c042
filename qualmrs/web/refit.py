"""The suggestion model learning again while people code: in a separate process, one at a
time, and at most once per ``Refit.interval`` seconds however many decisions arrive.

A refit is a whole-project ``project.suggest(model=True)``. Run in a thread of the server it
held the interpreter lock for seconds at a time, and with a team deciding many times a second
it ran almost without pause, slowing every request (issue 15). It runs as
``python -m qualmrs.web.refit`` instead: the child opens the project where the server has it
(told on stdin, so a server URL's password is never on a command line) and writes its
suggestions through the front door, as one step of the history like any other, which the
live updates then hand out. A project only in memory has no place to open it again: its
refit runs in a thread as before.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

from ..errors import QualmrsError

__all__ = ["Refit", "decided", "start", "REFIT_EVERY", "REFIT_SECONDS"]

log = logging.getLogger(__name__)

REFIT_EVERY = 10  # decisions (codings, accepts, rejects) between two refits of the model
REFIT_SECONDS = 30.0  # at least this long between the starts of two refits
NICE = 10  # the refit process's lower priority (os.nice)


@dataclass
class Refit:
    """The model learning again in the background while people code."""

    every: int = REFIT_EVERY
    interval: float = REFIT_SECONDS
    decisions: int = 0
    running: bool = False
    started: int = 0  # refits started
    done: int = 0  # refits finished
    error: str = ""
    pid: int | None = None  # the process of the latest refit
    last_start: float = float("-inf")  # time.monotonic() of the latest start
    lock: threading.Lock = field(default_factory=threading.Lock)


def decided(site, coder: str | None, n: int = 1) -> bool:
    """Count ``n`` decisions; once ``every`` have come and ``interval`` seconds have passed
    since the last refit started, and none runs, start one. Decisions made meanwhile are kept
    for the next. Returns whether one started."""
    r = site.refit
    with r.lock:
        r.decisions += n
        if r.decisions < r.every or r.running or \
                time.monotonic() - r.last_start < r.interval:
            return False
        r.decisions = 0
        _claim(r)
    _launch(site, coder)
    return True


def start(site, coder: str | None) -> bool:
    """Start a refit now (a person asked for it), unless one runs; whether it started."""
    r = site.refit
    with r.lock:
        if r.running:
            return False
        _claim(r)
    _launch(site, coder)
    return True


def _claim(r: Refit) -> None:
    r.running = True
    r.started += 1
    r.last_start = time.monotonic()


def _launch(site, coder: str | None) -> None:
    project, r = site.project, site.refit
    location = project.store.location

    def work():
        try:
            # learned as the person who decided sees the project: during a blind round, from
            # their own coding only
            r.error = _in_process(project.seen_by(coder), coder) if location is None else \
                _in_child(r, str(location), coder, coder)
        except Exception as e:  # a bug in the child: said in the status, logged in full
            log.exception("refit failed")
            r.error = f"the refit failed: {e}"
        finally:
            with r.lock:
                r.running = False
                r.done += 1
    threading.Thread(target=work, daemon=True, name="qualmrs-refit").start()


def _in_process(project, coder: str | None) -> str:
    try:
        project.suggest(rules=True, model=True, coder=coder)
        return ""
    except QualmrsError as e:  # e.g. nothing coded yet: said in the status
        return str(e)


def _in_child(r: Refit, location: str, viewer: str | None, coder: str | None) -> str:
    """Run the refit in a child process; "" or the one-line error it gave.

    Raises:
        RuntimeError: the child failed otherwise (its output in the message).
    """
    child = subprocess.Popen([sys.executable, "-m", "qualmrs.web.refit"], text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    r.pid = child.pid
    out, err = child.communicate(json.dumps({"location": location, "viewer": viewer,
                                             "coder": coder}))
    if child.returncode == 0:
        return ""
    lines = err.strip().splitlines()
    if child.returncode == 1 and lines and lines[-1].startswith("Error: "):
        return lines[-1][len("Error: "):]
    raise RuntimeError(f"exit {child.returncode}: {err.strip()[-1000:]}")


def main() -> int:
    """The child: read ``{location, viewer, coder}`` on stdin, refit, exit 0; a QualmrsError
    (nothing coded yet, say) is one ``Error:`` line and exit 1."""
    import qualmrs

    # the people coding come first: the server's requests get the processor before the
    # refit (a few seconds of fitting; its writes are short units of their own)
    os.nice(NICE)
    asked = json.loads(sys.stdin.read())
    try:
        with qualmrs.open(asked["location"], viewer=asked["viewer"]) as project:
            project.suggest(rules=True, model=True, coder=asked["coder"])
    except QualmrsError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
