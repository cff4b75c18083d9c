"""Generate the benchmark corpus: news-like articles in English, Traditional and Simplified Chinese.

    python bench/corpus.py OUT_DIR [--articles 1200] [--seed 2025]

Each article is 10 to 18 paragraphs of filler prose with figures in it: the DeepSeek story's registered
figures (right and wrong), figures about other companies and things (not registered), and figures about
the invented companies of bench/registry.py (registered only in the 5,000-claim registry). A third of
the articles are English Markdown, a third Traditional and a third Simplified Chinese text.
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
    opts = parser.parse_args(argv)
    paths = write_corpus(Path(opts.out_dir), opts.articles, opts.seed)
    size = sum(p.stat().st_size for p in paths)
    sys.stdout.write(f"{len(paths)} articles, {size / 1e6:.1f} MB in {opts.out_dir}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
