"""The texts of a REFI-QDA project: the container (.qdpx zip, or a .qde with ``sources/``
beside it), and every text it holds with its coded selections — text sources, the text
representation of PDF sources, the transcripts of audio and video sources."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import IngestError
from .guards import is_zip, open_zip, read_member
from .positions import PositionMap
from .qdc import NS, norm_guid

P = "{urn:QDA-XML:project:1.0}"
_MEDIA = {"PDFSource": "PDF source(s) (PDF regions are not text)",
          "PictureSource": "picture source(s)", "AudioSource": "audio source(s)",
          "VideoSource": "video source(s)"}


@dataclass
class Selection:
    """A coded span of a source, in the source tool's counting."""

    start: int
    end: int
    name: str
    codings: list[tuple[str, str, str]]  # (code GUID, user GUID, memo)


@dataclass
class Source:
    """A text of the project, its coded selections and (transcripts) sync points."""

    name: str
    positions: PositionMap
    sha256: str  # of the bytes it was read from
    selections: list[Selection]
    syncs: list[tuple[int, int]] = field(default_factory=list)  # (position, milliseconds)


class Archive:
    """The project XML and a reader of its internal files, whatever the container."""

    def __init__(self, path: Path):
        self.path = path
        if is_zip(path, ".qdpx"):
            self._zip = open_zip(path, ".qdpx")
            try:
                self._open_members()
            except BaseException:
                self._zip.close()
                raise
        elif path.suffix.lower() == ".qdpx":
            raise IngestError("not a valid .qdpx file (not a zip archive; truncated or "
                              "renamed?)", path=path)
        else:
            self._zip = None
            self.qde = path.read_bytes()
            self._folder = next((p for p in path.parent.iterdir()
                                 if p.is_dir() and p.name.lower() == "sources"), None)
            self._members = ({p.name.lower(): p for p in self._folder.iterdir() if p.is_file()}
                             if self._folder else {})
            self._paths = {}

    def _open_members(self) -> None:
        names = [n for n in self._zip.namelist() if not n.endswith("/")]
        qdes = [n for n in names if "/" not in n and n.lower().endswith(".qde")]
        if len(qdes) > 1:
            qdes = [n for n in qdes if n.lower() == "project.qde"] or qdes
        if len(qdes) != 1:
            raise IngestError("expected one .qde project file at the top of the archive, "
                              f"found {len(qdes) or 'none'}", path=self.path)
        self.qde = read_member(self._zip, qdes[0], self.path, ".qdpx")
        # Tools write Sources/ or sources/; an internal:// file is known by its name.
        inside = [n for n in names if n.lower().startswith("sources/")]
        self._members = {PurePosixPath(n).name.lower(): n for n in inside}
        self._paths = {n.lower()[len("sources/"):]: n for n in inside}

    def read(self, url: str) -> bytes | None:
        """The bytes of a file the project holds, or None when it does not hold it.

        ``internal://NAME`` is a file in ``sources/``. So is a path without a scheme when
        ``sources/`` has it (issue 12: qualitative-coding writes ``board_2017.txt`` for
        ``sources/board_2017.txt``); ``relative://`` and ``file://`` paths are outside.
        """
        if url.lower().startswith("internal://"):
            member = self._members.get(PurePosixPath(url[len("internal://"):]).name.lower())
        elif "://" not in url and url:
            member = self._in_sources(PurePosixPath(url.replace("\\", "/")))
        else:
            return None
        if member is None:
            return None
        if self._zip:
            return read_member(self._zip, member, self.path, ".qdpx")
        return member.read_bytes()

    def _in_sources(self, relative: PurePosixPath):
        """The member (or file) at ``sources/<relative>``, if the project holds one."""
        if relative.is_absolute() or ".." in relative.parts:
            return None
        if self._zip:
            return self._paths.get(str(relative).lower())
        if self._folder is None:
            return None
        found = self._folder / relative
        inside = found.resolve().is_relative_to(self._folder.resolve())
        return found if inside and found.is_file() else None

    def close(self) -> None:
        if self._zip:
            self._zip.close()

def text_of(element) -> str:
    return (element.text or "").strip() if element is not None else ""

def note_text(note, archive) -> str:
    content = note.find("p:PlainTextContent", NS)
    if content is not None:
        return text_of(content)
    data = archive.read(note.get("plainTextPath") or "")
    return data.decode("utf-8", "replace").lstrip("\ufeff").strip() if data else ""

def read_sources(root, archive, path, notes, used_notes, skipped):
    """Every text the project holds: text sources, the text representation of PDF sources and
    the transcripts of audio and video sources."""
    reader = _TextReader(archive, path, notes, used_notes, skipped)
    media = Counter()
    for el in root.iterfind("p:Sources/*", NS):
        tag = el.tag.removeprefix(P)
        name = el.get("name") or _bare_name(el.get("plainTextPath")) or norm_guid(el.get("guid"))
        if tag == "TextSource":
            reader.add(el, name, el)
        elif tag == "PDFSource" and el.find("p:Representation", NS) is not None:
            if reader.add(el.find("p:Representation", NS), name, el):
                regions = len(el.findall("p:PDFSelection", NS))
                if regions:
                    skipped.append(f"source '{name}': {regions} selection(s) of PDF regions "
                                   "(its text representation is kept)")
            else:
                media[tag] += 1
        elif tag in _MEDIA:
            media[tag] += 1
            for transcript in el.iterfind("p:Transcript", NS):
                reader.add(transcript, transcript.get("name") or f"{name} (transkripsjon)", el)
        else:
            skipped.append(f"source '{name}': unknown kind {tag}")
    for tag, n in media.items():
        skipped.append(f"{n} {_MEDIA[tag]}")
    return reader.sources, reader.names


def _bare_name(url: str | None) -> str:
    """The file name of a plain path (no scheme): what names a source that has no name
    (qualitative-coding names none)."""
    return PurePosixPath(url.replace("\\", "/")).name if url and "://" not in url else ""


class _TextReader:
    """Turns text-bearing elements (TextSource, PDF Representation, Transcript) into sources."""

    def __init__(self, archive, path, notes, used_notes, skipped):
        self.archive, self.path, self.notes = archive, path, notes
        self.used_notes, self.skipped = used_notes, skipped
        self.sources: list[Source] = []
        self.names: dict[str, str] = {}  # GUID of the owning source → document name
        self._taken: set[str] = set()
        self._urls: dict[str, Source | None] = {}  # plainTextPath → its source (None: no text)

    def add(self, el, name: str, owner) -> bool:
        """Read ``el``'s text and selections; False (and an account line) when it has no text.

        ATLAS.ti lists a transcript both as a text source and under its recording, with the
        same text file: the second is read into the first, one document.
        """
        url = (el.get("plainTextPath") or "").lower()
        selections = el.findall("p:PlainTextSelection", NS) + \
            el.findall("p:TranscriptSelection", NS)
        source = self._urls.get(url) if url else None
        if source is None and url in self._urls and url:
            return False  # its text is missing; said once already
        if source is None:
            raw, data, why = _source_text(el, self.archive, self.path)
            positions = PositionMap(raw) if raw is not None else None
            if positions is not None and not positions.text.strip():
                why = "empty text"
            if why:
                n_cod = sum(len(sel.findall("p:Coding", NS)) for sel in selections)
                self.skipped.append(f"source '{name}': {why}" + (
                    f" ({len(selections)} selection(s) with {n_cod} coding(s) lost with it)"
                    if selections else ""))
                self._urls[url] = None
                return False
            base, n = name, 2
            while name in self._taken:
                name, n = f"{base} ({n})", n + 1
            self._taken.add(name)
            source = Source(name, positions, hashlib.sha256(data).hexdigest(), [])
            self.sources.append(source)
            self._urls[url] = source
        name = source.name
        self.names.setdefault(norm_guid(owner.get("guid")), name)
        syncs = {norm_guid(p.get("guid")): p.get("position")
                 for p in el.iterfind("p:SyncPoint", NS)}
        for point in el.iterfind("p:SyncPoint", NS):
            try:
                source.syncs.append((int(point.get("position")), int(point.get("timeStamp"))))
            except (TypeError, ValueError):
                pass  # a sync point without both is no time for a turn
        quotations = unplaced = 0
        for sel in selections:
            codings = self._codings(sel)
            if not codings:
                quotations += 1
                continue
            span = self._span(sel, syncs, name)
            if span is None:
                unplaced += 1
                continue
            source.selections.append(Selection(span[0], span[1], sel.get("name") or "",
                                                codings))
        account = [(quotations, "selection(s) with no code (quotations)"),
                   (unplaced, "transcript selection(s) whose sync points give no position"),
                   (len(owner.findall("p:Coding", NS)) if owner is el else 0,
                    "coding(s) of the whole source"),
                   (len(el.findall("p:VariableValue", NS)),
                    "source variable value(s) (qualmrs keeps attributes on cases)")]
        self.skipped.extend(f"source '{name}': {k} {what}" for k, what in account if k)
        return True

    def _codings(self, sel) -> list[tuple[str, str, str]]:
        description = text_of(sel.find("p:Description", NS))
        out = []
        for coding in sel.iterfind("p:Coding", NS):
            refs = [norm_guid(r.get("targetGUID")) for r in coding.iterfind("p:NoteRef", NS)]
            self.used_notes.update(refs)
            memo = "\n".join(p for p in [description] + [self.notes.get(r, "") for r in refs]
                             if p)
            user = norm_guid(coding.get("creatingUser") or sel.get("creatingUser"))
            ref = coding.find("p:CodeRef", NS)
            out.append((norm_guid(ref.get("targetGUID") if ref is not None else ""), user, memo))
        return out

    def _span(self, sel, syncs, name) -> tuple[int, int] | None:
        if sel.tag == f"{P}TranscriptSelection":
            ends = (syncs.get(norm_guid(sel.get("fromSyncPoint"))),
                    syncs.get(norm_guid(sel.get("toSyncPoint"))))
            if None in ends:
                return None
        else:
            ends = (sel.get("startPosition"), sel.get("endPosition"))
        try:
            return int(ends[0]), int(ends[1])
        except (TypeError, ValueError):
            raise IngestError(f"source '{name}': selection {sel.get('guid')} has no valid "
                              "startPosition/endPosition", path=self.path) from None


def _source_text(el, archive, path) -> tuple[str | None, bytes, str]:
    """The source's text and bytes, or why there is none."""
    content = el.find("p:PlainTextContent", NS)
    if content is not None:
        text = content.text or ""
        return text, text.encode("utf-8"), ""
    url = el.get("plainTextPath") or ""
    if not url:
        what = "only a rich-text (.docx) version" if el.get("richTextPath") else "no text"
        return None, b"", f"{what}; positions refer to the plain text"
    data = archive.read(url)
    if data is None:
        where = "not in the project" if url.lower().startswith("internal://") else \
            "not in the project's sources/" if "://" not in url else "an external file, not read"
        return None, b"", f"text file {url} is {where}"
    try:
        return data.decode("utf-8"), data, ""
    except UnicodeDecodeError as e:
        raise IngestError(f"source '{el.get('name') or url}' ({url}) is not UTF-8 text "
                          f"(invalid byte at byte offset {e.start})", path=path) from None
