"""DOCX writer: named styles over a lean base package, or over an office's reference doc,
either read once per process (base.py) and shared by every document built on it.

write_docx(doc) -> bytes, byte-identical for the same Rendered (no clock, fixed zip).
"""
from __future__ import annotations

from ...blocks import Block
from .. import Rendered
from .body import Out, nfc, write_flow
from .document import Document
from .package import lean_base
from .party_layout import write_report

__all__ = ["write_docx"]


def write_docx(doc: Rendered) -> bytes:
    reference = doc.options.get("reference_doc")
    if reference:
        from .reference import open_reference  # python-docx reads an office's file
    document = Document(open_reference(reference) if reference else lean_base())
    out = Out(document, doc.base_dir)
    blocks: list[Block] = list(doc.blocks)
    if doc.options.get("doc") in ("report", "resolution"):  # Party documents
        write_report(out, blocks)
    else:
        write_flow(out, blocks)
    # the document properties go through the same filter as the body: XML cannot hold U+FFFE
    return document.save(nfc(doc.title), nfc(doc.author), doc.date)
