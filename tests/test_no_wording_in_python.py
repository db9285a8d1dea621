"""No genre wording in Python: it lives in templates/ and templates/words.yaml, where an office
can override it. Every string literal of drafter/**/*.py is read with `ast`; one with Vietnamese
letters (or a known Vietnamese word written without marks) fails, unless it is a docstring, a
value the YAML itself may hold (a Literal[...] member), or stands in the allow-list below with
the reason it must stay."""
import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "drafter"
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
# Vietnamese words without marks that were once printed from Python ("-bao-cao" in file names)
KNOWN_WORDS = re.compile(r"\b(?:bao-cao|nghi-quyet|tai-lieu)\b")

# Whole files or folders, with why their literals are not genre wording.
ALLOWED_FILES = {
    "messages.py": "user messages, Vietnamese and English",
    "tools/cli_text.py": "user messages of the command line",
    "tools/cli.py": "--help texts of the command line (typer options): user messages",
    "tools/serve/labels.py": "labels of the web form: user messages",
    "tools/serve/page.py": "the web page's language switch names its language",
    "tools/serve/warm.py": "sample YAML input rendered once to warm the caches",
    "tools/skeleton.py": "comments and sample values of a new YAML file: help for the user",
    "tools/project.py": "comments of a new drafter.toml: help for the user",
    "read/yaml_hints.py": "hints for a broken YAML file: user messages",
    "tools/catalog.py": "the 'hoặc' of a 'did you mean a or b' message",
    "read/legacy.py": "recognises pre-Unicode Vietnamese: letters and syllables, nothing printed",
    "read/legacy_tables.py": "code tables of pre-Unicode encodings",
    "compose/orthography.py": "moves tone marks ('hòa' / 'hoà'): letters, nothing printed",
    "check/places.py": "reads the official list of units: unit kinds as the list writes them",
    "check/sanity.py": "recognises a secretary and a party member among the user's titles",
    "check/consistency.py": "recognises a 'Phó' title when it compares posts; prints nothing",
    "check/audit": "reads the rendered document to find facts and broken sentences; prints nothing",
    "tools/learn": "reads an office's article and writes a template: its words end in that template",
    "writers/docx/typography.py": "where a Party document's lines may not break (terms, dates, names)",
    "model/clerk.py": "recognises the honorific a user typed before a name, to strip it; prints nothing",
    "model/forms.py": "reads a user's Vietnamese date, ordinal, bound word as the model's value; prints nothing",
    "model/hints.py": "recognises what a user typed to say what to write (the messages are in messages.py)",
    "writers/docx/phrases.py": "where a Party document's header lines may break (places, phrases); nothing printed",
}

# Single literals, with why each must stay.
ALLOWED = {
    ("compose/filters.py", "{0} và {1}"): "CLDR's Vietnamese list pattern, checked against Babel",
    ("compose/filters.py", "ngày "): "the Party date form 'ngày 07 tháng 01 năm 2026': dates are neutral",
    ("compose/filters.py", " tháng "): "the Party date form",
    ("compose/filters.py", " năm "): "the Party date form",
    ("compose/filters.py", "và"): "two days of a date span, '10 và 11-2': dates are neutral",
    ("compose/filters.py", "đến"): "a date span, '10 đến 12-2'",
    ("compose/filters.py", " và "): "two days in the Party date form",
    ("compose/filters.py", "từ "): "a span in the Party date form, 'từ ngày 10 đến ngày 12 …'",
    ("compose/filters.py", " đến "): "a span in the Party date form",
    ("pipeline.py", "bao-cao"): "the report's template file name, not wording",
    ("pipeline.py", "nghi-quyet"): "the resolution's template file name, not wording",
    ("tools/batch.py", ": lỗi nội bộ / internal error: "): "a user message of a failed batch item",
    ("writers/numbering.py", "^(?:[IVXLC]+[-.]|\\d+[.)-]|[a-zđ]\\))\\s"): "recognises a heading the office numbered",
    ("model/common.py", "đồng chí"): "default of Person.honorific, one of its Literal values",
    ("model/events.py", "bầu"): "default of Elections.method, one of its Literal values",
    ("model/events.py", "chỉ định"): "compares Elections.method with one of its Literal values",
    ("model/genre.py", "nghị quyết"): "default of TargetsReached.against, one of its Literal values",
    ("model/genre.py", "đạt và vượt"): "default of TargetsReached.outcome, one of its Literal values",
}

def _exempt(tree: ast.AST) -> set[int]:
    """Docstrings (a bare string statement) and the members of Literal[...]."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            out.add(id(node.value))
        if isinstance(node, ast.Subscript) and getattr(node.value, "id", None) == "Literal":
            out |= {id(n) for n in ast.walk(node.slice)}
    return out


def wording(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _exempt(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in exempt
            and (VIETNAMESE.search(node.value) or KNOWN_WORDS.search(node.value))]


def _allowed_file(name: str) -> bool:
    return any(name == key or name.startswith(key + "/") for key in ALLOWED_FILES)


def test_no_genre_wording_in_python():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if _allowed_file(name):
            continue
        found += [f"drafter/{name}:{line}: {text!r}" for line, text in wording(path)
                  if (name, text) not in ALLOWED]
    assert not found, ("Vietnamese wording in Python; move it to templates/ or templates/words.yaml "
                       "(docs/tu-ngu.md):\n" + "\n".join(found))


def test_every_allowed_literal_is_still_there():
    """An allow-list entry whose literal is gone is removed, so the list stays short and true."""
    present = set()
    for path in PACKAGE.rglob("*.py"):
        name = path.relative_to(PACKAGE).as_posix()
        present |= {(name, text) for _, text in wording(path)}
    stale = sorted(set(ALLOWED) - present)
    assert not stale, f"allow-list entries no longer in the code: {stale}"
    missing = [key for key in ALLOWED_FILES if not (PACKAGE / key).exists()
               and not (PACKAGE / f"{key}").with_suffix(".py").exists()]
    assert not missing, f"allowed files that no longer exist: {missing}"


@pytest.mark.parametrize("source, caught", [
    ('x = f"Ban Thường vụ {name}"', True),  # wording in an f-string
    ('SUFFIX = "-bao-cao"', True),  # a known word without marks
    ('def f():\n    """Đảng ủy, in a docstring."""', False),
    ('from typing import Literal\nKind = Literal["xã", "phường"]', False),  # the YAML's own values
    ('x = "plain ascii"', False),
])
def test_the_scan_catches_wording(tmp_path, source, caught):
    file = tmp_path / "sample.py"
    file.write_text(source, encoding="utf-8")
    assert bool(wording(file)) is caught
