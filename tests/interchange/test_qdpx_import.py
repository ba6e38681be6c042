"""REFI-QDA project import: the sample round-trips; real projects from other tools import with
an account of what was skipped; positions counted the ways tools count them land on the same
text; hostile archives are refused and leave no project behind."""

import zipfile

import pytest

from conftest import CODEBOOK, ROOT, invoke
from qualmrs.codebook import load_codebook
from qualmrs.errors import IngestError, StoreError
from qualmrs.project import export_qdpx, import_qdpx, open_project

REFI = ROOT.parent / "shared" / "refi-qda"
NS = 'xmlns="urn:QDA-XML:project:1.0"'


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from qualmrs.project import run

    out = tmp_path_factory.mktemp("sample")
    run(ROOT / "transcripts_sample", CODEBOOK, out, report=False)
    store = open_project(out / "project.db")
    qdpx = export_qdpx(store, out / "sample.qdpx")
    yield store, qdpx
    store.close()


def _content(store, code_name=None):
    names = {c.key: c.name for c in store.codebook.codes}
    docs = [(d.name, d.text, [(t.speaker, t.start, t.end, t.role, t.case) for t in d.turns])
            for d in store.documents()]
    codings = sorted((c.document, c.start, c.end, names[c.code] if code_name else c.code,
                      c.coder, c.memo) for c in store.codings())
    cases = sorted((c.label, dict(c.attributes)) for c in store.cases())
    return docs, codings, cases


def test_qdpx_round_trip_onto_the_codebook_gives_back_the_same_project(sample, tmp_path):
    from qualmrs.project import tables

    store, qdpx = sample
    result = import_qdpx(qdpx, tmp_path / "back.db", codebook=CODEBOOK)
    assert result.skipped == [] and result.coders == ["BHO"] and result.answers == 56
    with open_project(tmp_path / "back.db") as back:
        assert _content(back) == _content(store)
        assert back.codebook.source == store.codebook.source
        assert back.sentences() == store.sentences()
        gist = lambda a: (a.case, a.question, a.category, a.coder, a.source)  # noqa: E731
        assert sorted(map(gist, back.answers())) == sorted(map(gist, store.answers()))
        # The thesis tables come back whole from the exchange file.
        for mine, theirs in zip(tables(back), tables(store)):
            assert mine.equals(theirs) and mine.attrs == theirs.attrs


def test_qdpx_answers_travel_as_described_case_variables(sample):
    from lxml import etree

    store, qdpx = sample
    with zipfile.ZipFile(qdpx) as zf:
        root = etree.fromstring(zf.read("project.qde"))
    ns = {"p": "urn:QDA-XML:project:1.0"}
    question = store.codebook.questions[0]
    [var] = root.findall(f".//p:Variable[@name='{question.key} [BHO]']", ns)
    assert var.findtext("p:Description", namespaces=ns) == question.text
    refs = root.findall(f".//p:VariableRef[@targetGUID='{var.get('guid')}']", ns)
    assert len(refs) == 8


def test_qdpx_round_trip_without_a_codebook_keeps_names_tree_and_colours(sample, tmp_path):
    store, qdpx = sample
    result = import_qdpx(qdpx, tmp_path / "back.db", codebook_out=tmp_path / "back.yaml")
    assert result.codings == 255 and result.documents == 8 and result.cases == 8
    assert result.answers == 0  # no questions without a codebook: the answers stay attributes
    with open_project(tmp_path / "back.db") as back:
        docs, codings, cases = _content(back, code_name=True)
        assert (docs, codings) == _content(store, code_name=True)[:2]
        attrs = {label: a for label, a in cases}
        assert attrs["B"][f"{store.codebook.questions[0].key} [BHO]"] in ("Ja", "Nøytral", "Nei")
    written, original = load_codebook(tmp_path / "back.yaml"), store.codebook
    parent = lambda book, c: book.code(c.parent).name if c.parent else None  # noqa: E731
    assert [(c.name, parent(written, c), c.color) for c in written.codes] == \
           [(c.name, parent(original, c), c.color) for c in original.codes]


def test_qdpx_cli_refuses_an_existing_project(sample, tmp_path):
    store, qdpx = sample
    r = invoke("import-qdpx", qdpx, store.path)
    assert r.exit_code != 0 and "a project already exists here" in r.stderr
    assert r.stderr.strip().count("\n") == 0


@pytest.mark.skipif(not REFI.is_dir(), reason="shared/refi-qda is not beside the repo")
@pytest.mark.parametrize("name,codes,docs,account", [
    ("atlasti-8.4-standard-project.qde", 14, 0,
     ["(1 selection(s) with 1 coding(s) lost with it)", "1 picture source(s)",
      "2 PDF source(s)", "1 audio source(s)", "2 video source(s)", "16 set(s)", "1 link(s)",
      "1 graph(s)", "2 note(s) not attached"]),
    ("maxqda-24-project.qde", 307, 0, ["ICLS 2024 3-10': text file internal://", "2 set(s)"]),
    ("nvivo-mac-15-project.qdpx", 262, 0, ["empty text"]),
    ("target-atlas-project.qdpx", 3, 0, []),
    ("blank-atlas-project.qdpx", 0, 0, []),
])
def test_qdpx_real_projects_import_with_an_account(tmp_path, name, codes, docs, account):
    r = invoke("import-qdpx", REFI / name, tmp_path / "p.db", "--codebook-out",
               tmp_path / "cb.yaml")
    assert r.exit_code == 0, r.output
    assert f"Imported {docs} document(s), {codes} code(s)" in r.stderr
    for item in account:
        assert any(line.startswith("Not carried over:") and item in line
                   for line in r.stderr.splitlines()), item
    assert len(load_codebook(tmp_path / "cb.yaml").codes) == codes


@pytest.mark.skipif(not REFI.is_dir(), reason="shared/refi-qda is not beside the repo")
def test_qdpx_nvivo_tree_with_repeated_names_keeps_every_code_apart(tmp_path):
    import_qdpx(REFI / "nvivo-mac-15-project.qdpx", tmp_path / "p.db")
    with open_project(tmp_path / "p.db") as store:
        book = store.codebook
    keys = [c.key for c in book.codes]
    assert len(keys) == len(set(keys)) == 262
    assert max(_depth(book, c) for c in book.codes) == 7


def _depth(book, code):
    return 1 if code.parent is None else 1 + _depth(book, book.code(code.parent))


# -- crafted projects: how tools count positions ---------------------------------------------

CODEBOOK_XML = ('<CodeBook><Codes><Code guid="{c1}" name="Medvirkning" isCodable="true" '
                'color="#3366CC"><Code guid="{c2}" name="Tilbakemelding" isCodable="true"/>'
                '</Code></Codes></CodeBook>')
C1, C2 = "A1B2C3D4-0000-4000-8000-000000000001", "a1b2c3d4-0000-4000-8000-000000000002"
USER = "{0f0e0d0c-0b0a-4909-8807-060504030201}"


def _project(sources_xml: str, origin="Test", extra="", users=True) -> bytes:
    u = f'<Users><User guid="{USER}" name="Kari"/></Users>' if users else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><Project {NS} name="Prosjekt" '
            f'origin="{origin}">{u}{CODEBOOK_XML.format(c1=C1, c2=C2)}'
            f'<Sources>{sources_xml}</Sources>{extra}</Project>').encode("utf-8")


def _selection(start, end, code, name="", note=""):
    ref = f'<NoteRef targetGUID="{note}"/>' if note else ""
    return (f'<PlainTextSelection guid="{start:08d}-0000-4000-8000-{end:012d}" name="{name}" '
            f'startPosition="{start}" endPosition="{end}" creatingUser="{USER}">'
            f'<Coding guid="{start:08d}-1111-4000-8000-{end:012d}" creatingUser="{USER}">'
            f'<CodeRef targetGUID="{code}"/>{ref}</Coding></PlainTextSelection>')


def _qdpx(path, qde: bytes, files: dict[str, bytes], qde_name="project.qde", folder="sources"):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(qde_name, qde)
        for name, data in files.items():
            zf.writestr(f"{folder}/{name}", data)
    return path


TEXT = ("A: Hvordan er målene satt hos dere?\r\n"
        "B: Vi var med på å sette dem 🙂 i fjor, og det likte vi.\r\n"
        "A: Og tilbakemeldingene?\r\n"
        "B: Vi får tall hver måned 📊, men lite dialog om dem.\r\n")


def _positions(text: str, quote: str, utf16: bool, crlf_as_one: bool) -> tuple[int, int]:
    """Where a tool that counts this way puts the quote."""
    i = text.index(quote)

    def count(s):
        if crlf_as_one:
            s = s.replace("\r\n", "\n")
        return len(s.encode("utf-16-le")) // 2 if utf16 else len(s)

    return count(text[:i]), count(text[:i]) + count(quote)


QUOTES = [("Vi var med på å sette dem 🙂 i fjor", C1),
          ("Vi får tall hver måned 📊, men lite dialog om dem.", C2)]


@pytest.mark.parametrize("origin,utf16,crlf_as_one,bom,named", [
    ("NVivo 12.6", True, False, True, False),  # UTF-16 units, CRLF twice, BOM, empty names
    ("ATLAS.ti 9", False, True, False, True),  # CRLF once, names hold the text
    ("QualCoder 3.5", False, False, True, True),  # the standard's code points, BOM not counted
    ("Ukjent", True, False, True, False),  # no name, unknown tool: word boundaries decide
])
def test_qdpx_positions_counted_as_tools_count_land_on_the_same_words(
        tmp_path, origin, utf16, crlf_as_one, bom, named):
    sels = "".join(_selection(*_positions(TEXT, q, utf16, crlf_as_one), code,
                              name=q if named else "") for q, code in QUOTES)
    qde = _project(f'<TextSource guid="5E1F0000-0000-4000-8000-000000000001" name="intervju_b" '
                   f'plainTextPath="internal://5E1F0000-0000-4000-8000-000000000001.txt">'
                   f'{sels}</TextSource>', origin=origin)
    data = ("\ufeff" if bom else "").encode() + TEXT.encode("utf-8")
    path = _qdpx(tmp_path / "p.qdpx", qde, {"5E1F0000-0000-4000-8000-000000000001.txt": data})
    result = import_qdpx(path, tmp_path / "p.db")
    assert result.coders == ["Kari"] and result.codings == 2
    with open_project(tmp_path / "p.db") as store:
        doc = store.documents()[0]
        got = sorted((doc.text[c.start:c.end], store.codebook.code(c.code).name)
                     for c in store.codings())
        assert "\r" not in doc.text and [t.speaker for t in doc.turns] == ["A", "B", "A", "B"]
    assert got == sorted((q, "Medvirkning" if code == C1 else "Tilbakemelding")
                         for q, code in QUOTES)
    assert any("positions read as" in n for n in result.notes)


def test_qdpx_accepts_any_qde_name_capitalised_sources_inline_text_and_memos(tmp_path):
    text = "A: Hva med rangering?\nC: Rangeringen oppleves urettferdig for små kontorer.\n"
    start = text.index("Rangeringen")
    end = len(text) - 1
    note = "9A000000-0000-4000-8000-000000000009"
    sel = _selection(start, end, C2, name=text[start:end], note=note)
    sources = (f'<TextSource guid="5E1F0000-0000-4000-8000-000000000002" name="c.txt" '
               f'plainTextPath="internal://5E1F0000-0000-4000-8000-000000000002.txt">{sel}'
               f'</TextSource><TextSource guid="5E1F0000-0000-4000-8000-000000000003" '
               f'name="notat"><PlainTextContent>D: Kort notat.</PlainTextContent></TextSource>'
               '<AudioSource guid="5E1F0000-0000-4000-8000-000000000004" name="opptak.m4a" '
               'path="relative:///opptak.m4a"/>')
    extra = (f'<Notes><Note guid="{note}" name="memo"><PlainTextContent>Viktig sitat'
             '</PlainTextContent></Note></Notes>')
    qde = _project(sources, extra=extra).replace(b"<Sources>", b"<Cases><Case guid="
                                                 b'"CA5E0000-0000-4000-8000-000000000001" '
                                                 b'name="C"/></Cases><Sources>')
    path = _qdpx(tmp_path / "p.qdpx", qde, {"5E1F0000-0000-4000-8000-000000000002.txt":
                                            text.encode()}, qde_name="Studie.qde",
                 folder="Sources")
    result = import_qdpx(path, tmp_path / "p.db")
    assert result.documents == 2 and result.skipped == ["1 audio source(s)"]
    with open_project(tmp_path / "p.db") as store:
        [coding] = store.codings()
        assert coding.memo == "Viktig sitat" and coding.coder == "Kari"
        assert [c.label for c in store.cases()] == ["C", "D"]  # D speaks in «notat»


def test_qdpx_unpacked_qde_reads_sources_beside_it(tmp_path):
    text = "A: Spørsmål?\nB: Svar om medvirkning.\n"
    s, e = text.index("Svar"), len(text) - 1
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "AA.txt").write_text(text, encoding="utf-8")
    qde = _project(f'<TextSource guid="AA000000-0000-4000-8000-000000000001" name="b" '
                   f'plainTextPath="internal://AA.txt">{_selection(s, e, C1)}</TextSource>',
                   users=False)
    (tmp_path / "p.qde").write_bytes(qde)
    result = import_qdpx(tmp_path / "p.qde", tmp_path / "p.db", coder="veileder")
    assert result.codings == 1 and result.coders == ["veileder"]


def test_qdpx_with_a_given_codebook_refuses_nothing_but_reports_unknown_codes(tmp_path):
    text = "A: Spørsmål?\nB: Svar om medvirkning.\n"
    s, e = text.index("Svar"), len(text) - 1
    qde = _project(f'<TextSource guid="AA000000-0000-4000-8000-000000000001" name="b">'
                   f'<PlainTextContent>{text}</PlainTextContent>{_selection(s, e, C1)}'
                   '</TextSource>')
    path = _qdpx(tmp_path / "p.qdpx", qde, {})
    result = import_qdpx(path, tmp_path / "p.db", codebook=CODEBOOK)
    assert result.codings == 0
    assert "1 coding(s) of codes not in the codebook" in result.skipped


# -- hostile and broken archives --------------------------------------------------------------

def _hostile(tmp_path, kind):
    path = tmp_path / f"{kind}.qdpx"
    qde = _project("")
    if kind == "traversal":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("project.qde", qde)
            zf.writestr("sources/../../evil.txt", b"x")
    elif kind == "bomb":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("project.qde", qde)
            zf.writestr("sources/big.txt", b"\0" * (60 * 1024 * 1024))
    elif kind == "xxe":
        _qdpx(path, b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM '
                    b'"file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" '
                    b'name="&x;"/>', {})
    elif kind == "laughs":
        _qdpx(path, b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">'
                    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                    b'<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>', {})
    elif kind == "not-zip":
        path.write_bytes(b"PK\x03\x04 truncated")
    elif kind == "no-qde":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("sources/a.txt", b"x")
    elif kind == "not-utf8":
        qde = _project('<TextSource guid="AA" name="b" plainTextPath="internal://AA.txt"/>')
        _qdpx(path, qde, {"AA.txt": "Svar på spørsmål".encode("latin-1")})
    elif kind == "damaged":
        text = ("B: Svar om medvirkning. " * 200).encode()
        qde = _project('<TextSource guid="AA" name="b" plainTextPath="internal://AA.txt"/>')
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("project.qde", qde)
            zf.writestr("sources/AA.txt", text)
        data = bytearray(path.read_bytes())
        at = data.index(b"sources/AA.txt") + len("sources/AA.txt") + 10
        data[at:at + 20] = b"\xff" * 20  # break the deflate stream of the source
        path.write_bytes(bytes(data))
    elif kind == "bad-position":
        _qdpx(path, _project('<TextSource guid="AA" name="b"><PlainTextContent>B: Ja.'
                             '</PlainTextContent><PlainTextSelection guid="S" startPosition="x" '
                             'endPosition="2"><Coding guid="K"><CodeRef targetGUID="C"/>'
                             '</Coding></PlainTextSelection></TextSource>'), {})
    return path


@pytest.mark.parametrize("kind,message", [
    ("traversal", "points outside the archive"),
    ("bomb", "refused as a zip bomb"),
    ("xxe", "declares a DTD|external entity"),
    ("laughs", "declares a DTD"),
    ("not-zip", "not a valid .qdpx file"),
    ("no-qde", "expected one .qde project file"),
    ("not-utf8", r"is not UTF-8 text \(invalid byte at byte offset 6\)"),
    ("bad-position", "has no valid startPosition/endPosition"),
    ("damaged", "member 'sources/AA.txt' cannot be unpacked"),
])
def test_qdpx_hostile_or_broken_archives_are_refused_and_leave_nothing(tmp_path, kind, message):
    path = _hostile(tmp_path, kind)
    with pytest.raises(IngestError, match=message):
        import_qdpx(path, tmp_path / "p.db")
    assert not (tmp_path / "p.db").exists()
    r = invoke("import-qdpx", path, tmp_path / "p.db")
    assert r.exit_code != 0 and r.stderr.strip().count("\n") == 0
    assert path.name in r.stderr and not (tmp_path / "p.db").exists()


def test_qdpx_codebook_file_given_as_project_points_to_import_qdc(tmp_path):
    p = tmp_path / "cb.qdc"
    p.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')
    with pytest.raises(IngestError, match="import-qdc"):
        import_qdpx(p, tmp_path / "p.db")
    with pytest.raises(StoreError):
        import_qdpx(p, CODEBOOK)  # an existing file is never overwritten


def test_qdpx_transcripts_of_recordings_and_pdf_text_become_documents(tmp_path):
    talk = "A: Hvordan brukes målekortet?\nB: Vi ser på målekortet hver mandag.\n"
    s, e = talk.index("Vi ser"), len(talk) - 1
    coding = (f'<Coding guid="C0000000-0000-4000-8000-000000000001" creatingUser="{USER}">'
              f'<CodeRef targetGUID="{C2}"/></Coding>')
    audio = ('<AudioSource guid="AD000000-0000-4000-8000-000000000001" name="intervju_b.m4a" '
             'path="relative:///intervju_b.m4a"><Transcript guid="7A000000-0000-4000-8000-'
             '000000000001" name="intervju_b transkripsjon" plainTextPath="internal://T.txt">'
             f'<SyncPoint guid="5A000000-0000-4000-8000-000000000001" timeStamp="12000" '
             f'position="{s}"/><SyncPoint guid="5A000000-0000-4000-8000-000000000002" '
             f'timeStamp="15000" position="{e}"/><TranscriptSelection guid="5E000000-0000-4000-'
             '8000-000000000001" fromSyncPoint="5A000000-0000-4000-8000-000000000001" '
             f'toSyncPoint="5A000000-0000-4000-8000-000000000002">{coding}'
             '</TranscriptSelection></Transcript></AudioSource>')
    # ATLAS.ti lists the same transcript text as a text source too: one document, not two.
    twin = ('<TextSource guid="7B000000-0000-4000-8000-000000000001" name="intervju_b.docx" '
            'plainTextPath="internal://T.txt"/>')
    paper = "A: Notat.\nC: Rangeringen ble lagt fram på møtet.\n"
    ps = paper.index("Rangeringen")
    pdf = ('<PDFSource guid="PD000000-0000-4000-8000-000000000001" name="referat.pdf" '
           'path="internal://R.pdf"><Representation guid="RE000000-0000-4000-8000-000000000001" '
           'name="referat.txt" plainTextPath="internal://R.txt">'
           f'{_selection(ps, len(paper) - 1, C1)}</Representation>'
           '<PDFSelection guid="PS000000-0000-4000-8000-000000000001" page="1" firstX="1" '
           'firstY="1" secondX="9" secondY="9"/></PDFSource>')
    path = _qdpx(tmp_path / "p.qdpx", _project(twin + audio + pdf),
                 {"T.txt": talk.encode(), "R.txt": paper.encode(), "R.pdf": b"%PDF-1.4"})
    result = import_qdpx(path, tmp_path / "p.db")
    assert result.documents == 2 and result.codings == 2
    assert "1 audio source(s)" in result.skipped
    assert any("1 selection(s) of PDF regions" in x for x in result.skipped)
    with open_project(tmp_path / "p.db") as store:
        texts = {c.document: store.documents()[0].text[c.start:c.end]
                 if c.document == store.documents()[0].name else
                 store.documents()[1].text[c.start:c.end] for c in store.codings()}
        assert sorted(d.name for d in store.documents()) == ["intervju_b.docx", "referat.pdf"]
        talk_doc = next(d for d in store.documents() if d.name == "intervju_b.docx")
        assert [(t.speaker, t.time) for t in talk_doc.turns] == [("A", None), ("B", 12.0)]
    assert texts == {"intervju_b.docx": "Vi ser på målekortet hver mandag.",
                     "referat.pdf": "Rangeringen ble lagt fram på møtet."}


# -- projects other tools write: qualitative-coding, studies in English (issue 12) ----------

BOARD = ("Interviewer: How did the board handle oversight in 2017?\n"
         "Respondent: We met every quarter, and the chair asked for reports on all of the "
         "projects that were running at the time.\n"
         "Interviewer: And was there enough funding for the work you wanted to do?\n"
         "Respondent: Not really. We had to cut two of our programmes because the budget was "
         "reduced, and that was hard for the staff.\n")
STAFF = ("Interviewer: What did the staff think about the cuts?\n"
         "Respondent: They were upset at first, but most of them understood why it had to be "
         "done, and they were involved in the decisions.\n")


def _qc_archive(path):
    """A project as qualitative-coding (qc) writes it: ``plainTextPath`` is the file's path
    in its corpus (a bare name) with the file under ``sources/``, sources have no name, and
    each coded line is a selection from its start to after its line end."""
    guid = lambda n: f"{n:08X}-0000-4000-8000-000000000000"  # noqa: E731
    codes = {"governance": guid(1), "funding": guid(2)}
    user = guid(3)

    def source(k, corpus_path, text, coded):
        starts = [0]
        for line in text.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        sels = "".join(
            f'<PlainTextSelection guid="{guid(100 * k + n)}" name="line:{n}" '
            f'startPosition="{starts[n]}" endPosition="{starts[n + 1]}">'
            f'<Coding guid="{guid(1000 * k + n)}" creatingUser="{user}">'
            f'<CodeRef targetGUID="{codes[code]}"/></Coding></PlainTextSelection>'
            for n, code in coded)
        return f'<TextSource plainTextPath="{corpus_path}" guid="{guid(10 + k)}">{sels}</TextSource>'

    qde = (f'<?xml version="1.0" encoding="UTF-8"?><Project {NS} origin="qc 2.3.1" '
           f'name="qc project"><Users><User name="chris" guid="{user}"/></Users><CodeBook>'
           '<Codes>' + "".join(f'<Code name="{n}" guid="{g}" isCodable="true"/>'
                               for n, g in codes.items()) + '</Codes></CodeBook><Sources>'
           + source(1, "board_2017.txt", BOARD, [(1, "governance"), (3, "funding")])
           + source(2, "interviews/staff_2018.txt", STAFF, [(1, "governance")])
           + '</Sources></Project>')
    return _qdpx(path, qde.encode(), {"board_2017.txt": BOARD.encode(),
                                      "interviews/staff_2018.txt": STAFF.encode()})


def test_qdpx_qualitative_coding_sources_found_in_sources_folder(tmp_path):
    # issue 12: «text file board_2017.txt is an external file»: every source and coding lost
    result = import_qdpx(_qc_archive(tmp_path / "qc.qdpx"), tmp_path / "p.db")
    assert result.documents == 2 and result.codings == 3 and result.coders == ["chris"]
    assert not any("board_2017" in x or "staff_2018" in x for x in result.skipped)
    with open_project(tmp_path / "p.db") as store:
        docs = {d.name: d for d in store.documents()}
        assert sorted(docs) == ["board_2017.txt", "staff_2018.txt"]
        assert docs["board_2017.txt"].text == BOARD
        coded = sorted(docs[c.document].text[c.start:c.end].split(":")[0] for c in
                       store.codings())
        assert coded == ["Respondent", "Respondent", "Respondent"]


@pytest.mark.parametrize("text,language,interviewers", [
    (BOARD + STAFF, "en", ["Interviewer"]),
    (TEXT.replace("\r\n", "\n") * 3, "nb", ["A"]),
    ("Q: Ok?\nA: Yes.\nQ: Sure?\nA: Yes.\n", None, ["Q"]),  # too few words to tell
    ("INT: Right\nR: We did. Then we went home.\nINT: Good\n", None, ["INT"]),  # no «?»
])
def test_qdpx_codebook_takes_language_and_interviewer_from_the_documents(
        tmp_path, text, language, interviewers):
    # issue 12: a project imported without --codebook was always Norwegian, A/I/Intervjuer
    qde = _project('<TextSource guid="5E1F0000-0000-4000-8000-000000000001" name="talk" '
                   'plainTextPath="internal://T.txt"/>')
    path = _qdpx(tmp_path / "p.qdpx", qde, {"T.txt": text.encode()})
    result = import_qdpx(path, tmp_path / "p.db", codebook_out=tmp_path / "cb.yaml")
    written = (tmp_path / "cb.yaml").read_text(encoding="utf-8")
    book = load_codebook(tmp_path / "cb.yaml")
    assert ("language:" in written) == (language is not None)
    assert book.language == (language or "nb") and list(book.interviewer_labels) == interviewers
    assert any(n.startswith(f"language: {language or 'not recognised'}") for n in result.notes)
    with open_project(tmp_path / "p.db") as store:
        assert store.codebook.language == book.language
        roles = {(t.speaker, t.role) for d in store.documents() for t in d.turns}
    assert {s for s, r in roles if r == "interviewer"} == set(interviewers)
