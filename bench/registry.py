"""Generate a large registry for the scaling benchmark: the bundled DeepSeek claims plus synthetic ones.

    python bench/registry.py OUT_DIR [--claims 5000] [--seed 2025]

writes OUT_DIR/big.yaml and the synthetic source articles it quotes (OUT_DIR/sources/*.txt). Every
synthetic claim is one company (an invented English name and an invented Chinese name, both cues) and
one metric (revenue, staff, market share, users, stores, revenue in yuan); each has one or two
statements whose quotes are verbatim sentences of the generated sources, so `dsfact validate` passes.
The bundled claims are kept (their sources point at the repository's seeds), so the DeepSeek figures of
the benchmark corpus are judged with either registry. Deterministic for a given seed.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "claims.yaml"

_ONSETS = ["b", "br", "c", "cl", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr",
           "qu", "r", "s", "st", "t", "tr", "v", "vr", "w", "z", "zh"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia"]
_CODAS = ["", "n", "r", "x", "l", "s", "m", "nd", "rt", "v"]
_SUFFIXES = ["Dynamics", "Holdings", "Labs", "Systems", "Motors", "Foods", "Logistics", "Robotics", "Energy",
             "Pharma", "Telecom", "Textiles", "Capital", "Semiconductor", "Networks", "Retail", "Airlines",
             "Biotech", "Media", "Materials"]
_ZH_CHARS = "卓威瑞泰恒鼎盛華信達凱晟博匯豐源宏遠嘉瀚銘翔藍星海峰晶創新遠程金銳拓普聯馳"
_ZH_SUFFIXES = ["科技", "集團", "控股", "實業", "電子", "能源", "物流", "生物", "傳媒", "材料"]

# metric: (unit, English cues, Chinese cues, English sentence, Chinese sentence)
# The sentence's {v} is the figure as written; `value` turns the drawn number into the registry value.
METRICS = {
    "revenue": ("USD", ["revenue", "revenues", "sales"], ["營收", "营收", "收入"],
                "{en} reported revenue of ${v} million", "{zh}的營收為{v}億美元"),
    "staff": ("count", ["employs", "employees", "staff", "workers"], ["員工", "员工", "僱員", "雇员"],
              "{en} employs {v} people", "{zh}共有員工{v}名"),
    "share": ("pct", ["market share"], ["市場份額", "市场份额", "市佔率", "市占率"],
              "{en} holds a market share of {v}%", "{zh}的市場份額為{v}%"),
    "users": ("count", ["users", "customers", "subscribers"], ["用戶", "用户", "客戶", "客户"],
              "{en} has {v} million users", "{zh}擁有{v}萬名用戶"),
    "stores": ("count", ["stores", "shops", "outlets"], ["門店", "门店", "分店"],
               "{en} runs {v} stores", "{zh}開設了{v}家門店"),
    "yuan": ("CNY", ["turnover"], ["營業額", "营业额"],
             "{en} had a turnover of {v} billion yuan", "{zh}去年營業額為{v}億元人民幣"),
}
METRIC_NAMES = list(METRICS)


def company_names(count: int, seed: int = 2025) -> list[tuple[str, str]]:
    """`count` distinct (English, Traditional Chinese) invented company names."""
    rng = random.Random(seed)
    seen_en: set[str] = set()
    seen_zh: set[str] = set()
    out = []
    while len(out) < count:
        stem = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(2))
        en = f"{stem.capitalize()} {rng.choice(_SUFFIXES)}"
        zh = "".join(rng.sample(_ZH_CHARS, 3)) + rng.choice(_ZH_SUFFIXES)
        if stem in {e.split()[0].lower() for e in seen_en} or en in seen_en or zh in seen_zh:
            continue
        seen_en.add(en)
        seen_zh.add(zh)
        out.append((en, zh))
    return out


def _figure(metric: str, rng: random.Random) -> tuple[str, str, float, float]:
    """(English text, Chinese text, English value, Chinese value) of one drawn figure."""
    if metric == "revenue":
        m = rng.randint(100, 9999) / 10  # million USD
        return f"{m:,.1f}", f"{m / 100:.3f}".rstrip("0").rstrip("."), m * 1e6, round(m / 100, 3) * 1e8
    if metric == "staff":
        n = rng.randint(120, 98000)
        return f"{n:,}", f"{n:,}", float(n), float(n)
    if metric == "share":
        p = rng.randint(5, 650) / 10
        return f"{p:g}", f"{p:g}", p, p
    if metric == "users":
        m = rng.randint(11, 990) / 10  # million
        return f"{m:g}", f"{int(round(m * 100))}", m * 1e6, round(m * 100) * 1e4
    if metric == "stores":
        n = rng.randint(12, 4000)
        return str(n), str(n), float(n), float(n)
    b = rng.randint(12, 3000) / 10  # billion yuan
    return f"{b:g}", f"{int(round(b * 10))}", b * 1e9, round(b * 10) * 1e8


def synthetic_claims(count: int, seed: int = 2025, sources: int = 24):
    """Claims and source texts: ([claim dict], {source id: [sentences]}), deterministic."""
    rng = random.Random(seed)
    names = company_names((count + len(METRICS) - 1) // len(METRICS), seed)
    texts: dict[str, list[str]] = {f"wire{i:02d}": [] for i in range(sources)}
    ids = list(texts)
    claims = []
    for k in range(count):
        en, zh = names[k // len(METRICS)]
        metric = METRIC_NAMES[k % len(METRICS)]
        unit, en_cues, zh_cues, en_tpl, zh_tpl = METRICS[metric]
        statements = []
        en_text, zh_text, en_value, zh_value = _figure(metric, rng)
        first = rng.choice(ids)
        quote = en_tpl.format(en=en, v=en_text)
        texts[first].append(quote + ".")
        statements.append({"source": first, "value": en_value, "quote": quote})
        if rng.random() < 0.5:  # a second source, in Chinese, sometimes with another figure
            second = rng.choice([i for i in ids if i != first])
            if rng.random() < 0.2:
                _, zh_text, _, zh_value = _figure(metric, rng)
            quote = zh_tpl.format(zh=zh, v=zh_text)
            texts[second].append(quote + "。")
            statements.append({"source": second, "value": zh_value, "quote": quote})
        claims.append({
            "id": f"S{k + 1:05d}", "topic": "other", "subject": en, "metric": metric, "unit": unit,
            "cues": {"subject": [en, en.split()[0], zh, zh.replace("科技", "").replace("集團", "") or zh],
                     "metric": en_cues + zh_cues},
            "statements": statements,
        })
    return claims, texts


def write_registry(out_dir: Path, claims_total: int = 5000, seed: int = 2025) -> Path:
    """Write OUT_DIR/big.yaml (bundled claims + synthetic ones, `claims_total` in all) and its sources."""
    import yaml

    out_dir = Path(out_dir)
    (out_dir / "sources").mkdir(parents=True, exist_ok=True)
    bundled = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    (out_dir / "seeds").mkdir(exist_ok=True)
    for source in bundled["sources"]:  # a copy: a registry reads only files inside its own tree
        if source.get("file"):  # a primary record cited by URL has no file
            original = (BUNDLED.parent / source["file"]).resolve()
            (out_dir / "seeds" / original.name).write_bytes(original.read_bytes())
            source["file"] = f"seeds/{original.name}"
        source["date"] = str(source["date"])
    synthetic, texts = synthetic_claims(claims_total - len(bundled["claims"]), seed)
    for sid, sentences in texts.items():
        zh = [s for s in sentences if not s.isascii()]
        en = [s for s in sentences if s.isascii()]
        body = " ".join(en) + "\n\n" + "".join(zh) + "\n"
        (out_dir / "sources" / f"{sid}.txt").write_text(f"Business wire {sid}\n\n{body}", encoding="utf-8")
        bundled["sources"].append({"id": sid, "file": f"sources/{sid}.txt", "publisher": f"Wire {sid}",
                                   "title": "Company figures", "date": "2025-01-15", "language": "en"})
    bundled["claims"].extend(synthetic)
    path = out_dir / "big.yaml"
    path.write_text("# Generated by bench/registry.py: do not edit.\n"
                    + yaml.safe_dump(bundled, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2025)
    opts = parser.parse_args(argv)
    path = write_registry(Path(opts.out_dir), opts.claims, opts.seed)
    sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
