"""Vietnamese formatting helpers: small pure functions, registered in one table (FILTERS).

Numbers, dates, weekday names and "a, b và c" lists follow Babel's CLDR data for "vi";
what Babel has no notion of (Party date rule, Roman ordinals, people with titles)
is written here.

Babel's import and its first locale load are ~12 ms of every start, for a handful of forms:
the Vietnamese symbols and list patterns are kept here (tests/test_filters_babel.py checks
them against Babel's data and every form against Babel's output), and Babel is loaded only
for what they do not cover (weekday names, a value that is not a plain finite number).
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from jinja2 import pass_context

from .words import current as current_words

# CLDR "vi" (latn digits), as Babel has them
GROUP, DECIMAL, MINUS = ".", ",", "-"
LIST_PATTERNS = {"start": "{0}, {1}", "middle": "{0}, {1}", "end": "{0} và {1}", "2": "{0} và {1}"}


@lru_cache(maxsize=1)
def vi_locale():
    from babel import Locale

    return Locale.parse("vi")

# ---- numbers -------------------------------------------------------------------------------


# typed: 1.125 and Decimal("1.125") are equal keys, yet print differently
@lru_cache(maxsize=4096, typed=True)  # documents repeat the same small numbers
def number(value, decimals: int = 2) -> str:
    """2619 -> "2.619"; 94.1 -> "94,1"; a decimal keeps every digit the user wrote (0,125)."""
    exponent = getattr(value, "as_tuple", lambda: None)()
    if exponent is not None and isinstance(exponent.exponent, int):
        decimals = max(decimals, -exponent.exponent)
    text = _decimal(value, decimals)
    if text is None:  # not a plain finite number: Babel says what it makes of it
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
        text = format_decimal(value, format=pattern, locale=vi_locale())
    return text


def _decimal(value, decimals: int) -> str | None:
    """Babel's format_decimal(value, "#,##0.##…", locale="vi"), step by step as
    NumberPattern.apply takes it, for int, float and finite Decimal values; else None."""
    if type(value) not in (int, float, Decimal):
        return None
    number = value if type(value) is Decimal else Decimal(str(value))
    if not number.is_finite():
        return None
    try:
        rounded = abs(number).normalize().quantize(Decimal(10) ** (-decimals))
    except InvalidOperation:
        return None
    whole, _, fraction = f"{rounded:f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    fraction = fraction.rstrip("0") if decimals else ""
    return (MINUS if number.is_signed() else "") + GROUP.join([whole, *groups]) + (
        DECIMAL + fraction if fraction else "")


def places(value) -> int:
    """Digits after the point as written: 0.125 -> 3, 94.10 -> 2, 2619 -> 0."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal) and value.is_finite():
        return max(0, -value.as_tuple().exponent)
    return 0


def percent(value, decimals: int = 2) -> str:
    """94.1 -> "94,1%" (the value is already a percentage)."""
    return number(value, decimals) + "%"


def pad(value, width: int = 2) -> str:
    """1 -> "01": the office style for small counts ("01 tập thể", "06 chỉ tiêu")."""
    small = isinstance(value, int) and 0 <= value < 10 ** (width - 1)
    return str(value).zfill(width) if small else number(value)


def count(value, unit: str | None = None, padded: bool = False) -> str:
    """7, "đảng viên" -> "7 đảng viên"; padded -> "07 đảng viên"; a unit starting with "%" sticks
    to the number ("11,8%/năm")."""
    if unit and unit.startswith("%"):
        return percent(value) + unit[1:]
    text = pad(value) if padded else number(value)
    return f"{text} {unit}" if unit else text


def share(value, total) -> str:
    """18, 20 -> "18/20"."""
    return f"{number(value)}/{number(total)}"


def plan_percent(actual, plan) -> str:
    """118, 100 -> "đạt 118% kế hoạch" (words.yaml figures.plan)."""
    ratio = (Decimal(str(actual)) * 100 / Decimal(str(plan))).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return current_words().figures.plan.format(percent=percent(ratio, 1))


def money(vnd) -> str:
    """1_500_000_000 -> "1,5 tỷ đồng"; 250_000_000 -> "250 triệu đồng"; 500_000 -> "500.000 đồng".
    Never rounded: an amount that does not fit a short form is written in đồng (words.yaml money)."""
    words = current_words().money
    amount = Decimal(str(vnd))
    for size, pattern in ((Decimal(10**9), words.billion), (Decimal(10**6), words.million)):
        if abs(amount) >= size and places(amount / size) <= 3:
            return pattern.format(n=number(amount / size))
    return words.dong.format(n=number(amount))


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(value: int) -> str:
    """8 -> "VIII": congress ordinals and terms ("khóa VIII")."""
    if not isinstance(value, int) or value < 1:
        raise ValueError(f"roman() needs a positive whole number, got {value!r}")
    out = ""
    for size, letters in _ROMAN:
        times, value = divmod(value, size)
        out += letters * times
    return out


# ---- dates ---------------------------------------------------------------------------------


def _format_date(day, pattern: str) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=vi_locale())


def day_month(day: dt.date, sep: str = "/") -> str:
    """"11/12", "8/1" (lead of a news item); sep "-" gives "18-7"."""
    if type(day) is not dt.date:  # CLDR "d/M": numbers without padding
        return _format_date(day, f"d{sep}M")
    return f"{day.day}{sep}{day.month}"


def date_short(day: dt.date, sep: str = "/") -> str:
    """"18/7/2025"."""
    if type(day) is not dt.date:  # CLDR "d/M/y"
        return _format_date(day, f"d{sep}M{sep}y")
    return f"{day.day}{sep}{day.month}{sep}{day.year}"


def date_padded(day: dt.date) -> str:
    """"07/01/2026"."""
    if type(day) is not dt.date:  # CLDR "dd/MM/y"
        return _format_date(day, "dd/MM/y")
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def date_long(day: dt.date) -> str:
    """"ngày 07 tháng 01 năm 2026", "ngày 03 tháng 4 năm 2018".

    Party rule (Hướng dẫn 36-HD/VPTW): a leading 0 for days below 10 and for
    months 1 and 2 only.
    """
    day_text, month, year = date_party(day).split("/")
    return f"ngày {day_text} tháng {month} năm {year}"


def date_party(day: dt.date) -> str:
    """"01/7/2025", "20/02/2018": numeric form of the same Party rule as date_long."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def weekday(day: dt.date) -> str:
    """"Thứ sáu", "Chủ nhật": Babel's name, in sentence case as the portals print it."""
    return sentence_case(_format_date(day, "EEEE"))


def date_span(start: dt.date, end: dt.date | None = None, sep: str = "-") -> str:
    """"10 và 11-2" for two days, "10 đến 12-2" for more, "31-1 và 1-2" across months."""
    if end is None or end == start:
        return day_month(start, sep)
    word = "và" if (end - start).days == 1 else "đến"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} {word} {day_month(end, sep)}"
    return f"{day_month(start, sep)} {word} {day_month(end, sep)}"


def date_span_long(start: dt.date, end: dt.date | None = None) -> str:
    """The Party form of a meeting's days: "ngày 10 và 11 tháng 02 năm 2020", "từ ngày 10 đến
    ngày 12 tháng 02 năm 2020"; one day is date_long."""
    if end is None or end == start:
        return date_long(start)
    two = (end - start).days == 1
    if (start.year, start.month) == (end.year, end.month):
        first = f"ngày {start.day:02d}"
    elif start.year == end.year:
        first = date_long(start).rsplit(" năm ", 1)[0]
    else:
        first = date_long(start)
    if two:
        last = date_long(end)[len("ngày "):] if first == f"ngày {start.day:02d}" else date_long(end)
        return f"{first} và {last}"
    return f"từ {first} đến {date_long(end)}"


def stamp(day: dt.date, time: str | None = None, with_weekday: bool = False) -> str:
    """A portal's publication line: "Thứ sáu - 18/07/2025 12:03", "11/02/2020 15:31"."""
    text = date_padded(day) + (f" {time}" if time else "")
    return f"{weekday(day)} - {text}" if with_weekday else text


# ---- words and lists -----------------------------------------------------------------------


def sentence_case(text: str) -> str:
    """"Thứ Sáu" -> "Thứ sáu": upper first letter, lower the rest."""
    return text[:1].upper() + text[1:].lower() if text else text


def capfirst(text: str) -> str:
    """Upper-case the first letter only: "sáng" -> "Sáng"."""
    return text[:1].upper() + text[1:] if text else text


def join_vi(items, sep: str | None = None) -> str:
    """["a", "b", "c"] -> "a, b và c" (Babel's Vietnamese list pattern); sep="; " keeps "; "."""
    items = [str(i) for i in items]
    if not items:
        return ""
    if sep is not None:
        return sep.join(items)
    if len(items) == 1:  # babel.lists.format_list with the "vi" standard patterns
        return items[0]
    if len(items) == 2:
        return LIST_PATTERNS["2"].format(*items)
    text = LIST_PATTERNS["start"].format(items[0], items[1])
    for item in items[2:-1]:
        text = LIST_PATTERNS["middle"].format(text, item)
    return LIST_PATTERNS["end"].format(text, items[-1])


def numbered(items, start: int = 1) -> str:
    """["a", "b"] -> "(1) A. (2) B.": the way articles list chỉ tiêu inline."""
    return " ".join(f"({i}) {full_stop(capfirst(str(item)))}" for i, item in enumerate(items, start))


def full_stop(text: str) -> str:
    """End a sentence with "." unless it already ends with punctuation."""
    text = str(text).rstrip()
    return text if text.endswith((".", "!", "?", "…", "...", "./.")) else text + "."


# ---- people --------------------------------------------------------------------------------


def person(who, style: str = "comma", honorific: bool = False) -> str:
    """A person with titles.

    comma: "Bùi Văn Quang, Phó Bí thư Tỉnh ủy, Bí thư …"; dash: "Bùi Văn Quang - Phó Bí thư …";
    title: "Phó Bí thư Tỉnh ủy Bùi Văn Quang" (first title before the name); name: the name alone.
    honorific=True puts "đồng chí"/"ông"/"bà" in front. A rank goes before the name, in place of
    the honorific ("Thượng tướng Nguyễn Ngọc Lâm, Thứ trưởng Bộ Công an", as the press writes it).
    """
    titles = list(who.titles)
    name = ranked(who)
    if style == "title":
        text = f"{titles[0]} {name}" if titles else name
    elif style == "name" or not titles:
        text = name
    else:
        glue = " - " if style == "dash" else ", "
        text = name + glue + ", ".join(titles)
    return f"{who.honorific} {text}" if honorific and not getattr(who, "rank", None) else text


def ranked(who) -> str:
    """The name, with the rank before it when one is given: "Thượng tướng Nguyễn Ngọc Lâm"."""
    rank = getattr(who, "rank", None)
    return f"{rank} {who.name}" if rank else who.name


def people(group, style: str = "comma") -> str:
    """Several people: "A, t1, t2; B, t1" (semicolons between people, as the seeds write)."""
    group = list(group)
    if all(not p.titles for p in group) or style == "name":
        return join_vi(ranked(p) for p in group)
    return "; ".join(person(p, style) for p in group)


# ---- figures -------------------------------------------------------------------------------

# The words of bounds, ranges, ratings and "trong đó" are words.yaml's (bounds, figures, ratings).


def quantity(c, padded: bool = False) -> str:
    """A Count: "2.619 đồng chí", "18/20 chỉ tiêu", "từ 95% trở lên"."""
    padded = padded if c.pad is None else c.pad
    if c.total is not None:
        core = share(c.value, c.total) + (f" {c.unit}" if c.unit else "")
    elif getattr(c, "to", None) is not None:  # a range: "từ 180 đến 200 đảng viên"
        return current_words().figures.range.format(low=count(c.value, None, padded),
                                                    high=count(c.to, c.unit, padded))
    else:
        core = count(c.value, c.unit, padded)
    return current_words().bound(c.bound, core)


def figure(f, padded: bool = False) -> str:
    """A Figure as a phrase: text, number with unit, "và" others, after, "trong đó" parts."""
    words = current_words().figures
    parts = []
    if f.text:
        parts.append(f.text)
    if f.value is not None:
        parts.append(join_vi([quantity(f, padded)] + [quantity(c, padded) for c in f.also]))
    if f.after and parts and f.after.startswith("/"):  # "11,8%" and "/năm": one "11,8%/năm"
        parts[-1] += f.after
    elif f.after:
        parts.append(f.after)
    if f.examples:  # examples are never counted
        parts.append(words.examples.format(list=join_vi(f.examples)))
    text = " ".join(parts)
    if f.horizon:
        text = words.horizon.format(year=f.horizon, text=text)
    of_which = lambda text: words.of_which.format(  # noqa: E731
        text=text, parts=join_vi(figure(part, padded) for part in f.of_which))
    if f.of_which and f.then and f.value is not None:  # the main figure's own "đạt 164,5%" first
        for part in f.then:
            text += ", " + figure(part, padded)
        return of_which(text)
    if f.of_which:
        text = of_which(text)
    for part in f.then:
        text += ", " + figure(part, padded)
    return text


def figures(items, sep: str = "; ", padded: bool = False) -> str:
    """Several figures in one sentence, "; " between them."""
    return sep.join(figure(f, padded) for f in items)


def numbered_rows(items, start: int = 1) -> list[list[str]]:
    """["a", "b"] -> [["1", "a"], ["2", "b"]]: rows for a numbered table."""
    return [[str(i), str(item)] for i, item in enumerate(items, start)]


def distinct(items, *fields: str) -> list:
    """ITEMS once each as FIELDS ("person.name", "about") tell them apart: two entries that
    a document prints alike (they differ only in what it does not print) are printed once."""
    seen, out = set(), []
    for item in items:
        key = tuple(repr(_field(item, f)) for f in fields)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _field(item, dotted: str):
    for name in dotted.split("."):
        item = getattr(item, name)
    return item


def first_mention(org) -> str:
    """The full name, with its abbreviation introduced: "Đảng bộ các cơ quan (CCQ) Đảng tỉnh"."""
    if org.abbr and org.abbr_of:
        return org.name.replace(org.abbr_of, f"{org.abbr_of} ({org.abbr})", 1)
    return org.name


# ---- the table -----------------------------------------------------------------------------


def _padded(fn):
    """Wrap a helper so templates get the document's padding style without passing it."""
    @pass_context
    def wrapper(ctx, value, *args, **kwargs):
        kwargs.setdefault("padded", ctx["event"].style.pad_counts)
        return fn(value, *args, **kwargs)
    wrapper.__doc__ = fn.__doc__
    return wrapper


# Ratings build on the number helpers above (a module of their own, imported once these exist).
from .ratings import rating, rating_cells, rating_levels, rating_phrase, rating_row  # noqa: E402

FILTERS = {
    "number": number, "percent": percent, "pad": pad, "count": _padded(count), "share": share,
    "plan_percent": plan_percent, "money": money, "roman": roman,
    "day_month": day_month, "date_short": date_short, "date_padded": date_padded,
    "date_long": date_long, "date_party": date_party, "weekday": weekday, "date_span": date_span,
    "date_span_long": date_span_long, "stamp": stamp, "rating_levels": rating_levels,
    "rating_cells": _padded(rating_cells),
    "capfirst": capfirst, "sentence_case": sentence_case, "join_vi": join_vi, "numbered": numbered,
    "full_stop": full_stop, "person": person, "people": people, "rating": rating,
    "quantity": _padded(quantity), "figure": _padded(figure), "figures": _padded(figures),
    "rating_phrase": _padded(rating_phrase), "first_mention": first_mention,
    "numbered_rows": numbered_rows, "rating_row": rating_row, "distinct": distinct,
}
