"""What a module found in the text it read last is kept for that text only."""
from dsfact.matching.memo import LastText


def test_findings_belong_to_the_text_last_read():
    memo = LastText()
    first, second = object(), object()
    memo.of(first)["sentence 0"] = True
    assert memo.of(first) == {"sentence 0": True}
    assert memo.of(second) == {}  # another text starts empty ...
    assert memo.of(first) == {}  # ... and the first text's findings are gone with it


def test_each_thread_keeps_its_own_text():
    # an archive's threads check texts side by side: one thread's findings are never another's
    import threading

    memo = LastText()
    first = object()
    memo.of(first)["sentence 0"] = True
    seen = []
    other = threading.Thread(target=lambda: seen.append(dict(memo.of(first))))
    other.start()
    other.join()
    assert seen == [{}]
    assert memo.of(first) == {"sentence 0": True}  # ... and this thread's stay its own
