"""Issue 13: a file's rows against what it gave last time."""

import pytest

from qualmrs.coding.origins import Item, diff, items_from_snapshot


def coding(anchor, code, memo=""):
    return Item(anchor, "coding", {"document": "d", "start": 0, "end": 3, "code": code,
                                   "coder": "BHO", "memo": memo})


def keyed(d):
    return items_from_snapshot(d.snapshot())


def test_origins_first_import_adds_everything():
    d = diff([], [coding("a", "x"), coding("a", "y"), coding("b", "x")])
    assert [k for k, _ in d.added] == ["a#1", "a#2", "b#1"] and not d.changed and not d.removed


@pytest.mark.parametrize("new,added,changed,removed", [
    ([coding("a", "x"), coding("a", "y"), coding("b", "x")], 0, 0, 0),   # the same file
    ([coding("a", "x"), coding("b", "x")], 0, 0, 1),                     # a row deleted
    ([coding("a", "x"), coding("a", "z"), coding("b", "x")], 0, 1, 0),   # a code changed
    ([coding("a", "x"), coding("a", "y", "memo"), coding("b", "x")], 0, 1, 0),  # a memo
    ([coding("a", "y"), coding("a", "x"), coding("b", "x")], 0, 0, 0),   # rows reordered
    ([coding("a", "x"), coding("a", "y"), coding("b", "x"), coding("c", "x")], 1, 0, 0),
    ([], 0, 0, 3),
])
def test_origins_second_import_finds_what_changed(new, added, changed, removed):
    first = diff([], [coding("a", "x"), coding("a", "y"), coding("b", "x")])
    d = diff(keyed(first), new)
    assert (len(d.added), len(d.changed), len(d.removed)) == (added, changed, removed)


def test_origins_a_changed_row_keeps_its_key_and_new_rows_get_fresh_ones():
    first = diff([], [coding("a", "x"), coding("a", "y")])
    d = diff(keyed(first), [coding("a", "x"), coding("a", "z"), coding("a", "w")])
    (key, old, new), = d.changed
    assert key == "a#2" and old.content["code"] == "y" and new.content["code"] == "z"
    assert [k for k, _ in d.added] == ["a#3"]
    assert sorted(k for k, _ in keyed(d)) == ["a#1", "a#2", "a#3"]
