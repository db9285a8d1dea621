"""More of what a proof-reader catches (run by checks.py, same ids and acknowledgements):
counts above the membership, people listed twice, one post held by two people, a negative
count, an implausible ordinal, invisible characters inside names."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from .consistency import ERROR, WARNING, Problem, _every_figure
from ..read.loader import Loaded, _dotted
from ..model import DaiHoi, EventBase, KiemDiem

MAX_ORDINAL = 50  # the oldest Party organisations have held about 30 congresses
UNIQUE_POSTS = ("bí thư",)  # one holder each; a committee has several Phó Bí thư
# Bidirectional overrides (U+202E turns "Nguyễn" round on screen) and zero-width characters:
# invisible, yet they make two equal-looking names differ.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")


def problems(event: EventBase, loaded: Loaded, doc: str) -> Iterator[Problem]:
    yield from _negative(event)
    yield from _invisible(loaded.data, ())
    if isinstance(event, DaiHoi):
        yield from _congress(event)
    if isinstance(event, KiemDiem):
        yield from _rated(event)


def _negative(event: EventBase) -> Iterator[Problem]:
    for path, figure in _every_figure(event):
        if figure.value is not None and figure.value < 0 and figure.unit != "%":  # %: percent-range
            yield Problem("negative-value", path, "negative_value", ERROR, {"value": figure.value})


def _invisible(node, loc) -> Iterator[Problem]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _invisible(value, loc + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _invisible(value, loc + (i,))
    elif isinstance(node, str):
        found = _INVISIBLE.search(node)
        if found:
            yield Problem("invisible-char", _dotted(loc), "invisible_char", WARNING,
                          {"value": f"U+{ord(found.group()):04X}"})


def _congress(event: DaiHoi) -> Iterator[Problem]:
    if event.ordinal is not None and event.ordinal > MAX_ORDINAL:  # no ordinal given (issue 12)
        yield Problem("ordinal-range", "ordinal", "ordinal_range", WARNING,
                      {"value": event.ordinal, "limit": MAX_ORDINAL})
    if event.delegates and event.members and event.delegates > event.members:
        yield Problem("delegates-members", "delegates", "delegates_over_members", ERROR,
                      {"delegates": event.delegates, "members": event.members})
    e = event.elections
    if e is None:
        return
    for name, times in Counter(e.committee_members).items():
        if times > 1:
            i = max(i for i, n in enumerate(e.committee_members) if n == name)
            yield Problem("committee-duplicate", f"elections.committee_members[{i}]", "listed_twice",
                          ERROR, {"name": name})
    holders: dict[str, str] = {}
    for i, officer in enumerate(e.officers):
        post = officer.role.lower()
        if post in UNIQUE_POSTS and officer.name:
            if post in holders and holders[post] != officer.name:
                yield Problem("officer-twice", f"elections.officers[{i}].name", "post_held_twice", ERROR,
                              {"role": officer.role, "first": holders[post], "name": officer.name})
            holders.setdefault(post, officer.name)


def _rated(event: KiemDiem) -> Iterator[Problem]:
    if not event.members:
        return
    for i, rating in enumerate(event.ratings):
        if "đảng viên" not in rating.subject.lower():
            continue
        rated = max(rating.total or 0, sum(rating.levels.values()))
        if rated > event.members:
            yield Problem("rated-members", f"ratings[{i}]", "rated_over_members", ERROR,
                          {"rated": rated, "members": event.members})
