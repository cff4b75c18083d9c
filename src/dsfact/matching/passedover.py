"""Whether another body comes between a claim's subject and its figure, so that the binding is too weak to
contradict (`passed_over`), and whether a figure is another quantity altogether, ten thousand times its claim's
statements or as small (`other_scale`). Split from dsfact.matching.doubt, which asks these for every binding."""
from __future__ import annotations

import bisect
from functools import lru_cache

from dsfact.fold import has_han
from dsfact.lang import word_set
from dsfact.matching.columns import OTHER, OWN, column_of
from dsfact.matching.comparednoun import of_compared_noun
from dsfact.matching.comparison import is_comparison, likened
from dsfact.matching.cues import METRIC, SUBJECT, VARIANT
from dsfact.matching.fractionbase import unnamed_base
from dsfact.matching.fromto import in_from_part
from dsfact.matching.matcher import SENTENCE_PENALTY
from dsfact.matching.measurehead import measured_head
from dsfact.matching.namedaside import in_named_aside
from dsfact.matching.opening import opens_with_name
from dsfact.matching.pointers import possessor
from dsfact.matching.respective import in_respective_list
from dsfact.matching.roles import TIME_UNITS, lexicon, opens_new_subject
from dsfact.matching.timeframe import in_time_clause
from dsfact.matching.timemark import agent_of_time
from dsfact.matching.toolmaker import named_as_tool_maker
from dsfact.matching.wordedges import any_word_in
from dsfact.matching.wordtables import word_starting
from dsfact.model import Claim, Quantity

OTHER_SCALE = 10_000  # a figure this many times a claim's every statement (or as small) is another quantity


def passed_over(text, q: Quantity, candidate) -> bool:
    """Whether another name comes between a candidate claim's subject and figure q (`text`: the
    TextMatcher that found the candidate, with the cue words of q's sentence): the subject is named in an earlier clause of q's sentence and another claim's
    subject follows it before q ("由于DeepSeek的低成本模型……辉达收盘重挫近17%": DeepSeek is not the subject of
    17%), or it is borrowed from an earlier sentence while q's own sentence names another body after q
    ("Despite Monday's 17% drop, analysts think Nvidia ..." after a sentence about the S&P 500). Names used
    as a comparison ("vs. Llama 3's") do not count, but a bracket opened right after one holds that name's
    figure ("than Llama 3 405B (30.8 million GPU hours)": dsfact.matching.namedaside), and a noun of other things
    after one is another body ("rivals models trained on 16,000 GPUs": dsfact.matching.comparednoun). The
    binding is then weak."""
    cues, folded, marks = candidate.cues, text.folded, text._marks
    if cues is None:
        return False
    ci = text.index.position[candidate.claim.id]
    column = column_of(text, q, ci)
    if column == OTHER or _part_label(text, q, ci) or other_scale(q, candidate.claim) \
            or unnamed_base(text, q, ci) or in_named_aside(text, q, ci) \
            or of_compared_noun(text, q, ci):
        return True
    if candidate.subject_distance >= SENTENCE_PENALTY:  # borrowed from an earlier sentence
        sentence = text.sentences[text.sentence_of(q.start)]
        if not cues.formed and (opens_new_subject(folded, sentence.start, q.start) and not measured_head(text, sentence.start, q)
                                or opens_with_name(text, q, ci)):  # (not those who formed what the next sentence names)
            return True  # "A computer cluster of 2,048 GPUs would have cost $400M", "GPT-4o ran for 90 days": its own subject
        return any(hit.start >= q.end and ci not in _named(roles) and not likened(folded, hit.start, hit.end)
                   and not _owns_figure(text, hit) and not _turned_from(text, q, hit) and not _put_to_use(text, q, hit)
                   for hit, roles in cues.names)
    end = cues.last_subject.get(ci)
    if end is not None and _place_last(text, cues, end):
        return True  # "南韩政府订购了3万块GPU，南韩最大搜索引擎Naver也将获得6万块": the company's, not the country's
    if end is None or bisect.bisect_left(marks, end) == bisect.bisect_left(marks, q.start) \
            or _named_next(text, cues, q, ci) or column == OWN:
        return False  # named in q's own clause (or not before it; right after it, in its clause; heading its column)
    for hit, roles in cues.names:
        if end <= hit.start and hit.end <= q.start:
            named = _named(roles)
            if named and ci not in named and not is_comparison(folded, hit.start, hit.end) \
                    and not in_respective_list(text, q, hit, ci) and not in_from_part(text, q, hit) \
                    and not _named_as_cause(folded, hit, marks) and not named_as_tool_maker(folded, hit.start, hit.end) \
                    and not pointed_past(text, q, hit, ci, cues) and not _maker_of(text, cues, end, hit) \
                    and not in_time_clause(folded, marks, end, hit, q.start) \
                    and not agent_of_time(folded, hit, q):  # "…分别为8元和16元"; "on DeepSeek fears"; "在DeepSeek发布R1后，"; 在DeepSeek推出…後創下
                return True
    return False


def pointed_past(text, q: Quantity, hit, ci: int, cues) -> bool:
    """Whether a word pointing back (names.words [pronoun]: "its", "their", 其) in figure q's own clause, after a
    name that owns or is governed by a noun of the predicate ("the Nasdaq's biggest drag", "纳指的最大拖累"), takes
    the subject the sentence names first, in its first clause (claim ci's), past that name: "Nvidia was the Nasdaq's
    biggest drag, with its shares tumbling 17%" tells Nvidia's fall. A name that is a clause's subject ("Nvidia said
    Broadcom was hit, with its shares down 17%") takes the pointer itself; so does any name when no pointer stands in
    q's clause."""
    from dsfact.matching.bodies import governed

    folded, marks = text.folded, text._marks
    if not (folded.startswith(("'s", "’s", "的"), hit.end) or folded.endswith(("'s", "’s"), hit.start, hit.end)
            or governed(folded, hit.start)):
        return False
    sentence = text.sentences[text.sentence_of(q.start)]
    first = min((h for h, _ in cues.names), key=lambda h: h.start, default=None)
    if first is None or ci not in _named(dict(cues.names).get(first, ())) \
            or bisect.bisect_left(marks, first.start) != bisect.bisect_left(marks, sentence.start + 1):
        return False  # the claim's subject must be the sentence's first name, in its first clause
    k = bisect.bisect_left(marks, q.start)
    start = max(marks[k - 1] if k and marks[k - 1] >= sentence.start else sentence.start, hit.end)
    head = folded[start:q.start].lstrip(" ,，;；:：—–-")
    if head.startswith(("which", "who", "whose", "that ")):
        return False  # "competes with OpenAI, which cut its bill to ...": the relative clause is the name's
    end = marks[k] if k < len(marks) and marks[k] < sentence.end else sentence.end
    if _named_after(text, q, end, ci):
        return False  # "from a reported $78 million for ChatGPT to ...": a name after the figure owns it
    return _points_back(folded, start, q.start)


def _named_after(text, q: Quantity, end: int, ci: int) -> bool:
    """Whether a name other than claim ci's subject stands after figure q in its clause (up to `end`): a registered
    one, or a capitalised word that names someone ("for ChatGPT")."""
    import re

    from dsfact.matching.others import not_names

    naming = text.index.naming
    if any((found := naming(h.cue)) and (found[0] or found[1]) and ci not in found[1] for h in text.hits_in(q.end, end)):
        return True
    covered = [(h.start, h.end) for h in text.hits_in(q.end, end)]
    nobody = not_names()
    return any(m.group().lower() not in nobody and not any(a <= q.end + m.start() < b for a, b in covered)
               for m in re.finditer(r"\b[A-Z][A-Za-z0-9-]+", text.text[q.end:end]))


_POINTERS: list = []  # names.words [pronoun] `before`, (Latin, Chinese), read once


def _points_back(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] holds a word that points back (names.words [pronoun]: "its", 其), a Latin one whole."""
    if not _POINTERS:
        from dsfact.lang import words_by_script

        _POINTERS.append(words_by_script("names", "pronoun", "before", longest_first=True))
    latin, chinese = _POINTERS[0]
    words = folded[start:end]
    return any(w in words for w in chinese) or any_word_in(words, latin)


def _named_as_cause(folded: str, hit, marks: list) -> bool:
    """Whether the name at `hit` is the cause of its clause's move, not another body ("Nvidia fell 17% on
    DeepSeek fears, wiping out $589 billion"): dsfact.matching.aside.caused_name, within the name's clause."""
    from dsfact.matching.aside import caused_name

    k = bisect.bisect_left(marks, hit.start)
    return caused_name(folded, hit.start, hit.end, marks[k - 1] if k else 0)


def other_scale(q: Quantity, claim: Claim) -> bool:
    """Whether figure q is OTHER_SCALE times every statement of its claim or more, or as small: another
    quantity, not a wrong one ("$0.55/$2.19 per million tokens" read as a $5.6 million training cost, a
    model "priced at $5 million" against a price per million tokens). A writer's slip of million for
    billion is a thousand times and is still reported; so is 萬 for 億 (dsfact.quantity.slipped_scale)."""
    if not isinstance(q.value, (int, float)) or q.value <= 0:
        return False
    values = [st.value for st in claim.statements
              if isinstance(st.value, (int, float)) and st.value > 0 and (st.unit is None or st.unit == q.unit)]
    if not values or any(max(q.value / v, v / q.value) < OTHER_SCALE for v in values):
        return False
    from dsfact.quantity import slipped_scale

    return not any(slipped_scale(q, st) for st in claim.statements if st.unit is None or st.unit == q.unit)


def _part_label(text, q: Quantity, ci: int) -> bool:
    """Whether figure q opens the clause after a label that names a part and not the metric or variant word
    of claim ci or of a claim of its group ("上下文扩展阶段：使用了约11.9万GPU小时" is one stage's GPU hours, not the whole run's; "预训练阶段：" names the
    metric word of the pre-training claim, a claim of ci's group)."""
    marks = text._marks
    k = bisect.bisect_left(marks, q.start)
    if k == 0 or text.folded[marks[k - 1]] not in ":：":
        return False
    colon = marks[k - 1]
    sentence = text.sentences[text.sentence_of(q.start)]
    start = max(marks[k - 2] + 1 if k > 1 else 0, sentence.start)
    if any(c.isdigit() for c in text.folded[colon + 1:q.start]):
        return False  # another figure stands between the label and q
    part = next((r for r in lexicon().roles if r.name == "part"), None)
    if part is None or part.clause is None \
            or part.clause.get(has_han(text.folded[start:colon])).search(text.folded, start, colon) is None:
        return False
    claims = text.registry.claims
    group = claims[ci].group
    return not any(role in (METRIC, VARIANT) and (c == ci or (group and claims[c].group == group))
                   for hit in text.hits_in(start, colon) for c, role in text.roles_of(hit))


def _turned_from(text, q: Quantity, hit) -> bool:
    """Whether figure q's own clause opens with a word pointing back ("它", "its", "the company": names.words
    [pronoun]) while the name after it only qualifies a person (names.words [person-head]) in a later clause that
    a joining word opens (", but", "，但": names.words [new-clause]): "这家中国公司声称，它只花了560万美元……，但
    Anthropic的首席执行官认为……" tells DeepSeek's cost, the pointer carrying the subject of the sentence before,
    and the person is the turned clause's subject. Without the pointer ("Despite Monday's 17% drop, analysts think
    Nvidia ...") the name may be q's; a name heading the turned clause itself ("，而Claude则在更多token上训练") is
    a body set against q's, which may be the figure's."""
    from dsfact.lang import words_of
    from dsfact.matching.bodies import opens_with_pronoun

    folded, marks = text.folded, text._marks
    start = text.reader().clause_span(q.start)[0]
    if not opens_with_pronoun(folded, start, q.start):
        return False
    k = bisect.bisect_left(marks, hit.start)
    if not k or marks[k - 1] < q.end:
        return False  # (the name in q's own clause)
    head = folded[marks[k - 1] + 1:hit.start].lstrip()
    if word_starting(head, words_of("names", "new-clause")) is None:
        return False
    after = folded[hit.end:hit.end + 40].lstrip()
    after = after[2:] if after.startswith(("'s", "’s")) else after[1:] if after.startswith("的") else \
        after if folded[hit.start:hit.end].endswith(("'s", "’s")) else None
    after = after.lstrip() if after is not None else None
    return after is not None and word_starting(after, words_of("names", "person-head")) is not None


def _owns_figure(text, hit) -> bool:
    """Whether a name is the subject of a figure after it in its sentence ("…蒸发7890亿美元，其创办人黄仁勋的
    身家也缩水201亿美元"): it is that figure's, and says nothing of the figures before it."""
    sentence = text.sentences[text.sentence_of(hit.start)]
    k = bisect.bisect_left(text._quantity_starts, hit.end)
    quantities = text._quantities or []
    return any(x.start < sentence.end and x.unit not in TIME_UNITS for x in quantities[k:k + 3])


PUT_TO_REACH = 16  # characters between a word of use and the name it puts the figure to ("，主要用于Llama 4")


def _put_to_use(text, q: Quantity, hit) -> bool:
    """Whether a name after figure q in its sentence is what q is put to, not whose it is: a word of use
    (roles.words [put-to]: mostly for, 用于, 用来) ends right before it, within PUT_TO_REACH characters, after q ("年底前将GPU总量提升至
    130万块，主要用于Llama 4等大模型训练": the chips serve Llama 4's training, they are still the company's)."""
    folded = text.folded
    lo = max(q.end, hit.start - PUT_TO_REACH)
    return _use_words().ends(folded, lo, hit.start, has_han(folded[lo:hit.start]))


@lru_cache(maxsize=1)
def _use_words():
    from dsfact.lang import load_words
    from dsfact.matching.wordtables import Words

    return Words(load_words("roles").get("put-to", {}).get("words", ()), lambda w: (False, w.isascii()))


def _named_next(text, cues, q: Quantity, ci: int) -> bool:
    """Whether the first name after figure q in its own clause names claim ci's subject: the figure's own subject,
    told after it ("cited by the startup (under $6 million to train its V3 model)"), so that a name standing
    between the subject named before and the figure no longer passes it over. Not a name told as a source, a
    time or a rival (_owner_before), nor one owning a noun that names no one ("in the view of DeepSeek-V3's
    critics"; "DeepSeek's V3 model" still names it)."""
    _, clause_end = text.reader().clause_span(q.start)
    after = sorted(((hit.start, hit, roles) for hit, roles in cues.names if q.end <= hit.start < clause_end),
                   key=lambda a: a[0])
    if not after or ci not in _named(after[0][2]) or not _owner_before(text.folded, q.end, after[0][0]):
        return False
    hit = after[0][1]
    return not possessor(text.folded, hit) or any(hit.end < b.start <= hit.end + 6 for _, b, _ in after[1:])


def _owner_before(folded: str, lo: int, start: int) -> bool:
    """Whether the words between a figure's end (`lo`) and the name at `start` leave the name the figure's owner:
    a word of roles.words [own-after] right before it ("its", 其) says so, one of its `not` (by, before, according
    to, 据) says it is a source, a time or a rival; other words leave it the owner."""
    before = folded[lo:start].rstrip()

    def ends(words) -> bool:
        return any(before.endswith(w) and (not w.isascii() or len(before) == len(w) or not before[-len(w) - 1].isalnum())
                   for w in words)
    return ends(word_set("roles", "own-after")) or not ends(word_set("roles", "own-after", "not"))


def _named(roles: tuple) -> set[int]:
    """The claims whose subject a name is (none: another body)."""
    return {c for c, role in roles if role == SUBJECT}


def _place_last(text, cues, end: int) -> bool:
    """Whether the claim's subject named last before the figure (ending at `end`) is the place of a company named
    right after it (dsfact.matching.places.place_of_body): that company, not the subject named earlier, holds
    the figure."""
    from dsfact.matching.places import place_of_body

    return any(hit.end == end and place_of_body(text.folded, hit.start, hit.end) for hit, _ in cues.names)


def _maker_of(text, cues, end: int, hit) -> bool:
    """Whether a name between the subject (named last before the figure, ending at `end`) and the figure is the
    maker whose name the subject's own name begins with: "DeepSeek-R1 is DeepSeek's debut reasoning model, released
    on January 20, 2025", "DeepSeek-R1是DeepSeek的首款推理模型，于1月20日发布". The maker's name describes the model; it
    is no other body that the figure might be about."""
    folded = text.folded
    maker = folded[hit.start:hit.end]
    maker = maker[:-2] if maker.endswith(("'s", "’s")) else maker
    return len(maker) > 1 and any(
        h.end == end and h.start < hit.start and folded.startswith(maker, h.start) and h.end - h.start > len(maker)
        and folded[h.start + len(maker)] in "- " for h, _ in cues.names)
