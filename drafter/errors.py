"""Problems found in user input, each with its place: FILE:LINE:COL: field.path: message."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import translate


@dataclass(frozen=True)
class Issue:
    file: str
    line: int | None
    col: int | None
    path: str
    code: str
    args: tuple[tuple[str, str], ...] = ()  # message arguments, hashable so issues dedupe
    severity: str = "error"

    def format(self, lang: str = "vi") -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        field_part = f" {self.path}:" if self.path else ""
        prefix = "" if self.severity == "error" else f" {translate('warning', lang)}:"
        line = " ".join(f"{where}:{prefix}{field_part} {self.message(lang)}".split("\n"))  # always one line
        return visible(line)

    def message(self, lang: str = "vi") -> str:
        """What is wrong, without the place: the message shown beside a field."""
        args = dict(self.args)
        message = translate(self.code, lang, **args)
        if "suggest" in args:
            message += translate("did_you_mean", lang, name=args["suggest"])
        if "check" in args:
            message += f" [{args['check']}]"
        return visible(message)


# A user's key, value or file name may hold ESC and the like: shown escaped, never sent raw to
# a terminal (and a half surrogate pair could not even be printed).
_VISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str) -> str:
    return _VISIBLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class DrafterError(Exception):
    """Bad input: carries every issue found, reported together, exit code 2."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(i.format("en") for i in issues))

    def format(self, lang: str = "vi") -> str:
        return "\n".join(issue.format(lang) for issue in self.issues)


def fail(file: str, code: str, path: str = "", line: int | None = None, col: int | None = None,
         **args) -> DrafterError:
    return DrafterError([Issue(file, line, col, path, code, pack(args))])


def pack(args: dict) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, str(v)) for k, v in args.items()))
