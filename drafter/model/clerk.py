"""What a hurried clerk types, understood before validation: "đồng chí" before a name, a person
as one line "Tên - Chức vụ", a name referred to with its honorific.

`understand` returns the data as the model wants it and a note for each change, so the check
stage can say what was understood, at its line. One function strips honorifics for every
person field (`honorific_of`).
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from pydantic import BaseModel

Loc = tuple[int | str, ...]
Note = tuple[Loc, str, dict]  # (where, message code, its arguments)

# "đồng chí", "Đồng chí", "đ/c" are never part of a name; "ông"/"bà" are, rarely, a surname
# ("Ông Ích Khiêm"): a capitalised one counts only before a full name of three words or more.
_HONORIFIC = re.compile(r"(đồng\s+chí|đ/c|ông|bà)\s+", re.IGNORECASE)
_SURNAME_LIKE = ("Ông", "Bà")
# "Tên - Chức vụ", "Tên – Chức vụ", "Tên, Chức vụ": the first separator ends the name
_SEPARATOR = re.compile(r"\s+[-–—]\s+|,\s+")

# Fields that declare a person (text or {name, titles…}), fields holding a bare name, and
# fields that refer to a declared person by name. "[]" is every item of a list.
PERSONS = ("chairs[]", "guests[]", "presentations[].presenter", "comments[].person")
NAMES = ("new_members[]", "mentors[]", "elections.officers[].name", "elections.committee_members[]",
         "report.signer.name", "resolution.signer.name", "badges.tiers[].recipients[].name")
# REFERENCES are also checked against the people declared (check/consistency.py); a report's
# presenter is often a member nobody declares, so it is only understood, never checked.
REFERENCES = ("assessed_by", "speech.speaker", "awards[].presenter", "presenter", "presenters[]",
              "badges.presenter", "badges.tiers[].presenter", "elections.announced_by")
MEMBER_REFERENCES = ("reports[].presenter",)


def honorific_of(text: str) -> tuple[str | None, str]:
    """("ông", "Nguyễn Văn A") for "ông Nguyễn Văn A"; (None, TEXT) when no honorific leads
    or what follows is not a name."""
    found = _HONORIFIC.match(text.strip())
    if not found:
        return None, text
    rest = text.strip()[found.end():].strip()
    word = " ".join(found.group(1).split())
    if not rest[:1].isupper():  # "bà con nhân dân": not an honorific
        return None, text
    if word in _SURNAME_LIKE and len(rest.split()) < 3:  # "Ông Văn Dũng" may be a surname
        return None, text
    word = word.lower()
    return ("đồng chí" if word in ("đồng chí", "đ/c") else word), rest


def split_person(text: str) -> tuple[str, list[str]] | None:
    """("Tên", ["Chức vụ", …]) for "Tên - Chức vụ, …"; None when TEXT is a name alone."""
    found = _SEPARATOR.search(text)
    if not found:
        return None
    name, rest = text[:found.start()].strip(), text[found.end():].strip()
    titles = [t.strip() for t in rest.split(", ") if t.strip()]
    if not name or not titles:
        return None
    return name, titles


def understand(data: dict) -> tuple[dict, list[Note]]:
    """DATA with honorifics stripped and one-line persons split, and what was changed.
    Values of another shape are left for validation to explain."""
    notes: list[Note] = []
    if not isinstance(data, dict):
        return data, notes
    for pattern in PERSONS:
        for loc, value in list(at(data, pattern)):
            data = _person(data, loc, value, notes)
    for pattern in NAMES:
        for loc, value in list(at(data, pattern)):
            if isinstance(value, str):
                data = _name(data, loc, value, notes)
    known = set(_known(data))
    for pattern in REFERENCES + MEMBER_REFERENCES:
        for loc, value in list(at(data, pattern)):
            if isinstance(value, str):
                data = _reference(data, loc, value, known, notes)
    return data, notes


def _reference(data, loc: Loc, value: str, known: set[str], notes: list[Note]):
    """A declared person named with an honorific, or with their titles after a dash: the name.
    Anything else is kept as written ("đồng chí X" of someone undeclared still reads well)."""
    word, rest = honorific_of(value)
    parts = split_person(rest)
    # "Đỗ Văn Thuần - Bí thư Chi bộ": the titles are the chair's ("A, B": two people, told by the check)
    if parts and parts[0] in known and not known.intersection(parts[1]):
        notes.append((loc, "reference_split", {"name": parts[0]}))
        return _set(data, loc, parts[0])
    if word and rest in known:
        notes.append((loc, "honorific_stripped", {"word": word, "name": rest}))
        return _set(data, loc, rest)
    return data


def _person(data, loc: Loc, value, notes: list[Note]):
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        word, rest = honorific_of(value["name"])
        if word:
            new = {**value, "name": rest}
            if word != "đồng chí" and "honorific" not in value:
                new["honorific"] = word
            notes.append((loc + ("name",), "honorific_stripped", {"word": word, "name": rest}))
            data = _set(data, loc, new)
        return data
    if not isinstance(value, str):
        return data
    word, rest = honorific_of(value)
    parts = split_person(rest)
    if parts is None and not word:
        return data
    new: dict[str, Any] = {"name": parts[0] if parts else rest}
    if parts:
        new["titles"] = parts[1]
    if word and word != "đồng chí":
        new["honorific"] = word
    if parts:
        notes.append((loc, "person_split", {"name": new["name"], "titles": ", ".join(parts[1]),
                                            "fix": _fix(new)}))
    else:
        notes.append((loc, "honorific_stripped", {"word": word, "name": rest}))
    return _set(data, loc, new)


def _name(data, loc: Loc, value: str, notes: list[Note]):
    word, rest = honorific_of(value)
    if not word:
        return data
    notes.append((loc, "honorific_stripped", {"word": word, "name": rest}))
    return _set(data, loc, rest)


def _fix(person: dict) -> str:
    titles = ", ".join(person.get("titles", []))
    extra = f", honorific: {person['honorific']}" if "honorific" in person else ""
    return f"{{name: {person['name']}, titles: [{titles}]{extra}}}"


def _known(data: dict) -> Iterator[str]:
    for pattern in PERSONS:
        for _, value in at(data, pattern):
            name = value.get("name") if isinstance(value, dict) else value
            if isinstance(name, str):
                yield " ".join(name.split())


def at(data, pattern: str) -> Iterator[tuple[Loc, Any]]:
    """(place, value) of every value PATTERN ("a.b[].c") names in DATA (loaded YAML, or a
    validated model), as far as DATA has them."""
    parts: list[str] = []
    for piece in pattern.split("."):
        parts.append(piece.removesuffix("[]"))
        if piece.endswith("[]"):
            parts.append("[]")

    def walk(node, rest, loc):
        if not rest:
            yield loc, node
        elif rest[0] == "[]":
            if isinstance(node, list):
                for i, item in enumerate(node):
                    yield from walk(item, rest[1:], loc + (i,))
        elif isinstance(node, dict) and rest[0] in node:
            yield from walk(node[rest[0]], rest[1:], loc + (rest[0],))
        elif isinstance(node, BaseModel) and rest[0] in type(node).model_fields:
            yield from walk(getattr(node, rest[0]), rest[1:], loc + (rest[0],))

    yield from walk(data, parts, ())


def _set(node, loc: Loc, value):
    """A copy of NODE with VALUE at LOC; the containers on the way are copied, the loaded data
    itself is never changed (its lines are still read from it)."""
    if not loc:
        return value
    head, rest = loc[0], loc[1:]
    copy = list(node) if isinstance(node, list) else dict(node)
    copy[head] = _set(node[head], rest, value)
    return copy
