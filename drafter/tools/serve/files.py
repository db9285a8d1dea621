"""The served folder: its YAML files by plain name, and nothing else.

A name is one path component ending in .yaml or .yml: no "/", "\\", "..", leading dot, NUL
or absolute path (400). A name that is not a regular file of DIR itself, a symlink
included, is not there (404). Only YAML files are read or written: templates, drafter.toml
and everything outside DIR stay out of reach of HTTP.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ...read.loader import MAX_BYTES, decode
from ...writers.output import write_atomic

SUFFIXES = (".yaml", ".yml")
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")


class Refused(Exception):
    def __init__(self, status: int, code: str, **args):
        super().__init__(code)
        self.status, self.code, self.details = status, code, args


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    modified: float


class Folder:
    def __init__(self, root: Path):
        self.root = Path(root).resolve()

    def entries(self) -> list[Entry]:
        found = []
        with os.scandir(self.root) as scan:
            for item in scan:
                if _plain_name(item.name) and item.is_file(follow_symlinks=False):
                    info = item.stat(follow_symlinks=False)
                    found.append(Entry(item.name, info.st_size, info.st_mtime))
        return sorted(found, key=lambda e: e.name)

    def path(self, name: str) -> Path:
        """DIR/NAME for a well-formed name (Refused 400 otherwise); it may not exist yet."""
        if not _plain_name(name):
            raise Refused(400, "serve_bad_name", name=name[:80])
        return self.root / name

    def existing(self, name: str) -> Path:
        path = self.path(name)
        try:
            info = os.lstat(path)
        except OSError:
            raise Refused(404, "file_not_found") from None
        if not stat.S_ISREG(info.st_mode):  # symlinks and folders are not served
            raise Refused(404, "file_not_found")
        return path

    def read(self, name: str) -> tuple[str, str]:
        """(text, version) of a YAML file; version changes whenever the bytes do."""
        path = self.existing(name)
        raw = _read(path)
        return decode(raw, name), version(raw)

    def current_version(self, name: str) -> str | None:
        try:
            return version(_read(self.existing(name)))
        except Refused:
            return None

    def image(self, relative: str) -> Path:
        """A picture a YAML file of DIR names (photos[].file), for the preview: it must lie in
        DIR once links are followed, as the image-path check requires for the DOCX."""
        if "\x00" in relative or not relative.lower().endswith(IMAGES):
            raise Refused(404, "file_not_found")
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root) or not target.is_file():
            raise Refused(404, "file_not_found")
        return target

    def write(self, name: str, text: str) -> str:
        """Replace (or create) DIR/NAME atomically; returns the new version."""
        path = self.path(name)
        if os.path.lexists(path):
            self.existing(name)  # never replace a symlink or a folder
        write_atomic(path, text)
        return version(text.encode("utf-8"))


def version(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def _read(path: Path) -> bytes:
    # O_NOFOLLOW: a file swapped for a symlink after the check is still refused
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        raise Refused(404, "file_not_found") from None
    with os.fdopen(fd, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise Refused(413, "file_too_large", size=os.path.getsize(path), limit=MAX_BYTES)
    return raw


def _plain_name(name: str) -> bool:
    return (bool(name) and name == os.path.basename(name) and "\\" not in name and "/" not in name
            and not name.startswith(".") and "\x00" not in name and name.isprintable()
            and name.lower().endswith(SUFFIXES) and len(name) <= 200)
