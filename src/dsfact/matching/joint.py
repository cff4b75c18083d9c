"""A subject described by its members before (or instead of) its name: "a joint venture of OpenAI, SoftBank
and Oracle", "由OpenAI、软银和甲骨文成立的合资企业". A claim's `cues.members` (docs/registry.md) lists its
subject's partners; two or more of them listed together (joined only by commas, 、, "and", 和: no other name
in the list), in a sentence with a word of a joint undertaking (a venture, a project, investing:
dsfact/lang/names.words [joint]), name the subject as its own name would. Their cue hits become hits of
the subject's first cue word, so every rule that reads a subject reads them."""
from __future__ import annotations

import bisect
import re

from dsfact.fold import fold_text
from dsfact.lang import words_by_script
from dsfact.matching.cues import CueHit, _cue_key, has_cjk
from dsfact.matching.memo import held_for

_GROUPS: dict[int, tuple] = {}  # id(registry) -> (registry, groups): memo.held_for
# Two partners also make other deals together ("a $300 billion partnership between Oracle and OpenAI"): a
# list of two names the subject loosely (a figure may agree, never contradict), and so does one member with
# unnamed others ("OpenAI and others"); three or more, firmly.
FIRM_MEMBERS = 3
_BACK = 200  # cue hits looked back through for the name a borrowed subject came from
_WORDS: tuple | None = None
_SEPARATORS = str.maketrans("", "", " \t\n,，、&()（）")
_BRACKETS = frozenset("(（")
_ASIDE = re.compile(r"[(（][^()（）]{1,120}[)）]")  # a bracketed aside after a member: it says more of that member
# a member's name in a bracket that glosses its Chinese name, right after a joiner: "软银集团、美国开放人工智能研究中心
# (OpenAI)和甲骨文" (folded: the Chinese name, with its country, stands for the member)
_GLOSSED = re.compile(r"(、|,|和|与|及|以及|同|跟)[^、,()\d]{1,20}\($")


def _gap(folded: str, a: int, b: int) -> str:
    """The words between two names of a list, less separators, brackets, a bracketed aside closed between
    them ("SoftBank (40% owner, chaired by Masayoshi Son), Oracle"), a company's suffix after the first
    name ("软银集团和OpenAI", "SoftBank Group and OpenAI"), the country of the second told before it
    ("软银、OpenAI和美国甲骨文公司", "OpenAI and Japan's SoftBank") and the Chinese name the second glosses in
    brackets (_GLOSSED: "软银、美国开放人工智能研究中心(OpenAI)"): a joiner then still joins them."""
    words = _joint_words()
    if folded[a:b] in words[6]:
        return ""  # "the OpenAI-SoftBank venture", "SoftBank/OpenAI": two names written as one
    gap = _ASIDE.sub("", folded[a:b]).lstrip(" ")
    if gap.endswith("(") and (glossed := _GLOSSED.search(gap)):
        gap = gap[:glossed.start() + len(glossed.group(1))]  # "、美国开放人工智能研究中心(OpenAI)": the member glossed
    for suffix in words[3]:
        if gap.startswith(suffix):
            gap = gap[len(suffix):]
            break
    gap = gap.translate(_SEPARATORS)
    if gap not in words[1]:
        for country in words[5]:
            if gap.endswith(country) and gap[:-len(country)] in words[1]:
                return gap[:-len(country)]
    return gap


def _joint_words() -> tuple:
    """The words of a joint undertaking, those that join the names of a list (spaces and commas left out),
    those that give each name its own figure, a company's suffixes, the words for unnamed others and a
    company's country (spaces left out) and the marks that join two names written as one ("OpenAI-SoftBank"), from
    dsfact/lang/names.words [joint], [list-joiners], [list-each], [company-suffix], [list-others], [nationality]
    and [list-joiners] `hyphen`."""
    global _WORDS
    if _WORDS is None:
        from dsfact.lang import load_words

        tables = load_words("names")
        joint = tuple(tables.get("joint", {}).get("words", ()))
        joiners = frozenset(w.translate(_SEPARATORS) for w in tables.get("list-joiners", {}).get("words", ()))
        each = tuple(tables.get("list-each", {}).get("words", ()))
        suffixes = tuple(sorted(tables.get("company-suffix", {}).get("words", ()), key=len, reverse=True))
        others = tuple(tables.get("list-others", {}).get("words", ()))
        countries = tuple(sorted({w.translate(_SEPARATORS) for w in tables.get("nationality", {}).get("words", ())},
                                 key=len, reverse=True))
        marks = frozenset(tables.get("list-joiners", {}).get("hyphen", ()))  # "OpenAI-SoftBank": two names as one
        _WORDS = (joint, joiners | {""}, each, suffixes, others, countries, marks)
    return _WORDS


def _groups(registry) -> tuple:
    """Per set of members: the folded member names, the cue key of the subject they name (its claim's
    first subject cue) and the keys of all its names; once per registry."""
    return held_for(_GROUPS, registry, _build_groups)


def _build_groups(registry) -> tuple:
    folded = registry.folded_cues
    found: dict[tuple[str, ...], str] = {}
    keys: dict[tuple[str, ...], set[str]] = {}  # the cue keys of the subject's own names
    for claim in registry.claims:
        if len(claim.member_cues) >= 2 and claim.subject_cues:
            names = tuple(dict.fromkeys(folded.get(c) or fold_text(c.strip()) for c in claim.member_cues))
            first = claim.subject_cues[0]
            found.setdefault(names, _cue_key(first, folded.get(first))[0])
            keys.setdefault(names, set()).update(_cue_key(c, folded.get(c))[0] for c in claim.subject_cues)
    return tuple((names, subject, frozenset(keys[names])) for names, subject in found.items())


def _occurrences(folded: str, name: str) -> list[tuple[int, int]]:
    """Where a folded name stands in folded text, as a whole word when it is Latin."""
    out, start, latin = [], folded.find(name), not has_cjk(name)
    while start >= 0:
        end = start + len(name)
        if not latin or (not _latin_letter(folded, start - 1) and not _latin_letter(folded, end)):
            out.append((start, end))
        start = folded.find(name, start + 1)
    return out


def _country_of(folded: str, start: int, end: int, starts: set[int]) -> bool:
    """Whether the name at folded[start:end] is a country ([nationality]) told right before a member's name
    that starts at one of `starts`: "日本软银", "Japan's SoftBank" name SoftBank, not Japan beside it."""
    at = end + 2 if folded.startswith("'s", end) else end
    if folded[start:at].translate(_SEPARATORS) not in _joint_words()[5]:
        return False
    while at < len(folded) and folded[at] == " ":
        at += 1
    return at in starts


def _and_others(folded: str, end: int) -> bool:
    """Whether a list's last name is followed by words for unnamed others ("OpenAI and others", "OpenAI等"):
    the list then stands for the members, loosely."""
    after = folded[end:end + 24].lstrip(" ,，、")
    return any(after.startswith(w) and (has_cjk(w) or not _latin_letter(after, len(w)))
               for w in _joint_words()[4])


def _latin_letter(folded: str, at: int) -> bool:
    """Whether folded[at] is a Latin letter or digit (a Chinese character ends an English word)."""
    return 0 <= at < len(folded) and folded[at].isascii() and folded[at].isalnum()


def _says(words: tuple[str, ...], folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] holds one of `words` (English words whole, a plural s allowed)."""
    for word in words:
        at = folded.find(word, start, end)
        while at >= 0:
            after = at + len(word)
            if has_cjk(word) or (not _latin_letter(folded, at - 1)
                                 and (not _latin_letter(folded, after) or folded[after] == "s")):
                return True
            at = folded.find(word, at + 1, end)
    return False


def named_by_members(text, hits: list[CueHit]) -> list[CueHit]:
    """The cue hits of a text, with each list of two or more members of a registered subject, in a sentence
    with a word of a joint undertaking, read as that subject's name (`text`, a TextCues being built: its
    registry, folded text and sentences)."""
    groups = _groups(text.registry)
    if not groups or not hits:
        return hits
    folded, index = text.folded, text.index
    joiners = _joint_words()[1]
    asides = [m.span() for m in _ASIDE.finditer(folded)]
    replaced: list[CueHit] = []
    named = None  # the hits that name someone (most are metric words), found once
    for names, subject, own in groups:
        spots = sorted((a, b, name) for name in names for a, b in _occurrences(folded, name))
        if not spots:
            continue
        if named is None:
            named = [h for h in hits if index.names(h.cue)]
        spans = {(a, b) for a, b, _ in spots}
        # the subject's own name in the list is one of its names: "a joint venture with Stargate, OpenAI, Oracle
        # and SoftBank" names Stargate as its members alone do; any other name ends the list
        starts = {a for a, _, _ in spots}
        others = [(h.start, h.end, h.cue if h.cue in own else None) for h in named if (h.start, h.end) not in spans
                  and not any(a <= h.start < b or h.start <= a < h.end for a, b, _ in spots)
                  and not any(a < h.start and h.end < b for a, b in asides)  # "SoftBank (chairman Son)"
                  and not _country_of(folded, h.start, h.end, starts)]  # "日本软银", "Japan's SoftBank"
        listed = sorted(spots + others)
        run: list[tuple[int, int, str | None]] = []
        for spot in listed + [(len(folded) + 1, len(folded) + 1, None)]:
            if spot[2] is None and run and run[-1][2] is None:
                run = [spot]  # a run that holds a name of no member lists no members (_run_hits), joined or not
                continue
            if run and (spot[0] > len(folded) or _gap(folded, run[-1][1], spot[0]) not in joiners):
                replaced += _run_hits(text, run, subject, own, hits)
                run = []
            if run and _BRACKETS.intersection(between := _ASIDE.sub("", folded[run[-1][1]:spot[0]])) \
                    and spot[2] is not None and not _GLOSSED.search(between):
                spot = (spot[0], spot[1], run[-1][2])  # "甲骨文（Oracle）": the same member, glossed
            run.append(spot)
        replaced += _partnered(text, listed, subject, own, hits, replaced)
    if not replaced:
        return hits
    text.loose_members = frozenset((h.start, h.end) for h, firm in replaced if not firm)
    text.firm_members = frozenset(h.start for h, firm in replaced if firm)
    replaced = [h for h, _ in replaced]
    taken = [(h.start, h.end) for h in replaced]
    kept = [h for h in hits if not any(a < h.end and h.start < b for a, b in taken)]
    return sorted(kept + replaced, key=lambda h: (h.start, -h.end))


def _partnered(text, listed: list[tuple[int, int, str | None]], subject: str, own: frozenset[str],
               hits: list[CueHit], replaced: list) -> list[tuple[CueHit, bool]]:
    """The subject's hits for each member named as the partner of the member before it in its sentence, with no
    other name between (names.words [partnered]: "软银首次坦承，与OpenAI联手推动的……项目", "SoftBank said the project it
    runs together with OpenAI"): a list of two, loose (_run_hits), unless a list already took either name."""
    from dsfact.lang import words_by_script, words_of

    latin, chinese = words_by_script("names", "partnered", "before", longest_first=True)
    after = words_of("names", "partnered", "after", longest_first=True)
    folded, taken = text.folded, {(h.start, h.end) for h, _ in replaced}
    out: list[tuple[CueHit, bool]] = []
    for i in range(1, len(listed)):
        first, second = listed[i - 1], listed[i]
        if first[2] is None or second[2] is None or first[2] == second[2] \
                or (first[0], first[1]) in taken or (second[0], second[1]) in taken:
            continue
        lead = folded[max(first[1], second[0] - 24):second[0]].rstrip()
        if has_cjk(folded[second[0]:second[1]]) or has_cjk(lead[-1:]):
            if not (lead.endswith(chinese) and folded.startswith(after, second[1])):
                continue
        elif not any(lead.endswith(w) and not _latin_letter(lead, len(lead) - len(w) - 1) for w in latin):
            continue
        k = bisect.bisect_right(text._starts, first[0]) - 1
        if k < 0 or not text.sentences[k].start <= second[0] < text.sentences[k].end:
            continue  # (the two in one sentence)
        out += _run_hits(text, [first, second], subject, own, hits)
    return out


def _run_hits(text, run: list[tuple[int, int, str | None]], subject: str, own: frozenset[str],
              hits: list[CueHit]) -> list[tuple[CueHit, bool]]:
    """The subject's hits for a list of names, when it lists two or more members and no one else, in a
    sentence that speaks of a joint undertaking and does not name the subject itself after the list (then
    the members are its backers: "Oracle and SoftBank are putting $450 billion into Stargate"; a name
    before the list is described by it: "Stargate, a venture of OpenAI, SoftBank and Oracle"); each hit
    with whether it names the subject firmly (FIRM_MEMBERS names or more)."""
    if any(name is None for _, _, name in run):
        return []
    count, start, end = len({name for _, _, name in run if name not in own}), run[0][0], run[-1][1]
    if count < 2 and (count < len(run) or not _and_others(text.folded, end)):
        return []  # (the subject's own name in a list of too few members is one of the list's, which it totals)
    k = bisect.bisect_right(text._starts, start) - 1  # the list's sentence (sentences come in order, apart)
    sentence = text.sentences[k] if k >= 0 else None
    if sentence is not None and sentence.start <= start < sentence.end:
        if count < FIRM_MEMBERS and any(end <= h.start < sentence.end and h.cue in own for h in hits):
            return []  # two backers of the subject named after them put in a share of it
        joint, _, each = _joint_words()[:3]
        if _says(joint, text.folded, sentence.start, sentence.end) \
                and not _says(each, text.folded, sentence.start, sentence.end):
            firm = count >= FIRM_MEMBERS
            return [(CueHit(a, b, subject), firm) for a, b, _ in run]
    return []


def loosely_named(text, q, ci: int, names: list) -> bool:
    """Whether the names of claim ci's subject that bind figure q are lists of too few members to name it
    firmly ("Oracle and OpenAI"): those among its sentence's `names` (cue hits with their roles), else,
    for a subject borrowed from a sentence before, the last one named before q. The binding is then
    loose."""
    loose = getattr(text, "loose_members", None)
    if not loose:
        return False
    from dsfact.matching.agents import agent_of_attribute  # "这项由软银、OpenAI推动，耗资…的计划": agents, not holders

    naming = text.index.naming
    own = [hit for hit, _ in names if ci in naming(hit.cue)[1]]
    if own:
        return all((hit.start, hit.end) in loose and not agent_of_attribute(text, q, hit) for hit in own)
    k = bisect.bisect_left(text._hit_starts, q.start) - 1
    for hit in reversed(text.hits[max(0, k - _BACK):k + 1]):
        if ci in naming(hit.cue)[1]:
            return (hit.start, hit.end) in loose
    return False


def jointly(text, q) -> bool:
    """Whether the clause of figure q says, before it, that its backers put it in together ("将共同投资8000亿
    美元，打造名为「星际之门」的项目", "will jointly invest $500 billion in Stargate": names.words [jointly]),
    or its sentence lists enough of them to name the subject firmly before it (FIRM_MEMBERS): the sum is
    the whole plan's, not one backer's share of it (`text`, a TextMatcher)."""
    from dsfact.matching.wordtables import whole_word_in

    latin, chinese = words_by_script("names", "jointly")
    marks = text._marks
    k = bisect.bisect_right(marks, q.start) - 1
    sentence_start = text.sentences[text.sentence_of(q.start)].start
    start = max(marks[k] if k >= 0 else 0, sentence_start)
    folded = text.folded
    firm = getattr(text, "firm_members", ())
    if firm and any(sentence_start <= at < q.start for at in firm):
        return True  # "OpenAI, SoftBank and Oracle will put $500 billion into Stargate": all its backers
    return any(folded.find(w, start, q.start) >= 0 for w in chinese) or whole_word_in(folded, start, q.start, latin)
