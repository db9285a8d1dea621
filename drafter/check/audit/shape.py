"""The shape of a finished document: what a proof-reader sends back whatever the facts.

Each rule is a small function over the blocks returning (check id, the text it is about).
Text the user wrote (names, prose) is blanked out first where a rule is about wording.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from ...compose.blocks import Block, has_content
from .compounds import meet  # "tổng kết kết quả": two compounds meeting, not a doubled word

SENTENCE_KINDS = {"p", "lead", "item", "note"}  # blocks that are sentences and must end as one
_END = (".", "!", "?", "…", ":", ";", "./.", "”", "\"", ")")
# Simple patterns (no look-behind, no \b over long texts): a document is searched as a whole
# first, and the few candidates are then checked by hand.
_END_GLUED = re.compile(r"[.!?]\w")
_COMMA_GLUED = re.compile(r"[,;][^\W\d_]")
_STRAY = re.compile(r" [.,;:]| @[a-z]|[,;:.] ?[,;:]|[,;:] ?\.|\( ?\)|\. \.")
_DANGLING = {"và", "của", "với", "gồm", "cho", "tại", "là", "đã", "được", "các", "những", "về", "từ", "đến",
             "trong", "theo", "bởi", "nhằm", "có", "bầu", "đó"}  # words a sentence cannot end on
_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")
_PLACEHOLDERS = ("None", "null", "undefined", "{{", "}}", "{%", "%}", "……", "....", "TODO")
_PLACEHOLDER = re.compile(r"\bNone\b|\bnull\b|\bundefined\b|\{\{|\}\}|\{%|%\}|……|\.{4,}|\bTODO\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")
_COUNT = re.compile(r"(?<![\d/.,:\-])(\d{1,2})(?![\d/.,:%\-])\s+[^\W\d_]")
_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}))?(?![\d/\-])")
_DASH = re.compile(r" ?[-–—] ?")
_PARTY_DATE = re.compile(r"\b(ngày|tháng) \d{1,2}(?= )", re.IGNORECASE)  # "Ngày 07 tháng 9" opens a sentence
_SPAN_DAY = re.compile(r"\b\d{1,2}(?= tháng \d)")  # "ngày 01 và 02 tháng 01": the last day of a span
BLANK = "\u2063"  # stands in for user text while wording is checked


def problems(blocks: list[Block], doc: str, user_texts: list[str]) -> Iterator[tuple[str, str]]:
    yield from _sections(blocks)
    for block in blocks:
        if block.kind in SENTENCE_KINDS and block.text and not block.text.rstrip().endswith(_END):
            yield "paragraph-unfinished", block.text
    shown = [b for b in blocks if b.text and b.kind not in ("photo",)]
    texts = _blank_all([b.text for b in shown], user_texts)
    wording = list(zip(shown, texts))
    # each rule looks at the whole document once; only a hit is traced to its paragraph
    whole, raw = _SEP.join(texts), _SEP.join(b.text for b in shown)
    broken = _glued(whole) or _STRAY.search(whole) or any(_dangling(t) for t in texts)
    blank = doc == "article" and any(p in raw for p in _PLACEHOLDERS)
    for block, text in wording:
        if broken and (_glued(text) or _STRAY.search(text) or _dangling(text)):
            yield "sentence-broken", block.text
        if _doubled(text):
            yield "word-doubled", block.text
        if blank and _PLACEHOLDER.search(block.text):
            yield "placeholder", block.text
    yield from _repeated(wording)
    yield from _caption_counts(blocks)
    yield from _forms([(b, t) for b, t in wording if b.kind in SENTENCE_KINDS])


def _glued(text: str) -> bool:
    """"năm 2023.Bên cạnh", "đạt,Bên": no space after a sentence end or a comma
    ("TP.HCM" and "2.619" are not sentences glued together)."""
    for m in _END_GLUED.finditer(text):
        before, after = text[m.start() - 1: m.start()], text[m.end() - 1]
        # a marker's last character: a name the user wrote ends the sentence glued to the next
        if after.isupper() and (before.islower() or before.isdigit() or "\ue100" <= before <= "\uf0ff"):
            return True
    return any(text[m.start() - 1: m.start()].isalpha() for m in _COMMA_GLUED.finditer(text))


def _dangling(text: str) -> bool:
    """A sentence ending on a word that needs what follows: "… đã." "… trong đó."."""
    text = text.rstrip()
    if not text.endswith((".", ";")):
        return False
    words = text[:-1].split()
    return bool(words) and words[-1].casefold() in _DANGLING


def _doubled(text: str) -> bool:
    """One word twice in a row ("đã đã"), numbers and marks aside, or one aside in brackets
    twice ("(trực thuộc X) (trực thuộc X)")."""
    tokens = _WORD_OR_MARK.findall(text.casefold())
    return any(a == b and a.isalpha() and not meet(tokens[i - 1] if i else "", a, (tokens[i + 2:] or [""])[0])
               for i, (a, b) in enumerate(zip(tokens, tokens[1:]))) or bool(_ASIDE_TWICE.search(text))


_ASIDE_TWICE = re.compile(r"(\([^()]+\))\s*\1")


def _blank_all(texts: list[str], user_texts: list[str]) -> list[str]:
    """TEXTS with each value the user wrote replaced by a marker of its own (one pass over the
    whole document per value, not per paragraph)."""
    joined = _SEP.join(texts)
    for i, value in enumerate(user_texts):
        mark = BLANK + chr(0xE100 + i % 0x1000)
        for form in (value, value[:1].upper() + value[1:], value.upper()):  # a header prints capitals
            if form in joined:
                joined = joined.replace(form, mark)
    return joined.split(_SEP)


_SEP = "\x1e"


def _sections(blocks: list[Block]) -> Iterator[tuple[str, str]]:
    """A heading with nothing under it before the next heading of its level or higher."""
    for i, block in enumerate(blocks):
        if block.kind == "heading" and not has_content(blocks, i):
            yield "section-empty", block.text


def _repeated(wording) -> Iterator[tuple[str, str]]:
    """The template saying one sentence twice (the user repeating their own prose is theirs)."""
    seen: Counter = Counter()
    for block, text in wording:
        if block.kind not in SENTENCE_KINDS | {"caption"}:
            continue
        for sentence in _SENTENCE.split(text):
            words = re.sub(r"[^\w\s\u2063\ue100-\uf0ff]", "", sentence.casefold()).split()
            if len([w for w in words if BLANK not in w]) < 4:
                continue
            seen[" ".join(words)] += 1
            if seen[" ".join(words)] == 2:
                yield "sentence-repeated", sentence if BLANK not in sentence else block.text


_COUNTED = re.compile(r"\d[\d.,]* [^\W\d_]+ [^\W\d_]+")


def _caption_counts(blocks: list[Block]) -> Iterator[tuple[str, str]]:
    """A caption saying the count a body sentence says ("120 đại biểu" in both)."""
    captions = [b.text for b in blocks if b.kind in ("photo", "caption") and b.text]
    counted = {m[0].casefold() for text in captions for m in _COUNTED.finditer(text)}
    for block in blocks if counted else ():
        if block.kind in SENTENCE_KINDS:
            for m in _COUNTED.finditer(block.text):
                if m[0].casefold() in counted:
                    yield "sentence-repeated", block.text
                    return


def _forms(wording) -> Iterator[tuple[str, str]]:
    """One form of each thing: padded or unpadded counts, one date separator, one dash."""
    padded, unpadded, seps, dashes = [], [], {}, {}
    for block, text in wording:
        text = _PARTY_DATE.sub(r"\1 #", _SPAN_DAY.sub("#", text))  # "ngày 07 tháng 7": the Party date rule, not counts
        for m in _COUNT.finditer(text):
            (padded if m[1].startswith("0") and len(m[1]) == 2 else unpadded if len(m[1]) == 1 else []).append(text)
        for m in _DATE.finditer(text):
            seps.setdefault(m[2], block.text)
        for m in _DASH.finditer(text):
            if text[m.start() - 1: m.start()].isalpha() and text[m.end(): m.end() + 1].isalpha():
                dashes.setdefault(m[0], block.text)
    if padded and unpadded:
        yield "form-mixed", unpadded[0]
    if len(seps) > 1:
        yield "form-mixed", list(seps.values())[-1]
    if len(dashes) > 1:
        yield "form-mixed", list(dashes.values())[-1]
