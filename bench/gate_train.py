"""Train the gate on disagreements (dsfact/matching/gate.py, docs/gate.md) from labelled sets of real text.

    python bench/gate_train.py SET_DIR [SET_DIR ...] [--out MODEL.json] [--threshold P] [--report]

Each SET_DIR holds a labelled sample of published text, as a newsroom keeps one:
- `texts/`: the passages, one file each;
- `work/labels_*.json` (or `work/judged.json`, a list of findings): `findings`, each with file, line, col, claim and a `judgement` of the finding a
  run made: FA (a false alarm), TE (a true error), OK, WB (a wrong claim), DEB (debatable), MISSERR (a
  wrong value missed); `misses` (file, line, text, claim, kind) for figures no run reported;
- `mut/*_before/` and `mut/*_before.jobs.json` (optional): mutants, copies of a passage with one registered figure
  changed to a wrong value; each job gives the mutant's file (`mutant`), the place of the changed figure
  (`line_`, `ncol`, `ncol_end`, 1-based, inclusive) and the claim it states.

The engine runs in-process with a gate that keeps everything and records the features of every figure that
disagrees with its claim, and of those the doubt checks silence. Each becomes an example: keep (1) a
mutant disagreeing at its place with its claim, a figure labelled TE or MISSERR; drop (0) a figure labelled
FA (or OK/WB, a right figure now disagreeing), any other disagreement in a passage (published copy is
rarely wrong: an unlabelled one is a false alarm), and a disagreement in a mutant away from its changed
figure that the passage itself does not make. DEB is left out.

The model is L2-regularised logistic regression, fitted by Newton's method in pure Python. With two sets
or more it is evaluated leave-one-set-out: trained on the others, it gates the held-out set's reported
disagreements at several thresholds (false alarms removed against mutants and true errors lost). Then it is
fitted on every set and written, with the threshold given or the one `pick_threshold` finds best held out.
`--cases DIR` adds a directory of labelled sentences in tests/cases' format as one more set.

    python bench/gate_train.py --scored SET_ROOT [SET_ROOT ...] --report [--l2 X] [--no-balance] [--features a,b]

reads sets in the scorer's format instead (bench/gate_sets.py: a root with orig/ and mut/, each holding passages
and an expected.yaml, or one such directory; a set is one root) and, with `--report`, prints the leave-one-set-out
table: summed over the held-out sets, the labelled false alarms and catches (orig, mut) score.py would count with
today's gate and with the held-out model at each threshold, then per held-out set at `--at`. It writes no model.
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import math
import os
import sys

THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
KEEP, DROP = 1, 0


class Recorder:
    """A gate that admits every disagreement and records its features (and those the doubt checks drop)."""

    def __init__(self) -> None:
        self.seen: list[tuple[object, dict[str, float], bool]] = []  # (finding, features, silenced by doubt)

    def admits(self, finding, features: dict[str, float]) -> bool:
        self.seen.append((finding, dict(features), False))
        return True

    def doubted(self, finding, features: dict[str, float]) -> None:
        self.seen.append((finding, dict(features), True))


class Example:
    """One figure bound to a claim: its features, its label (KEEP, DROP), what it is (mutant, TE, FA, OK,
    WB) and how the engine left it (reported, silenced, supported)."""

    __slots__ = ("set", "features", "label", "what", "how", "where")

    def __init__(self, set_name, features, label, what, how, where) -> None:
        self.set, self.features, self.label, self.what, self.how, self.where = \
            set_name, features, label, what, how, where


def run_file(path: str, registry) -> tuple[list, list]:
    """The findings dsfact reports in a file with no gate, and what the recorder saw: (finding, features,
    how: "reported", "silenced" (by the doubt checks or the rules after the gate) or "supported"), each
    finding located."""
    from dsfact.check import check_document
    from dsfact.document import read_document

    doc = read_document(path)
    recorder = Recorder()
    result = check_document(doc, registry, gate=recorder)
    right = [(f.start, f.claim) for f in result.findings if f.verdict == "supported"]
    reported = {(f.start, f.claim) for f in result.findings}
    seen = []
    for finding, features, doubted in recorder.seen:
        if finding.verdict == "supported":
            how = "supported"
        else:
            how = "reported" if not doubted and (finding.start, finding.claim) in reported else "silenced"
        # as the gate sees it: another figure of the text states the claim with a value that agrees
        features["stated_right"] = float(any(c == finding.claim and at != finding.start for at, c in right))
        seen.append((finding._replace(location=doc.location(finding.start, finding.end)), features, how))
    return result.findings, seen


def _labels(set_dir: str) -> dict:
    paths = [p for p in glob.glob(os.path.join(set_dir, "work", "labels_*.json"))
             if os.path.basename(p).count(".") == 1] + glob.glob(os.path.join(set_dir, "work", "judged.json"))
    found: dict = {"findings": {}, "misserr": []}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        if isinstance(data, list):  # findings only
            data = {"findings": data}
        for x in data.get("findings", ()):
            found["findings"][(x["file"], x["line"], x["col"], x["claim"])] = x["judgement"]
        found["misserr"] += [m for m in data.get("misses", ()) if m.get("kind") == "MISSERR"]
    return found


def _passage_label(name: str, finding, labels: dict) -> tuple[int, str] | None:
    """The label and kind of a disagreement in a passage, or None to leave it out."""
    loc = finding.location
    judgement = labels["findings"].get((name, loc.line, loc.column, finding.claim))
    if judgement in ("TE", "MISSERR"):
        return KEEP, "TE"
    if judgement == "DEB":
        return None
    if any(m["file"] == name and m["line"] == loc.line and m["claim"] == finding.claim and m["text"] in finding.text
           for m in labels["misserr"]):
        return KEEP, "TE"
    return DROP, "FA"  # FA, OK or WB now disagreeing, or unlabelled: published copy is rarely wrong


def _binding_label(name: str, finding, labels: dict) -> tuple[int, str] | None:
    """A supported figure as an example of binding: OK (firm), WB (a wrong claim); others left out."""
    loc = finding.location
    judgement = labels["findings"].get((name, loc.line, loc.column, finding.claim))
    return {"OK": (KEEP, "OK"), "WB": (DROP, "WB")}.get(judgement)


def collect(set_dir: str, registry, bindings: bool = True) -> list[Example]:
    """The examples of one labelled set (with `bindings`, its supported figures labelled OK or WB too)."""
    name_of_set = os.path.basename(os.path.normpath(set_dir))
    labels = _labels(set_dir)
    examples: list[Example] = []
    made: dict[str, set] = {}  # passage -> (line, text, claim) of its own disagreements
    for path in sorted(glob.glob(os.path.join(set_dir, "texts", "*"))):
        name = os.path.basename(path)
        _, seen = run_file(path, registry)
        made[name] = {(f.location.line, f.text, f.claim) for f, _, how in seen if how != "supported"}
        for f, features, how in seen:
            if how == "supported":
                found = _binding_label(name, f, labels) if bindings else None
            else:
                found = _passage_label(name, f, labels)
            if found is not None:
                examples.append(Example(name_of_set, features, found[0], found[1], how,
                                        f"{name}:{f.location.line} {f.text} {f.claim}"))
    for jobs_path in sorted(glob.glob(os.path.join(set_dir, "mut", "*_before.jobs.json"))):
        with open(jobs_path, encoding="utf-8") as handle:
            jobs = json.load(handle)
        folder = jobs_path[:-len(".jobs.json")]
        for job in jobs:
            examples += _mutant_examples(name_of_set, os.path.join(folder, job["mutant"]), job, made, registry)
    return examples


def _mutant_examples(name_of_set: str, path: str, job: dict, made: dict, registry) -> list[Example]:
    _, seen = run_file(path, registry)
    out = []
    own = made.get(job["file"], set())
    for f, features, how in seen:
        if how == "supported":
            continue  # the passage's own figures, counted once there
        loc = f.location
        at = loc.line == job["line_"] and loc.column < job["ncol_end"] + 1 and loc.end_column > job["ncol"]
        where = f"{job['mutant']}:{loc.line} {f.text} {f.claim}"
        if at and f.claim == job["claim"]:
            out.append(Example(name_of_set, features, KEEP, "mutant", how, where))
        elif not at and (loc.line, f.text, f.claim) not in own:
            out.append(Example(name_of_set, features, DROP, "FA", how, where))
    return out


def collect_cases(cases_dir: str, registry) -> list[Example]:
    """The examples of a directory of labelled sentences in tests/cases' format (YAML lists of cases with
    text, figure, expect and claim): a figure expected contradicted or disputed that the engine reports so
    is one to keep (a true error: no threshold may lose it); a disagreement at a figure expected "not
    judged" (silenced by the doubt checks, as the suite requires) is one to drop; a supported figure is an
    example of a firm binding. Cases marked `known` (not yet read right) are left out."""
    import yaml

    from dsfact.check import check_document, find_findings
    from dsfact.document import read_document

    examples = []
    for path in sorted(glob.glob(os.path.join(cases_dir, "**", "*.yaml"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            cases = yaml.safe_load(handle) or []
        for n, case in enumerate(cases, 1):
            if case.get("known"):
                continue
            recorder = Recorder()
            text = case["text"]
            if case.get("format"):
                doc = read_document(f"case.{case['format']}", data=text.encode(), format=case["format"])
                text = doc.text
                check_document(doc, registry, date=case.get("date"), gate=recorder)
            else:
                find_findings(text, registry, date=case.get("date"), gate=recorder)
            start = text.find(case["figure"])
            end = start + len(case["figure"])
            where = f"{os.path.basename(path)}:{n} {case['figure']} {case.get('claim')}"
            for finding, features, doubted in recorder.seen:
                if not (finding.start < end and start < finding.end):
                    continue
                features.setdefault("stated_right", 0.0)
                how = "supported" if finding.verdict == "supported" else "silenced" if doubted else "reported"
                if case["expect"] in ("contradicted", "disputed") and finding.claim == case.get("claim") \
                        and how == "reported":
                    examples.append(Example("cases", features, KEEP, "TE", how, where))
                elif case["expect"] == "not judged" and how != "supported":
                    examples.append(Example("cases", features, DROP, "FA", how, where))
                elif case["expect"] == "supported" and how == "supported" and finding.claim == case.get("claim"):
                    examples.append(Example("cases", features, KEEP, "OK", how, where))
    return examples


# -- the model: L2-regularised logistic regression, Newton's method --------------------------------------

def fit(examples: list[Example], names: list[str], l2: float = 1.0, balance: bool = True) -> tuple[list[float], float]:
    """Weights (one per name) and bias. Classes are weighed to count equally when `balance`."""
    xs = [[e.features.get(n, 0.0) for n in names] + [1.0] for e in examples]
    ys = [e.label for e in examples]
    pos = sum(ys) or 1
    neg = (len(ys) - sum(ys)) or 1
    cw = [(len(ys) / (2 * pos) if y else len(ys) / (2 * neg)) if balance else 1.0 for y in ys]
    k = len(names) + 1
    w = [0.0] * k
    for _ in range(30):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y, c in zip(xs, ys, cw):
            z = sum(a * b for a, b in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(min(z, 35.0), -35.0)))
            g, h = c * (p - y), c * p * (1 - p)
            for i in range(k):
                if x[i]:
                    grad[i] += g * x[i]
                    hx = h * x[i]
                    row = hess[i]
                    for j in range(k):
                        if x[j]:
                            row[j] += hx * x[j]
        for i in range(k - 1):  # the bias is not regularised
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        hess[k - 1][k - 1] += 1e-6
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w[:-1], w[-1]


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a·x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for j in range(c, n + 1):
                    m[r][j] -= f * m[c][j]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(m[r][r]) < 1e-12:
            continue
        x[r] = (m[r][n] - sum(m[r][j] * x[j] for j in range(r + 1, n))) / m[r][r]
    return x


def probability(weights: list[float], bias: float, names: list[str], features: dict[str, float]) -> float:
    """The probability the engine's gate computes with these weights (dsfact.matching.gate.Gate), so that
    a threshold is evaluated as it will act."""
    from dsfact.matching.gate import Gate

    return Gate(dict(zip(names, weights)), bias, 0.0).probability(features)


def tally(examples: list[Example], weights, bias, names, threshold: float | None) -> dict[str, tuple[int, int]]:
    """Of the reported disagreements: false alarms, mutants and true errors, each as (before the gate,
    after it); and of those the doubt checks silence (`FA silenced`, `mutant silenced`), how many the gate
    would let through on its own: a measure of what it does where no hand rule has been written yet."""
    out = {"FA": [0, 0], "mutant": [0, 0], "TE": [0, 0], "FA silenced": [0, 0], "mutant silenced": [0, 0]}
    for e in examples:
        if e.how == "supported" or (e.how == "silenced" and e.what == "TE"):
            continue
        kept = threshold is None or probability(weights, bias, names, e.features) >= threshold
        key = e.what if e.how == "reported" else f"{e.what} silenced"
        out[key][0] += 1
        out[key][1] += kept
    return {k: (v[0], v[1]) for k, v in out.items()}


def leave_one_out(by_set: dict[str, list[Example]], names: list[str], l2: float, thresholds) -> dict:
    """For each held-out set and threshold, its tally with a model trained on the other sets."""
    table = {}
    for held in by_set:
        train = [e for s, ex in by_set.items() if s != held for e in ex]
        weights, bias = fit(train, names, l2)
        table[held] = {t: tally(by_set[held], weights, bias, names, t) for t in thresholds}
    return table


def pick_threshold(table: dict, max_loss: float) -> float:
    """The threshold that removes the most held-out false alarms for the caught mutants it loses (a false
    alarm counting twice a missed mutant: precision first), among those at which no held-out set loses
    more than max_loss of its caught mutants or any true error; the lowest such one on a tie (when no
    threshold removes a false alarm, the lowest: a gate that costs mutants for nothing is not wanted)."""
    best, best_gain = min(THRESHOLDS), 0
    for t in sorted({t for rows in table.values() for t in rows}):
        gain, ok = 0, True
        for rows in table.values():
            before, after = rows[t]["mutant"]
            if rows[t]["TE"][1] < rows[t]["TE"][0] or (before and before - after > max_loss * before):
                ok = False
            gain += 2 * (rows[t]["FA"][0] - rows[t]["FA"][1]) - (before - after)
        if ok and gain > best_gain:
            best, best_gain = t, gain
    return best


def _print_table(table: dict, out) -> None:
    print("held-out  threshold  FA before->after  mutants before->after  TE before->after"
          "  | silenced by doubt, let through: FA  mutants", file=out)
    for held, rows in table.items():
        for t, r in rows.items():
            print(f"{held:9s} {t:9.2f}  {r['FA'][0]:3d} -> {r['FA'][1]:<3d}         {r['mutant'][0]:3d} -> {r['mutant'][1]:<3d}"
                  f"              {r['TE'][0]:2d} -> {r['TE'][1]:<2d}"
                  f"              {r['FA silenced'][1]:3d}/{r['FA silenced'][0]:<3d} {r['mutant silenced'][1]:3d}/"
                  f"{r['mutant silenced'][0]}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", help="labelled set directories (texts/, work/labels_*.json, mut/)")
    parser.add_argument("--scored", nargs="+", default=[], help="sets in the scorer's format (bench/gate_sets.py)")
    parser.add_argument("--report", action="store_true", help="with --scored: print the leave-one-set-out table only")
    parser.add_argument("--no-balance", action="store_true", help="do not weigh the classes to count equally")
    parser.add_argument("--features", help="a comma-separated subset of the gate's features to fit on")
    parser.add_argument("--thresholds", help="comma-separated thresholds to evaluate (--scored)")
    parser.add_argument("--at", type=float, help="the threshold of the per-set breakdown (--scored --report)")
    parser.add_argument("--unlabelled", action="store_true",
                        help="with --scored: train on disagreements no label covers, as ones to drop")
    parser.add_argument("--silenced", action="store_true",
                        help="with --scored: train on the disagreements the doubt checks silence too")
    parser.add_argument("--out", help="where to write the model (default: the bundled gate.json)")
    parser.add_argument("--threshold", type=float, help="the threshold to write (default: picked leave-one-set-out)")
    parser.add_argument("--max-loss", type=float, default=0.05, help="the share of caught mutants a held-out set may lose")
    parser.add_argument("--l2", type=float, default=1.0, help="the L2 penalty on the weights")
    parser.add_argument("--only-reported", action="store_true",
                        help="learn only from reported disagreements (not from silenced ones or supported figures)")
    parser.add_argument("--cases", help="a directory of labelled sentences in tests/cases' format, as one more set")
    parser.add_argument("--dump", help="write the examples (JSON) here")
    args = parser.parse_args(argv)

    from dsfact.matching.gate import FEATURES
    from dsfact.registry import load_registry

    registry = load_registry()
    names = args.features.split(",") if args.features else list(FEATURES)
    if args.scored:
        return _scored(args, names, registry)
    if not args.sets:
        parser.error("give labelled set directories, or --scored ones")
    by_set = {}
    for set_dir in args.sets:
        examples = collect(set_dir, registry, bindings=not args.only_reported)
        if args.only_reported:
            examples = [e for e in examples if e.how == "reported"]
        by_set[os.path.basename(os.path.normpath(set_dir))] = examples
        counts = {h: dict(collections.Counter(e.what for e in examples if e.how == h))
                  for h in ("reported", "silenced", "supported")}
        print(f"{set_dir}: {len(examples)} examples: {counts}", file=sys.stderr)
    if args.cases:
        by_set["cases"] = collect_cases(args.cases, registry)
        print(f"{args.cases}: {len(by_set['cases'])} examples", file=sys.stderr)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as handle:
            json.dump([dict(set=e.set, label=e.label, what=e.what, how=e.how, where=e.where,
                            features=e.features) for ex in by_set.values() for e in ex], handle, ensure_ascii=False)
    threshold = args.threshold
    if len(by_set) > 1:
        table = leave_one_out(by_set, names, args.l2, THRESHOLDS)
        _print_table(table, sys.stdout)
        if threshold is None:
            threshold = pick_threshold(table, args.max_loss)
    if threshold is None:
        threshold = min(THRESHOLDS)
    everything = [e for ex in by_set.values() for e in ex]
    weights, bias = fit(everything, names, args.l2)
    _write(args.out, sorted(by_set), everything, args.l2, names, weights, bias, threshold)
    return 0


def _scored(args, names: list[str], registry) -> int:
    """--scored: read the scorer-format sets, evaluate leave-one-set-out and print the table (--report), or
    fit on every set and write the model."""
    import gate_sets

    sets = {}
    for root in args.scored:
        scored = gate_sets.read_set(root, registry)
        sets[scored["name"]] = scored
        examples = gate_sets.examples_of(scored, args.unlabelled, args.silenced)
        print(f"{root}: {len(examples)} examples: {dict(collections.Counter(e.what for e in examples))}", file=sys.stderr)
    thresholds = tuple(float(t) for t in args.thresholds.split(",")) if args.thresholds else THRESHOLDS
    balance = not args.no_balance
    if args.report:
        table = gate_sets.loso(sets, names, thresholds, args.l2, balance, args.unlabelled, args.silenced)
        gate_sets.print_summary(gate_sets.summary(table, thresholds), sys.stdout)
        print(f"held-out AUC (reported, labelled, pooled): {gate_sets.auc([x for r in table.values() for x in r['scores']]):.3f}")
        gate_sets.print_per_set(table, args.at if args.at is not None else thresholds[0], sys.stdout, listed=True)
        return 0
    if args.threshold is None:
        sys.exit("--scored without --report writes a model: give its --threshold")
    everything = [e for s in sets.values() for e in gate_sets.examples_of(s, args.unlabelled, args.silenced)]
    weights, bias = fit(everything, names, args.l2, balance)
    _write(args.out, sorted(sets), everything, args.l2, names, weights, bias, args.threshold)
    return 0


def _write(out, sets, everything, l2, names, weights, bias, threshold) -> None:
    from dsfact.matching.gate import MODEL_PATH

    model = {"note": "written by bench/gate_train.py: logistic regression over the features of dsfact.matching.gate",
             "sets": sets, "examples": len(everything), "l2": l2,
             "weights": {n: round(w, 4) for n, w in zip(names, weights)}, "bias": round(bias, 4),
             "threshold": threshold}
    with open(out or MODEL_PATH, "w", encoding="utf-8") as handle:
        json.dump(model, handle, indent=1)
        handle.write("\n")
    print(f"wrote {out or MODEL_PATH}: threshold {threshold}, bias {bias:.3f}")
    for n, w in sorted(zip(names, weights), key=lambda p: -abs(p[1])):
        print(f"  {n:22s} {w:+.3f}")


if __name__ == "__main__":
    sys.exit(main())
