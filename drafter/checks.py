"""Checks that need more than one field or the world outside the YAML (files on disk).

Errors stop the render; warnings are returned for the caller to show.
"""
from __future__ import annotations

from pathlib import Path

from .errors import DrafterError, Issue, pack
from .loader import Loaded
from .model import EventBase
from .report import report_info


def check(event: EventBase, loaded: Loaded, doc: str = "article") -> list[Issue]:
    errors = list(_images(event, loaded))
    if errors:
        raise DrafterError(errors)
    warnings: list[Issue] = []
    if doc == "report":
        for path, code in report_info(event)[1]:
            warnings.append(_issue(loaded, path, code, severity="warning"))
    return warnings


def _images(event: EventBase, loaded: Loaded):
    base = Path(loaded.file).parent
    for i, photo in enumerate(event.photos):
        if photo.file and not (base / photo.file).is_file():
            yield _issue(loaded, f"photos[{i}].file", "image_missing", file=photo.file)


def _issue(loaded: Loaded, path: str, code: str, severity: str = "error", **args) -> Issue:
    loc = tuple(int(p) if p.isdigit() else p
                for p in path.replace("[", ".").replace("]", "").split("."))
    line, col = loaded.mark(loc)
    return Issue(loaded.file, line, col, path, code, pack(args), severity)
