"""Ratings (xếp loại) as phrases and table rows: counts or shares at each level, in the order of
the levels, with the words of words.yaml. Formatting helpers of filters.FILTERS."""
from __future__ import annotations

from .filters import capfirst, count, join_vi, number, percent, share
from .words import current as current_words


def rating(level: str) -> str:
    """"tot" -> "hoàn thành tốt nhiệm vụ"."""
    return current_words().rating(level)


_LEVEL_ORDER = ("xuat-sac", "tot", "hoan-thanh", "khong-hoan-thanh")


def rating_phrase(r, padded: bool = False, levels=None) -> str:
    """A Rating: "02 chi bộ hoàn thành xuất sắc nhiệm vụ, 09 chi bộ hoàn thành tốt nhiệm vụ";
    with a total: "39/39 đảng viên hoàn thành xuất sắc nhiệm vụ". levels: another set of counts
    of the same subject (the self-rated ones)."""
    levels = r.levels if levels is None else levels
    if not levels and getattr(r, "percent", None):
        return _rating_shares(r)
    if not levels and r.level:  # one subject, one level: "chi bộ hoàn thành tốt nhiệm vụ"
        return f"{r.subject} {rating(r.level)}"
    parts = []
    for level in _LEVEL_ORDER:
        if level in levels:
            n = levels[level]
            amount = share(n, r.total) + f" {r.subject}" if r.total else count(n, r.subject, padded)
            parts.append(f"{amount} {rating(level)}")
    return ", ".join(parts)


def _rating_shares(r) -> str:
    """Percentages: "30% đảng viên hoàn thành xuất sắc nhiệm vụ, 70% đảng viên hoàn thành tốt nhiệm
    vụ"; cumulative, the lowest level first and the higher ones within it: "100% đảng viên hoàn
    thành tốt nhiệm vụ, trong đó 30% hoàn thành xuất sắc nhiệm vụ"."""
    given = [level for level in _LEVEL_ORDER if level in r.percent]
    if not r.cumulative:
        return ", ".join(f"{percent(r.percent[l])} {r.subject} {rating(l)}" for l in given)
    low, *within = reversed(given)
    head = f"{percent(r.percent[low])} {r.subject} {rating(low)}"
    if not within:
        return head
    return current_words().figures.of_which.format(
        text=head, parts=join_vi(f"{percent(r.percent[l])} {rating(l)}" for l in within))


def rating_row(r) -> list[str]:
    """A Rating as a table row: subject, total, then the count at each level; a number the
    data does not give stays blank (a sum is not a total, a missing level is not a zero).
    A single subject rated at one level counts as 1 there."""
    given = lambda n: "" if n is None else number(n)  # noqa: E731
    levels = r.levels or ({r.level: 1} if r.level else {})
    return [capfirst(r.subject), given(r.total)] + [given(levels.get(l)) for l in _LEVEL_ORDER]


def rating_levels(ratings) -> list[str]:
    """The levels any rating gives, in order: the columns of a ratings table."""
    given = {level for r in ratings for level in r.levels}
    return [level for level in _LEVEL_ORDER if level in given]


def rating_cells(r, levels, with_total: bool = False, padded: bool = False) -> list[str]:
    """A Rating as a table row with only the numbers the data gives: an empty cell where a
    total or a level was not given (never a computed total, never a 0 nobody counted)."""
    cells = [capfirst(r.subject)]
    if with_total:
        cells.append(count(r.total, None, padded) if r.total is not None else "")
    return cells + [count(r.levels[l], None, padded) if l in r.levels else "" for l in levels]
