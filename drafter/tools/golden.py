"""Golden files: render every YAML under a folder and compare with what was accepted before.

Layout (copying the folder copies its goldens):
    DIR/<name>.yaml
    DIR/<name>.golden/<name>.txt | .md | .html          the article
    DIR/<name>.golden/<name>.report.txt                 the report's wording
    DIR/<name>.golden/<name>.resolution.txt             a congress's resolution (dai-hoi only)
    DIR/<name>.golden/<name>.<style>.txt                other article styles ("tin", an office's)
    DIR/<name>.golden/<name>.docx.dump + .docx.sha256   the article DOCX: readable dump and bytes' hash
    DIR/<name>.golden/<name>.report.docx.dump + .sha256 the report DOCX (and .resolution.docx.*)
DOCX is compared through its canonical dump (paragraphs with styles, tables, section settings),
so a failure shows what changed; the sha256 catches anything the dump does not show.
"""
from __future__ import annotations

import difflib
import hashlib
import re
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..check.audit import CHECKS as AUDIT_CHECKS
from .config import Config
from ..errors import DrafterError, fail
from ..writers.output import write_atomic
from ..compose.document import Document
from ..read.loader import load_file
from ..pipeline import Options, draft, write
from ..model.validate import validate

FORMATS = ("txt", "md", "html", "docx")
SUFFIX = ".golden"


@dataclass
class FileReport:
    """One YAML's goldens: what differs, what is missing, what --update wrote."""
    source: Path
    changed: list[tuple[Path, str]] = field(default_factory=list)  # golden file, unified diff
    missing: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    error: DrafterError | None = None  # bad YAML or template: nothing compared
    compared: int = 0  # golden files checked (or written)
    warnings: list = field(default_factory=list)  # the checks' and the fact audit's, once each

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.error)

    def problems(self, lang: str = "vi") -> list[str]:
        """The diffs, then one line per missing golden (what a failing check shows)."""
        return [diff for _, diff in self.changed] + _lines(self.missing, "golden_missing", lang)


@dataclass
class Report:
    """A folder's goldens: every YAML's report, and golden folders whose YAML is gone."""
    files: list[FileReport] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)  # goldens whose YAML is gone
    removed: list[Path] = field(default_factory=list)  # stale golden folders deleted by --update

    changed = property(lambda self: [c for f in self.files for c in f.changed])
    missing = property(lambda self: [m for f in self.files for m in f.missing])
    updated = property(lambda self: [u for f in self.files for u in f.updated])
    errors = property(lambda self: [f.error for f in self.files if f.error])
    compared = property(lambda self: sum(f.compared for f in self.files))

    @property
    def warnings(self) -> list:
        """Every file's warnings, each once."""
        out: list = []
        for f in self.files:
            out.extend(w for w in f.warnings if w not in out)
        return out

    @property
    def ok(self) -> bool:
        return not (self.stale or any(not f.ok for f in self.files))

    def exit_code(self, update: bool) -> int:
        """2 for bad input; 1 when goldens differ (and were not updated); else 0."""
        return 2 if self.errors else 1 if not (self.ok or update) else 0

    def messages(self, lang: str) -> list[str]:
        """What `drafter golden` prints on stderr: the warnings, then the errors."""
        return [w.format(lang) for w in self.warnings] + [e.format(lang) for e in self.errors]

    def summary(self, lang: str, update: bool) -> list[str]:
        """What `drafter golden` prints on stdout, in order (the diffs keep their own line ends)."""
        from ..messages import translate

        out = [diff for _, diff in self.changed] + _lines(self.missing, "golden_missing", lang)
        out += _lines(self.stale, "golden_stale", lang)
        changed = [p for p, _ in self.changed]
        if update:
            out += _lines(self.updated, "golden_updated", lang) + _lines(self.removed, "golden_removed", lang)
        elif changed:
            out += [translate("golden_changed", lang, count=len(changed)) + "\n"]
            out += [f"  {p}\n" for p in changed]
        if self.ok:
            out.append(translate("golden_ok", lang, count=self.compared) + "\n")
        return out


def _lines(paths: list[Path], code: str, lang: str) -> list[str]:
    from ..messages import translate

    return [f"{p}: {translate(code, lang)}\n" for p in paths]


def sources(directory: Path) -> list[Path]:
    """Every YAML under DIR in a stable order; golden folders and hidden files and folders
    (.github/, .gitlab-ci.yml, .pre-commit-config.yaml: not events) are left out."""
    found = []
    for path in directory.rglob("*.y*ml"):
        parts = path.relative_to(directory).parts
        if path.suffix in (".yaml", ".yml") and not any(p.startswith(".") for p in parts) \
                and not any(p.endswith(SUFFIX) for p in parts[:-1]):
            found.append(path)
    return sorted(found)


def expected_files(source: Path, formats: tuple[str, ...], search_path=(),
                   reference_doc: str | None = None, warnings: list | None = None,
                   strict: bool = False) -> dict[str, str]:
    """Golden file name -> content, for one YAML; the documents' warnings go to WARNINGS.
    Each document (article, report, resolution, other article styles) is built once and
    written in every format from it."""
    name = source.stem
    out: dict[str, str] = {}
    loaded = load_file(source)
    kind = validate(loaded).kind
    party_docs = [("report", f"{name}.report")] + [(doc, f"{name}.{doc}") for doc in _extra_docs(kind)]
    base = Options(search_path=search_path, strict=strict, reference_doc=reference_doc)
    documents: dict[tuple, Document] = {}

    def render(fmt: str, **changes) -> str | bytes:
        options = replace(base, **changes)
        key = (options.doc, options.template)
        if key not in documents:
            documents[key], found = draft(loaded, options, source.parent)
            if warnings is not None:  # the audit's: what a golden run is for (not the report defaults)
                warnings.extend(w for w in found if dict(w.args).get("check") in AUDIT_CHECKS and w not in warnings)
        return write(documents[key], replace(options, format=fmt)).data

    for fmt in formats:
        if fmt == "docx":
            from ..writers.docx.readback import dump

            for doc, stem in [("article", name), *party_docs]:
                data = render("docx", doc=doc)
                out[f"{stem}.docx.dump"] = dump(data)
                out[f"{stem}.docx.sha256"] = hashlib.sha256(data).hexdigest() + "\n"
        else:
            out[f"{name}.{fmt}"] = render(fmt)
            if fmt == "txt":
                for doc, stem in party_docs:
                    out[f"{stem}.txt"] = render("txt", doc=doc)
                for style in _styles(kind, search_path):  # "tin" and an office's own styles
                    out[f"{name}.{style}.txt"] = render("txt", template=style)
    return out


def extra_docs(source: Path) -> list[str]:
    """Documents besides the article and the report: a congress's resolution."""
    return _extra_docs(validate(load_file(source)).kind)


def other_styles(source: Path, search_path=()) -> list[str]:
    """Article styles of the file's kind besides the default one, e.g. ["tin"]."""
    return _styles(validate(load_file(source)).kind, search_path)


def _extra_docs(kind: str) -> list[str]:
    from ..pipeline import RESOLUTION_KINDS

    return ["resolution"] if kind in RESOLUTION_KINDS else []


def _styles(kind: str, search_path=()) -> list[str]:
    from .catalog import entries
    from ..pipeline import DEFAULT_STYLE

    skip = set(DEFAULT_STYLE.values())
    return sorted(e.name[len(kind) + 1:-3] for e in entries(tuple(search_path))
                  if e.name.startswith(kind + "/") and e.name.count("/") == 1
                  and e.name[len(kind) + 1:-3] not in skip
                  and not e.name[len(kind) + 1:].startswith("_"))  # "_parts.j2" are not styles


def check(directory: Path | str, config: Config = Config(), update: bool = False, strict: bool = False,
          reference_doc: str | None = None) -> Report:
    """Every YAML under DIRECTORY against its goldens, in CONFIG's formats (all by default) and
    templates; --update writes what differs and removes stale golden folders."""
    directory = Path(directory)
    report = Report([check_source(source, config, update, strict, reference_doc) for source in sources(directory)])
    for folder in stale(directory):
        if update:
            shutil.rmtree(folder)
            report.removed.append(folder)
        else:
            report.stale.append(folder)
    return report


def check_source(source: Path, config: Config = Config(), update: bool = False, strict: bool = False,
                 reference_doc: str | None = None) -> FileReport:
    """One YAML against its goldens (the pytest plugin's item; check() runs it for each)."""
    report = FileReport(source)
    try:
        expected = expected_files(source, config.formats or FORMATS, config.search_path, reference_doc,
                                  report.warnings, strict)
    except DrafterError as exc:
        report.error = exc
        return report
    folder = source.with_name(source.stem + SUFFIX)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):  # writes would land elsewhere
        report.error = fail(str(folder), "golden_not_folder")
        return report
    report.compared = len(expected)
    for name, content in expected.items():
        _compare(folder / name, content, update, report)
    return report


def stale(directory: Path) -> list[Path]:
    """Golden folders drafter wrote whose YAML is gone."""
    live = {source.with_name(source.stem + SUFFIX) for source in sources(directory)}
    return [folder for folder in sorted(directory.rglob("*" + SUFFIX)) if folder not in live and ours(folder, directory)]


_GOLDEN_FILE = re.compile(r"(?:\.[\w-]+)?\.(?:txt|md|html|docx\.dump|docx\.sha256)")


def ours(folder: Path, directory: Path) -> bool:
    """Was FOLDER written by drafter? A real folder, outside hidden ones (.archive/), holding only
    files named as drafter names goldens for its stem. A user's own anh.golden/ is never deleted."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    if any(p.startswith(".") for p in folder.relative_to(directory).parts):
        return False
    stem = folder.name[: -len(SUFFIX)]
    files = list(folder.iterdir())
    return bool(files) and all(
        f.is_file() and not f.is_symlink() and f.name.startswith(stem)
        and _GOLDEN_FILE.fullmatch(f.name[len(stem):]) for f in files)


def sentences(text: str) -> list[str]:
    """Lines cut further at sentence ends, so a diff names the sentence that changed,
    not the whole paragraph around it."""
    out = []
    for line in text.splitlines(keepends=True):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            if line[match.end():match.end() + 1].isupper():
                out.append(line[start:match.end()].rstrip() + "\n")
                start = match.end()
        out.append(line[start:] if line[start:].endswith("\n") else line[start:] + "\n")
    return out


_SENTENCE_END = re.compile(r"[.!?…]\s+")


def _compare(path: Path, content: str, update: bool, report: FileReport) -> None:
    if not path.exists():
        if update:
            write_atomic(path, content)
            report.updated.append(path)
        else:
            report.missing.append(path)
        return
    old = path.read_text(encoding="utf-8")
    if old == content:
        return
    names = {"fromfile": f"{path} (golden)", "tofile": f"{path} (now)"}
    diff = "".join(difflib.unified_diff(sentences(old), sentences(content), n=1, **names))
    if not diff:  # only the paragraph breaks moved
        diff = "".join(difflib.unified_diff(old.splitlines(True), content.splitlines(True), **names))
    if update:
        write_atomic(path, content)
        report.updated.append(path)
    report.changed.append((path, diff))
