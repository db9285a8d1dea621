"""`drafter new KIND`: a commented YAML skeleton, written from the model so it never goes stale.

Required fields come first and are left empty (validation then says what is missing), each with
an example in the docs' spelling (`term: 2025-2030`); optional ones follow, commented out, each
under its description. The short skeleton (the default) offers the optional fields most files
use; `full=True` offers every field.
"""
from __future__ import annotations

import typing
from pathlib import Path

from pydantic import BaseModel

from ..model import KINDS
from ..model.docs import field_docs
from ..model.validate import _model_in

HEADER = """\
# yaml-language-server: $schema=drafter.schema.json
# Tệp dữ liệu drafter ({kind}). Điền các trường còn trống, bỏ dấu # ở những trường cần dùng.
# Gợi ý trường trong VS Code: drafter schema > drafter.schema.json
# Kiểm tra: drafter validate TỆP.yaml   Soạn bài: drafter render TỆP.yaml
"""
REQUIRED = "# ---- Bắt buộc: điền đủ các trường này ----"
OPTIONAL = "# ---- Không bắt buộc: bỏ dấu # ở đầu dòng để dùng ----"
MORE = "# Các trường khác: drafter new {kind} --full"
MAX_DEPTH = 3

# Written as the docs write them: one line, not the mapping the model also accepts.
EXAMPLES = {"term": "2025-2030", "date": "2025-05-20", "ordinal": "12", "year": "2025", "org.name": "Chi bộ Thôn 3"}
INLINE = {"term"}  # fields whose docs spelling is a plain "2025-2030", not start:/end:

# The optional fields most files use (those in at least half of examples/ of the kind).
USUAL = {
    "dai-hoi": ("higher", "time_of_day", "venue", "members", "chairs", "guests", "targets", "elections",
                "photos", "byline", "published"),
    "hoi-nghi-tong-ket": ("higher", "time_of_day", "venue", "chairs", "guests", "attendee_groups", "results",
                          "targets", "awards", "speech", "photos", "byline", "published"),
    "kiem-diem": ("time_of_day", "venue", "chairs", "results", "ratings", "awards", "photos", "byline",
                  "published"),
    # the kinds of the genre's examples (examples/genre/)
    "so-ket": ("higher", "time_of_day", "venue", "chairs", "guests", "results", "badges", "byline", "published"),
    "trao-huy-hieu": ("higher", "time_of_day", "venue", "guests", "speech", "byline", "published"),
    "ket-nap": ("higher", "time_of_day", "chairs", "guests", "decisions", "presenter", "oath", "members_after",
                "byline"),
    "hoi-nghi-bch": ("time_of_day", "session", "term", "regular", "review", "chairs", "attendee_groups",
                     "assessment", "byline"),
    "quan-triet": ("higher", "organiser", "time_of_day", "online", "bridges", "point", "guests",
                   "attendee_groups", "purpose", "byline"),
}

USUAL_INSIDE = {"chairs": ("titles",), "guests": ("titles",), "targets": ("items",),
                "elections": ("committee_members", "officers"), "photos": ("file",), "published": ("time",),
                "results": ("items",), "speech": ("points",)}


def create(kind: str, output: Path | None = None, full: bool = False) -> bool:
    """`drafter new`: the skeleton of KIND to OUTPUT (never over a file) or to stdout; True when
    a file was written."""
    import difflib

    from ..errors import fail
    from ..writers.output import write_atomic, write_stdout

    if kind not in KINDS:
        close = difflib.get_close_matches(kind, KINDS, n=1, cutoff=0.5)
        raise fail(kind, "unknown_kind", allowed=", ".join(KINDS), **({"suggest": close[0]} if close else {}))
    text = skeleton(kind, full=full)
    if output is None:
        write_stdout(text)
        return False
    if output.exists():
        raise fail(str(output), "eject_exists")
    write_atomic(output, text)
    return True


def skeleton(kind: str, full: bool = False) -> str:
    model = KINDS[kind]
    fields = [name for name in model.model_fields if name != "kind"]
    required = [n for n in fields if model.model_fields[n].is_required()]
    optional = [n for n in fields if n not in required and (full or n in USUAL[kind])]
    lines = [HEADER.format(kind=kind).rstrip("\n"), REQUIRED, f"kind: {kind}"]
    lines += _fields(model, required, indent="", commented=False, depth=0, full=full)
    lines += ["", OPTIONAL]
    lines += _fields(model, optional, indent="", commented=True, depth=0, full=full)
    if not full:
        lines += ["", MORE.format(kind=kind)]
    return "\n".join(lines) + "\n"


def _fields(model: type[BaseModel], names: list[str], indent: str, commented: bool, depth: int,
            full: bool, path: str = "") -> list[str]:
    out: list[str] = []
    docs = field_docs(model)
    for name in names:
        field = model.model_fields[name]
        off = commented or not field.is_required()
        mark = "# " if off else ""
        inner = _model_in(field.annotation)
        doc = docs.get(name) or (inner.__doc__ if inner is not None and name in INLINE else None)
        if doc:
            out.append(f"{indent}# {doc.strip().splitlines()[0]}")
        is_list = typing.get_origin(_unwrap(field.annotation)) is list
        if inner is not None and name not in INLINE and depth < MAX_DEPTH:
            out.append(f"{indent}{mark}{name}:")
            sub = _sub_fields(inner, full, name)
            if is_list:
                out += _as_list_item(_fields(inner, sub, indent + "    ", off, depth + 1, full, f"{path}{name}[]."),
                                     indent + "  ")
            else:
                out += _fields(inner, sub, indent + "  ", off, depth + 1, full, f"{path}{name}.")
        elif is_list:
            out.append(f"{indent}{mark}{name}: []")
        else:
            out.append(f"{indent}{mark}{name}:" + _example(path + name, field))
    return out


def _sub_fields(model: type[BaseModel], full: bool, name: str) -> list[str]:
    """Inside a nested field: all with --full; else the required ones and the usual ones."""
    names = list(model.model_fields)
    if full:
        return names
    usual = USUAL_INSIDE.get(name, ())
    return [n for n in names if model.model_fields[n].is_required() or n in usual] or names[:1]


def _as_list_item(lines: list[str], indent: str) -> list[str]:
    """Turn the first field line of an item into "- field:"."""
    for i, line in enumerate(lines):
        body = line.strip()
        if body.startswith("# ") and body[2:].split(":")[0].isidentifier() and ":" in body:
            lines[i] = f"{indent}# - {body[2:]}"
            return lines
        if not body.startswith("#"):
            lines[i] = f"{indent}- {body}"
            return lines
    return lines


def _unwrap(annotation):
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _example(name: str, field) -> str:
    if field.is_required():
        return f"    # ví dụ: {EXAMPLES[name]}" if name in EXAMPLES else ""
    default = field.get_default(call_default_factory=True)  # a words.yaml default too
    if default is None:
        return ""
    if isinstance(default, bool):
        return " " + ("true" if default else "false")
    if isinstance(default, (int, str)) and not isinstance(default, BaseModel):
        return f" {default}"
    return ""
