"""Figures and the HTML report of a Study."""

from __future__ import annotations

from pathlib import Path

__all__ = ["plots", "report"]


def figure_jobs(study, out: Path) -> list:
    """(caption, ``FigureJob``) for every figure of the report, their files in ``out``."""
    from ..export import figures
    from ..lang.words import words

    book = study.codebook
    w = words(book.language)
    todo = [(t.attrs["caption"], figures.frequency_chart.job(t, out / f"tabell_{t.attrs['id']}"))
            for t in study.tables()]
    counts = study.counts()
    used = counts[counts["total"] > 0].drop(columns=["total", "cases"])
    names = {c.key: c.name for c in book.codes}
    if len(used):
        todo.append((f"{w['code_by_case_caption']} ({w['themes_include']})",
                     figures.heatmap.job(used, out / "kode_x_informant",
                                         f"{w['code_by_case']} ({w['themes_include']})",
                                         [names[k] for k in used.index])))
    co = study.cooccurrence(True)
    if len(co):
        todo.append((w["cooccurrence_caption"], figures.heatmap.job(
            co.rename(columns=names), out / "samforekomst", w["cooccurrence"],
            [names[k] for k in co.index], "{:.2f}", "Purples", counts=False)))
    for attribute in sorted({k for c in study.cases for k in c.attributes}):
        ct = study.crosstab(attribute)
        ct = ct[ct["code"].isin(used.index)]
        if len(ct):
            todo.append((f"{w['share_by_caption'].format(attribute=attribute)} "
                         f"({w['themes_include']})",
                         figures.presence_chart.job(ct, out / f"koder_etter_{attribute}",
                                                    names, book.language)))
    return todo


def start_plots(study, out: Path, drawer) -> list:
    """Begin drawing the report's figures into ``out`` with ``drawer`` (a
    ``qualmrs.export.drawing.Drawer``, whose worker draws them while the caller does other
    work); ``plots(..., started=...)`` writes them."""
    jobs = figure_jobs(study, out)
    return [(caption, begun) for (caption, _), begun in
            zip(jobs, drawer.start(job for _, job in jobs))]


def plots(study, out: Path, progress=None, force: bool = False, started=None,
          drawer=None) -> list[tuple[str, Path]]:
    """Write every figure as PNG and SVG into ``out``; returns (caption, PNG path) pairs.

    ``progress``: a tqdm-like callable for a bar over the figures (see ``ingest``).
    All figures or none are written; ``force`` replaces files qualmrs did not write.
    ``drawer``: a ``qualmrs.export.drawing.Drawer`` (one of this call's own by default);
    ``started``: what ``start_plots`` began for ``out`` with it.
    """
    from contextlib import nullcontext

    from ..export.drawing import Drawer
    from ..export.output import outputs

    with Drawer() if drawer is None else nullcontext(drawer) as drawer:
        if started is None:
            started = start_plots(study, out, drawer)
        captions = [caption for caption, _ in started]
        made = drawer.results([begun for _, begun in started])
        if progress is not None:
            made = progress(made, total=len(started), desc="figures")
        with outputs(force):
            return [(caption, job.write(drawn)[0]) for caption, (job, drawn)
                    in zip(captions, made)]


def figure_folder(report: Path) -> Path:
    """Where the figures of the report ``report`` go."""
    return report.parent / f"{report.stem}_figurer"


def report(study, out: Path, max_words: int = 60, progress=None, force: bool = False,
           drawer=None, started=None) -> Path:
    """Write the self-contained HTML report (figures go to a folder beside it too).

    The report and its figures are written all or none; ``force`` replaces files qualmrs
    did not write (never a store). ``drawer`` and ``started``: see ``plots``.
    """
    from ..export.output import check_target, outputs

    check_target(out, force)  # before the slow part
    with outputs(force):
        return _report(study, out, max_words, progress, force, drawer, started)


def _report(study, out: Path, max_words: int, progress, force: bool, drawer,
            started) -> Path:
    from ..export.report import ReportData, write_report
    from ..lang.words import words

    book = study.codebook
    docs = study.documents
    counts = study.counts()
    figures = plots(study, figure_folder(out), progress, force, started, drawer)
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
