"""tone_style's character-class pattern against the 45-way alternation it replaced."""
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.compose import orthography
from drafter.compose.orthography import _TO_MODERN, _TO_TRADITIONAL, tone_style

ROOT = Path(__file__).resolve().parent.parent


def _old_pattern(table):
    return re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, table)) + r")(?!\w)")


_OLD = {"traditional": (_old_pattern(_TO_TRADITIONAL), _TO_TRADITIONAL),
        "modern": (_old_pattern(_TO_MODERN), _TO_MODERN)}


def old_tone_style(text, style):
    if style not in _OLD:
        return text
    pattern, table = _OLD[style]
    return pattern.sub(lambda m: table[m[1]], text)


def _corpus():
    texts = []
    for path in [*ROOT.glob("examples/*.yaml"), *ROOT.glob("examples/*.golden/*.txt"),
                 *ROOT.glob("seeds/**/*"), *ROOT.glob("docs/*.md")]:
        if path.is_file():
            texts += path.read_text(encoding="utf-8", errors="ignore").splitlines()
    return texts


def test_same_output_as_the_alternation_on_every_line_we_have():
    lines = _corpus()
    assert len(lines) > 500
    changed = 0
    for style in ("traditional", "modern", "keep"):
        for line in lines:
            new = tone_style(line, style)
            assert new == old_tone_style(line, style), (style, line)
            changed += new != line
    assert changed  # the corpus does exercise the rewrite


# Letters around the pairs: every first and second letter of the tables, q, other letters,
# spaces, punctuation and digits.
_ALPHABET = sorted({c for k in [*_TO_TRADITIONAL, *_TO_MODERN] for c in k} | set("qQhHkKtTnN aAuU.,-1àÀ_"))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30), st.sampled_from(["traditional", "modern"]))
def test_same_output_as_the_alternation_on_any_string(text, style):
    assert tone_style(text, style) == old_tone_style(text, style)


def test_examples():
    assert tone_style("Đảng uỷ, hoà hợp, khoẻ, QUÝ, quý, thuỷ.", "traditional") == "Đảng ủy, hòa hợp, khỏe, QUÝ, quý, thủy."
    assert tone_style("Đảng ủy, HÒA, Hòa, hoàng", "modern") == "Đảng uỷ, HOÀ, Hoà, hoàng"
    assert orthography.tone_style("uỷ", "keep") == "uỷ"


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET + ["Hoà Bình", "Thuỷ", "ủy", "“", "”", "hoàng"]), max_size=14).map("".join),
       st.sampled_from(["traditional", "modern"]))
def test_names_kept_with_the_shortcut_as_without_it(text, style):
    keep = orthography.keep_pattern(["Hoà Bình", "Đảng uỷ Thuỷ", "hoàng"])
    assert orthography.tone_style_except(text, style, keep) == orthography.restyle_outside(text, style, keep)
