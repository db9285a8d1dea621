"""Writing results: atomically, never over an input, never half a file."""
from __future__ import annotations

import itertools
import os
import threading
from pathlib import Path

from .errors import fail


def identities(paths) -> frozenset[tuple[int, int]]:
    """(device, inode) of each existing path: what "the same file" means, links included."""
    found = set()
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        found.add((stat.st_dev, stat.st_ino))
    return frozenset(found)


def write_atomic(path: str | Path, data: str | bytes, inputs=(), durable: bool = True) -> None:
    """Write to a temporary file beside PATH, then rename: readers see the old file or the new one.

    INPUTS (paths, or identities() of them) are never overwritten. durable=False skips fsync:
    an interrupted process still leaves the old or the new file, only a power cut could not.
    """
    path = Path(path)
    protected = inputs if isinstance(inputs, frozenset) else identities(inputs)
    if protected and identities([path]) & protected:
        raise fail(str(path), "overwrite_input")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(folder, path.name)
    except OSError as exc:
        raise fail(str(path), "write_failed", reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:  # includes KeyboardInterrupt: never leave the temporary file
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise fail(str(path), "write_failed", reason=exc.strerror or str(exc)) from None
        raise


_COUNTER = itertools.count()
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new file ".NAME.<unique>.tmp" in FOLDER, opened for writing, readable by its owner only:
    what tempfile.mkstemp makes, without importing tempfile and random at each start."""
    for _ in range(10_000):
        tmp = os.path.join(folder, f".{name}.{os.getpid()}-{threading.get_ident()}-{next(_COUNTER)}.tmp")
        try:
            return os.open(tmp, _FLAGS, 0o600), tmp
        except FileExistsError:  # left by a killed process of the same pid: take the next name
            continue
    raise FileExistsError(f"no free temporary name beside {name}")


def write_result(path: str | Path, result, inputs=(), durable: bool = True) -> None:
    """A rendered output and the files it refers to (an HTML page's images), copied beside it."""
    path = Path(path)
    protected = inputs if isinstance(inputs, frozenset) else identities(inputs)
    for name, source in result.assets:
        target = path.parent / name
        if target.exists() and target.read_bytes() == source.read_bytes():
            continue  # the same picture from an earlier run or another page
        if target.exists():
            raise fail(str(target), "asset_exists", source=str(source))
        write_atomic(target, source.read_bytes(), inputs=protected, durable=durable)
    write_atomic(path, result.data, inputs=protected, durable=durable)
