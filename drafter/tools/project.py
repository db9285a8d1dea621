"""An office's project file, drafter.toml, found in the working folder or above.

    [templates]
    dirs = ["mau-van-phong"]     # office template folders, relative to this file, first wins

The search stops at the project's root (a folder with .git) and at the user's home, and never
reads a file in a shared, world-writable folder (/tmp) or one owned by another user: a stray
drafter.toml there must not silently replace the built-in templates.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import fail

NAME = "drafter.toml"


def find(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    home = _home()
    for folder in (here, *here.parents):
        candidate = folder / NAME
        if not _shared(folder) and candidate.is_file() and _ours(candidate):
            return candidate
        if folder == home or (folder / ".git").exists():  # .git: a folder, or a worktree's file
            return None
    return None


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError, OSError):
        return None


def _shared(folder: Path) -> bool:
    try:
        return bool(folder.stat().st_mode & stat.S_IWOTH)
    except OSError:
        return True


def _ours(path: Path) -> bool:
    if not hasattr(os, "getuid"):
        return True
    try:
        return path.stat().st_uid in (os.getuid(), 0)
    except OSError:
        return False


@dataclass(frozen=True)
class Project:
    """A drafter.toml read: where it is and the office template folders it names."""
    path: Path
    template_dirs: tuple[str, ...]  # absolute, first wins


def load(start: Path | None = None) -> Project | None:
    """The nearest drafter.toml (see find), read; None when there is none. Bad TOML or a bad
    table is a DrafterError naming the file, the line and what TOML expected."""
    path = find(start)
    return None if path is None else read(path)


def read(path: Path) -> Project:
    import tomllib  # only when an office has a drafter.toml

    try:
        raw = path.read_bytes()
        config = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        problem = re.sub(r"\s*\(at (line|end of document).*\)", "", str(exc))
        # "at end of document": an unclosed [ or " shows at the last line
        line = int(where[1]) if where else max(1, len(raw.splitlines()))
        raise fail(str(path), "toml_syntax", line=line, col=int(where[2]) if where else None,
                   problem=problem) from None
    except UnicodeDecodeError as exc:  # TOML is UTF-8 by definition
        raise fail(str(path), "toml_not_utf8", line=raw[:exc.start].count(b"\n") + 1) from None
    except OSError as exc:
        raise fail(str(path), "file_unreadable", reason=exc.strerror or str(exc)) from None
    section = config.get("templates", {})
    if not isinstance(section, dict):  # templates = ["mau"]: a list where a table belongs
        raise fail(str(path), "toml_table", path="templates", example='[templates]\ndirs = ["mau"]')
    dirs = section.get("dirs", [section["dir"]] if "dir" in section else [])
    if not isinstance(dirs, list) or not all(isinstance(d, str) for d in dirs):
        raise fail(str(path), "toml_dirs", path="templates.dirs")
    folders = tuple((path.parent / d).resolve() for d in dirs)
    for folder in folders:
        if not folder.is_dir():
            raise fail(str(path), "templates_missing", path="templates.dirs")
    return Project(path, tuple(str(f) for f in folders))


DEFAULT_DIR = "mau-van-phong"


def office_dir(start: Path | None = None) -> tuple[Path, Path | None]:
    """The office template folder drafter reads (the first of drafter.toml's), and the drafter.toml
    created for it when there was none (in START, the working folder by default)."""
    path = find(start)
    if path is None:
        path = (start or Path.cwd()) / NAME
        (path.parent / DEFAULT_DIR).mkdir(parents=True, exist_ok=True)
        path.write_text(f'[templates]\ndirs = ["{DEFAULT_DIR}"]     # thư mục mẫu của cơ quan, ưu tiên hơn mẫu có sẵn\n',
                        encoding="utf-8")
        return path.parent / DEFAULT_DIR, path
    dirs = read(path).template_dirs
    if not dirs:
        raise fail(str(path), "project_no_dirs", folder=DEFAULT_DIR)
    return Path(dirs[0]), None
