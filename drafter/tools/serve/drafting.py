"""The library's stages on YAML text sent by the page: load, validate, check, render.

The same stages as pipeline.draft (checks, then the fact audit of the rendered document), on
text instead of a path, keeping the checks' warnings when a later stage fails: the file name given is the place of the text
in DIR (images are found beside it) and is never read.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...compose import words
from ...check.consistency import issues, issues_of, warnings_or_raise
from ...errors import DrafterError, Issue
from ...read.loader import Loaded, load_text
from ...compose.document import Document
from ...pipeline import Options, Output, doc_allowed, render_event, writer_for
from ...model.validate import validate


@dataclass(frozen=True)
class Checked:
    loaded: Loaded | None  # None: the YAML itself is broken
    rendered: Document | None  # None: the data does not fit, a check or the fact audit failed
    issues: list[Issue]  # errors, or the warnings of a valid file (checks, then the audit)


def check_text(text: str, file: str, options: Options = Options()) -> Checked:
    """What `drafter validate --doc` reports for this text, and the document when there is
    one: every problem at once, never raising for bad input."""
    try:
        loaded = load_text(text, file)
    except DrafterError as exc:
        return Checked(None, None, exc.issues)
    warnings: list[Issue] = []
    try:
        with words.using(options.search_path):  # the office's defaults and words, as pipeline.draft
            event = validate(loaded)
            doc_allowed(event, options, loaded)
            warnings = warnings_or_raise(issues(event, loaded, options.doc, options.strict))
            rendered, problems = render_event(event, options, base_dir=Path(file).parent)
            warnings = warnings + warnings_or_raise(issues_of(problems, event, loaded, options.strict))
    except DrafterError as exc:
        return Checked(loaded, None, warnings + exc.issues)
    return Checked(loaded, rendered, warnings)


def render_text(text: str, file: str, options: Options) -> Output:
    """What `drafter render` writes for this text, or DrafterError."""
    writer = writer_for(options.format)
    checked = check_text(text, file, options)
    if checked.rendered is None:
        raise DrafterError(checked.issues)
    return Output(writer.write(checked.rendered, writer.options.of(options)), checked.issues)


def issue_json(issue: Issue, lang: str) -> dict:
    return {"line": issue.line, "col": issue.col, "field": issue.path, "message": issue.message(lang),
            "severity": issue.severity, "code": issue.code}


def plain(value: Any) -> Any:
    """Loaded YAML as JSON for the form: dates as YYYY-MM-DD, decimals as numbers."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
