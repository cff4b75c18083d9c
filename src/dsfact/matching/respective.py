"""A list of subjects a sentence pairs with its figures "respectively" (分别): the k-th figure of a run goes with
the k-th name of the list before the run ("纳指下跌3%，标普500及道指分别下跌1.5%和0.7%": 1.5% is the S&P 500's), and a
list serves each of the sentence's clauses: in "V3和R1的输入价格分别为2元和4元，输出分别为8元和16元" the second clause
lists no subjects of its own and pairs 8元 with V3 as fully as the first pairs 2元. A name of that list between V3
and 8元 passes nothing over."""
from __future__ import annotations

import bisect

from dsfact.lang import word_set
from dsfact.matching.text import INF


def in_respective_list(text, q, hit, ci: int) -> bool:
    """Whether name `hit`, before figure q in a sentence that says "respectively", belongs to the list of
    subjects its figures are paired with: q is the sentence's first figure of its unit, or the name stands before
    that first figure, and q's
    clause names no subject of its own nor a word that rules out claim `ci` (q's clause's own kind: "and
    $1.10 and $2.19 per million output tokens" is no input price)."""
    si = text.sentence_of(q.start)
    if not text.says_respectively(si):
        return False
    sentence = text.sentences[si]
    first = next((x for x in text.figures_in(sentence.start, q.start) if x.unit == q.unit), None)
    if first is None:  # q is the first: every name of the list before it is paired in turn ("V3和R1的价格分别为
        return hit.end <= q.start  # 0.5元和1元": R1 is the second's)
    if hit.end > first.start:
        return False
    marks = text._marks
    clause = bisect.bisect_right(marks, q.start)
    lo = marks[clause - 1] if clause > 0 else sentence.start
    if lo < first.end:
        return False
    from dsfact.matching.cues import EXCLUDE, SUBJECT

    hi = marks[clause] if clause < len(marks) else sentence.end
    roles = [(h, r) for h in text.hits_in(lo, hi) for r in text.roles_of(h)]
    return not any(r[1] == SUBJECT and h.end <= q.start or r == (ci, EXCLUDE) for h, r in roles)



def pair_by_name(matcher, q, same, hits, subject_d) -> None:
    """Pair figure q, of a sentence that says "respectively", with its name (subject_d: claim -> distance of its
    subject, set to 0 for q's name's claims and to infinity for the others'). `same`: the sentence's figures of
    q's unit, in order. q's run is the figures of `same` with no name between them; its list is the names between
    the run before it and its first figure. When the list and the run do not match one by one, and the run is the
    sentence's first or names no list of its own, the k-th figure of q's clause goes with the k-th name before the
    sentence's first figure ("Broadcom crashed 17.4%, followed by Microsoft and Google parent Alphabet, which fell
    2.1% and 4.2%, respectively": 2.1% is not paired with a name before 17.4%)."""
    runs: list[list] = [[same[0]]]
    for x in same[1:]:
        if _names_listed(matcher, hits, runs[-1][-1].end, x.start):
            runs.append([x])
        else:
            runs[-1].append(x)
    at = next(i for i, run in enumerate(runs) if any(x.start == q.start for x in run))
    mine = runs[at]
    names = _names_listed(matcher, hits, runs[at - 1][-1].end if at else -1, mine[0].start)
    if len(names) != len(mine) and (at == 0 or not names):  # a run after a list of its own pairs with no earlier one
        marks = matcher._marks
        clause = bisect.bisect_right(marks, q.start)
        mine = [x for x in same if bisect.bisect_right(marks, x.start) == clause]
        names = _names_listed(matcher, hits, -1, same[0].start)
    if len(names) > len(mine) >= 2:  # "the tech sector fell, with the S&P 500 and Nasdaq 100 down 3.2% and 3.6%"
        names = _last_list(matcher, hits, mine[0].start, len(mine)) or names
    if len(names) < 2 or len(mine) != len(names):
        return
    k = next(i for i, x in enumerate(mine) if x.start == q.start)
    others = {ci for j, claims in enumerate(names) if j != k for ci in claims}
    for ci in others.symmetric_difference(names[k]) & subject_d.keys():  # a claim each name is a subject of
        subject_d[ci] = 0.0 if ci not in others else INF                   # keeps its distance


def _last_list(matcher, hits, end: int, size: int) -> list[tuple[int, ...]] | None:
    """The last `size` names before offset `end` when they form one list (only a comma, 、 or a word of names.words
    [list-joiners] between them: "and", 和): the list a run of figures is paired with when the sentence
    names more subjects before it ("The sell-off hit the tech sector, with the S&P 500 and the Nasdaq 100
    down 1.5% and 3.6% respectively", "科技板块走弱，标普500和纳指100分别下跌1.5%和3.6%")."""
    listed = _names_with_hits(matcher, hits, -1, end)
    if len(listed) < size:
        return None
    tail = listed[-size:]
    glue = word_set("names", "list-joiners")
    folded = matcher.folded
    for (_, a), (_, b) in zip(tail, tail[1:]):
        between = folded[a.end:b.start].strip().lstrip(",，、").strip().removesuffix(" the").removeprefix("the ")
        if between not in glue and between not in ("", "the"):
            return None
    return [claims for claims, _ in tail]


def _names_with_hits(matcher, hits, start: int, end: int) -> list[tuple[tuple[int, ...], object]]:
    """_names_listed's names, each with the hit of its first mention."""
    out: list[tuple[tuple[int, ...], object]] = []
    for hit in hits:
        if hit.end > end:
            break
        if hit.start < start:
            continue
        roles = matcher.roles_of(hit)
        claims = tuple(ci for ci, role in roles if role == "subject")
        if not claims and any(role == "entity" for _, role in roles):
            claims = (-1 - hit.start,)
        if claims and all(claims != c for c, _ in out):
            out.append((claims, hit))
    return out


def _names_listed(matcher, hits, start: int, end: int) -> list[tuple[int, ...]]:
    """The names between offsets start and end, in order, each as the claims it is a subject of. A name counts
    in the list even when it is no subject of a claim that fits the figures ("微软和英伟达分别下跌2%和17%": 2% is
    Microsoft's, an unregistered entity that holds a place no claim takes)."""
    return [claims for claims, _ in _names_with_hits(matcher, hits, start, end)]
