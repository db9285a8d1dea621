"""DOCX writer: named styles over a lean base package, or over an office's reference doc.

write_docx(doc) -> bytes, byte-identical for the same Rendered (no clock, fixed zip).
"""
from __future__ import annotations

from ...blocks import Block
from .. import Rendered
from .body import Out, write_flow
from .package import open_base, save, set_core_properties
from .reference import open_reference
from .report import write_report
from .styles import StyleMap

__all__ = ["write_docx"]


def write_docx(doc: Rendered) -> bytes:
    reference = doc.options.get("reference_doc")
    document = open_reference(reference) if reference else open_base()
    out = Out(document, StyleMap(document), doc.base_dir)
    blocks: list[Block] = list(doc.blocks)
    if doc.options.get("doc") == "report":
        write_report(out, blocks)
    else:
        write_flow(out, blocks)
    set_core_properties(document, doc.title, doc.author, doc.date)
    return save(document)
