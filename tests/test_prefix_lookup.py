"""Pass 48's lookups against what they replaced, over varied text in both scripts:

- a word finder (wordtables._Finder._at) and a group of them (FinderGroup.finditer) try at a place only the first
  parts filed under the text's three characters there (wordtables.by_prefix), and those shorter than three; they
  tried every first part of the place's character. The same words must be found at the same places.
- a sentence's lead words are looked up once per sentence and role (sentencewords.led_by), and a change's first
  end once per figure (fromto.from_hits): the same answers as reading them again for each figure and role."""
from __future__ import annotations

from conftest import searched_text
from hypothesis import given, settings
from hypothesis import strategies as st

from dsfact.matching import fromto, sentencewords
from dsfact.matching.roles import lexicon
from dsfact.matching.sentences import past_question_mark
from dsfact.matching.wordtables import _ALNUM, _AZ, FAST_AFTER, FIRSTS_UNTIL, FinderGroup, _walk


def _lists():
    lex = lexicon()
    return [role.clause for role in lex.roles if role.clause is not None] + [lex.time, lex.record]


_LISTS = _lists()
_SPOKEN = sorted({w for a in _LISTS for w in a.words})
_FRAGMENTS = ["at", "to", "a", "an", "约", "近", "from", "x", "9", "s", "-", "$", "的", "the", "(", "%",
              " ", "\n", "  ", ".", "b", "1", "年", "pre", "sta", "表示", "un"]
_TEXT = st.lists(st.sampled_from(_SPOKEN + _FRAGMENTS), max_size=12)


def _every_first(finder, c: str) -> list:
    """Every first part of the words of finder that begin with c, with its node, as _at tried them before."""
    short, by3 = finder._by_char.get(c) or finder._tree(c)
    return short + [pair for pairs in by3.values() for pair in pairs]


def _old_at(finder, text: str, i: int, end: int):
    best = None
    for first, node in _every_first(finder, text[i]):
        if text.startswith(first, i, end):
            best = _walk(text, i + len(first), end, node, best)
    return None if best is None else (i, best[1], text[i:best[1]])


def _old_group(group: FinderGroup, text: str, pos: int, end: int) -> list[list[tuple[int, int, str]]]:
    """FinderGroup.finditer as it was: every first part of a place's character tried there."""
    firsts: dict[str, list] = {}
    for first, which in [*(p for ps in group._firsts.values() for p in ps),
                         *(p for ps in group._firsts3.values() for p in ps)]:
        firsts.setdefault(first[0], []).append((first, which))
    out: list[list] = [[] for _ in group._lists]
    skips = [pos] * len(group._finders)
    for i in group._scan._scanner(0)(text, pos, end):
        c = text[i]
        if i and text[i - 1] in _ALNUM and c in _AZ:
            continue
        for first, which in firsts.get(c, ()):
            if text.startswith(first, i, end):
                for k in which:
                    if i >= skips[k]:
                        found = _old_at(group._finders[k], text, i, end)
                        if found is not None:
                            out[k].append(found)
                            skips[k] = found[1]
                        else:
                            skips[k] = i + 1
    return out


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans(), st.integers(0, 3), st.integers(0, 3))
def test_a_finder_finds_at_each_place_what_trying_every_first_part_found(pieces, chinese, cut_start, cut_end):
    text, chinese, pos, end = searched_text(pieces, chinese, cut_start, cut_end)
    for alternation in _LISTS:
        finder = alternation.get(chinese)
        for i in range(pos, end):
            found = finder._at(text, i, end)
            assert (None if found is None else (found.start(), found.end(), found.group())) == \
                _old_at(finder, text, i, end), (text, i, alternation.words[:3])


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.booleans(), st.integers(0, 3), st.integers(0, 3))
def test_a_group_finds_what_it_found_trying_every_first_part(pieces, chinese, cut_start, cut_end):
    text, chinese, pos, end = searched_text(pieces, chinese, cut_start, cut_end)
    for searched in (0, FIRSTS_UNTIL, FAST_AFTER):  # each stage of where a word may begin
        group = FinderGroup(_LISTS, chinese)
        group._prepare()._scanner(searched)
        found = [[(m.start(), m.end(), m.group()) for m in matches] for matches in group.finditer(text, pos, end)]
        assert found == _old_group(group, text, pos, end), text


_TEXTS = [
    "If DeepSeek had used 10,000 GPUs, the run would have cost $12 million. It spent $5.6 million on 2,048 H800s.",
    "Q: Did it cost $5 million? Analysts expected 20,000 GPUs. Nvidia fell 17% from $3.5 trillion to $2.9 trillion.",
    "The cluster is expanding from 200,000 to 1 million GPUs, and shares opened 11% lower, at $118.",
    "如果深度求索用了1万块GPU，成本约为1200万美元。其中，训练花费557.6万美元，英伟达股价从147美元跌至118美元。",
    "假如深度求索用了1萬塊GPU，成本約1200萬美元。輝達市值一度蒸發5890億美元，收跌17%。",
]


def _reader(text: str, registry):
    from dsfact.matching import TextMatcher
    from dsfact.numbers import parse_quantities

    matcher = TextMatcher(text, registry)
    matcher.use(parse_quantities(text, names=registry.entities))
    return matcher.reader()


def _old_led_by(reader, role, q) -> bool:
    start, _end = reader.sentence_of(q.start)
    lo, hi = reader.clause_span(start)
    while lo < hi and reader.folded[lo] in " \t#>*-":
        lo += 1
    if role.lead.begins(reader.folded, past_question_mark(reader.folded, lo), reader._chinese):
        return True
    return role.name == "condition" and sentencewords.in_consequence(reader, q, start)


def test_lead_words_and_change_ends_read_once_answer_as_read_each_time(bundled_registry):
    roles = lexicon().roles
    asked = 0
    led = hit = 0  # answers that were true: the comparison must meet some "yes" of each kind, not only "no"
    for text in _TEXTS * 2:  # each text twice: a second reader of the same words starts with nothing remembered
        reader = _reader(text, bundled_registry)
        assert reader.quantities
        for q in reader.quantities:
            k = reader.starts.index(q.start)
            for role in roles:
                if role.lead is not None:
                    was = _old_led_by(reader, role, q)
                    assert bool(sentencewords.led_by(reader, role, q)) == was, (text, q)
                    led += bool(was)
                if role.clause is not None:
                    j = fromto.from_end(reader, k) if role.doubt else None
                    old = j is not None and bool(reader._hits_for(role, j))
                    assert fromto.from_hits(reader, role, k) == old, (text, q, role.name)
                    asked += 1
                    hit += old
    assert asked
    assert led and hit, (led, hit)
