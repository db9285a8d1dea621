"""Write the learned style: the article's sentences, one a line, facts as {{ … }} slots, each
sentence inside the {% if %} of the facts it uses; lists as loops."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .align import Span
from .forms import PROSE, _paren

# A sentence ends at . ! ? … (or after a closing quote) followed by a space and a capital,
# a digit, an opening quote or bracket.
_BOUNDARY = re.compile(r"(?<=[.!?…])”?\s+(?=[A-ZÀ-ỸĐ\d“(])")


@dataclass
class Para:
    kind: str  # headline, meta, lead, p, caption, photos, byline
    text: str
    spans: list[Span]
    photos: str = ""  # the "after" of the photos a caption paragraph stands for
    alt: list[Span] | None = None  # a headline told by its parts, for events without a headline


def sentences(p: Para) -> list[tuple[int, int]]:
    inside = [(s.start, s.end) for s in p.spans]
    cuts = [0]
    for m in _BOUNDARY.finditer(p.text):
        if not any(a < m.start() < b for a, b in inside):
            cuts.append(m.end())
    cuts.append(len(p.text))
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _literal(text: str) -> str:
    """The article's own words; any that would read as Jinja ("{{", "{%", "{#") kept verbatim."""
    return re.sub(r"\{[{%#]", lambda m: '{{ "' + m[0] + '" }}', text)


def _prose(span: Span) -> bool:
    return any(f.split(".")[0].split("[")[0] in PROSE for f in span.form.fields)


def _var(list_expr: str) -> str:
    name = list_expr.rsplit(".", 1)[-1]
    return name[:-1] if name.endswith("s") else name + "_item"


_LENGTH = re.compile(r"^(.*)\|length > (\d+)$")


def _guard_line(guards: list[str]) -> str:
    """"a and a|length > 1 and a|length > 3" says no more than "a|length > 3"."""
    longest: dict[str, int] = {}
    for g in guards:
        m = _LENGTH.match(g)
        if m:
            longest[m[1]] = max(longest.get(m[1], 0), int(m[2]))
    kept = []
    for g in dict.fromkeys(guards):
        m = _LENGTH.match(g)
        if g in longest:
            continue
        if m:  # the longest length, where the first one stood: before any item is read
            g = f"{m[1]}|length > {longest[m[1]]}"
        if g not in kept:
            kept.append(g)
    return " and ".join(kept)


def sentence_source(p: Para, start: int, end: int, loops: dict[str, str],
                    spans: list[Span] | None = None, flags=()) -> tuple[list[str], list[str]]:
    """One sentence: what it needs (guards) and its lines (text with slots, or a loop)."""
    spans = [s for s in (p.spans if spans is None else spans) if start <= s.start and s.end <= end]
    # a sentence is told once per item of one list; about items of two lists it is told once
    loops = {lst: var for lst, var in loops.items() if any(lst == l for s in spans for l, _ in s.form.lists)}
    loops = loops if len(loops) == 1 else {}
    for lst in list(loops):
        # told once per item only if nothing else in it could be missing: else, with two items,
        # the rest of the sentence would be said twice
        others = [g for s in spans for g in s.form.guards if not g.startswith(lst)]
        others += [f.expr for f in flags if f.words in p.text[start:end].lower() and not f.expr.startswith(lst)]
        if others:
            loops = {}
    guards: list[str] = []
    pieces, at, block_loop = [], start, None
    for n, s in enumerate(spans):
        expr, form_guards = s.form.expr, list(s.form.guards)
        follows = spans[n + 1] if n + 1 < len(spans) else None
        if s.form.fields == ("time_of_day",) and follows and follows.start == s.end + 1 and "date" in follows.form.fields:
            # "Sáng 19/12": an event without a time of day reads "Ngày 19/12"
            expr = '(event.time_of_day or "ngày")' + ("|capfirst" if "capfirst" in expr else "")
            form_guards = []
        for lst, index in s.form.lists:
            if lst in loops:
                var = loops[lst]
                expr = expr.replace(f"{lst}[{index}]", var)
                form_guards = [g.replace(f"{lst}[{index}]", var) for g in form_guards
                               if not g.startswith(lst + "|length") and g != lst]
        if s.form.fields == ("targets.count",) and p.text[s.end:].startswith(" chỉ tiêu"):
            # "06 chỉ tiêu" when the data counts them, "các chỉ tiêu" when it only lists them
            count = s.form.expr.split("|")[0]
            expr = f'{s.form.expr} if {count} else "các"'
            form_guards = [g for g in form_guards if g != count]
        before = p.text[at:s.start]
        adjunct = re.search(r",? (tại|ở) $", before) if s.form.fields == ("venue",) else None
        if adjunct:  # a place the sentence can do without: " tại …" only when the event has one
            pieces.append(_literal(before[:adjunct.start()]))
            pieces.append('{{ "' + adjunct[0] + '" ~ ' + expr + " if " + expr + " }}")
            at = s.end
            continue
        guards += form_guards
        pieces.append(_literal(before))
        tail = p.text[s.end:end].strip()
        if s.form.loop and not tail:
            block_loop = s.form
            at = s.end
            break
        if re.match(r"\.(?!\.)(\s|$)", p.text[s.end:]) and s.form.text[-1:].isalpha() and _prose(s):
            # another event's text may end with its own full stop: never "..", always one
            expr, s = f"{_paren(expr)}|full_stop", Span(s.start, s.end + 1, s.form)
        pieces.append("{{ " + expr + " }}")
        at = s.end
    pieces.append(_literal(p.text[at:end]) if not block_loop else "")
    told = [f for f in flags if f.words in p.text[start:end].lower()]
    for f in told:  # "tái cử", "nhất trí": the sentence says a yes/no fact is true
        expr = f.expr
        for lst, index in f.lists:
            if lst in loops:
                expr = expr.replace(f"{lst}[{index}]", loops[lst])
        guards.append(expr)
    text = "".join(pieces).strip()
    lines = [text] if text else []
    if block_loop:
        lst = block_loop.expr.split("|")[0]
        item = "item|figure" if "figure" in block_loop.expr else "item"
        body = "({{ loop.index }}) " if block_loop.loop == "numbered" else ""
        lines += ["{% for item in " + lst + " %}", body + "{{ " + item + "|capfirst|full_stop }}", "{% endfor %}"]
    for lst, var in loops.items():
        inner = _guard_line([g for g in guards if re.match(var + r"\b", g)])
        guards = [g for g in guards if not g.startswith(lst) and not re.match(var + r"\b", g)]
        lines = _guarded(inner, lines)
        lines = ["{% for " + var + " in " + lst + " %}"] + lines + ["{% endfor %}"]
        guards.append(lst)
    return (guards if spans or told else None), lines


def _guarded(guard: str, lines: list[str]) -> list[str]:
    return ["{% if " + guard + " %}"] + lines + ["{% endif %}"] if guard else lines


def write(paras: list[Para], loops: dict[str, str], source_name: str, flags=()) -> str:
    out = [
        "{#- Kiểu bài do drafter learn học từ " + source_name + ".",
        "    Mỗi dòng là một câu của bài; {{ … }} là chỗ điền dữ kiện của tệp YAML;",
        "    câu nằm trong {% if … %} chỉ được in khi có đủ các dữ kiện đó. -#}",
        '{% import "_macros.j2" as m with context %}',
    ]
    for p in paras:
        out.append("")
        if p.kind == "photos":
            out.append('{{ photos("' + p.photos + '") }}')
            continue
        # a paragraph of the article that itself starts with "@" must not read as a directive
        head = "@p" if p.kind == "p" and p.text.startswith("@") else "" if p.kind == "p" else "@" + p.kind
        lines = [head] if head else []
        if p.kind == "headline":
            lines += _headline(p, loops)
        else:
            lines += _sentences(p, loops, flags)
        out += lines
    return "\n".join(out) + "\n"


def _sentences(p: Para, loops: dict[str, str], flags=()) -> list[str]:
    """A sentence without facts goes with the sentence it continues (the one before it, or for
    the first of a paragraph the one after): it is never left alone when that one is left out."""
    parts = [sentence_source(p, a, b, loops, None, flags) for a, b in sentences(p)]
    lines = []
    for i, (guards, body) in enumerate(parts):
        if guards is None:
            near = [g for g, _ in (parts[:i][::-1] + parts[i + 1:]) if g is not None]
            guards = near[0] if near else []
        if body and body[0].startswith("{% for "):  # a loop over an empty list prints nothing already
            looped = body[0][:-len(" %}")].split(" in ", 1)[1]
            guards = [g for g in guards if g != looped]
        lines += _guarded(_guard_line(guards), body)
    return lines


def _headline(p: Para, loops: dict[str, str]) -> list[str]:
    """The event's own headline when it has one; else the article's, told by its parts."""
    lines = ["{% if event.headline %}", "{{ event.headline }}"]
    if p.alt is not None:
        guards, body = sentence_source(p, 0, len(p.text), loops, p.alt)
        guard = _guard_line(guards or [])
        lines += ["{% elif " + guard + " %}" if guard else "{% else %}"] + body
    return lines + ["{% endif %}"]
