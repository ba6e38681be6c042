"""Tables of a project store. Bump SCHEMA_VERSION with every change to them (and add a step
to ``migrate.py``)."""

from sqlalchemy import Column, Float, ForeignKey, Integer, MetaData, Table, UniqueConstraint
from sqlalchemy import String as _String
from sqlalchemy import Text as _Text

# PostgreSQL compares text by the database's locale (en_US puts «B_x» and «b.x» in another
# order than SQLite's bytes); "C" compares bytes there too, so ORDER BY, MIN and unique keys
# give the same on both backends
String = _String().with_variant(_String(collation="C"), "postgresql")
Text = _Text().with_variant(_Text(collation="C"), "postgresql")

# 2: models table (saved suggestion models)
# 3: history (steps, events), origins of codings and answers, import snapshots, coder aliases,
#    stored warnings; codings and answers ids never reused (events refer to them)
# 4: revisions (issue 16): earlier versions of documents, codings set aside because their
#    text was deleted, codings and answers to review because their words changed
# 5: summaries (the matrix of main points)
# 6: users (names, roles, password hashes) for team projects
# 7: rounds (blind coding rounds of a team)
SCHEMA_VERSION = 7

metadata = MetaData()

meta = Table("meta", metadata,
             Column("key", String, primary_key=True),
             Column("value", Text, nullable=False))

documents = Table("documents", metadata,
                  Column("id", Integer, primary_key=True),
                  Column("name", String, nullable=False, unique=True),
                  Column("sha256", String, nullable=False),
                  Column("format", String, nullable=False),
                  Column("text", Text, nullable=False),
                  Column("n_words", Integer, nullable=False),
                  sqlite_autoincrement=True)

turns = Table("turns", metadata,
              Column("id", Integer, primary_key=True),
              Column("document_id", ForeignKey("documents.id"), nullable=False, index=True),
              Column("idx", Integer, nullable=False),
              Column("speaker", String, nullable=False),
              Column("role", String, nullable=False),
              Column("case_label", String),
              Column("start", Integer, nullable=False),
              Column("end", Integer, nullable=False),
              Column("time", Float),
              UniqueConstraint("document_id", "idx"))

segments = Table("segments", metadata,
                 Column("id", Integer, primary_key=True),
                 Column("document_id", ForeignKey("documents.id"), nullable=False, index=True),
                 Column("turn_idx", Integer, nullable=False),
                 Column("start", Integer, nullable=False),
                 Column("end", Integer, nullable=False),
                 Column("lemmas", Text, nullable=False))

cases = Table("cases", metadata,
              Column("label", String, primary_key=True),
              Column("position", Integer, nullable=False))

case_attributes = Table("case_attributes", metadata,
                        Column("case_label", ForeignKey("cases.label"), primary_key=True),
                        Column("name", String, primary_key=True),
                        Column("value", String, nullable=False))

codes = Table("codes", metadata,
              Column("key", String, primary_key=True),
              Column("parent", String),
              Column("name", String, nullable=False),
              Column("description", Text, nullable=False),
              Column("color", String, nullable=False),
              Column("position", Integer, nullable=False))

questions = Table("questions", metadata,
                  Column("key", String, primary_key=True),
                  Column("text", Text, nullable=False),
                  Column("scale", String, nullable=False),
                  Column("position", Integer, nullable=False))

codings = Table("codings", metadata,
                Column("id", Integer, primary_key=True),
                Column("document_id", ForeignKey("documents.id"), nullable=False, index=True),
                Column("start", Integer, nullable=False),
                Column("end", Integer, nullable=False),
                Column("code", String, nullable=False, index=True),
                Column("coder", String, nullable=False),
                Column("source", String, nullable=False),
                Column("confidence", Float),
                Column("evidence", Text, nullable=False, default=""),
                Column("memo", Text, nullable=False, default=""),
                Column("created", String, nullable=False),
                # where a manual coding came from: "file:codings.csv", "word:intervju_b.docx",
                # "sheet:ark.xlsx", "browser", "accepted:model", ...; and the key of its row,
                # comment or cell there, so that importing the file again can find it
                Column("origin", String, nullable=False, server_default=""),
                Column("origin_key", String, nullable=False, server_default=""),
                UniqueConstraint("document_id", "start", "end", "code", "coder", "source"),
                sqlite_autoincrement=True)

answers = Table("answers", metadata,
                Column("id", Integer, primary_key=True),
                Column("case_label", ForeignKey("cases.label"), nullable=False),
                Column("question", String, nullable=False),
                Column("category", String, nullable=False),
                Column("coder", String, nullable=False),
                Column("source", String, nullable=False),
                Column("confidence", Float),
                Column("evidence", Text, nullable=False, default=""),
                Column("document_id", ForeignKey("documents.id")),
                Column("start", Integer),
                Column("end", Integer),
                Column("created", String, nullable=False),
                Column("origin", String, nullable=False, server_default=""),
                Column("origin_key", String, nullable=False, server_default=""),
                UniqueConstraint("case_label", "question", "coder", "source"),
                sqlite_autoincrement=True)

models = Table("models", metadata,
               Column("name", String, primary_key=True),
               Column("data", Text, nullable=False),  # JSON: numbers and words, no pickle
               Column("created", String, nullable=False))

# A researcher's summary of one case on one theme (a cell of the matrix of main points), with
# the codings it rests on; origins as for codings ("grid:grid.xlsx", "file:summaries.csv",
# "browser").
summaries = Table("summaries", metadata,
                  Column("id", Integer, primary_key=True),
                  Column("case_label", ForeignKey("cases.label"), nullable=False),
                  Column("theme", String, nullable=False),
                  Column("coder", String, nullable=False),
                  Column("text", Text, nullable=False),
                  Column("quotes", Text, nullable=False, default="[]"),  # JSON: coding ids
                  Column("origin", String, nullable=False, server_default=""),
                  Column("origin_key", String, nullable=False, server_default=""),
                  Column("created", String, nullable=False),
                  UniqueConstraint("case_label", "theme", "coder"),
                  sqlite_autoincrement=True)

# One command is one step; every change it made is an event of that step. Append-only:
# undo and redo are steps of their own (``target`` names the step they revert or re-apply,
# ``undone_by`` the step that reverted this one).
steps = Table("steps", metadata,
              Column("id", Integer, primary_key=True),
              Column("at", String, nullable=False),
              Column("actor", String, nullable=False),
              Column("command", Text, nullable=False),
              Column("kind", String, nullable=False),  # do | undo | redo
              Column("target", Integer),
              Column("undone_by", Integer),
              Column("undoable", Integer, nullable=False, default=1),
              sqlite_autoincrement=True)

events = Table("events", metadata,
               Column("id", Integer, primary_key=True),
               Column("step_id", ForeignKey("steps.id"), nullable=False, index=True),
               Column("table_name", String, nullable=False),
               Column("op", String, nullable=False),  # add | remove | change
               Column("pk", Text, nullable=False),  # JSON list of the row's key values
               Column("coder", String, index=True),  # whose coding or answer, when one
               Column("before", Text),  # JSON of the row, None when added
               Column("after", Text),  # JSON of the row, None when removed
               sqlite_autoincrement=True)

# What the last import of a file gave, row by row: importing it again compares the file with
# this, not with the project, so later edits in the project are not undone by a re-import.
imports = Table("imports", metadata,
                Column("origin", String, primary_key=True),
                Column("sha256", String, nullable=False),
                Column("rows", Text, nullable=False))  # JSON list of [origin_key, item]

coder_aliases = Table("coder_aliases", metadata,
                      Column("alias", String, primary_key=True),
                      Column("coder", String, nullable=False))

warnings = Table("warnings", metadata,
                 Column("id", Integer, primary_key=True),
                 Column("document", String, index=True),  # None: about the project
                 Column("message", Text, nullable=False),
                 Column("created", String, nullable=False))

# A document's text as it was before a revision (the version it replaced); kept with the
# project, undone with the revision. Not a foreign key: a version outlives nothing it needs.
document_versions = Table("document_versions", metadata,
                          Column("id", Integer, primary_key=True),
                          Column("document_id", Integer, nullable=False, index=True),
                          Column("version", Integer, nullable=False),  # 1 = first ingested
                          Column("sha256", String, nullable=False),
                          Column("format", String, nullable=False),
                          Column("text", Text, nullable=False),
                          Column("turns", Text, nullable=False),  # JSON, as in events
                          Column("replaced", String, nullable=False),  # when
                          UniqueConstraint("document_id", "version"),
                          sqlite_autoincrement=True)

# A coding whose text a revision deleted: the coding as it was, and the words it coded,
# until someone puts it back (``qualmrs restore-coding``) or lets it go.
set_aside = Table("set_aside", metadata,
                  Column("id", Integer, primary_key=True),
                  Column("coding_id", Integer, nullable=False, unique=True),
                  Column("document_id", Integer, nullable=False, index=True),
                  Column("coding", Text, nullable=False),  # JSON of the codings row
                  Column("text", Text, nullable=False),
                  Column("created", String, nullable=False),
                  sqlite_autoincrement=True)

# A coding or answer evidence whose own words a revision changed: where it was carried, to
# be looked at (``qualmrs status``) and cleared (``qualmrs reviewed``).
reviews = Table("reviews", metadata,
                Column("id", Integer, primary_key=True),
                Column("kind", String, nullable=False),  # coding | answer
                Column("row_id", Integer, nullable=False),
                Column("document_id", Integer, nullable=False, index=True),
                Column("old_text", Text, nullable=False),
                Column("new_text", Text, nullable=False),
                Column("reason", String, nullable=False),  # changed | moved | deleted
                Column("created", String, nullable=False),
                UniqueConstraint("kind", "row_id"),
                sqlite_autoincrement=True)

# The people of a team project. Outside the history (no KEYS entry): the events would keep
# every password hash for good, and undo must never bring back a removed login or old password.
users = Table("users", metadata,
              Column("name", String, primary_key=True),
              Column("role", String, nullable=False),  # owner | coder | viewer
              Column("password", String, nullable=False),  # argon2id hash, never the password
              Column("created", String, nullable=False))

# A coding round of a team (issue 15): while open and blind, its coders see only their own
# work on its documents. In the history, so opening and closing a round can be undone.
rounds = Table("rounds", metadata,
               Column("id", Integer, primary_key=True),
               Column("blind", Integer, nullable=False),
               Column("documents", Text, nullable=False),  # JSON list of document names
               Column("coders", Text, nullable=False),  # JSON list of coder names
               Column("opened", String, nullable=False),
               Column("opened_by", String, nullable=False),
               Column("closed", String),  # None while open
               Column("closed_by", String),
               sqlite_autoincrement=True)

# A table's key columns, as events name rows by them.
KEYS = {"codings": ("id",), "answers": ("id",), "summaries": ("id",), "documents": ("id",),
        "cases": ("label",),
        "case_attributes": ("case_label", "name"), "codes": ("key",), "questions": ("key",),
        "meta": ("key",), "imports": ("origin",), "coder_aliases": ("alias",),
        "suggestions": ("key",),  # one event per refresh of a source's suggestions
        "document_versions": ("id",), "set_aside": ("id",), "reviews": ("id",),
        "rounds": ("id",)}
