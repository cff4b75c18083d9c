"""The types of a read document: `Document` (the decoded file, the prose that is checked, and where
each prose character came from) and `Block` (one unit of its structure)."""
from __future__ import annotations

from collections.abc import Sequence

from dsfact.document.lines import LineIndex
from dsfact.model import Location, record

TYPE_CHECKING = False  # True to a type checker; importing typing for it costs 16 million instructions
if TYPE_CHECKING:
    from dsfact.document.directives import Directive

# As in dsfact.model, a record is a named tuple and a record filled in as it goes a small class
# with slots, not a dataclass: a hook starts dsfact on every commit, and building a dataclass
# costs more than a short article's check of a paragraph.


@record
class Block:
    """One unit of a document's structure, in `Document.text` offsets: text[start:end] (trimmed).

    `kind` is "paragraph", "heading", "item" (a paragraph of a list item), "quote" (of a block
    quote), "cell" (a table cell) or "footnote". `headings` are the texts of the headings above it,
    outermost first (for a heading, those above it). `depth` is how many lists it stands in (0 outside
    any). `lead` is, for a block in a list, the text of the block just before the list opened (the
    list's lead line: "DeepSeek's costs:" above "- $5.6 million for the final run"; for a nested list,
    the item it hangs from), or None when a heading or nothing stands there. The binding of a figure
    to its subject reads this: a heading or a lead line can carry the subject of the lines below it.
    For a table cell, `row` is the text of its row's first cell (the row's label; None for a first
    cell) and `column` the text of its column's header cell (None in the header): a cell's figure is
    about what its row and column name ("| DeepSeek-R1 | $2.19 |" under "| Model | Output price |"); a
    definition (<dd>) is so about its term (<dt>), its `row`. `linked` is True for a list item or paragraph
    that is one link's text, after at most a label ("- [Nvidia adds 3% ...](url)", "Read more: <a>...</a>"):
    a headline of another page, whose figures are that page's.
    """

    start: int
    end: int
    kind: str
    headings: tuple[str, ...] = ()
    lead: str | None = None
    depth: int = 0
    row: str | None = None
    column: str | None = None
    linked: bool = False


_SHOWN = ("path", "original", "text", "origin", "format", "encoding", "directives", "blocks", "date")


class Document:
    """A decoded file and the prose in it that is checked.

    `origin` is a list or a range: origin[i] is the index in `original` of text[i], and it is
    len(text) + 1 long (the last is the end). `_ends` holds where a text character stands for more
    than one original character (an entity such as "&nbsp;"): text index -> original end
    (exclusive); others end at origin[i] + 1.
    """

    __slots__ = (*_SHOWN, "_ends", "_index")

    def __init__(self, path: str, original: str, text: str, origin: Sequence[int], format: str = "text",  # noqa: A002
                 encoding: str = "utf-8", directives: list[Directive] | None = None,
                 blocks: list[Block] | None = None, _ends: dict[int, int] | None = None,
                 date: str | None = None) -> None:
        self.path = path  # as given ("-" or the --stdin-filename for stdin)
        self.original = original  # the decoded file
        self.text = text  # what is checked: prose only
        self.origin = origin
        self.format = format  # "text" | "markdown" | "html" | "docx"
        self.encoding = encoding
        self.directives = [] if directives is None else directives
        self.blocks = [] if blocks is None else blocks  # paragraphs, headings, list items, cells, in order
        self._ends = {} if _ends is None else _ends
        self.date = date  # the date it gives itself (dsfact.document.dated), ISO, or None
        self._index: LineIndex | None = None

    def _replace(self, **changes) -> Document:
        """A copy with some fields changed (entity ends kept), as a named tuple's `_replace`."""
        fields = {name: getattr(self, name) for name in _SHOWN}
        fields["_ends"] = self._ends
        fields.update(changes)
        return Document(**fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _SHOWN)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq is

    def __repr__(self) -> str:
        return "Document(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in _SHOWN) + ")"

    def location(self, start: int, end: int) -> Location:
        """The 1-based line and column in the ORIGINAL file of text[start:end].

        Columns count Unicode code points; `end_column` is one past the last character (for a
        character decoded from an entity, one past the entity). "\\r\\n" is one line break; the
        "\\r" belongs to its line.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span {start}:{end} is outside the text (length {n})")
        o_start = self.origin[start]
        if end == start:
            return self.lines.location(o_start, o_start)
        last = end - 1
        o_end = self._ends.get(last)
        if o_end is None:
            o_end = self.origin[last] + 1
        if o_end <= o_start:  # cannot happen with a well-formed origin; be safe
            o_end = o_start + 1
        return self.lines.location(o_start, o_end)

    @property
    def lines(self) -> LineIndex:
        """The line index of `original` (built on first use)."""
        index = self._index
        if index is None:
            index = self._index = LineIndex(self.original)
        return index

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of an index into `original`."""
        return self.lines.position(offset)
