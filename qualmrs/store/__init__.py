"""↔ SQLite: the project store (SQLAlchemy Core)."""

from .store import Store

__all__ = ["Store"]
