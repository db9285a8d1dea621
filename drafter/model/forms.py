"""Forms a person writes that mean one thing only, read as the model's own: a Vietnamese date
"03/10/2025", a Roman ordinal "XV", "Sáng", "hơn" for a bound, "9/9" for attendance.

Each is a pydantic BeforeValidator: what it does not recognise goes on unchanged, and
validation (with model/hints.py) says what to write.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

# day/month/year, the only order a Vietnamese document uses; a 4-digit year, so never misread
_DMY = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


def date_in(value):
    """2025-10-03 for "03/10/2025", "3/10/2025", "3-10-2025", "03.10.2025" or
    "ngày 03 tháng 10 năm 2025"; anything else unchanged (an impossible date too)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    found, words = _DMY.fullmatch(text), _WORDS.fullmatch(text)
    if not (found or words):
        return value
    day, month, year = (found[1], found[3], found[4]) if found else words.groups()
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return value


_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
# "lần thứ nhất", "lần thứ hai"…: the ordinal words of the first congresses
_ORDINAL_WORDS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                  "tám": 8, "chín": 9, "mười": 10}


def ordinal_in(value):
    """15 for "XV", "lần thứ XV", "lần thứ 15"; 1 for "Nhất", "I"; anything else unchanged."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", " ".join(value.split()))
    text = re.sub(r"^(lần\s+)?thứ\s+", "", text, flags=re.IGNORECASE)
    if text.isdigit():
        return int(text)
    if text.lower() in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text.lower()]
    roman = text.upper()
    if roman and _ROMAN.fullmatch(roman) and (text.isupper() or text.islower()):
        total = 0
        for char, following in zip(roman, roman[1:] + " "):
            number = _ROMAN_VALUES[char]
            total += -number if number < _ROMAN_VALUES.get(following, 0) else number
        return total
    return value


# members_bound / bound: the words an article uses, for the codes
BOUND_WORDS = {"hơn": "more", "gần": "nearly", "trên": "over", "khoảng": "about", "ít nhất": "least",
               "không quá": "max", "dưới": "under", "ước": "estimate", "ước đạt": "estimate",
               "từ": "min", "trở lên": "min"}


def bound_in(value):
    if isinstance(value, str):
        return BOUND_WORDS.get(" ".join(value.lower().split()), value)
    return value


def time_of_day_in(value):
    """"sáng" for "Sáng", "buổi sáng"."""
    if isinstance(value, str):
        text = " ".join(value.lower().split())
        return text.removeprefix("buổi ")
    return value


def published_in(value):
    """published: 2022-07-05 (or 05/07/2022) is the date it was published."""
    day = date_in(value)
    return {"date": day} if isinstance(day, dt.date) else value


_SHARE = re.compile(r"(\d+)\s*/\s*(\d+)")


def attendance_in(value):
    """attendance: 9/9 (or "09/09") is {present: 9, total: 9}."""
    if isinstance(value, str):
        found = _SHARE.fullmatch(value.strip())
        if found:
            return {"present": int(found[1]), "total": int(found[2])}
    return value


def term_in(value):
    """"2025-2030" for "nhiệm kỳ 2025-2030" and "2025/2030"."""
    if isinstance(value, str):
        text = re.sub(r"^\s*nhiệm\s+kỳ\s+", "", value, flags=re.IGNORECASE)
        return re.sub(r"^\s*(\d{4})\s*/\s*(\d{4})\s*$", r"\1-\2", text)
    return value
