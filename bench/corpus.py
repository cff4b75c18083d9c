"""Generate the benchmark corpus: news-like articles in English, Traditional and Simplified Chinese.

    python bench/corpus.py OUT_DIR [--articles 1200] [--seed 2025]

Each article is 10 to 18 paragraphs of filler prose with figures in it: the DeepSeek story's registered
figures (right and wrong), figures about other companies and things (not registered), and figures about
the invented companies of bench/registry.py (registered only in the 5,000-claim registry). A third of
the articles are English Markdown, a third Traditional and a third Simplified Chinese text.
With --dense, the figure-dense corpus instead: about 4 KB articles in which every sentence states two to
six figures (a markets page, a results story), some about the registry's subjects, most not.
Deterministic for a given seed.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from registry import METRIC_NAMES, METRICS, _figure, company_names  # noqa: E402

# (template, right figures, wrong figures): the DeepSeek story's registered claims.
EN_FACTS = [
    ("DeepSeek trained its V3 model on {x} Nvidia H800 chips.", ["2,048", "about 2,000"], ["4,096", "2,500"]),
    ("The final training run cost about ${x} million.", ["5.6", "5.58", "5.5"], ["6.5", "8"]),
    ("DeepSeek's R1 is priced at {x} cents per million tokens.", ["14"], ["41", "24"]),
    ("OpenAI charges ${x} per million tokens for o1.", ["7.50"], ["5.70", "9"]),
    ("Nvidia's market value fell by ${x} billion on January 27.", ["589", "588.8"], ["600", "465"]),
    ("Nvidia's shares closed down {x}% on January 27.", ["17", "nearly 17"], ["27", "12"]),
    ("The Nasdaq Composite fell {x}% on January 27.", ["3.1"], ["3.5", "5"]),
    ("Meta plans capital spending of up to ${x} billion in 2025.", ["65", "60 billion to $65"], ["80", "56"]),
    ("Stargate plans to invest ${x} billion in AI infrastructure.", ["500"], ["100", "50"]),
    ("The EU announced a €{x} billion AI investment plan.", ["200"], ["20", "300"]),
    ("South Korea ordered {x} GPUs for its national AI centre.", ["10,000"], ["100,000", "1,000"]),
    ("DeepSeek-V3 took {x} days to train.", ["53", "more than 50"], ["35", "90"]),
]
ZH_FACTS = [
    ("深度求索只用了{x}塊H800晶片訓練V3模型。", ["二千多", "2,048", "2048"], ["四千", "5,000"]),
    ("深度求索的訓練成本約為{x}萬美元。", ["560", "557.6", "550"], ["650", "800"]),
    ("英偉達周一市值蒸發{x}億美元。", ["5890", "5,888"], ["6000", "4650"]),
    ("英偉達股價收市下跌近{x}%。", ["17"], ["27", "12"]),
    ("納斯達克指數周一收市下跌{x}%。", ["3.1"], ["3.5", "5"]),
    ("歐盟公佈了{x}億歐元的人工智能投資計劃。", ["二千", "2,000"], ["三千", "200"]),
    ("南韓則訂購了{x}塊圖形處理器。", ["一萬", "10,000"], ["十萬", "2,000"]),
    ("星際之門計劃投資{x}億美元建設人工智能基礎設施。", ["5000"], ["1000", "500"]),
    ("美圖股價當日急升{x}%。", ["16.3"], ["61.3", "6.3"]),
]
# Figures about things no registry here speaks of.
EN_OTHER = [
    "Apple sold {n} million iPhones last quarter.",
    "Microsoft will spend ${n} billion on data centres this year.",
    "The conference drew {n:,} attendees.",
    "Temperatures reached {n} degrees on Tuesday.",
    "The council approved {n} new bus routes and {m} bicycle lanes.",
    "About {n}% of readers said they had tried a chatbot.",
    "The museum opened in {year} and welcomes {n:,} visitors a year.",
    "Shares of the bank rose {f}% after its results.",
]
ZH_OTHER = [
    "蘋果上季度售出{n}萬部手機。",
    "本港上月錄得{n:,}宗住宅交易。",
    "天文台錄得最高氣溫{n}度。",
    "該展覽吸引了{n:,}名觀眾入場。",
    "調查顯示{n}%的受訪者曾使用聊天機械人。",
    "恒生指數收市上升{f}%。",
    "新圖書館於{year}年啟用，藏書{n}萬冊。",
]
EN_FILLER = [
    "Analysts said the news caught many investors off guard.",
    "The company did not respond to a request for comment.",
    "Several researchers questioned how the figures were calculated.",
    "Engineers in Silicon Valley spent the weekend reading the technical report.",
    "The reaction on social media was swift and divided.",
    "Regulators in Washington are watching the sector closely.",
    "Critics argue that the comparison leaves out the cost of earlier experiments.",
    "Supporters say the work shows what careful engineering can achieve.",
    "The debate is likely to continue for months.",
    "Few expected the story to move markets so sharply.",
    "Executives were asked about it on every earnings call that week.",
    "Some of the claims could not be independently verified.",
]
ZH_FILLER = [
    "分析人士指出，這一消息令不少投資者措手不及。",
    "該公司未有回應記者的查詢。",
    "多名研究人員質疑相關數字的計算方法。",
    "社交媒體上的反應迅速而分化。",
    "華盛頓的監管機構正密切關注這個行業。",
    "批評者認為，這種比較忽略了前期實驗的成本。",
    "支持者則表示，這顯示了精心設計的工程能夠取得的成果。",
    "業界預料相關爭論仍會持續數月。",
    "市場人士形容，事件的影響遠超預期。",
    "部分說法暫時未能獲得獨立核實。",
]
EN_TITLES = ["What the numbers say", "Markets react", "The cost of AI", "A week that shook tech",
             "Chips, prices and doubts", "Inside the figures"]
ZH_TITLES = ["數字背後", "市場震盪", "人工智能的成本", "震撼科技界的一周", "晶片、價格與疑問"]


def _other(template: str, rng: random.Random) -> str:
    return template.format(n=rng.randint(2, 9000), m=rng.randint(2, 40), f=round(rng.uniform(0.1, 9.9), 1),
                           year=rng.randint(1950, 2019))


def _company(names, rng: random.Random, zh: bool) -> str:
    en, zh_name = rng.choice(names)
    metric = rng.choice(METRIC_NAMES)
    _, _, _, en_tpl, zh_tpl = METRICS[metric]
    en_text, zh_text, _, _ = _figure(metric, rng)
    return zh_tpl.format(zh=zh_name, v=zh_text) + "。" if zh else en_tpl.format(en=en, v=en_text) + "."


def _fact(facts, rng: random.Random) -> str:
    template, right, wrong = rng.choice(facts)
    return template.format(x=rng.choice(right if rng.random() < 0.6 else wrong))


def article(k: int, names, rng: random.Random) -> tuple[str, str]:
    """(file name, text) of article k: language by k mod 3."""
    lang = ("en", "zh-Hant", "zh-Hans")[k % 3]
    zh = lang != "en"
    facts, other, filler = (ZH_FACTS, ZH_OTHER, ZH_FILLER) if zh else (EN_FACTS, EN_OTHER, EN_FILLER)
    paragraphs = []
    for _ in range(rng.randint(10, 18)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            r = rng.random()
            if r < 0.2:
                sentences.append(_fact(facts, rng))
            elif r < 0.35:
                sentences.append(_other(rng.choice(other), rng))
            elif r < 0.45:
                sentences.append(_company(names, rng, zh))
            else:
                sentences.append(rng.choice(filler))
        paragraphs.append(("" if zh else " ").join(sentences))
    if zh:
        text = rng.choice(ZH_TITLES) + "\n\n" + "\n\n".join(paragraphs) + "\n"
        if lang == "zh-Hans":
            text = _to_simplified(text)
        return f"article-{k:04d}.txt", text
    body = "\n\n".join(paragraphs)
    return f"article-{k:04d}.md", f"# {rng.choice(EN_TITLES)}\n\n{body}\n"


_T2S = None


def _to_simplified(text: str) -> str:
    global _T2S
    if _T2S is None:
        import opencc

        _T2S = opencc.OpenCC("t2s")
    return _T2S.convert(text)


# The dense corpus: news text as figure-dense as a markets page or a results story, every sentence with
# two to six figures (money, percentages, counts, dates, ranges, indices), some about the registry's
# subjects (DeepSeek, Nvidia, GPUs, token prices) so that cues and figures meet, most about other things.
# {m} money amount, {p} percent, {c} count, {i} index level, {d} date, {y} year, {q} quarter.
EN_DENSE = [
    "Revenue rose {p}% to ${m} billion in the {q} quarter, while operating margin widened to {p}% and the "
    "company bought back {c} million shares at an average of ${m}.",
    "The Hang Seng fell {p}% to {i}, the Nikkei gained {p}% to {i} and the Stoxx 600 slipped {p}% by {d}.",
    "Nvidia shipped {c} million data-centre GPUs in {y}, up from {c} million a year earlier, and its "
    "shares traded between ${m} and ${m} on {d}.",
    "DeepSeek said on {d} that its models had drawn {c} million users, {p}% of them outside China, and that "
    "it employed about {c} researchers.",
    "Between {c} and {c} workers joined the strike on {d}, according to a union that counts {c} members.",
    "Brent crude settled at ${m} a barrel, {p}% lower on the week, and gold added ${m} to ${i} an ounce.",
    "The city budget of ${m} billion sets aside ${m} million for {c} new homes and {c} school places by {y}.",
    "Microsoft, Alphabet and Amazon together spent ${m} billion on capital projects in the {q} quarter, "
    "{p}% more than in {y}.",
    "Inflation eased to {p}% in {y} from {p}% a year before, and unemployment held at {p}% with {c} "
    "new jobs in the month to {d}.",
    "The chip index lost {p}% on {d}, its worst day since {y}, wiping ${m} billion off {c} listed companies.",
    "OpenAI's o1 costs ${m} per million input tokens and ${m} per million output tokens, against ${m} for "
    "DeepSeek's R1.",
    "About {p}% of the {c} people polled between {d} and {d} said they had used a chatbot, up {p} points.",
]
ZH_DENSE = [
    "恒生指數收市跌{p}%，報{i}點，全日成交額{m}億元，{c}隻股份上升，{c}隻下跌。",
    "該集團{y}年收入增長{p}%至{m}億元，純利{m}億元，每股派息{m}元。",
    "英偉達{y}年售出{c}萬塊數據中心圖形處理器，按年增加{p}%，股價於{d}收報{m}美元。",
    "深度求索表示，截至{d}，其應用程式錄得{c}萬名用戶，其中{p}%來自海外，研究團隊約有{c}人。",
    "本港{y}年首{c}個月訪港旅客達{c}萬人次，按年上升{p}%，酒店入住率為{p}%。",
    "國際油價周五收報每桶{m}美元，全周累計下跌{p}%，金價則升{m}美元至每安士{i}美元。",
    "政府預算案預留{m}億元興建{c}個公營房屋單位，並於{y}年前增加{c}個學額。",
    "調查於{d}至{d}期間訪問了{c}名市民，其中{p}%表示曾使用聊天機械人，較去年上升{p}個百分點。",
    "晶片股指數{d}急跌{p}%，為{y}年以來最差表現，{c}家上市公司市值合共蒸發{m}億美元。",
    "OpenAI的o1模型每百萬輸入詞元收費{m}美元，深度求索R1則只收{m}美元。",
    "該公司第{c}季度營業額為{m}億元人民幣，按季增長{p}%，毛利率升至{p}%。",
    "失業率{y}年維持在{p}%，通脹率則由{p}%回落至{p}%，上月新增職位{c}個。",
]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def _dense_value(kind: str, rng: random.Random, zh: bool) -> str:
    if kind == "m":
        return f"{rng.uniform(0.5, 900):,.{rng.choice((0, 1, 2))}f}"
    if kind == "p":
        return f"{rng.uniform(0.1, 60):.1f}"
    if kind == "c":
        return f"{rng.randint(2, 9000):,}" if rng.random() < 0.7 else str(rng.randint(2, 99))
    if kind == "i":
        return f"{rng.uniform(1000, 40000):,.2f}"
    if kind == "y":
        return str(rng.randint(1990, 2025))
    if kind == "q":
        return rng.choice(("first", "second", "third", "fourth"))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return f"{month}月{day}日" if zh else f"{EN_MONTHS[month - 1]} {day}"


def _dense_sentence(template: str, rng: random.Random, zh: bool) -> str:
    import re

    return re.sub(r"\{([mpciyqd])\}", lambda m: _dense_value(m.group(1), rng, zh), template)


def dense_article(k: int, rng: random.Random) -> tuple[str, str]:
    """(file name, text) of dense article k, about 4 KB: language by k mod 3."""
    lang = ("en", "zh-Hant", "zh-Hans")[k % 3]
    zh = lang != "en"
    dense, facts = (ZH_DENSE, ZH_FACTS) if zh else (EN_DENSE, EN_FACTS)
    paragraphs = []
    for _ in range(rng.randint(8, 12) if zh else rng.randint(6, 9)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            if rng.random() < 0.2:
                sentences.append(_fact(facts, rng))
            else:
                sentences.append(_dense_sentence(rng.choice(dense), rng, zh))
        paragraphs.append(("" if zh else " ").join(sentences))
    if zh:
        text = rng.choice(ZH_TITLES) + "\n\n" + "\n\n".join(paragraphs) + "\n"
        if lang == "zh-Hans":
            text = _to_simplified(text)
        return f"dense-{k:04d}.txt", text
    return f"dense-{k:04d}.md", f"# {rng.choice(EN_TITLES)}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_dense_corpus(out_dir: Path, articles: int = 150, seed: int = 2025) -> list[Path]:
    """Write the dense articles to out_dir; return their paths in order."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for k in range(articles):
        name, text = dense_article(k, rng)
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_corpus(out_dir: Path, articles: int = 1200, seed: int = 2025) -> list[Path]:
    """Write the articles to out_dir; return their paths in order."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = company_names(200, seed)  # the first companies of the big registry
    paths = []
    for k in range(articles):
        name, text = article(k, names, rng)
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--articles", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--dense", action="store_true", help="the figure-dense corpus (every sentence has figures)")
    opts = parser.parse_args(argv)
    write = write_dense_corpus if opts.dense else write_corpus
    paths = write(Path(opts.out_dir), opts.articles, opts.seed)
    size = sum(p.stat().st_size for p in paths)
    sys.stdout.write(f"{len(paths)} articles, {size / 1e6:.1f} MB in {opts.out_dir}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
