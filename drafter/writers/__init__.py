"""One writer per output format, looked up in one table.

Writers never see YAML or templates: they get the rendered blocks and a little
metadata. Text writers return str, byte writers (DOCX) return bytes; heavy ones
are imported only when asked for, so `drafter render --format txt` starts fast.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Callable

from ..blocks import Block
from ..words import Marks, load as load_words


@dataclass(frozen=True)
class Rendered:
    blocks: list[Block]
    title: str
    author: str = ""
    date: dt.date | None = None
    base_dir: Path = Path(".")  # where relative image paths are resolved
    published: str = ""  # ISO date (and time) of publication, for <time datetime>
    options: dict = field(default_factory=dict)  # writer options, e.g. reference_doc
    marks: Marks = field(default_factory=lambda: load_words().marks)  # item, rule, header star (words.yaml)


@dataclass(frozen=True)
class Writer:
    name: str
    extension: str
    binary: bool
    target: str  # "module:function", imported on first use
    assets: str | None = None  # "module:function" listing files the output needs beside it

    def load(self, target: str | None = None) -> Callable:
        module, func = (target or self.target).split(":")
        return getattr(import_module(module, __package__), func)

    def write(self, doc: Rendered) -> str | bytes:
        return self.load()(doc)

    def assets_of(self, doc: Rendered) -> tuple[tuple[str, Path], ...]:
        return tuple(self.load(self.assets)(doc)) if self.assets else ()


WRITERS = {
    "txt": Writer("txt", ".txt", False, ".text:write_txt"),
    "md": Writer("md", ".md", False, ".text:write_md"),
    "html": Writer("html", ".html", False, ".html:write_html", assets=".html:images"),
    "docx": Writer("docx", ".docx", True, ".docx:write_docx"),
    "pdf": Writer("pdf", ".pdf", True, ".pdf:write_pdf"),  # through LibreOffice, where installed
}
