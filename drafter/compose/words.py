"""The genre's words that Python must assemble, read from templates/words.yaml.

A committee's name from its organisation's, the words around a number ("hơn 90%"), the rating
levels, a report's recipients, the marks of a Party document: wording, so it lives in a data
file an editor reads, not in Python. An office's words.yaml on the template search path
overrides the keys it gives (the first folder wins, like templates); the rest fall back to the
built-in file. Loaded and checked once per search path.

Code that assembles wording calls `current()`: the words of the document being drafted
(`using(search_path)` around a render), else the built-in ones.
"""
from __future__ import annotations

import os
import re
import string
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import DrafterError, Issue, pack

FILE = "words.yaml"


def _slots(text: str) -> set[str]:
    """The {name} slots of a pattern; ValueError for a stray brace, and for a slot that is more
    than a name: "{n:>999999999}" or "{n.__class__}" would be a template's power in a data file."""
    found = set()
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            raise ValueError(name)
        found.add(name)
    return found


class _Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)
    SLOTS: ClassVar[dict[str, set[str]]] = {}  # field -> the slots its pattern must have, exactly
    EMPTY_OK: ClassVar[bool] = False  # an empty word would leave a hole in a sentence

    @model_validator(mode="after")
    def _patterns(self):
        """A pattern has exactly its slots; a plain word has none (a "{n}" there would be printed)."""
        for name in type(self).model_fields:
            text, wanted = getattr(self, name), self.SLOTS.get(name, set())
            if not isinstance(text, str):
                continue
            if not text.strip() and not self.EMPTY_OK:
                raise ValueError(f"words_empty:@{name}")
            try:
                found = _slots(text)
            except ValueError:
                found = None
            if found != wanted and not wanted:
                raise ValueError(f"words_no_slots:@{name}")
            if found != wanted:
                raise ValueError(f"words_slots:{', '.join('{' + s + '}' for s in sorted(wanted))}@{name}")
        return self


class _ByLevel(_Words):
    cell: str  # a chi bộ
    body: str  # any đảng bộ


class OrganisationWords(_Words):
    SLOTS = {"body_committee": {"rest"}, "cell_committee": {"name"}}
    secretary: str
    cell: str
    party_body: str
    body_committee: str
    cell_committee: str
    cell_executive: str
    body_executive: str
    # "huyện" -> "Huyện ủy": the committee of "Đảng bộ huyện X" is "Huyện ủy X"
    area_committees: dict[str, Annotated[str, Field(min_length=1)]]


class IssuerWords(_Words):
    """What an issuing body signs with: "Số …-BC/HU", "T/M HUYỆN ỦY", "Lưu Văn phòng Huyện ủy"."""
    code: str
    on_behalf: str
    archive: str


class ReportWords(_Words):
    SLOTS = {"higher_standing": {"committee"}}
    type_code: str
    on_behalf: _ByLevel
    issuer_code: _ByLevel
    higher_standing: str
    cells: str
    archive: _ByLevel
    archive_word: str
    # the issuer's first words -> its code, T/M and archive line; other issuers go by level
    issuers: dict[str, IssuerWords]
    cells_and_bodies: str
    # a proposals.to naming no body ("cấp trên") is no recipient
    vague_recipients: list[Annotated[str, Field(min_length=1)]]


class ResolutionWords(_Words):
    type_code: str
    issuer_code: str
    on_behalf: str


class FigureWords(_Words):
    SLOTS = {"plan": {"percent"}, "range": {"low", "high"}, "examples": {"list"},
             "horizon": {"year", "text"}, "of_which": {"text", "parts"}}
    plan: str
    range: str
    examples: str
    horizon: str
    of_which: str


class MoneyWords(_Words):
    SLOTS = {"billion": {"n"}, "million": {"n"}, "dong": {"n"}}
    billion: str
    million: str
    dong: str


class BoundWords(_Words):
    SLOTS = {b: {"n"} for b in ("min", "least", "over", "max", "under", "about", "more", "nearly", "estimate")}
    min: str
    least: str
    over: str
    max: str
    under: str
    about: str
    more: str
    nearly: str
    estimate: str


class RatingWords(_Words):
    xuat_sac: str = Field(alias="xuat-sac")
    tot: str
    hoan_thanh: str = Field(alias="hoan-thanh")
    khong_hoan_thanh: str = Field(alias="khong-hoan-thanh")


class Defaults(_Words):
    award_form: str
    tong_ket_topic: str
    so_ket_topic: str
    kiem_diem_scope: str | None = None  # none: a review without a scope names none


class Marks(_Words):
    EMPTY_OK = True  # an office may print items without a mark
    item: str  # before each listed item (plain text, Word)
    rule: str  # the rule under a Party document's title (plain text, Word)
    issuer: str  # the star under the issuing body in a Party document's header


Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


class FileNames(_Words):
    report: Slug
    resolution: Slug
    untitled: Slug  # a file whose name has no letters


class Words(_Words):
    SLOTS = {"clause": {"n"}}
    organisation: OrganisationWords
    report: ReportWords
    resolution: ResolutionWords
    clause: str
    figures: FigureWords
    money: MoneyWords
    bounds: BoundWords
    ratings: RatingWords
    abbreviations: dict[str, Annotated[str, Field(min_length=1)]]
    defaults: Defaults
    marks: Marks
    file_names: FileNames

    def rating(self, level: str) -> str:
        """"tot" -> "hoàn thành tốt nhiệm vụ"."""
        return getattr(self.ratings, level.replace("-", "_"))

    def bound(self, bound: str | None, text: str) -> str:
        """TEXT with the words of its bound ("over" -> "trên TEXT"); no bound, TEXT alone."""
        return getattr(self.bounds, bound).format(n=text) if bound else text

    def by_level(self, group: _ByLevel, level: str) -> str:
        return group.cell if level == "chi-bo" else group.body

    def file_suffix(self, doc: str) -> str:
        """"-bao-cao" for a report; an article's file has none."""
        name = getattr(self.file_names, doc, None)
        return "-" + name if name else ""


def default(key: str):
    """A model field whose default is the words' KEY ("defaults.award_form"): what a document
    prints when the YAML is silent is the office's to change. The schema shows the built-in."""
    def factory():
        value = current()
        for part in key.split("."):
            value = getattr(value, part)
        return value

    def schema(prop: dict) -> None:
        prop["default"] = factory()
    return Field(default_factory=factory, json_schema_extra=schema)


def builtin_file() -> Path:
    from .templating import BUILTIN_DIR

    return BUILTIN_DIR / FILE


def load(search_path: tuple[str, ...] = ()) -> Words:
    """The built-in words, overridden by each office folder's words.yaml (first folder wins);
    a DrafterError (file, line, key) for an unknown key, a wrong type or a broken pattern.
    Read once per search path: the cache knows each folder by its real path and its file by
    size and time, so a relative "mau" of another folder, or an edited file, is read anew."""
    return _load(tuple(search_path), tuple(_stamp(folder) for folder in search_path))


def _stamp(folder: str) -> tuple:
    try:
        info = (Path(folder) / FILE).stat()
    except OSError:
        return (os.path.realpath(folder), None)
    return (os.path.realpath(folder), info.st_size, info.st_mtime_ns, info.st_ino)


@lru_cache(maxsize=16)
def _load(search_path: tuple[str, ...], stamps: tuple) -> Words:
    from ..read.paths import inside

    files = [(builtin_file(), str(builtin_file()))]
    for folder in reversed(search_path):  # the last folder first: the first one wins
        shown = str(Path(folder) / FILE)  # as the user named the folder
        if Path(shown).exists():
            target = inside(folder, FILE)
            if target is None or not target.is_file():  # a link out of the folder is refused
                raise DrafterError([Issue(shown, None, None, "", "template_outside",
                                          pack({"name": FILE, "folder": folder}))])
            files.append((target, shown))
    data: dict = {}
    for file, shown in files:
        loaded = _read(file, shown)
        if loaded is None:  # comments only: nothing overridden
            continue
        data = _merge(data, loaded.data)
        try:
            words = Words.model_validate(data)
        except ValidationError as exc:
            issues = {(i.line, i.path): i for i in (_issue(loaded, e) for e in exc.errors())}
            raise DrafterError(sorted(issues.values(), key=lambda i: (i.line or 0, i.path))) from None
    return words


def problems(search_path: tuple[str, ...]) -> list[Issue]:
    """What is wrong with the words.yaml files of SEARCH_PATH (for `templates check`)."""
    try:
        load(search_path)
    except DrafterError as exc:
        return exc.issues
    return []


def _read(file: Path, shown: str):
    from ..read.loader import load_text, read_text

    try:
        return load_text(read_text(file), shown)
    except DrafterError as exc:
        if [i.code for i in exc.issues] == ["empty_file"]:
            return None
        raise


def _merge(base: dict, over: dict) -> dict:
    """OVER's keys over BASE's, group by group."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


_CODES = {"extra_forbidden": "words_unknown_key", "string_type": "expected_text",
          "model_type": "expected_mapping", "dict_type": "expected_mapping",
          "string_pattern_mismatch": "words_slug", "string_too_short": "words_empty"}


def _issue(loaded, err: dict) -> Issue:
    loc = tuple(p for p in err["loc"] if p != "[key]")
    args: dict = {}
    code = _CODES.get(err["type"], "invalid")
    if err["type"] == "value_error":  # a pattern without its slots: "words_slots:{n}@field"
        found = re.fullmatch(r"Value error, (\w+):(.*)@(\w+)", err["msg"])
        if found:
            code, loc = found[1], loc + (found[3],)
            if found[2]:
                args["value"] = found[2]
    elif code == "words_unknown_key":
        import difflib  # only for a misspelt key

        known = _fields_at(loc[:-1])
        args["allowed"] = ", ".join(known)
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        if close:
            args["suggest"] = close[0]
    elif code == "invalid":
        args["detail"] = err["msg"]
    line, col = loaded.mark(loc)
    return Issue(loaded.file, line, col, ".".join(str(p) for p in loc), code, pack(args))


def _fields_at(loc: tuple) -> list[str]:
    model = Words
    for part in loc:
        field = model.model_fields.get(str(part))
        model = field.annotation if field else None
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
    return [f.alias or name for name, f in model.model_fields.items()]


_ACTIVE: ContextVar[Words | None] = ContextVar("drafter_words", default=None)


def current() -> Words:
    """The words of the document being drafted; the built-in ones outside a render."""
    return _ACTIVE.get() or load()


@contextmanager
def using(search_path: tuple[str, ...] = ()):
    """Draft with the words of SEARCH_PATH (office folders first)."""
    token = _ACTIVE.set(load(tuple(search_path)))
    try:
        yield
    finally:
        _ACTIVE.reset(token)

