"""The shape of a finished document: what a proof-reader sends back whatever the facts.

Each rule is a small function over the blocks returning (check id, the text it is about).
Text the user wrote (names, prose) is blanked out first where a rule is about wording.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from ..blocks import Block

SENTENCE_KINDS = {"p", "lead", "item", "note"}  # blocks that are sentences and must end as one
_END = (".", "!", "?", "…", ":", ";", "./.", "”", "\"", ")")
_END_GLUED = re.compile(r"(?<=\w)[.!?](?=\w)")
_COMMA_GLUED = re.compile(r"(?<=[^\W\d_])[,;](?=[^\W\d_])")
_STRAY = re.compile(r"\s@[a-z]+\d?\s|\s[.,;:](?!\.)|[,;:]\s*[.,;:]|\.\s*[,;:]|(?<!\.)\.\s*\.(?!\.)|\(\s*\)")
_DANGLING = re.compile(r"\b(?:và|của|với|gồm|cho|tại|là|đã|được|các|những|về|từ|đến|trong|theo|bởi|nhằm|"
                       r"có|bầu|trong đó)\s*[.;]$", re.IGNORECASE)
_DOUBLE = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE | re.UNICODE)
_PLACEHOLDER = re.compile(r"\bNone\b|\bnull\b|\bundefined\b|\{\{|\}\}|\{%|%\}|……|\.{4,}|\bTODO\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")
_COUNT = re.compile(r"(?<![\d/.,:\-])(\d{1,2})(?![\d/.,:%\-])\s+[^\W\d_]")
_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}))?(?![\d/\-])")
_DASH = re.compile(r"[^\W\d_](\s?[-–—]\s?)[^\W\d_]")
_PARTY_DATE = re.compile(r"\b(ngày|tháng) \d{1,2}(?= )")
BLANK = "\u2063"  # stands in for user text while wording is checked


def problems(blocks: list[Block], doc: str, user_texts: list[str]) -> Iterator[tuple[str, str]]:
    yield from _sections(blocks)
    for block in blocks:
        if block.kind in SENTENCE_KINDS and block.text and not block.text.rstrip().endswith(_END):
            yield "paragraph-unfinished", block.text
    wording = [(b, _blank(b.text, user_texts)) for b in blocks if b.text and b.kind not in ("photo",)]
    for block, text in wording:
        if _glued(text) or _STRAY.search(text) or _DANGLING.search(text.rstrip()):
            yield "sentence-broken", block.text
        for match in _DOUBLE.finditer(text):
            if match[1].casefold() == match[0].split()[-1].casefold() and not match[1].isdigit():
                yield "word-doubled", block.text
                break
        if doc == "article" and _PLACEHOLDER.search(block.text):
            yield "placeholder", block.text
    yield from _repeated(blocks, user_texts)
    yield from _forms([(b, t) for b, t in wording if b.kind in SENTENCE_KINDS])


def _glued(text: str) -> bool:
    """"năm 2023.Bên cạnh", "đạt,Bên": no space after a sentence end or a comma
    ("TP.HCM" and "2.619" are not sentences glued together)."""
    for m in _END_GLUED.finditer(text):
        before, after = text[m.start() - 1], text[m.end()]
        if after.isupper() and (before.islower() or before.isdigit()):
            return True
    return bool(_COMMA_GLUED.search(text))


def _blank(text: str, user_texts: list[str]) -> str:
    for value in user_texts:
        for form in (value, value[:1].upper() + value[1:]):
            if form in text:
                text = text.replace(form, BLANK)
    return text


def _sections(blocks: list[Block]) -> Iterator[tuple[str, str]]:
    """A heading with nothing under it before the next heading of its level or higher."""
    for i, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        nxt = next((b for b in blocks[i + 1:]), None)
        if nxt is None or nxt.kind.startswith("sign") or (nxt.kind == "heading" and nxt.level <= block.level):
            yield "section-empty", block.text


def _repeated(blocks, user_texts) -> Iterator[tuple[str, str]]:
    """The template saying one sentence twice (the user repeating their own prose is theirs)."""
    seen: Counter = Counter()
    for block in blocks:
        if block.kind not in SENTENCE_KINDS | {"caption"}:
            continue
        for sentence in _SENTENCE.split(block.text):
            if len(_blank(sentence, user_texts).replace(BLANK, " ").split()) < 4:
                continue
            words = re.sub(r"[^\w\s]", "", sentence.casefold()).split()
            if len(words) >= 4:
                seen[" ".join(words)] += 1
                if seen[" ".join(words)] == 2:
                    yield "sentence-repeated", sentence


def _forms(wording) -> Iterator[tuple[str, str]]:
    """One form of each thing: padded or unpadded counts, one date separator, one dash."""
    padded, unpadded, seps, dashes = [], [], {}, {}
    for block, text in wording:
        text = _PARTY_DATE.sub(r"\1 #", text)  # "ngày 07 tháng 7": the Party date rule, not counts
        for m in _COUNT.finditer(text):
            (padded if m[1].startswith("0") and len(m[1]) == 2 else unpadded if len(m[1]) == 1 else []).append(text)
        for m in _DATE.finditer(text):
            seps.setdefault(m[2], block.text)
        for m in _DASH.finditer(text):
            dashes.setdefault(m[1], block.text)
    if padded and unpadded:
        yield "form-mixed", unpadded[0]
    if len(seps) > 1:
        yield "form-mixed", list(seps.values())[-1]
    if len(dashes) > 1:
        yield "form-mixed", list(dashes.values())[-1]
