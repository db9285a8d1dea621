"""The work of `drafter render FILE` and `drafter validate FILES…` as library calls.

The command line (cli.py, and launch.py's fast path for a plain render) parses arguments, calls
one function here and maps DrafterError to exit code 2; SAY receives each line for stderr
(warnings, which drafter.toml is in use, what was written), in the order a user reads them.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from .config import Config, load
from ..errors import DrafterError, Issue, fail
from ..pipeline import DEFAULT_STYLE, Options, Output, render_file, validate_file, writer_for

Say = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def render(file: Path, output: Path | None, templates=(), lang: str | None = None, say: Say = _stderr,
           **fields) -> Output:
    """One YAML to OUTPUT (or stdout, text formats only); FIELDS are Options' (format, doc, …)."""
    from ..writers.output import write_result, write_stdout

    check_args(fields.get("doc", "article"), fields.get("variant"))  # before drafter.toml is read
    config = load(templates, near=file.parent, lang=lang, say=say)
    options = render_options(config, **fields)
    if writer_for(options.format).binary and output is None:
        raise fail("--format", "binary_to_stdout", name=options.format)
    result = render_file(file, options)
    for warning in result.warnings:
        say(warning.format(config.lang))
    if output is None:
        write_stdout(result.data)
    else:
        write_result(output, result, inputs=(file,))
        from ..messages import translate

        say(translate("written", config.lang, path=output))
    return result


def validate(files: list[Path], doc: str = "article", templates=(), lang: str | None = None, say: Say = _stderr,
             **fields) -> None:
    """Every file checked (and its DOC drafted and audited), warnings said as they come; then
    one DrafterError with every file's problems, or None when all are valid."""
    check_doc(doc)  # once, not once per file
    problems: list[Issue] = []
    announced: set[str] = set()
    for path in files:
        try:
            config = load(templates, near=path.parent, lang=lang, say=lambda line: _once(line, announced, say))
            for warning in validate_file(path, Options(doc=doc, search_path=config.search_path, **fields)):
                say(warning.format(config.lang))
        except DrafterError as exc:
            problems.extend(exc.issues)
    if problems:
        raise DrafterError(problems)


def _once(line: str, said: set[str], say: Say) -> None:
    if line not in said:
        said.add(line)
        say(line)


def render_options(config: Config, doc: str = "article", variant: int | None = None,
                   reference_doc: Path | str | None = None, **fields) -> Options:
    """Options for CONFIG's templates; --doc and --variant checked (a clean error otherwise)."""
    check_args(doc, variant)
    return Options(doc=doc, variant=variant, search_path=config.search_path,
                   reference_doc=str(reference_doc) if reference_doc else None, **fields)


def check_args(doc: str, variant: int | None) -> None:
    if variant is not None and variant < 0:
        raise fail("--variant", "too_small", limit=0)
    check_doc(doc)


def check_doc(doc: str) -> str:
    """--doc: one of the documents the pipeline knows (article, report, …), or a clean error."""
    if doc not in DEFAULT_STYLE:
        import difflib

        close = difflib.get_close_matches(doc, DEFAULT_STYLE, n=1)
        raise fail("--doc", "expected_one_of", allowed=", ".join(DEFAULT_STYLE), **({"suggest": close[0]} if close else {}))
    return doc
