"""Read a YAML file into plain data plus the FILE:LINE:COL of every field.

PyYAML silently keeps the last of two equal keys and expands aliases without
bound; we compose the node tree ourselves so both become clean errors.
"""
from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import fail

MAX_BYTES = 1 << 20
_STR = "tag:yaml.org,2002:str"
MAX_NODES = 50_000
_SHORT_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")

Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class Loaded:
    file: str
    data: dict[str, Any]
    root: yaml.Node  # kept to find places on demand: most files never need one

    def mark(self, loc: Loc) -> tuple[int | None, int | None]:
        """(line, column), 1-based, of the field at LOC, or of its nearest parent that exists.
        A field's place is its key, where the editor looks."""
        node, place = self.root, self.root
        for part in loc:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                entry = next(((k, v) for k, v in node.value if str(k.value) == part), None)
                if entry is None:
                    break
                place, node = entry
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = place = node.value[part]
            else:
                break
        return _line(place), _col(place)


def decode(raw: bytes, file: str, from_encoding: str | None = None) -> str:
    """Unicode NFC text of a file. Legacy Vietnamese encodings are recognised and refused
    with the fix named; they are converted only when asked (--from-encoding)."""
    from . import legacy

    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise fail(file, "binary_file")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, utf8, pos = raw.decode("utf-16"), True, None
    else:
        try:
            text, utf8, pos = raw.decode("utf-8-sig"), True, None
        except UnicodeDecodeError as exc:
            text, utf8, pos = None, False, exc.start
    if from_encoding:
        encoding = legacy.canonical(from_encoding)
        if encoding not in legacy.ENCODINGS:
            raise fail(file, "unknown_encoding", encoding=from_encoding, allowed=", ".join(legacy.ENCODINGS))
        if utf8 and encoding == "cp1258":  # re-decoding UTF-8 as cp1258 would garble it
            raise fail(file, "already_utf8", encoding=encoding)
        text = legacy.convert(text if utf8 else raw, encoding)
    elif not utf8:
        encoding = legacy.detect_bytes(raw)
        if encoding in legacy.ENCODINGS:
            raise fail(file, "legacy_encoding", encoding=encoding)
        raise fail(file, "not_utf8", pos=pos)
    else:
        encoding = legacy.detect_text(text)
        if encoding:
            font = ".VnTime (TCVN3)" if encoding == "tcvn3" else "VNI-Times"
            raise fail(file, "legacy_font", encoding=encoding, font=font)
    return unicodedata.normalize("NFC", text)


def read_text(path: Path | str, from_encoding: str | None = None) -> str:
    path = Path(path)
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(file, "file_too_large", size=size, limit=MAX_BYTES)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail(file, "file_not_found") from None
    except IsADirectoryError:
        raise fail(file, "file_unreadable", reason="is a directory") from None
    except OSError as exc:
        raise fail(file, "file_unreadable", reason=exc.strerror or str(exc)) from None
    return decode(raw, file, from_encoding)


def load_file(path: Path | str, from_encoding: str | None = None) -> Loaded:
    return load_text(read_text(path, from_encoding), str(path))


# libyaml when PyYAML has it: the same nodes and marks, fifteen times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

def load_text(text: str, file: str = "<string>") -> Loaded:
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        from .yaml_hints import explain  # only for a file with a mistake: not at every start

        hint = explain(text, exc)
        raise fail(file, hint.code, line=hint.line, col=hint.col, **hint.args) from None
    except yaml.YAMLError as exc:  # e.g. a control character: PyYAML's reader has no mark here
        raise fail(file, "yaml_syntax", problem=str(exc).splitlines()[0]) from None
    if root is None:
        raise fail(file, "empty_file")
    if not isinstance(root, yaml.MappingNode):
        raise fail(file, "not_mapping", line=root.start_mark.line + 1, col=root.start_mark.column + 1)
    data = _Builder(file).build(root, ())
    return Loaded(file, data, root)


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.nodes = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise fail(self.file, "too_many_nodes", line=_line(node), col=_col(node), limit=MAX_NODES)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        if node.tag == _STR:  # most values: no constructor needed
            if not node.style and _SHORT_DATE.match(node.value):  # plain: '' (libyaml) or None
                return _short_date(node.value)
            return node.value
        try:
            return self.scalars.construct_object(node)
        except (yaml.YAMLError, ValueError):
            # e.g. 2020-02-30: keep the text, validation then says what was expected.
            return node.value

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise fail(self.file, "merge_key", _dotted(loc), _line(key_node), _col(key_node))
            if not isinstance(key_node, yaml.ScalarNode):
                raise fail(self.file, "key_not_string", _dotted(loc), _line(key_node), _col(key_node))
            key = str(key_node.value)  # the text is NFC already (decode)
            if key in result:
                first = next(k for k, _ in node.value if str(k.value) == key)
                raise fail(self.file, "duplicate_key", _dotted(loc + (key,)), _line(key_node),
                           _col(key_node), key=key, first=_line(first))
            result[key] = self.build(value_node, loc + (key,))
        return result


def _short_date(text: str):
    """2025-7-18 is a date as a person writes it (YAML wants 2025-07-18); an impossible one stays text."""
    try:
        return dt.date(*map(int, text.split("-")))
    except ValueError:
        return text


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _col(node: yaml.Node) -> int:
    return node.start_mark.column + 1


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
