"""simplemma's index kept between runs gives simplemma's own lemmas; a missing, damaged,
refused or unwritable cache only means building the index again (issue 12)."""

import re

import pytest
import simplemma

from qualmrs.lang import lemmaindex

from conftest import SAMPLE


def _words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8", errors="replace")
                    for p in sorted(SAMPLE.glob("*.txt")))
    return sorted({w.lower() for w in re.findall(r"\w+", text)})


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QUALMRS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_lemmaindex_same_lemmas_as_simplemma_built_and_read_back(cache):
    built = lemmaindex.dictionary("nb")  # builds the index and keeps it
    assert list(cache.glob("simplemma-nb-index-*.npz"))
    read = lemmaindex.dictionary("nb")
    assert read._firsts == built._firsts and read._blocks == built._blocks
    words = _words()
    assert len(words) > 1000
    for w in words:
        expected = simplemma.lemmatize(w, lang="nb", low_memory=True)
        assert read.get(w) == built.get(w)
        assert lemmaindex.lemmatizer().lemmatize(w, "nb") == expected, w


def test_lemmaindex_read_back_does_not_build(cache, monkeypatch):
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    lemmaindex.dictionary("nb")

    def build(*_):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(StreamMap, "__init__", build)
    assert lemmaindex.dictionary("nb").get("målene") == "mål"


@pytest.mark.parametrize("damage", [b"", b"not an index", None])
def test_lemmaindex_damaged_cache_is_built_again(cache, damage):
    lemmaindex.dictionary("nb")
    path, = cache.glob("*.npz")
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2] if damage is None else damage)
    assert lemmaindex.dictionary("nb").get("målene") == "mål"
    assert path.read_bytes() == good


def test_lemmaindex_other_dictionary_is_built_again(cache, monkeypatch):
    lemmaindex.dictionary("nb")
    path, = cache.glob("*.npz")
    monkeypatch.setattr(simplemma, "__version__", "2.0.99")
    assert lemmaindex.dictionary("nb").get("målene") == "mål"
    import numpy as np

    with np.load(path) as saved:
        assert str(saved["check"]).startswith("2.0.99:")


def test_lemmaindex_no_cache_folder_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("QUALMRS_CACHE", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert lemmaindex.dictionary("nb").get("målene") == "mål"
    assert not list(tmp_path.rglob("*.npz"))


def test_lemmaindex_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    monkeypatch.setenv("QUALMRS_CACHE", str(blocked / "cache"))
    assert lemmaindex.dictionary("nb").get("målene") == "mål"


def test_lemmaindex_unknown_language_raises_as_simplemma(cache):
    with pytest.raises(ValueError):
        lemmaindex.dictionary("xx")
