"""Dates: ISO and numeric dates, English and Chinese month-day-year, Christmas, and years fixed by
今年/last year against the document's date. Values are ISO strings ("2024-12-27", "--12-25")."""
from __future__ import annotations

import re

from dsfact.numbers.numerals import _small_int, _zh_int


class _Dates:
    """The date readers of the scanner (a part of `_Scanner`)."""

    def _rel_year(self, start: int, end: int) -> tuple[int | None, int]:
        """Year fixed by 今年/去年/this year/last year around a date, and the new span start."""
        w = self.w
        lo = max(self.last_end, start - 6)
        m = None if self.r.rel_zh_not_ascii and w.isascii() else self.r.rel_zh.search(w, lo, start)
        offset = None
        new_start = start
        if m:
            offset = self.r.words.relative_years[m.group(1)]
            new_start = m.start()
        else:
            m = self.r.rel_en_before.search(w, max(self.last_end, start - 20), start)
            if m:
                offset = self.r.words.relative_years[m.group(1).lower()]
            else:
                m2 = self.r.rel_en_after.match(w, end)
                if m2:
                    offset = self.r.words.relative_years[m2.group(1).lower()]
        if offset is None or self.ref_year is None:
            return None, new_start
        return self.ref_year + offset, new_start

    def _date_value(self, y: int | None, mo: int | None, d: int | None, start: int, end: int
                    ) -> tuple[str | None, int]:
        if mo is not None and not 1 <= mo <= 12:
            return None, start
        if d is not None and not 1 <= d <= 31:
            return None, start
        new_start = start
        if y is None and mo is not None:
            y, new_start = self._rel_year(start, end)
        if y is not None:
            s = f"{y:04d}"
            if mo is not None:
                s += f"-{mo:02d}"
                if d is not None:
                    s += f"-{d:02d}"
            return s, new_start
        if mo is None:
            return None, start
        return (f"--{mo:02d}-{d:02d}" if d is not None else f"--{mo:02d}"), new_start

    def _try_dates_digit(self, p: int, run_end: int) -> int | None:
        """The date a digit run at p (ending at run_end) begins, if any. Each pattern is tried only where
        the character after the run allows it (so a text without such dates never compiles it)."""
        r, w = self.r, self.w
        sep = w[run_end:run_end + 1]
        m = r.iso.match(w, p) if run_end - p == 4 and sep in ("-", "/", ".") else None
        if m:
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if 1000 <= y <= 2999:
                iso, s = self._date_value(y, mo, d, p, m.end())
                if iso:
                    return self._emit_date(s, m.end(), iso)
        short = run_end - p <= 2
        m = r.dmy.match(w, p) if short and sep in ("/", ".", "-") else None
        if m:
            a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
            day, mo = (a, b) if (a > 12 or b <= 12) else (b, a)
            iso, s = self._date_value(y, mo, day, p, m.end())
            if iso:
                return self._emit_date(s, m.end(), iso)
        m = r.md_weekday.match(w, p) if short and sep == "/" else None
        if m:
            iso, s = self._date_value(None, int(m["m"]), int(m["d"]), p, m.end())
            if iso:
                return self._emit_date(s, m.end(), iso)
        m = r.md_slash.match(w, p) if short and sep == "/" else None
        if m and (r.md_after.match(w, m.end()) or r.md_before.search(w, max(0, p - 8), p)
                  and not (w.startswith("的", m.end()) or w.startswith("之", m.end()))):
            iso, s = self._date_value(None, int(m["m"]), int(m["d"]), p, m.end())  # 於1/27, 1/27當天: a date
            if iso:
                return self._emit_date(s, m.end(), iso)
        m = r.en_dmy.match(w, p) if short and self._month_follows(run_end) else None
        if m:
            y = int(m["y"]) if m["y"] else None
            iso, s = self._date_value(y, self.r.words.months[m["mon"].rstrip(".").lower()], int(m["d"]), p, m.end())
            if iso:
                return self._emit_date(s if y is None else p, m.end(), iso)
        return self._try_dates_zh(p)

    def _month_follows(self, q: int) -> bool:
        """Whether a month's name can follow a day's digits ending at q: "5 May", "5th of May"."""
        r, w = self.r, self.w
        m = r.day_month.match(w, q)  # an ordinal's letters, white space, a word
        word = m.group(1)
        if word == "of":
            word = r.space_word.match(w, m.end()).group(1)
        return word in r.words.months_cased

    def _try_dates_zh(self, p: int) -> int | None:
        r, w = self.r, self.w
        # A year of four figures then 年; a month of one or two then 月.
        m = r.zh_ymd.match(w, p) if w.find("年", p + 4, p + 6) >= 0 else None
        if m:
            y = m["y"]
            yv = int(y) if y.isdigit() else _zh_int(y)
            if yv is not None and 1000 <= yv <= 2999:
                mo = _small_int(m["m"])
                d = _small_int(m["d"])
                iso, s = self._date_value(yv, mo, d, p, m.end())
                if iso:
                    end = m.end()
                    if mo is None:  # "2025年" alone: the span is the year
                        end = p + len(y)
                        while end < m.end() and w[end] != "年":
                            end += 1
                        end += 1
                    return self._emit_date(s, end, iso)
        m = r.zh_md.match(w, p) if w.find("月", p + 1, p + 4) >= 0 else None
        if m and (p == 0 or w[p - 1] not in "个第"):
            mo = _small_int(m["m"])
            d = _small_int(m["d"])
            if mo is not None:
                iso, s = self._date_value(None, mo, d, p, m.end())
                if iso:
                    return self._emit_date(s, m.end(), iso)
        return None

    def _month_ends(self, p: int) -> tuple[str, tuple[int, ...]]:
        """The month's name at p, and where it may end, in the order to try: a full name ends with its
        last letter; an abbreviation may take a full stop ("Jan. 5") or not."""
        r, w = self.r, self.w
        word = _letters_at(w, p)
        end = p + len(word)
        if word in r.month_names:
            return word, (end,)
        if word in r.month_abbreviations:
            return word, ((end + 1, end) if w.startswith(".", end) else (end,))
        return word, ()

    def _month_word(self, p: int) -> int | None:
        r, w = self.r, self.w
        word, ends = self._month_ends(p)
        for end in ends:  # "December 25", "Dec. 25, 2024"
            m = r.after_month_day.match(w, end)
            if m:
                mo = self.r.words.months[word.lower()]
                y = int(m["y"]) if m["y"] else None
                iso, s = self._date_value(y, mo, int(m["d"]), p, m.end())
                if iso:
                    return self._emit_date(s if y is None else p, m.end(), iso)
                break
        for end in ends:  # "January twentieth", "December twenty-sixth, 2024": a spoken day
            m = r.after_month_ordinal.match(w, end)
            if m:
                mo = self.r.words.months[word.lower()]
                day = self.r.words.ordinal_days[" ".join(m["dw"].lower().split())]
                y = int(m["y"]) if m["y"] else None
                iso, s = self._date_value(y, mo, day, p, m.end())
                if iso:
                    return self._emit_date(s if y is None else p, m.end(), iso)
                break
        for end in ends:  # "December 2024"
            m = r.after_month_year.match(w, end)
            if m:
                iso, _ = self._date_value(int(m["y"]), self.r.words.months[word.lower()], None, p, m.end())
                if iso:
                    return self._emit_date(p, m.end(), iso)
                break
        return p + len(_letters_at(w, p)[:12])

    def _christmas(self, p: int) -> int | None:
        m = self.r.xmas.match(self.w, p)
        if not m:
            return None
        day = 24 if ("Eve" in m.group() or m.group() == "平安夜") else 25
        iso, s = self._date_value(None, 12, day, p, m.end())
        return self._emit_date(s, m.end(), iso) if iso else m.end()



def _letters_at(w: str, q: int) -> str:
    e = q
    while e < len(w) and ("a" <= w[e] <= "z" or "A" <= w[e] <= "Z"):
        e += 1
    return w[q:e]


def _ref_year(ref_date: str | None) -> int | None:
    if not ref_date or not isinstance(ref_date, str):
        return None
    m = re.match(r"\s*([0-9]{4})", ref_date)
    return int(m.group(1)) if m else None

