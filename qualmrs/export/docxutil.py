"""Word output for a thesis: A4 (or a template's page and styles), real captions («Tabell» and
a SEQ field, which Word's list of tables and cross-references find), header rows repeated on
every page, and column widths from the content (``layout.py``)."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import QualmrsError
from ..lang.words import words
from .layout import PADDING, Grid, column_widths, split_wide

BODY, HEAD = 10.0, 10.0  # points: table text and headings


def new_document(template: str | Path | None = None, landscape: bool = False):
    """An empty document: the template's page, margins and styles with its body emptied, or
    A4 with 2.5 cm margins and Calibri 11; ``landscape`` turns the page.

    Raises:
        QualmrsError: the template is not a readable .docx.
    """
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Mm, Pt

    if template is not None:
        document = _from_template(Path(template))
    else:
        document = docx.Document()
        style = document.styles["Normal"]
        style.font.name = "Calibri"
        style.font.size = Pt(11)
        for section in document.sections:
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.left_margin = section.right_margin = Cm(2.5)
            section.top_margin = section.bottom_margin = Cm(2.5)
    section = document.sections[-1]
    if landscape and section.page_width < section.page_height:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        section.left_margin, section.top_margin = section.top_margin, section.left_margin
        section.right_margin, section.bottom_margin = section.bottom_margin, section.right_margin
    return document


def _from_template(path: Path):
    import docx

    try:
        document = docx.Document(str(path))
    except FileNotFoundError:
        raise QualmrsError("no such template", path=path) from None
    except Exception as e:  # python-docx raises several types for a file that is not .docx
        raise QualmrsError(f"not a readable Word template (.docx): {e}", path=path) from None
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def text_width(document) -> float:
    """The width between the margins of the last section, in points."""
    section = document.sections[-1]
    return (section.page_width - section.left_margin - section.right_margin) / 12700


def caption(document, language: str, number: str | None, title: str) -> None:
    """A Word caption above the table: «Tabell 4-1 Tittel», the number a SEQ field.

    An id ending in a number («4-1») keeps its prefix as text and restarts the field at its
    last number (``\\r 1``), so Word shows 4-1 after updating fields too; an id without one
    («A») is text with a hidden field; no id numbers the captions of the document in turn.
    """
    label = words(language)["table"]
    p = document.add_paragraph(style=_caption_style(document))
    p.add_run(f"{label} ").bold = True
    if number is None:
        seen = document.element.body.xpath(f'.//w:instrText[contains(., "SEQ {label} ")]')
        _seq(p, label, str(len(seen) + 1), "")
    else:
        m = re.search(r"(\d+)$", number)
        if m:
            p.add_run(number[:m.start()]).bold = True
            _seq(p, label, m.group(1), f" \\r {int(m.group(1))}")
        else:
            p.add_run(number).bold = True
            _seq(p, label, "", " \\h")
    p.add_run(f" {title}").bold = True
    p.paragraph_format.keep_with_next = True


def _caption_style(document):
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return document.styles["Caption"]
    except KeyError:  # a template that never used captions: Word's own style, made here
        style = document.styles.add_style("Caption", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        return style


def _seq(paragraph, label: str, shown: str, switches: str) -> None:
    """A ``SEQ label`` field with ``shown`` as its current result."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run(child):
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        r.append(rpr)
        r.append(child)
        paragraph._p.append(r)

    for kind, text in (("begin", None), (None, f" SEQ {label} \\* ARABIC{switches} "),
                       ("separate", None), (None, shown), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text.startswith(" SEQ"):
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run(el)


def add_grid(document, grid: Grid, language: str, body: float = BODY, head: float = HEAD):
    """``grid`` as a Word table under its caption: borders, the header row repeated on each
    page, columns as wide as their words need (``layout.column_widths``); a table too wide
    for the page becomes several, each repeating the first column (``layout.split_wide``)."""
    for part in split_wide(grid, text_width(document), body, head, words(language)["part"]):
        _add_table(document, part, language, body, head)


def _add_table(document, grid: Grid, language: str, body: float, head: float):
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    caption(document, language, grid.number, grid.caption)
    widths, head = column_widths(grid, text_width(document), body, head)
    table = document.add_table(rows=1, cols=len(grid.header))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _borders(table)
    for j, w in enumerate(widths):
        table.columns[j].width = Pt(w)
    header = table.rows[0]
    _repeat(header)
    for j, text in enumerate(grid.header):
        cell = header.cells[j]
        cell.width = Pt(widths[j])
        _fill(cell, [(_run(text, bold=True),)], head)
    for row in grid.rows:
        cells = table.add_row().cells
        for j, paragraphs in enumerate(row):
            cells[j].width = Pt(widths[j])
            _fill(cells[j], paragraphs, body)
            if j in grid.numeric:
                for p in cells[j].paragraphs:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph()
    return table


def _run(text, **style):
    from .layout import Run

    return Run(text, **style)


def _fill(cell, paragraphs, size: float) -> None:
    from docx.shared import Pt

    for r in cell.paragraphs[0]._p.r_lst:  # a new cell's paragraph is empty; be sure
        cell.paragraphs[0]._p.remove(r)
    for i, paragraph in enumerate(paragraphs):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        _no_hyphens(p)  # first: the schema wants it before spacing and alignment
        p.paragraph_format.space_after = Pt(2)
        p.paragraph_format.space_before = Pt(0)
        for part in paragraph:
            run = p.add_run(part.text)
            run.bold = part.bold or None
            run.italic = part.italic or None
            run.font.size = Pt(size - 1 if part.small else size)


def _no_hyphens(paragraph) -> None:
    """No automatic hyphenation in this paragraph, should the document turn it on."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    el = OxmlElement("w:suppressAutoHyphens")
    el.set(qn("w:val"), "true")
    ppr.append(el)


def _repeat(row) -> None:
    """Mark ``row`` a header row: Word and LibreOffice repeat it on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        trpr.append(el)


def _borders(table) -> None:
    """Thin single lines around and between cells, and a fixed layout (no table style
    needed, so a template without «Table Grid» works too)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        for k, v in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "808080")):
            el.set(qn(f"w:{k}"), v)
        borders.append(el)
    # the schema fixes the order of a table's properties; Word refuses a file that breaks it
    table._tbl.tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar",
                                           "w:tblLook", "w:tblCaption", "w:tblDescription")
    table.autofit = False  # w:tblLayout fixed: the widths set are the widths shown


__all__ = ["new_document", "caption", "add_grid", "text_width", "PADDING"]
