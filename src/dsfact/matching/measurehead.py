"""A sentence that opens with an article and a noun of which the figure is the measure ("A total of 2,048 H800
GPUs were used", in a list's item also "A cluster of 2,048 H800 GPUs was used") does not open with a subject
of its own: the figure is that subject's measure, as in "2,048 H800 GPUs were used" or "A record $589 billion
was wiped off". dsfact.matching.roles.opens_new_subject reads any other article and noun at a sentence's head
as a new subject ("An index of chip stocks fell 9.2%", "A computer cluster of 2,048 GPUs would have cost $400
million": its cost is the cluster's), whose figures do not take an earlier sentence's subject firmly.

The words of a measure (roles.words [new-subject] `not`: "total of", "sum of") make the figure the subject's
measure anywhere; any other noun ("cluster", "fleet") only in a list's item under a lead line, which tells a
fact of what the text before the list speaks of (dsfact.matching.items). Chinese puts the measure before its
noun ("一个由2048块H800组成的集群"), which opens_new_subject does not read as a new subject already."""
from __future__ import annotations

from dsfact.numbers.patterns import lazy

# an article, one or two words, "of", perhaps a word of the figure's size ("about"), then the figure
_HEAD = lazy(r"[\W_]*(?:a|an)\s+([^\W\d_]+(?:[ -][^\W\d_]+)?)\s+of\s+(?:(?:about|around|roughly|some|nearly|over|just|only)\s+)?$")


def measured_head(text, start: int, q) -> bool:
    """Whether the sentence that begins at `start` opens with an article and a noun of which figure q is the
    measure (see the module's docstring); `text` is a TextMatcher."""
    m = _HEAD.match(text.folded, start, q.start)
    if m is None:
        return False
    from dsfact.lang import word_set

    if m.group(1) + " of" in word_set("roles", "new-subject", "not"):
        return True  # "A total of 2,048 H800 GPUs were used"
    structure = text.structure
    context = structure.context_of(q.start) if structure is not None else ()
    return any(not heading for _, _, heading in context)  # a list's item: "- A cluster of 2,048 H800 GPUs was used"
