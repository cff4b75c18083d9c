"""What a module found in the text it read last is kept for that text only."""
from dsfact.matching.memo import LastText


def test_findings_belong_to_the_text_last_read():
    memo = LastText()
    first, second = object(), object()
    memo.of(first)["sentence 0"] = True
    assert memo.of(first) == {"sentence 0": True}
    assert memo.of(second) == {}  # another text starts empty ...
    assert memo.of(first) == {}  # ... and the first text's findings are gone with it
