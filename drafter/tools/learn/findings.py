"""What the learner understood: facts found (field -> text), facts the article does not state,
fact-like spans no field explains (with the field that would), ambiguities and how they were
decided, page text left out, spellings the data's house style would change."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...compose.orthography import tone_style
from .align import choose

# Spans that look like facts: numbers and dates, "lần thứ …", Roman ordinals, people named with
# an honorific.
_FACTLIKE = (
    (re.compile(r"(?:lần thứ|khóa|khoá)\s+(?:[IVXLC]+|\d+)\b"), "ordinal"),
    (re.compile(r"\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?\b"), "date"),
    (re.compile(r"\b(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)(?:\s+(?=[A-ZĐ]|[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ])\w+){2,4}"),
     "person"),
    (re.compile(r"(?<![\w/.,-])\d+(?:[.,]\d+)*%?(?:\s+[\wà-ỹ]+(?:\s[\wà-ỹ]+)?)?"), "number"),
)
_WHERE = {  # the field a span of each kind would come from
    "ordinal": "ordinal / session", "date": "date / end_date / founded / published",
    "person": "chairs / guests (name, titles)", "number": "members / cells / results / targets",
}


# What a number counts, by the words after it: the field that would say it.
_COUNTS = (("chi bộ", "cells"), ("đảng viên", "members"), ("đại biểu", "delegates"), ("chỉ tiêu", "targets.count"),
           ("tập thể", "awards"), ("cá nhân", "awards"), ("đồng chí", "elections.committee_size"))


def _where(text: str, kind: str) -> str:
    if kind == "number":
        words = text.lower().split(None, 1)[1:] or [""]
        for unit, name in _COUNTS:
            if words[0].startswith(unit):
                return name
    return _WHERE[kind]


@dataclass
class Report:
    found: list[tuple[str, str, str]] = field(default_factory=list)  # field, text, expression
    not_stated: list[str] = field(default_factory=list)
    unexplained: list[tuple[str, str]] = field(default_factory=list)  # text, where it could come from
    ambiguous: list[tuple[str, str, list[str], str]] = field(default_factory=list)  # text, chosen, others, why
    dropped: list[str] = field(default_factory=list)
    spelling: list[tuple[str, str]] = field(default_factory=list)  # as written, as it will print
    differs: list[tuple[str, str, str]] = field(default_factory=list)  # field, article's text, data's text


def _covered(leaf: str, fields: set[str]) -> bool:
    return any(leaf == f or leaf.startswith(f + ".") or leaf.startswith(f + "[") for f in fields)


def build_report(paras, leaves, forms, dropped, event, flags=()) -> Report:
    r = Report(dropped=list(dropped))
    for f in flags:
        if any(f.words in p.text.lower() for p in paras if p.kind != "photos"):
            r.found.append((f.field, f.words, f.expr))
    stated: set[str] = set()
    for p in paras:
        at = 0
        for s in sorted(p.spans, key=lambda s: s.start):
            # name only the fields the YAML has ("date", not "date, end_date" of a one-day event)
            given = [f for f in s.form.fields if any(_covered(leaf, {f}) or _covered(f, {leaf}) for leaf in leaves)]
            label = ", ".join(given or s.form.fields)
            if (label, p.text[s.start:s.end], s.form.expr) not in r.found:
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
    # a photo caption is printed whole from its own field; the facts it names are stated too
    inner = [f for f in forms if not any(x.startswith("photos[") for x in f.fields)]
    for p in paras:
        if p.kind == "photos":
            for text in (s.form.text for s in p.spans):
                stated.update(f for s in choose(text, inner, set()) for f in s.form.fields)
    r.not_stated = [leaf for leaf in leaves if not _covered(leaf, stated)]
    plain = {f.fields[0]: f.text for f in forms if len(f.fields) == 1 and f.expr.startswith("event.")
             and "|" not in f.expr and "~" not in f.expr}
    body = [p for p in paras if p.kind != "photos"]
    for leaf in leaves:  # a fact the article writes with other capitals or tone marks stays wording
        written = _written_as(plain.get(leaf, ""), body)
        if written and written != plain[leaf]:
            r.differs.append((leaf, written, plain[leaf]))
    return r


def _canon(text: str) -> str:
    return tone_style(text.lower(), "traditional")  # same length: positions carry over


def _written_as(value: str, paras) -> str:
    """The article's text of a fact it writes with other capitals or tone marks (not inside
    the span of another fact that holds it)."""
    if len(value.split()) < 3:
        return ""
    key = _canon(value)
    for p in paras:
        at = _canon(p.text).find(key)
        while at >= 0:
            end = at + len(value)
            written = p.text[at:end]
            if written != value and not any(s.start <= at and end <= s.end for s in p.spans):
                return written
            at = _canon(p.text).find(key, at + 1)
    return ""


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
            r.unexplained.append((m.group().strip(), _where(m.group(), kind)))


def lines(r: Report, lang: str = "vi") -> list[str]:
    """The report as the command prints it, one finding a line under a heading per kind."""
    from ...messages import translate

    out: list[str] = []

    def section(code, items, item_code, fmt):
        if items:
            out.append(translate(code, lang, count=len(items)))
            # an item line without words of its own is the same in every language
            out.extend("  " + (translate(item_code, lang, **fmt(i)) if item_code else fmt(i)) for i in items)

    section("learn_found_head", r.found, "", lambda i: f"{i[0]} → “{i[1]}”")
    section("learn_not_stated_head", r.not_stated, "", lambda i: i)
    section("learn_differs_head", r.differs, "learn_differs",
            lambda i: {"field": i[0], "article": i[1], "data": i[2]})
    section("learn_unexplained_head", r.unexplained, "learn_unexplained",
            lambda i: {"text": i[0], "where": i[1]})
    section("learn_ambiguous_head", r.ambiguous, "learn_ambiguous",
            lambda i: {"text": i[0], "chosen": i[1], "others": "; ".join(i[2][:3]) + (" …" if len(i[2]) > 3 else ""),
                       "why": translate("learn_why_" + i[3], lang)})
    section("learn_dropped_head", r.dropped, "", lambda i: f"“{i}”")
    section("learn_spelling_head", r.spelling, "", lambda i: f"{i[0]} → {i[1]}")
    return out
