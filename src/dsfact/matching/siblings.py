"""Choosing between sibling claims: claims of one group state the same thing on another basis (the close
or the intraday low, one model's variants). A figure states the one whose variant word sits nearest it."""
from __future__ import annotations

import bisect

from dsfact.matching.discounts import discount_ended, period_over
from dsfact.matching.makermodel import model_told, models_told
from dsfact.matching.matcher import SENTENCE_PENALTY, Candidate
from dsfact.matching.text import INF, TextCues, bracketed, qualifies_other
from dsfact.matching.topicturn import topic_turned
from dsfact.matching.whenclause import tells_when
from dsfact.model import Claim, Quantity
from dsfact.numbers.patterns import lazy


def choose(q: Quantity, candidates: list[Candidate], text: TextCues) -> tuple[Claim, list[Claim]]:
    """The claim figure q states (from its candidates, best first) and the siblings it was chosen from
    (itself included). "曾一度蒸发超过6000亿美元，收盘时跌幅为17%": each figure takes the variant word
    nearest to it; without one, the group's claim that names no variant, where it has one (the finding
    then states the variant it agrees with: dsfact.check), else the sibling registered first."""
    best = candidates[0].claim
    siblings = [c.claim for c in candidates if best.group and c.claim.group == best.group] or [best]
    position = text.index.position  # claim id -> index, built once per registry
    near = {c.id: text.variant_distance(q, position[c.id]) for c in siblings if c.variant_cues}
    if best.group:  # "| Input Price (Cache Hit) |" over "| $0.14 |": the header says which variant
        for ci in _header_variants(q, text):
            claim = text.registry.claims[ci]
            if claim in siblings:
                near[claim.id] = min(near.get(claim.id, INF), 1.0)
    chosen = sorted((d, c.line, c) for c in siblings if near.get(c.id, INF) < INF for d in [near[c.id]])
    if chosen:
        return chosen[0][2], siblings
    generic = _generic(best.group, candidates[0], text) if best.group else None
    if generic is not None and generic not in siblings:
        siblings.append(generic)  # "输入0.55美元": no word says which input price; the group's own claim
    return min(siblings, key=lambda c: c.line) if generic is None else generic, siblings


def group_of(claim: Claim, registry) -> list[Claim]:
    """claim and the other claims of its group (its variants: the promotional price beside the standard one), claim
    first: a figure moved to another model's claim is weighed against that claim's variants, as one first bound to it
    is (a value the promotional price's primary record backs is disputed, not contradicted: dsfact.check)."""
    if not claim.group:
        return [claim]
    return [claim, *(c for c in registry.claims if c.group == claim.group and c is not claim)]


def variant_decides(q: Quantity, claim: Claim, text: TextCues) -> bool:
    """Whether a word of claim's variant chose it for figure q: one in the figure's own clause that
    qualifies no other figure ("盘中一度暴跌逾17%"), one in an earlier clause whose topic the figure's
    clause goes on with ("每百万token的查询成本为0.14美元，比OpenAI便宜90%"), or the column header or row
    label of the figure's table cell. A variant word told before the claim's subject is named again
    ("一度让美股重挫，其中英伟达股价重挫近17%": the market's intraday fall, then Nvidia's own) does not tell
    the siblings apart, unless it stands in a clause that tells when the rest happens ("At the close, Nvidia
    had lost", "收盘钟声响起时，英伟达市值蒸发": `_tells_when`); nor does a claim chosen for naming no variant."""
    if not claim.variant_cues:
        return False
    from dsfact.matching.pointpassed import point_passed  # (asked only of a figure that disagrees)

    if point_passed(text, q, claim):  # "一度暴跌17%", short of the day's low: a point passed, not the low
        return False
    ci = text.index.position[claim.id]
    if ci in _header_variants(q, text):
        return True
    sentence = text.sentences[text.sentence_of(q.start)]
    variants_of = text.index.variants_of
    for hit in text.hits_in(sentence.start, sentence.end):
        claims = variants_of(hit.cue)
        if ci not in claims or qualifies_other(text, q, hit, claims) or period_over(text, hit, q.start):
            continue
        a, b = (hit.end, q.start) if hit.end <= q.start else (q.end, hit.start)
        if a >= b or bisect.bisect_left(text._marks, b) == bisect.bisect_left(text._marks, a) \
                or bracketed(text.text, q, hit):  # "1元（缓存未命中）": the bracket after the figure is its own
            return True
        if hit.end <= q.start and (not _names_subject(text, ci, a, b) or _tells_when(text, hit, sentence.start)):
            return True
    return False


def _tells_when(text: TextCues, hit, start: int) -> bool:
    """Whether a word stands in a clause of its own, before the figure's, that tells when the rest of the
    sentence happens: one opened by a word of time.words [time-clause] `before` ("At the close,") or closed
    by one of its `after` ("收盘钟声响起时，")."""
    return tells_when(text, hit.start, hit.end, start)


def _names_subject(text: TextCues, ci: int, start: int, end: int) -> bool:
    """Whether a subject word of claim `ci` stands in the text between start and end."""
    from dsfact.matching.cues import SUBJECT

    return any((ci, SUBJECT) in text.roles_of(hit) for hit in text.hits_in(start, end))


def _header_variants(q: Quantity, text: TextCues) -> frozenset[int]:
    """The claims whose variant word a table cell's column header or row label holds ("Input Price (Cache
    Hit) / 1M Tokens" over "$0.14"): the cell states that variant, as a variant word beside it would."""
    structure = text.structure
    pipes = getattr(text, "_pipes", None)
    if pipes is None:  # looked for once per text, not once per figure
        pipes = text._pipes = "|" in text.text
    if not pipes and (structure is None or not structure.tables):
        return frozenset()
    from dsfact.matching.tables import pipe_cell

    spans = structure.table_of(q.start) if structure is not None else None
    if not spans and pipes:
        spans = pipe_cell(text.text, q.start, text.sentences[text.sentence_of(q.start)].start)
    out: set[int] = set()
    for span in filter(None, spans or ()):
        for hit in text.hits_in(*span):
            out.update(text.index.variants_of(hit.cue))
    return frozenset(out)


def _generic(group: str, candidate: Candidate, text: TextCues) -> Claim | None:
    """The claim of a group that names no variant (R1's price per million tokens beside its cache-hit and
    cache-miss input prices), unless an exclude word near the figure ruled it out."""
    claims = text.registry.claims
    excluded = getattr(candidate.cues, "excluded", ())
    for ci in text.index.groups.get(group, ()):
        if not claims[ci].variant and ci not in excluded:
            return claims[ci]
    return None


# ── which model, which price: a company's name against a model's own (issue 9) ──
# A group's claims may differ by model (V3's training run, C01, and R1's, C70): "DeepSeek" names the
# company that made both, "V3" and "R1" each one model. A model's own words are the subject cues that its
# claim's subject holds and no sibling's subject of another model does (worked out from the registry).

_MODELS: dict = {}  # registry -> {claim id: frozenset of its model's cue keys}
_KINDS: dict = {}  # registry -> {claim id: (its price family, {cue key: claims whose kind word it is})}


def _ascii_key(words: str) -> str:
    return "".join(ch for ch in words.lower() if ch.isascii() and ch.isalnum())


def _keys_by_claim(index) -> dict[tuple[int, str], set[str]]:
    """(claim index, role) -> the cue keys of that role: read from the cue index, so that no word is folded
    again (folding Chinese loads the script converter, which an English text never needs)."""
    out: dict[tuple[int, str], set[str]] = {}
    for key, roles in index.roles.items():
        for ci, role in roles:
            out.setdefault((ci, role), set()).add(key)
    return out


def _model_keys(registry, index) -> dict[str, frozenset[str]]:
    if _MODELS.get("registry") is not registry:
        from dsfact.matching.cues import SUBJECT

        _MODELS.clear()
        by_claim = _keys_by_claim(index)
        keys: dict[str, frozenset[str]] = {}
        groups = _model_families(registry)
        other: dict[str, list[Claim]] = {}  # per claim, the members of its family about another model
        for c in registry.claims:
            own = _ascii_key(c.subject)
            cues = by_claim.get((index.position[c.id], SUBJECT), ())
            # a model's name in its subject ("r1" in "DeepSeek (R1 API)"): a member whose subject holds it too
            # is about the same model, however its subject is worded ("DeepSeek-R1 (deepseek-reasoner API)")
            models = [k for k in cues if k.isascii() and any(ch.isdigit() for ch in k) and k in own]
            other[c.id] = [o for o in groups.get(c.id, ()) if o.subject != c.subject
                           and not any(k in _ascii_key(o.subject) for k in models)]
            others = [_ascii_key(o.subject) for o in other[c.id]]
            if others:
                keys[c.id] = frozenset(k for k in cues if k.isascii() and k and k in own
                                       and not any(k in o for o in others))
        # per claim, the claims of its family about another model that have words of their own
        _MODELS["siblings"] = {c.id: [o for o in other[c.id] if keys.get(o.id)]
                               for c in registry.claims if keys.get(c.id)}
        _MODELS["registry"], _MODELS["keys"] = registry, keys
    return _MODELS["keys"]


def _model_families(registry) -> dict[str, list[Claim]]:
    """Per claim, the claims that state the same quantity of another model, or of its own: its group's, and
    for a price per unit the prices of the same unit, base and metric ("output price per million tokens" of
    R1, C58, and of V3, C61, in no group together), and for a group's price that names no kind every price of
    the same unit and base of a subject that shares a name with its own. Their subjects' own words tell the
    models apart."""
    by_group: dict[str, list[Claim]] = {}
    by_kind: dict[tuple, list[Claim]] = {}
    for c in registry.claims:
        if c.group:
            by_group.setdefault(c.group, []).append(c)
        if c.per is not None:
            by_kind.setdefault((c.unit, c.per, c.metric.strip().lower()), []).append(c)
    out: dict[str, list[Claim]] = {}
    for c in registry.claims:
        kind = by_kind.get((c.unit, c.per, c.metric.strip().lower()), []) if c.per is not None else []
        if c.per is not None and c.group and not c.variant:
            # a group's claim that names no kind (R1's "price per million tokens") is as near every price of
            # the same unit and base that another model of its subject's words has (V3's $0.27 input price)
            cues = set(c.subject_cues)
            kind = kind + [o for o in registry.claims if o.per == c.per and o.unit == c.unit and o is not c
                           and o.subject != c.subject and cues & set(o.subject_cues) and o not in kind]
        family = by_group.get(c.group, []) if c.group else []
        out[c.id] = family + [o for o in kind if o not in family]
    return out


def other_models(q: Quantity, selected: Claim, text: TextCues, subject_distance: float) -> tuple[Claim | None, list[Claim]]:
    """The claims of selected's group about another model that figure q may state instead: (the one whose
    model the figure's words name while they do not name selected's, else None; the others, when the words
    name neither model but only the company, else []). "DeepSeek's training cost $294,000" names no model:
    R1's run (C70) may be meant as well as V3's (C01); "V3 cost $294,000" names V3 and stays V3's claim.
    The words read are the figure's sentence and, when its subject was borrowed (`subject_distance` of a
    subject from elsewhere), the sentences before it back to the one that names the claim's subject, and
    the headings above it. Words that name only the company, in a text that has named another model of it and
    not selected's, are that model's (dsfact.matching.makermodel: "DeepSeek-V3 ... DeepSeek also published what its
    API costs. Input: $0.27 per million tokens" is V3's input price)."""
    keys = _model_keys(text.registry, text.index)
    mine = keys.get(selected.id)
    if not mine:
        return None, []
    siblings = _MODELS["siblings"].get(selected.id)
    if not siblings:
        return None, []
    named = _named_keys(text, q, subject_distance, selected)
    if named & mine:
        return None, []
    if not any(named & keys[c.id] for c in siblings) and (told := models_told(text, q, selected, siblings, keys)):
        return model_told(text, q, selected, [c for c in told if not shunned(q, c, text)]), []  # the text's model
    siblings = [c for c in siblings if not unpublished(text, c)]
    by_name = [c for c in siblings if named & keys[c.id]]
    if by_name:
        return by_name[0], []
    return None, siblings


def borrowed_siblings(q: Quantity, selected: Claim, text: TextCues, subject_distance: float) -> list[Claim]:
    """The claims of selected's group about another model whose value figure q may agree with when its subject
    is borrowed from an earlier sentence and neither its paragraph nor a heading above it names selected's
    model ("The paper said the model used 512 GPUs. This led some to believe the cost was only $294,000" under
    a paragraph on V3): a model named in another paragraph is no word of the figure's, and a value that agrees
    with R1's run is that run's. Only agreement counts: a value that agrees with no sibling stays selected's
    (other_models), and so does one whose paragraph names selected's model (models_around)."""
    if subject_distance < SENTENCE_PENALTY:
        return []
    keys = _model_keys(text.registry, text.index)
    siblings = _MODELS["siblings"].get(selected.id) if keys.get(selected.id) else None
    return [c for c in siblings or () if not models_around(text, q, selected, c)[0] and not unpublished(text, c)]


def unpublished(text: TextCues, claim: Claim) -> bool:
    """Whether every source of a claim was published after the day the text was written (its date, when it
    gives one in full): the text cannot state that figure ("DeepSeek's model cost under $600,000" in a
    January 2025 post is not R1's run, first told in September 2025), so a figure that names no model is
    not that model's."""
    day = getattr(text, "day", None)
    if not day or day.startswith("--") or len(day) < 10:
        return False
    sources = text.registry.sources
    dates = [getattr(sources.get(st.source), "date", None) for st in claim.statements]
    return bool(dates) and all(isinstance(d, str) and len(d) >= 10 and d[:10] > day[:10] for d in dates)


def models_around(text: TextCues, q: Quantity, selected: Claim, other: Claim) -> tuple[bool, bool]:
    """Whether figure q's paragraph (every sentence of it) and the headings above it name the model of
    `selected` and that of `other`, a sibling about another model (issue 9): "DeepSeek released V3 in
    December. The company says the model cost $560,000 to train" names V3 only, so the wrong figure is V3's,
    whatever value it is near."""
    keys = _model_keys(text.registry, text.index)
    mine, theirs = keys.get(selected.id, frozenset()), keys.get(other.id, frozenset())
    si = text.sentence_of(q.start)
    paragraph = text.sentences[si].paragraph
    found: set[str] = set()
    for k in (range(si, -1, -1), range(si + 1, len(text.sentences))):
        for j in k:
            if text.sentences[j].paragraph != paragraph:
                break
            found.update(h.cue for h in text.sentence_hits(j))
    if text.structure is not None:
        for start, end, _ in text.structure.context_of(q.start):
            found.update(h.cue for h in text.hits_in(start, end))
    return bool(found & mine), bool(found & theirs)


def _named_keys(text: TextCues, q: Quantity, subject_distance: float, selected: Claim) -> set[str]:
    si = text.sentence_of(q.start)
    hits = text.sentence_hits(si)
    found = {h.cue for h in hits}
    if subject_distance < SENTENCE_PENALTY:
        # the nearest model wins: one named in the figure's own clause ("V3 cost $5.6 million, while R1's
        # run cost $249,000") is the figure's, whatever other model its sentence names
        models = set().union(*_model_keys(text.registry, text.index).values())
        k = bisect.bisect_right(text._marks, q.start)
        own = {h.cue for h in hits if bisect.bisect_right(text._marks, h.start) == k} & models
        return own or found
    position = text.index.position[selected.id]
    paragraph = text.sentences[si].paragraph
    for back in range(si - 1, max(si - 5, -1), -1):
        if paragraph - text.sentences[back].paragraph > 2:
            break
        hits = text.sentence_hits(back)
        found.update(h.cue for h in hits)
        if any(position in text.index.naming(h.cue)[1] for h in hits):
            break
    if text.structure is not None:
        for start, end, _ in text.structure.context_of(q.start):
            found.update(h.cue for h in text.hits_in(start, end))
    return found


def _price_kinds(registry, index) -> dict:
    """Per claim of a price per unit: the claims of its price family (the same subject, or the same group,
    with the same unit and base: o1's cached-input, input and output prices) and the words of each one's
    kind (its variant words, and its metric words that another member excludes: "output")."""
    if _KINDS.get("registry") is not registry:
        from dsfact.matching.cues import EXCLUDE, METRIC, VARIANT

        _KINDS.clear()
        by_claim = _keys_by_claim(index)
        priced = [c for c in registry.claims if c.per is not None]
        parent = {c.id: c.id for c in priced}

        def root(x: str) -> str:
            while parent[x] != x:
                x = parent[x]
            return x

        for a in priced:
            for b in priced:
                if a is not b and a.unit == b.unit and a.per == b.per \
                        and (a.subject == b.subject or (a.group and a.group == b.group)):
                    parent[root(a.id)] = root(b.id)
        families: dict[str, list[Claim]] = {}
        for c in priced:
            families.setdefault(root(c.id), []).append(c)
        out = {}
        for members in families.values():
            if len(members) < 2:
                continue
            words: dict[str, set[str]] = {}
            for c in members:
                # a metric word is a kind's when another member of the family excludes it ("output" for
                # an input price): the generic words (price, 每百万) are every member's
                ci = index.position[c.id]
                shunned = set().union(*(by_claim.get((index.position[o.id], EXCLUDE), set())
                                        for o in members if o is not c))
                own = by_claim.get((ci, VARIANT), set()) | (by_claim.get((ci, METRIC), set()) & shunned)
                for k in own:
                    words.setdefault(k, set()).add(c.id)
                # so is a variant's metric word that its group's claim naming no variant lacks: "input" names
                # R1's cache-hit and cache-miss input prices, and the generic price, which does not exclude it
                # ("$5.50 per million input tokens and $2.19 per million output tokens": $5.50 is no output price)
                for g in members:
                    if c.variant and g.group == c.group and not g.variant:
                        for k in by_claim.get((ci, METRIC), set()) - by_claim.get((index.position[g.id], METRIC), set()):
                            words.setdefault(k, set()).update((c.id, g.id))
            for c in members:
                out[c.id] = (members, {k: frozenset(v) for k, v in words.items()})
        _KINDS["registry"], _KINDS["kinds"] = registry, out
    return _KINDS["kinds"]


_RATE_BEFORE = lazy(r"每[^0-9０-９,，;；。:：!?！？\n]{1,24}$")


def _rate_before(folded: str, q: Quantity) -> int:
    """Where a figure's own words begin: at a rate written before it (每百萬輸入tokens 15美元), else at it."""
    m = _RATE_BEFORE.search(folded, max(0, q.start - 25), q.start)
    return m.start() if m else q.start


def price_kind(q: Quantity, selected: Claim, text: TextCues) -> tuple[list[Claim], frozenset[str]]:
    """For a price per unit bound to `selected`: the other claims of its price family, and the ids of those
    whose kind word ("output", "输入", "cache hit") stands nearest the figure in its sentence (empty when
    no kind word does: the kind is not determined). ([], empty) for a claim with no such family."""
    found = _price_kinds(text.registry, text.index).get(selected.id)
    if found is None:
        return [], frozenset()
    members, words = found
    best, kinds = INF, frozenset()
    hits = text.sentence_hits(text.sentence_of(q.start))
    own = _rate_before(text.folded, q) if q.per is not None else q.start
    inside = frozenset().union(*(words.get(h.cue, ()) for h in hits if own <= h.start and h.end <= q.end))
    if inside:  # the figure's own words say its kind ("1 yuan per million input tokens"), whatever the sentence says
        return ([], frozenset()) if selected.id in inside else ([c for c in members if c is not selected], inside)
    from dsfact.matching.headerkind import header_kinds  # a table cell's kind: its column's header, its row's label

    if headed := header_kinds(text, q, words):
        return ([], frozenset()) if selected.id in headed else ([c for c in members if c is not selected], headed)
    sentence = text.sentences[text.sentence_of(q.start)]
    others = [(_rate_before(text.folded, x), x.end) for x in text.figures_in(sentence.start, sentence.end)
              if x.per is not None and x is not q]
    for hit in hits:
        ids = words.get(hit.cue)
        if not ids or discount_ended(text, hit, q.start):  # 优惠期结束: no promotional price
            continue
        if hit.start >= q.end and topic_turned(text, q, hit):
            continue  # "R1 $2.19 per million tokens; input is another story": no kind of q's
        if any(a <= hit.start and hit.end <= b for a, b in others):
            continue  # another price's own words: "$2.19 per million output tokens, versus $15 and $60 for o1"
        a, b = (hit.end, q.start) if hit.end <= q.start else (q.end, hit.start)
        apart = bisect.bisect_left(text._marks, b) != bisect.bisect_left(text._marks, a)
        if selected.id in ids:
            if apart and _priced_clause(text, hit, q):
                continue  # "$0.14 ... on a cache hit and $2.19 ..., compared with $7.50 and $60": that clause's
            return [], frozenset()  # the sentence says selected's kind ("cache hit/miss" of a slash pair)
        if apart:
            continue  # a kind word of another clause: "output ... , compared with OpenAI's $60"
        d = text.distance(q, hit)
        if d < best:
            best, kinds = d, ids
        elif d == best:
            kinds = kinds | ids
    if not kinds:  # "$2.19 per million output tokens, versus o1's $80": the kind of the price it is set against
        from dsfact.matching.parallel import parallel_kind, run_kind

        kinds = run_kind(q, text, hits, words, _rate_before) or parallel_kind(q, text, hits, words, _rate_before)
        if selected.id in kinds:
            return [], frozenset()
    return [c for c in members if c is not selected], kinds


def _priced_clause(text: TextCues, hit, q: Quantity) -> bool:
    """Whether the clause of a kind word (not q's) holds a price of q's currency, or heads the next clause's
    figures of it ("输入token更便宜，0.55美元对15美元": dsfact.matching.topicclause): the word is those prices'."""
    from dsfact.matching.topicclause import heads_next_clause

    return any(x.unit == q.unit and (x.per is not None or hit.end <= x.start and x is not q)
               for x in text.figures_in(*text.reader().clause_span(hit.start))) \
        or heads_next_clause(text, q, hit)  # (a bare price after the word: "$2.19 per million tokens, input $0.55")


def shunned(q: Quantity, other: Claim, text: TextCues) -> bool:
    """Whether a word that claim `other` excludes stands among figure q's own words (its rate, written after it
    or before it: "$1.10 per million input tokens", 每百万输入tokens 1.1美元): no output price, whatever model
    it is of."""
    from dsfact.matching.cues import EXCLUDE

    ci = text.index.position[other.id]
    start = _rate_before(text.folded, q) if q.per is not None else q.start
    return any((ci, EXCLUDE) in text.roles_of(hit) for hit in text.hits_in(start, q.end))


def family_agrees(q: Quantity, selected: Claim, text: TextCues) -> bool:
    """Whether a price bound to `selected` agrees with a claim of its price family (the same subject's other
    kinds of price: "$2 per million tokens" is R1's $2.19 output price read round)."""
    from dsfact.quantity import agrees

    found = _price_kinds(text.registry, text.index).get(selected.id)
    return found is not None and any(agrees(q, st, c.per) for c in found[0] if c is not selected
                                     for st in c.statements)


def kind_names_both(q: Quantity, a: Claim, b: Claim, text: TextCues) -> bool:
    """Whether a kind word of figure q's sentence, or of its table cell's column header or row label, names
    both claims of a price family ("input" for V3's cache-hit and cache-miss input prices, "| 輸入 |"): the
    kind is told, but not which of the two it is."""
    found = _price_kinds(text.registry, text.index).get(a.id)
    if found is None:
        return False
    words, pair = found[1], {a.id, b.id}
    hits = list(text.sentence_hits(text.sentence_of(q.start)))
    structure = text.structure
    if structure is not None and structure.tables:
        for span in filter(None, structure.table_of(q.start) or ()):
            hits.extend(text.hits_in(*span))
    return any(pair <= words.get(h.cue, frozenset()) for h in hits)
