"""List the evidence behind every disagreement dsfact finds in a set of texts (dsfact.matching.evidence,
docs/gate.md): how each figure that disagrees with its claim was bound, and whether it was reported or
silenced.

    python bench/evidence_audit.py PATH [PATH ...] [--date YYYY-MM-DD]

PATH is a file or a directory (its files, recursively). One line per disagreement:
file:line:col  claim  figure  reported|silenced  subject=... metric=... time=... kind=...
then the counts by evidence. Reads the texts as `dsfact check` does, with the bundled registry.
"""
from __future__ import annotations

import argparse
import collections
import os
import sys


class Recorder:
    """A gate that admits every disagreement and keeps the features of each (and of those silenced)."""

    def __init__(self) -> None:
        self.seen: list[tuple[object, dict[str, float], str]] = []

    def admits(self, finding, features: dict[str, float]) -> bool:
        self.seen.append((finding, dict(features), "reported"))
        return True

    def doubted(self, finding, features: dict[str, float]) -> None:
        if finding.verdict != "supported":
            self.seen.append((finding, dict(features), "silenced"))


def grades(features: dict[str, float]) -> dict[str, str]:
    """The evidence's grades, back from the gate's features."""
    subject = "clause" if features.get("subject_in_clause") else \
        "carried" if features.get("subject_carried") else "sentence"
    metric = "clause" if features.get("metric_in_clause") else "parallel" if features.get("metric_parallel") \
        else "none" if features.get("metric_none") else "sentence"
    return {"subject": subject, "metric": metric,
            "time": "unsaid" if features.get("time_unsaid") else "said or none",
            "kind": "unsaid" if features.get("kind_unsaid") else "said or none"}


def _paths(args: list[str]) -> list[str]:
    out = []
    for arg in args:
        if os.path.isdir(arg):
            for root, _, files in os.walk(arg):
                out += [os.path.join(root, name) for name in sorted(files)]
        else:
            out.append(arg)
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--date", help="the texts' date (ISO), as `dsfact check --date` gives it")
    args = parser.parse_args(argv)

    from dsfact.check import check_document
    from dsfact.document import read_document
    from dsfact.registry import load_registry

    registry = load_registry()
    counts: collections.Counter = collections.Counter()
    for path in _paths(args.paths):
        doc = read_document(path)
        recorder = Recorder()
        result = check_document(doc, registry, date=args.date, gate=recorder)
        reported = {(f.start, f.claim) for f in result.findings}
        for finding, features, how in recorder.seen:
            if how == "reported" and (finding.start, finding.claim) not in reported:
                how = "silenced"  # dropped by the rules after the gate (one figure per clause, beside its own statement)
            loc = doc.location(finding.start, finding.end)
            g = grades(features)
            counts[(how, g["subject"], g["metric"])] += 1
            print(f"{path}:{loc.line}:{loc.column}  {finding.claim}  {finding.text!r}  {how}  "
                  + "  ".join(f"{k}={v}" for k, v in g.items()))
    print("\ncounts (how, subject, metric):")
    for key, n in sorted(counts.items()):
        print(f"  {' '.join(key):40s} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
