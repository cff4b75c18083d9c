"""Scorer-format labelled sets for the gate (bench/gate_train.py --scored): read, label, re-score.

A scored set is what /work/shared/eval/score.py reads: a directory of passages and an `expected.yaml`
(per file, a list of {text, value, verdict}; verdict a string or a list, the first expected). A set of
the house's is a root holding `orig/` (published passages) and `mut/` (the same passages, one registered
figure in each changed to a wrong value and labelled contradicted); a bare scored directory is a set too.

The engine runs in-process with gate_train's Recorder (a gate that admits everything). Each disagreement
it reports becomes an example: KEEP when a label covering it has `contradicted` or `disputed` among its
verdicts, DROP when the labels covering it say only clean or supported, and unlabelled when none covers it
(the scorer ignores those: they are left out of every evaluation, and trained on as DROP only with
`unlabelled=True`). A label covers a finding it overlaps on its line, or the finding the scorer picks for it.

Evaluation does not count examples: it re-scores. For a threshold, the disagreements the model puts below it
are taken out of the run's findings, and every passage is scored again with the scorer's own rules
(`score_passage`, a faithful copy of score.py's locate/same_value/pick and its tally), so a removed false
alarm or a lost catch is exactly what score.py would count.
"""
from __future__ import annotations

import bisect
import json
import os

import yaml

FLAGGED = {"contradicted", "disputed"}
KEEP, DROP = 1, 0


# -- score.py's matching, copied faithfully (/work/shared/eval/score.py: locate, same_value, pick, main's tally)

def locate(text: str, needle: str):
    """1-based (line, first column, last column + 1) of needle in text, in characters."""
    at = text.find(needle)
    if at < 0:
        return None
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, col, col + len(needle)


def same_value(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)
    return str(a) == str(b)


def pick(findings: list[dict], line: int, col: int, end: int, value):
    on_line = [f for f in findings if f.get("line") == line]
    overlapping = [
        f for f in on_line
        if isinstance(f.get("column"), int) and f["column"] < end
        and (f.get("end_column") or f["column"] + len(str(f.get("text", "")))) > col
    ]
    if value is not None:
        valued = [f for f in (overlapping or on_line) if same_value(f.get("value"), value)]
        if valued:
            return valued[0], on_line
    return (overlapping[0] if overlapping else None), on_line


def score_passage(text: str, cases: list[dict], findings: list[dict]) -> dict[str, int]:
    """score.py's tally of one passage: caught/contradicted, false_alarms, supported/supported total,
    disputed, good/total."""
    out = dict(caught=0, contradicted=0, false_alarms=0, supported=0, supported_of=0, disputed=0, disputed_of=0,
               good=0, total=0)
    tally = {"contradicted": ("caught", "contradicted"), "supported": ("supported", "supported_of"),
             "disputed": ("disputed", "disputed_of")}
    for case in cases:
        out["total"] += 1
        where = locate(text, case["text"])
        if where is None:
            continue
        line, col, end = where
        order = case["verdict"] if isinstance(case["verdict"], list) else [case["verdict"]]
        wants = set(order)
        found, on_line = pick(findings, line, col, end, case.get("value"))
        got = found.get("verdict") if found else None
        if wants == {"clean"}:
            ok = not any(f.get("verdict") in FLAGGED and f.get("column", col) < end
                         and (f.get("end_column") or 10**9) > col for f in on_line)
            if not ok:
                out["false_alarms"] += 1
        else:
            ok = got in wants or ("clean" in wants and got not in FLAGGED)
            first = next(w for w in order if w in tally)
            hit, of = tally[first]
            out[of] += 1
            out[hit] += ok
            if "contradicted" not in wants and "disputed" not in wants and got in FLAGGED:
                out["false_alarms"] += 1
        out["good"] += ok
    return out


# -- reading a set --------------------------------------------------------------------------------------

def parts_of(root: str) -> list[tuple[str, str]]:
    """(part, directory) of a scored set: orig/ and mut/ under a set's root, or the directory itself."""
    found = [(p, os.path.join(root, p)) for p in ("orig", "mut")
             if os.path.isfile(os.path.join(root, p, "expected.yaml"))]
    if found:
        return found
    if os.path.isfile(os.path.join(root, "expected.yaml")):
        return [("orig", root)]
    raise FileNotFoundError(f"{root}: no expected.yaml (nor orig/ and mut/ holding one)")


def covering(cases: list[dict], text: str, finding: dict, findings: list[dict]) -> list[dict]:
    """The labels of a passage that cover a finding: those it overlaps on their line, and those for which
    the scorer picks it."""
    out = []
    for case in cases:
        where = locate(text, case["text"])
        if where is None:
            continue
        line, col, end = where
        if finding.get("line") != line:
            continue
        f_end = finding.get("end_column") or finding["column"] + len(str(finding.get("text", "")))
        overlaps = isinstance(finding.get("column"), int) and finding["column"] < end and f_end > col
        if overlaps or pick(findings, line, col, end, case.get("value"))[0] is finding:
            out.append(case)
    return out


def label_of(cases: list[dict]) -> int | None:
    """KEEP when a covering label has contradicted or disputed among its verdicts, DROP when they say only
    clean or supported, None when no label covers the finding."""
    if not cases:
        return None
    verdicts = set()
    for case in cases:
        verdicts |= set(case["verdict"] if isinstance(case["verdict"], list) else [case["verdict"]])
    return KEEP if verdicts & FLAGGED else DROP


def read_passage(path: str, cases: list[dict], registry) -> dict:
    """One passage run with a gate that admits everything: its text, labels, findings (as the JSON report
    writes them) and its disagreements, reported (`finding`: the index of its finding) or silenced by the doubt
    checks, each with its features and label."""
    from gate_train import run_file

    from dsfact.render.json import finding_to_dict

    findings, seen = run_file(path, registry)
    rows = json.loads(json.dumps([finding_to_dict(f) for f in findings], ensure_ascii=False, default=str))
    index = {(f.start, f.claim): i for i, f in enumerate(findings)}
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    examples = []
    for f, features, how in seen:
        if how == "supported":
            continue
        if how == "reported":
            i = index[(f.start, f.claim)]
            row = rows[i]
        else:
            i = None
            row = json.loads(json.dumps(finding_to_dict(f), ensure_ascii=False, default=str))
        examples.append({"finding": i, "how": how, "features": features, "where": f"{row['line']}:{row['column']} "
                         f"{row['text']} {row['claim']} {row['verdict']}",
                         "label": label_of(covering(cases, text, row, rows))})
    return {"name": os.path.basename(path), "text": text, "cases": cases, "findings": rows, "examples": examples}


def read_set(root: str, registry) -> dict:
    """A scored set: {"name", "parts": {part: [passage, ...]}} (see read_passage)."""
    out = {"name": os.path.basename(os.path.normpath(root)), "parts": {}}
    for part, folder in parts_of(root):
        with open(os.path.join(folder, "expected.yaml"), encoding="utf-8") as handle:
            expected = yaml.safe_load(handle) or {}
        out["parts"][part] = [read_passage(os.path.join(folder, name), cases or [], registry)
                              for name, cases in expected.items()]
    return out


def examples_of(scored: dict, unlabelled: bool = False, silenced: bool = False) -> list:
    """gate_train Examples of a scored set, to fit on: its reported disagreements that a label covers (and,
    with `unlabelled`, those none covers, as DROP; with `silenced`, those the doubt checks silence too)."""
    from gate_train import Example

    out = []
    for part, passages in scored["parts"].items():
        for p in passages:
            for e in p["examples"]:
                if e["how"] != "reported" and not silenced:
                    continue
                label = e["label"]
                if label is None:
                    if not unlabelled:
                        continue
                    label = DROP
                what = ("mutant" if part == "mut" else "TE") if label == KEEP else "FA"
                out.append(Example(scored["name"], e["features"], label, what, e["how"],
                                   f"{part}/{p['name']}:{e['where']}"))
    return out


def rescore(scored: dict, keeps) -> dict[str, dict[str, int]]:
    """Each part's score.py tally with the reported disagreements `keeps(features)` refuses taken out."""
    out = {}
    for part, passages in scored["parts"].items():
        total: dict[str, int] = {}
        for p in passages:
            drop = {e["finding"] for e in p["examples"] if e["how"] == "reported" and not keeps(e["features"])}
            findings = [f for i, f in enumerate(p["findings"]) if i not in drop]
            for k, v in score_passage(p["text"], p["cases"], findings).items():
                total[k] = total.get(k, 0) + v
        out[part] = total
    return out


def removed(scored: dict, keeps) -> dict[str, list[str]]:
    """Where the refused reported disagreements fall: labelled FA, labelled catches (orig, mut), unlabelled."""
    out: dict[str, list[str]] = {"FA": [], "keep orig": [], "keep mut": [], "unlabelled": []}
    for part, passages in scored["parts"].items():
        for p in passages:
            for e in p["examples"]:
                if e["how"] == "reported" and not keeps(e["features"]):
                    key = "unlabelled" if e["label"] is None else "FA" if e["label"] == DROP else f"keep {part}"
                    out[key].append(f"{scored['name']}/{part}/{p['name']}:{e['where']}")
    return out


# -- leave one set out ------------------------------------------------------------------------------------

def _sum(tallies) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in tallies:
        for k, v in t.items():
            out[k] = out.get(k, 0) + v
    return out


def loso(sets: dict[str, dict], names: list[str], thresholds, l2: float = 1.0, balance: bool = True,
         unlabelled: bool = False, silenced: bool = False, today=None) -> dict:
    """For each held-out set: its score.py tallies (per part) with today's gate (`today`, a Gate; the bundled
    one by default) and, at each threshold, with a model fitted on the other sets; and where the removed
    disagreements fall. {held: {"today": {part: tally}, t: {part: tally}, ("removed", t): {...}}}."""
    from gate_train import fit

    from dsfact.matching.gate import Gate, load_gate

    today = today or load_gate()
    by_set = {n: examples_of(s, unlabelled, silenced) for n, s in sets.items()}
    table = {}
    for held, scored in sets.items():
        train = [e for n, ex in by_set.items() if n != held for e in ex]
        weights, bias = fit(train, names, l2, balance)
        model = Gate(dict(zip(names, weights)), bias, 0.0)
        rows: dict = {"today": rescore(scored, lambda f: today.probability(f) >= today.threshold),
                      "scores": [(model.probability(e.features), e.label) for e in by_set[held] if e.how == "reported"]}
        for t in thresholds:
            keeps = _above(model, t)
            rows[t] = rescore(scored, keeps)
            rows[("removed", t)] = removed(scored, keeps)
        table[held] = rows
    return table


def _above(model, threshold: float):
    return lambda features: model.probability(features) >= threshold


def summary(table: dict, thresholds) -> list[dict]:
    """Summed over the held-out sets, for each threshold: labelled false alarms and catches (orig, mut) with
    today's gate and with the held-out model, and the supported figures kept."""
    out = []
    for t in thresholds:
        row = {"threshold": t}
        for part in ("orig", "mut"):
            before = _sum(rows["today"].get(part, {}) for rows in table.values())
            after = _sum(rows[t].get(part, {}) for rows in table.values())
            for k in ("false_alarms", "caught", "supported"):
                row[f"{k} {part}"] = (before.get(k, 0), after.get(k, 0))
            row[f"contradicted {part}"] = before.get("contradicted", 0)
        row["FA"] = tuple(row["false_alarms orig"][i] + row["false_alarms mut"][i] for i in (0, 1))
        out.append(row)
    return out


def print_summary(rows: list[dict], out) -> None:
    print("threshold  FA today->after (removed)  caught orig today->after  caught mut today->after"
          "  supported orig+mut today->after", file=out)
    for r in rows:
        fa = r["FA"]
        co, cm = r["caught orig"], r["caught mut"]
        so, sm = r["supported orig"], r["supported mut"]
        print(f"{r['threshold']:9.2f}  {fa[0]:3d} -> {fa[1]:<3d} ({fa[0] - fa[1]:3d})          "
              f"{co[0]:3d} -> {co[1]:<3d} of {r['contradicted orig']:<4d}      {cm[0]:3d} -> {cm[1]:<3d} of "
              f"{r['contradicted mut']:<4d}   {so[0] + sm[0]:4d} -> {so[1] + sm[1]}", file=out)


def auc(scores: list[tuple[float, int]]) -> float:
    """How often a KEEP example scores above a DROP one (ties half): 0.5 is chance."""
    keep = sorted(p for p, y in scores if y == KEEP)
    drop = [p for p, y in scores if y == DROP]
    if not keep or not drop:
        return float("nan")
    won = sum(len(keep) - bisect.bisect_right(keep, p) + 0.5 * (bisect.bisect_right(keep, p) - bisect.bisect_left(keep, p))
              for p in drop)
    return won / (len(keep) * len(drop))


def print_per_set(table: dict, threshold: float, out, listed: bool = False) -> None:
    """Per held-out set at one threshold: labelled false alarms and catches (orig, mut) today -> after, and
    how many reported disagreements the model refused of each kind (with `listed`, which)."""
    print(f"per held-out set at {threshold}: FA today->after | caught orig | caught mut | refused: FA, catches"
          " orig, mut, unlabelled", file=out)
    for held, rows in table.items():
        today, after, gone = rows["today"], rows[threshold], rows[("removed", threshold)]
        cells = []
        for k, parts in (("false_alarms", ("orig", "mut")), ("caught", ("orig",)), ("caught", ("mut",))):
            b = sum(today.get(p, {}).get(k, 0) for p in parts)
            a = sum(after.get(p, {}).get(k, 0) for p in parts)
            cells.append(f"{b:3d} -> {a:<3d}")
        print(f"  {held:10s} " + " | ".join(cells) + " | " + " ".join(f"{len(v):3d}" for v in gone.values()), file=out)
        if listed:
            for kind, where in gone.items():
                for w in where:
                    print(f"      {kind:10s} {w}", file=out)
