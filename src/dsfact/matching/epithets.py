"""Subjects carried by an epithet: a company named by its trade, "The chip giant's shares rose 8.9%" after a
sentence about Nvidia, "这家AI芯片巨头周二收涨8.93%", "the Chinese start-up said it spent $5.6 million".

An epithet is a definite word (the, this, 这家, 该), at most a few words of what the company is (its trade,
its home: "the Silicon Valley chip giant", 这家杭州初创公司) and a noun of a company (giant, start-up,
巨头, 初创公司; dsfact/lang/nouns.words [epithet]). A noun that says nothing of a trade (company, 公司) is
an epithet only with such words before it ("the Chinese firm"); alone it is a pronoun (names.words
[pronoun], dsfact.matching.pronouns). In a sentence that names no one before its figure, an epithet before
the figure stands for the registered subject named last before it, a few sentences back: past a group of
stocks or an index (no epithet of a company names them: "科技股板块", "the Nasdaq"), never past another
company or body, registered for figures of other kinds or not, nor past a name no cue word covers. The
figure takes that subject as a subject borrowed from an earlier sentence (matcher._borrow_subject): it binds
as loosely, and contradicts only with its metric word beside it. Past those few sentences, the subject the
text named last, with no one else between, is the story's: an epithet stands for it too, to agree only."""
from __future__ import annotations

import re

from dsfact.fold import has_han
from dsfact.matching.bodies import governed
from dsfact.matching.comparison import is_comparison
from dsfact.matching.cues import has_cjk
from dsfact.matching.leads import title_at
from dsfact.matching.others import not_names
from dsfact.matching.speakerline import speaker_from
from dsfact.matching.subjectclass import index_name, index_subject
from dsfact.matching.text import INF, LOOKBACK_SENTENCES
from dsfact.numbers.patterns import lazy

_LATIN_MODIFIERS = 3  # words between "the" and the noun: "the Silicon Valley chip giant"
_CJK_MODIFIERS = 8  # characters between 这家 and the noun: 这家AI芯片巨头, 这家杭州人工智能初创公司
_NAME = re.compile(r"[A-Z](?<=\b.)[A-Za-z]+")  # (\b[A-Z][A-Za-z]+, led by its class: see capitals)

_TABLES: tuple | None = None


def _tables() -> tuple:
    """(Latin pattern, Chinese pattern, generic nouns, group words, function words), built on first use
    from nouns.words [epithet]."""
    global _TABLES
    if _TABLES is None:
        from dsfact.lang import load_words

        table = load_words("nouns").get("epithet", {})

        def alternation(words) -> str:
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        def bounded(words) -> str:  # \b(?:words), each word led by its first character (\b read behind it): re skips
            # to those characters in C, where a pattern led by \b is tried at every character of each sentence
            return "|".join(re.escape(w[0]) + r"(?<=\b.)" + re.escape(w[1:]).replace(r"\ ", r"\s+")
                            for w in sorted(words, key=len, reverse=True)) or r"\b"

        before, nouns = table.get("before", ()), table.get("words", ()) + table.get("generic", ())
        latin = re.compile(r"(?:%s)\s+((?:[a-z][\w'’-]*\s+){0,%d}?)(%s)(?![\w-])"
                           % (bounded(w for w in before if w.isascii()), _LATIN_MODIFIERS,
                              alternation(w for w in nouns if w.isascii())))
        chinese = lazy(r"(?:%s)([^\s\d,，.。;；:：、!！?？()（）「」“”]{0,%d}?)(%s)"
                             % (alternation(w for w in before if not w.isascii()), _CJK_MODIFIERS,
                                alternation(w for w in nouns if not w.isascii())))
        _TABLES = (latin, chinese, frozenset(table.get("generic", ())),
                   (tuple(table.get("group", ())), tuple(table.get("index", ()))), frozenset(table.get("not-trade", ())))
    return _TABLES


def epithet_at(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the first epithet of folded[start:end], or None."""
    latin, chinese, generic, _, not_trade = _tables()
    for pattern in (chinese, latin) if has_cjk(folded[start:end]) else (latin,):
        for m in pattern.finditer(folded, start, end):
            modifiers = [w for w in m.group(1).split() if w not in not_trade] if pattern is latin else \
                [m.group(1)] if m.group(1) else []
            if modifiers or " ".join(m.group(2).split()) not in generic:
                return m.span()
    return None


def _turns_away(text, si: int) -> bool:
    """Whether sentence si opens with another body (capitals.opens_with_other) or turns the story to someone else
    (roles.turns_away); both imported when first asked: capitals reads this module."""
    from dsfact.matching.capitals import opens_with_other
    from dsfact.matching.roles import turns_away

    sentence = text.sentences[si]
    return opens_with_other(text, si) or turns_away(text.folded, sentence.start, sentence.end)


def bare_head(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a bare description of a company opening folded[start:end] ("The company, founded in 2023,",
    该公司, 这家公司: a definite word and a generic noun of [epithet], nothing between), or None."""
    latin, chinese, generic, _, _ = _tables()
    at = start
    while at < end and folded[at] in _HEAD_LEAD:
        at += 1
    for pattern in (latin, chinese) if has_han(folded[at:end]) else (latin,):  # (as epithet_at: none compiled)
        m = pattern.match(folded, at, end)
        if m is not None and not m.group(1) and " ".join(m.group(2).split()) in generic:
            return m.span()
    return None


_HEAD_LEAD = " \t\r\n-*•·\"“‘'「『"  # a bullet or an opening quote before a sentence's first word


def in_epithet(text, si: int, end: int, pos: int) -> bool:
    """Whether offset pos stands in the first epithet of sentence si before `end`: its capitals ("the
    Silicon Valley chip giant") name no one else."""
    sentence = text.sentences[si]
    span = epithet_at(text.folded, sentence.start, end)
    return span is not None and span[0] <= pos < span[1]


def epithet_subject(text, si: int, q, missing: list[int], subject_d: dict[int, float], family: frozenset[int],
                    penalty: float, paragraphs: int) -> bool:
    """Give the missing claims the subject an epithet before figure q in its sentence stands for (see the
    module's docstring), at the distance of a subject borrowed from an earlier sentence (`penalty` a
    sentence, at most `paragraphs` paragraph breaks back). Whether the epithet decided the subject: it
    found one, or another company or body it stands for (no subject of an earlier sentence is then
    borrowed: "Arm slipped. The chip designer rose 9%" is Arm's)."""
    sentence = text.sentences[si]
    described = index_subject(text, si, q, missing, subject_d, penalty, paragraphs)  # "The index closed down 3.1%"
    if described is not None:
        return described
    span, bare = epithet_at(text.folded, sentence.start, q.start), False
    if span is None:
        span, bare = bare_head(text.folded, sentence.start, q.start), True
        if span is None:
            return False
    here = sentence.paragraph
    naming, folded, group = text.index.naming, text.folded, _tables()[3]
    spoken = passed = False
    for back in range(si - 1, -1, -1):
        earlier = text.sentences[back]
        breaks = here - earlier.paragraph
        # past the sentences a subject is borrowed from, the story's own subject: what the text named last,
        # however far back, when no one else came between ("DeepSeek has upended the AI race. [...] The
        # start-up says its model cost $5.6 million"); it binds loosely, to agree, never to contradict
        far = breaks > paragraphs or back < si - LOOKBACK_SENTENCES
        if bare and (far or title_at(text, back) is not None or _turns_away(text, back)):
            return False  # "The company" reaches a paragraph or two, never past a heading, "Arm Holdings fell 9%."
            # or "A rival also drew notice."
        speaker = speaker_from(text, earlier.start, earlier.end)  # '..." Trump said.': its speaker stands for nothing,
        spoken = spoken or speaker is not None  # and what is found past it binds loosely
        for hit in reversed(text.hits_in(earlier.start, earlier.end)):
            entity, subjects = naming(hit.cue)
            if not (entity or subjects) or is_comparison(folded, hit.start, hit.end) \
                    or speaker is not None and hit.start >= speaker:
                continue
            if index_name(text, hit):
                passed = True  # "The Nasdaq fell": an index, no company (subjectclass); nor is it borrowed
                continue  # for the epithet's figure when no company is found before it
            if _is_group(folded, hit, group):
                continue  # "科技股板块", "the tech sector": no company an epithet names
            given = [ci for ci in missing if ci in subjects]
            if entity or not given or _names_other(text, hit.end, span[0], strict=bare):
                return not bare  # another company or body came between: the epithet is its, and lends nothing
            for ci in given:
                subject_d[ci] = min(subject_d.get(ci, INF), penalty * (1 + min(breaks, paragraphs + 1)) + q.start - hit.end)
            if far or spoken:
                text._loose.update(given)
            return True
    return passed


def story_reach(text, si: int) -> bool:
    """Whether sentence si holds an epithet, which may stand for the subject the text named last, however
    far back (epithet_subject): a figure there may take the subject of any earlier sentence."""
    sentence = text.sentences[si]
    return epithet_at(text.folded, sentence.start, sentence.end) is not None


def _is_group(folded: str, hit, words: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Whether a name is of a group of stocks or an index: a word of a group ends it, or one of an index
    ends or follows it ("科技股", "the Nasdaq Composite"; not "Nvidia shares": a company's)."""
    ending, index = words
    if folded[hit.start:hit.end].endswith(ending + index):
        return True
    phrase = _PHRASE.match(folded, hit.end, hit.end + 24).group()  # "标普500科技板块", "S&P 500 tech sector"
    if has_cjk(phrase):
        return any(w in phrase[:_CJK_MODIFIERS] for w in index)
    return any(w in index for w in phrase.split()[:_LATIN_MODIFIERS])


_PHRASE = lazy(r"[^,，.。;；:：、!！?？()（）「」“”]*")


def _names_other(text, start: int, end: int, strict: bool = False) -> bool:
    """Whether English text[start:end] holds a capitalised word no cue word covers and no sentence opens
    with (a company the registry does not know: "Arm fell 10%." between Nvidia and "the chip designer");
    `strict`, for a bare "the company", the object of a phrase too ("shares of Advantest")."""
    words = text.text[start:end]
    if not words.strip() or has_cjk(words):
        return False  # a Chinese text's Latin words are names the cue words know, or terms ("指数(MAGS)")
    covered = [(h.start - start, h.end - start) for h in text.hits_in(start, end)]
    nobody = not_names()
    for m in _NAME.finditer(words):
        before = words[:m.start()].rstrip()
        if not before or before[-1] in ".!?:\"“" or m.group().lower() in nobody \
                or not strict and governed(text.folded, start + m.start()):
            continue  # a sentence's first word, a month, "in Paris" (the object of a phrase)
        if not any(a <= m.start() < b for a, b in covered):
            return True
    return False
