"""The agent of a Chinese attributive phrase is not the holder of its figure: in "由软银与OpenAI推动、规模达5000亿
美元的「星际之门」计划" the sum is the plan's, the head noun after 的, not SoftBank's or OpenAI's. The agent may stand
bare before its verb and 的 ("白宫宣布的规模高达5000亿美元的星际之门项目"), and the figure's attribute may be one of two
joined by a comma before the one 的 of the head noun ("白宫宣布的规模高达5000亿美元（约合3.59万亿元人民币），旨在推动美国
AI发展的「星际之门」项目", a gloss in brackets after the figure passed over). The words are language data
(dsfact/lang/roles.words [agent-phrase]). English writes the agent after the noun ("a venture announced by Trump":
names.words [agent]) or as a compound before it ("the Trump-backed $500 billion Stargate project"), which names no
other body."""
from __future__ import annotations

from dsfact.fold import has_han

AGENT_REACH = 30  # characters from 由 to the agent's verb, and from the verb to the figure
HEAD_REACH = 30  # characters from the figure's 的 to the name of the head noun

_WORDS: list = []  # [the words before the agent (由), its verbs (推动), the attributive mark (的)], read once


def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    if not _WORDS:
        from dsfact.lang import load_words

        table = load_words("roles").get("agent-phrase", {})
        _WORDS[:] = [tuple(table.get(k, ())) for k in ("before", "words", "after", "opening")]
        _WORDS.append(tuple(load_words("names").get("referent", {}).get("words", ())))
    return _WORDS[0], _WORDS[1], _WORDS[2]


def _points_back(folded: str, at: int, span: tuple[int, int]) -> bool:
    """Whether the phrase whose agent begins at `at` opens with a pointing word ([agent-phrase] opening: 这项) and
    its head noun in `span` is a noun that points back ([referent] words: 计划): the plan named before."""
    _words()
    pointing, nouns = _WORDS[3], _WORDS[4]
    head = folded[max(0, at - AGENT_REACH):at]
    cut = max(head.rfind(c) for c in _CLAUSE_ENDS)
    if not any(w in head[cut + 1:] for w in pointing):
        return False
    return folded[span[0]:span[1]].lstrip().startswith(nouns)


def agent_of_attribute(text, q, hit) -> bool:
    """Whether name `hit` stands in an agent phrase (由 … 推动) of an attributive phrase that holds figure q and
    ends in 的 before a noun that names a claim's subject: the name is the agent, not the figure's holder."""
    folded = text.folded
    if hit.end > q.start or q.start - hit.end > 2 * AGENT_REACH or not has_han(folded[hit.end:q.start]):
        return False
    lead, verbs, marks = _words()
    head = folded[max(0, hit.start - AGENT_REACH):hit.start]
    if not any(w in head for w in lead) and not _bare(folded, hit.end, verbs, marks):
        return False
    gap = folded[hit.end:q.start]
    if not any(w in gap for w in verbs) or any(c in gap for c in _CLAUSE_ENDS) and not _listed_after_verb(gap, verbs):
        return False
    span = _head_noun(folded, q.end, marks)
    if span is None:
        return False
    from dsfact.matching.cues import SUBJECT

    return any(r[1] == SUBJECT for h in text.hits_in(*span) for r in text.roles_of(h)) or _points_back(folded, hit.start, span)


_CLAUSE_ENDS = "，,。；;"
_BRACKETS = {"(": ")", "（": "）"}
GLOSS_REACH = 40  # characters of a gloss in brackets right after the figure ("（约合3.59万亿元人民币）")


def _bare(folded: str, at: int, verbs: tuple[str, ...], marks: tuple[str, ...]) -> bool:
    """Whether a verb of the agent and the attributive mark follow the name right away, no 由 before it: "白宫宣布的"."""
    rest = folded[at:at + 8].lstrip(" ")
    return any(rest.startswith(v) and rest[len(v):].startswith(marks) for v in verbs)


def _head_noun(folded: str, end: int, marks: tuple[str, ...]) -> tuple[int, int] | None:
    """Where the head noun of the figure's attributive phrase may be named: after the 的 that closes the phrase
    right after the figure (past a gloss in brackets), up to its clause's end; or, when a comma or 、 joins a second
    attribute to the figure's, after the last 的 of that second attribute's clause ("规模高达5000亿美元，旨在推动AI
    发展的「星际之门」项目"). None when no 的 closes the phrase."""
    i = end
    close = _BRACKETS.get(folded[i:i + 1])
    if close:
        j = folded.find(close, i + 1, i + GLOSS_REACH)
        if j < 0:
            return None
        i = j + 1
    tail = folded[i:i + 4]
    at = min((tail.find(w) for w in marks if w in tail), default=-1)
    if at >= 0:
        start = i + at + 1
        stop = _clause_end(folded, start, HEAD_REACH)  # the head noun, in the phrase's own clause
        return start, stop if stop >= 0 else start + HEAD_REACH
    if folded[i:i + 1] not in ("，", ",", "、"):
        return None
    stop = _clause_end(folded, i + 1, 2 * HEAD_REACH)
    if stop < 0:
        return None
    at = max(folded.rfind(w, i + 1, stop) for w in marks)
    return (at + 1, min(stop, at + 1 + HEAD_REACH)) if at > i else None


def _clause_end(folded: str, start: int, reach: int) -> int:
    """Where the first mark of _CLAUSE_ENDS stands within `reach` characters from `start`; -1 when none does."""
    return min((k for k in (folded.find(c, start, start + reach) for c in _CLAUSE_ENDS) if k >= 0), default=-1)

def _listed_after_verb(gap: str, verbs: tuple[str, ...]) -> bool:
    """Whether the only clause mark between the agent and the figure follows the agent's verb (推动、规模达):
    the two attributes of one noun."""
    at = max(gap.rfind(w) + len(w) for w in verbs if w in gap)
    return not any(c in gap[:at] for c in "。；;，,") and not any(c in gap[at:] for c in "。；;")
