"""Write the bad-input corpus beside this script: `python tests/bad_input/make_files.py`.

Every file is small and made the same way each time (fixed zip dates), so the committed
copies can be checked against a fresh run. Big cases (a 50 MB line) are made by the tests.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = (2024, 1, 1, 0, 0, 0)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def document_xml(paragraphs: list[str], doctype: str = "") -> str:
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"
                   for p in paragraphs)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype +
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')


def write_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, DATE), data, zipfile.ZIP_DEFLATED)
    return path


def docx_members(document: str) -> dict[str, str]:
    return {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS,
            "word/document.xml": document}


GOOD = ["A: Hvordan brukes målekortet?", "B: Vi ser på tallene hver måned."]
LAUGHS = ('<!DOCTYPE w:document [<!ENTITY l0 "ha">'
          + "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 10)) + "]>")
XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def make(out: Path = HERE) -> list[Path]:
    """Write every corpus file into ``out``; returns their paths."""
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "only_whitespace.txt": b"  \n\n\t\n",
        "png_renamed.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        "pdf_renamed.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
        "control_bytes.txt": b"A: hei\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13",
        "latin1.txt": "A: Hvordan går det?\nB: Bare bra, vi når målene.\n".encode("latin-1"),
        "labels_only.txt": b"A:\nB:\n\nA:  \n",
        "no_labels.txt": "Dette er et notat uten talere.\nDet har to linjer.\n".encode(),
        "not_zip.docx": b"Dette er ikke et Word-dokument.\n",
        "broken_timing.vtt": b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>Hei.</v>\n\n"
                             b"00:00:0x.500 --> 00:00:04.000\n<v B>Hei.</v>\n",
        "no_header.vtt": b"00:00:01.000 --> 00:00:02.000\n<v A>Hei.</v>\n",
        "no_cues.vtt": b"WEBVTT\n\nNOTE bare et notat\n",
        "missing_timing.srt": "1\n00:00:01,000 --> 00:00:02,000\nA: Hei.\n\n2\nB: Hei på deg.\n"
                              .encode(),
        "backwards_timing.srt": b"1\n00:00:05,000 --> 00:00:02,000\nA: Hei.\n",
        "codings_wrong_columns.csv": "dokument,kode,sitat\nintervju.txt,motivasjon,tallene\n"
                                     .encode(),
        "answers_wrong_columns.csv": b"case;question\nB;tallfestes\n",
        "codings_latin1.csv": "document,code,quote\nintervju.txt,motivasjon,hver måned\n"
                              .encode("latin-1"),
        "codings_unknown_code.csv": "document,code,quote,coder\n"
                                    "intervju.txt,malekort,hver måned,BHO\n".encode(),
        "codings_unclosed_quote.csv": "document;code;quote;coder\r\nintervju.txt;motivasjon;"
                                      "\"hver måned;BHO\r\nintervju.txt;motivasjon;tallene;BHO\r\n"
                                      .encode(),
        "codebook_list.yaml": "- key: motivasjon\n  name: Motivasjon\n".encode(),
        "codebook_scalar.yaml": b"kodebok\n",
        "codebook_broken.yaml": b"codes:\n  - key: motivasjon\n   name: [Motivasjon\n",
    }
    for name, data in files.items():
        (out / name).write_bytes(data)
    good = write_zip(out / "docx_renamed.txt", docx_members(document_xml(GOOD)))
    whole = good.read_bytes()
    (out / "truncated.docx").write_bytes(whole[: len(whole) // 2])
    write_zip(out / "empty_zip.docx", {"notat.txt": "ingen Word-deler her"})
    write_zip(out / "no_text.docx", docx_members(document_xml([])))
    write_zip(out / "broken_xml.docx", docx_members(document_xml(GOOD)[:-30]))
    write_zip(out / "xxe.docx", docx_members(document_xml(GOOD + ["&xxe;"], XXE)))
    write_zip(out / "billion_laughs.docx", docx_members(document_xml(GOOD + ["&l9;"], LAUGHS)))
    write_zip(out / "traversal.docx", {**docx_members(document_xml(GOOD)),
                                       "../../evil.sh": "echo pwned"})
    write_zip(out / "zip_bomb.docx", {**docx_members(document_xml(GOOD)),
                                      "word/media/image1.png": bytes(11 * 1024 * 1024)})
    _damage_member(write_zip(out / "damaged_member.docx", docx_members(document_xml(GOOD))))
    _damage_member(write_zip(out / "damaged_member.odt", odt_members(GOOD)), "content.xml")
    (out / "scanned.pdf").write_bytes(image_only_pdf())
    (out / "truncated.pdf").write_bytes(image_only_pdf()[:200])
    return sorted(p for p in out.iterdir() if p.name not in ("README.md", Path(__file__).name)
                  and p.suffix != ".pyc" and p.is_file())


def odt_members(paragraphs: list[str]) -> dict[str, str]:
    """An OpenDocument text as LibreOffice stores one: the mimetype first, then content."""
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    return {"mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
                           f'<office:document-content xmlns:office="{office}" '
                           f'xmlns:text="{text}" office:version="1.3"><office:body>'
                           f"<office:text>{body}</office:text></office:body>"
                           "</office:document-content>"}


def image_only_pdf() -> bytes:
    """A one-page PDF holding only a picture (8×8 grey pixels), as a scanner writes one."""
    pixels = bytes(range(0, 256, 4))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
        b"<< /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 64 >>\nstream\n" + pixels + b"\nendstream",
    ]
    draw = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _damage_member(path: Path, member: str = "word/document.xml") -> None:
    """Flip bytes in the middle of a member's compressed data (bad deflate/CRC)."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    raw = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack_from("<HH", raw, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len + info.compress_size // 3
    for k in range(start, start + 16):
        raw[k] ^= 0xFF
    path.write_bytes(bytes(raw))


if __name__ == "__main__":
    for p in make():
        print(p.name, p.stat().st_size)
