"""An office's own .docx as the base, like Pandoc's --reference-doc: its styles, page set-up
and headers/footers stay, its body goes, and our named styles it lacks are added."""
from __future__ import annotations

import zipfile
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from ...errors import fail
from ...read.loader import read_bytes
from .base import Base, from_document
from .package import data_xml
from .styles import add_missing

REFERENCE_MAX_BYTES = 100 << 20  # an office's letterhead with its logo: a few MB
# Body content's own relationships; styles, numbering, headers… are kept.
_BODY_RELS = {RT.IMAGE, RT.HYPERLINK, RT.OLE_OBJECT, RT.PACKAGE, RT.CHART, RT.DIAGRAM_DATA,
              RT.DIAGRAM_LAYOUT, RT.DIAGRAM_QUICK_STYLE, RT.DIAGRAM_COLORS, RT.VIDEO, RT.AUDIO,
              RT.COMMENTS}
_R_ATTRS = "//@*[namespace-uri()='http://schemas.openxmlformats.org/officeDocument/2006/relationships']"
_TEMPLATE_CT = b"wordprocessingml.template.main+xml"  # a .dotx: same parts, other label
_DOCUMENT_CT = b"wordprocessingml.document.main+xml"
_BAD_FILE = (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError,
             etree.XMLSyntaxError)


def open_reference(path: str | Path) -> Base:
    shown = str(path)
    file = Path(path)
    try:
        stat = file.stat()
    except OSError as exc:
        raise fail(shown, "file_unreadable", reason=exc.strerror or str(exc)) from None
    if not file.is_file():
        raise fail(shown, "file_unreadable", reason="not a file")
    return _prepared(shown, str(file.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)  # batch runs reuse one office file; mtime and size catch edits
def _prepared(shown: str, path: str, mtime_ns: int, size: int) -> Base:
    try:
        data = read_bytes(path, REFERENCE_MAX_BYTES)  # a regular file of a sane size
        _refuse_dtd(shown, data)
        document = docx.Document(BytesIO(_as_document(data)))
    except _BAD_FILE as exc:
        raise fail(shown, "file_unreadable", reason=f"not a Word .docx file ({exc})") from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # the last section's page set-up stays
            body.remove(child)
    if body.find(qn("w:sectPr")) is None:  # no page set-up of its own: ours
        body.append(parse_xml(data_xml("word/document.xml")).find(f".//{qn('w:sectPr')}"))
    part = document.part
    used = set(document.element.xpath(_R_ATTRS))
    for rid, rel in list(part.rels.items()):
        if rel.reltype in _BODY_RELS and rid not in used:
            del part.rels[rid]
    package_rels = document.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of the office's old content
            del package_rels[rid]
    add_missing(document.styles.element)
    try:
        return from_document(document)
    except ValueError as exc:  # a prefix our body text needs is taken
        raise fail(shown, "file_unreadable", reason=str(exc)) from None


def _refuse_dtd(shown: str, data: bytes) -> None:
    """OPC forbids DTDs in a package and Word never writes one. An entity declared in a part's
    DOCTYPE cannot survive re-serialising the part (its reference stays, its declaration goes),
    which would give a DOCX Word refuses: so such a file is refused here."""
    with zipfile.ZipFile(BytesIO(data)) as zf:
        for info in zf.infolist():
            if info.filename.endswith((".xml", ".rels")) and info.file_size < 64 << 20:
                head = zf.read(info)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise fail(shown, "reference_dtd", part=info.filename)


def _as_document(data: bytes) -> bytes:
    """Relabel a .dotx template as a document, which python-docx insists on."""
    with zipfile.ZipFile(BytesIO(data)) as zf:
        types = zf.read("[Content_Types].xml")
        if _TEMPLATE_CT not in types:
            return data
        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in zf.infolist():
                blob = zf.read(info)
                if info.filename == "[Content_Types].xml":
                    blob = types.replace(_TEMPLATE_CT, _DOCUMENT_CT)
                dst.writestr(info, blob)
        return out.getvalue()
