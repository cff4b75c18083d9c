"""TextCues.reach takes the subjects of every earlier sentence for a sentence with an epithet from a running union
made once per text (dsfact.matching.storyreach): it must give the union of the earlier sentences' subjects that it
replaces, and a second text must not see the first's."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching import storyreach


class _Text:
    def __init__(self, metrics, subjects):
        self._claims = metrics, subjects

    def sentence_claims(self):
        return self._claims


_SETS = st.lists(st.frozensets(st.integers(0, 6), max_size=3).map(set), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(_SETS, st.frozensets(st.integers(0, 7)))
def test_story_subjects_are_the_union_of_the_earlier_sentences(subjects, epithets):
    n = len(subjects)
    text = _Text([{1}] * n, subjects)
    old = storyreach._STORY_REACH[:]
    storyreach._STORY_REACH[:] = [lambda _text, si: si in epithets]
    try:
        for si in [*range(n), *reversed(range(n))]:  # asked again, in any order
            want = frozenset().union(*subjects[:si]) if si in epithets else frozenset()
            assert storyreach.story_subjects(text, si) == want
    finally:
        storyreach._STORY_REACH[:] = old


def test_two_texts_keep_their_own_subjects():
    old = storyreach._STORY_REACH[:]
    storyreach._STORY_REACH[:] = [lambda _text, si: True]
    try:
        first = _Text([{1}, {1}, {1}], [{1}, {2}, set()])
        second = _Text([{1}, {1}, {1}], [{5}, set(), set()])
        assert storyreach.story_subjects(first, 2) == {1, 2}
        assert storyreach.story_subjects(second, 2) == {5}
        assert storyreach.story_subjects(second, 1) == {5} and storyreach.story_subjects(first, 1) == {1}
    finally:
        storyreach._STORY_REACH[:] = old
