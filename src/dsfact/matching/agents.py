"""The agent of a Chinese attributive phrase is not the holder of its figure: in "由软银与OpenAI推动、规模达5000亿
美元的「星际之门」计划" the sum is the plan's, the head noun after 的, not SoftBank's or OpenAI's. The words are
language data (dsfact/lang/roles.words [agent-phrase])."""
from __future__ import annotations

from dsfact.fold import has_han

AGENT_REACH = 30  # characters from 由 to the agent's verb, and from the verb to the figure
HEAD_REACH = 30  # characters from the figure's 的 to the name of the head noun

_WORDS: list = []  # [the words before the agent (由), its verbs (推动), the attributive mark (的)], read once


def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    if not _WORDS:
        from dsfact.lang import load_words

        table = load_words("roles").get("agent-phrase", {})
        _WORDS[:] = [tuple(table.get(k, ())) for k in ("before", "words", "after")]
    return _WORDS[0], _WORDS[1], _WORDS[2]


def agent_of_attribute(text, q, hit) -> bool:
    """Whether name `hit` stands in an agent phrase (由 … 推动) of an attributive phrase that holds figure q and
    ends in 的 before a noun that names a claim's subject: the name is the agent, not the figure's holder."""
    folded = text.folded
    if hit.end > q.start or q.start - hit.end > 2 * AGENT_REACH or not has_han(folded[hit.end:q.start]):
        return False
    lead, verbs, marks = _words()
    head = folded[max(0, hit.start - AGENT_REACH):hit.start]
    if not any(w in head for w in lead):
        return False
    gap = folded[hit.end:q.start]
    if not any(w in gap for w in verbs) or any(c in gap for c in "。；;，,") and not _listed_after_verb(gap, verbs):
        return False
    tail = folded[q.end:q.end + 4]
    at = min((tail.find(w) for w in marks if w in tail), default=-1)
    if at < 0:
        return False
    start = q.end + at + 1
    end = min((i for i in (folded.find(c, start, start + HEAD_REACH) for c in "，,。；;") if i >= 0),
              default=start + HEAD_REACH)  # the head noun, in the phrase's own clause
    from dsfact.matching.cues import SUBJECT

    return any(r[1] == SUBJECT for h in text.hits_in(start, end) for r in text.roles_of(h))


def _listed_after_verb(gap: str, verbs: tuple[str, ...]) -> bool:
    """Whether the only clause mark between the agent and the figure follows the agent's verb (推动、规模达):
    the two attributes of one noun."""
    at = max(gap.rfind(w) + len(w) for w in verbs if w in gap)
    return not any(c in gap[:at] for c in "。；;，,") and not any(c in gap[at:] for c in "。；;")
