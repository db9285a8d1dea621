"""The templates an office can see: list them with their origin, show one, eject a built-in to edit."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import fail
from ..compose.templating import BUILTIN_DIR
from ..compose.words import FILE as WORDS_FILE


@dataclass(frozen=True)
class Entry:
    name: str  # as used by --template or {% extends %}: "dai-hoi/bai.j2"
    origin: str  # "built-in" or the office folder it comes from
    path: Path


def entries(search_path: tuple[str, ...] = ()) -> list[Entry]:
    """Every template name, from the first folder that has it (office folders first); the
    words file (words.yaml) too, which an office overrides key by key."""
    found: dict[str, Entry] = {}
    for folder in [*search_path, str(BUILTIN_DIR)]:
        root = Path(folder)
        origin = "built-in" if root == BUILTIN_DIR else str(root)
        words = [root / WORDS_FILE] if (root / WORDS_FILE).is_file() else []
        for path in sorted(root.rglob("*.j2")) + words:
            name = path.relative_to(root).as_posix()
            found.setdefault(name, Entry(name, origin, path))
    return sorted(found.values(), key=lambda e: e.name)


def find(name: str, search_path: tuple[str, ...] = ()) -> Entry:
    name = name if name.endswith(".j2") or name == WORDS_FILE else name + ".j2"
    found = entries(search_path)
    for entry in found:
        if entry.name == name:
            if entry.origin != "built-in":  # a link out of the office folder is never shown
                from ..compose.templating import _check_inside

                _check_inside(entry.origin, entry.name, str(entry.path))
            return entry
    raise not_found(name, [e.name for e in found])


def not_found(name: str, names: list[str]):
    """A DrafterError naming the templates NAME most likely meant ("bai" -> every */bai.j2)."""
    import difflib

    folder, _, base = name.rpartition("/")
    here = [n for n in names if n.rpartition("/")[0] == folder] if folder else names
    near = [n for n in names if n.endswith("/" + base)]
    if not near:  # a misspelt style: the closest name in the same folder
        close = difflib.get_close_matches(base, [n.rpartition("/")[2] for n in here], n=1, cutoff=0.6)
        near = [f"{folder}/{close[0]}" if folder else close[0]] if close else []
    if near:
        return fail(name, "template_not_found_near", name=name, vi=_either(near, "hoặc"), en=_either(near, "or"))
    listed = here or names
    return fail(name, "template_not_found_list", name=name, names=", ".join(listed))


def _either(names: list[str], word: str) -> str:
    quoted = [f"'{n}'" for n in names]
    return f"{', '.join(quoted[:-1])} {word} {quoted[-1]}" if len(quoted) > 1 else quoted[0]


def eject(name: str, to: Path, search_path: tuple[str, ...] = ()) -> Path:
    """Copy the built-in template NAME into folder TO (keeping its sub-folder), never over a file."""
    entry = find(name, ())  # always the built-in: that is what an office starts from
    target = Path(to) / entry.name
    if target.exists():
        raise fail(str(target), "eject_exists")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(entry.path, target)
    return target


def eject_to_office(name: str, to: Path | None = None) -> tuple[Path, Path | None]:
    """`templates eject`: NAME copied into TO, by default where drafter will read it (drafter.toml's
    first folder, that file made if need be); the copy, and the drafter.toml created or None."""
    created = None
    if to is None:
        from .project import office_dir

        to, created = office_dir()
    return eject(name, to), created
