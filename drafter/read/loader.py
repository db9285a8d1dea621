"""Read a YAML file into plain data plus the FILE:LINE:COL of every field.

PyYAML silently keeps the last of two equal keys and expands aliases without
bound; we compose the node tree ourselves so both become clean errors.
"""
from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..errors import DrafterError, Issue, fail, pack

MAX_BYTES = 1 << 20
_STR = "tag:yaml.org,2002:str"
MAX_NODES = 50_000
MAX_DEPTH = 64  # the model is a dozen levels deep; hundreds of brackets are never a document
MAX_CHARS = 4 * MAX_BYTES  # text after aliases are expanded: one long string used a thousand times
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
        place = self.root
        for place, _ in self._walk(loc):
            pass
        return _line(place), _col(place)

    def node(self, loc: Loc) -> yaml.Node | None:
        """The node of the value at LOC, if the file has it."""
        steps = list(self._walk(loc))
        if len(steps) < len(loc):
            return None
        return steps[-1][1] if steps else self.root

    def _walk(self, loc: Loc):
        """(place, value node) of each step of LOC, as far as the file has it: a mapping's
        field is placed at its key, a list's item at itself."""
        node = self.root
        for part in loc:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                entry = next(((k, v) for k, v in node.value if str(k.value) == part), None)
                if entry is None:
                    return
                place, node = entry
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                place = node = node.value[part]
            else:
                return
            yield place, node

    def in_flow(self, loc: Loc) -> bool:
        """Is the field at LOC written inside {…} (where a comma ends a value)?"""
        parent = self.node(loc[:-1])
        return bool(parent is not None and parent.flow_style)


def decode(raw: bytes, file: str, from_encoding: str | None = None) -> str:
    """Unicode NFC text of a file. Legacy Vietnamese encodings are recognised and refused
    with the fix named; they are converted only when asked (--from-encoding)."""
    return _decode(raw, file, from_encoding)[0]


def _decode(raw: bytes, file: str, from_encoding: str | None) -> tuple[str, str | None]:
    """(NFC text, the legacy font still to convert field by field, if any)."""
    from . import legacy

    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in raw and not utf16:
        raise fail(file, "binary_file")
    try:
        text, utf8, pos = raw.decode("utf-16" if utf16 else "utf-8-sig"), True, None
    except UnicodeDecodeError as exc:
        if utf16:  # an odd byte at the end, or half a surrogate pair: not a text editor's file
            raise fail(file, "not_utf16", pos=exc.start) from None
        text, utf8, pos = None, False, exc.start
    per_value = None
    if from_encoding:
        encoding = legacy.canonical(from_encoding)
        if encoding not in legacy.ENCODINGS:
            raise fail(file, "unknown_encoding", encoding=from_encoding, allowed=", ".join(legacy.ENCODINGS))
        if utf8 and encoding == "cp1258":  # re-decoding UTF-8 as cp1258 would garble it
            raise fail(file, "already_utf8", encoding=encoding)
        if not utf8:
            text = legacy.convert(raw, encoding)
        elif legacy.detect_text(text) == encoding and not legacy.has_genuine(text):
            text = legacy.convert(text, encoding)  # a whole pasted file: headings' capitals too
        else:  # Unicode, maybe with pasted fields: only those are converted (_Builder)
            per_value = encoding
    elif not utf8:
        encoding = legacy.detect_bytes(raw)
        if encoding in legacy.ENCODINGS:
            raise fail(file, "legacy_encoding", encoding=encoding)
        raise fail(file, "not_utf8", pos=pos)
    else:
        encoding = legacy.detect_text(text)
        if encoding and not legacy.has_genuine(text):  # else the pasted fields are named (_Builder)
            raise fail(file, "legacy_font", encoding=encoding, font=legacy.FONTS[encoding])
    return unicodedata.normalize("NFC", text), per_value


def read_text(path: Path | str, from_encoding: str | None = None) -> str:
    return _decode(read_bytes(path), str(path), from_encoding)[0]


def read_bytes(path: Path | str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most LIMIT bytes. A FIFO, a device (/dev/zero) or a
    folder is refused before it is read; the size is checked on what is read, not on st_size."""
    file = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise fail(file, "file_not_found") from None
    except IsADirectoryError:
        raise fail(file, "not_regular_file") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise fail(file, "file_unreadable", reason=getattr(exc, "strerror", None) or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise fail(file, "not_regular_file")
        if info.st_size > limit:
            raise fail(file, "file_too_large", size=info.st_size, limit=limit)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise fail(file, "file_unreadable", reason=exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if size > limit:
        raise fail(file, "file_too_large", size=size, limit=limit)  # grew while read
    return b"".join(chunks)


def load_file(path: Path | str, from_encoding: str | None = None) -> Loaded:
    text, per_value = _decode(read_bytes(path), str(path), from_encoding)
    return load_text(text, str(path), per_value)


# libyaml when PyYAML has it: the same nodes and marks, fifteen times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

def load_text(text: str, file: str = "<string>", from_encoding: str | None = None) -> Loaded:
    """FROM_ENCODING ("tcvn3", "vni"): convert the fields pasted in that font; without it
    such a field is refused with its line."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        from .yaml_hints import explain  # only for a file with a mistake: not at every start

        hint = explain(text, exc)
        raise fail(file, hint.code, line=hint.line, col=hint.col, **hint.args) from None
    except yaml.YAMLError as exc:  # e.g. a control character: PyYAML's reader has no mark here
        raise fail(file, "yaml_syntax", problem=str(exc).splitlines()[0]) from None
    except RecursionError:  # brackets nested hundreds deep: the composer's own recursion
        raise fail(file, "too_deep", limit=MAX_DEPTH) from None
    if root is None:
        raise fail(file, "empty_file")
    if not isinstance(root, yaml.MappingNode):
        raise fail(file, "not_mapping", line=root.start_mark.line + 1, col=root.start_mark.column + 1)
    builder = _Builder(file, from_encoding)
    data = builder.build(root, ())
    if builder.legacy:
        raise DrafterError(builder.legacy)
    if from_encoding and not builder.converted:
        raise fail(file, "already_unicode", encoding=from_encoding)
    return Loaded(file, data, root)


_INT, _FLOAT, _BOOL = ("tag:yaml.org,2002:" + t for t in ("int", "float", "bool"))
# Tags a hand-written file may carry (explicitly, or as PyYAML resolves plain values).
_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_DIGITS = re.compile(r"[-+]?[0-9]+")
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_TRUE_FALSE = {"true": True, "false": False}


class _Builder:
    def __init__(self, file: str, from_encoding: str | None = None):
        self.file = file
        self.nodes = 0
        self.chars = 0  # text built, aliases counted at every use
        self.scalars = yaml.constructor.SafeConstructor()
        self.from_encoding = from_encoding
        self.converted = 0
        self.legacy: list[Issue] = []

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise fail(self.file, "too_many_nodes", line=_line(node), col=_col(node), limit=MAX_NODES)
        if len(loc) > MAX_DEPTH:
            raise fail(self.file, "too_deep", _dotted(loc[:3]) + "…", _line(node), _col(node), limit=MAX_DEPTH)
        if node.tag not in _TAGS:  # !!binary, !!set, !!python/…, !custom: never silently decoded
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")  # as the user wrote it
            raise fail(self.file, "yaml_tag", _dotted(loc), _line(node), _col(node), tag=tag)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        self.chars += len(node.value)
        if self.chars > MAX_CHARS:
            raise fail(self.file, "too_much_text", _dotted(loc), _line(node), _col(node), limit=MAX_CHARS)
        if node.tag == _STR:  # most values: no constructor needed
            if not node.style and _SHORT_DATE.match(node.value):  # plain: '' (libyaml) or None
                return _short_date(node.value)
            return self._text(node, loc)
        return self._scalar(node)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        """A number is read as written (YAML 1.1 would read 017 as 15, 1:30 as 90, 0.125
        as a float): otherwise its text is kept and validation says what was expected."""
        text = node.value
        if node.tag == _INT:
            return int(text) if _DIGITS.fullmatch(text) else text  # 0x1F, 1_000, 1:30: as written
        if node.tag == _FLOAT:
            return Decimal(text) if _DECIMAL.fullmatch(text) else text  # the user's digits, exactly
        if node.tag == _BOOL:
            return _TRUE_FALSE.get(text.lower(), text)  # yes/no/on/off stay words
        try:
            return self.scalars.construct_object(node)
        except (yaml.YAMLError, ValueError):
            # e.g. 2020-02-30: keep the text, validation then says what was expected.
            return node.value

    def _text(self, node: yaml.ScalarNode, loc: Loc) -> str:
        """A field pasted from a document typed in an old font: converted when asked, else refused."""
        from . import legacy

        value = node.value
        # asked to convert (--from-encoding): one converted word is enough, "Hµ" is "Hà"
        encoding = legacy.detect_text(value, min_gain=1) if self.from_encoding else legacy.detect_value(value)
        if encoding is None:
            return value
        if encoding == self.from_encoding:
            self.converted += 1
            return legacy.convert(value, encoding)
        self.legacy.append(Issue(self.file, _line(node), _col(node), _dotted(loc), "legacy_font_field",
                                 pack({"encoding": encoding, "font": legacy.FONTS[encoding]})))
        return value

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
