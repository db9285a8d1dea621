"""The Vietnamese forms filters.py writes without loading Babel are Babel's, to the character."""
import datetime as dt
from decimal import Decimal

import pytest
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.compose import filters

VI = Locale.parse("vi")


def test_symbols_and_list_patterns_are_babels():
    symbols = VI.number_symbols["latn"]
    assert (filters.GROUP, filters.DECIMAL, filters.MINUS) == (symbols["group"], symbols["decimal"],
                                                               symbols["minusSign"])
    assert filters.LIST_PATTERNS == dict(VI.list_patterns["standard"])


def babel_number(value, decimals=2):
    exponent = getattr(value, "as_tuple", lambda: None)()
    if exponent is not None and isinstance(exponent.exponent, int):
        decimals = max(decimals, -exponent.exponent)
    return format_decimal(value, format="#,##0" + ("." + "#" * decimals if decimals else ""), locale=VI)


NUMBERS = st.one_of(
    st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    *(st.decimals(allow_nan=False, allow_infinity=False, places=p) for p in (0, 1, 2, 3, 6)),
    st.decimals(allow_nan=False, allow_infinity=False),
)


@settings(max_examples=3000, deadline=None)
@given(NUMBERS, st.integers(0, 4))
def test_numbers_as_babel_formats_them(value, decimals):
    filters.number.cache_clear()
    try:
        expected = babel_number(value, decimals)
    except Exception as exc:  # what Babel refuses, number refuses the same way
        with pytest.raises(type(exc)):
            filters.number(value, decimals)
        return
    assert filters.number(value, decimals) == expected


@pytest.mark.parametrize("value", [0, -0.0, 0.005, 0.015, 2.675, -0.001, 1e20, 1e-7, 94.1, 2619,
                                   Decimal("0.125"), Decimal("-0"), Decimal("1E+3"), Decimal("1.50"),
                                   12345678901234567890, 10**40, float("inf"), Decimal("NaN"), "12"])
def test_edges_as_babel_formats_them(value):
    filters.number.cache_clear()
    try:
        expected = babel_number(value)
    except Exception as exc:
        with pytest.raises(type(exc)):
            filters.number(value)
        return
    assert filters.number(value) == expected


def test_equal_numbers_of_other_types_do_not_share_a_cached_form():
    assert filters.number(Decimal("1.125")) == "1,125"
    assert filters.number(1.125) == "1,12"  # equal to the Decimal, and hashed alike


@settings(max_examples=500, deadline=None)
@given(st.dates(), st.sampled_from(["/", "-"]))
def test_dates_as_babel_formats_them(day, sep):
    assert filters.day_month(day, sep) == format_date(day, f"d{sep}M", locale=VI)
    assert filters.date_short(day, sep) == format_date(day, f"d{sep}M{sep}y", locale=VI)
    assert filters.date_padded(day) == format_date(day, "dd/MM/y", locale=VI)


def test_datetimes_still_go_through_babel():
    moment = dt.datetime(2025, 7, 18, 12, 3)
    assert filters.date_padded(moment) == format_date(moment, "dd/MM/y", locale=VI)


@given(st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=7))
def test_lists_as_babel_joins_them(items):
    assert filters.join_vi(items) == format_list(items, locale=VI)
