"""The audit's cheaper paths give the answers of the patterns they stand for."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.audit import shape, text

_WORDS = ["và", "của", "trong", "đó", "trong đó", "Và", "VÀ", "có", "bầu", "None", "null", "TODO", "XXX",
          "{{", "}}", "{%", "%}", "……", "....", "...", "hội", "nghị", "x", "1"]
_TEXTS = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(alphabet=" .;\u00a0\t\n,", max_size=3),
                            st.text(max_size=4)), max_size=12).map("".join)


@settings(max_examples=800, deadline=None)
@given(_TEXTS)
def test_dangling_on_the_last_words_is_the_pattern_on_the_whole_text(value):
    value = value.rstrip()
    assert bool(shape._dangling(value)) == bool(shape._DANGLING.search(value))


@settings(max_examples=800, deadline=None)
@given(_TEXTS)
def test_placeholder_prefilter_is_the_pattern(value):
    assert bool(shape._placeholder(value)) == bool(shape._PLACEHOLDER.search(value))


_LAYOUT = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2011": "-", "\u2060": ""})


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aĐ \u00a0\u202f\u2011\u2060-\t", max_size=20))
def test_plain_is_the_translated_form(value):
    assert text.plain(value) == re.sub(r"\s+", " ", value.translate(_LAYOUT)).casefold()
