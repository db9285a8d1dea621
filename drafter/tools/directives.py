"""The `@directive`s a template's source can open a block with, checked against the block kinds.

blocks.parse reads a directive only at a block's start, so a directive is a `@word` that stands
first on a line of template text, or first after a tag (whose output may be nothing), or first on
a line of a string literal ("@item " ~ x). Found in the source, an unknown one is reported with
its FILE:LINE:COL and the closest real directive, before any render; at render, the same scan
finds the line of the directive blocks.parse refused.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import jinja2
from jinja2 import nodes

from ..compose.blocks import BLOCK_KINDS
from ..errors import DrafterError, Issue, pack

# A directive at the start of a line segment; its level digit is not part of its kind.
_AT_START = re.compile(r"^[ \t]*@([a-z]+(?:-[a-z]+)*)[1-6]?(?=[ \t]|$)", re.M)


@dataclass(frozen=True)
class Directive:
    kind: str  # "lead" for "@lead", "heading" for "@heading2"
    line: int
    col: int


def directives(env: jinja2.Environment, source: str) -> list[Directive]:
    """Every `@word` of SOURCE that can open a block, with its place (1-based line and column)."""
    lines = source.splitlines()
    found = []
    for lineno, token, value in env.lex(source):
        if token == "string":
            value = value[1:-1]
        elif token != "data":
            continue
        for match in _AT_START.finditer(value):
            line = lineno + value.count("\n", 0, match.start())
            found.append(Directive(match[1], line, _column(lines, line, match[1])))
    return found


def _column(lines: list[str], line: int, kind: str) -> int:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return text.find("@" + kind) + 1 or 1


def unknown(directive: str) -> dict:
    """Message arguments for an unknown directive: the closest real one, else the whole list."""
    close = difflib.get_close_matches(directive.lstrip("@"), sorted(BLOCK_KINDS), n=1, cutoff=0.6)
    if close and " " not in directive:  # "@photo 9" is a known kind with a bad object number
        return {"code": "template_directive_near", "directive": directive, "suggest": "@" + close[0]}
    return {"code": "template_directive", "directive": directive,
            "allowed": ", ".join("@" + k for k in sorted(BLOCK_KINDS))}


def check_source(env: jinja2.Environment, source: str, filename: str) -> list[Issue]:
    """`templates check`: an issue for each unknown directive of one template file."""
    issues = []
    for d in directives(env, source):
        if d.kind not in BLOCK_KINDS:
            args = unknown("@" + d.kind)
            issues.append(Issue(filename, d.line, d.col, "", args.pop("code"), pack(args)))
    return issues


def render_error(env: jinja2.Environment, name: str, directive: str, fallback: str) -> DrafterError:
    """The error for a directive blocks.parse refused while rendering template NAME: at its line in
    NAME or in a template NAME extends, includes or imports, when the source holds it as written."""
    args = unknown(directive)
    code = args.pop("code")
    kind = directive.lstrip("@").split(" ")[0]
    for filename, source in _sources(env, name):
        place = next((d for d in directives(env, source) if d.kind == kind), None)
        if place is not None:
            return DrafterError([Issue(filename, place.line, place.col, "", code, pack(args))])
    return DrafterError([Issue(fallback, None, None, "", code, pack(args))])


def _sources(env: jinja2.Environment, name: str):
    """(file, source) of template NAME and of those it names statically, NAME first."""
    todo, seen = [name], set()
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.add(current)
        try:
            source, filename, _ = env.loader.get_source(env, current)
            tree = env.parse(source, current, filename)
        except (jinja2.TemplateError, DrafterError):
            continue  # already reported elsewhere; the error then names the template alone
        yield filename or current, source
        for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            if isinstance(node.template, nodes.Const) and isinstance(node.template.value, str):
                todo.append(node.template.value)
