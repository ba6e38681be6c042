"""REFI-QDA: exports validate against the standard's schemas; real files from other tools
import; hostile XML is refused."""

import zipfile

import pytest
import xmlschema

from conftest import CODEBOOK, ROOT, invoke
from qualmrs.codebook import load_codebook
from qualmrs.errors import IngestError
from qualmrs.project import export_qdc, export_qdpx, import_qdc

REFI = ROOT.parent / "shared" / "refi-qda"
pytestmark = pytest.mark.skipif(not REFI.is_dir(), reason="shared/refi-qda is not beside the repo")


def test_refi_qdc_export_validates_and_round_trips(tmp_path):
    qdc = export_qdc(CODEBOOK, tmp_path / "mrs.qdc")
    xmlschema.XMLSchema(REFI / "Codebook.xsd").validate(qdc)
    assert export_qdc(CODEBOOK, tmp_path / "again.qdc").read_bytes() == qdc.read_bytes()
    warnings = import_qdc(qdc, tmp_path / "back.yaml")
    assert warnings == []
    back, original = load_codebook(tmp_path / "back.yaml"), load_codebook(CODEBOOK)
    assert [(c.name, c.parent is None, c.color) for c in back.codes] == \
           [(c.name, c.parent is None, c.color) for c in original.codes]
    assert back.codes[1].description.startswith(original.codes[1].description)


@pytest.mark.parametrize("name,n_codes,warns", [
    ("atlasti-win-23.4-codebook.qdc", 1, "1 code set(s) not kept"),
    ("taguette-1.5.2-codebook.qdc", 3, None),
])
def test_refi_qdc_real_files_import(tmp_path, name, n_codes, warns):
    warnings = import_qdc(REFI / name, tmp_path / "cb.yaml")
    book = load_codebook(tmp_path / "cb.yaml")
    assert len(book.codes) == n_codes
    assert (warns in " ".join(warnings)) if warns else warnings == []


@pytest.mark.parametrize("payload,message", [
    ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="1" name="&x;" '
     'isCodable="true"/></Codes></CodeBook>', "declares a DTD|external entity"),
    ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', "declares a DTD"),
    ("<CodeBook", "not well-formed"),
    ('<Other xmlns="x"/>', "not a REFI-QDA codebook"),
])
def test_refi_qdc_hostile_or_wrong_xml_refused(tmp_path, payload, message):
    p = tmp_path / "bad.qdc"
    p.write_text(payload, encoding="utf-8")
    with pytest.raises(IngestError, match=message):
        import_qdc(p, tmp_path / "out.yaml")
    assert not (tmp_path / "out.yaml").exists()


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from qualmrs.project import open_project, run

    out = tmp_path_factory.mktemp("qdpx")
    run(ROOT / "transcripts_sample", CODEBOOK, out, report=False)
    store = open_project(out / "project.db")
    yield store
    store.close()


def test_refi_qdpx_export_validates_with_positions(sample_store, tmp_path):
    path = export_qdpx(sample_store, tmp_path / "mrs.qdpx")
    with zipfile.ZipFile(path) as zf:
        qde = zf.read("project.qde")
        sources = {n: zf.read(n).decode("utf-8") for n in zf.namelist() if n.startswith("sources/")}
    xmlschema.XMLSchema(REFI / "Project-mrt2019.xsd").validate(qde)
    from lxml import etree

    root = etree.fromstring(qde)
    ns = {"p": "urn:QDA-XML:project:1.0"}
    assert len(root.findall(".//p:TextSource", ns)) == 8 and len(sources) == 8
    assert len(root.findall(".//p:Coding", ns)) == len(sample_store.codings())
    assert {u.get("name") for u in root.findall(".//p:User", ns)} == {"BHO"}
    assert len(root.findall(".//p:Case", ns)) == 8
    for src in root.findall(".//p:TextSource", ns):
        text = sources["sources/" + src.get("plainTextPath").split("//")[1]]
        assert "\r" not in text and not text.startswith("\ufeff")
        for sel in src.findall("p:PlainTextSelection", ns):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            assert text[start:end] == sel.get("name")  # code points, end exclusive
    assert export_qdpx(sample_store, tmp_path / "again.qdpx").read_bytes() == path.read_bytes()


def test_refi_cli_commands(tmp_path):
    r = invoke("export-qdc", CODEBOOK, tmp_path / "x.qdc")
    assert r.exit_code == 0 and (tmp_path / "x.qdc").is_file()
    r = invoke("import-qdc", REFI / "atlasti-win-23.4-codebook.qdc", tmp_path / "x.yaml")
    assert r.exit_code == 0 and "Warning: 1 code set(s) not kept" in r.stderr
    r = invoke("import-qdc", tmp_path / "missing.qdc", tmp_path / "y.yaml")
    assert r.exit_code == 1 and "no such file" in r.stderr


def test_refi_second_codebook_validates_and_exports(tmp_path):
    book = load_codebook(ROOT / "codebooks" / "tillit.yaml")
    leaves = [c for c in book.codes if not any(d.parent == c.key for d in book.codes)]
    assert len(book.codes) >= 10 and all(c.phrases or c.patterns for c in leaves)
    assert all(c.name and c.description and c.include and c.exclude for c in leaves)
    qdc = export_qdc(ROOT / "codebooks" / "tillit.yaml", tmp_path / "tillit.qdc")
    xmlschema.XMLSchema(REFI / "Codebook.xsd").validate(qdc)
