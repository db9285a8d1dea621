"""Writing results: atomically, never over an input, never half a file."""
from __future__ import annotations

import itertools
import os
import re
import threading
from pathlib import Path

from ..errors import fail


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
        if durable:  # a single file: tidy what an earlier, killed run left beside it
            sweep(folder, path.name)
        mode = _mode_for(path)
        fd, tmp = _temporary(folder, path.name)
    except OSError as exc:
        raise fail(str(path), "write_failed", reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
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


def _mode_for(path: Path) -> int:
    """A replaced file keeps its permissions (a 0600 file stays private); a new one gets
    what the umask allows, as any program's new file does."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)  # the only portable way to read it is to set it (two system calls)
    os.umask(mask)
    return mask


# _temporary's names carry the pid: a later run can tell a dead run's leftover from a live one's.
_TEMP = re.compile(r"^\..+\.(\d+)-\d+-\d+\.tmp$")
# Earlier versions used tempfile's 8 random characters only: such a file an hour old is a dead run's.
_OLD_TEMP = re.compile(r"^\..+\.(?:docx|html|md|txt|pdf|dump|sha256|json)\.[a-z0-9_]{8}\.tmp$")
OLD_TEMP_AGE = 3600


def sweep(folder: Path, name: str = "") -> list[Path]:
    """Remove temporary files that a killed drafter (kill -9, power cut) left in FOLDER
    (for target NAME only, if given): those whose process is gone. Returns what was removed."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for entry in names:
        if not entry.startswith(f".{name}"):
            continue
        match = _TEMP.match(entry)
        target = Path(folder) / entry
        if (match and not _alive(int(match[1]))) or (not match and _OLD_TEMP.match(entry) and _old(target)):
            try:
                target.unlink()
                removed.append(target)
            except OSError:
                pass
    return removed


def _old(path: Path) -> bool:
    import time

    try:
        return time.time() - path.stat().st_mtime > OLD_TEMP_AGE
    except OSError:
        return False


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process: not ours to judge
    return True


def write_stdout(text: str) -> None:
    """Print a document. A closed stdout (`>&-`) is one clean line (exit 2); a reader gone
    (`| head`, EPIPE) is left to the caller, which exits quietly as click does."""
    import errno
    import sys

    try:
        if sys.stdout is None:  # started with fd 1 closed
            raise OSError(errno.EBADF, "stdout is closed")
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError) as exc:  # ValueError: a closed file object
        if getattr(exc, "errno", None) == errno.EPIPE:
            raise
        try:  # nothing can reach a reader: keep Python's own exit flush quiet
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        except OSError:
            pass
        raise fail("stdout", "stdout_closed", reason=getattr(exc, "strerror", None) or str(exc)) from None


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
