"""Names that stand beside a figure's subject without being another subject of the figure: the maker of a
product the subject used ("trained on Nvidia's lower-capability H800 chips", "基于2048块英伟达H800 GPU"), a
name after the figure in a clause of cause ("shares fell 17%, following the launch of DeepSeek's model",
dsfact/lang/names.words [cause]), and a name in a bracketed aside closed before the figure ("其V3模型（類似於
Claude等標準聊天機器人模型系列）的訓練成本為560萬美元"). Such a name puts no other body between a subject and its figure
(dsfact.matching.doubt.passed_over reads the names the matcher keeps)."""
from __future__ import annotations

import bisect
import re
from operator import attrgetter

from dsfact.lang import word_set, words_by_script, words_of
from dsfact.matching.byname import byname_of
from dsfact.matching.comparedafter import set_against_after
from dsfact.matching.comparison import is_comparison, likened, listed_with
from dsfact.matching.cues import METRIC
from dsfact.matching.heads import heads_own
from dsfact.matching.pertext import kept
from dsfact.matching.wordtables import word_starting
from dsfact.numbers.patterns import lazy

_START = attrgetter("start")  # a cue hit's start, to bisect a sentence's hits by

MODIFIER_GAP = 3  # a name this close before a metric word qualifies it: "Nvidia GPUs", "Nvidia's H800s"
CHIP_CODE = r"[a-z]{1,3}[0-9]{2,4}"  # a product's code, folded: "a100", "h800", "gb200"
CHIP_CODE_WORD = lazy(r"(?<![a-z0-9])(" + CHIP_CODE + r")(?:s|[a-z])?(?![a-z0-9])")  # a chip's code as a word: h100, gb200, a100s
_CHIP_CODE = lazy(r"\s+" + CHIP_CODE + r"[a-z]?(?![a-z0-9])")  # after a name: "Nvidia A100", "Nvidia H800s"
CAUSE_REACH = 90  # characters: a word of cause this close before a name after the figure puts it aside

# a possessive and one or two lower-case words before the product: "Nvidia's lower-capability H800 chips"
_DESCRIBED = re.compile(r"(?:'s|’s) (?:[a-z]+(?:-[a-z]+)? ){1,2}")

_CAUSE: list = []  # [the compiled words of cause], read once


def modifies(folded: str, end: int, start: int) -> bool:
    """Whether a name ending at `end` stands close enough before a word at `start` to qualify it: "Nvidia GPUs",
    "Nvidia's H800s", and past a product's code, "Nvidia A100 chips"."""
    code = _CHIP_CODE.match(folded, end)
    end = code.end() if code is not None and code.end() <= start else end
    return end <= start <= end + MODIFIER_GAP


def qualifies_product(text, hit, following: list) -> bool:
    """Whether a name stands right before a word for a thing made and counted, which it then qualifies:
    "Nvidia H800 GPUs", "Nvidia's chips", "英伟达芯片"."""
    folded = text.folded
    for other in following:
        gap = folded[hit.end:other.start]
        if len(gap) > MODIFIER_GAP + 2 or gap.strip(" 's’的-"):
            return False
        if text._is_product(other):
            return True
    return False


def names_aside(text, q, hit, hits: list) -> bool:
    """Whether the name at `hit`, in figure q's sentence (`hits`: the sentence's cue hits), only says who
    made a product or what caused the figure's move, rather than naming another subject of q."""
    made = kept(text, "_products")  # whether a name makes a product: once per name of a text
    product = made.get(hit)
    if product is None:
        product = made[hit] = makes_product(text, hit, hits)
    return product or (hit.start >= q.end and _caused_by(text.folded, q.end, hit.start)) \
        or _described_before(text, hit, q.start)


# what closes an aside before a figure: a bracket (in_aside), a dash of _DASHES (_between_dashes), a comma
# (in_appositive), or relaside._CLOSERS (in_aside_before); a name with none of these between it and the figure
# stands in no aside closed before it
_ASIDE_CLOSE = re.compile(r"[)）（,，—–;-]")


def _described_before(text, hit, q_start: int) -> bool:
    """Whether the name at `hit` stands in a bracketed aside, an appositive or a relative aside closed before figure
    q_start (dsfact.matching.relaside), or is the byname of the name before it (dsfact.matching.byname).
    Said once per name and figure of a text (own_only and names_aside both ask it of each name before a
    figure)."""
    if hit.end > q_start:
        return False
    said = kept(text, "_described")
    key = (hit.start, hit.end, q_start)
    found = said.get(key)
    if found is None:
        from dsfact.matching.relaside import in_aside_before

        if _ASIDE_CLOSE.search(text.folded, hit.start, q_start) is None:  # no mark that closes an aside before q
            found = said[key] = byname_of(text, hit)  # (in_aside, in_appositive and in_aside_before need one)
            return found
        found = said[key] = in_aside(text, hit.start, hit.end, q_start) \
            or in_appositive(text, hit.start, hit.end, q_start) or byname_of(text, hit) \
            or in_aside_before(text, hit, q_start)  # "DeepSeek, whose app topped Apple's US chart, said it spent"
    return found


def describes_subject(text, hit, q_start: int) -> bool:
    """Whether a cue hit before figure q_start stands in an appositive closed before the figure that describes
    the name before it ("DeepSeek, a start-up spun out of High-Flyer, says it spent $5.6 million"): an exclude
    word there speaks of the name, not of the figure's metric. Not a bracket, which may gloss the metric
    itself ("训练成本（含预训练与强化学习）约为600万美元"), unless the word there is a name: "DeepSeek-R1 (which beats o1
    on maths) charges $2.19", "R1——一款媲美o1的模型——每百万输出tokens收费2.19美元" speak of o1 in the aside only."""
    return hit.end <= q_start and (in_appositive(text, hit.start, hit.end, q_start)
                                   or any(text.index.naming(hit.cue)) and in_aside(text, hit.start, hit.end, q_start))


def makes_product(text, hit, hits: list) -> bool:
    """Whether the name at `hit` stands right before a product it qualifies ("Nvidia H800 GPUs", 英伟达芯片),
    perhaps with a possessive and a word or two between ("Nvidia's lower-end H800 chips")."""
    k = bisect.bisect_right(hits, hit.start, key=_START)
    if qualifies_product(text, hit, hits[k:k + 2]):
        return True
    folded = text.folded
    start = hit.end - 2 if folded.endswith(("'s", "’s"), hit.start, hit.end) else hit.end
    described = _DESCRIBED.match(folded, start)
    if described:
        after = next((h for h in hits[k:k + 4] if h.start >= described.end()), None)
        return after is not None and after.start == described.end() and text._is_product(after)
    return False


def maker_of(text, hit, hits: list, q_start: int) -> bool:
    """Whether the name at `hit`, before a figure at q_start, only qualifies the metric's noun, a product it makes,
    and so is not the figure's subject: "Nvidia GPUs", "NVIDIA H100 GPUs"; with a possessive ("Meta's shares" are
    Meta's) only after a customer in its clause (customer_of: "Meta keeps buying Nvidia's newest AI GPUs")."""
    folded = text.folded
    if folded.startswith(("'s", "’s", "的"), hit.end) or folded.endswith(("'s", "’s"), hit.start, hit.end):
        return customer_of(text, hit, hits)
    return any(modifies(folded, hit.end, other.start) and other.end <= q_start and text._is_product(other)
               and any(role == METRIC for _, role in text.roles_of(other)) for other in hits)  # of any kind


def customer_of(text, hit, hits: list) -> bool:
    """Whether the possessive maker at `hit` stands before a product it makes (makes_product) after another name in
    its clause, the one that buys or uses it ("Meta keeps buying Nvidia's newest AI GPUs"): the maker only says whose
    chips they are. With no such name before it ("...; Nvidia's H800 GPUs shipped 200,000 units") the maker is the
    subject of its own count."""
    marks = text._marks
    k = bisect.bisect_right(marks, hit.start)
    since = marks[k - 1] if k else -1
    return any(since < h.start and h.end <= hit.start and not text._is_product(h) and any(text.index.naming(h.cue))
               for h in hits) and makes_product(text, hit, hits)


_RELATIVE_REACH = 30  # characters from a maker's name to the product its 的-phrase describes
_ALIAS = lazy(r"\s*[(（][a-z][a-z0-9 .&-]{0,15}[)）]")  # a name's alias in brackets, folded: "英伟达(nvidia)"
_CLAUSE_ENDS = ",，;；:：。!！?？、"


def described_product(text, hit, hits: list, q_start: int) -> bool:
    """Whether the name at `hit` is the maker in a 的-phrase that describes a product named before figure
    q_start, in one clause: "使用英伟达(NVIDIA)为中国市场特供的低配版AI芯片H800 GPU", "輝達專為中國設計的H800晶片".
    The maker of the chips counted is no other subject of the count. Nor is the agent of a making that describes
    the subject (made_by: "OpenAI o1是由OpenAI开发的模型", "o1, developed by OpenAI, ...")."""
    folded = text.folded
    if made_by(folded, hit):
        return True
    start = hit.end
    alias = _ALIAS.match(folded, start)
    if alias is not None:
        start = alias.end()
    k = bisect.bisect_right(hits, hit.start, key=_START)
    for other in hits[k:]:
        if other.start > hit.end + _RELATIVE_REACH or other.end > q_start:
            return False
        if other.start < start:
            continue
        gap = folded[start:other.start]
        if any(c in _CLAUSE_ENDS or c.isdigit() for c in gap):
            return False
        if "的" in gap and text._is_product(other):
            return True
    return False


def made_by(folded: str, hit) -> bool:
    """Whether the name at `hit` is the agent of a making (names.words [made-by]): "由OpenAI开发的", "被輝達打造的"
    (a mark before, a verb and 的 after), "developed by OpenAI" (the verb and "by" before)."""
    latin, chinese = words_by_script("names", "made-by", "before")
    verbs = words_of("names", "made-by", "verbs", longest_first=True)
    before = folded[max(0, hit.start - 24):hit.start].rstrip(" \t")
    if before.endswith(chinese):
        after = folded[hit.end:hit.end + 12].lstrip(" \t")
        return any(after.startswith(v) and after[len(v):].lstrip(" 出了").startswith("的") for v in verbs if not v.isascii())
    words = before.split()
    return len(words) >= 2 and words[-1] in latin and words[-2] in verbs


def _caused_by(folded: str, end: int, start: int) -> bool:
    """Whether a word of cause stands between a figure's end and a name after it, near the name, with no
    sentence's end between ("plunged 17% on Monday, following the launch of DeepSeek's model")."""
    if not _CAUSE:
        words = words_of("names", "cause", "before")
        latin = sorted((w for w in words if w[:1].isascii()), key=len, reverse=True)
        other = sorted((w for w in words if not w[:1].isascii()), key=len, reverse=True)
        parts = [r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in latin) + r")\b"] if latin else []
        parts += [re.escape(w) for w in other]
        _CAUSE.append(re.compile("|".join(parts) or "(?!)"))
    between = folded[max(end, start - CAUSE_REACH):start]
    return "\n" not in between and _CAUSE[0].search(between) is not None


def caused_name(folded: str, start: int, end: int, lo: int) -> bool:
    """Whether the name at folded[start:end] stands in a phrase of cause of the clause that opens at lo: a word
    of cause before it ("amid", "following", 由于) or a word of the stir it caused right after it ("fell 17% on
    DeepSeek fears", "the DeepSeek shock", DeepSeek冲击; names.words [cause] `after`)."""
    if _caused_by(folded, lo, start):
        return True
    after = folded[end:end + 24]
    if after.startswith(("'s", "’s")):
        after = after[2:]
    after = after.lstrip(" ")
    return word_starting(after, words_of("names", "cause", "after", longest_first=True)) is not None


_ASIDE_REACH = 80  # characters from a name back to the bracket that opens its aside, and on to the one closing it
_GLOSS_MARKS = " \t,，、;；:：'’\"“”「」『』·.-/&的"


def in_aside(text, start: int, end: int, q_start: int) -> bool:
    """Whether the name at text[start:end] stands in a bracketed aside closed before figure q_start that
    says more than names ("其V3模型（類似於Claude等標準聊天機器人模型系列）的訓練成本為560萬美元", "V3 (which
    some compare with Claude) cost $5.6 million"): the aside speaks of the name, the figure of what the
    sentence speaks of outside it. A gloss that holds only names ("輝達（NVIDIA）", "the lab (DeepSeek)")
    is no aside: its name is the subject's own."""
    folded = text.folded
    if q_start <= end:
        return False
    lo = max(0, start - _ASIDE_REACH)
    opened = max(folded.rfind("(", lo, start), folded.rfind("（", lo, start))
    if opened < 0 or max(folded.rfind(")", opened, start), folded.rfind("）", opened, start)) >= 0:
        bounds = _between_dashes(text, start, end, q_start)
        if bounds is None:
            return False
        opened, close = bounds
    else:
        hi = min(q_start, end + _ASIDE_REACH)
        closes = [i for i in (folded.find(")", end, hi), folded.find("（", end, hi), folded.find("）", end, hi)) if i >= 0]
        if not closes or folded[min(closes)] == "（":
            return False  # not closed before the figure (or another aside opens inside it)
        close = min(closes)
    words, at = [], opened + 1
    for h in text.hits_in(opened + 1, close):
        if h.start >= at and any(text.index.naming(h.cue)):
            words.append(folded[at:h.start])
            at = h.end
    words.append(folded[at:close])
    rest = "".join(words)
    for w in ("and", "or", "s"):
        rest = rest.replace(f" {w} ", " ")
    return bool(rest.strip(_GLOSS_MARKS))


_DASHES = ("——", "—", " – ", " -- ", " - ")  # an aside's pair of dashes, longest first: "V3 — the base R1 builds on — was"
_ASIDE_BREAKS = ".!?。！？:：;；\n"  # (a label's colon too: "8 元 – R1 模型: – 4 元", a list run into one line)


def _between_dashes(text, start: int, end: int, q_start: int) -> tuple[int, int] | None:
    """(where the opening dash ends less one, where the closing one begins) when the name at text[start:end]
    stands between a pair of like dashes closed before figure q_start, the first right after a word ("DeepSeek V3
    — the base model R1 builds on — was trained for 2.788 million GPU hours"), within one sentence and one line:
    the dashes bracket an aside as a bracket would. None otherwise (a dash that opens a line is a list's mark)."""
    folded, raw = text.folded, text.text
    lo = max(0, start - _ASIDE_REACH)
    for dash in _DASHES:
        opened = folded.rfind(dash, lo, start)
        if opened < 0:
            continue
        head = raw[lo:opened].rstrip(" \t")
        if not head or not head[-1].isalnum() and not "\u3400" <= head[-1] <= "\u9fff" or \
                any(c in _ASIDE_BREAKS for c in raw[opened:start]):
            return None
        close = folded.find(dash, end, min(q_start, end + _ASIDE_REACH))
        if close < 0 or any(c in _ASIDE_BREAKS for c in raw[end:close]):
            return None
        return opened + len(dash) - 1, close
    return None


def own_only(text, hit, far: bool, q_start: int, q=None) -> bool:
    """Whether a name binds only its own figures, not the figure at q_start: a comparison ("than GPT-4o's"),
    when it stands `far` from the figure or after it (a figure is never that of the name it is then set
    against: "29.4万美元远低OpenAI", "$294,000 vs OpenAI") and the figure is not in a relative clause of its own (relative),
    a name in a bracketed aside or an appositive closed before it (in_aside, in_appositive), or, given the
    figure `q`, a subject's name after it that heads a figure of its own ("the Dow rose 0.65% and the Nasdaq
    slid 3.1%": dsfact.matching.heads)."""
    if (far or q and hit.start >= q.end) and (is_comparison(text.folded, hit.start, hit.end)
                                              or _listed_after_comparison(text, hit)):
        return not relative(text, hit.end, q_start)
    if hit.start > q_start and likened(text.folded, hit.start, hit.end):
        return not relative(text, hit.end, q_start)  # "造出可与OpenAI和Meta的模型相媲美的AI": a likeness frame's names
    if q and hit.start >= q.end:
        return heads_own(text, q, hit) or set_against_after(text, q, hit)  # "$60 million compared to $100 million for GPT-4"
    return _described_before(text, hit, q_start) or _officer_of_other(text, hit)


def _officer_of_other(text, hit) -> bool:
    """officer_of_other, said once per name of a text: it reads only the name and the words before it, and own_only
    asks it of each name before each figure of a sentence."""
    said = kept(text, "_officers")
    found = said.get(hit)
    if found is None:
        found = said[hit] = officer_of_other(text, hit)
    return found


_OFFICER_LATIN = lazy(r"(?:^|[\s(\"“])([A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}) +$")  # "Tesla ", "Scale AI "
_OFFICER_HAN = lazy(r"[\u3400-\u9fff]{2,6}$")  # 特斯拉


def officer_of_other(text, hit) -> bool:
    """Whether the name `hit`, a person's, is told right after the title of an officer of another body that no cue
    names ("Tesla CEO Elon Musk suggested ...", "Scale AI chief executive Alexandr Wang", 特斯拉首席执行官马斯克):
    the title says for whom the person speaks, and the body the registry ties the person to (Musk's xAI) is not
    named; the person binds no figure of that body's claims. A title of a named body ("xAI founder Elon Musk",
    "Meta CEO Mark Zuckerberg") leaves the name as it is. The titles are names.words [person-head]."""
    _, own = text.index.naming(hit.cue)
    if not own:
        return False  # a person the registry knows only as another body ("Nvidia CEO Jensen Huang"'s wealth)
    folded, original = text.folded, text.text
    lead = folded[max(0, hit.start - 40):hit.start]
    if not lead.endswith(_titles()):
        return False  # (no title ends the words before the name: one test, not one per title)
    for title in words_of("names", "person-head", longest_first=True):
        latin = title.isascii()
        if not lead.endswith(title + " " if latin else title):
            continue
        at = hit.start - len(title) - (1 if latin else 0)
        body = [h for h in text.hits_in(max(0, at - 40), at) if not folded[h.end:at].strip()]
        if body:  # a body the registry knows: another one ("Tesla"), or the person's own ("xAI founder Elon Musk")
            _, its = text.index.naming(body[-1].cue)
            return not set(own) & set(its)
        m = (_OFFICER_LATIN if latin else _OFFICER_HAN).search(original, max(0, at - 40), at)
        return m is not None
    return False


_TITLES: list[tuple[str, ...]] = []  # [the titles of names.words [person-head] as a lead ends with them], read once


def _titles() -> tuple[str, ...]:
    if not _TITLES:
        _TITLES.append(tuple(t + " " if t.isascii() else t for t in words_of("names", "person-head")))
    return _TITLES[0]


def _listed_after_comparison(text, hit) -> bool:
    """Whether the name `hit` is the next of a list whose first name is set against the subject ("competitive with
    GPT-4o and Claude 3.5 Sonnet", "comparable to o1, Gemini and Claude", "媲美GPT-4o和Claude"): every name of the
    list is, as the first one is (dsfact.matching.comparison.listed_with joins them). Said once per name of a
    text: own_only asks it of a name for each figure of its sentence."""
    said = kept(text, "_listed_after")
    found = said.get(hit)
    if found is None:
        found = said[hit] = _listed_after(text, hit)
    return found


def _listed_after(text, hit) -> bool:
    folded, end = text.folded, hit.start
    for _ in range(4):  # a list of a few names
        # the last name before it the list joins it to, read from the nearest back (listed_with asks no more)
        prev = next((h for h in reversed(text.hits_in(max(0, end - 40), end))
                     if h.end <= end and listed_with(folded, h.end, end)), None)
        if prev is None:
            return False
        if is_comparison(folded, prev.start, prev.end):
            return True
        end = prev.start
    return False


_POSSESSIVE = ("'s", "’s", "'", "’", "的", "之")


def compared_owner(text, hit, q_start: int) -> bool:
    """Whether a name set against another ("below Meta's", "低于OpenAI o1的") owns the figure right after its
    possessive ("$60 million", "60美元"): the figure is that name's, not the subject's it is compared with, so
    the name is the figure's body for every claim, as an unregistered company's would be."""
    if not hit.end <= q_start <= hit.end + 4:
        return False
    folded = text.folded
    gap = folded[hit.end:q_start].strip()
    if not gap and folded[hit.end - 2:hit.end] in ("'s", "’s"):
        gap = "'s"  # the name's cue word took its possessive: "meta's"
    return gap in _POSSESSIVE and is_comparison(folded, hit.start, hit.end)


def relative(text, end: int, q_start: int) -> bool:
    """Whether the figure at q_start stands in a relative clause that opens right after the name ending at
    `end` ("cheaper than GPT-4o, whose training cost $100 million", "than o1, which charges $60"): the
    name is that clause's subject (names.words [relative]), whatever it was compared with."""
    folded = text.folded
    if not end < q_start <= end + 120:
        return False
    head = folded[end:q_start].lstrip(" '’s")
    if not head.startswith(","):
        return False
    words = head[1:].split(None, 1)
    if not words or words[0] not in word_set("names", "relative"):
        return False
    marks = text._marks
    return bisect.bisect_left(marks, q_start) - bisect.bisect_right(marks, end) <= 1  # only the comma between


_APPOSITIVE_REACH = 70  # characters from a name back to the comma that opens its appositive, and on to the one closing it
_CLAUSE_MARKS = frozenset(",，;；:：()（）。!?！？\n")  # (a set: a span holds one unless it is disjoint from it)


_NAME_REST = 3  # capitalised words that may end a name after its cue ("Dow Jones" + "Industrial Average")


# a symbol after the name: "(^DJI)", "(NVDA)", （NVDA-US）, "(NASDAQ: NVDA)", and a feed's tag after it "(NVDA, Financial)"
_TICKER = lazy(r"\s*[(（](?:[a-z]{2,8}[:：]\s*)?[^()（）\s,，]{1,12}(?:[,，]\s*[a-z]{2,12})?[)）]\s*$", re.IGNORECASE)


def _name_rest(between: str) -> bool:
    """Whether the words between a name's cue and a comma are the rest of the name: none, a possessive, or a
    few capitalised words ("the Dow Jones Industrial Average, which ..."), and a bracketed ticker symbol after
    them ("the Dow Jones Industrial Average (^DJI), which ...", "英伟达(NVDA)，这家……")."""
    words = _TICKER.sub("", between).strip(" '’s").split()
    return len(words) <= _NAME_REST and all(w[:1].isupper() for w in words)


def in_appositive(text, start: int, end: int, q_start: int) -> bool:
    """Whether the name at text[start:end] stands in an appositive closed before figure q_start: a phrase
    that a comma opens right after another name, that opens with a word of names.words [appositive] and that
    a comma closes ("Nvidia, the Nasdaq's most valuable stock, lost $589 billion", "英伟达，这家科技板块的龙头，
    市值蒸发5890亿美元"). The phrase describes the name before it; the figure is that name's. A phrase of
    names only ("Nvidia, the S&P 500, and the Nasdaq") is a list, and one followed by "and" is a list's
    member."""
    folded = text.folded
    if q_start <= end:
        return False
    # (within the name's sentence: "lab DeepSeek, which is shaking up AI. DeepSeek unveiled a model, ..." opens no
    # appositive around the second name; a full stop is no clause mark here, being a decimal point too)
    lo = max(0, start - _APPOSITIVE_REACH, text.sentences[text.sentence_of(start)].start)
    opened = max(folded.rfind(",", lo, start), folded.rfind("，", lo, start))
    shut = max(folded.rfind(")", lo, start), folded.rfind("）", lo, start))
    if shut > opened and _TICKER.match(text.text, max(folded.rfind("(", lo, shut), folded.rfind("（", lo, shut)), shut + 1):
        opened = shut  # "輝達（NVDA-US）這家台積電最大客戶，": opened by the name's symbol
    if opened < 0 or not _CLAUSE_MARKS.isdisjoint(folded[opened + 1:start]):
        return False
    hi = min(q_start, end + _APPOSITIVE_REACH)
    closes = [i for i in (folded.find(",", end, hi), folded.find("，", end, hi)) if i >= 0]
    if not closes:
        return False
    close = min(closes)
    if not _CLAUSE_MARKS.isdisjoint(folded[end:close]):
        return False
    head = folded[opened + 1:start].lstrip()
    opener = next((w for w in words_of("names", "appositive", longest_first=True) if head.startswith(w)
                   and (not w.isascii() or head[len(w):len(w) + 1] in (" ", ""))), None)
    if opener is None and not head and (folded.startswith(("'s", "’s"), end) or folded.endswith(("'s", "’s"), start, end)):
        opener = ""  # "Nvidia, TSMC's biggest customer, shed $589 billion": a name's possessive opens it
    if opener is None:
        return False
    after = folded[close + 1:close + 16].lstrip()
    if any(after.startswith(w) and (not w.isascii() or after[len(w):len(w) + 1] == " ")
           for w in words_of("names", "list-joiners")):
        return False  # "Nvidia, the S&P 500, and the Nasdaq": a list
    first = text.sentences[text.sentence_of(start)].start  # (a name of the sentence before owns no appositive here)
    named = [h for h in text.hits_in(max(first, opened - 40), opened + 1) if any(text.index.naming(h.cue))]
    if not any(_name_rest(text.text[h.end:opened + (opened == shut)]) for h in named):
        return False  # no name right before the comma: "On Monday, the tech sector lost $1 trillion"
    rest, at = [], opened + 1 + (len(folded[opened + 1:start]) - len(head)) + len(opener)
    for h in text.hits_in(at, close):
        if h.start >= at and any(text.index.naming(h.cue)):
            rest.append(folded[at:h.start])
            at = h.end
    rest.append(folded[at:close])
    return bool("".join(rest).strip(_GLOSS_MARKS))
