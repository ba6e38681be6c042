"""Figures and the HTML report of a Study."""

from __future__ import annotations

from pathlib import Path

from .core import steps

__all__ = ["plots", "report"]


def plots(study, out: Path, progress=None, force: bool = False) -> list[tuple[str, Path]]:
    """Write every figure as PNG and SVG into ``out``; returns (caption, PNG path) pairs.

    ``progress``: a tqdm-like callable for a bar over the figures (see ``ingest``).
    All figures or none are written; ``force`` replaces files qualmrs did not write.
    """
    from ..export import figures
    from ..export.output import outputs
    from ..lang.words import words

    book = study.codebook
    w = words(book.language)
    todo = []  # (caption, draw): the data first, then the drawing, which is the slow part
    for t in study.tables():
        todo.append((t.attrs["caption"], lambda t=t: figures.frequency_chart(
            t, out / f"tabell_{t.attrs['id']}")))
    counts = study.counts()
    used = counts[counts["total"] > 0].drop(columns=["total", "cases"])
    names = {c.key: c.name for c in book.codes}
    if len(used):
        todo.append((f"{w['code_by_case_caption']} ({w['themes_include']})",
                     lambda: figures.heatmap(
                         used, out / "kode_x_informant",
                         f"{w['code_by_case']} ({w['themes_include']})",
                         [names[k] for k in used.index])))
    co = study.cooccurrence(True)
    if len(co):
        todo.append((w["cooccurrence_caption"], lambda: figures.heatmap(
            co.rename(columns=names), out / "samforekomst", w["cooccurrence"],
            [names[k] for k in co.index], "{:.2f}", "Purples", counts=False)))
    for attribute in sorted({k for c in study.cases for k in c.attributes}):
        ct = study.crosstab(attribute)
        ct = ct[ct["code"].isin(used.index)]
        if len(ct):
            todo.append((f"{w['share_by_caption'].format(attribute=attribute)} "
                         f"({w['themes_include']})",
                         lambda ct=ct, a=attribute: figures.presence_chart(
                             ct, out / f"koder_etter_{a}", names, book.language)))
    with outputs(force):
        return [(caption, draw()[0]) for caption, draw in steps(progress, todo, "figures")]


def report(study, out: Path, max_words: int = 60, progress=None, force: bool = False) -> Path:
    """Write the self-contained HTML report (figures go to a folder beside it too).

    The report and its figures are written all or none; ``force`` replaces files qualmrs
    did not write (never a store).
    """
    from ..export.output import check_target, outputs

    check_target(out, force)  # before the slow part
    with outputs(force):
        return _report(study, out, max_words, progress, force)


def _report(study, out: Path, max_words: int, progress, force: bool) -> Path:
    from ..export.report import ReportData, write_report
    from ..lang.words import words

    book = study.codebook
    docs = study.documents
    counts = study.counts()
    figures = plots(study, out.parent / f"{out.stem}_figurer", progress, force)
    w = words(book.language)
    informant_words = sum(len(d.text[t.start:t.end].split()) for d in docs for t in d.turns
                          if t.role == "informant")
    overview = {
        w["study"]: book.name or "—",
        w["documents"]: f"{len(docs)} ({', '.join(d.name for d in docs)})",
        w["cases"]: str(len(study.cases)),
        w["words"]: f"{sum(len(d.text.split()) for d in docs)} / {informant_words}",
        w["codes_used"]: w["of"].format(n=int((counts["total"] > 0).sum()),
                                        total=len(book.codes)),
        w["coded_segments"]: str(len(study.codings)),
        w["coder"]: study.coder or "—",
    }
    themes = {t.name: study.quotes(t.key, max_words) for t in book.themes()}
    data = ReportData(book.name or w["report"], overview, study.tables(), figures,
                      counts.drop(columns=["cases"]), {c.key: c.name for c in book.codes},
                      themes, book.language)
    return write_report(data, out, force)
