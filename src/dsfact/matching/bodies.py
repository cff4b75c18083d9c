"""What a registered name stands for beside a figure: the object of a phrase rather than a sentence's
subject, one model of a family rather than another, the body a ratio compares with. Worked out from the
registry (its subjects' words, its statements' attributions, its metrics' words) once per registry."""
from __future__ import annotations

import bisect
import re

from dsfact.fold import fold_text
from dsfact.matching.comparison import in_frame, is_comparison, likened
from dsfact.matching.cues import METRIC, SUBJECT, _cue_key, has_cjk
from dsfact.matching.family import (
    base_span,
    base_words,
    earmarked_slice,
    for_own_event,
    gap_of_others,
    other_base,
    versioned_other,
)
from dsfact.matching.familypredicate import family_in_predicate
from dsfact.matching.flatrows import cell_label
from dsfact.matching.fractionbase import clause_around, other_fraction_base, same_name
from dsfact.matching.fromto import owned_in_from_part
from dsfact.matching.joint import loosely_named
from dsfact.matching.memo import LastText
from dsfact.matching.others import other_subject
from dsfact.matching.placedgap import placed_gap
from dsfact.matching.ratelist import for_phrase
from dsfact.matching.text import INF, TextCues
from dsfact.matching.topicclause import heads_next_clause
from dsfact.matching.trailing import trails_another
from dsfact.matching.tranche import told_at_once, tranche_word_apart
from dsfact.matching.unitwords import figure_holding
from dsfact.matching.uses import among_uses
from dsfact.matching.whenclause import tells_when
from dsfact.matching.wordtables import word_starting
from dsfact.model import Quantity
from dsfact.numbers.patterns import lazy

_GOVERNED: tuple[frozenset[str], tuple[str, ...]] | None = None
_ARTICLES = ("the ", "a ", "an ")


def governed(folded: str, start: int) -> bool:
    """Whether the name at folded[start:] is the object of a phrase ("in the history of the US stock
    market", "在美股历史上"): a word of dsfact/lang/names.words [governed] stands right before it."""
    global _GOVERNED
    if _GOVERNED is None:
        from dsfact.lang import words_by_script

        latin, chinese = words_by_script("names", "governed", "before")
        _GOVERNED = (frozenset(latin), chinese)
    latin, chinese = _GOVERNED
    before = folded[max(0, start - 16):start]
    if before.endswith(chinese):
        return True
    before = before.rstrip().rsplit(".", 1)[-1] + " "
    for article in _ARTICLES:
        if before.endswith(" " + article):
            before = before[:-len(article)]
            break
    words = before.split()
    return bool(words) and (words[-1] in latin or " ".join(words[-2:]) in latin)


_RATIOS = ("ratio", "factor")
_DIGITS = lazy(r"\d+(?:\.\d+)?")


_PRONOUNS: tuple[tuple[str, ...], tuple[str, ...]] | None = None


def opens_with_pronoun(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] opens with a word that points back to the sentence before ("Its",
    "它的", "其": dsfact/lang/names.words [pronoun])."""
    global _PRONOUNS
    if _PRONOUNS is None:
        from dsfact.lang import words_by_script

        _PRONOUNS = words_by_script("names", "pronoun", "before", longest_first=True)
    latin, chinese = _PRONOUNS
    head = folded[start:min(end, start + 24)].lstrip(" \t\n\"'“‘「")
    if head.startswith(chinese):
        return True
    return head.startswith(latin) and word_starting(head, latin) is not None


def _fold(words: str) -> str:
    """A registry's words folded as a text is, or only lowered when they hold more than ASCII: the converter
    of Traditional characters is loaded only for a text that needs it (cue keys are Simplified, so a
    Traditional model name in a subject may go unseen; its digits still find it)."""
    return fold_text(words) if words.isascii() else words.lower()


def alnum(word: str) -> str:
    return "".join(filter(str.isalnum, word))  # in C: asked a thousand times in building members()


def members(text: TextCues) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Per claim, the cue keys of the models its subject names ("V3" for DeepSeek-V3's training cost: a
    name with a digit that its subject words contain) and of the other members of the family its cues
    also name (the V3 price claims' "R1"). A model its statements attribute the figure to is its own
    (some sources wrote V3's training cost as R1's). A claim whose subject names no model (DeepSeek the
    company) has neither. Once per registry, kept with its cue index (dsfact.matching.cuecache)."""
    if text.index.members is None:
        text.index.members = members_of(text.registry)
    return text.index.members


def members_of(registry) -> list[tuple[frozenset[str], frozenset[str]]]:
    """members() of a registry, worked out."""
    folded, out = registry.folded_cues, []
    company = _company_models(registry, folded)
    for claim in registry.claims:
        # the claim's subject, and the names its statements attribute the figure to ("DeepSeek-R1"
        # for V3's training cost, as some sources wrote it)
        said = [claim.subject] + [st.attributed_to for st in claim.statements if st.attributed_to]
        fields = [alnum(_fold(w)) for w in said]
        keys = {_cue_key(c, folded.get(c))[0] for c in claim.subject_cues}
        models = {k for k in keys if _model_name(k)}
        own = {k for k in models if alnum(k) in fields[0]}
        own |= {k for k in models if own and any(alnum(k) in f for f in fields)}
        numbers = {_DIGITS.findall(k)[0] for k in own}
        own |= {k for k in models if _DIGITS.findall(k)[0] in numbers  # "标普500" beside "S&P 500"
                and not any(_tier_of(alnum(k), alnum(o), alnum(claim.metric)) for o in own)}  # not "o1-mini" of o1
        # the company's other models, whoever's claims name them: "DeepSeek priced V3 at $1.10" is no price
        # of R1's, though no cue of R1's output price names V3 (issue 9)
        if own:
            models |= set().union(*(company.get(k, ()) for k in keys - models)) - own
        # a later version of its own model ("Llama 3.1" beside "Llama 3") is no other member; a tier of it is
        # ("o1-mini" beside o1)
        other = frozenset(k for k in models - own if own and not any(_later_version(alnum(k), alnum(o)) for o in own))
        out.append((frozenset(own), other))
    return out


def _later_version(name: str, own: str) -> bool:
    """Whether a model's name (letters and digits only) is a later version of `own`: `own` and a version number
    after it ("llama31" of "llama3"), not a tier word ("o1mini" of "o1")."""
    return name.startswith(own) and name[len(own):].isdigit()


def _tier_of(name: str, own: str, metric: str) -> bool:
    """Whether a model's name (letters and digits only) is `own` and a tier word after it ("o1mini" of "o1"), one
    the claim's metric does not name (o1's date "first previewed" is o1-preview's own)."""
    tier = name[len(own):]
    return name.startswith(own) and bool(tier) and not tier.isdigit() and tier not in metric


def _company_models(registry, folded) -> dict[str, set[str]]:
    """Per cue key of a name with no digit (a company: "deepseek"), the cue keys of the models (names with a
    digit) that the subject cues of claims naming that company hold: DeepSeek's V3 and R1, whichever claim
    lists them. A claim about one of the company's models takes the others as other members of its family."""
    out: dict[str, set[str]] = {}
    for claim in registry.claims:
        keys = {_cue_key(c, folded.get(c))[0] for c in claim.subject_cues}
        models = {k for k in keys if _model_name(k)}
        for k in keys - models:
            out.setdefault(k, set()).update(models)
    return out


_BODIES: dict[int, tuple] = {}


def bodies(text: TextCues) -> list[frozenset[str]]:
    """Per claim that compares its subject with another body (a ratio or multiple, "in multiples of
    DeepSeek-V3's", or a saving "than OpenAI's"), the cue keys of the names its metric's words hold: the
    body it is compared with. Empty for other claims. Once per registry."""
    index, registry = text.index, text.registry
    found = _BODIES.get(id(index))
    if found is None or found[0] is not index:
        out, folded = [], registry.folded_cues
        for claim in registry.claims:
            words = _fold(claim.metric)
            keys = set()
            ci = index.position[claim.id]
            for hit in index.find(words):
                entity, subjects = index.naming(hit.cue)
                # a name, or a model the claim's own cue words name ("Grok 2" for a multiple of Grok 2's)
                named = entity or subjects or (_model_name(hit.cue)
                                               and (ci, METRIC) in index.roles.get(hit.cue, ()))
                if named and (claim.unit in _RATIOS or is_comparison(words, hit.start, hit.end)):
                    keys.add(hit.cue)
                    # and the other names of that body ("leading labs", 头部公司 for "leading AI labs"); of a
                    # model, not the other models a claim of its maker lists (o1 beside GPT-4o)
                    model = _model_name(hit.cue)
                    for c, role in index.roles.get(hit.cue, ()):
                        if role == SUBJECT:
                            keys.update(k for k in (_cue_key(w, folded.get(w))[0] for w in registry.claims[c].subject_cues)
                                        if not (model and _model_name(k) and alnum(k) != alnum(hit.cue)))
            out.append(frozenset(alnum(k) for k in keys))
        found = _BODIES[id(index)] = (index, out)
    return found[1]


def other_body(text, q: Quantity, ci: int) -> bool:
    """Whether figure q is another body's than claim ci's subject (dsfact.matching.others: "the S&P 500 sector ETF
    rose 2%", "what others spend $10 billion to do"), or compares with another body than ci does: its clause names,
    after ci's subject, another body (an entity, or a model: a registered name with a digit) that is not that subject
    nor the body ci's metric compares with ("a 263-fold gap between Grok 3 and DeepSeek-V3" is no multiple of Grok
    2's), or a fraction's base is none of them (fractionbase). A move ("shares fell 17%") is no fraction."""
    if other_subject(text, q, ci) or trails_another(text, q, ci) or owned_in_from_part(text, q, ci) \
            or family_in_predicate(text, q, ci):  # "V3.1是V3的升级版，……12元": the later version's
        return True  # "Broadcom dragged down the Nasdaq, falling 17.4%"; "from $78 million for GPT-4o to $5.6 million"
    claim = text.registry.claims[ci]
    if q.direction and claim.unit == "ratio" and not text.index.directions(claim):
        return True  # "shares plunged 17%", "costs fell 95%": a move compares a thing with itself, no fraction
    compared = bodies(text)[ci]
    if not compared:
        return False
    sentence, start, end = clause_around(text, q)
    if claim.unit == q.unit == "factor" and (other_base(text, q, ci, start, end, compared)  # a multiple's base
                                             or gap_of_others(text, q, ci, start, end)) \
            or claim.unit == "ratio" and other_fraction_base(text, q, ci, start, end, compared):  # a fraction's
        return True  # "four times the power of the old cluster" (not Grok 2's); "之前算力的1/10" (not GPT-4o's)
    if q.unit == "pct" and text.registry.claims[ci].kind == "change" and other_saving_base(text, q, ci, start, end):
        return True  # "90% below the industry" is no saving against OpenAI's price
    hits = text.hits_in(start, end)
    naming = text.index.naming
    subject_seen = not any(ci in naming(hit.cue)[1] for hit in hits)  # borrowed: every name counts
    for hit in hits:
        entity, subjects = naming(hit.cue)
        if ci in subjects:
            subject_seen = True
            continue
        if not (entity or subjects) or not subject_seen:
            continue  # a name before the subject ("Meta spent on Llama 3 ...") is not what it is compared with
        key = alnum(hit.cue)
        if not entity and not _model_name(key):
            continue  # a company registered for its own figures may make the body compared ("OpenAI 5%": GPT-4o's)
        if not any(same_name(key, b) for b in compared):
            return True
    return text.registry.claims[ci].unit == "ratio" and _other_model_named(text, q, ci, sentence, compared)


def _other_model_named(text, q: Quantity, ci: int, sentence, compared: frozenset[str]) -> bool:
    """Whether the sentence of figure q names a model (a registered name with a digit, or an entity) other than
    the body fraction claim ci compares with, and never that model: "仅用三十分之一成本，性能比肩OpenAI的o1" is a
    fraction of o1's cost, not of GPT-4o's (the maker's name, OpenAI, decides nothing)."""
    naming, other = text.index.naming, False
    for hit in text.hits_in(sentence.start, sentence.end):
        entity, subjects = naming(hit.cue)
        if ci in subjects or not (entity or subjects):
            continue
        key = alnum(hit.cue)
        model = _model_name(key)
        if any(_same_body(key, b) for b in compared):
            if model:
                return False  # the model compared with is named: the sentence may compare with both
            continue  # its maker's name may stand for it ("5% of OpenAI's") or only qualify another ("OpenAI的o1")
        other = other or entity or model
    return other


def _model_name(name: str) -> bool:
    """Whether a registered name names a model: a name with a digit (o1, GPT-4o, V3, 羊驼3), not its maker."""
    return any(map(str.isdigit, name))


def _same_body(key: str, body: str) -> bool:
    """Whether a name's key names a body compared with: the same, or one holding the other with no version
    besides ("openai" in "openaigpt4o"; not in "openaio1", another model)."""
    short, long = sorted((key, body), key=len)
    return short in long and not any(c.isdigit() for c in long.replace(short, "", 1))


def other_member(text, q: Quantity, ci: int, names: list) -> bool:
    """Whether figure q is about another member of claim ci's family than its subject (`names`: the cue
    hits of q's sentence that name someone): the nearest name of ci's subject is another model ("DeepSeek's
    R1 needed 147,000 GPU hours" against V3's GPU hours), or it is only the company's name while the
    sentence names another of its models and not the claim's own. Such a binding is weak: it may agree,
    but no figure of R1 contradicts a claim about V3. So is a figure whose nearest name of ci's subject
    stands for another version ("Colossus 2", "Grok 2" beside Grok 3) or for an exchange, not an index
    ("Nasdaq-listed"), or a slice of a total set aside for one use (but not a quantity set aside for the
    claim's own event, "GPU-hours dedicated to training Grok 3", nor a rate): dsfact.matching.family, or a subject
    named only by a list of two of its members (dsfact.matching.joint)."""
    if loosely_named(text, q, ci, names):
        return True  # "a $300 billion partnership between Oracle and OpenAI": two partners, another deal
    if q.per is None and earmarked_slice(text, q) and not for_own_event(text, q, text.registry.claims[ci]):
        return True  # "€20 billion for gigafactories" beside the plan's €200 billion: a slice of it (a rate,
        # "$0.14 per million tokens for its R1 model", is no slice of a total)
    if unknown_version(text, q, ci, names):
        return True  # "「巨像2號」最終將配備55萬個晶片": another cluster, named nearer than Musk
    found = versioned_other(text, q, ci, names)
    if found is not None:
        return found
    if not members(text)[ci][1]:
        return False
    nearest, near = None, INF
    named = set()
    for hit, _ in names:
        named.add(hit.cue)
        if any(c == ci and role == SUBJECT for c, role in text.roles_of(hit)):
            d = text.distance(q, hit)
            if d < near:
                nearest, near = hit.cue, d
    return _through_other(text, ci, nearest, named)


def lent_by_other(text, ci: int, start: int, end: int) -> bool:
    """Whether the sentence at text[start:end], which lends claim ci its subject, names it only as another
    member of its family (other_member): "DeepSeek's V3 model is cheap. It charges $0.44 per million
    tokens" gives R1's price no firm subject."""
    if not members(text)[ci][1]:
        return False
    nearest, named, naming = None, set(), text.index.naming
    for hit in text.hits_in(start, end):
        entity, subjects = naming(hit.cue)
        if entity or subjects:
            named.add(hit.cue)
        if ci in subjects:
            nearest = hit.cue  # the last one named, nearest the figures after it
    return _through_other(text, ci, nearest, named)


def borrowed_from_other(text, q: Quantity, ci: int) -> bool:
    """Whether figure q, whose own sentence does not name claim ci's subject, takes it from an earlier
    sentence of its paragraph that names it only as another member of its family ("It describes R1's two runs. The team
    also logged 5,000 GPU hours." against V3's GPU hours): such a subject binds loosely."""
    naming = text.index.naming
    si = text.sentence_of(q.start)
    if any(ci in naming(h.cue)[1] for h in text.sentence_hits(si)):
        return False
    paragraph = text.sentences[si].paragraph
    for back in range(si - 1, max(si - 5, -1), -1):
        if text.sentences[back].paragraph != paragraph:
            return False  # a subject from another paragraph: the rules of borrowing decide alone
        if any(ci in naming(h.cue)[1] for h in text.sentence_hits(back)):
            before = text.sentences[back]
            return lent_by_other(text, ci, before.start, before.end)
    return False


def _through_other(text, ci: int, nearest: str | None, named: set[str]) -> bool:
    own, other = members(text)[ci]
    if nearest in own or nearest in other:
        return nearest in other
    return bool(named & other) and not named & own


def _likened_before(text: TextCues, q: Quantity, hit) -> bool:
    """Whether a word after figure q stands inside a frame of likeness that a name between them opens
    (comparison.likened, in_frame): it tells what the figure's subject is likened to, not the figure."""
    folded, naming = text.folded, text.index.naming
    return any(any(naming(h.cue)) and likened(folded, h.start, h.end) and in_frame(folded, h.end, hit.start, hit.end)
               for h in text.hits_in(q.end, hit.start))


def governs_other(text: TextCues, q: Quantity, hit) -> bool:
    """Whether a word in another clause than figure q's stands beside a part there, a figure of q's unit
    in the role of a part (dsfact/lang/roles.words [part]): "invest $100 billion initially, rising to
    $500 billion", "首期投资1000亿美元，四年内总投资达5000亿美元". The part's words are its own and rule
    no claim out for the total in the next clause. So are those of a word after q that labels the next cell
    of a table flattened to text, in the gap before its figure ("Training cost  $5.576M Training hardware
    2,048 H800 GPUs"), and those of a word before q inside another figure, its unit ("2.788 million GPU hours
    on 2,048 GPUs"), or right after another figure of q's unit ("$100 billion immediately")."""
    if hit.end <= q.start and _inside_figure(text, q, hit):
        return True  # "2.788 million GPU hours on 2,048 GPUs": the hours' own unit
    if hit.end <= q.start and _right_after_figure(text, q, hit):
        return True  # "deploying $100 billion immediately, with plans to invest up to $500 billion": the $100 billion's
    if hit.start >= q.end and cell_label(text.folded, hit.end):
        return True  # "Training cost  $5.576M Training hardware  2,048 H800s": the next cell's label
    if hit.start >= q.end and (_labels_next(text, q, hit) or heads_next_clause(text, q, hit)):
        return True  # "input $0.55 (cache miss) and output $2.19", "输入更便宜，0.55美元": the next figures'
    if tranche_word_apart(text, q, hit) or told_at_once(text, q, hit):
        return True  # "start immediately and eventually expand to $500 billion": the whole; "马上宣布": how soon
    if hit.start >= q.end and _likened_before(text, q, hit):
        return True  # "造出可与OpenAI的最新产品相媲美的模型": the product is the measure of a likeness
    if hit.start >= q.end and _after_when(text, q, hit):
        return True  # "当R1以600万美元的成本问世时，资本市场的定价逻辑……": the main clause's own words
    if hit.start >= q.end and among_uses(text, q, hit):
        return True  # "130万块GPU用于模型训练和服务": one of the fleet's uses
    marks, starts = text._marks, text._quantity_starts
    clause = bisect.bisect_right(marks, hit.start)
    if clause == bisect.bisect_right(marks, q.start):
        return False
    lo = marks[clause - 1] if clause > 0 else 0
    hi = marks[clause] if clause < len(marks) else len(text.text)
    k = bisect.bisect_left(starts, lo)
    while k < len(starts) and starts[k] < hi:
        x = text._quantities[k]
        if x is not q and x.unit == q.unit and "part" in text.reader().roles(x):
            return True
        k += 1
    return False


def _after_when(text: TextCues, q: Quantity, hit) -> bool:
    """Whether figure q stands in a clause that tells when the rest of its sentence happens ("当……时，", "When
    ... ,": dsfact.matching.whenclause) and the word after it in another clause, the main one: its words
    tell of what happened then, not of q."""
    marks = text._marks
    if bisect.bisect_right(marks, hit.start) == bisect.bisect_right(marks, q.start):
        return False
    return tells_when(text, q.start, q.end, text.sentences[text.sentence_of(q.start)].start)


def _inside_figure(text: TextCues, q: Quantity, hit) -> bool:
    """Whether a word before figure q lies inside the span of another figure read before q, in another unit:
    its unit's words ("2.788 million GPU hours"). A figure of q's unit tells what kind of figure q is, too
    ("$2.19 per million output tokens, compared with $70 for o1": an output price)."""
    x = figure_holding(text, hit.start, hit.end)
    return x is not None and x is not q and x.unit != q.unit


def _right_after_figure(text: TextCues, q: Quantity, hit) -> bool:
    """Whether a word before figure q stands right after another figure of q's unit, nothing but spaces, "for",
    "in" or "of" between ("$100 billion immediately", "$100 billion in initial investments", "1000亿美元首期"), or
    inside the short phrase that figure opens with "for" (roles.words [for-phrase]: "$0.14 for cached inputs,
    and $2.19 per million output tokens"): it tells what kind that figure is, or whose, not q's; not past that
    figure's sentence ("...$0.55⏎Output: $2.19")."""
    k = bisect.bisect_left(text._quantity_starts, hit.start) - 1
    x = text._quantities[k] if k >= 0 else q
    gap = text.folded[x.end:hit.start] if x is not q and x.unit == q.unit and x.end <= hit.start else None
    return gap is not None and (gap.strip() in ("", "for", "in", "of") or for_phrase(gap) or placed_gap(gap)) \
        and text.sentence_of(x.start) == text.sentence_of(hit.start)


_LABEL_GAP = lazy(r"[^\d,，.。;；!！?？\n()（）]{0,12}")  # "output $2.19", "output price: $2.19", "输出2.19美元"


def _labels_next(text: TextCues, q: Quantity, hit) -> bool:
    """Whether a word after figure q stands right before the next figure of q's unit, nearer it than q (or
    past a word that joins a list, names.words [list-joiners], which opens the next item: "15美元及输出tokens
    60美元"), with no more than a few characters between and no clause mark: it is that figure's label ("and
    output $2.19 per million tokens"), and rules no claim out for q."""
    starts = text._quantity_starts
    k = bisect.bisect_left(starts, hit.end)
    if k >= len(starts):
        return False
    x = text._quantities[k]
    if x is q or x.unit != q.unit:
        return False
    if x.start - hit.end >= hit.start - q.end and text.folded[q.end:hit.start].strip(" ,，、") not in _joiners():
        return False  # nearer q: q's own noun ("256 servers in two data halls")
    m = _LABEL_GAP.match(text.folded, hit.end)
    return m.end() >= x.start


_JOINERS: list[frozenset[str]] = []


def _joiners() -> frozenset[str]:
    if not _JOINERS:
        from dsfact.lang import words_of

        _JOINERS.append(frozenset(w.lower() for w in words_of("names", "list-joiners")))  # written folded
    return _JOINERS[0]


_FRAME: tuple | None = None
_CLAUSE_END = lazy(r"[，,。；;！!？?\n]")


def in_comparison_frame(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] stands in a Chinese frame of comparison ("与OpenAI的……相比",
    dsfact/lang/names.words [comparison-frame]): an opener right before it and a closing word later in its
    clause. It then binds only the figures inside the frame."""
    global _FRAME
    if _FRAME is None:
        from dsfact.lang import load_words

        table = load_words("names").get("comparison-frame", {})
        closers = tuple(sorted(table.get("after", ()), key=len, reverse=True))
        _FRAME = (tuple(table.get("before", ())), closers, lazy("|".join(map(re.escape, closers)) or "(?!)"),
                  all(map(has_cjk, closers)))  # (all Chinese: none stands in a text without a Chinese character)
    openers, closers, _, _ = _FRAME
    if not openers or not folded[:start].rstrip().endswith(openers):
        return False
    stop = _CLAUSE_END.search(folded, end, end + 60)
    clause = folded[end:stop.start() if stop else end + 60]
    return any(w in clause for w in closers)


def framed_only(text, q: Quantity, ci: int) -> bool:
    """Whether every name of claim ci's subject in figure q's sentence stands in a frame of comparison
    that closes before q ("与OpenAI的每百万token 60美元相比，其价格为2.19美元": 2.19 is not OpenAI's), so that
    the name binds only the figures inside the frame."""
    si = text.sentence_of(q.start)
    sentence = text.sentences[si]
    naming, folded = text.index.naming, text.folded
    if _FRAME is None:
        in_comparison_frame("", 0, 0)  # reads the words
    if _FRAME[3] and not text.reader()._chinese or _FRAME[2].search(folded, sentence.start, q.start) is None:
        return False  # no closing word before the figure: no frame closes before it
    from dsfact.matching.pointers import pointed

    found = pointed(text, si, q)
    if found is not None and ci in found[2]:
        return False  # "V3与GPT-4o相比，后者用了2.5万块": the latter points past the frame to its name
    framed = False
    for hit in text.sentence_hits(si):
        if ci not in naming(hit.cue)[1]:
            continue
        if hit.end > q.start or not in_comparison_frame(folded, hit.start, hit.end):
            return False
        stop = _CLAUSE_END.search(folded, hit.end, q.start)
        if stop is None:
            return False  # the figure is inside the frame: the name's own figure
        framed = framed or sentence.start <= hit.start
    return framed


def other_saving_base(text, q: Quantity, ci: int, start: int, end: int) -> bool:
    """Whether the percentage q, in the clause text[start:end], is measured against another base than the
    body claim ci compares with (roles.words [saving-base]: "90% below the industry", "比行业平均低90%"):
    a base that does not name that body (its metric's own comparative, 低 in "比行业低90%", may stand in it).
    A base that names a model (a name with a digit) is that model's: when the claim says which models it
    compares with (compared_models), another model of the same maker ("cheaper than o3" against a saving
    over OpenAI's o1 price) is another base."""
    span = base_span(text.folded, q, start, end, base_words("saving-base"))
    models = compared_models(text)[ci]
    if span is None:
        return bool(models) and _other_model_only(text, q, ci, models)
    keys = [alnum(hit.cue) for hit in text.hits_in(*span)]
    named = [k for k in keys if _model_name(k)]
    if named and models:
        return not any(_same_body(k, m) for k in named for m in models)
    compared = bodies(text)[ci]
    return not any(any(key in b or b in key for b in compared) for key in keys)


def _other_model_only(text, q: Quantity, ci: int, models: frozenset[str]) -> bool:
    """Whether the sentence of a saving q that says no base names, of the bodies claim ci compares with, only
    models other than those it compares with: "The 73% savings make R1 the pick unless o3's premium ..." (o3
    beside a saving over OpenAI's o1 price; R1便宜73%，o3的溢价……) is a saving against o3."""
    sentence = text.sentences[text.sentence_of(q.start)]
    compared = bodies(text)[ci]
    named = {key for hit in text.hits_in(sentence.start, sentence.end)
             if _model_name(key := alnum(hit.cue)) and key in compared}
    return bool(named) and not any(_same_body(k, m) for k in named for m in models)


_MODELS: dict[int, tuple] = {}


def compared_models(text: TextCues) -> list[frozenset[str]]:
    """Per claim that compares its subject with another body (bodies), the cue keys of the models (names with
    a digit) it compares with: those its metric names, and those named in the subjects of the claims its
    value is derived from, other than its own subject ("than OpenAI's", derived from the o1 price: o1).
    Empty when it names none. Once per registry."""
    index, registry = text.index, text.registry
    found = _MODELS.get(id(index))
    if found is None or found[0] is not index:
        compared, out = bodies(text), []
        by_id = {c.id: c for c in registry.claims}
        for ci, claim in enumerate(registry.claims):
            keys: set[str] = set()
            if compared[ci]:
                sources = [claim.metric]
                for ref in (claim.derived or {}).get("ratio_of") or ():
                    other = by_id.get(str(ref).split("@")[0])
                    if other is not None and other is not claim:
                        sources.append(other.subject)
                for words in sources:
                    for hit in index.find(_fold(words)):
                        key = alnum(hit.cue)
                        if _model_name(key) and ci not in index.naming(hit.cue)[1]:
                            keys.add(key)
            out.append(frozenset(keys))
        found = _MODELS[id(index)] = (index, out)
    return found[1]


# a name the registry may not know, with a version number and a word of generation after it ("巨像2号",
# "星舰3代", "Atlas II"): another member of some family, in folded text
_UNKNOWN_VERSION = lazy(r"(?:([\u3400-\u9fff]{2,6})[」』”\"]?\s?(?:[0-9]{1,2}|[二三四五六七八九十])\s?[号代期]"
                              r"|(?<![a-z0-9])([a-z][a-z-]{2,})\s(?:ii|iii|iv)(?![a-z0-9]))")
_TIME_ENDS = tuple("月日年周天时间晚早午前后号")  # "本月2号", "美国时间27号": a day, not a version
# what every match of _UNKNOWN_VERSION holds, with nothing around it to look at: a text without it has none
_VERSION_MARK = re.compile(r"[号代期]|\s(?:ii|iv)")
_ROMAN_MARK = re.compile(r"\s(?:ii|iv)")  # its Latin half, after `in` for each Chinese mark (the whole: 0.3 ms a text)
_marks_of = LastText().of  # whether the text last read holds _VERSION_MARK


def unknown_version(text, q: Quantity, ci: int, names: list) -> bool:
    """Whether a versioned name that no cue of claim ci covers ("「巨像2號」", "Atlas II") stands in figure q's
    clause before it, nearer than every name of ci's subject before q: the figure is that member's (the
    nearest subject wins, registered or not)."""
    folded, found = text.folded, _marks_of(text)
    marked = found.get("version")
    if marked is None:
        marked = found["version"] = any(m in folded for m in "号代期") or _ROMAN_MARK.search(folded) is not None
    if not marked:
        return False
    start, end = text.reader().clause_span(q.start)
    own = [h.end for h, _ in names if h.end <= q.start and ci in text.index.naming(h.cue)[1]]
    lo = max([start, *own])
    if _VERSION_MARK.search(folded, lo, q.start) is None:
        return False  # what every match holds is not there: _UNKNOWN_VERSION is not compiled
    for m in _UNKNOWN_VERSION.finditer(folded, lo, q.start):
        name = m.group(1) or m.group(2)
        if name.endswith(_TIME_ENDS) or any(h.start < m.end() and m.start() < h.end for h, _ in names):
            continue
        if any(x.start < m.end() and m.start() < x.end for x in text._quantities or () if x.unit == "date"):
            continue  # a day of the month
        return True
    return False
