"""The plain patterns of saidhead and apposition (no class of the Chinese range to compile) answer as the full
ones on every text whose matched stretch holds no Chinese character, and mixed text keeps the full ones."""
from dsfact.fold import fold_text as fold
from dsfact.matching import apposition, saidhead
from dsfact.matching.memo import LastText

TEXTS = [
    "Trump said the venture will invest $500 billion, and Son promised the project would get $19 billion.",
    "1. $5.6 million: the cost of V3's final run\n2.深度求索 $6 million — 成本\n- 17%：輝達週一的跌幅 Nvidia",
    "特朗普表示该合资企业将投资5000亿美元。Altman described the venture as a company that will spend $100 billion.",
    "孙正义承诺该项目将获得190亿美元, Trump told reporters that the venture would add 100,000 jobs.",
    "3．输出 $2 per million tokens\n（二）API价格 2元: 每百万tokens\n① 17%: drop\n 4. 17%: the drop",
]


def _answers(folded, chinese_always: bool, monkeypatch):
    monkeypatch.setattr(apposition, "_HEADS", LastText())  # (each form reads the line heads anew)
    if chinese_always:
        monkeypatch.setattr(saidhead, "has_han", lambda text: True)
        monkeypatch.setattr(apposition, "has_han", lambda text: True)
    n = len(folded)
    out = []
    for start in range(n):
        for end in range(start, min(n, start + 70), 7):
            out.append(saidhead.said_head(folded, start, end))
        line = folded.rfind("\n", 0, start) + 1
        out.append(apposition._line_head(folded, line))
        for q_end in range(start + 1, min(n, start + 12), 3):
            out.append((apposition.glossed(folded, start, q_end, n), apposition.titled(folded, start, q_end, n)))
    monkeypatch.undo()
    return out


def test_the_plain_forms_answer_as_the_full_ones_on_mixed_text(monkeypatch):
    for text in TEXTS:
        folded = fold(text)
        assert _answers(folded, False, monkeypatch) == _answers(folded, True, monkeypatch), text


def test_the_texts_hold_leads_and_glosses_of_both_scripts():
    said = [t for t in map(fold, TEXTS) for s in range(len(t)) if saidhead.said_head(t, s, len(t)) != s]
    assert len(said) >= 3
    glossed = [t for t in map(fold, TEXTS) for s in range(len(t)) for e in range(s + 1, s + 12)
               if apposition.glossed(t, s, e, len(t))]
    assert len(glossed) >= 2


def test_line_heads_are_kept_per_text():
    """_line_head keeps each line's head for the text last asked about: a second text is read anew, and the
    first read again gives what it gave."""
    a, b = fold("1. $5.6 million: the cost"), fold("$5.6 million: the cost of V3")
    assert apposition._line_head(a, 0) == 3
    assert apposition._line_head(b, 0) == 0
    assert apposition._line_head(a, 0) == 3
    assert apposition.glossed(a, 3, 15, 17) == 1 and apposition.glossed(b, 0, 12, 14) == 1
