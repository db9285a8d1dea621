"""DOCX writer: named styles over a lean base package, or over an office's reference doc,
either read once per process (base.py) and shared by every document built on it.

write_docx(doc, options) -> bytes, byte-identical for the same document (no clock, fixed zip).
"""
from __future__ import annotations

from ...compose.document import Document as Source
from .. import DocxOptions
from .body import Out, nfc, write_flow
from .document import Document
from .package import lean_base
from .party_layout import write_report

__all__ = ["write_docx"]


def write_docx(doc: Source, options: DocxOptions = DocxOptions()) -> bytes:
    reference = options.reference_doc
    if reference:
        from .reference import open_reference  # python-docx reads an office's file
    document = Document(open_reference(reference) if reference else lean_base())
    out = Out(document, doc.base_dir, doc.words.marks)
    if doc.party:  # header, numbered sections, signature
        write_report(out, doc)
    else:
        write_flow(out, doc.blocks)
    # the document properties go through the same filter as the body: XML cannot hold U+FFFE
    return document.save(nfc(doc.title), nfc(doc.author), doc.date)
