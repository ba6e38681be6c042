"""The exploring views, figures and report, wired to the store."""

from __future__ import annotations

from pathlib import Path

from ..errors import QualmrsError, did_you_mean
from ..model import MANUAL
from ..store import Store
from .core import choose_coder, steps

__all__ = ["presence", "crosstab", "cooccurrence", "quotes", "words", "plots", "report"]


def _codings(store: Store, coder: str | None, suggestions: bool):
    """The chosen coder's manual codings, plus the suggestions when asked for."""
    who = choose_coder(store, coder)
    out = store.codings(coder=who) if who else []
    if suggestions:
        out += [c for c in store.codings(source=None) if c.source != MANUAL]
    return out


def presence(store: Store, coder: str | None = None, suggestions: bool = False):
    from ..analyse.views import presence as view

    return view(store.codebook, store.documents(), _codings(store, coder, suggestions),
                store.cases())


def _attribute(store: Store, by: str) -> None:
    names = {k for c in store.cases() for k in c.attributes}
    if by not in names:
        raise QualmrsError(f"no case attribute '{by}'; {did_you_mean(by, names)}", key="--by")


def crosstab(store: Store, by: str, answers: bool = False, coder: str | None = None,
             suggestions: bool = False):
    """Codes (or, with ``answers``, closed-question answers) by a case attribute."""
    from ..analyse.views import crosstab_answers, crosstab_codes

    _attribute(store, by)
    if answers:
        who = choose_coder(store, coder)
        given = store.answers(coder=who) if who else []
        if suggestions:
            given += store.answers(source="rule")
        return crosstab_answers(store.codebook, given, store.cases(), by)
    return crosstab_codes(store.codebook, store.documents(), _codings(store, coder, suggestions),
                          store.cases(), by)


def cooccurrence(store: Store, normalise: bool = False, coder: str | None = None,
                 suggestions: bool = False):
    from ..analyse.views import cooccurrence as view

    return view(store.codebook, store.documents(), _codings(store, coder, suggestions), normalise)


def quotes(store: Store, code: str, max_words: int | None = None, coder: str | None = None,
           suggestions: bool = False):
    from ..analyse.views import quotes as view

    keys = {c.key for c in store.codebook.codes}
    if code not in keys:
        raise QualmrsError(f"unknown code '{code}'; {did_you_mean(code, keys)}")
    return view(store.codebook, store.documents(), _codings(store, coder, suggestions),
                store.cases(), code, max_words)


def words(store: Store, by: str = "code", top: int = 15, coder: str | None = None,
          suggestions: bool = False):
    from ..analyse.views import word_frequency
    from ..segment import stop_lemmas

    return word_frequency(store.documents(), store.sentences(),
                          _codings(store, coder, suggestions), by, top,
                          stop_lemmas(store.codebook.language))


def plots(store: Store, out: str | Path, coder: str | None = None,
          suggestions: bool = False, progress=None,
          force: bool = False) -> list[tuple[str, Path]]:
    """Write every figure as PNG and SVG into ``out``; returns (caption, PNG path) pairs.

    ``progress``: a tqdm-like callable for a bar over the figures (see ``ingest``).
    All figures or none are written; ``force`` replaces files qualmrs did not write.
    """
    from ..analyse import code_counts, frequency_tables
    from ..export import figures
    from ..export.output import outputs

    out = Path(out)
    book = store.codebook
    who = choose_coder(store, coder)
    todo = []  # (caption, draw): the data first, then the drawing, which is the slow part
    for t in frequency_tables(book, store.answers(coder=who) if who else []):
        todo.append((t.attrs["caption"], lambda t=t: figures.frequency_chart(
            t, out / f"tabell_{t.attrs['id']}")))
    codings = _codings(store, coder, suggestions)
    counts = code_counts(book, store.documents(), codings, store.cases())
    used = counts[counts["total"] > 0].drop(columns=["total", "cases"])
    names = {c.key: c.name for c in book.codes}
    if len(used):
        todo.append(("Kode × informant: antall kodede segmenter", lambda: figures.heatmap(
            used, out / "kode_x_informant", "Kode × informant",
            [names[k] for k in used.index])))
    co = cooccurrence(store, True, coder, suggestions)
    if len(co):
        todo.append(("Samforekomst av koder i samme tur (Jaccard)", lambda: figures.heatmap(
            co.rename(columns=names), out / "samforekomst", "Samforekomst (Jaccard)",
            [names[k] for k in co.index], "{:.2f}", "Purples")))
    attributes = sorted({k for c in store.cases() for k in c.attributes})
    for attribute in attributes:
        ct = crosstab(store, attribute, False, coder, suggestions)
        ct = ct[ct["code"].isin(used.index)]
        if len(ct):
            todo.append((f"Andel informanter per kode etter {attribute}",
                         lambda ct=ct, a=attribute: figures.presence_chart(
                             ct, names, out / f"koder_etter_{a}")))
    with outputs(force):
        return [(caption, draw()[0]) for caption, draw in steps(progress, todo, "figures")]


def report(store: Store, out: str | Path, coder: str | None = None,
           suggestions: bool = False, max_words: int = 60, progress=None,
           force: bool = False) -> Path:
    """Write the self-contained HTML report (figures go to a folder beside it too).

    ``progress``: a tqdm-like callable for a bar over the figures (see ``ingest``).
    The report and its figures are written all or none; ``force`` replaces files qualmrs
    did not write (never a store).
    """
    from ..export.output import check_target, outputs

    check_target(out, force)  # before the slow part
    with outputs(force):
        return _report(store, Path(out), coder, suggestions, max_words, progress, force)


def _report(store: Store, out: Path, coder, suggestions, max_words, progress, force) -> Path:
    from ..analyse import code_counts, frequency_tables
    from ..export.report import ReportData, write_report

    book = store.codebook
    who = choose_coder(store, coder)
    docs = store.documents()
    codings = _codings(store, coder, suggestions)
    counts = code_counts(book, docs, codings, store.cases())
    figures = plots(store, out.parent / f"{out.stem}_figurer", coder, suggestions, progress,
                    force)
    informant_words = sum(len(d.text[t.start:t.end].split()) for d in docs for t in d.turns
                          if t.role == "informant")
    overview = {
        "Studie": book.name or "—",
        "Dokumenter": f"{len(docs)} ({', '.join(d.name for d in docs)})",
        "Informanter (case)": str(len(store.cases())),
        "Ord i alt / fra informanter": f"{sum(len(d.text.split()) for d in docs)} / "
                                       f"{informant_words}",
        "Koder brukt": f"{int((counts['total'] > 0).sum())} av {len(book.codes)}",
        "Kodede segmenter": str(len(codings)),
        "Koder": who or "—",
    }
    themes = {t.name: quotes(store, t.key, max_words, coder, suggestions)
              for t in book.themes()}
    data = ReportData(book.name or "qualmrs-rapport", overview, frequency_tables(
        book, store.answers(coder=who) if who else []), figures,
        counts.drop(columns=["cases"]), {c.key: c.name for c in book.codes}, themes)
    return write_report(data, out, force)
