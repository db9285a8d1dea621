"""Does a place name exist? Checked against Vietnam's official list of units.

The list comes from the optional package vietnam-provinces, which carries only
the units in force since 1 July 2025: provinces / centrally-run cities and
communes / wards / special zones. So:
- huyện, quận, thị xã, thị trấn (abolished on 1/7/2025) cannot be checked;
- a provincial "thành phố" (also abolished) cannot be told from a typo;
- for an event dated before 1/7/2025 a name missing today may have existed
  then: "cannot check", not "missing".
"Cannot check" is found=None; so is everything when the package is missing.
The data (~600 kB JSON) is read on first use only, once per process.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

TWO_LEVEL_SINCE = dt.date(2025, 7, 1)
ABOLISHED = ("huyện", "quận", "thị xã", "thị trấn")
_LEVEL1 = {"tỉnh": "tỉnh", "thành phố trung ương": "thành phố"}
_PREFIX = re.compile(r"^(?:(?:tỉnh|thành phố|tp|xã|phường|đặc khu|thị trấn|huyện|quận|thị xã)\s+|tp\.\s*)", re.I)
_TONES = "\u0300\u0301\u0303\u0309\u0323"
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Result:
    found: bool | None
    """True: exists; False: no such unit; None: cannot check (see note)."""
    suggestions: list[str] = field(default_factory=list)
    """Nearest existing units, e.g. "xã Vĩnh Lộc, tỉnh Thanh Hóa" (at most 3)."""
    provinces: list[str] = field(default_factory=list)
    """When found: every province having a unit of that kind and name."""
    province_found: bool | None = None
    """Whether the given province exists today (None: none given, or cannot check)."""
    note: str | None = None
    """Why found is None: no_data, abolished_kind, before_2025, provincial_city, unknown_kind."""


class _Unit(NamedTuple):
    """A tuple: the index builds some 3,300 of them at each start (a frozen dataclass is
    twice as slow to make)."""

    kind: str  # xã, phường, đặc khu, tỉnh, thành phố
    name: str  # without the kind word: "Vĩnh Lộc"
    province: str  # display form: "tỉnh Thanh Hóa", "thành phố Huế"; "" for level 1
    key: str
    loose: str

    def label(self) -> str:
        return f"{self.kind} {self.name}" + (f", {self.province}" if self.province else "")


@dataclass(frozen=True)
class _Index:
    provinces: list[_Unit]
    wards: list[_Unit]


def key(name: str) -> str:
    """Comparison form: NFC, case-folded, "-" as a space, the tone mark moved to
    the end of each word so "Thanh Hoá" and "Thanh Hóa" compare equal."""
    text = unicodedata.normalize("NFD", _clean(name).casefold())
    words = []
    for word in text.split(" "):
        tones = "".join(c for c in word if c in _TONES)
        bare = "".join(c for c in word if c not in _TONES)
        words.append(unicodedata.normalize("NFC", bare + tones))
    return " ".join(words)


def loose(name: str) -> str:
    """Without any diacritics: "Vinh Loc" finds "Vĩnh Lộc"."""
    text = unicodedata.normalize("NFD", _clean(name).casefold().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _clean(name: str) -> str:
    name = re.sub(r"\s*[-–]\s*", " ", unicodedata.normalize("NFC", name))
    return re.sub(r"\s+", " ", name).strip()


def _strip_prefix(name: str) -> str:
    """"Phường Phù Vân" -> "Phù Vân": the data and some users write the kind."""
    return _PREFIX.sub("", " ".join(unicodedata.normalize("NFC", name).split()), count=1)


def _data_path() -> Path | None:
    # find_spec locates the data without importing the package, whose enums
    # of 3,300 codes take ~50 ms to build.
    import importlib.util
    try:
        spec = importlib.util.find_spec("vietnam_provinces")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "data" / "nested-divisions.json"
    if path.is_file():
        return path
    try:  # layout changed: ask the package
        from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH
    except ImportError:
        return None
    return Path(NESTED_DIVISIONS_JSON_PATH)


@cache
def _data() -> _Index | None:
    path = _data_path()
    if path is None:
        return None
    cached = _cached_index(path)
    if cached is not None:
        return cached
    try:
        raw = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    index = _build(raw)
    _store_index(path, index)
    return index


def _cache_file(path: Path) -> Path | None:
    from ..cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    stat = path.stat()
    return folder / f"places-{stat.st_size}-{int(stat.st_mtime)}.json"


def _cached_index(path: Path) -> _Index | None:
    """The index built on an earlier run (plain JSON, with the normalised keys precomputed)."""
    target = _cache_file(path)
    try:
        rows = json.loads(target.read_text(encoding="utf-8")) if target else None
    except (OSError, ValueError):
        return None
    if not isinstance(rows, dict):
        return None
    try:
        return _Index(list(map(_Unit._make, rows["provinces"])), list(map(_Unit._make, rows["wards"])))
    except (KeyError, TypeError):
        return None


def _store_index(path: Path, index: _Index) -> None:
    target = _cache_file(path)
    if target is None:
        return
    from ..cache import prune
    from ..errors import DrafterError
    from ..writers.output import write_atomic

    rows = {"provinces": [tuple(u) for u in index.provinces], "wards": [tuple(u) for u in index.wards]}
    try:
        write_atomic(target, json.dumps(rows, ensure_ascii=False), durable=False)
    except DrafterError:  # disk full, read-only: a cache that cannot be written is no error
        return
    prune("places-*.json", target)  # the index of an earlier install of the data


def _build(raw) -> _Index:
    provinces, wards = [], []
    for p in raw:
        kind = _LEVEL1.get(p.get("division_type"), "tỉnh")
        pname = _strip_prefix(p["name"])
        provinces.append(_Unit(kind, pname, "", key(pname), loose(pname)))
        shown = f"{kind} {pname}"
        for w in p.get("wards", ()):
            wkind = w["division_type"]
            wname = _strip_prefix(w["name"])
            wards.append(_Unit(wkind, wname, shown, key(wname), loose(wname)))
    return _Index(provinces, wards)


def data_source() -> str | None:
    """ "vietnam-provinces 2025.10.1", for messages; None without the package."""
    from importlib import metadata
    try:
        return f"vietnam-provinces {metadata.version('vietnam-provinces')}"
    except metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=4096)  # a batch names the same places again and again
def lookup(kind: str, name: str, province: str | None = None, *, on: dt.date | None = None) -> Result:
    """Check a unit such as ("xã", "Vĩnh Lộc", "Thanh Hóa"); `on` is the event's date."""
    kind = _clean(kind).lower()
    index = _data()
    if index is None:
        return Result(None, note="no_data")
    if kind in ABOLISHED:
        return Result(None, note="abolished_kind")
    historical = on is not None and on < TWO_LEVEL_SINCE
    name = _strip_prefix(name)
    if kind in ("tỉnh", "thành phố"):
        return _level1(index, kind, name, historical)
    if kind not in ("xã", "phường", "đặc khu"):
        return Result(None, note="unknown_kind")
    return _level2(index, kind, name, province, historical)


def _level1(index: _Index, kind: str, name: str, historical: bool) -> Result:
    k = key(name)
    same = [u for u in index.provinces if u.kind == kind and u.key == k]
    if same:
        return Result(True, provinces=[same[0].label()])
    exact = [u.label() for u in index.provinces if u.key == k]  # "tỉnh Hà Nội"
    suggestions = _merge(exact, _suggest(index.provinces, kind, name))
    if historical:
        return Result(None, suggestions, note="before_2025")
    if kind == "thành phố":  # maybe a provincial city of before 2025
        return Result(None, suggestions, note="provincial_city")
    return Result(False, suggestions)


def _level2(index: _Index, kind: str, name: str, province: str | None, historical: bool) -> Result:
    pool, province_found = index.wards, None
    if province:
        pk = key(_strip_prefix(province))
        home = [u for u in index.provinces if u.key == pk]
        if home:
            province_found = True
            pool = [u for u in index.wards if u.province == home[0].label()]
        elif not historical:
            province_found = False
    k = key(name)
    same = [u for u in pool if u.kind == kind and u.key == k]
    if same:
        return Result(True, provinces=[u.province for u in same], province_found=province_found)
    # Likely slips first: same name but another kind here, same kind in another province.
    exact = [u for u in pool if u.key == k] + [u for u in index.wards if u.kind == kind and u.key == k]
    suggestions = _merge([u.label() for u in exact], _suggest(pool, kind, name))
    if historical:
        return Result(None, suggestions, province_found=province_found, note="before_2025")
    return Result(False, suggestions, province_found=province_found)


def _suggest(pool: list[_Unit], kind: str, name: str) -> list[str]:
    """Nearest units of `kind`: by spelling without diacritics, then with them."""
    import difflib  # only for a name not found: not at every start

    units = [u for u in pool if u.kind == kind]
    by_loose: dict[str, list[_Unit]] = {}
    for u in units:
        by_loose.setdefault(u.loose, []).append(u)
    target, k = loose(name), key(name)
    close = difflib.get_close_matches(target, by_loose, n=MAX_SUGGESTIONS, cutoff=0.75)
    ranked = sorted((u for c in close for u in by_loose[c]),
                    key=lambda u: (-difflib.SequenceMatcher(None, target, u.loose).ratio(),
                                   -difflib.SequenceMatcher(None, k, u.key).ratio()))
    return [u.label() for u in ranked]


def _merge(*lists: list[str]) -> list[str]:
    out: list[str] = []
    for item in (x for lst in lists for x in lst):
        if item not in out:
            out.append(item)
    return out[:MAX_SUGGESTIONS]
