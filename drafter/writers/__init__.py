"""One writer per output format, looked up in one table.

Writers never see YAML, templates or the data model: they get the document (drafter.compose.document)
and their own typed options. Text writers return str, byte writers (DOCX) return bytes; heavy
ones are imported only when asked for, so `drafter render --format txt` starts fast.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from importlib import import_module
from pathlib import Path
from typing import Callable

from ..compose.document import Document


@dataclass(frozen=True)
class WriterOptions:
    """A writer's settings; each field takes the pipeline option of its name."""

    @classmethod
    def of(cls, options) -> "WriterOptions":
        return cls(**{f.name: getattr(options, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class TextOptions(WriterOptions):
    pass


@dataclass(frozen=True)
class HtmlOptions(WriterOptions):
    embed: bool = False  # images inside the page (data: URIs) instead of files beside it
    fragment: bool = False  # the article alone, for a portal's editor

    @property
    def standalone(self) -> bool:
        """A whole page: doctype, style sheet, title."""
        return not self.fragment


@dataclass(frozen=True)
class DocxOptions(WriterOptions):
    reference_doc: str | None = None  # DOCX whose styles and page set-up are used


@dataclass(frozen=True)
class Writer:
    name: str
    extension: str
    binary: bool
    target: str  # "module:function", imported on first use
    assets: str | None = None  # "module:function" listing files the output needs beside it
    options: type[WriterOptions] = TextOptions

    def load(self, target: str | None = None) -> Callable:
        module, func = (target or self.target).split(":")
        return getattr(import_module(module, __package__), func)

    def write(self, doc: Document, options: WriterOptions | None = None) -> str | bytes:
        return self.load()(doc, options or self.options())

    def assets_of(self, doc: Document, options: WriterOptions | None = None) -> tuple[tuple[str, Path], ...]:
        return tuple(self.load(self.assets)(doc, options or self.options())) if self.assets else ()


WRITERS = {
    "txt": Writer("txt", ".txt", False, ".text:write_txt"),
    "md": Writer("md", ".md", False, ".text:write_md"),
    "html": Writer("html", ".html", False, ".html:write_html", assets=".html:images", options=HtmlOptions),
    "docx": Writer("docx", ".docx", True, ".docx:write_docx", options=DocxOptions),
    "pdf": Writer("pdf", ".pdf", True, ".pdf:write_pdf", options=DocxOptions),  # through LibreOffice, where installed
}
