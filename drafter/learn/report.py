"""What the learner understood: facts found (field -> text), facts the article does not state,
fact-like spans no field explains (with the field that would), ambiguities and how they were
decided, page text left out, spellings the data's house style would change."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..orthography import tone_style

# Spans that look like facts: numbers and dates, "lần thứ …", Roman ordinals, people named with
# an honorific.
_FACTLIKE = (
    (re.compile(r"(?:lần thứ|khóa|khoá)\s+(?:[IVXLC]+|\d+)\b"), "ordinal"),
    (re.compile(r"\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?\b"), "date"),
    (re.compile(r"(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)\s+(?:[A-ZĐÀ-Ỹ][\wà-ỹ]*\s){1,3}[A-ZĐÀ-Ỹ][\wà-ỹ]*"), "person"),
    (re.compile(r"(?<![\w/.,-])\d+(?:[.,]\d+)*%?(?:\s+[\wà-ỹ]+(?:\s[\wà-ỹ]+)?)?"), "number"),
)
_WHERE = {  # the field a span of each kind would come from
    "ordinal": "ordinal / session", "date": "date / end_date / founded / published",
    "person": "chairs / guests (name, titles)", "number": "members / cells / results / targets",
}


@dataclass
class Report:
    found: list[tuple[str, str, str]] = field(default_factory=list)  # field, text, expression
    not_stated: list[str] = field(default_factory=list)
    unexplained: list[tuple[str, str]] = field(default_factory=list)  # text, where it could come from
    ambiguous: list[tuple[str, str, list[str], str]] = field(default_factory=list)  # text, chosen, others, why
    dropped: list[str] = field(default_factory=list)
    spelling: list[tuple[str, str]] = field(default_factory=list)  # as written, as it will print


def _covered(leaf: str, fields: set[str]) -> bool:
    return any(leaf == f or leaf.startswith(f + ".") or leaf.startswith(f + "[") for f in fields)


def build_report(paras, leaves, forms, dropped, event) -> Report:
    r = Report(dropped=list(dropped))
    stated: set[str] = set()
    for p in paras:
        at = 0
        for s in sorted(p.spans, key=lambda s: s.start):
            label = ", ".join(s.form.fields)
            r.found.append((label, p.text[s.start:s.end], s.form.expr))
            stated.update(s.form.fields)
            if s.rivals:
                r.ambiguous.append((p.text[s.start:s.end], label, [", ".join(f.fields) for f in s.rivals],
                                    s.reason))
            _scan(p.text[at:s.start], r)
            at = s.end
        _scan(p.text[at:], r)
        literal = _literal_text(p)
        styled = tone_style(literal, event.style.tone_marks)
        if styled != literal:
            for a, b in zip(literal.split(), styled.split()):
                if a != b and (a, b) not in r.spelling:
                    r.spelling.append((a, b))
    r.not_stated = [leaf for leaf in leaves if not _covered(leaf, stated)]
    return r


def _literal_text(p) -> str:
    out, at = [], 0
    for s in sorted(p.spans, key=lambda s: s.start):
        out.append(p.text[at:s.start])
        at = s.end
    out.append(p.text[at:])
    return " ".join(out)


def _scan(text: str, r: Report) -> None:
    taken: list[tuple[int, int]] = []
    for pattern, kind in _FACTLIKE:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            r.unexplained.append((m.group().strip(), _WHERE[kind]))
