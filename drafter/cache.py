"""A per-user cache folder for work that is the same on every run: compiled templates,
the place-name index. Speeds up start-up; drafter works the same without it.

$DRAFTER_CACHE names the folder; DRAFTER_CACHE=off disables caching.
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from . import __version__


@cache
def cache_dir() -> Path | None:
    setting = os.environ.get("DRAFTER_CACHE", "")
    if setting.lower() in ("0", "off", "no", "false"):
        return None
    base = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"
    folder = base / __version__
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def prune(pattern: str, keep: Path) -> None:
    """Remove the cache files matching PATTERN except KEEP: a newer install's data replaces
    the old index instead of adding one more file per install."""
    for old in keep.parent.glob(pattern):
        if old != keep:
            try:
                old.unlink()
            except OSError:
                pass

