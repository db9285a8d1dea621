"""An office's project file, drafter.toml, found in the working folder or above.

    [templates]
    dirs = ["mau-van-phong"]     # office template folders, relative to this file, first wins
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import fail

NAME = "drafter.toml"


def find(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / NAME
        if candidate.is_file():
            return candidate
    return None


def template_dirs(start: Path | None = None) -> tuple[str, ...]:
    """Template folders named by the nearest drafter.toml, as absolute paths."""
    path = find(start)
    if path is None:
        return ()
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise fail(str(path), "yaml_syntax", problem=str(exc)) from None
    section = config.get("templates", {})
    dirs = section.get("dirs", [section["dir"]] if "dir" in section else [])
    if not isinstance(dirs, list) or not all(isinstance(d, str) for d in dirs):
        raise fail(str(path), "expected_list", path="templates.dirs")
    folders = tuple((path.parent / d).resolve() for d in dirs)
    for folder in folders:
        if not folder.is_dir():
            raise fail(str(path), "templates_missing", path="templates.dirs")
    return tuple(str(f) for f in folders)
