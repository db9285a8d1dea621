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


def image_file(folder: Path | str, name: str) -> Path:
    """The image NAME (relative to the YAML's FOLDER) a writer may read or copy, or a DrafterError:
    a template can build a photo block of its own, so writers check, not only the data checks."""
    from ..errors import DrafterError, Issue, pack

    target = None if Path(name).is_absolute() else inside(folder, name)
    if target is None:
        raise DrafterError([Issue(str(Path(folder) / name), None, None, "", "image_outside",
                                  pack({"file": name}))])
    return target


IMAGE_MAX_BYTES = 50 << 20  # a photo for a portal is a few MB; /dev/zero or a FIFO is refused


def read_image(folder: Path | str, name: str) -> bytes:
    """The bytes of image NAME: inside FOLDER, a regular file, of a sane size."""
    from .loader import read_bytes

    return read_bytes(image_file(folder, name), IMAGE_MAX_BYTES)
