"""The bundled word files: each file's keys are checked however it is first read, and one list is read once."""
from __future__ import annotations

import os

import pytest

import dsfact.lang as lang
from dsfact.lang import KEYS, LanguageDataError, load_words, parse_words, words_of


@pytest.mark.parametrize("name", sorted(KEYS))
def test_every_key_of_a_checked_file_is_one_it_may_have(name):
    for table, keys in load_words(name).items():
        assert set(keys) <= KEYS[name], (name, table)


def test_a_key_a_file_may_not_have_is_reported_at_its_line(monkeypatch, tmp_path):
    (tmp_path / "names.words").write_text("[speaker]\nwords: said\nsaid-by: told\n", encoding="utf-8")
    monkeypatch.setattr(lang, "_HERE", str(tmp_path))
    monkeypatch.setattr(lang, "_LOADED", {})
    with pytest.raises(LanguageDataError, match=r"names\.words:3: unknown key 'said-by'"):
        load_words("names")


def test_a_file_without_checked_keys_takes_any_key():
    assert parse_words("[t]\nanything: a, b\n", "x.words", KEYS.get("time")) == {"t": {"anything": ("a", "b")}}


def test_words_of_reads_one_key_of_one_table():
    assert words_of("names", "speaker") == load_words("names")["speaker"]["words"]
    assert words_of("names", "former-latter-adjective", "after") == load_words("names")["former-latter-adjective"]["after"]
    assert words_of("names", "no-such-table") == ()
    assert words_of("names", "speaker", "no-such-key") == ()


def test_longest_first_puts_a_longer_word_before_the_words_it_begins_with():
    words = words_of("roles", "means", longest_first=True)
    assert sorted(words) == sorted(words_of("roles", "means"))
    assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)
    assert words_of("roles", "means", longest_first=True) is words  # read once


def test_every_bundled_file_is_readable():
    here = os.path.dirname(lang.__file__)
    for file in sorted(os.listdir(here)):
        if file.endswith(".words"):
            assert load_words(file[:-len(".words")])


def test_a_word_table_as_a_set_and_by_script():
    from dsfact.lang import word_set, words_by_script, words_of

    words = words_of("names", "governed", "before")
    assert word_set("names", "governed", "before") == frozenset(words)
    latin, other = words_by_script("names", "governed", "before")
    assert latin and other, "the table has English and Chinese words"
    assert all(w.isascii() for w in latin) and not any(w.isascii() for w in other)
    assert sorted(latin + other) == sorted(words)
    assert [w for w in words if w.isascii()] == list(latin)  # each in the file's order
    longest = words_by_script("names", "governed", "before", longest_first=True)[0]
    assert [len(w) for w in longest] == sorted((len(w) for w in latin), reverse=True)
    assert word_set("names", "no-such-table") == frozenset()
