"""Renderers: pure functions from a Report to text; the only place output formats live."""
from __future__ import annotations


def captured(console, *renderables) -> str:
    """What `console` would print for each renderable, as text (with its colours, at its width)."""
    with console.capture() as capture:
        for renderable in renderables:
            console.print(renderable)
    return capture.get()


def summary_line(report) -> str:
    """"2 files: 5 supported, 1 contradicted, 0 disputed": the last line of every text format."""
    s = report.summary
    files = len(report.files)
    return (f"{files} file{'s' if files != 1 else ''}: {s['supported']} supported, "
            f"{s['contradicted']} contradicted, {s['disputed']} disputed")


def statistics_rows(report) -> list[tuple[str, str, int]]:
    """(claim, verdict, count) for every claim and verdict of the run: most frequent first."""
    counts: dict[tuple[str, str], int] = {}
    for result in report.files:
        for f in result.findings:
            counts[(f.claim, f.verdict)] = counts.get((f.claim, f.verdict), 0) + 1
    return [(claim, verdict, n) for (claim, verdict), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def render_statistics(report, registry) -> str:
    """`--statistics` as text: a count, the claim, the verdict and what the claim is, per line."""
    from dsfact.render.escape import visible

    rows = statistics_rows(report)
    if not rows:
        return "statistics: no findings\n"
    out = ["statistics:"]
    width = max(len(str(n)) for _, _, n in rows)
    claim_width = max(len(c) for c, _, _ in rows)
    for claim_id, verdict, n in rows:
        claim = registry.claim(claim_id) if registry is not None else None
        about = f"  {claim.subject}, {claim.metric}" if claim is not None else ""
        line = f"{n:>{width}}  {claim_id:<{claim_width}}  {verdict:<12}{about}".rstrip()
        out.append(visible(line))  # registry strings: shown, never sent to the terminal
    return "\n".join(out) + "\n"
