"""`drafter new KIND`: a commented YAML skeleton, written from the model so it never goes stale.

Required fields are left empty (validation then says what is missing); optional ones are
commented out, each under its description.
"""
from __future__ import annotations

import typing

from pydantic import BaseModel

from .model import KINDS
from .model.docs import field_docs
from .validate import _model_in

HEADER = """\
# yaml-language-server: $schema=drafter.schema.json
# Tệp dữ liệu drafter ({kind}). Điền các trường còn trống, bỏ dấu # ở những trường cần dùng.
# Gợi ý trường trong VS Code: drafter schema > drafter.schema.json
# Kiểm tra: drafter validate TỆP.yaml   Soạn bài: drafter render TỆP.yaml
"""
MAX_DEPTH = 3


def skeleton(kind: str) -> str:
    model = KINDS[kind]
    lines = [HEADER.format(kind=kind).rstrip("\n"), f"kind: {kind}"]
    lines += _fields(model, indent="", commented=False, depth=0, skip={"kind"})
    return "\n".join(lines) + "\n"


def _fields(model: type[BaseModel], indent: str, commented: bool, depth: int, skip=()) -> list[str]:
    out: list[str] = []
    docs = field_docs(model)
    for name, field in model.model_fields.items():
        if name in skip:
            continue
        off = commented or not field.is_required()
        mark = "# " if off else ""
        if name in docs:
            out.append(f"{indent}# {docs[name].splitlines()[0]}")
        inner = _model_in(field.annotation)
        is_list = typing.get_origin(_unwrap(field.annotation)) is list
        if inner is not None and depth < MAX_DEPTH:
            out.append(f"{indent}{mark}{name}:")
            if is_list:
                sub = _fields(inner, indent + "    ", off, depth + 1)
                out += _as_list_item(sub, indent + "  ", off)
            else:
                out += _fields(inner, indent + "  ", off, depth + 1)
        elif is_list:
            out.append(f"{indent}{mark}{name}: []")
        else:
            out.append(f"{indent}{mark}{name}:" + _example(field))
    return out


def _as_list_item(lines: list[str], indent: str, commented: bool) -> list[str]:
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


def _example(field) -> str:
    default = field.default
    if field.is_required() or default is None:
        return ""
    if isinstance(default, bool):
        return " " + ("true" if default else "false")
    if isinstance(default, (int, str)) and not isinstance(default, BaseModel):
        return f" {default}"
    return ""
