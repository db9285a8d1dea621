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
from pathlib import Path

from .errors import fail

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


def template_dirs(start: Path | None = None) -> tuple[str, ...]:
    """Template folders named by the nearest drafter.toml, as absolute paths."""
    return configured(start)[1]


def configured(start: Path | None = None) -> tuple[Path | None, tuple[str, ...]]:
    """(the drafter.toml in use or None, its template folders as absolute paths)."""
    path = find(start)
    if path is None:
        return None, ()
    import tomllib  # only when an office has a drafter.toml

    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        problem = re.sub(r"\s*\(at line.*\)", "", str(exc))
        raise fail(str(path), "toml_syntax", line=int(where[1]) if where else None,
                   col=int(where[2]) if where else None, problem=problem) from None
    except (UnicodeDecodeError, OSError) as exc:
        raise fail(str(path), "file_unreadable", reason=getattr(exc, "strerror", None) or str(exc)) from None
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
    return path, tuple(str(f) for f in folders)


def search_path(templates: list[Path], near: Path | None = None, lang: str | None = None) -> tuple[str, ...]:
    """--templates folders first, then those of drafter.toml (from the working folder up, or
    else from the YAML's folder up), then (implicitly) the built-ins. The drafter.toml used is
    named on stderr: it changes every document's wording, so it is never silent."""
    for folder in templates:
        if not folder.is_dir():
            raise fail(str(folder), "templates_missing")
    project, found = configured()
    if project is None and near:
        project, found = configured(near.resolve())
    if project is not None:
        import sys

        from .messages import language, translate

        sys.stderr.write(f"drafter: {translate('project_in_use', language(lang), path=project)}\n")
    return tuple(str(t) for t in templates) + found


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
    dirs = template_dirs(path.parent)
    if not dirs:
        raise fail(str(path), "project_no_dirs", folder=DEFAULT_DIR)
    return Path(dirs[0]), None
