"""Cheap first tests added for throughput (the forty-fifth pass): each rules a costlier search out only where that
search can find nothing, so the answers are those of the search alone."""
from __future__ import annotations

from dsfact.fold import fold_text as fold
from dsfact.matching import session

_CLOCK_TEXTS = [
    "As of 11:30 a.m. ET, Nvidia was down 13%. By 2 pm the Nasdaq had lost 3%.",
    "Shares fell at 10:05am and recovered until 3 p.m., then slid again shortly after 3:45 pm.",
    "The index closed at 4 pm; at 9 a.m. futures pointed lower. At 12:30 PM it was flat.",
    "Nvidia fell 17% on Monday, 2,048 GPUs, 5.6 million dollars, 3 amps and 7 pmx.",
    "美东时间27日上午10时42分，英伟达跌12%。北京时间晚上11点，纳指跌3%，下午3点再跌。",
    "截至发稿，英伟达跌超12%，跌幅为3个百分点，2025年1月27日。",
    "No hour here at all.",
]


def _clock_hours_unhinted(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    out = [m.span() for m in session._clock().finditer(folded, start, end)
           if int(m.group(1)) % 12 + (12 if m.group(3) else 0) < session.CLOSE_HOUR]
    if not folded.isascii():
        out += [m.span() for m in session._clock_words().finditer(folded, start, end)
                if (m["amb"] or m["pmb"] or m["zb"] or m["east"]) and any(h < session.CLOSE_HOUR for h in session._hours(m))]
    return out


def test_clock_hours_hint_finds_what_the_clock_patterns_find():
    found = 0
    for text in _CLOCK_TEXTS:
        folded = fold(text)
        for start in range(0, len(folded), 7):
            for end in (len(folded), start + 20, start + 41):
                hinted = session._clock_hours(folded, start, min(end, len(folded)))
                assert hinted == _clock_hours_unhinted(folded, start, min(end, len(folded))), (text, start, end)
                found += len(hinted)
    assert found > 20  # the texts hold clock times the patterns find


class _Candidate:
    def __init__(self, weak: bool) -> None:
        self.asked, self._weak = 0, weak

    @property
    def weak(self) -> bool:
        self.asked += 1
        return self._weak


def test_firmly_said_keeps_the_order_and_figures_that_keep_asked_in_turn():
    from dsfact.matching.again import firmly_said

    weak, firm = _Candidate(True), _Candidate(False)
    notes = [("A", 1, weak), ("B", 2, firm), ("A", 3, None), ("C", 4, _Candidate(True)), ("B", 5, None)]
    found = firmly_said(notes)
    assert list(found.items()) == [("B", [2, 5]), ("A", [3])]  # A's first figure was weak: B came first
    assert weak.asked == 1 and firm.asked == 1
    assert firmly_said([]) == {}


class _Marked(Exception):
    pass


class _Text:
    """A text to unknown_version: it asks the reader only of a text that holds a mark."""

    def __init__(self, folded: str) -> None:
        self.folded = folded

    def reader(self):
        raise _Marked


def test_a_text_holds_a_version_mark_where_the_pattern_finds_one():
    from dsfact.matching import bodies

    for words in ("colossus 2号", "第三代芯片", "预期", "atlas ii", "atlas\tiv", "atlas\u3000ii", "give it to live",
                  "iiiv", "no mark here", "x\nii", ""):
        try:
            marked = bodies.unknown_version(_Text(words), None, 0, [])
        except _Marked:
            marked = True
        assert marked == (bodies._VERSION_MARK.search(words) is not None), words


_BOUNDARY_TEXTS = [
    "Nvidia fell 17%. It lost $589 billion! Why? Because of DeepSeek.\nNext line",
    "the dominance of U.S. rivals.On Monday, Nvidia lost 17%. NVDA.O fell; Amazon.com rose.",
    "top-tier AI models [12][13] Group 2: Meta. Cited [1] - Meta预计. He said.\" Then [3] More.",
    "英伟达周一大跌17%。市值蒸发5890亿美元！为什么？因为DeepSeek。」 下一句",
    "A claim (see note).) Then. \"Quoted.\" [4][5] ... e.g. this. v3.1 costs $5.6M.[2] Done.",
]


def test_sentence_boundary_led_by_a_class_finds_the_look_ahead_form_s_matches():
    import re

    from dsfact.matching.sentences import _CITATIONS, _rules

    r = _rules()
    ends = "[" + re.escape(r.ends + "\n") + "]"
    closes = "[" + re.escape(r.closes) + "]*" if r.closes else ""
    stops = "[" + re.escape(r.stops) + "]" + closes + _CITATIONS + "(?=[ \t])"
    glued = "[" + re.escape(r.stops) + "](?<=[a-z][a-z].)(?=[A-Z][a-z])"
    cited = r"(?:\[\d{1,3}\])+(?=[ \t]+[A-Z])"
    before = re.compile("(?=[" + re.escape(r.ends + "\n" + r.stops + "[") + "])(?:" + "|".join((ends, stops, glued, cited)) + ")")
    found = 0
    for text in _BOUNDARY_TEXTS:
        for start in range(len(text)):
            spans = [m.span() for m in r.boundary.finditer(text, start)]
            assert spans == [m.span() for m in before.finditer(text, start)], (text, start)
            found += len(spans)
    assert found > 100


def test_glued_joints_led_by_a_capital_start_where_the_zero_width_form_did():
    import re

    from dsfact.matching.glued import _JOINT

    before = re.compile(r"(?=[A-Z])(?<=[a-z]{3})(?=[A-Z][a-z])")
    for text in ("$2.19 outputDeepSeek R1", "Output priceOpenAI o1", "abcDEf", "abcDe fooBarBazQux", "ABCdef",
                 "xyzAb", "priceOpenAI priceOpenAIGPT", "", "aaaA", "aaaAa"):
        for start in range(len(text) + 1):
            assert [m.start() for m in _JOINT.finditer(text, start)] == [m.start() for m in before.finditer(text, start)]


def test_story_names_led_by_their_first_characters_find_the_look_ahead_form_s_matches():
    import re

    from dsfact.matching.undated import _story_pattern
    from dsfact.numbers.patterns import led_by

    names = ("deepseek", "high-flyer", "幻方", "深度求索", "v3", "-x")
    ordered = tuple(sorted(set(names), key=len, reverse=True))
    before = re.compile(led_by(*ordered) + "(?:" + "|".join(re.escape(n) if not n.isascii()
                                                        else rf"(?<![a-z0-9]){re.escape(n)}(?![a-z0-9])" for n in ordered) + ")")
    pattern = _story_pattern(names)
    for text in ("deepseek's v3 and high-flyer; xdeepseek deepseeks 幻方量化 深度求索v3 -x a-x v3.1 (deepseek)",
                 "deepseekdeepseek deepseek-v3 high-flyer2 幻方幻方", ""):
        for start in range(len(text) + 1):
            assert [m.span() for m in pattern.finditer(text, start)] == [m.span() for m in before.finditer(text, start)]
    assert _story_pattern(()) is None


def test_epithet_pattern_led_by_its_first_words_finds_the_bounded_form_s_matches():
    import re

    from dsfact.lang import load_words
    from dsfact.matching import epithets

    table = load_words("nouns").get("epithet", {})

    def alternation(words) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    nouns = table.get("words", ()) + table.get("generic", ())
    before = re.compile(r"\b(?:%s)\s+((?:[a-z][\w'’-]*\s+){0,%d}?)(%s)(?![\w-])"
                        % (alternation(w for w in table.get("before", ()) if w.isascii()), epithets._LATIN_MODIFIERS,
                           alternation(w for w in nouns if w.isascii())))
    latin = epithets._tables()[0]
    for text in ("the chip designer rose; bathe the start-up. this company's own the  ai lab, then the chipmaker",
                 "xthe company, the-company, this chip-maker 's thethe company the the company", "the", ""):
        for start in range(len(text) + 1):
            assert [m.span(0) + m.span(1) + m.span(2) for m in latin.finditer(text, start)] == \
                [m.span(0) + m.span(1) + m.span(2) for m in before.finditer(text, start)]
            matched = latin.match(text, start), before.match(text, start)
            assert [m and m.span() for m in matched] == [matched[1] and matched[1].span()] * 2
    assert latin.search("the chip designer rose") is not None


def test_patterns_led_by_their_class_find_what_their_look_behind_forms_found():
    import re

    from dsfact.matching import capitals, chief, epithets, leads, tables, wordtables
    from dsfact.numbers import triggers

    pairs = [
        (capitals._PROPER_NAME, r"\b[A-Z][A-Za-z]+"), (leads._PROPER_NAME, r"\b[A-Z][A-Za-z]+"),
        (epithets._NAME, r"\b[A-Z][A-Za-z]+"), (tables._MODEL, r"(?<![\w.])[A-Za-z]+-?\d[\w.]*"),
        (wordtables._POSSESSOR, r"(?<![a-z0-9])[a-z][a-z0-9.-]{1,20}(?:['’]s\s+|\s?的\s?)$"),
        (chief._TWO_CAPITALS, r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\b"), (triggers._GLUED_WORD, r"(?<![A-Za-z0-9])[a-z]{2,}$"),
    ]
    texts = ["Sam Altman said OpenAI's GPT-5.4 and o3, Kestrel-9 beat x.GPT4 A1 _Ab éAb 9Zz", "openai's ",
             "rival openai的 abc", "3ab ab Ab aB\nNvidia Corp", "tokens$2.19", "the deepseek-v3's"]
    for pattern, before in pairs:
        old = re.compile(before)
        for text in texts:
            for start in range(len(text) + 1):
                for end in (len(text), max(start, len(text) - 3)):
                    assert [m.span() for m in pattern.finditer(text, start, end)] == \
                        [m.span() for m in old.finditer(text, start, end)], (before, text, start, end)
                    assert [m and m.span() for m in (pattern.match(text, start, end), pattern.search(text, start, end))] == \
                        [m and m.span() for m in (old.match(text, start, end), old.search(text, start, end))]


def test_antecedent_is_each_texts_own_and_asked_again_gives_the_same(bundled_registry):
    from dsfact.matching.matcher import TextMatcher
    from dsfact.matching.referents import _antecedent, antecedent
    from dsfact.model import Quantity

    named = TextMatcher("OpenAI unveiled Stargate with SoftBank. The venture will invest $500 billion.", bundled_registry)
    other = TextMatcher("A rival unveiled a venture in Texas. The venture will invest $500 billion.", bundled_registry)
    found = []
    for text in (named, other, named, other):  # the same sentence and offset in both: each text's own answer
        at = text.text.index("$500")
        q = Quantity(value=500e9, unit="USD", start=at, end=at + 12, text="$500 billion")
        si = text.sentence_of(at)
        assert antecedent(text, si, q) == _antecedent(text, si, q)
        found.append(antecedent(text, si, q))
    assert found == [None, ("other", 0)] * 2  # "a venture in Texas": another venture, introduced


def test_space_and_year_patterns_led_by_their_first_characters_find_the_same():
    import re

    from dsfact.matching import daybefore, text, yearnoun

    pairs = [(text._SPACE_RUN, r"(?<=[^\x00-\x24\x26-\x7f])\s+"),
             (daybefore._YEAR, r"(?<![0-9.,])(?:19|20)[0-9]{2}(?![0-9])"),
             (yearnoun._YEAR, r"(?<![\d.,$£¥])(?<!€)((?:19|20)\d\d)(?![\d年%]|\.\d|,\d)")]
    texts = ["英伟达 周一 大跌 17%  ，a  b 　\u3000 c", "in 2024 and 2025年, 1999 12024 2.2025 $2024 €2019 ¥2020 1,2021 2026%",
             "2024", "2019年 ２０２４ 1920 2019.5 2019,5 x2024", "% 涨 跌\n\n上"]
    for pattern, before in pairs:
        old = re.compile(before)
        for words in texts:
            for start in range(len(words) + 1):
                for end in (len(words), max(start, len(words) - 4)):
                    assert [m.span() + m.span(old.groups) for m in pattern.finditer(words, start, end)] == \
                        [m.span() + m.span(old.groups) for m in old.finditer(words, start, end)], (before, words, start)


def test_read_bytes_reads_a_whole_file_a_grown_one_and_refuses_one_past_the_limit(tmp_path, monkeypatch):
    import pytest

    from dsfact.document import decode
    from dsfact.errors import InputError

    small = tmp_path / "a.md"
    small.write_bytes(b"Nvidia fell 17%.\n")
    assert decode.read_bytes(str(small)) == b"Nvidia fell 17%.\n"
    empty = tmp_path / "e.md"
    empty.write_bytes(b"")
    assert decode.read_bytes(str(empty)) == b""
    real_stat = decode.os.stat  # a file that grew after stat, or whose stat tells no size (/proc)
    monkeypatch.setattr(decode.os, "stat", lambda p: real_stat(p) if p != str(small) else real_stat(empty))
    assert decode.read_bytes(str(small)) == b"Nvidia fell 17%.\n"
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 8)
    with pytest.raises(InputError):
        decode.read_bytes(str(small))
