"""House style for the placement of tone marks: "hòa, thủy" or "hoà, thuỷ".

Both occur in offices' texts (the seeds mix "Đảng ủy" and "Đảng uỷ"); a document should use one.
Only open syllables with oa, oe, uy differ: with a final consonant ("hoàng", "xuyến") and after
"q" ("quý") both styles agree.
"""
from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_LETTER = re.compile(r"\w", re.UNICODE)


def _variants(first: str, second: str) -> list[tuple[str, str]]:
    """(modern, traditional) spellings of FIRST+SECOND with each tone, both cases."""
    pairs = []
    for tone in _TONES:
        modern = unicodedata.normalize("NFC", first + second + tone)
        traditional = unicodedata.normalize("NFC", first + tone + second)
        for case in (str.lower, str.capitalize, str.upper):
            pairs.append((case(modern), case(traditional)))
    return pairs


_PAIRS = [p for f, s in (("o", "a"), ("o", "e"), ("u", "y")) for p in _variants(f, s)]
_TO_TRADITIONAL = dict(_PAIRS)
_TO_MODERN = {t: m for m, t in _PAIRS}


def _pattern(table: dict[str, str]) -> re.Pattern:
    """Not after q (quý), and at the end of the word (open syllable).

    Two character classes, not a 45-way alternation (five times faster). The classes also
    match pairs the table lacks ("uà", "oÀ"): those are put back unchanged. Such a match
    ends before a non-letter, so it never hides a table pair that starts one letter later.
    """
    firsts = "".join(sorted({k[0] for k in table}))
    seconds = "".join(sorted({k[1] for k in table}))
    return re.compile(rf"(?<![qQ])[{re.escape(firsts)}][{re.escape(seconds)}](?!\w)")


_TRADITIONAL_RE = _pattern(_TO_TRADITIONAL)
_MODERN_RE = _pattern(_TO_MODERN)


def _swap(table: dict[str, str]):
    get = table.get
    return lambda m: get(m[0], m[0])


_TO_TRADITIONAL_SUB = _swap(_TO_TRADITIONAL)
_TO_MODERN_SUB = _swap(_TO_MODERN)


def tone_style(text: str, style: str) -> str:
    """"traditional": hòa, thủy, khỏe; "modern": hoà, thuỷ, khoẻ; "keep": as written."""
    if style == "traditional":
        return _TRADITIONAL_RE.sub(_TO_TRADITIONAL_SUB, text)
    if style == "modern":
        return _MODERN_RE.sub(_TO_MODERN_SUB, text)
    return text


_QUOTED = r"“[^”]*”|\"[^\"]*\""


def keep_pattern(names) -> re.Pattern:
    """What house style never touches: the names given (in any case, as in a report's capitals),
    the capitalised words inside them (a place inside a title), and quoted titles."""
    parts = set()
    for name in names:
        parts.add(name)
        parts.update(run for run in _capitalised_runs(name) if _has_variant(run))
    alternatives = [re.escape(p) for p in sorted(parts, key=len, reverse=True) if _has_variant(p)]
    return re.compile("|".join([_QUOTED, *(rf"(?<!\w){a}(?!\w)" for a in alternatives)]), re.IGNORECASE)


def _capitalised_runs(name: str):
    """"Đảng bộ xã Hoà Bình" -> "Đảng", "Hoà Bình": the proper nouns inside a name."""
    run: list[str] = []
    for word in name.split() + [""]:
        if word[:1].isupper():
            run.append(word)
        elif run:
            yield " ".join(run)
            run = []


def _has_variant(text: str) -> bool:
    return bool(_TRADITIONAL_RE.search(text) or _MODERN_RE.search(text))


def tone_style_except(text: str, style: str, keep: re.Pattern | None) -> str:
    """tone_style outside the spans KEEP matches."""
    if style == "keep":
        return text
    changes = _TRADITIONAL_RE if style == "traditional" else _MODERN_RE
    if keep is None or not changes.search(text):  # most paragraphs: nothing to restyle
        return tone_style(text, style) if keep is None else text
    return restyle_outside(text, style, keep)


def restyle_outside(text: str, style: str, keep: re.Pattern) -> str:
    """The restyling itself, span by span (tone_style_except without its shortcut)."""
    out, last = [], 0
    for match in keep.finditer(text):
        out.append(tone_style(text[last:match.start()], style))
        out.append(match[0])
        last = match.end()
    out.append(tone_style(text[last:], style))
    return "".join(out)
