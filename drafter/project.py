"""An office's project file, drafter.toml, found in the working folder or above.

    [templates]
    dirs = ["mau-van-phong"]     # office template folders, relative to this file, first wins
"""
from __future__ import annotations

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
    import tomllib  # only when an office has a drafter.toml

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


def search_path(templates: list[Path], near: Path | None = None) -> tuple[str, ...]:
    """--templates folders first, then those of drafter.toml (from the working folder up, or
    else from the YAML's folder up), then (implicitly) the built-ins."""
    for folder in templates:
        if not folder.is_dir():
            raise fail(str(folder), "templates_missing")
    found = template_dirs() or (template_dirs(near.resolve()) if near else ())
    return tuple(str(t) for t in templates) + found
