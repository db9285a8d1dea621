"""`drafter learn`: an office's own article and the YAML of its facts become a style (template).

    learn(text, event) -> Learned   the template and what was understood (the report)

Stages, top-down: find the article in the text (article.py) -> every printed form of every fact
(forms.py) -> the spans the facts cover in each paragraph (align.py) -> sentences with slots and
guards (emit.py) -> what was understood (findings.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import article as article_mod
from .align import Span, choose
from .emit import Para, write
from .forms import Form, collect_all, evaluate
from .findings import Report, build_report

__all__ = ["Learned", "learn"]


@dataclass
class Learned:
    template: str
    article: list[str]  # the article's paragraphs as learned (what the style reproduces)
    report: Report
    paras: list[Para] = field(default_factory=list)


def learn(text: str, event, source_name: str = "bài viết mẫu") -> Learned:
    forms, leaves, flags = collect_all(event)
    authors = event.byline.authors if event.byline else []
    art = article_mod.extract(text, event.headline, authors)
    paras = _paragraphs(art.paragraphs, forms, event)
    loops = _sentence_loops(paras, event)
    template = write(paras, loops, source_name, flags)
    report = build_report(paras, leaves, forms, art.dropped, event, flags)
    return Learned(template, art.paragraphs, report, paras)


def _is_caption_form(f: Form) -> bool:
    return any(x.startswith("photos[") for x in f.fields)


def _paragraphs(texts: list[str], forms: list[Form], event) -> list[Para]:
    body_forms = [f for f in forms if not _is_caption_form(f)]
    captions = {f.text: f for f in forms if _is_caption_form(f) and f.expr.endswith(".caption")}
    mentioned: set[str] = set()
    paras: list[Para] = []
    for i, text in enumerate(texts):
        last = i == len(texts) - 1
        if i > 0 and text in captions:
            index = int(captions[text].fields[0].split("[")[1].split("]")[0])
            after = event.photos[index].after
            if not (paras and paras[-1].kind == "photos" and paras[-1].photos == after):
                paras.append(Para("photos", text, [Span(0, len(text), captions[text])], after))
            else:
                paras[-1].spans.append(Span(0, len(text), captions[text]))
            continue
        kind = "p"
        if i == 0 and _headline_like(text, event, len(texts)):
            kind = "headline"
        elif article_mod._STAMP.match(text) and len(text) < 60:
            kind = "meta"
        elif last and event.byline and any(a in text for a in event.byline.authors):
            kind = "byline"
        elif not any(p.kind in ("lead", "p") for p in paras):
            kind = "lead"
        elif len(text) < 200 and not text.endswith((".", "!", "?", ":", "…")):
            kind = "caption"
        # the headline is told by its own field only in the headline; elsewhere by its parts
        parts = [f for f in body_forms if f.fields != ("headline",)]
        if kind == "headline":
            alt = choose(text, parts, set())
            own = choose(text, [f for f in body_forms if f.fields == ("headline",)], mentioned)
            told = _all_told(text, alt)  # else the headline would print the source's names and numbers
            if own or told:
                paras.append(Para(kind, text, own or alt, alt=alt if told else None))
            continue
        paras.append(Para(kind, text, _siblings(choose(text, parts, mentioned))))
    return paras


def _headline_like(text: str, event, count: int) -> bool:
    if event.headline and article_mod.fold(event.headline) == text:
        return True
    return count > 1 and len(text) < 250 and not text.endswith((".", "!", "?", ":", "…"))


def _sentence_loops(paras: list[Para], event) -> dict[str, str]:
    """Lists of the event whose one item the article tells about: each sentence about it is
    written once per item, so another event's two awards get two sentences."""
    used: dict[str, set[int]] = {}
    for p in paras:
        if p.kind == "photos":
            continue
        for s in p.spans:
            for lst, index in s.form.lists[:1]:
                used.setdefault(lst, set()).add(index)
    candidates = [lst for lst, idx in used.items() if idx == {0} and "[" not in lst]
    lengths = evaluate(event, [f"{lst}|length" for lst in candidates])
    from .emit import _var

    return {lst: _var(lst) for lst, n in zip(candidates, lengths) if n == "1"}


def _all_told(text: str, spans) -> bool:
    """A headline told by its parts only if no name or number of it stays as written."""
    rest = text
    for s in sorted(spans, key=lambda s: -s.start):
        rest = rest[:s.start] + rest[s.end:]
    return not any(c.isdigit() for c in rest) and sum(w[:1].isupper() for w in rest.split()) <= 2


def _item(field: str) -> str:
    """"proposals.items[1].level" -> "proposals.items[1]": the list item a field belongs to."""
    return field[:field.rfind("]") + 1] if "]" in field else ""


def _siblings(spans: list[Span]) -> list[Span]:
    """A tie goes to the field of the same list item as the facts next to it ("xét Đảng bộ xã
    hoàn thành tốt nhiệm vụ": the subject of the proposal whose level follows, not the org)."""
    out = list(spans)
    for i, s in enumerate(out):
        near = {_item(f) for n in out[max(0, i - 1):i] + out[i + 1:i + 2] for f in n.form.fields} - {""}
        for rival in s.rivals:
            if any(_item(f) in near for f in rival.fields) and not any(_item(f) in near for f in s.form.fields):
                others = tuple(f for f in s.rivals if f is not rival) + (s.form,)
                out[i] = Span(s.start, s.end, rival, others, "position")
                break
    return out
