"""Roles told once for a whole sentence (dsfact.matching.roles: FigureReader._holds): by a clause of the role's
`sentence` words that opens or closes it ("Of this, ...", "其中，1500亿欧元来自企业", "..., analysts estimate.",
"……，分析師估計。"), or by a `lead` word that opens it ("If DeepSeek had used 10,000 GPUs, ...", "如果深度求索用了
1万块GPU，……", "假如深度求索用了1萬塊GPU，……"): the role holds for every figure of the sentence."""
from __future__ import annotations

from dsfact.matching.memo import LastText
from dsfact.matching.sentences import past_question_mark
from dsfact.matching.wordedges import any_word_in


def opened_by(reader, role, q) -> bool:
    """Whether q's sentence opens with a clause that is one of the role's sentence words ("其中，1500亿欧元来自企业",
    "Of this, ..."), or closes with one ("..., analysts estimate."): it holds for every figure after or before it."""
    start, end = reader.sentence_of(q.start)
    (lo, hi), (last, end) = reader.clause_span(start), reader.clause_span(max(start, end - 1))  # the closing clause
    return (q.start >= hi and reader.folded[lo:hi].strip(" \t#>*-") in role.sentence) or (
        q.end <= last and reader.folded[last:end].strip(" \t.。!！\"”") in role.sentence)


def led_by(reader, role, q) -> bool:
    """Whether q's sentence opens with one of the role's lead words, for the figures of every clause ("If
    DeepSeek had used 10,000 GPUs, the run would have taken two weeks", "Had it bought 16,000 H800s, ...")."""
    start, _end = reader.sentence_of(q.start)
    key = ("led", start, role.name)
    found = reader.asked.get(key)
    if found is None:  # (once per sentence and role: the figures of a sentence share its head)
        lo, hi = reader.clause_span(start)
        while lo < hi and reader.folded[lo] in " \t#>*-":
            lo += 1
        found = reader.asked[key] = role.lead.begins(reader.folded, past_question_mark(reader.folded, lo),
                                                     reader._chinese)  # (past "Q: ")
    return found or role.name == "condition" and in_consequence(reader, q, start)


def in_consequence(reader, q, start: int) -> bool:
    """Whether a clause of q's sentence before q's own (or q's own, before q) opens with a word of a condition
    (roles.words [condition-clause]): that clause and the ones after it are a condition and its consequence
    ("千卡集群训练约需30天，若考虑调试与迭代，总周期可能延长至90天，对应成本约122万美元", "The run took 53 days; if it had
    used 10,000 GPUs, it would have cost about $2 million"), as a sentence a condition opens is (`led_by`). Only
    words that cannot be read otherwise at a clause's head: not "had", "were" ("..., were down 5% at one point").
    A supposition (roles.words [supposition]: "by assuming", 不妨假设) may stand anywhere before q's clause."""
    words, nots = _condition_words()
    folded, pos = reader.folded, start
    if _supposes(folded) and any_word_in(folded, _CONDITION[2], start, reader.clause_span(q.start)[0]):
        return True  # "... by assuming the lab cut the cost tenfold, meaning it spent $50 million"
    while pos < q.start:
        lo, hi = reader.clause_span(pos)
        while lo < hi and folded[lo] in " \t#>*-":
            lo += 1
        if lo < q.start and words.begins(folded, lo, reader._chinese) and not nots.begins(folded, lo, reader._chinese):
            return True
        pos = hi + 1
    return False


_CONDITION: list = []
_SUPPOSED = LastText()  # whether the text holds a word of supposition at all, asked once per text


def _supposes(folded: str) -> bool:
    """Whether a word of supposition stands anywhere in the (folded) text: most texts hold none, and then no
    clause of theirs need be searched for one."""
    memo = _SUPPOSED.of(folded)
    found = memo.get("any")
    if found is None:
        found = memo["any"] = any_word_in(folded, _CONDITION[2])
    return found


def _condition_words():
    if not _CONDITION:
        from dsfact.lang import load_words
        from dsfact.matching.wordtables import Words

        table = load_words("roles").get("condition-clause", {})
        _CONDITION.extend((Words(table.get("words", ())), Words(table.get("not", ())), load_words("roles").get("supposition", {}).get("words", ())))
    return _CONDITION[0], _CONDITION[1]
