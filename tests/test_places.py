"""Place names checked against the official list (package vietnam-provinces)."""
import datetime as dt
import importlib.util
import sys

import pytest

from drafter.check import places
from drafter.check.places import lookup

needs_data = pytest.mark.skipif(importlib.util.find_spec("vietnam_provinces") is None,
                                reason="vietnam-provinces is not installed")


@pytest.fixture
def fresh_cache():
    places._data.cache_clear()
    places.lookup.cache_clear()
    yield
    places._data.cache_clear()
    places.lookup.cache_clear()


@needs_data
@pytest.mark.parametrize("kind, name, province, where", [
    ("phường", "Phù Vân", None, "tỉnh Ninh Bình"),          # examples/phu-van-dai-hoi-2025.yaml
    ("xã", "Vĩnh Điều", None, "tỉnh An Giang"),            # examples/vinh-dieu-tong-ket-2025.yaml
    ("xã", "An Phú", "An Giang", "tỉnh An Giang"),          # examples/an-phu-tong-ket-kinh-te-2025.yaml
    ("xã", "Vĩnh Lộc", "Thanh Hóa", "tỉnh Thanh Hóa"),
    ("đặc khu", "Phú Quốc", None, "tỉnh An Giang"),
    ("phường", "Văn Miếu - Quốc Tử Giám", "Hà Nội", "thành phố Hà Nội"),
])
def test_existing_units(kind, name, province, where):
    result = lookup(kind, name, province)
    assert result.found is True
    assert where in result.provinces
    assert result.province_found is (True if province else None)


@needs_data
def test_spelling_variants_are_the_same_name():
    assert lookup("xã", "vĩnh điều").found is True              # case
    assert lookup("xã", "Vi\u0303nh Điều").found is True        # not NFC
    assert lookup("tỉnh", "Thanh Hoá").found is True            # tone on the other vowel
    assert lookup("tỉnh", "Khánh Hoà").found is True
    assert lookup("phường", "Phường Phù Vân").found is True     # kind written in the name
    assert lookup("xã", "An Phú", "Tỉnh An Giang").found is True
    assert lookup("thành phố", "Hồ Chí Minh").found is True
    assert lookup("xã", "Tân Phú", "TP. Hồ Chí Minh").found is False  # a phường there


@needs_data
def test_ambiguous_name_lists_every_province():
    result = lookup("xã", "Vĩnh Lộc")
    assert result.found is True
    assert {"tỉnh Thanh Hóa", "tỉnh Cà Mau"} <= set(result.provinces)


@needs_data
@pytest.mark.parametrize("typo, right", [
    ("Vinh Dieu", "xã Vĩnh Điều, tỉnh An Giang"),
    ("Vĩnh Điêu", "xã Vĩnh Điều, tỉnh An Giang"),
    ("Vĩnh Điềuu", "xã Vĩnh Điều, tỉnh An Giang"),
    ("Vinh Loc", "xã Vĩnh Lộc, tỉnh Thanh Hóa"),
])
def test_misspelt_name_suggests_the_right_one(typo, right):
    result = lookup("xã", typo)
    assert result.found is False
    assert right in result.suggestions
    assert len(result.suggestions) <= places.MAX_SUGGESTIONS


@needs_data
def test_invented_name_is_not_found():
    result = lookup("xã", "Không Có Thật")
    assert result.found is False
    assert result.suggestions == []


@needs_data
def test_province_filter():
    result = lookup("xã", "Vĩnh Lộc", "An Giang")
    assert result.found is False and result.province_found is True
    assert "xã Vĩnh Lộc, tỉnh Thanh Hóa" in result.suggestions  # the same name elsewhere
    assert lookup("xã", "Vĩnh Điều", "Ninh Bình").found is False
    unknown = lookup("xã", "Vĩnh Điều", "Tỉnh Không Có")
    assert unknown.province_found is False and unknown.found is True


@needs_data
def test_wrong_kind_suggests_the_existing_unit():
    result = lookup("xã", "Phù Vân")
    assert result.found is False
    assert result.suggestions[0] == "phường Phù Vân, tỉnh Ninh Bình"
    assert lookup("tỉnh", "Hà Nội").suggestions == ["thành phố Hà Nội"]


@needs_data
def test_what_cannot_be_checked():
    for kind in ("huyện", "quận", "thị xã", "thị trấn"):
        assert lookup(kind, "Gia Viễn").found is None
        assert lookup(kind, "Gia Viễn").note == "abolished_kind"
    # A provincial city of before 2025, or a typo: cannot tell.
    assert lookup("thành phố", "Ninh Bình").found is None
    # An event before the 2025 reform may name a commune that was merged since.
    old = lookup("xã", "Vĩnh Lộc B", on=dt.date(2023, 12, 11))
    assert old.found is None and old.note == "before_2025"
    assert lookup("xã", "Vĩnh Lộc B", on=dt.date(2025, 12, 11)).found is False
    assert lookup("xã", "Vĩnh Lộc", on=dt.date(2020, 1, 1)).found is True
    assert lookup("tỉnh", "Bạc Liêu", on=dt.date(2020, 1, 1)).found is None
    assert lookup("tỉnh", "Bạc Liêu").found is False  # merged into Cà Mau in 2025
    assert lookup("thôn", "Đông").note == "unknown_kind"


@needs_data
def test_data_is_loaded_once(fresh_cache):
    lookup("xã", "Vĩnh Điều")
    assert places._data.cache_info().misses == 1
    lookup("xã", "Vĩnh Lộc")
    assert places._data.cache_info().misses == 1
    assert places.data_source().startswith("vietnam-provinces ")


def test_without_the_package_nothing_is_claimed(monkeypatch, fresh_cache):
    monkeypatch.setitem(sys.modules, "vietnam_provinces", None)  # import fails
    result = lookup("xã", "Vĩnh Điều")
    assert result.found is None and result.note == "no_data" and result.suggestions == []
    assert lookup("xã", "Không Có Thật").found is None


def test_importing_places_does_not_load_the_data():
    code = ("import sys, drafter.check.places; "
            "assert 'vietnam_provinces' not in sys.modules; "
            "assert drafter.check.places._data.cache_info().misses == 0")
    import subprocess
    subprocess.run([sys.executable, "-c", code], check=True)
