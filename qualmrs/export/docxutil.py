"""Small helpers for Word output shared by the table and matrix writers."""

from __future__ import annotations


def new_document(landscape: bool = False):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    if landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    return document


def caption(document, text: str) -> None:
    """A caption above the table, as Norwegian theses set them («Tabell 4-1 Tittel»)."""
    p = document.add_paragraph(style="Caption")
    run = p.add_run(text)
    run.bold = True


def bold_cell(cell, text: str) -> None:
    cell.text = ""
    cell.paragraphs[0].add_run(text).bold = True
