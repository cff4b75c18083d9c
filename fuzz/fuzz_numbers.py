"""Fuzz the numeric engine (and, with --check, the whole check) with atheris.

    .venv/bin/pip install atheris
    mkdir -p fuzz/out/corpus          # libFuzzer adds what it finds to the first folder (git-ignored)
    .venv/bin/python fuzz/fuzz_numbers.py fuzz/out/corpus fuzz/seeds -dict=fuzz/numbers.dict \
        -max_total_time=600 -artifact_prefix=fuzz/out/
    .venv/bin/python fuzz/fuzz_numbers.py --check fuzz/out/corpus fuzz/seeds -dict=fuzz/numbers.dict \
        -max_total_time=600 -artifact_prefix=fuzz/out/
    .venv/bin/python fuzz/fuzz_numbers.py fuzz/out/crash-<hash>          # replay one input

Every input is decoded as text (atheris' FuzzedDataProvider) and must not raise; every figure's span must
lie inside the text and cover exactly its `text`; figures come in text order. Options after the script's
own are libFuzzer's (-max_total_time, -jobs, -dict, -only_ascii ...). A crash is written to fuzz/out/crash-<hash>: add its text to tests/test_properties.py as a regression case.
"""
import sys

import atheris

with atheris.instrument_imports(include=["dsfact"]):
    from dsfact.check import check_text
    from dsfact.numbers import parse_quantities
    from dsfact.registry import load_registry

CHECK = "--check" in sys.argv
if CHECK:
    sys.argv.remove("--check")
    REGISTRY = load_registry()


def check_spans(text, items):
    previous = -1
    for q in items:
        assert 0 <= q.start < q.end <= len(text), (q.start, q.end, len(text))
        assert text[q.start:q.end] == q.text, (text[q.start:q.end], q.text)
        assert q.start >= previous, "figures out of text order"
        previous = q.start


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(len(data))
    if CHECK:
        findings = check_text(text, REGISTRY)
        check_spans(text, findings)
        for f in findings:
            assert f.location is not None and f.location.line >= 1 and f.location.column >= 1
    else:
        quantities = parse_quantities(text)
        check_spans(text, quantities)
        for q in quantities:
            if q.unit != "date":
                assert q.value == q.value, "NaN value"  # noqa: PLR0124


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
