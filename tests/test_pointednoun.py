"""dsfact.matching.pointednoun._opens_pointing reads the sentence's opening in place, by offsets: the figure's
offset bounds what it reads, as a slice up to the figure would."""
from dsfact.matching.pointednoun import _opens_pointing


def test_opens_pointing_reads_a_pointing_noun():
    text = "the centre meets the eu's goals. this bid would cost 3"
    start = text.index("this")
    assert _opens_pointing(text, start, len(text))
    assert not _opens_pointing(text, start, start + len("this "))  # only up to the figure: no noun before it
    assert not _opens_pointing("this year it rose 7%", 0, 17)  # a word of `after`: no pointing noun
    assert _opens_pointing("“该案总投资额预估为30", 0, 12)
    assert not _opens_pointing("该案", 0, 1)  # the figure right after 该
    assert not _opens_pointing("该是", 0, 2)
