"""Blank lines that Jinja drops: the one trap the sentence unit does not remove.

Paragraphs are separated by a blank line, and Jinja (trim_blocks) drops the newline right after a
`{% … %}` tag. A line that prints text and ends with a tag, followed by a blank line, therefore
loses that blank line, and two paragraphs run together ("… năm 2023. Bên cạnh đó …" in one
paragraph). A tag alone on its line is safe: the line before still ends with its own newline.
The scan follows what the template prints, token by token, without data.
"""
from __future__ import annotations

import re

import jinja2

_UNKNOWN_BEFORE = {"block", "macro", "for", "endfor", "endmacro", "call"}  # a body printed elsewhere or again
_MAY_END_MID_LINE = {"endcall", "endblock"}  # what a call or a block printed need not end with a newline
_BLANK_START = re.compile(r"[ \t]*\n")


def eaten(env: jinja2.Environment, source: str) -> list[int]:
    """The lines of the tags after which a blank line of SOURCE is dropped."""
    found = []
    at_line_start = True  # the output so far ends with a newline, or nothing is known of it
    depth, extends = 0, False
    last = (0, "", "")
    for lineno, token, value in env.lex(source):
        if token == "whitespace":
            continue
        if token == "name" and last[1] == "block_begin":
            extends = extends or value == "extends"
            depth += (value == "block") - (value == "endblock")
            if value in _UNKNOWN_BEFORE:
                at_line_start = True
            elif value in _MAY_END_MID_LINE:
                at_line_start = False
        elif token == "variable_end":
            at_line_start = False
        elif token == "data":
            printed = not (extends and depth == 0)  # a child prints nothing outside its blocks
            if (printed and not at_line_start and last[1] in ("block_end", "comment_end")
                    and last[2].endswith("\n") and _BLANK_START.match(value)):
                found.append(last[0])
            if value.strip(" \t"):
                at_line_start = value.rstrip(" \t").endswith("\n")
        last = (lineno, token, value)
    return found
