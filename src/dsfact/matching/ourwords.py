"""The speaker's own company in a quotation: '"To power this, Meta is building a 2GW+ data center ... we'll end the
year with more than 1.3 million GPUs," he said', after "Meta CEO Mark Zuckerberg said ...". A figure that a
sentence speaking in the first person borrows its subject for binds loosely (dsfact.matching.sections.first_person:
the speaker may be anyone). When the figure stands in a quotation whose speaker the text gives after it as a
pronoun ("he said", "她表示"; names.words [speaker-pronoun]), and the one the text last said was speaking before
the quotation, in the same passage, is named by the claim's subject (its company, or the person the registry
gives as its name: "Zuckerberg said"), the "we" is that subject: the binding is firm. So it is when the quotation's
speaker is named before it in the figure's own sentence ("Von der Leyen told the summit: \"Our goal is to mobilise
€200 billion\"", "范德賴恩在峰會上表示：「我們的目標是籌集2,000億歐元」") and the passage named that person earlier right
after the claim's subject, with only a title between ("European Commission chief Ursula von der Leyen",
"歐盟執委會主席范德賴恩"): the speaker speaks for the subject (named_speaker_is_subject)."""
from __future__ import annotations

from dsfact.matching.wordtables import whole_at

_OPENING = "“「『"
_CLOSING = "”」』"
_STRAIGHT = '"'
_BACK_PARAGRAPHS = 2  # how far back the speaker of a pronoun may have been named
_NAME_GAP = 12  # characters between a speaker's name and the word of saying ("Zuckerberg said", "祖克柏在臉書表示")


def speaker_is_subject(text, q, si: int, ci: int) -> bool:
    """Whether figure q of sentence si stands in a quotation told by a pronoun speaker whom the text named
    last, before the quotation, as claim ci's subject (`text` is a TextMatcher)."""
    folded, sentences = text.folded, text.sentences
    para = sentences[si].paragraph
    k = si
    while k > 0 and sentences[k - 1].paragraph == para:
        k -= 1
    start, end = sentences[k].start, sentences[si].end
    while si + 1 < len(sentences) and sentences[si + 1].paragraph == para:
        si += 1
        end = sentences[si].end
    opened = _opening(folded, start, q.start)
    if opened < 0:
        return False
    closed = _closing(folded, q.end, end)
    if closed < 0 or not _pronoun_speaks(folded, closed + 1, end):
        return False
    return _named_speaker(text, k, opened, ci)


def _opening(folded: str, start: int, at: int) -> int:
    """Where the quotation open at offset `at` opened (after `start`), or -1."""
    curly = max(folded.rfind(c, start, at) for c in _OPENING)
    if curly >= 0 and not any(c in folded[curly + 1:at] for c in _CLOSING):
        return curly
    straight = [i for i in range(start, at) if folded[i] == _STRAIGHT]
    return straight[-1] if len(straight) % 2 == 1 else -1


def _closing(folded: str, at: int, end: int) -> int:
    """Where the quotation open at `at` closes, before `end`, or -1."""
    found = [i for i in (folded.find(c, at, end) for c in _CLOSING + _STRAIGHT) if i >= 0]
    return min(found) if found else -1


def _words(key: str) -> tuple[str, ...]:
    """names.words [speaker-pronoun] ("pronoun") or [speaker] ("speech"), longest first."""
    from dsfact.lang import words_of

    return words_of("names", "speaker-pronoun" if key == "pronoun" else "speaker", longest_first=True)


def _pronoun_speaks(folded: str, at: int, end: int) -> bool:
    """Whether the words right after a quotation say that a pronoun said it: "he said", "said she", "他表示"."""
    tail = folded[at:end].lstrip(" ,，:：")
    for pronoun in _words("pronoun"):
        for speech in _words("speech"):
            for said in ((pronoun + " " + speech, pronoun + speech) if not pronoun.isascii() else (pronoun + " " + speech,
                                                                                                        speech + " " + pronoun)):
                if tail.startswith(said) and (len(tail) == len(said) or not tail[len(said)].isalnum()
                                              or not said.isascii()):
                    return True
    return False


def _named_speaker(text, k: int, opened: int, ci: int) -> bool:
    """Whether the last word of saying before offset `opened` (at most _BACK_PARAGRAPHS back from sentence k's
    paragraph) has, right before or right after it, a name of claim ci's subject."""
    from dsfact.matching.cues import SUBJECT

    folded, sentences = text.folded, text.sentences
    lo = sentences[_passage_start(sentences, k)].start
    said = -1, ""
    for speech in _words("speech"):
        at = _said_at(folded, speech, lo, opened)
        if at > said[0]:
            said = at, speech
    at, speech = said
    if at < 0:
        return False
    near = [h for h in text.hits_in(max(lo, at - _NAME_GAP), min(opened, at + len(speech) + _NAME_GAP))
            if any(text.index.naming(h.cue)) and (h.end <= at or h.start >= at + len(speech))]
    before = [h for h in near if h.end <= at and not any(c in folded[h.end:at] for c in ",，;；.。")]
    inverted = folded[lo:at].rstrip(" ").endswith((",", "，", *_CLOSING, _STRAIGHT))  # '..., said Zuckerberg'
    after = [h for h in near if inverted and h.start >= at + len(speech) and not folded[at + len(speech):h.start].strip(" ")]
    speaker = before[-1] if before else (after[0] if after else None)
    return speaker is not None and (ci, SUBJECT) in text.roles_of(speaker)


_SPEAKER_REACH = 40  # characters after a subject's name read for the speaker it introduces (a title, an alias between)
_MIN_CJK_NAME = 3  # characters of a Chinese speaker's name read: two may be any word
_MIN_LATIN_NAME = 4  # letters of a speaker's surname read in Latin text


def named_speaker_is_subject(text, q, si: int, ci: int) -> bool:
    """Whether figure q of sentence si stands in a quotation that opens after a word of saying whose speaker, named
    at the head of the sentence and by no registered name, the passage introduced earlier right after a name of
    claim ci's subject ("歐盟執委會主席范德賴恩宣布…… 范德賴恩表示：「我們……」"): `text` is a TextMatcher."""
    folded, sentences = text.folded, text.sentences
    sentence = sentences[si]
    opened = _opening(folded, sentence.start, q.start)
    if opened < 0:
        return False
    at = max((_said_at(folded, speech, sentence.start, opened) for speech in _words("speech")), default=-1)
    if at <= sentence.start or any(any(text.index.naming(h.cue)) for h in text.hits_in(sentence.start, at)):
        return False  # no word of saying, or a body names the speaker (the other rules read it)
    names = _speaker_names(text, sentence.start, at)
    if not names:
        return False
    from dsfact.matching.cues import SUBJECT

    for h in text.hits_in(sentences[_passage_start(sentences, si)].start, sentence.start):
        if (ci, SUBJECT) not in text.roles_of(h):
            continue
        end = min(sentences[text.sentence_of(h.start)].end, h.end + _SPEAKER_REACH)
        for name in names:
            found = folded.find(name, h.end, end)
            if found >= 0 and not any(c in ",，;；。、" for c in folded[h.end:found]):
                return True
    return False


def speaks_for(text, q, si: int, ci: int) -> bool:
    """Whether figure q of sentence si, spoken in the first person, is spoken for claim ci's subject: by a speaker
    the sentence or its quotation names as that subject ('"... we ...," he said' of its chief), or one the passage
    introduced beside a name of it (speaker_is_subject, named_speaker_is_subject)."""
    return speaker_is_subject(text, q, si, ci) or named_speaker_is_subject(text, q, si, ci)


def _passage_start(sentences, k: int) -> int:
    """The first sentence at most _BACK_PARAGRAPHS paragraphs before sentence k's."""
    para, first = sentences[k].paragraph, k
    while first > 0 and para - sentences[first - 1].paragraph <= _BACK_PARAGRAPHS:
        first -= 1
    return first


def _said_at(folded: str, speech: str, start: int, end: int) -> int:
    """Where the last whole word of saying `speech` stands in folded[start:end], or -1."""
    at = folded.rfind(speech, start, end)
    while at >= 0 and speech.isascii() and not whole_at(folded, at, at + len(speech)):
        at = folded.rfind(speech, start, at)
    return at


def _speaker_names(text, start: int, at: int) -> list[str]:
    """The ways the head of a sentence (text[start:at], up to its word of saying) may name its speaker, longest first:
    in Chinese its opening characters (a name runs on into "在巴黎", "週二": every length from _MIN_CJK_NAME); in
    Latin text its last word when capitalized as written ("Von der Leyen told": "leyen")."""
    folded = text.folded
    head = folded[start:at].strip(" *#-\t")
    lead = len(folded[start:at]) - len(folded[start:at].lstrip(" *#-\t"))
    if head[:1] and "\u4e00" <= head[0] <= "\u9fff":
        run = 0
        while run < len(head) and "\u4e00" <= head[run] <= "\u9fff":
            run += 1
        return [head[:n] for n in range(min(run, 6), _MIN_CJK_NAME - 1, -1)]
    words = text.text[start + lead:start + lead + len(head)].split()
    last = words[-1].strip(",.:;\"'") if words else ""
    return [last.lower()] if len(last) >= _MIN_LATIN_NAME and last[:1].isupper() and last.isalpha() else []
