"""Files a document may use, named relative to a folder it must not leave."""
from __future__ import annotations

import os
from pathlib import Path


def inside(folder: Path | str, name: str) -> Path | None:
    """FOLDER/NAME with every link resolved, if it stays inside FOLDER (resolved too); else None.
    "../../etc/passwd", an absolute path, a link to /etc/shadow, a NUL byte: all None."""
    if "\x00" in name:
        return None
    base = Path(os.path.realpath(folder))
    target = Path(os.path.realpath(base / name))
    return target if target.is_relative_to(base) else None
