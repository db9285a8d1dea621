"""The package around the body: the lean base, core properties, and byte-identical zips.

python-docx's own template carries 0.8 MB of styles that dominate load and save time, so
documents start from the few readable XML parts under data/, zipped once per process.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from lxml import etree

DATA = Path(__file__).parent / "data"
EPOCH = dt.date(2000, 1, 1)  # created/modified when the document has no date
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")  # readers sniff these first
# setuptools leaves dotfiles out of package data, so the package's .rels is stored by another name
_MEMBER_OF_FILE = {"_rels/package.rels": "_rels/.rels"}


def data_xml(name: str) -> bytes:
    """A part from data/ without comments or indentation (the files are kept readable)."""
    parser = etree.XMLParser(remove_blank_text=True, remove_comments=True)
    root = etree.parse(str(DATA / name), parser).getroot()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@lru_cache(maxsize=1)
def base_bytes() -> bytes:
    names = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*")
                   if p.is_file() and p.name.endswith((".xml", ".rels")))
    return zip_members({_MEMBER_OF_FILE.get(name, name): data_xml(name) for name in names})


def open_base() -> Document:
    return docx.Document(BytesIO(base_bytes()))


def zip_members(members: dict[str, bytes]) -> bytes:
    """Zip with a fixed order, date, compression and attributes: same input, same bytes."""
    order = [n for n in _FIRST if n in members] + sorted(n for n in members if n not in _FIRST)
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            # Stored, not deflated: deflate output may differ between zlib builds, and the
            # same input must give the same bytes on every machine.
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, members[name])
    return out.getvalue()


class _Members(dict):
    """Stands in for python-docx's zip writer, so the package is zipped only once, by us."""

    def write(self, pack_uri, blob: bytes) -> None:
        self[pack_uri.membername] = blob

    def close(self) -> None:
        pass


def save(document: Document) -> bytes:
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    members = _Members()
    PackageWriter._write_content_types_stream(members, parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, parts)
    return zip_members(members)


def set_core_properties(document: Document, title: str, author: str, date: dt.date | None) -> None:
    """Replace the whole core part: a reference doc's lastModifiedBy, lastPrinted… must not leak."""
    part = document.part.package._core_properties_part  # created if a reference doc has none
    part._element = parse_xml(data_xml("docProps/core.xml"))
    props = part.core_properties
    stamp = dt.datetime.combine(date or EPOCH, dt.time(0, 0))
    props.title = title or ""
    props.author = author or ""
    props.created = stamp
    props.modified = stamp
    props.revision = 1
