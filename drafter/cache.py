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


MAX_BYTECODE = 2 << 20  # a compiled template larger than this is a hostile one: not kept


def bytecode_cache(tag: str):
    """Jinja's file cache of compiled templates, keyed also by TAG (the environment's kind:
    code compiled for one sandbox must never be loaded by another), that never breaks a
    render: a full disk, a read-only or corrupt cache is a cache miss."""
    from jinja2 import FileSystemBytecodeCache

    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / "jinja").mkdir(exist_ok=True)
    except OSError:
        return None

    class Cache(FileSystemBytecodeCache):
        def get_cache_key(self, name, filename=None):
            return super().get_cache_key(f"{tag}\x1f{name}", filename)

        def load_bytecode(self, bucket):
            try:
                super().load_bytecode(bucket)
            except (OSError, EOFError, ValueError, TypeError):  # unreadable or corrupt: compile again
                bucket.reset()

        def dump_bytecode(self, bucket):
            try:
                if len(bucket.bytecode_to_string()) <= MAX_BYTECODE:
                    super().dump_bytecode(bucket)
            except OSError:  # disk full, read-only: the render goes on without the cache
                pass

    return Cache(str(folder / "jinja"))
