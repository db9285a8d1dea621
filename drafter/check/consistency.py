"""What a careful proof-reader would catch: figures that do not add up, elections that do not
hold together, dates outside the term, unknown places, missing image files.

Each check has an id. Problems are errors or warnings; `--strict` makes warnings errors;
a YAML file acknowledges a known exception with
    acknowledge:
      - {check: ratings-sum, at: "ratings[2]", reason: "…"}
Runs in `drafter validate` and before every render.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import DrafterError, Issue, pack
from ..read.loader import Loaded, _dotted
from ..model import DaiHoi, EventBase, Figure, KiemDiem, TongKet
from ..compose.party_meta import report_info, resolution_info

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    check: str  # the id an acknowledgement names
    path: str  # field path, e.g. "ratings[0].levels"
    code: str  # message code
    severity: str
    args: dict
    file: str | None = None  # a template, when the template is at fault rather than the data


def issues(event: EventBase, loaded: Loaded, doc: str = "article", strict: bool = False) -> list[Issue]:
    """What the checks find, errors and warnings (all errors when strict); never raises."""
    return issues_of(list(_all(event, loaded, doc)), event, loaded, strict)


def issues_of(problems: list[Problem], event: EventBase, loaded: Loaded, strict: bool) -> list[Issue]:
    """Problems not acknowledged, as issues (warnings become errors when strict)."""
    return [_issue(loaded, p, ERROR if strict else p.severity) for p in problems if not _acknowledged(event, p)]


def warnings_or_raise(found: list[Issue]) -> list[Issue]:
    """The warnings among FOUND; DrafterError with the errors when there is one (the caller
    that stops at an error says so by calling this)."""
    errors = [i for i in found if i.severity == ERROR]
    if errors:
        raise DrafterError(errors)
    return found


def _all(event: EventBase, loaded: Loaded, doc: str) -> Iterator[Problem]:
    from . import clerk, sanity

    yield from clerk.problems(loaded)
    yield from _images(event, loaded)
    yield from sanity.problems(event, loaded, doc)
    yield from _figures(event)
    yield from _people(event)
    yield from _dates(event)
    yield from _places(event)
    if isinstance(event, KiemDiem):
        yield from _ratings(event)
    if isinstance(event, DaiHoi):
        yield from _elections(event)
        yield from _term(event)
    if doc == "report" or (doc == "resolution" and isinstance(event, DaiHoi)):
        info = report_info if doc == "report" else resolution_info
        for path, code, args in info(event)[1]:
            yield Problem("report-default", path, code, WARNING, args)


def _acknowledged(event: EventBase, problem: Problem) -> bool:
    return any(a.check == problem.check and (a.at is None or problem.path.startswith(a.at))
               for a in event.acknowledge)


def _issue(loaded: Loaded, p: Problem, severity: str) -> Issue:
    if p.file:
        return Issue(p.file, None, None, p.path, p.code, pack({**p.args, "check": p.check}), severity)
    loc = tuple(int(x) if x.isdigit() else x
                for x in p.path.replace("[", ".").replace("]", "").split(".") if x)
    # a field the file lacks (report defaults) points at its nearest parent, else the first field
    line, col = loaded.mark(loc)
    return Issue(loaded.file, line, col, p.path, p.code, pack({**p.args, "check": p.check}), severity)


# ---- files ---------------------------------------------------------------------------------


def _images(event: EventBase, loaded: Loaded) -> Iterator[Problem]:
    base = Path(loaded.file).resolve().parent
    for i, photo in enumerate(event.photos):
        if not photo.file:  # its caption alone would stand under no picture: left out
            yield Problem("photo-no-file", f"photos[{i}]", "photo_no_file", WARNING, {"caption": photo.caption})
            continue
        target = (base / photo.file).resolve()
        if not target.is_relative_to(base):
            yield Problem("image-path", f"photos[{i}].file", "image_outside", ERROR, {"file": photo.file})
        elif not target.is_file():
            yield Problem("image-path", f"photos[{i}].file", "image_missing", ERROR, {"file": photo.file})


# ---- figures -------------------------------------------------------------------------------


def _figures(event: EventBase) -> Iterator[Problem]:
    for path, figure in _every_figure(event):
        if figure.value is None:
            continue
        if figure.unit != "%" and _looks_like_thousands(figure.value):
            yield Problem("thousands-dot", path, "thousands_dot", WARNING,
                          {"value": figure.value, "whole": str(figure.value).replace(".", "")})
        if figure.total is not None and figure.value > figure.total:
            yield Problem("share-order", path, "share_over_total", ERROR,
                          {"value": figure.value, "total": figure.total})
        if figure.unit == "%":
            if figure.value < 0:
                yield Problem("percent-range", path, "percent_negative", ERROR, {"value": figure.value})
            elif figure.value > 100:
                yield Problem("percent-range", path, "percent_over_100", WARNING, {"value": figure.value})
        for j, part in enumerate(getattr(figure, "of_which", [])):
            # a part without a unit counts in its whole's unit: "90 đảng viên, trong đó 95"
            if part.value is not None and part.unit in (figure.unit, None) and part.value > figure.value:
                yield Problem("part-whole", f"{path}.of_which[{j}]", "part_over_whole", ERROR,
                              {"part": part.value, "whole": figure.value})
    targets = event.targets
    if targets and targets.count and targets.items and targets.count != len(targets.items):
        yield Problem("targets-count", "targets.count", "targets_count", WARNING,
                      {"count": targets.count, "listed": len(targets.items)})


def _looks_like_thousands(value) -> bool:
    """2.619 with exactly three decimals: most likely "2.619" written the Vietnamese way."""
    exponent = getattr(value, "as_tuple", lambda: None)()
    return exponent is not None and exponent.exponent == -3 and abs(value) >= 1 \
        and value == value.normalize().quantize(value)  # "0.125" has no thousands to group


def _every_figure(event: EventBase) -> Iterator[tuple[str, Figure]]:
    def walk(path, figure):
        yield path, figure
        for name in ("also", "of_which", "then"):
            for j, inner in enumerate(getattr(figure, name, [])):
                yield from walk(f"{path}.{name}[{j}]", inner)

    if event.targets_met:
        yield from walk("targets_met", event.targets_met)
    for g, group in enumerate(event.results):
        for i, item in enumerate(group.items):
            yield from walk(f"results[{g}].items[{i}]", item)
    for i, item in enumerate(event.targets.items if event.targets else []):
        yield from walk(f"targets.items[{i}]", item)


def _ratings(event: KiemDiem) -> Iterator[Problem]:
    for i, rating in enumerate(event.ratings):
        total = sum(rating.levels.values())
        if rating.total is None or total == rating.total:
            continue
        severity = ERROR if total > rating.total else WARNING  # fewer: maybe only some levels given
        yield Problem("ratings-sum", f"ratings[{i}].levels", "ratings_sum", severity,
                      {"sum": total, "total": rating.total})


# ---- people and elections ------------------------------------------------------------------


def _people(event: EventBase) -> Iterator[Problem]:
    """A name that looks like a person's but matches nobody declared is most likely a typo."""
    from ..model.clerk import honorific_of

    known = event.people()
    for path, name in ((p, n) for p, n in _references(event) if n):
        who = honorific_of(name)[1]  # "đồng chí X" refers to X
        if not who[:1].isupper() or who in known:
            continue
        several = [n.strip() for n in re.split(r",\s+|\s+và\s+", who)]
        if len(several) > 1 and all(n in known for n in several):
            yield Problem("person-unknown", path, "person_several", WARNING, {"name": name})
            continue
        close = _closest(who, known)
        # "Đoàn công tác của huyện", "Đảng ủy xã": a body, not a person (a name has every word capitalised)
        if close or all(w[:1].isupper() for w in who.split()):
            yield Problem("person-unknown", path, "person_unknown", WARNING,
                          {"name": name, **({"suggest": close} if close else {})})


def _references(event: EventBase) -> Iterator[tuple[str, str]]:
    """(path, text) of every field that names a person declared elsewhere (model/clerk.py's
    REFERENCES: one list for what is understood and what is checked)."""
    from ..model.clerk import REFERENCES, at

    for pattern in REFERENCES:
        for loc, value in at(event, pattern):
            if isinstance(value, list):  # several badge presenters: each a name or a description
                yield from ((_dotted(loc + (i,)), v) for i, v in enumerate(value))
            else:
                yield _dotted(loc), value


def _elections(event: DaiHoi) -> Iterator[Problem]:
    e = event.elections
    if e is None:
        return
    members = set(e.committee_members)
    if members and e.committee_size and len(e.committee_members) != e.committee_size:
        yield Problem("committee-size", "elections.committee_members", "committee_size", ERROR,
                      {"listed": len(e.committee_members), "size": e.committee_size})
    for i, officer in enumerate(e.officers):
        if members and officer.name and officer.name not in members:
            yield Problem("officer-in-committee", f"elections.officers[{i}].name", "officer_not_member",
                          ERROR, {"name": officer.name})
        if officer.reelected and officer.previous and not _held(officer.role, officer.previous):
            yield Problem("reelected-previous", f"elections.officers[{i}].previous", "reelected_previous",
                          WARNING, {"role": officer.role})


# ---- dates, terms, places ------------------------------------------------------------------


def _dates(event: EventBase) -> Iterator[Problem]:
    published = event.published
    if published and isinstance(published.weekday, str):
        from ..compose.filters import weekday

        if _weekday(published.weekday) != weekday(published.date).lower():
            yield Problem("weekday", "published.weekday", "weekday_mismatch", ERROR,
                          {"written": published.weekday, "actual": weekday(published.date)})
    if published and published.date < event.date:
        yield Problem("published-before", "published.date", "published_before", ERROR, {})
    if isinstance(event, (TongKet, KiemDiem)) and event.year not in (event.date.year, event.date.year - 1):
        yield Problem("review-year", "year", "review_year", WARNING,
                      {"year": event.year, "held": event.date.year})
    if event.end_date and (event.end_date - event.date) > dt.timedelta(days=7):
        yield Problem("event-length", "end_date", "event_too_long", WARNING, {})


# "Thứ 2" is "Thứ hai", "CN" is "Chủ nhật": how a clerk writes the day
_WEEKDAY_DIGITS = {"2": "hai", "3": "ba", "4": "tư", "5": "năm", "6": "sáu", "7": "bảy"}


def _weekday(written: str) -> str:
    text = " ".join(written.lower().split())
    if text in ("cn", "chủ nhật"):
        return "chủ nhật"
    found = re.fullmatch(r"(?:thứ|t)\s*([2-7])", text)
    return f"thứ {_WEEKDAY_DIGITS[found[1]]}" if found else text


def _term(event: DaiHoi) -> Iterator[Problem]:
    term, held = event.term, event.date.year
    if not term.start - 1 <= held <= term.start:
        yield Problem("congress-in-term", "date", "congress_outside_term", WARNING,
                      {"year": held, "term": str(term)})
    years = term.end - term.start
    allowed = {5} if event.org.kind_level != "chi-bo" else {5, 2, 3}  # a chi bộ: twice in five years
    if event.term_years is not None:
        allowed = {event.term_years}
    if years not in allowed:
        yield Problem("term-length", "term", "term_length", WARNING,
                      {"years": years, "expected": " / ".join(map(str, sorted(allowed)))})


def _places(event: EventBase) -> Iterator[Problem]:
    try:
        from .places import lookup
    except ImportError:  # place data not installed: nothing to check against
        return
    for field, org in (("org", event.org), ("higher", event.higher)):
        place = org.place if org else None
        if place is None:
            continue
        result = lookup(place.kind, place.name, place.province, on=event.date)
        if result.found is False:
            yield Problem("place-exists", f"{field}.place.name", "place_unknown", WARNING,
                          {"kind": place.kind, "name": place.name,
                           "nearest": "; ".join(result.suggestions) or "—"})


def _held(role: str, previous: str) -> bool:
    """Was PREVIOUS the same post as ROLE? "Bí thư" is not held by a "Phó Bí thư"."""
    core = " ".join(role.lower().split()[:2])  # "bí thư", "phó bí"
    return re.search(rf"(?<!phó )\b{re.escape(core)}", previous.lower()) is not None


def _closest(name: str, known) -> str | None:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.7)
    return close[0] if close else None
