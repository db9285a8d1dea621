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
