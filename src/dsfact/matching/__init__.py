"""Matching: which registered claim a figure in a text states.

- `cues`: the registry's cue words, indexed (`CueIndex`, `cue_index`);
- `sentences`: sentences and paragraphs (`split_sentences`, rules in dsfact/lang/sentences.words);
- `text`: one text's sentences, clauses, cue hits and figures (`TextCues`);
- `matcher`: the binding rules (`TextMatcher.candidates`);
- `bodies`: what a registered name stands for beside a figure (a phrase's object, a family's other model, a
  ratio's other body);
- `roles`: what a figure is and when, from the words that govern it (`FigureReader`, `fits`);
- `prefilter`: where a cue can bind a figure, before any figure is read (`Bindable`);
- `siblings`: choosing between claims of one group (`choose`);
- `doubt`: whether a binding is strong enough to contradict (`doubts_time`, `passed_over`, `corroborated`).
"""
from __future__ import annotations

from dsfact.matching.cues import ENTITY, EXCLUDE, METRIC, SUBJECT, VARIANT, CueHit, CueIndex, cue_index
from dsfact.matching.matcher import LOOKBACK_SENTENCES, Candidate, TextMatcher
from dsfact.matching.sentences import Sentence, split_sentences
from dsfact.matching.siblings import choose
from dsfact.matching.text import INF, TextCues

__all__ = ["ENTITY", "EXCLUDE", "INF", "LOOKBACK_SENTENCES", "METRIC", "SUBJECT", "VARIANT", "Candidate", "CueHit",
           "CueIndex", "Sentence", "TextCues", "TextMatcher", "UNANCHORED", "choose", "corroborated", "cue_index",
           "doubts_time",
           "passed_over", "split_sentences"]


def __getattr__(name: str):
    """The names of dsfact.matching.doubt, imported when first asked (a check of a text whose figures agree
    with their claims never needs them)."""
    if name in ("UNANCHORED", "corroborated", "doubts_time", "passed_over"):
        from dsfact.matching import doubt

        return getattr(doubt, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
