"""Find the article inside a text or a saved web page: its paragraphs, headline to byline.

The rule is general, not per page: the article starts at the headline of the data (or at the
first line), ends at the byline (or before the first line of page furniture), and loses what a
page adds around it (scraper prefixes, view counters, stray page numbers). What was dropped is
kept for the learn report.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")
# "Số lượt xem: 2750", "• Hôm nay1,300": a label and a number, the whole rest of a line (a colon
# or no space between them: "năm 2025" is no counter).
_COUNTER = re.compile(r"\s*[^\W\d][\w ]{1,30}?(?::\s*|(?<=[^\W\d]))\d[\d.,]*\s*$")
_COUNTER_LINE = re.compile(r"^(?:[•·]\s*)?[^\W\d][\w ]{1,30}?(?::\s*|(?<=[^\W\d]))\d[\d.,]*$")
# A number standing alone between two sentences (a page number or a footnote mark).
_STRAY_NUMBER = re.compile(r"(?<=[.!?…”]) \d{1,3}(?= [(\w“])")
_FURNITURE = re.compile(r"^(Tổng số điểm|Click để|Ý kiến bạn đọc|Mã bảo mật|Tin xem nhiều|Thống kê|"
                        r"Bạn đã không sử dụng|Chia sẻ|Tin liên quan|Các tin khác)", re.I)
_STAMP = re.compile(r"^(?:Thứ \w+|Chủ nhật)?\s*-?\s*\d{1,2}/\d{1,2}/\d{4}(?: \d{1,2}:\d{2})?")
_SENTENCE_END = tuple(".!?…:;”\"")


@dataclass
class Article:
    paragraphs: list[str]
    dropped: list[str] = field(default_factory=list)  # page text left out, for the report


def fold(text: str) -> str:
    """NFC and one space for every run of white space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs. Inside a block, lines wrapped at a width (all but the
    last 50 to 100 characters long, none longer) are one paragraph; otherwise (a saved web page)
    a line break is a paragraph break unless the line stops mid-sentence and the next goes on
    in lower case."""
    out: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", unicodedata.normalize("NFC", text).replace("\r\n", "\n")):
        lines = [fold(l) for l in block.split("\n") if fold(l)]
        if len(lines) > 1 and all(len(l) <= 100 for l in lines) and all(len(l) >= 50 for l in lines[:-1]):
            out.append(" ".join(lines))
            continue
        current = ""
        for line in lines:
            if current and not current.endswith(_SENTENCE_END) and line[:1].islower():
                current += " " + line
            else:
                if current:
                    out.append(current)
                current = line
        if current:
            out.append(current)
    return out


def extract(text: str, headline: str | None = None, authors: list[str] = ()) -> Article:
    paras = paragraphs(text)
    dropped: list[str] = []
    start = 0
    if headline:
        key = fold(headline)
        for i, p in enumerate(paras):
            at = p.find(key)
            if at >= 0:
                if at:
                    dropped.append(p[:at].strip())
                    paras[i] = p[at:]
                dropped.extend(paras[:i])
                start = i
                break
    paras = paras[start:]
    end = len(paras)
    byline = [i for i, p in enumerate(paras) if len(p) < 160 and authors and any(a in p for a in authors)]
    if byline:
        end = byline[-1] + 1
    else:
        for i, p in enumerate(paras):
            if _FURNITURE.match(p) or _COUNTER_LINE.match(p):
                end = i
                break
    dropped.extend(paras[end:])
    out = []
    for p in paras[:end]:
        if _STAMP.match(p):  # a publication line keeps its date and time, not the page's counter
            counter = _COUNTER.search(p[_STAMP.match(p).end():])
            if counter:
                cut = _STAMP.match(p).end() + counter.start()
                dropped.append(p[cut:].strip())
                p = p[:cut].strip()
        for stray in _STRAY_NUMBER.findall(p):
            dropped.append(stray.strip())
        p = _STRAY_NUMBER.sub("", p)
        out.append(p)
    return Article(out, [d for d in dropped if d])
