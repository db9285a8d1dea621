"""Line breaking of a Party document as an office finishes it by hand.

- A term ("2020-2025"), a date ("ngày 08 tháng 01 năm 2026"), an ordinal ("lần thứ VIII",
  "khóa XV"), a number code ("01-BC") and "Điều 1." never break across lines: non-breaking
  spaces (U+00A0) and hyphens (U+2011, written as w:noBreakHyphen by elements.run).
- A header line in capitals is broken where the lines come out most even, so no word is
  left alone on a line ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN / VÀ DOANH NGHIỆP TỈNH").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .phrases import phrase_breaks

NBSP, NB_HYPHEN = "\u00a0", "\u2011"

_DIGIT = re.compile(r"\d")
_TERM = re.compile(r"(?<=\d)( ?)-( ?)(?=\d)")  # "2020-2025", "2025 - 2030", "18-7"
_CODE = re.compile(r"(?<=\d)-(?=[A-ZĐ])")  # "Số 01-BC/ĐU"
_WORD_THEN_NUMBER = re.compile(
    r"(?i)\b(ngày|tháng|năm|thứ|khóa|khoá|kỳ|Điều|Số) (?=\d|[IVXLC]+\b)")
_ORDINAL = re.compile(r"(?i)\b(lần) (?=thứ\b)|\b(nhiệm) (?=kỳ \d)")


def keep_together(text: str) -> str:
    """`text` with the spaces and hyphens inside terms, dates and ordinals made unbreakable."""
    if not _DIGIT.search(text) and "thứ" not in text.lower():  # most lines
        return text
    text = _TERM.sub(lambda m: (NBSP if m[1] else "") + NB_HYPHEN + (NBSP if m[2] else ""), text)
    text = _CODE.sub(NB_HYPHEN, text)
    text = _ORDINAL.sub(lambda m: (m[1] or m[2]) + NBSP, text)
    return _WORD_THEN_NUMBER.sub(r"\1" + NBSP, text)


# Advance widths of Times New Roman capitals (1/1000 em; Adobe Times-Roman and Times-Bold
# metrics); marks do not change a Vietnamese letter's width; Đ is as wide as D.
_REGULAR = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ ,-",
                    (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
                     556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 250, 250, 333)))
BOLD = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ ,-",
                (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
                 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 250, 250, 333)))
# lower case, digits and punctuation (Times-Roman; italic is within a few per cent)
_LOWER = dict(zip("abcdefghijklmnopqrstuvwxyz0123456789.…/",
                  (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500,
                   500, 333, 389, 278, 500, 500, 722, 500, 500, 444, *[500] * 10, 250, 1000, 278)))
_SLACK = 1.02  # Liberation Serif and Times New Roman share metrics; a little room for others


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width in points of a line of text in Times New Roman (estimated from its metrics)."""
    return _word_em(text, bold) / 1000 * size_pt


@lru_cache(maxsize=4096)  # header words recur in every document of an office
def _word_em(text: str, bold: bool) -> int:
    return sum(_char_em(ch, bold) for ch in text)


@lru_cache(maxsize=None)
def _char_em(ch: str, bold: bool) -> int:
    table = BOLD if bold else _REGULAR
    base = "D" if ch == "Đ" else "d" if ch == "đ" else unicodedata.normalize("NFD", ch)[0]
    return _LOWER[base] if base in _LOWER else table.get(base.upper(), 556)


def fits(text: str, room_pt: float, size_pt: float, bold: bool = False) -> bool:
    return text_width(text, size_pt, bold) * _SLACK <= room_pt


# Words and names of Party and state bodies that a line break must not split ("DOANH /
# NGHIỆP", "ỦY BAN / NHÂN DÂN"): every pair of neighbouring syllables in them.
_UNSPLIT = (
    "ĐẢNG BỘ", "ĐẢNG ỦY", "CHI BỘ", "CHI ỦY", "ĐẠI HỘI", "ĐẠI BIỂU", "CƠ QUAN", "DOANH NGHIỆP",
    "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "MẶT TRẬN TỔ QUỐC", "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ",
    "ỦY BAN KIỂM TRA", "VĂN PHÒNG", "NHIỆM KỲ", "LẦN THỨ", "CỘNG SẢN", "VIỆT NAM", "THÀNH PHỐ",
    "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "CÔNG AN", "QUÂN SỰ", "BỆNH VIỆN", "TRƯỜNG HỌC", "KẾT QUẢ",
    "HỘI NGHỊ", "TỔNG KẾT", "PHƯƠNG HƯỚNG", "NHIỆM VỤ", "KIỂM ĐIỂM", "ĐÁNH GIÁ", "XẾP LOẠI",
    "CHẤT LƯỢNG", "XÂY DỰNG", "TỔ CHỨC", "TẬP THỂ", "LÃNH ĐẠO", "CÁ NHÂN", "CƠ SỞ", "CÔNG TÁC",
    "THỰC HIỆN", "MỤC TIÊU", "CHỈ TIÊU")
_WORDS = {pair for name in _UNSPLIT for pair in zip(name.split(), name.split()[1:])}


def balanced_lines(text: str, room_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """The fewest lines that fit `room_pt`, broken where no two-syllable word is split and the
    longest line is shortest: lines of about the same length, no word left alone."""
    words = text.split(" ")
    if len(words) < 2 or fits(text, room_pt, size_pt, bold):
        return [text]
    best: list[str] | None = None
    for lines in range(2, len(words) + 1):
        best = _even(words, lines, size_pt, bold)
        if all(fits(line, room_pt, size_pt, bold) for line in best):
            return best
    return best or [text]


def line_count(text: str, room_pt: float, size_pt: float, bold: bool = False) -> int:
    return len(balanced_lines(text, room_pt, size_pt, bold))


def _bad_break(words: list[str], at: int) -> int:
    """1 if breaking before words[at] splits a word of _WORDS."""
    return int((words[at - 1].upper().rstrip(","), words[at].upper()) in _WORDS)


def _even(words: list[str], lines: int, size_pt: float, bold: bool) -> list[str]:
    """Split `words` into `lines` lines: fewest split words first, then the narrowest widest
    line (a small dynamic programme: a header line has a dozen words)."""
    n = len(words)
    starts = [0]
    for word in words:  # running widths: a line's width is a difference, not a new measure
        starts.append(starts[-1] + _word_em(word, bold))
    space = _char_em(" ", bold)
    # splitting a word before j, or a phrase (phrases.py: a place and its name, "CÁC / CƠ QUAN")
    inside = phrase_breaks(words)
    breaks = [0] + [max(_bad_break(words, j), inside[j]) for j in range(1, n)] + [0]
    width = lambda i, j: (starts[j] - starts[i] + space * (j - i - 1)) / 1000 * size_pt  # noqa: E731
    inf = (float("inf"), float("inf"))
    # cost[k][i]: (split words, widest line) setting words[i:] in k lines; cut: first line's end
    cost = [[inf] * (n + 1) for _ in range(lines + 1)]
    cut = [[n] * (n + 1) for _ in range(lines + 1)]
    cost[0][n] = (0, 0.0)
    for k in range(1, lines + 1):
        for i in range(n - 1, -1, -1):
            for j in range(i + 1, n - k + 2):
                rest = cost[k - 1][j]
                if rest == inf:
                    continue
                bad = rest[0] + breaks[j]
                value = (bad, max(width(i, j), rest[1]))
                if value < cost[k][i]:
                    cost[k][i], cut[k][i] = value, j
    out, i = [], 0
    for k in range(lines, 0, -1):
        j = cut[k][i]
        out.append(" ".join(words[i:j]))
        i = j
    return [line for line in out if line]
