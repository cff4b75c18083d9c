"""Rules that choose, once per text, the form of their words' pattern without the Chinese words (a text with no
Chinese character cannot hold one) find what the full form finds on such a text; a Chinese text keeps the full form."""
from __future__ import annotations

from dsfact.fold import fold_text as fold
from dsfact.fold import has_han
from dsfact.matching import bodies, groupsum
from dsfact.matching.cues import has_cjk

_TEXTS = [
    "Microsoft, Amazon, Alphabet and Meta are racing. Collectively, the four companies plan to spend $380 billion.",
    "Between them, the big three will invest $500 billion; all four firms together spend more.",
    "OpenAI, SoftBank and Oracle launched Stargate. The three companies will invest $500 billion over four years.",
]


def test_group_sum_words_plain_form_finds_the_same():
    for text in map(fold, _TEXTS):
        assert not has_han(text)
        plain, full = groupsum._pattern().get(False), groupsum._pattern().get(True)
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in full.finditer(text)]
        assert full.search(text) is not None


def test_frame_closers_are_ruled_out_only_where_none_can_stand():
    bodies.in_comparison_frame("", 0, 0)  # reads the words
    _, closers, pattern, all_chinese = bodies._FRAME
    assert closers and all_chinese == all(has_cjk(w) for w in closers)
    assert pattern.search(fold("与OpenAI的每百万token 60美元相比，其价格为2.19美元")) is not None


def test_share_base_test_first_agrees_with_the_pattern():
    """comparison._share_base rules a name out by the end of the words before it before it searches share_words' plain
    pattern: at every name position of these texts it says what the pattern alone says."""
    from dsfact.matching.comparison import _share_base
    from dsfact.matching.roles import lexicon

    lex = lexicon()
    texts = ["It charges 3.6% of what o1 charges.", "a tenth of what  gpt-4o costs", "half of what\no1 asks",
             "one-third of  what o1 costs", "it is 3% of whatever o1 costs", "1/20 of what\tr1 costs", "of what o1"]
    for text in map(fold, texts):
        for start in range(len(text) + 1):
            full = lex.share_words.get(False).search(text, max(0, start - 40), start) is not None
            assert _share_base(lex, text, 0, start, start, False) == full, (text, start)
    text = fold("It charges 3.6% of what o1 charges.")
    assert _share_base(lex, text, 0, text.index("o1"), text.index("o1") + 2, False)  # (the test holds a match)


def test_zone_words_before_a_date_are_read_as_their_pattern_read_them():
    """when.east_of reads a zone word before a date with str.endswith, as `(?:words)\\s*$` searched in the
    ZONE_BEFORE characters before it read it: each word, then only white space; nothing else after it."""
    import re

    from dsfact.matching import when

    words = when._zone()[0]
    assert words
    pattern = re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\s*$")
    for word in words:
        for text in (word + "1月28日", word + " \n1月28日", word + "x1月28日", "x" * 9 + word[-1:] + "1月28日"):
            start = text.index("1月")
            expected = pattern.search(text, max(0, start - when.ZONE_BEFORE), start) is not None
            if expected:
                assert when.east_of(text, start, start + 5), text
            assert text[max(0, start - when.ZONE_BEFORE):start].rstrip().endswith(words) == expected, text


def test_chief_possessive_forms_find_the_same_matches():
    """chief's possessive pattern, opened by a look-ahead of its first characters: the plain form (a text without
    a Chinese character) finds what the full one finds there, and the full one finds the Chinese words too."""
    import re

    from dsfact.lang import words_by_script
    from dsfact.matching.chief import _tables
    from dsfact.matching.wordtables import spaced

    latin, han = words_by_script("names", "chief")
    bare = re.compile(r"(?<![\w])(?:%s)(?![\w])|%s" % (spaced(latin), spaced(han)))  # the pattern as it was
    plain, full = _tables()[0]
    for text in ("huang said his company lost $589 billion; her  firm, and this company", "其他的公司 他的公司市值",
                 "rhis company his company's his firm2 her firm"):
        spans = [m.span() for m in bare.finditer(text)]
        assert [m.span() for m in full.finditer(text)] == spans
        if not has_han(text):
            assert [m.span() for m in plain.finditer(text)] == spans
        assert spans


def test_stage_patterns_find_what_their_words_alone_find():
    """stages._pattern opens with a look-ahead of its words' first characters and leaves out the Chinese words for a
    text without a Chinese character: at every offset it finds the match the bare alternation finds."""
    import re

    from dsfact.lang import words_of
    from dsfact.matching import stages

    texts = ["Pre-training took 2.6M GPU hours; context length extension 119K; post-training 5K, in total 2.788M.",
             "预训练阶段使用266.4万GPU小时，上下文扩展11.9万，后训练0.5万，总计278.8万GPU小时。",
             "the re-pretraining and all three stages, every stage; fine-tuned on 1.5 trillion tokens"]
    for key in ("stage-total", "stage-cost", "stage-part", "stage-later", "trained-stage", "stage-metric"):
        words = words_of("roles", key, longest_first=True)
        after = "" if key in ("stage-metric", "trained-stage") else "(?![a-z])"
        bare = re.compile("|".join(r"(?<![a-z])%s%s" % (re.escape(w), after) if w.isascii() else re.escape(w)
                                   for w in words) or "(?!)")
        for text in map(fold, texts):
            forms = [stages._pattern(key, True)] + ([stages._pattern(key, False)] if not has_han(text) else [])
            for pos in range(len(text)):
                found = bare.search(text, pos)
                for form in forms:
                    m = form.search(text, pos)
                    assert (m and m.span()) == (found and found.span()), (key, text, pos)


def test_credit_words_test_first_holds_wherever_the_pattern_matches():
    """captions._may_credit lowers a text as re's IGNORECASE reads it: every character IGNORECASE matches to an
    ASCII letter maps to it, so a text the credit pattern matches always passes the test."""
    import re

    from dsfact.matching import captions

    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for char in set(re.findall(letter, everything, re.IGNORECASE)):
            assert char.translate(captions._CASELESS).lower() == letter, hex(ord(char))
    credit = captions._patterns()[0]
    for text in ("Photo: Reuters", "PHOTO BY ſomeone", "Getty Imageſ", "İmage: x", "图片来源：路透", "no credit here"):
        assert captions._may_credit(text) or credit.search(text) is None, text
    assert captions._may_credit("Getty Imageſ") and credit.search("Getty Imageſ") is not None


def test_glued_joint_and_count_end_tests_first_keep_their_answers():
    """glued's joint pattern, opened by a look-ahead of a capital, finds the joints the bare look-behind finds;
    toolmaker._past_count searches its count pattern only where the head ends as such a count can end."""
    import re

    from dsfact.matching import glued, toolmaker

    bare = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
    for text in ("$0.55 input / $2.19 outputDeepSeek R1", "Output priceOpenAI o1 abcDe aB abCd", "priceOpenAIDeep"):
        assert [m.start() for m in glued._JOINT.finditer(text)] == [m.start() for m in bare.finditer(text)]
    heads = ("used just 2,048 ", "仅用2048", "trained on ", "used 10k ", "used 1.5万 ", "", "used ٣٤ ", "a 5,", "with 12 of ",
             "on 2,048\n", "2.", "3千\t", "k", "12 k")
    for head in heads:  # a head the count pattern matches ends, white space stripped, as the test asks
        if toolmaker._COUNT_END.search(head) is not None:
            last = head.rstrip()[-1:]
            assert last.isdecimal() or last in (",", ".", "万", "千", "k"), head
    assert toolmaker._past_count("used just 2,048 ") == "used" and toolmaker._past_count("trained on ") == "trained on "


def test_object_and_gate_word_lists_find_what_their_patterns_found():
    """objects' and gate's word lists are Alternations now: at every offset of these texts each finds the match
    (span and words) its former Pattern("{}", words) found, in either form."""
    from dsfact.lang import load_words, words_of
    from dsfact.matching import gate, objects
    from dsfact.matching.wordtables import Pattern

    lists = [words_of("names", "object-verb", k) for k in ("words", "before", "after")] + [
        words_of("names", "rivalry", "words")]
    tables = load_words("gate")
    lists += [tuple(w) for w in tables.get("events", {}).values()] + [tuple(tables.get("hedges", {}).get("words", ()))]
    finders = [objects._patterns()[k] for k in (0, 2, 3, 4)] + list(gate._word_patterns()[0].values()) + [
        gate._word_patterns()[1]]
    texts = ["R1 undercuts o1 at $2.19; DeepSeek beat OpenAI, reportedly launched V3 and may have released R1.",
             "V3.2将V3和R1合二为一，据报道DeepSeek击败OpenAI，发布了R1。", "outperforms,outperformed undercut-undercuts"]
    for words, finder in zip(lists, finders):
        for chinese in (False, True):
            pattern = Pattern("{}", tuple(words)).get(chinese)
            for text in map(fold, texts):
                for pos in range(len(text)):
                    a, b = pattern.search(text, pos), finder.get(chinese).search(text, pos)
                    assert (a and (a.span(), a.group())) == (b and ((b.start(), b.end()), b.group())), (text, pos)
