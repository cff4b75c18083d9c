"""Sentence ends a page's scraping turned into a counter: "... stage cost only $294,000 0 the journal printed
the peer-reviewed paper on Wednesday 1 the lab said it ran the job on 512 Nvidia H800 2 the chips were a cut-down
part ...". Each sentence's full stop (and the next one's first word) gave
way to a number, counting up from 0 or 1 through the paragraph. A run of at least RUN such bare numbers of one
or two digits, each between two words and each one more than the one before (other figures may stand between
them: "on 512 Nvidia"), ends a sentence after each: the figures of one sentence keep to their own subject
("the job" is R1's reinforcement stage, named a sentence before), not one of a paragraph run together. A count
or list in order within a sentence ("1 to 2 to 3") is no such run: its numbers stand between figures, not words.
Chinese pages scraped the same way read the same ("……只花了29.4万美元 0 相关论文刊登于…… 1 ……"): a word there
is a Chinese character as well as a Latin letter."""
from __future__ import annotations

from dsfact.numbers.patterns import lazy

RUN = 4  # so many numbers counting up in order between words make a counter
REACH = 800  # characters at most from one number of a counter to the next
_MARK = lazy(r"(?<=[A-Za-z0-9\u4e00-\u9fff]) ([0-9]{1,2}) (?=[A-Za-z\u4e00-\u9fff])")


def counter_ends(text: str) -> list[int]:
    """The offsets right after each number of a counter that replaced sentence ends (module docstring), in order."""
    if " 0 " not in text and " 1 " not in text:
        return []  # (no counter starts: the pattern is not compiled)
    out: list[int] = []
    run: list[tuple[int, int]] = []  # (end, value) of the counter being read
    for m in _MARK.finditer(text):
        value = int(m.group(1))
        if run and value == run[-1][1] + 1 and m.start() - run[-1][0] <= REACH:
            run.append((m.end(1), value))
        elif value in (0, 1) and not (run and value == run[-1][1] + 1):
            if len(run) >= RUN:
                out.extend(end for end, _ in run)
            run = [(m.end(1), value)]
    if len(run) >= RUN:
        out.extend(end for end, _ in run)
    return out
