"""Rules that keep templates readable: `templates check` warns, with FILE:LINE and a fix.

- No template has more than MAX_LOGIC conditions and loops: `{% if %}`, `{% elif %}`, `{% for %}`
  and inline `x if y`, counted in the file's own syntax tree (not its parents'). A
  `{% call m.sentence(...) %}` declares the facts a sentence needs and is not counted.
- No template line with logic stands in two templates (or twice in one): a line where an
  if/elif/for tag starts, or a tag or expression with a filter, an inline if, a test, a comparison,
  arithmetic or and/or/not (a plain `{% set org = event.org %}` is not logic, nor a sentence's
  `{% call m.sentence(...) %}` or a gate naming one fact, `{% if event.presenter %}`). Lines are
  compared with whitespace and whitespace control (`-`, `+`) left out. Each folder is compared
  with itself: an office template that shadows a built-in replaces it and copies nothing.
- No blank line is dropped after a tag (blank_lines.py): two paragraphs would run together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import nodes

from . import blank_lines
from ..errors import Issue, pack

MAX_LOGIC = 15
_CONTROL_TAGS = {"if", "elif", "for"}
# what makes any other tag or expression logic; a name, a call or "~" alone is wording
_OPERATORS = {"|", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "//", "%"}
_KEYWORDS = {"if", "is", "and", "or", "not", "in"}
_UNREADABLE = (OSError, UnicodeError, jinja2.TemplateSyntaxError)
_CONTROL = re.compile(r"(\{[%{#])[-+]|[-+]([%}#]\})")


@dataclass(frozen=True)
class Place:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


def logic(tree: nodes.Template) -> list[int]:
    """The lines of the conditions and loops of one template's own tree, in source order."""
    found = tree.find_all((nodes.If, nodes.For, nodes.CondExpr))  # an elif is an If in `elif_`
    return sorted(node.lineno for node in found)


def logic_lines(env: jinja2.Environment, source: str) -> dict[int, str]:
    """Line number -> normalised text, for each line of SOURCE where a construct with logic starts."""
    starts: set[int] = set()
    construct: list[tuple[int, str, str]] = []
    for lineno, token, value in env.lex(source):
        if token in ("block_begin", "variable_begin"):
            construct = [(lineno, token, value)]
        elif construct:
            construct.append((lineno, token, value))
            if token in ("block_end", "variable_end"):
                if _has_logic(construct):
                    starts.add(construct[0][0])
                construct = []
    lines = source.splitlines()
    return {n: normalise(lines[n - 1]) for n in sorted(starts) if n <= len(lines)}


def _has_logic(construct: list[tuple[int, str, str]]) -> bool:
    words = [(token, value) for _, token, value in construct if token != "whitespace"]
    if construct[0][1] == "block_begin" and len(words) > 1 and _declares(words[1:-1]):
        return False
    if construct[0][1] == "block_begin" and len(words) > 1 and words[1][1] in _CONTROL_TAGS:
        return True
    return any((t == "operator" and v in _OPERATORS) or (t == "name" and v in _KEYWORDS) for t, v in words[1:])


def _declares(words: list[tuple[str, str]]) -> bool:
    """`call m.sentence(...)`, a sentence's need; `if a.b` / `elif a.b`, a gate naming one fact (two
    documents may say one fact each in their own words); `set x = x|default(...)`, a parameter's
    default: none of them is logic that can drift."""
    values = [v for _, v in words]
    if values[:4] == ["call", "m", ".", "sentence"]:
        return True
    if values[:1] == ["set"] and values[1:5] == [values[1], "=", values[1], "|"] and values[5:6] == ["default"]:
        return True  # `set noun = noun|default("hội nghị")`: a parameter's default, as in a signature
    return values[:1] in (["if"], ["elif"]) and all((t == "name" and v not in _KEYWORDS) or v == "."
                                                     for t, v in words[1:])


def normalise(line: str) -> str:
    return " ".join(_CONTROL.sub(lambda m: m[1] or m[2], line).split())


def templates_in(root: Path) -> list[tuple[str, Path]]:
    """(name, path) of every template under ROOT, in a stable order."""
    return [(p.relative_to(root).as_posix(), p) for p in sorted(root.rglob("*.j2"))]


def counts(env: jinja2.Environment, root: Path) -> dict[str, int]:
    """Template name -> its number of conditions and loops."""
    return {name: len(logic(env.parse(path.read_text(encoding="utf-8"), name, str(path))))
            for name, path in templates_in(root)}


def copies(env: jinja2.Environment, root: Path) -> list[tuple[Place, Place, str]]:
    """(first place, later place, line) for each line with logic that stands more than once."""
    first: dict[str, Place] = {}
    found = []
    for name, path in templates_in(root):
        try:
            lines = logic_lines(env, path.read_text(encoding="utf-8"))
        except _UNREADABLE:
            continue  # reported by the syntax check
        for line, text in lines.items():
            place = Place(str(path), line)
            if text in first:
                found.append((first[text], place, text))
            else:
                first[text] = place
    return found


def check_rules(env: jinja2.Environment, root: Path) -> list[Issue]:
    """The warnings of the rules for the templates of one folder."""
    issues = []
    for name, path in templates_in(root):
        try:
            source = path.read_text(encoding="utf-8")
            lines = logic(env.parse(source, name, str(path)))
            dropped = blank_lines.eaten(env, source)
        except _UNREADABLE:
            continue  # reported by the syntax check
        if len(lines) > MAX_LOGIC:
            issues.append(Issue(str(path), lines[MAX_LOGIC], None, "", "template_too_much_logic",
                                pack({"count": len(lines), "limit": MAX_LOGIC}), "warning"))
        issues.extend(Issue(str(path), line, None, "", "template_blank_line_eaten", (), "warning")
                      for line in dropped)
    for earlier, later, _ in copies(env, root):
        issues.append(Issue(later.file, later.line, None, "", "template_line_copied",
                            pack({"other": str(earlier)}), "warning"))
    return issues
