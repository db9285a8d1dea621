"""Recognise and convert Vietnamese text in pre-Unicode encodings.

Offices still have files from two worlds:
- byte encodings: Windows-1258 (cp1258, tone marks as combining characters)
  and TCVN3/VNI files saved by old tools (single-byte, font encodings);
- font encodings pasted into a UTF-8 file: the bytes of a .VnTime (TCVN3) or
  VNI-Times document read as Windows-1252, e.g. "§¶ng" / "Ñaûng" for "Đảng".

Everything here is pure (no I/O). Detection decodes with each candidate and
counts words that are well-formed Vietnamese syllables: the right decoding
gives almost only valid syllables, a wrong one gives stray symbols or two tone
marks in one word.

Limitation (TCVN3): the single-font table has capitals only for Ă Â Ê Ô Ơ Ư Đ.
Text typed in the all-caps fonts (.VnTimeH) uses the lower-case codes, so
those letters come back lower case; `convert` restores upper case inside
runs of all-caps words ("HéI NGHÞ" -> "HỘI NGHỊ") but cannot know that a lone
word such as "ñy" was shown as "ỦY".
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .legacy_tables import TCVN3, VNI

ENCODINGS = ("cp1258", "tcvn3", "vni")

_ALIASES = {"windows-1258": "cp1258", "tcvn": "tcvn3", "abc": "tcvn3", "vni-windows": "vni"}


class _Lazy:
    """A pattern compiled on first use: every file read asks only _SUSPECT (a plain UTF-8 file
    never gets further), and compiling the others cost ~1 ms of each start."""

    def __init__(self, pattern: str):
        self._pattern, self._compiled = pattern, None

    def __getattr__(self, name):
        if self._compiled is None:
            self._compiled = re.compile(self._pattern)
        return getattr(self._compiled, name)


# Bytes 0x80-0x9F as Windows shows them (curly quotes, dashes); the five bytes
# cp1252 leaves undefined fall back to Latin-1 so decoding never fails.
_C1 = {i: bytes([i]).decode("cp1252", errors="ignore") or chr(i) for i in range(0x80, 0xA0)}
_C1_TO_BYTE = {ch: i for i, ch in _C1.items()}

_TCVN3_TRANS = str.maketrans(TCVN3)
_TCVN3_MARKS = frozenset(TCVN3)
_VNI_MARKS = frozenset(c for key in VNI for c in key if not c.isascii())
_VNI_RE = _Lazy("|".join(map(re.escape, sorted(VNI, key=len, reverse=True))))

# A "word" for scoring: ASCII letters, the Latin-1 upper half (where the
# legacy letters land) and the Vietnamese ranges of Unicode.
_WORD = _Lazy("[A-Za-z\u00a1-\u00ff\u0100-\u024f\u0300-\u036f\u1ea0-\u1ef9]+")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_NUCLEI = sorted("""a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iêu iu oa oă oai oao
    oay oe oeo oi ôi ơi oo ua uâ uây uê ui uô uôi uơ uy uya uyê uyu ưa ưi ưu ươ ươi ươu
    yê yêu""".split(), key=len, reverse=True)
_SYLLABLE = _Lazy("(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
                       f"(?:{'|'.join(_NUCLEI)})(?:ng|nh|ch|[cmnpt])?")
# Letters no legacy paste can produce (all of those are <= U+00FF).
_GENUINE = _Lazy("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")


# Characters legacy pastes produce that genuine Vietnamese text never has: without one of
# them a text cannot be a paste, and the syllable scoring below is skipped.
_VIETNAMESE = frozenset(unicodedata.normalize("NFC", c) for c in TCVN3.values()) | frozenset(
    c for value in VNI.values() for c in value)
_SUSPECT = re.compile("[" + re.escape("".join(sorted((_TCVN3_MARKS | _VNI_MARKS) - _VIETNAMESE
                                                     - {c.upper() for c in _VIETNAMESE}))) + "]")


FONTS = {"tcvn3": ".VnTime (TCVN3)", "vni": "VNI-Times"}  # what the office typed in, for messages


def has_genuine(text: str) -> bool:
    """Letters only real Unicode has: converting such text as a legacy paste would garble it."""
    return _GENUINE.search(text) is not None


def canonical(encoding: str) -> str:
    """'Windows-1258', 'ABC', 'TCVN' … -> the names ENCODINGS uses."""
    key = encoding.strip().lower().replace("_", "-")
    return _ALIASES.get(key, key)


def _latin(raw: bytes) -> str:
    """Bytes as a Windows-1252 reading, never failing."""
    return raw.decode("latin-1").translate(_C1)


def _from_tcvn3(text: str) -> str:
    return _restore_caps(text.translate(_TCVN3_TRANS))


def _from_vni(text: str) -> str:
    return _VNI_RE.sub(lambda m: VNI[m.group()], text)


def _restore_caps(text: str) -> str:
    """Upper-case TCVN3 letters inside runs of all-caps words (.VnTimeH headings)."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        kinds = [_caps_kind(w) for w in words]
        i = 0
        while i < len(words):
            if kinds[i] == "lower":
                i += 1
                continue
            j = i
            while j < len(words) and kinds[j] != "lower":
                j += 1
            if sum(k == "strong" for k in kinds[i:j]) >= 2:
                for k in range(i, j):
                    inner = i < k < j - 1
                    if kinds[k] in ("strong", "upper") or (kinds[k] == "none" and inner):
                        words[k] = words[k].upper()
            i = j
        out.append(" ".join(words))
    return "\n".join(out)


def _caps_kind(word: str) -> str:
    if any("a" <= c <= "z" for c in word):
        return "lower"
    caps = sum("A" <= c <= "Z" for c in word)
    return "strong" if caps >= 2 else "upper" if caps else "none"


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def _score(text: str) -> tuple[int, int]:
    """(valid, invalid) among the words that carry a non-ASCII character."""
    valid = invalid = 0
    for word, count in Counter(w for w in _WORD.findall(text) if not w.isascii()).items():
        if _is_syllable(word):
            valid += count
        else:
            invalid += count
    return valid, invalid


def _decoders(raw: bytes) -> dict[str, str]:
    latin = _latin(raw)
    return {
        "cp1258": unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace")),
        "tcvn3": _from_tcvn3(latin),
        "vni": _from_vni(latin),
    }


def detect_bytes(raw: bytes) -> str | None:
    """The likely encoding of bytes that are not UTF-8.

    "cp1258", "tcvn3" or "vni" when one of them reads as Vietnamese, else
    charset-normalizer's guess (when installed), else None. Valid UTF-8 gives
    None: use detect_text on the decoded text instead.
    """
    try:
        raw.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    best, best_score = None, 0
    for name, text in _decoders(raw).items():
        valid, invalid = _score(text)
        if valid >= 2 and valid >= 3 * invalid and valid - 3 * invalid > best_score:
            best, best_score = name, valid - 3 * invalid
    return best or _guess(raw)


def _guess(raw: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: without it we only know the Vietnamese ones
        return None
    match = from_bytes(raw).best()
    return match.encoding if match else None


def detect_text(text: str, min_gain: int = 3) -> str | None:
    """"tcvn3" or "vni" when decoded text is really pasted legacy-font text.

    Needs MIN_GAIN words that are garbled as they stand and become valid
    syllables once converted, and few letters that only real Unicode has.
    A whole file needs several; one field's value (detect_value) needs one.
    """
    if not _SUSPECT.search(text):  # fast path: nothing a legacy paste leaves behind
        return None
    words = Counter(w for w in _WORD.findall(text) if not w.isascii())
    genuine = len(_GENUINE.findall(text))
    best, best_gain = None, 0
    for name, marks, conv in (("tcvn3", _TCVN3_MARKS, _from_tcvn3), ("vni", _VNI_MARKS, _from_vni)):
        gained = lost = 0
        for word, count in words.items():
            if marks.isdisjoint(word):
                continue
            before, after = _is_syllable(word), _is_syllable(conv(word))
            gained += count * (after and not before)
            lost += count * (before and not after)
        if gained >= min_gain and gained >= 3 * lost and genuine * 4 <= gained and gained > best_gain:
            best, best_gain = name, gained
    return best


def detect_value(value: str) -> str | None:
    """detect_text for one field of an otherwise Unicode file: a name or a venue pasted from
    an old document is a few words, each of them evidence. Two are needed: one symbol alone
    ("5 µm", "© 2024") also reads as a syllable once converted."""
    return detect_text(value, min_gain=2)


def convert(data: str | bytes, encoding: str) -> str:
    """Unicode NFC text from legacy bytes, or from legacy text pasted as Unicode.

    Bytes for "tcvn3"/"vni" are read as Windows-1252 (what the fonts' users
    saw, quotes and dashes included) before the table is applied. Text for
    "cp1258" or another byte encoding is taken as that encoding misread as
    Windows-1252: runs of such characters are turned back into bytes and
    decoded; other characters are kept. Raises LookupError for an unknown
    encoding and UnicodeDecodeError when bytes do not fit a codec.
    """
    name = canonical(encoding)
    if name in ("tcvn3", "vni"):
        text = _latin(data) if isinstance(data, bytes) else data
        text = _from_tcvn3(text) if name == "tcvn3" else _from_vni(text)
    elif isinstance(data, bytes):
        text = data.decode(name)
    else:
        "".encode(name)  # LookupError early for unknown names
        text = _RUN_1252.sub(lambda m: _to_bytes(m.group()).decode(name, errors="replace"), data)
    return unicodedata.normalize("NFC", text)


_RUN_1252 = _Lazy("[\u0080-\u00ff" + "".join(sorted(set(_C1.values()))) + "]+")


def _to_bytes(run: str) -> bytes:
    return bytes(_C1_TO_BYTE.get(c, ord(c)) for c in run)
