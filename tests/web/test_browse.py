"""Issue 14: what the browser's actions read stays one document's or one case's worth on a
large store (make bench's web_latency.py measures it), and gives what it gave before."""

import pytest


def _turn(project, name, k):
    """The ``k``-th informant turn of a document: (start, end, text)."""
    view = project.document_view(name)
    t = [t for t in view["turns"] if t["role"] == "informant"][k]
    return t["start"], t["end"], view["text"][t["start"]:t["end"]]


def test_browse_overview_counts_informant_turns_each_coder_touched(two_interviews):
    p = two_interviews
    a, _, _ = _turn(p, "intervju_c.txt", 0)
    _, b, _ = _turn(p, "intervju_c.txt", 1)
    p.code("intervju_c.txt", a, b, "motivasjon", "KN")  # over two turns and a question
    a, b, _ = _turn(p, "intervju_c.txt", 1)
    p.code("intervju_c.txt", a, b, "historikk", "KN")  # the same turn again
    p.code("intervju_c.txt", a, a + 10, "historikk", "BHO")
    view = p.document_view("intervju_c.txt")
    question = [t for t in view["turns"] if t["role"] == "interviewer"][2]
    p.code("intervju_c.txt", question["start"], question["end"], "historikk", "BHO")
    docs = {d["name"]: d for d in p.overview()["documents"]}
    assert docs["intervju_c.txt"]["coded"] == {"KN": 2, "BHO": 1}
    assert docs["intervju_c.txt"]["informant_turns"] == 3
    assert docs["intervju_c.txt"]["cases"] == ["C", "D"]
    assert docs["intervju_c.txt"]["attributes"] == {"fylke": "Sørfylket"}
    assert docs["intervju_b.txt"]["coded"] == {} and docs["intervju_b.txt"]["cases"] == ["B"]
    assert p.overview()["coders"] == ["BHO", "KN"]


@pytest.mark.parametrize("edit", ["recode", "memo"])
def test_browse_recode_and_memo_read_one_documents_codings(two_interviews, edit):
    p = two_interviews
    for name in ("intervju_b.txt", "intervju_c.txt"):
        a, b, _ = _turn(p, name, 0)
        p.code(name, a, b, "motivasjon", "KN")
    (mine,) = p.store.codings(document="intervju_b.txt")
    other = {c.id for c in p.store.codings(document="intervju_c.txt")}
    seen, rows_where = [], p.store.rows_where
    p.store.rows_where = lambda conn, table, cond: seen.extend(
        r["id"] for r in rows_where(conn, table, cond) if table == "codings") or \
        rows_where(conn, table, cond)
    if edit == "recode":
        p.recode([mine.id], "historikk", actor="KN")
    else:
        p.set_memo(mine.id, "sjekk", actor="KN")
    assert mine.id in seen and not other & set(seen)  # issue 14: not every coding
    (after,) = p.store.codings(document="intervju_b.txt")
    assert (after.code, after.memo) == (("historikk", "") if edit == "recode"
                                        else ("motivasjon", "sjekk"))


def test_browse_recode_onto_the_same_coding_still_merges(two_interviews):
    p = two_interviews
    a, b, _ = _turn(p, "intervju_b.txt", 0)
    p.code("intervju_b.txt", a, b, "motivasjon", "KN")
    p.code("intervju_b.txt", a, b, "historikk", "KN", memo="viktig")
    first = {c.code: c.id for c in p.store.codings()}
    p.recode([first["historikk"]], "motivasjon", actor="KN")
    (kept,) = p.store.codings()
    assert (kept.id, kept.code, kept.memo) == (first["motivasjon"], "motivasjon", "viktig")


def test_browse_tables_read_answers_only(two_interviews):
    p = two_interviews
    p.set_answer("B", "tallfestes", "Ja", "KN")
    p.set_answer("C", "tallfestes", "Nei", "BHO")
    expected = [f.to_dict() for f in p.study("KN").tables()]

    def refuse(*args, **kwargs):
        raise AssertionError("the tables read documents or codings")
    p.store.documents = p.store.codings = refuse  # issue 14: a Study reads all documents
    assert [f.to_dict() for f in p.tables("KN")] == expected
    assert p.whose_work("KN") == ("KN", "chosen")


def test_browse_case_questions_read_the_case_answers(two_interviews):
    p = two_interviews
    p.set_answer("B", "tallfestes", "Ja", "KN")
    p.set_answer("C", "tallfestes", "Nei", "KN")
    assert [a.case for a in p.store.answers(case="C")] == ["C"]
    (q, *_) = p.case_questions("C", "KN")
    assert (q["question"], q["answer"]) == ("tallfestes", "Nei")


def _rgb(color: str) -> tuple:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


@pytest.mark.parametrize("book", ["mrs_nav.yaml", "tillit.yaml"])
def test_browse_sibling_codes_get_distinct_colours(book):
    # issue 14: a new user could not tell sibling codes apart in the margin
    import itertools
    import math

    from conftest import CODEBOOK
    from qualmrs.codebook import load_codebook
    from qualmrs.project.browse import code_colors

    codebook = load_codebook(CODEBOOK.parent / book)
    colors = code_colors(codebook)
    for parent in codebook.codes:
        family = [colors[parent.key]] + [colors[c.key] for c in codebook.codes
                                         if c.parent == parent.key]
        for a, b in itertools.combinations(family, 2):
            assert math.dist(_rgb(a), _rgb(b)) > 40, (parent.key, family)


def test_browse_least_sure_passes_over_what_the_coder_coded(served_project):
    p = served_project
    first = p.least_sure("intervju_b.txt", "KN")
    doc = p.document_view("intervju_b.txt")
    p.code("intervju_b.txt", first["start"], first["end"], first["code"], "KN",
           text=doc["text"][first["start"]:first["end"]])
    again = p.least_sure("intervju_b.txt", "KN")
    assert again is None or again["id"] != first["id"]
    assert p.least_sure("intervju_b.txt", "BHO")["id"] == first["id"]  # not BHO's coding
