"""libyaml's syntax errors, turned into the mistake a person made, at the line they made it.

libyaml often notices a mistake a line late ("could not find expected ':'" on the line after a
missing colon) and names it in parser terms. Each hint looks at the text around the mark and says
what to change; anything not recognised stays a plain "YAML syntax error" with libyaml's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_KEY_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(\S.*)$")
_KEY_NO_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s+(\S.*)$")
_ITEM = re.compile(r"^(\s*)-(\s+|$)")
_KEY = re.compile(r"^[A-Za-z_][\w-]*:(\s|$)")
_LEGACY = (
    (re.compile(r"mapping values are not allowed"), "yaml_colon"),
    (re.compile(r"expected ',' or '\}'|',' or '\}'"), "yaml_brace"),
    (re.compile(r"expected ',' or '\]'|',' or '\]'"), "yaml_bracket"),
)


@dataclass(frozen=True)
class Hint:
    code: str
    line: int | None  # 1-based
    col: int | None
    args: dict


def explain(text: str, exc) -> Hint:
    """The message code, real place and arguments for a yaml.MarkedYAMLError."""
    lines = text.splitlines()
    mark, context = exc.problem_mark or exc.context_mark, exc.context_mark
    problem, said = exc.problem or exc.context or "?", f"{exc.problem or ''} {exc.context or ''}"
    here = (mark.line + 1, mark.column + 1) if mark else (None, None)

    def line_at(index: int) -> str:
        return lines[index] if 0 <= index < len(lines) else ""

    if mark is not None and "\t" in line_at(mark.line)[: mark.column + 1]:
        return Hint("yaml_tab", *here, {})
    if "could not find expected ':'" in said and context is not None:
        return _simple_key(lines, context.line) or Hint("yaml_no_colon", context.line + 1, 1, {})
    if "cannot start any token" in said and mark is not None:
        return _bad_start(line_at(mark.line), mark)
    if "did not find expected key" in said and mark is not None:
        line = line_at(mark.line)
        if mark.column > _indent_of(line):  # the line's start was fine: something follows a value
            return _after_quote(line, mark) or Hint("yaml_syntax", *here, {"problem": problem})
        return _indent(lines, mark.line) or Hint("yaml_syntax", *here, {"problem": problem})
    if "expected '-' indicator" in said and mark is not None:
        return _dash(lines, mark.line) or _indent(lines, mark.line) or Hint("yaml_syntax", *here, {"problem": problem})
    if "mapping values are not allowed" in said and mark is not None:
        hint = _indent(lines, mark.line) or _colon_in_text(line_at(mark.line), mark)
        if hint is not None:
            return hint
    if "escape" in said:  # "\\ud800" (half a surrogate pair), "\\q": not a missing quote
        return Hint("yaml_escape", *here, {})
    if "quoted scalar" in said and context is not None:
        # the quote that was never closed, not the end of the file where libyaml gave up
        return Hint("yaml_quote", context.line + 1, context.column + 1, {})
    if "end of stream" in said:
        return Hint("yaml_quote", *here, {})
    for pattern, code in _LEGACY:
        if pattern.search(said):
            return Hint(code, *here, {})
    return Hint("yaml_syntax", *here, {"problem": problem})


def _simple_key(lines: list[str], index: int) -> Hint | None:
    """A line libyaml read as the start of a key that never got its colon."""
    line = lines[index] if index < len(lines) else ""
    indent = _indent_of(line)
    previous = _previous_content(lines, index)
    if previous is not None and _ITEM.match(lines[previous]) and _indent_of(lines[previous]) == indent \
            and not line.lstrip().startswith("-"):
        return Hint("yaml_list_dash", index + 1, indent + 1, {"fix": f"- {line.strip()}"})
    found = _KEY_NO_SPACE.match(line)
    if found:
        lead, key, value = found.groups()
        return Hint("yaml_colon_space", index + 1, len(lead) + len(key) + 2, {"fix": f"{key}: {value}"})
    found = _KEY_NO_COLON.match(line)
    if found:
        lead, key, value = found.groups()
        return Hint("yaml_colon_missing", index + 1, len(lead) + len(key) + 1,
                    {"key": key, "fix": f"{key}: {value}"})
    return None


def _dash(lines: list[str], index: int) -> Hint | None:
    """A list's item written without its "- ", at the list's own indentation."""
    line = lines[index] if index < len(lines) else ""
    previous = _previous_content(lines, index)
    if previous is None or line.lstrip().startswith("-"):
        return None
    items = [j for j in range(index - 1, -1, -1) if _ITEM.match(lines[j]) and _indent_of(lines[j]) == _indent_of(line)]
    if not items:
        return None
    return Hint("yaml_list_dash", index + 1, _indent_of(line) + 1, {"fix": f"- {line.strip()}"})


def _after_quote(line: str, mark) -> Hint | None:
    """'venue: "Hội trường" tầng 2': text after a closing quote; quote the whole value instead."""
    found = re.match(r"^(\s*(?:-\s+)?[^\s:]+):\s*(([\"']).*)$", line)
    if not found:
        return None
    value = found.group(2).split(" #")[0].strip()
    return Hint("yaml_after_quote", mark.line + 1, mark.column + 1,
                {"fix": f"{found.group(1).strip()}: '{value.replace(chr(39), chr(39) * 2)}'"})


def _colon_in_text(line: str, mark) -> Hint | None:
    """'venue: Hội trường: tầng 2': a ': ' inside the text; quote the text."""
    found = re.match(r"^(\s*(?:-\s+)?[A-Za-z_][\w-]*):\s+([^\"'{\[].*)$", line)
    if not found or mark.column < len(found.group(1)) + 2:
        return None
    value = found.group(2).split(" #")[0].strip().replace('"', '\\"')
    return Hint("yaml_colon_quote", mark.line + 1, mark.column + 1, {"fix": f'{found.group(1).strip()}: "{value}"'})


def _bad_start(line: str, mark) -> Hint:
    """A value opening with a character YAML reserves (%, @, `): quote the value."""
    char = line[mark.column] if mark.column < len(line) else "?"
    before, rest = line[:mark.column], line[mark.column:]
    if "{" in before or "[" in before:  # inside {…} or […] the value ends at , } ]
        rest = re.split(r"[,}\]]", rest)[0]
    value = rest.split(" #")[0].strip().replace('"', '\\"')
    key = re.search(r"([^\s{\[,]+):\s*$", before)
    fix = f'{key.group(1)}: "{value}"' if key else f'"{value}"'
    return Hint("yaml_reserved", mark.line + 1, mark.column + 1, {"char": char, "fix": fix})


def _indent(lines: list[str], index: int) -> Hint | None:
    """A line whose indentation matches none of the open levels above it."""
    line = lines[index] if index < len(lines) else ""
    have = _indent_of(line)
    levels: list[int] = []
    for j in range(index - 1, -1, -1):
        above = lines[j]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        width = _indent_of(above)
        item = _ITEM.match(above)
        # "  - name: A": the item's own fields sit at 4, below the dash at 2
        inner = len(item.group(0)) if item and _KEY.match(above[len(item.group(0)):]) else width
        for level in (inner, width):
            if not levels or level < levels[-1]:
                levels.append(level)
        if width == 0:
            break
    if have in levels:
        return None
    allowed = [str(n) for n in sorted(levels)]
    return Hint("yaml_indent", index + 1, have + 1,
                {"have": have, "allowed": _either(allowed, "hoặc"), "allowed_en": _either(allowed, "or")})


def _either(items: list[str], word: str) -> str:
    return f"{', '.join(items[:-1])} {word} {items[-1]}" if len(items) > 1 else "".join(items)


def _previous_content(lines: list[str], index: int) -> int | None:
    for j in range(index - 1, -1, -1):
        if lines[j].strip() and not lines[j].lstrip().startswith("#"):
            return j
    return None


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
