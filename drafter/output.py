"""Writing results: atomically, never over an input, never half a file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import fail


def write_atomic(path: str | Path, data: str | bytes, inputs: tuple[str | Path, ...] = ()) -> None:
    """Write to a temporary file beside PATH, then rename: readers see the old file or the new one."""
    path = Path(path)
    if any(_same(path, Path(i)) for i in inputs):
        raise fail(str(path), "overwrite_input")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise fail(str(path), "write_failed", reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:  # includes KeyboardInterrupt: never leave the temporary file
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise fail(str(path), "write_failed", reason=exc.strerror or str(exc)) from None
        raise


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
