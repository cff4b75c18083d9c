"""Figures of another thing than the claim's, told in the claim's own words: the rules dsfact.check._doubt asks
together. A size told right before a quoted name of another venture ("€150bn for its “AI Champions Initiative”":
dsfact.matching.quotedname), a figure in a clause that describes another noun ("OpenAI's top model, which cost $100
million to build", 2023年推出的H800芯片: dsfact.matching.relclause) and a part of a whole the passage tells as a sum ("invest €50 billion
... a €150 billion pledge ... a total of €200 billion": dsfact.matching.partsum) may agree with the claim by chance,
never contradict it; so may a figure whose nearer subject is a pair of the venture's partners
(dsfact.matching.pairdeal) and a further move of a claim's subject (dsfact.matching.furthermove)."""
from __future__ import annotations

from dsfact.matching.furthermove import further_move
from dsfact.matching.pairdeal import pair_nearer
from dsfact.matching.partsum import adds_more, adds_to_whole, sums_parts
from dsfact.matching.quotedname import sizes_quoted_name
from dsfact.matching.relclause import of_antecedent
from dsfact.model import Claim, Quantity


def of_other_thing(text, q: Quantity, claim: Claim) -> bool:
    """Whether figure q is another thing's than claim's: a quoted venture's size (sizes_quoted_name, asked first, as
    _doubt asked it before), a described noun's (of_antecedent), a part of a told total (adds_to_whole) a first sum
    another told as added makes the whole (adds_more), a sum of the claim's figure and another (sums_parts) or a
    deal of two partners named nearer than the venture (pair_nearer), or a further move (further_move)."""
    return sizes_quoted_name(text, q, claim) or of_antecedent(text, q, claim) or adds_to_whole(text, q, claim) \
        or adds_more(text, q, claim) or sums_parts(text, q, claim) or pair_nearer(text, q, claim) \
        or further_move(text, q, claim)
