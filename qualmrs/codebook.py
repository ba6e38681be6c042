"""YAML codebook → ``Codebook``, with every problem located by file, line and key."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .errors import CodebookError, Problem, did_you_mean
from .model import Code, Codebook, Question, Scale, TableDef

__all__ = ["load_codebook", "parse_codebook", "DEFAULT_INTERVIEWER_LABELS"]

DEFAULT_INTERVIEWER_LABELS = ("A", "I", "Intervjuer")
KEY_RE = re.compile(r"^[a-z0-9_æøå]+(?:-[a-z0-9_æøå]+)*$")
COLOR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

TOP_FIELDS = {"name", "language", "interviewer_labels", "codes", "scales", "questions", "tables",
              "description"}
CODE_FIELDS = {"key", "name", "description", "include", "exclude", "examples", "color",
               "children", "phrases", "patterns", "was"}
SCALE_FIELDS = {"name", "categories", "cues", "opposites"}
QUESTION_FIELDS = {"key", "text", "scale", "cues"}
TABLE_FIELDS = {"id", "title", "questions"}


class _LineDict(dict):
    line: int = 0

    def __init__(self):
        super().__init__()
        self.lines: dict[Any, int] = {}


class _LineList(list):
    line: int = 0

    def __init__(self):
        super().__init__()
        self.lines: list[int] = []


class _Loader(yaml.SafeLoader):
    """Safe loader that remembers lines and reports duplicate mapping keys."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int]] = []


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    out = _LineDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in out:
            loader.duplicates.append((str(key), line))
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = line
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _LineList:
    out = _LineList()
    out.line = node.start_mark.line + 1
    for item in node.value:
        out.append(loader.construct_object(item, deep=True))
        out.lines.append(item.start_mark.line + 1)
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_codebook(path: str | Path) -> Codebook:
    """Read and validate a codebook file.

    Raises:
        CodebookError: with every problem found, each naming the file, line and key.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CodebookError("codebook file not found", path=path) from None
    except UnicodeDecodeError as e:
        raise CodebookError(f"not UTF-8 text (byte {e.start})", path=path) from None
    except IsADirectoryError:
        raise CodebookError("is a folder, expected a YAML codebook file", path=path) from None
    return parse_codebook(text, str(path))


def parse_codebook(text: str, path: str = "<codebook>",
                   check_patterns: bool = True) -> Codebook:
    """Validate codebook YAML text; see ``load_codebook``.

    ``check_patterns=False`` skips spaCy's check of the Matcher patterns (importing spaCy
    costs half a second), for a codebook that was checked when it was stored.
    """
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        reason = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise CodebookError(f"malformed YAML: {reason}", path=path,
                            line=mark.line + 1 if mark else None) from None
    finally:
        loader.dispose()
    v = _Validator(path, check_patterns)
    for key, line in loader.duplicates:
        v.problem(line, key, "duplicate key in the same mapping")
    if not isinstance(data, _LineDict):
        raise CodebookError("the codebook must be a mapping with 'codes', 'scales', "
                            "'questions' and 'tables'", path=path, line=1)
    book = v.codebook(data, text)
    _check_was(book, v)
    if v.problems:
        raise CodebookError(problems=v.problems)
    return book


def _check_was(book: Codebook, v: "_Validator") -> None:
    """An earlier key (``was:``) names a code that is gone, and only one code claims it."""
    keys = {c.key for c in book.codes}
    claimed: dict[str, str] = {}
    for c in book.codes:
        for old in c.was:
            if old in keys:
                v.problem(None, f"{c.key}.was", f"'{old}' is still a code of this codebook; "
                          "'was' lists keys that are gone")
            elif old in claimed:
                v.problem(None, f"{c.key}.was", f"'{old}' is also listed under "
                          f"{claimed[old]}.was; codings can move to one code only")
            claimed[old] = c.key


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class _Validator:
    def __init__(self, path: str, check_patterns: bool = True):
        self.path = path
        self.check_patterns = check_patterns
        self.problems: list[Problem] = []

    def problem(self, line: int | None, key: str | None, message: str) -> None:
        self.problems.append(Problem(message, self.path, line, None, key))

    def fields(self, m: _LineDict, allowed: set[str], where: str) -> None:
        for k in m:
            if k not in allowed:
                self.problem(m.lines[k], f"{where}{k}", f"unknown field; {did_you_mean(str(k), allowed)}")

    def text(self, m: _LineDict, field: str, where: str, required: bool = True) -> str:
        value = m.get(field)
        if value is None:
            if required:
                self.problem(m.line, f"{where}{field}", "missing required field")
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.problem(m.lines[field], f"{where}{field}", "expected text")
            return ""
        return str(value).strip()

    def strings(self, m: _LineDict, field: str, where: str) -> tuple[str, ...]:
        value = m.get(field, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(x, (str, int)) for x in value):
            self.problem(m.lines.get(field, m.line), f"{where}{field}", "expected a list of texts")
            return ()
        return tuple(str(x).strip() for x in value)

    def mapping(self, value: Any, line: int, key: str) -> _LineDict | None:
        if isinstance(value, _LineDict):
            return value
        self.problem(line, key, "expected a mapping (key: value lines)")
        return None

    def seq(self, m: _LineDict, field: str, required: bool = True) -> _LineList:
        value = m.get(field)
        if value is None:
            if required:
                self.problem(m.line, field, "missing required section")
            return _LineList()
        if not isinstance(value, _LineList):
            self.problem(m.lines[field], field, "expected a list")
            return _LineList()
        return value

    # -- sections ---------------------------------------------------------------------------

    def codebook(self, data: _LineDict, source: str) -> Codebook:
        self.fields(data, TOP_FIELDS, "")
        labels = self.strings(data, "interviewer_labels", "") if "interviewer_labels" in data \
            else DEFAULT_INTERVIEWER_LABELS
        codes: list[Code] = []
        seen: dict[str, int] = {}
        self.codes(self.seq(data, "codes"), None, codes, seen)
        scales = self.scales(data)
        questions = self.questions(data, scales)
        tables = self.tables(data, questions)
        language = self.text(data, "language", "", required=False) or "nb"
        if not _spacy_language(language):
            self.problem(data.lines.get("language", data.line), "language",
                         f"unknown language '{language}'; give a language code spaCy knows "
                         "(nb, nn, en, sv, da, de, ...)")
        return Codebook(
            name=self.text(data, "name", "", required=False),
            language=language,
            interviewer_labels=labels, codes=tuple(codes),
            scales=MappingProxyType(scales), questions=tuple(questions), tables=tuple(tables),
            source=source, path=self.path)

    def codes(self, items: _LineList, parent: str | None, out: list[Code], seen: dict) -> None:
        for i, item in enumerate(items):
            where = f"{parent or 'codes'}[{i}]"
            m = self.mapping(item, items.lines[i], where)
            if m is None:
                continue
            short = self.text(m, "key", where + ".")
            full = f"{parent}.{short}" if parent else short
            if short and not KEY_RE.match(short):
                self.problem(m.lines["key"], full, "invalid code key: use lower-case letters, "
                             "digits, '_' or '-' (children are nested, not dotted)")
            elif short and full in seen:
                self.problem(m.lines["key"], full, f"duplicate code key (first on line {seen[full]})")
            elif short:
                seen[full] = m.lines["key"]
            where = f"{full or where}."
            self.fields(m, CODE_FIELDS, where)
            color = self.text(m, "color", where, required=False)
            if color and not COLOR_RE.match(color):
                self.problem(m.lines["color"], f"{where}color", "expected a colour like '#1f77b4'")
            out.append(Code(key=full, name=self.text(m, "name", where),
                            description=self.text(m, "description", where, required=False),
                            include=self.text(m, "include", where, required=False),
                            exclude=self.text(m, "exclude", where, required=False),
                            examples=self.strings(m, "examples", where), color=color,
                            parent=parent, phrases=self.strings(m, "phrases", where),
                            patterns=self.patterns(m, where),
                            was=self.strings(m, "was", where)))
            if "children" in m:
                children = m["children"]
                if isinstance(children, _LineList):
                    self.codes(children, full, out, seen)
                else:
                    self.problem(m.lines["children"], f"{where}children", "expected a list")

    def scales(self, data: _LineDict) -> dict[str, Scale]:
        raw = data.get("scales")
        if raw is None:
            return {}
        m = self.mapping(raw, data.lines["scales"], "scales")
        out: dict[str, Scale] = {}
        for key, value in (m or {}).items():
            s = self.mapping(value, m.lines[key], f"scales.{key}")
            if s is None:
                continue
            self.fields(s, SCALE_FIELDS, f"scales.{key}.")
            cats = self.strings(s, "categories", f"scales.{key}.")
            if len(cats) < 2:
                self.problem(s.line, f"scales.{key}.categories", "a scale needs at least two categories")
            if len(set(c.casefold() for c in cats)) != len(cats):
                self.problem(s.lines.get("categories", s.line), f"scales.{key}.categories",
                             "duplicate category")
            if "N" in cats:
                self.problem(s.lines.get("categories", s.line), f"scales.{key}.categories",
                             "'N' is reserved for the table's count row")
            where = f"scales.{key}."
            cues = self.category_map(s, "cues", cats, where, lists=True)
            opposites = self.category_map(s, "opposites", cats, where, lists=False)
            for a, b in opposites.items():
                if b not in cats:
                    self.problem(s["opposites"].lines[a], f"{where}opposites.{a}",
                                 f"'{b}' is not a category of this scale")
            out[str(key)] = Scale(str(key), cats, self.text(s, "name", where, False),
                                  MappingProxyType(cues), MappingProxyType(opposites))
        return out

    def category_map(self, s: _LineDict, field: str, cats: tuple[str, ...], where: str,
                     lists: bool) -> dict:
        raw = s.get(field)
        if raw is None:
            return {}
        m = self.mapping(raw, s.lines[field], f"{where}{field}")
        out = {}
        for cat, value in (m or {}).items():
            if cat not in cats:
                self.problem(m.lines[cat], f"{where}{field}.{cat}",
                             f"not a category of this scale; {did_you_mean(str(cat), cats)}")
            elif lists:
                out[cat] = self.strings(m, cat, f"{where}{field}.")
            else:
                out[cat] = str(value)
        return out

    def patterns(self, m: _LineDict, where: str) -> tuple:
        """spaCy Matcher patterns, checked by spaCy itself so the message is spaCy's."""
        raw = m.get("patterns")
        if raw is None:
            return ()
        if not isinstance(raw, _LineList):
            self.problem(m.lines["patterns"], f"{where}patterns", "expected a list of patterns")
            return ()
        matcher = None
        if self.check_patterns:
            from spacy.matcher import Matcher

            matcher = Matcher(_check_vocab(), validate=True)
        out = []
        for i, pattern in enumerate(raw):
            plain = _plain(pattern)
            try:
                if not isinstance(plain, list) or not plain or \
                        not all(isinstance(t, dict) for t in plain):
                    raise ValueError("a pattern is a list of token mappings, e.g. "
                                     "[{LEMMA: ikke}, {LEMMA: måle}]")
                if matcher is not None:
                    matcher.add("check", [plain])
            except Exception as e:  # spaCy raises ValueError/MatchPatternError subclasses
                lines = [l.strip() for l in str(e).strip().splitlines()]
                # spaCy lists each fault as "- [pattern -> 0 -> KEY] reason": keep the first
                detail = next((l[2:].replace("pattern -> ", "token ") for l in lines
                               if l.startswith("- [")), lines[0])
                self.problem(raw.lines[i], f"{where}patterns[{i}]", f"invalid pattern: {detail}")
                continue
            out.append(plain)
        return tuple(out)

    def questions(self, data: _LineDict, scales: dict[str, Scale]) -> list[Question]:
        items = self.seq(data, "questions", required=False)
        out, seen = [], set()
        for i, item in enumerate(items):
            m = self.mapping(item, items.lines[i], f"questions[{i}]")
            if m is None:
                continue
            key = self.text(m, "key", f"questions[{i}].")
            where = f"questions.{key or i}."
            self.fields(m, QUESTION_FIELDS, where)
            if key in seen:
                self.problem(m.lines["key"], key, "duplicate question key")
            seen.add(key)
            scale = self.text(m, "scale", where)
            if scale and scale not in scales:
                self.problem(m.lines["scale"], f"{where}scale",
                             f"unknown scale '{scale}'; {did_you_mean(scale, scales)}")
            out.append(Question(key, self.text(m, "text", where), scale,
                                self.strings(m, "cues", where)))
        return out

    def tables(self, data: _LineDict, questions: list[Question]) -> list[TableDef]:
        items = self.seq(data, "tables", required=False)
        by_key = {q.key: q for q in questions}
        out, seen = [], set()
        for i, item in enumerate(items):
            m = self.mapping(item, items.lines[i], f"tables[{i}]")
            if m is None:
                continue
            tid = self.text(m, "id", f"tables[{i}].")
            where = f"tables.{tid or i}."
            self.fields(m, TABLE_FIELDS, where)
            if tid in seen:
                self.problem(m.lines["id"], f"tables.{tid}", "duplicate table id")
            seen.add(tid)
            qs = self.strings(m, "questions", where)
            if not qs:
                self.problem(m.line, f"{where}questions", "a table needs at least one question")
            for j, q in enumerate(qs):
                line = m["questions"].lines[j] if isinstance(m.get("questions"), _LineList) else m.line
                if q not in by_key:
                    self.problem(line, f"{where}questions", f"unknown question '{q}'; "
                                 f"{did_you_mean(q, by_key)}")
            known = [by_key[q] for q in qs if q in by_key]
            if len({q.scale for q in known}) > 1:
                self.problem(m.line, f"{where}questions",
                             "all questions of a table must share one scale (its rows)")
            out.append(TableDef(tid, self.text(m, "title", where), qs))
        return out


def _spacy_language(code: str) -> bool:
    """Whether spaCy has a blank pipeline for ``code`` (its ``spacy/lang/<code>``), found
    without importing spaCy."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    return code.isidentifier() and code.islower() and any(
        (Path(p) / "lang" / code / "__init__.py").is_file()
        for p in (spec.submodule_search_locations or ()))


@functools.lru_cache(maxsize=1)
def _check_vocab():
    """A vocabulary for checking patterns, built once: a Norwegian() per code took 30 ms."""
    from spacy.lang.nb import Norwegian

    return Norwegian().vocab
