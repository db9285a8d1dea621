"""The package around the body: the lean base, core properties, and byte-identical zips.

python-docx's own template carries 0.8 MB of styles that dominate load and save time, so
documents start from the few readable XML parts under data/, read once per process.
"""
from __future__ import annotations

import copy
import datetime as dt
import struct
import zlib
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from lxml import etree

DATA = Path(__file__).parent / "data"
EPOCH = dt.date(2000, 1, 1)  # created/modified when the document has no date
_FIRST = ("[Content_Types].xml", "_rels/.rels")  # readers sniff these first
# setuptools leaves dotfiles out of package data, so the package's .rels is stored by another name
_MEMBER_OF_FILE = {"_rels/package.rels": "_rels/.rels"}
_CORE = {"title": "{http://purl.org/dc/elements/1.1/}title",
         "creator": "{http://purl.org/dc/elements/1.1/}creator",
         "created": "{http://purl.org/dc/terms/}created",
         "modified": "{http://purl.org/dc/terms/}modified"}


def data_xml(name: str) -> bytes:
    """A part from data/ without comments or indentation (the files are kept readable)."""
    parser = etree.XMLParser(remove_blank_text=True, remove_comments=True)
    root = etree.parse(str(DATA / name), parser).getroot()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _parts() -> dict[str, bytes]:
    names = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*")
                   if p.is_file() and p.name.endswith((".xml", ".rels")))
    return {_MEMBER_OF_FILE.get(name, name): data_xml(name) for name in names}


@lru_cache(maxsize=1)
def base_bytes() -> bytes:
    return zip_members(_parts())


@lru_cache(maxsize=1)
def lean_base():
    """The Base every document without a reference doc is built on: read with lxml alone
    (python-docx's import would cost more than the document), else opened by python-docx."""
    from .base import from_document, from_parts

    base = from_parts(_parts())
    if base is None:
        import docx

        base = from_document(docx.Document(BytesIO(base_bytes())))
    return base


@lru_cache(maxsize=1)
def _core_template() -> etree._Element:
    return etree.fromstring(data_xml("docProps/core.xml"))


def core_xml(title: str, author: str, date: dt.date | None) -> bytes:
    """The whole core part from our template: a reference doc's lastModifiedBy, lastPrinted…
    must not leak. Dates are the document's, never the clock's."""
    root = copy.deepcopy(_core_template())
    stamp = (date or EPOCH).strftime("%Y-%m-%dT00:00:00Z")
    values = {"title": title or "", "creator": author or "", "created": stamp, "modified": stamp}
    for name, tag in _CORE.items():
        root.find(tag).text = values[name]
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def zip_members(members: dict[str, bytes]) -> bytes:
    """Zip with a fixed order, date, compression and attributes: same input, same bytes.

    Written by hand, byte for byte what zipfile writes for stored members dated 1980-01-01
    with mode 0644 from Unix, at a fraction of zipfile's per-member cost. Stored, not
    deflated: deflate output may differ between zlib builds, and the same input must give
    the same bytes on every machine. Names must be ASCII, members under 4 GB.
    """
    order = [n for n in _FIRST if n in members] + sorted(n for n in members if n not in _FIRST)
    local, central = [], []
    offset = 0
    for name in order:
        data, raw = members[name], name.encode("ascii")
        crc, size = zlib.crc32(data), len(data)
        # version 2.0, no flags, stored, 00:00 on 1980-01-01 (DOS date 33)
        fixed = struct.pack("<HHHHHLLLH", 20, 0, 0, 0, 33, crc, size, size, len(raw))
        local += [b"PK\x03\x04", fixed, b"\x00\x00", raw, data]
        # made by Unix (3) with version 2.0; then the same fields; no extra, comment, disk
        central += [b"PK\x01\x02\x14\x03", fixed,
                    struct.pack("<HHHHLL", 0, 0, 0, 0, 0o644 << 16, offset), raw]
        offset += 30 + len(raw) + size
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(order), len(order), len(directory),
                      offset, 0)
    return b"".join(local) + directory + end
