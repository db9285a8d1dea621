"""What a rendered document says, as text to search: its blocks' words, its numbers."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from ...compose.blocks import Block, Table
from ...compose.orthography import tone_style

# Non-breaking spaces and hyphens are layout, not wording.
_LAYOUT = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2011": "-", "\u2060": ""})


def block_texts(blocks: list[Block], numbered_column: bool = True) -> list[tuple[Block, str]]:
    """Every piece of text a reader sees, with the block it is in (a table gives its cells)."""
    out = []
    for block in blocks:
        if isinstance(block, Table):
            skip = not numbered_column and block.header[:1] in (("TT",), ("STT",))
            out.extend((block, cell) for cell in block.header)
            for row in block.rows:
                out.extend((block, cell) for cell in (row[1:] if skip else row))
            if block.caption:
                out.append((block, block.caption))
        elif block.text:
            out.append((block, block.text))
    return out


def key(text: str) -> str:
    """The form two texts are compared in: NFC, one tone-mark style, one space, no case."""
    return " ".join(tone_style(plain(unicodedata.normalize("NFC", str(text))), "traditional").split())


def plain(text: str) -> str:
    """Cheaper comparison form, for the common case where a value is printed as written."""
    if _LAYOUT_CHARS.search(text):
        text = text.translate(_LAYOUT)
    return text.casefold()


_LAYOUT_CHARS = re.compile("[\u00a0\u202f\u2011\u2060]")


# "2.619", "94,1", "05"; not a digit run glued to letters ("BC01") or a Roman numeral
_NUMBER = re.compile(r"(?<![\w])\d+(?:[.,]\d+)*(?![\d])")
_ROMAN_AFTER = re.compile(r"(?:lần thứ|khóa|khoá)\s+([IVXLCDM]+)\b", re.IGNORECASE)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def number_value(token: str) -> Decimal | None:
    """A number as Vietnamese writes it: "." groups thousands, "," marks decimals."""
    digits = token.replace(".", "").replace(",", ".") if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?", token) \
        else token.replace(",", "")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


@lru_cache(maxsize=8192)  # the same values and sentences recur across a batch
def numbers_in(text: str) -> tuple[tuple[str, Decimal], ...]:
    """Each number written in TEXT, with the token as printed (Roman ordinals included)."""
    found = [(m[0], number_value(m[0])) for m in _NUMBER.finditer(text)]
    for m in _ROMAN_AFTER.finditer(text):
        found.append((m[1], Decimal(roman_value(m[1].upper()))))
    return tuple((t, v) for t, v in found if v is not None)  # shared by the cache: never changed


def roman_value(letters: str) -> int:
    total = 0
    for here, after in zip(letters, letters[1:] + " "):
        value = _ROMAN[here]
        total += -value if after != " " and _ROMAN[after] > value else value
    return total
