"""dsfact.matching.partof.whole_of_part tests first that a figure is larger than its neighbour, of its unit, before
it reads the words between them: what it says is what reading the words of both neighbours says, in texts where
a part is told with its whole and where it is not."""
from __future__ import annotations

from dsfact.matching.partof import _whole, whole_of_part

TEXTS = [
    "South Korea's government will take 50,000 of the 260,000 Nvidia GPUs, and SK Group 50,000.",
    "DeepSeek trained V3 on 2,048 of its 10,000 GPUs for $5.6 million; Nvidia lost $589 billion.",
    "DeepSeek用其1万块GPU中的2048块训练V3。韩国政府将从26万块英伟达GPU中获得5万块。",
    "It used 10,000 of its 2,048 GPUs, then 3 of its 5 clusters and 7% of its $6 million.",
]


def _afresh(reader, k: int) -> bool:
    return any(_whole(reader, j, owned=True) == k for j in (k - 1, k + 1) if 0 <= j < len(reader.quantities))


def test_whole_of_part_says_what_reading_the_words_says(reader_of):
    wholes = 0
    for text in TEXTS:
        reader = reader_of(text)
        said = [whole_of_part(reader, k) for k in range(len(reader.quantities))]
        assert said == [_afresh(reader, k) for k in range(len(reader.quantities))], text
        wholes += sum(said)
    assert wholes >= 3  # "of its 10,000 GPUs", 其1万块GPU中的, "of its 5 clusters"
