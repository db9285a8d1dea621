"""Where the facts are in a paragraph: the spans their printed forms cover, chosen so the most
text is explained by the fewest, most specific expressions; ties between two facts decided by
position (the word before, the fact not yet mentioned) and kind, and recorded."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .forms import Form


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    form: Form
    rivals: tuple[Form, ...] = ()  # other facts that print the same text here
    reason: str = ""


# The word before a number or name tells which kind of fact it is.
_CUES = (
    (re.compile(r"(?:lần thứ|khóa|khoá)\s*$", re.I), ("ordinal", "session")),
    (re.compile(r"nhiệm kỳ\s*$", re.I), ("term",)),
    (re.compile(r"năm\s*$", re.I), ("year",)),
    (re.compile(r"ngày\s*$", re.I), ("date", "founded")),
    (re.compile(r"chủ trì", re.I), ("chairs",)),
    (re.compile(r"\bdự\b", re.I), ("guests",)),
)
# The words after a number tell what it counts.
_AFTER = (
    (re.compile(r"^\s*chi bộ", re.I), ("cells",)),
    (re.compile(r"^\s*đảng viên", re.I), ("members",)),
    (re.compile(r"^\s*chỉ tiêu", re.I), ("targets",)),
    (re.compile(r"^\s*đại biểu", re.I), ("delegates",)),
    (re.compile(r"^\s*đồng chí", re.I), ("committee_size",)),
)


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum():
        return False
    if text[start].isdigit() and before in ".,/" and start >= 2 and text[start - 2].isdigit():
        return False
    if text[end - 1].isdigit() and after in ".,/" and end + 1 < len(text) and text[end + 1].isdigit():
        return False
    return True


def occurrences(text: str, forms: list[Form]) -> dict[tuple[int, int], list[Form]]:
    found: dict[tuple[int, int], list[Form]] = {}
    for form in forms:
        at = text.find(form.text)
        while at >= 0:
            end = at + len(form.text)
            if _bounded(text, at, end):
                found.setdefault((at, end), []).append(form)
            at = text.find(form.text, at + 1)
    return found


def choose(text: str, forms: list[Form], mentioned: set[str]) -> list[Span]:
    """Non-overlapping spans covering the most characters (then fewest spans, best ranks)."""
    found = occurrences(text, forms)
    intervals = sorted(found, key=lambda se: (se[1], se[0]))
    ends = [e for _, e in intervals]
    opt = [(0, 0, 0)]  # opt[i]: best (covered, -spans, -rank) with the first i intervals
    took = []
    for i, (s, e) in enumerate(intervals):
        p = bisect.bisect_right(ends, s, 0, i)
        base = opt[p]
        take = (base[0] + e - s, base[1] - 1, base[2] - min(f.rank for f in found[(s, e)]))
        took.append((take > opt[i], p))
        opt.append(max(take, opt[i]))
    chosen, i = [], len(intervals)
    while i > 0:
        taken, p = took[i - 1]
        if taken:
            chosen.append(intervals[i - 1])
            i = p
        else:
            i -= 1
    spans = []
    for s, e in sorted(chosen):
        spans.append(_decide(text, s, e, found[(s, e)], mentioned))
        mentioned.update(spans[-1].form.fields)
    return spans


_STARTS = re.compile(r"(?:^|[.!?…:]”?\s+)$")


def _decide(text: str, s: int, e: int, forms: list[Form], mentioned: set[str]) -> Span:
    facts = {f.fields for f in forms}
    # at a sentence's start, the form that capitalises whatever the data holds
    start = bool(_STARTS.search(text[:s]))
    ordered = sorted(forms, key=lambda f: (f.rank, ("|capfirst" in f.expr) != start))
    if len(facts) == 1:
        return Span(s, e, ordered[0])
    before = text[max(0, s - 40):s]
    reason = "rank"
    after = text[e:e + 30]
    cues = [(c, k, c.search(after)) for c, k in _AFTER] + [(c, k, c.search(before)) for c, k in _CUES]
    for cue, kinds, hit in cues:
        if hit:
            fitting = [f for f in ordered if any(k in fld for fld in f.fields for k in kinds)]
            if fitting and len(fitting) < len(ordered):
                ordered, reason = fitting + [f for f in ordered if f not in fitting], "kind"
                break
    else:
        fresh = [f for f in ordered if not _same_fact(f.fields, tuple(mentioned))]
        if fresh and len(fresh) < len(ordered):
            ordered, reason = fresh + [f for f in ordered if f not in fresh], "position"
    winner = ordered[0]
    rivals = tuple(f for f in ordered[1:] if not _same_fact(f.fields, winner.fields))
    first: dict = {}
    for f in rivals:
        first.setdefault(f.fields, f)
    return Span(s, e, winner, tuple(first.values()), reason)


def _same_fact(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """"chairs" and "chairs[0]", "date" and "date, end_date": one fact told two ways, no tie."""
    def related(x, y):
        return x == y or x.startswith(y + ".") or x.startswith(y + "[") or y.startswith(x + ".") or y.startswith(x + "[")
    return any(related(x, y) for x in a for y in b)
