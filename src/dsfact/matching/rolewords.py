"""The words of roles.words, and the time, comparison, listing and agent words of time.words and names.words that
the role reader (dsfact.matching.roles) asks of every figure: read once per process (`lexicon`), each pattern
compiled when first needed."""
from __future__ import annotations

from dsfact.matching.wordtables import Alternation, Pattern, TaggedWords, Words

_TICKER = r"[(（]\s*(?:(?:{})\s*[:：]\s*[a-z0-9.]{{1,10}}|[a-z0-9]{{2,6}}\.(?:{}))\s*[)）]"  # (2432.HK), (NASDAQ: MRVL)


# The tables of roles.words that are word lists read elsewhere, not roles.
_WORD_LISTS = frozenset((
    "between", "new-subject", "naming", "slash-pair", "owner", "compared-owner", "means", "member", "exchange",
    "means-made", "glossed-date",
    "multiple", "multiple-counted", "earmark", "revised-from", "revised-plan", "uses", "use", "use-vehicle", "from-to", "saving-base",
    "sum-of-parts", "compound", "attributive", "part-of",
    "share-told", "recipient", "gap", "whole-content", "release", "variant", "first-tranche", "agent-phrase",
    "breakdown", "move-noun", "moved-from", "calculation", "back-reference", "trained-count", "trained-stage",
    "stage-cost", "stage-part", "stage-metric", "stage-total", "stage-later", "stage-after", "condition-clause", "close-header", "close-level",
    "built-stage", "joint-founding", "joint-founders", "grown-to", "beats-estimate",
    "change-words", "near-carried", "sized-gap", "fraction-base", "total-of-parts", "corrected-next", "corrected-to",
    "change-header", "unit-column", "move-consequence", "rate-base", "question-stops", "for-phrase", "earmark-own",
    "revised-cell", "put-to", "denied-verb", "denied-stops", "combines", "compared-standard", "bare-amount-after",
    "sized-moved", "for-name", "sized-taken", "things-total", "both-parts", "variant-object", "supposition",
    "revised-base", "head-noun", "added-part", "whole-told", "closed-trading", "whole-named", "own-after"))


class Role:
    """A role's words (a plain class: a dataclass costs a millisecond or more to create, on every run)."""

    __slots__ = ("name", "never", "doubt", "before", "after", "clause", "opening", "near", "head", "sentence", "lead")

    def __init__(self, name: str, never: frozenset[str], before: Words, after: Words,
                 clause: Alternation | None, opening: str, doubt: frozenset[str] = frozenset(),
                 near: Alternation | None = None, head: Words | None = None,
                 sentence: frozenset[str] = frozenset(), lead: Words | None = None) -> None:
        self.name, self.never, self.before, self.after, self.clause, self.opening = \
            name, never, before, after, clause, opening
        self.doubt = doubt  # the kinds of claim a figure in this role may agree with but never contradicts
        self.near = near  # words anywhere near the figure in its sentence (near_role)
        self.head = head  # words the figure's own text opens with ("千亿美元": a scale word with no number)
        self.sentence = sentence  # words that, alone in the clause opening a sentence, hold for all its figures
        self.lead = lead  # words that, opening a sentence, hold for every figure of it, later clauses' too


class _Lexicon:
    """The role and time words, read once per process; each pattern compiled when first needed."""

    def __init__(self) -> None:
        from dsfact.lang import load_words

        self.roles: list[Role] = []
        tables = load_words("roles")
        between = tables.get("between", {}).get("words", ())
        subjects = tables.get("new-subject", {}).get("words", ())
        # after a word that ends in a Chinese character: the class of those last characters (the class of the
        # whole Chinese range, U+3400 to U+9FFF, costs milliseconds to compile)
        ends = "".join(sorted({w.split()[-1][-1] for w in subjects if w.split() and "\u3400" <= w.split()[-1][-1]
                               <= "\u9fff"}))
        self.new_subject = Pattern(r"^\W*(?:{})(?:\s+[^\s\d$€¥£]+\s+[^\d$€¥£]|"
                                   + (f"(?<=[{ends}])" if ends else "(?!)") + r"[^\W\d]{{2}})", subjects,
                                   plain=r"^\W*(?:{})\s+[^\s\d$€¥£]+\s+[^\d$€¥£]")
        self.between = Words(between)
        self.near_carried = Words(tables.get("near-carried", {}).get("lead", ()))
        for name, table in tables.items():
            if name in _WORD_LISTS:
                continue
            clause = table.get("clause")
            self.roles.append(Role(
                name=name,
                never=frozenset(table.get("never", ())),
                doubt=frozenset(table.get("doubt", ())),
                before=Words(table.get("before", ())),
                after=Words(table.get("after", ())),
                clause=Alternation(clause) if clause else None,
                opening="".join(table.get("opening", ())),
                near=Alternation(table["near"]) if table.get("near") else None,
                head=Words(table["head"]) if table.get("head") else None,
                sentence=frozenset(table.get("sentence", ())),
                lead=Words(table["lead"]) if table.get("lead") else None,
            ))
        times = load_words("time")
        relative = times.get("relative", {})
        self.time_kinds: dict[str, str] = {}
        for kind, words in relative.items():
            for word in words:
                self.time_kinds.setdefault(word, kind)
        for day, words in enumerate(times.get("weekdays", {}).values()):
            for word in words:
                self.time_kinds.setdefault(word, f"weekday:{day}")
        self.time = Alternation(tuple(self.time_kinds))
        reference = times.get("reference", {})
        self.reference_before = Alternation(reference.get("before", ()))
        self.reference_after = Alternation(reference.get("after", ()))
        self.reference_ever = Alternation(reference.get("ever", ()))
        self.superlative = Alternation(reference.get("superlative", ()))
        self.reference_then = Pattern(r"[^\d.。;；!?！？]{{0,12}}?(?:{})", reference.get("then", ()))
        self.record = Alternation(reference.get("record", ()))
        self.day_of_month = Pattern(r"(?<![0-9.])([0-9]{{1,2}})\s*(?:{})", times.get("day-of-month", {}).get("after", ()))
        self.conversion = next((r for r in self.roles if r.name == "conversion"), None)
        self.clause_roles = [r for r in self.roles if r.clause is not None]  # (FigureReader._hits_for)
        self.clause_lists = [r.clause for r in self.clause_roles]
        # the words before and after a figure of every role read from them (FigureRoles.window), looked up at once
        read = [r for r in self.roles if r is not self.conversion and r.head is None]
        self.said_before = TaggedWords({r.name: r.before for r in read})
        self.said_after = TaggedWords({r.name: r.after for r in read})
        self.by_name = {role.name: role for role in self.roles}
        from_to = tables.get("from-to", {})
        self.move_from = Words(from_to.get("before", ()))
        self.move_to = frozenset(from_to.get("words", ()))
        self.move_noun = Words(tables.get("move-noun", {}).get("words", ()))
        self.consequence = Words(tables.get("move-consequence", {}).get("words", ()))
        self._never: dict[str, list[str]] = {}
        self._doubt: dict[str | None, list[str]] = {}
        exchange = tables.get("exchange", {})  # "listed on the Nasdaq", "Nasdaq-listed": the exchange, no index
        self.exchange_before = Words(exchange.get("before", ()))
        self.exchange_after = Words(exchange.get("after", ()))
        self._read_names(load_words("names"))

    def _read_names(self, names: dict) -> None:
        """The words of names.words the role reader asks: comparison, shift, ticker, share base, agent."""
        comparison = names.get("comparison", {})
        shift = names.get("shift", {})
        self.shift = Alternation(shift.get("before", ()))
        self.shift_verbs = frozenset(shift.get("verbs", ()))  # "capabilities that rival the best": a verb, no rival
        self.shift_verb_after = frozenset(shift.get("verb-after", ()))
        self.ticker = Pattern(_TICKER, *(names.get("ticker", {}).get(k, ()) for k in ("before", "after")))
        self.compared_before = Words(comparison.get("before", ()))
        self.compared_after = Words(comparison.get("after", ()))
        share = names.get("share-of", {})  # "3.6% of what o1 charges", "为o1之3%": the name is the share's base
        self.share_before = Pattern(r"(?:{})\s*(?:[a-z][\w.\-]*\s+){{0,3}}$", share.get("before", ()))
        self.share_words = Pattern(r"(?:[0-9][0-9.,]*\s?(?:%|per\s?cent|percent)|(?<![a-z])(?:{})|[0-9]+\s?/\s?[0-9]+)"
                                   r"\s+(?:{})\s+$", share.get("words", ()), share.get("before", ()))
        # "之3%", "的约1/20", "的不到十分之一"; after the noun of what is shared, "训练成本的5%", "模型训练成本1/10";
        # a maker's name before its product's: "OpenAI GPT-4o模型训练成本1/10"
        self.share_after = Pattern(r"(?:\s?[a-z0-9][\w.\-]*){{0,2}}\s?(?:[\u4e00-\u9fff]{{1,8}}?(?:{0})?|(?:{0}))\s?(?:{1})?\s?"
                                   r"(?:[0-9][0-9.]*\s?[%％]|[0-9]+\s?/\s?[0-9]+|[一二两三四五六七八九十百千]+分之[一二三四五六七八九十]+)",
                                   share.get("after", ()), share.get("between", ()))
        agent = names.get("agent", {})
        # "announced by Donald Trump": a first name may stand between
        self.agent_before = Pattern(r"(?:{})(?:\s+[a-z][a-z.'-]*)?\s*$", agent.get("before", ()))
        self.agent_after = Pattern(r"^\s*(?:{})", agent.get("after", ()))

    def never(self, kind: str) -> list[str]:
        """The roles a figure cannot state a claim of this kind in, in the order of roles.words."""
        found = self._never.get(kind)
        if found is None:
            found = self._never[kind] = [r.name for r in self.roles if "*" in r.never or kind in r.never]
        return found

    def doubt(self, kind: str | None) -> list[str]:
        """The roles that put a figure in doubt for a claim of this kind."""
        found = self._doubt.get(kind)
        if found is None:
            found = self._doubt[kind] = [r.name for r in self.roles
                                         if "*" in r.doubt or (kind is not None and kind in r.doubt)]
        return found


_LEXICON: _Lexicon | None = None


def lexicon() -> _Lexicon:
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = _Lexicon()
    return _LEXICON
