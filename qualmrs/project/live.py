"""Live updates (issue 15): the history read as it grows, as changes a person can be told of.

A reader of the history (the browser's event stream) asks for the events after the last one it
has (``Project.events_after``: one read shared by everyone watching), then turns them into
``Change``s for each viewer (``Project.changes_for``): one per run of a step's events, with
the documents and cases it touched and a short note («KN coded «Rutiner» in intervju_b.txt»).
During an open blind round a blind viewer gets nothing of another coder's work on the round's
documents and cases: such events are left out before anything is said, so a step made only of
them is not there at all, not even as a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import QualmrsError
from ..model import MANUAL, Answer, Coding
from .rounds import Blind, blind_for, round_cases

__all__ = ["Change", "changes", "LiveMixin"]

FEW = 1  # events of a kind up to which a note names them one by one
DONE = {"add": "added", "change": "changed", "remove": "removed"}


@dataclass(frozen=True)
class Change:
    """A run of one step's events, as one viewer may see it.

    ``id`` is the run's last event id (what a reader passes back to get what came after),
    ``documents`` and ``cases`` what it touched, ``suggestions`` whether suggestions changed,
    ``note`` a sentence about it ("" for bookkeeping nobody needs to be told of).
    """

    id: int
    step: int
    actor: str
    kind: str  # do | undo | redo
    documents: tuple[str, ...]
    cases: tuple[str, ...]
    suggestions: bool
    note: str

    def as_dict(self) -> dict:
        return {"id": self.id, "step": self.step, "actor": self.actor, "kind": self.kind,
                "documents": list(self.documents), "cases": list(self.cases),
                "suggestions": self.suggestions, "note": self.note}


def _row(e: dict) -> dict:
    return e["after"] if e["after"] is not None else (e["before"] or {})


def hidden(e: dict, blind: Blind | None) -> bool:
    """Whether a blind viewer may not know of event ``e`` (an event of ``events_after``)."""
    if blind is None:
        return False
    row = _row(e)
    if e["table"] == "codings":
        return blind.hides_coding(Coding(e["document"], row["start"], row["end"], row["code"],
                                         row["coder"], row["source"]))
    if e["table"] == "answers":
        return blind.hides_answer(Answer(row["case_label"], row["question"], row["category"],
                                         row["coder"], row["source"]))
    if e["table"] == "summaries":  # a summary rests on its coder's codings of the case
        return row["coder"] != blind.viewer and row["case_label"] in blind.cases
    return False


def changes(events: list[dict], names: dict[str, str], blind: Blind | None = None
            ) -> list[Change]:
    """The changes ``events`` (oldest first) make, as a viewer under ``blind`` may see them.

    Args:
        names: code key → name, for the notes.
    """
    out: list[Change] = []
    run: list[dict] = []
    for e in events:
        if run and e["step"] != run[-1]["step"]:
            out.append(_change(run, names))
            run = []
        if not hidden(e, blind):
            run.append(e)
    if run:
        out.append(_change(run, names))
    return out


def _is_work(e: dict) -> bool:
    return e["table"] in ("codings", "answers") and _row(e).get("source") == MANUAL


def _change(run: list[dict], names: dict[str, str]) -> Change:
    first = run[0]
    docs = dict.fromkeys(e["document"] for e in run if e["document"])
    cases = dict.fromkeys(_row(e)["case_label"] for e in run
                          if e["table"] in ("answers", "summaries"))
    suggestions = any(e["table"] == "suggestions" or (e["table"] == "codings" and not
                                                      _is_work(e)) for e in run)
    return Change(run[-1]["id"], first["step"], first["actor"], first["kind"], tuple(docs),
                  tuple(cases), suggestions, note(first["actor"], first["kind"], run, names))


def note(actor: str, kind: str, run: list[dict], names: dict[str, str]) -> str:
    """«KN coded «Rutiner» in intervju_b.txt»: one sentence about a run of a step's events;
    "" when it holds only suggestions (refreshed by the machine, nothing to tell)."""
    parts = []
    codings = [e for e in run if e["table"] == "codings" and _is_work(e)]
    answers = [e for e in run if e["table"] == "answers" and _is_work(e)]
    summaries = [e for e in run if e["table"] == "summaries"]
    rest = sorted({e["table"] for e in run if e["table"] not in
                   ("codings", "answers", "summaries", "suggestions")})
    for op in ("add", "change", "remove"):
        these = [e for e in codings if e["op"] == op]
        if len(these) > FEW:
            docs = sorted({e["document"] for e in these if e["document"]})
            parts.append(f"{DONE[op]} {len(these)} codings"
                         + (f" in {', '.join(docs)}" if docs else ""))
        elif these:
            parts.append(_one_coding(these[0], names))
    if len(answers) > FEW:
        parts.append(f"changed {len(answers)} answers")
    elif answers:
        row = _row(answers[0])
        parts.append(f"removed the answer to {row['question']} for case {row['case_label']}"
                     if answers[0]["op"] == "remove" else
                     f"answered {row['question']} = {row['category']} for case "
                     f"{row['case_label']}")
    if summaries:
        row = _row(summaries[0])
        parts.append(f"changed {len(summaries)} summaries" if len(summaries) > FEW else
                     f"wrote the summary of case {row['case_label']} on {row['theme']}")
    if rest:
        parts.append("changed the project (" + ", ".join(rest) + ")")
    if not parts:
        return ""
    text = "; ".join(parts)
    if kind in ("undo", "redo"):
        return f"{actor} {'undid' if kind == 'undo' else 'redid'} a step ({text})"
    return f"{actor} {text}"


def _one_coding(e: dict, names: dict[str, str]) -> str:
    row = _row(e)
    where = f" in {e['document']}" if e["document"] else ""
    name = f"«{names.get(row['code'], row['code'])}»"
    if e["op"] == "add":
        return f"coded {name}{where}"
    if e["op"] == "remove":
        return f"removed a coding {name}{where}"
    before = e["before"]
    if before["code"] != row["code"]:
        return f"recoded «{names.get(before['code'], before['code'])}» as {name}{where}"
    if before["memo"] != row["memo"]:
        return f"wrote a memo on {name}{where}"
    return f"changed a coding {name}{where}"


class LiveMixin:
    """The Project's live updates; needs ``self.store``."""

    def events_after(self, after: int, limit: int = 2000) -> list[dict]:
        """The history's events after event id ``after`` (oldest first, at most ``limit``),
        everyone's: read once, then given to each viewer through ``changes_for``."""
        return self.store.events_after(after, limit)

    def changes_by_viewer(self, events: list[dict], viewers) -> dict:
        """``changes_for`` for several viewers at once: viewer → changes. Outside a blind
        round (the usual case) the changes are made once and shared."""
        current = self.store.open_round() if events else None
        if current is None or not current.blind:
            names = {c.key: c.name for c in self.store.codebook.codes}
            shared = changes(events, names)
            return {v: shared for v in viewers}
        return {v: self.changes_for(events, v) for v in viewers}

    def changes_for(self, events: list[dict], viewer: str | None) -> list[Change]:
        """What ``events`` (of ``events_after``) changed, as ``viewer`` may see it: during an
        open blind round, nothing of another coder's work on its documents and cases."""
        if not events:
            return []
        names = {c.key: c.name for c in self.store.codebook.codes}
        try:
            blind = blind_for(self.store, viewer)
        except QualmrsError:  # not one of the project's users: blind to everyone's work
            current = self.store.open_round()
            blind = Blind(current, "", round_cases(self.store, current.documents))
        return changes(events, names, blind)
