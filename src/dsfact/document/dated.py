"""A document's own date: when it was written, which is what "last year", 昨日 and "on Monday" in it are
counted from (issue 9). Read from what the document says of itself, in this order:

- Markdown front matter: a `date:` key (or `published:`, `pubDate:` ...): "date: 2025-01-28";
- HTML: a <meta> publication date (article:published_time, datePublished, pubdate, dc.date ...), a
  JSON-LD "datePublished", or the first <time datetime="...">;
- a dateline at the top of the prose: a first line that is only a date (with a byline, a section or a
  time: "2025年1月25日 國際財經", "Staff writer 2026-01-09 13:20"), a Chinese dateline ("香港2025年2月11日電",
  "新华社北京1月28日电") or a wire dateline ("BEIJING, Jan. 28 (Reuters) -").

A date is ISO ("2025-01-28"); a dateline without its year gives "--01-28", which places "yesterday" but no
year. Nothing is read at import; the patterns compile on first use.
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from dsfact.numbers.patterns import lazy

HEAD = 64 * 1024  # characters of an HTML file's start where its <head> and first <time> are looked for
DATELINE_LINES = 3  # the first lines of prose that may hold a dateline
DATELINE_REACH = 120  # the longest line that may be only a date (with a byline, a section, a time)
DATELINE_HEAD = 48  # characters of a longer line where a dateline's date may stand
LINE_WORDS = 20  # characters beside the date (a byline, a section) on a line that is only a date ...
LINE_HAN = 14  # ... or Chinese characters (an outlet, a desk and a name: "財經新聞網編譯王小明 綜合外電")
_META_NAMES = ("article:published_time", "og:published_time", "og:article:published_time", "datepublished",
               "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
               "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
               "cxenseparse:recs:publishtime", "published_time", "release_date")
_COMMENT = lazy(r"<!--.*?-->", re.S)
_FRONT_KEYS = ("date", "published", "pubdate", "publishdate", "published_at", "publish_date", "created")


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    c = lazy  # each compiled on first use: most documents need few of them
    iso = r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})"
    return SimpleNamespace(
        iso=c(r"\s*[\"']?" + iso + r"(?![0-9])"),
        front_key=c(r"(?im)^(" + "|".join(_FRONT_KEYS) + r")\s*[:=]\s*[\"']?([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})"),
        front_end=c(r"(?m)^(?:---|\.\.\.|\+\+\+)[ \t]*\r?$"),
        meta=c(r"(?is)<meta\b[^>]*>"),
        attr=c(r"""(?is)\b(property|name|itemprop|content|http-equiv)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""),
        json_ld=c(r'"datePublished"\s*:\s*"([0-9]{4}-[0-9]{2}-[0-9]{2})'),
        time_tag=c(r"""(?is)<time\b[^>]*\bdatetime\s*=\s*["']?([0-9]{4}-[0-9]{2}-[0-9]{2})"""),
        clock=c(r"(?<![0-9])[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|ET|EST|EDT|GMT|UTC|HKT|CST))?"),
        date_shape=c(r"[0-9]{4}\s?[-/.年]|[0-9]\s?月\s?[0-9]{1,2}\s?[日号號]|[A-Za-z]{3}\.?\s+[0-9]{1,2}\b"
                     r"|\b[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]{3}"),
        # what numbers.date_spans reads a date of a numbered month by, in ASCII text: "1/27/2025", "1/27 (AP)"
        numeric_date=c(r"[0-9](?=[-/.][0-9]{1,2}[-/.][0-9]|/[0-9]{1,2}\s?\()"),
        wire_head=c(r"[A-Z][A-Z .'/-]*(?:,\s*[A-Za-z .'-]+)?,?\s*$"),
        wire_tail=c(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-—–:]"),
        dash_tail=c(r"\s*[—–]\s*|\s+-\s+"),  # the dash a date-led dateline ends with (not "2025-01")
        # an agency, a reporter, a city, then the day alone and what ends the dateline: "(中央社記者張三新竹3日電)"
        day_dateline=c(r"[(（【\[]?[^\d\s()（）【】\[\]月年]{1,16}?([0-9]{1,2})\s?日\s?(\S{1,6})"),
    )


def document_date(original: str, text: str, fmt: str) -> str | None:
    """The date document `original` (read as `fmt`, with prose `text`) gives itself, ISO, or None."""
    found = None
    if fmt == "markdown":
        found = front_matter_date(original)
    elif fmt == "html":
        found = html_date(original)
    found = found or dateline_date(text)
    if found is None and fmt == "markdown" and original[:4].rstrip("\r\n") not in ("---", "+++"):
        # a line that is only a date, which Markdown joins to the paragraph under it ("回答时间 : 2025-09-30" over
        # the answer's first line): read from the file's own lines, HTML comments left out
        found = dateline_date(_COMMENT.sub("", original[:DATELINE_LINES * 400 + 200]))
    return found


def front_matter_date(original: str) -> str | None:
    """The date of a Markdown file's YAML ("---") or TOML ("+++") front matter: `date: 2025-01-28`."""
    first = original[:4].rstrip("\r\n")
    if first not in ("---", "+++"):
        return None
    close = _rx().front_end.search(original, 3)
    if close is None:
        return None
    m = _rx().front_key.search(original, 3, close.start())
    return _iso(m.group(2)) if m else None


def html_date(original: str) -> str | None:
    """The publication date an HTML page gives in its <meta> tags, its JSON-LD or its first <time>."""
    rx = _rx()
    head = original[:HEAD]
    for tag in rx.meta.finditer(head):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in rx.attr.finditer(tag.group())}
        name = next((attrs[k].strip().lower() for k in ("property", "name", "itemprop") if k in attrs), "")
        if name in _META_NAMES and "content" in attrs:
            m = rx.iso.match(attrs["content"])
            if m:
                return _iso(m.group(0))
    for pattern in (rx.json_ld, rx.time_tag):
        m = pattern.search(head)
        if m:
            return _iso(m.group(1))
    return None


def dateline_date(text: str) -> str | None:
    """The date of a dateline in the first lines of prose `text` (see the module's docstring)."""
    lines = [line.strip() for line in text[:DATELINE_LINES * 400].splitlines() if line.strip()][:DATELINE_LINES]
    from dsfact.numbers.date_spans import parse_dates

    for line in lines:
        # a line that is only a date is short; a dateline's date opens its line ("NEW YORK, January 27, 2025
        # (AP) —", "新华社北京1月28日电"): only so much of a long line is read
        head = line if len(line) <= DATELINE_REACH else line[:DATELINE_HEAD]
        if _rx().date_shape.search(head) is None or (head.isascii() and not _may_name_month(head)):
            continue  # no year, no 月 and 日, no month's name beside a day: no date to read
        dates = parse_dates(head)
        if not dates:
            continue
        first = dates[0]
        if head is line and _full(first.value) and _only_date(line, first):
            return _full(first.value)
        if _wire(head, first) or _chinese_dateline(head, first):
            return str(first.value) if _day_given(first.value) else None
        if _full(first.value) and date_led(head, first):
            return _full(first.value)
    return None


def date_led(head: str, date) -> bool:
    """A dateline that opens with its full date, perhaps after its weekday, and ends with a dash, no city before
    it: "Tuesday, January 28, 2025 - US tech giant Nvidia ...", "January 28, 2025 — ..." (a digest's or a blog's
    dateline). `date` is the first date numbers.date_spans reads in line `head`."""
    lead = head[:date.start].strip().rstrip(",，").strip().lower()
    return (not lead or lead in _weekday_names()) and _rx().dash_tail.match(head, date.end) is not None


def lead_end(head: str) -> int:
    """Where a dateline that opens `head` (the first words of a text's prose) ends, after its dash: a wire's
    ("BOSTON, Jan. 28 (Reuters) - ") or a date-led one's ("Tuesday, January 28, 2025 - "); 0 when none opens it."""
    from dsfact.numbers.date_spans import parse_dates

    head = head[:DATELINE_HEAD]
    if _rx().date_shape.search(head) is None:
        return 0
    dates = parse_dates(head)
    if not dates:
        return 0
    first = dates[0]
    if _wire(head, first):
        return _rx().wire_tail.match(head, first.end).end()
    if _full(first.value) and date_led(head, first):
        return _rx().dash_tail.match(head, first.end).end()
    return 0


@lru_cache(maxsize=1)
def _weekday_names() -> frozenset[str]:
    """The weekdays' names a date-led dateline may open with (time.words [weekdays])."""
    from dsfact.lang import load_words

    return frozenset(w.lower() for names in load_words("time").get("weekdays", {}).values() for w in names)


def _may_name_month(head: str) -> bool:
    """Whether ASCII text may hold a date that names its month as numbers.date_spans finds one (a month's name,
    Christmas, a numbered month): else parse_dates finds none in it. The shape of a date "27 Jan" also takes
    "5.6 million", whose read by the numbers engine would be wasted."""
    low = head.lower()
    return any(name in low for name in _month_starts()) or "christmas" in low \
        or _rx().numeric_date.search(head) is not None


@lru_cache(maxsize=1)
def _month_starts() -> frozenset[str]:
    """The first three letters of every name of a month the numbers engine reads (numbers.words [months])."""
    from dsfact.lang import load_words

    return frozenset(name[:3].lower() for names in load_words("numbers").get("months", {}).values() for name in names)


def dateline_day(text: str) -> int | None:
    """The day of the month of a Chinese dateline that gives its day alone, in the first lines of prose `text`
    ("（中央社紐約3日綜合外電報導）", "(华盛顿22日讯)", "新华社北京28日电"): the story was written that day of
    some month. None without one (a dateline with its month is dateline_date's)."""
    from dsfact.fold import fold_text

    for line in [line.strip() for line in text[:DATELINE_LINES * 400].splitlines() if line.strip()][:DATELINE_LINES]:
        head = fold_text(line[:DATELINE_HEAD])
        m = _rx().day_dateline.match(head) if "日" in head else None  # (the pattern needs it)
        if m is not None and ends_dateline(m.group(2)) and 1 <= int(m.group(1)) <= 31:
            return int(m.group(1))
    return None


def ends_dateline(after: str) -> bool:
    """Whether folded text `after` (what follows a date) opens with a word that ends a Chinese dateline (time.words
    [dateline] `after`: 电, 讯, 消息, "新华社北京1月28日电")."""
    return after.startswith(_dateline_ends())


@lru_cache(maxsize=1)
def _dateline_ends() -> tuple[str, ...]:
    from dsfact.lang import words_of

    return words_of("time", "dateline", "after")


def _only_date(line: str, date) -> bool:
    """Whether a line is a date with at most a byline, a section or a time beside it, and no other figure."""
    rest = _rx().clock.sub("", line[:date.start] + " " + line[date.end:])
    rest = re.sub(r"@\w+|[\s|·•/,，:：()（）\[\]【】-]+", "", rest)  # (a handle is a byline: "@markets2048 · Jan 27")
    from dsfact.fold import has_han

    return len(rest) <= (LINE_HAN if has_han(rest) else LINE_WORDS) and not any(ch.isdigit() for ch in rest)


def _wire(head: str, date) -> bool:
    """A wire dateline: a city in capitals, the date, perhaps the agency, a dash ("BEIJING, Jan. 28 (Reuters) -")."""
    rx = _rx()
    return bool(head[:date.start].strip()) and rx.wire_head.match(head, 0, date.start) is not None \
        and rx.wire_tail.match(head, date.end) is not None


def _chinese_dateline(head: str, date) -> bool:
    """A Chinese dateline: a few words (an agency, a city), the date, then 电 or 讯 ("新华社北京1月28日电")."""
    from dsfact.fold import fold_text

    after = fold_text(head[date.end:date.end + 4]).lstrip()
    return date.start <= 16 and not any(ch.isdigit() for ch in head[:date.start]) and ends_dateline(after)


def _day_given(value) -> bool:
    return str(value).count("-") in (2, 3) and not str(value).endswith("-")


def _full(value) -> str | None:
    """A date that gives its year, month and day, or None."""
    value = str(value)
    return value if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) else None


def _iso(found: str) -> str | None:
    m = re.match(r"\s*[\"']?([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})", found)
    if m is None:
        return None
    year, month, day = (int(g) for g in m.groups())
    return valid_date(f"{year:04d}-{month:02d}-{day:02d}")


def valid_date(value: str) -> str | None:
    """`value` when it is a real day written YYYY-MM-DD, else None."""
    import datetime

    try:
        return datetime.date.fromisoformat(value).isoformat() if len(value) == 10 else None
    except ValueError:
        return None
