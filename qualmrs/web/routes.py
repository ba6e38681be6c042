"""Every URL of the web interface, in one list."""

from __future__ import annotations

from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import api, live, login, pages, people, rounds
from .app import HERE


def routes() -> list:
    return [
        Route("/", pages.documents),
        Route("/doc/{name:path}", pages.reader),
        Route("/tables", pages.tables),
        Route("/search", pages.search),
        Route("/people", people.page),
        Route("/rounds", rounds.page),
        Route("/login", login.login_page),
        Route("/login", login.login, methods=["POST"]),
        Route("/logout", login.logout, methods=["POST"]),
        Route("/api/session", login.session),
        Route("/api/users", people.users),
        Route("/api/users", people.add_user, methods=["POST"]),
        Route("/api/users/{name:path}", people.change_user, methods=["PATCH"]),
        Route("/api/users/{name:path}", people.remove_user, methods=["DELETE"]),
        Route("/api/rounds", rounds.rounds),
        Route("/api/rounds", rounds.open_round, methods=["POST"]),
        Route("/api/rounds/close", rounds.close_round, methods=["POST"]),
        Route("/api/rounds/{id:int}/agreement", rounds.agreement),
        Route("/api/rounds/{id:int}/disagreements", rounds.disagreements),
        Route("/api/rounds/{id:int}/decisions", rounds.decide, methods=["POST"]),
        Route("/api/documents", api.documents),
        Route("/api/documents/{name:path}", api.document),
        Route("/api/codebook", api.codebook),
        Route("/api/version", api.version),
        Route("/api/events", live.events),
        Route("/api/codings", api.add_coding, methods=["POST"]),
        Route("/api/codings/{id:int}", api.change_coding, methods=["PATCH"]),
        Route("/api/codings/{id:int}", api.remove_coding, methods=["DELETE"]),
        Route("/api/undo", api.undo, methods=["POST"]),
        Route("/api/redo", api.redo, methods=["POST"]),
        Route("/api/undo", api.undo_state),
        Route("/api/history", api.history),
        Route("/api/suggestions/accept", api.accept, methods=["POST"]),
        Route("/api/suggestions/reject", api.reject, methods=["POST"]),
        Route("/api/suggestions/next", api.next_suggestion),
        Route("/api/suggest", api.suggest, methods=["POST"]),
        Route("/api/suggest", api.suggest_status),
        Route("/api/cases/{case}/questions", api.questions),
        Route("/api/answers", api.set_answer, methods=["PUT"]),
        Route("/api/tables", api.tables),
        Route("/api/matrix", api.matrix),
        Route("/api/quotes", api.quotes),
        Route("/api/summaries", api.main_points),
        Route("/api/summaries/cell", api.summary_cell),
        Route("/api/summaries", api.set_summary, methods=["POST"]),
        Route("/api/search", api.search),
        Route("/api/search/code", api.code_search, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
