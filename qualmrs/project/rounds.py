"""Blind coding rounds (issue 15): an owner opens a round on some documents for some coders;
while it is open, each of its coders sees only their own codings and answers on those
documents (and suggestions learned only from their own coding); when it is closed, the
coders' agreement is measured and their disagreements listed to be decided as ``consensus``.

The rule, in one place (``Blind``): during an open blind round, a *blind viewer* is
  - in a project with users: every user but an owner;
  - in a project without users: a coder of the round.
A blind viewer sees, on the round's documents and the cases interviewed in them, no manual
codings or answers but their own, and no model suggestions but those learned from their own
coding. Owners, and everyone once the round is closed, see everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import QualmrsError, did_you_mean
from ..model import MANUAL, Answer, Coding
from ..store import Store
from ..store.rounds import Round
from ..store.units import login_name

__all__ = ["Blind", "blind_for", "open_round", "close_round", "find_round", "round_agreement",
           "round_disagreements", "Round"]

LEARNED_FROM = "codes:learned-from"  # models row: whose coding the model suggestions learned


@dataclass(frozen=True)
class Blind:
    """What a blind viewer may not see during an open blind round."""

    round: Round
    viewer: str
    cases: frozenset[str]
    model_learned_from: str | None = None

    def hides_coding(self, c: Coding) -> bool:
        if c.document not in self.round.documents:
            return False
        if c.source == MANUAL:
            return c.coder != self.viewer
        return c.source == "model" and self.model_learned_from != self.viewer

    def hides_answer(self, a: Answer) -> bool:
        return a.source == MANUAL and a.coder != self.viewer and a.case in self.cases


def round_cases(store: Store, documents) -> frozenset[str]:
    return frozenset(t.case for d in store.documents(list(documents)) for t in d.turns if t.case)


def blind_for(store: Store, viewer: str | None) -> Blind | None:
    """The blind rule for ``viewer`` now, or None when they see everything.

    Raises:
        QualmrsError: the project has users and none is named ``viewer``.
    """
    if viewer is None:
        return None
    current = store.open_round()
    if current is None or not current.blind:
        return None
    roles = {u.name: u.role for u in store.users()}
    if roles:
        if viewer not in roles:
            store.user(viewer)  # the error listing the users
        if roles[viewer] == "owner":
            return None
    elif viewer not in current.coders:
        return None
    learned = store.load_model(LEARNED_FROM)
    return Blind(current, viewer, round_cases(store, current.documents), learned)


def check_owner(store: Store, name: str | None, password: str | None,
                signed_in: bool = False) -> str:
    """Who acts as owner: in a project with users, ``name`` if the password is theirs (or,
    ``signed_in``, a login has checked it already) and they are an owner; without users,
    anyone (``name``, else the login name).

    Raises:
        QualmrsError: no name given, a wrong name or password, or not an owner.
    """
    users = store.users()
    if not users:
        return name or login_name()
    if not name:
        raise QualmrsError("this project has users: name an owner with --as NAME",
                           key="--as")
    user = store.user(name) if signed_in else store.check_login(name, password or "")
    if user is None:
        raise QualmrsError(f"wrong user name or password for '{name}'", key="--as")
    if user.role != "owner":
        raise QualmrsError(f"only an owner may open or close a round; {name} is a {user.role}",
                           key="--as")
    return user.name


def open_round(store: Store, documents: list[str] | None = None,
               coders: list[str] | None = None, blind: bool = True, by: str | None = None,
               password: str | None = None, signed_in: bool = False) -> Round:
    """Open a round (one step of the history).

    Args:
        documents: the round's documents (default: every document).
        coders: who codes in it (default: the users whose role is coder).
        by, password: the owner opening it (needed when the project has users).

    Raises:
        QualmrsError: not an owner, a round open already, an unknown document or coder,
            fewer than two coders.
    """
    who = check_owner(store, by, password, signed_in)
    known = [d.name for d in store.documents()]
    documents = list(dict.fromkeys(documents or known))
    for name in documents:
        if name not in known:
            raise QualmrsError(f"unknown document '{name}'; {did_you_mean(name, known)}",
                               key="--documents")
    roles = {u.name: u.role for u in store.users()}
    if not coders:
        coders = [n for n, r in roles.items() if r == "coder"]
    coders = list(dict.fromkeys(coders))
    for name in coders:
        if roles and roles.get(name) not in ("coder", "owner"):
            raise QualmrsError(f"'{name}' is not a coder of this project; coders: "
                               + (", ".join(n for n, r in roles.items() if r == "coder")
                                  or "none yet"), key="--coders")
    if len(coders) < 2:
        raise QualmrsError("a round needs two or more coders: name them with --coders"
                           + ("" if roles else " (this project has no users)"), key="--coders")
    return store.add_round(documents, coders, blind, who)


def close_round(store: Store, by: str | None = None, password: str | None = None,
                signed_in: bool = False) -> Round:
    """Close the open round (one step).

    Raises:
        QualmrsError: not an owner, or no round open.
    """
    return store.end_round(check_owner(store, by, password, signed_in))


def find_round(store: Store, round_id: int | None = None) -> Round:
    """The round with that id, or (None) the open round, else the latest.

    Raises:
        QualmrsError: no such round, or none yet.
    """
    rounds = store.rounds()
    if not rounds:
        raise QualmrsError("no round yet; open one with 'qualmrs round open'")
    if round_id is None:
        return store.open_round() or rounds[-1]
    for r in rounds:
        if r.id == round_id:
            return r
    raise QualmrsError(f"no round {round_id}; rounds: " + ", ".join(str(r.id) for r in rounds),
                       key="--round")


def round_progress(store: Store, r: Round) -> dict[str, dict[str, int]]:
    """How much each of a round's coders has done on it: ``{coder: {"codings": n on its
    documents, "answers": n for its cases}}`` (counts only: what a blind round may show)."""
    cases = round_cases(store, r.documents)
    out = {x: {"codings": 0, "answers": 0} for x in r.coders}
    for c in store.codings():
        if c.coder in out and c.document in r.documents:
            out[c.coder]["codings"] += 1
    for a in store.answers():
        if a.coder in out and a.case in cases:
            out[a.coder]["answers"] += 1
    return out


def working_coders(store: Store, r: Round) -> list[str]:
    """The round's coders who coded any of its documents, in the round's order."""
    have = {c.coder for c in store.codings() if c.document in r.documents}
    return [c for c in r.coders if c in have]


def round_agreement(store: Store, round_id: int | None = None, unit: str = "turn"):
    """Agreement among a round's coders on its documents (per code: percent, kappa, alpha;
    the unit stated in ``attrs``) and on the answers of the cases interviewed in them.

    Raises:
        QualmrsError: fewer than two of the round's coders coded its documents.
    """
    from .agreement import agreement

    r = find_round(store, round_id)
    coders = working_coders(store, r)
    if len(coders) < 2:
        raise QualmrsError(f"round {r.id}: fewer than two of its coders ("
                           + ", ".join(r.coders) + ") coded its documents; nothing to compare")
    codings, answers = agreement(store, coders, unit, documents=list(r.documents))
    codings.attrs["round"] = answers.attrs["round"] = r.id
    return codings, answers


def round_disagreements(store: Store, round_id: int | None = None, unit: str = "turn"):
    """Where a round's coders differ: one row per unit and code that some coders who saw the
    document put on it and others did not, then per answer they gave differently; with an
    empty ``decision`` column (``yes``/``no`` for a code, the category for an answer) for
    ``qualmrs consensus --from``.

    Returns:
        ``round, kind, document, case, start, end, text, code, coded_by, not_coded_by,
        decision`` (an answer row: ``code`` is the question, ``coded_by`` «coder=category;…»).
    """
    from ..analyse.disagreements import per_code

    r = find_round(store, round_id)
    if r.is_open:
        raise QualmrsError(f"round {r.id} is still open; its disagreements are listed once "
                           "an owner closes it")
    coders = working_coders(store, r)
    docs = store.documents(list(r.documents))
    cases = round_cases(store, r.documents)
    frame = per_code(store.codebook, docs, store.sentences(list(r.documents))
                     if unit == "sentence" else {}, store.codings(),
                     [a for a in store.answers() if a.case in cases], coders, unit)
    frame.insert(0, "round", r.id)
    return frame


class RoundsMixin:
    """The Project's rounds and its viewer; needs ``self.store`` and ``self.viewer``."""

    def open_round(self, documents: list[str] | None = None, coders: list[str] | None = None,
                   blind: bool = True, by: str | None = None,
                   password: str | None = None, signed_in: bool = False) -> Round:
        """Open a coding round (one step of the history; ``undo`` takes it back).

        Args:
            documents: the round's documents (default: all).
            coders: who codes in it (default: the users whose role is coder).
            blind: while open, each of its coders sees only their own work on its documents.
            by, password: the owner opening it; needed when the project has users.
            signed_in: ``by`` has logged in (the browser's team login checked the password).

        Raises:
            QualmrsError: not an owner, a round open already, unknown documents or coders.
        """
        return open_round(self.store, documents, coders, blind, by, password, signed_in)

    def close_round(self, by: str | None = None, password: str | None = None,
                    signed_in: bool = False) -> Round:
        """Close the open round (one step); then ``round_agreement`` and
        ``round_disagreements`` tell how its coders agreed.

        Raises:
            QualmrsError: not an owner, or no round open.
        """
        return close_round(self.store, by, password, signed_in)

    def round(self, round_id: int | None = None) -> Round:
        """The round with that id; by default the open one, else the latest.

        Raises:
            QualmrsError: no such round.
        """
        return find_round(self.store, round_id)

    def rounds(self) -> list[Round]:
        """Every round, oldest first."""
        return self.store.rounds()

    def round_agreement(self, round_id: int | None = None, unit: str = "turn"):
        """Agreement among a round's coders on its documents: (codings frame per code with
        percent, kappa and alpha, the unit in ``attrs``; answers frame), as ``agreement``."""
        self._not_blind("agreement")
        return round_agreement(self.store, round_id, unit)

    def round_disagreements(self, round_id: int | None = None, unit: str = "turn"):
        """Where a closed round's coders differ, per unit and code (and per answer), with the
        ``decision`` taken so far (empty: to decide) and each row's key for ``decide`` in
        ``attrs["keys"]``; see ``rounds.round_disagreements``."""
        from .decisions import decided_disagreements

        self._not_blind("disagreements")
        return decided_disagreements(self.store, round_id, unit)

    def round_progress(self, round_id: int | None = None) -> dict[str, dict[str, int]]:
        """Per coder of a round, how many codings on its documents and answers for its cases
        (counts only, which a blind round may show to everyone)."""
        return round_progress(self.store, find_round(self.store, round_id))

    def decide(self, decisions: dict[str, str], by: str | None = None,
               round_id: int | None = None, unit: str = "turn", password: str | None = None,
               signed_in: bool = False) -> dict:
        """Decide one disagreement of a closed round into the ``consensus`` coder (one step
        that ``undo`` takes back); see ``qualmrs.project.decisions.decide``.

        Args:
            decisions: disagreement (``decisions.row_key`` of a ``round_disagreements`` row)
                → yes or no for a code, the category for an answer, "" to take it back.
            by, password, signed_in: the owner deciding, as for ``close_round``.
        """
        from .decisions import decide

        who = check_owner(self.store, by, password, signed_in)
        return decide(self.store, round_id, decisions, who, unit)

    def blind(self) -> Blind | None:
        """What the viewer may not see now (None: everything is visible)."""
        return blind_for(self.store, self.viewer)

    def _not_blind(self, what: str) -> None:
        if (blind := self.blind()) is not None:
            raise QualmrsError(f"blind round {blind.round.id} is open: {what} between coders "
                               f"is shown once an owner closes it", key="--as")
