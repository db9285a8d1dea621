"""What the DOCX writer takes from python-docx's package rules, as plain values.

A document on the lean base is written without importing python-docx, whose import is ~30 ms
of each start; python-docx still reads what needs its parsers (an office's reference doc,
pictures). tests/test_docx_opc.py checks every value here against python-docx.
"""
from __future__ import annotations

import importlib.util
import posixpath
import re
from pathlib import Path

CT_WML_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
CT_OPC_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"
CT_XML = "application/xml"
RT_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
RT_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

# docx.opc.spec.default_content_types: (extension, content type) Word reads without an override
DEFAULT_CONTENT_TYPES = (
    ("bin", "application/vnd.openxmlformats-officedocument.presentationml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"),
    ("bmp", "image/bmp"), ("emf", "image/x-emf"), ("fntdata", "application/x-fontdata"),
    ("gif", "image/gif"), ("jpe", "image/jpeg"), ("jpeg", "image/jpeg"), ("jpg", "image/jpeg"),
    ("png", "image/png"), ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
    ("tif", "image/tiff"), ("tiff", "image/tiff"), ("wdp", "image/vnd.ms-photo"), ("wmf", "image/x-wmf"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("xml", "application/xml"),
)

EMUS_PER_TWIP = 635
EMUS_PER_PT = 12700
EMUS_PER_MM = 36000


def points(emu: int) -> float:
    """docx.shared.Emu(emu).pt."""
    return emu / float(EMUS_PER_PT)


def twips(emu: int) -> int:
    """docx.shared.Emu(emu).twips."""
    return int(round(emu / float(EMUS_PER_TWIP)))


def rels_member(partname: str) -> str:
    """PackURI(partname).rels_uri.membername: "/word/document.xml" -> "word/_rels/document.xml.rels"."""
    folder, name = posixpath.split(partname)
    return posixpath.join(folder, "_rels", f"{name}.rels")[1:]


_INDEXED = re.compile("([a-zA-Z]+)([1-9][0-9]*)?")


def partname_index(partname: str) -> int | None:
    """PackURI(partname).idx: 21 for "/word/media/image21.png", None for "/word/document.xml"."""
    filename = posixpath.split(partname)[1]
    match = _INDEXED.match(posixpath.splitext(filename)[0]) if filename else None
    return int(match.group(2)) if match and match.group(2) else None


def default_header_xml() -> bytes:
    """HeaderPart._default_header_xml(): python-docx's own template file, read without the import."""
    spec = importlib.util.find_spec("docx")
    folder = Path(spec.origin).parent if spec and spec.origin else None
    if folder is None or not (folder / "templates" / "default-header.xml").is_file():
        from docx.parts.hdrftr import HeaderPart  # layout changed: ask the package

        return HeaderPart._default_header_xml()
    return (folder / "templates" / "default-header.xml").read_bytes()
