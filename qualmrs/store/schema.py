"""Tables of a project store. Bump SCHEMA_VERSION with every change to them."""

from sqlalchemy import (Column, Float, ForeignKey, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

SCHEMA_VERSION = 2  # 2: models table (saved suggestion models)

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
                  Column("n_words", Integer, nullable=False))

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
                UniqueConstraint("document_id", "start", "end", "code", "coder", "source"))

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
                UniqueConstraint("case_label", "question", "coder", "source"))

models = Table("models", metadata,
               Column("name", String, primary_key=True),
               Column("data", Text, nullable=False),  # JSON: numbers and words, no pickle
               Column("created", String, nullable=False))
