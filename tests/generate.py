"""Valid events built from the model itself, for the "validates => renders well" property.

Every field of every kind: optional fields present or absent, lists of 0 to 3, every enum
value, every level from chi bộ to tỉnh. Text comes from pools of distinct Vietnamese words so
that the fact audit can tell one fact from another.
"""
from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal

import annotated_types
import yaml
from hypothesis import assume
from hypothesis import strategies as st
from pydantic import BaseModel

from drafter.check.consistency import issues, warnings_or_raise
from drafter.errors import DrafterError
from drafter.model.validate import validate
from drafter.read.loader import load_text

from drafter.model import KINDS

GIVEN_NAMES = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh", "Lâm", "Minh", "Nga", "Phong",
               "Quang", "Sơn", "Thảo", "Uyên", "Vinh", "Xuân", "Yến"]
FAMILY = ["Nguyễn Văn", "Trần Thị", "Lê Quốc", "Phạm Minh", "Hoàng Thị", "Võ Đình", "Đặng Hữu", "Bùi Thanh"]
PEOPLE = [f"{f} {g}" for f in FAMILY for g in GIVEN_NAMES]
ORGS = ["Đảng bộ xã Tân Lập", "Chi bộ thôn Trung Hòa", "Đảng bộ phường Bến Thành", "Đảng bộ tỉnh Lâm Đồng",
        "Đảng bộ Khối cơ quan tỉnh", "Chi bộ Trường Tiểu học Kim Đồng", "Đảng bộ Công an xã Phú Mỹ"]
TITLES = ["Bí thư Đảng ủy xã", "Phó Chủ tịch UBND tỉnh", "Trưởng ban Tuyên giáo Huyện ủy",
          "Ủy viên Ban Thường vụ Tỉnh ủy", "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", "Trưởng thôn Trung Hòa"]
PROSE = ["lãnh đạo hoàn thành tốt nhiệm vụ chính trị của địa phương",
         "giữ vững an ninh trật tự trên địa bàn khu dân cư",
         "nâng cao chất lượng sinh hoạt chi bộ định kỳ hằng tháng",
         "đẩy mạnh chuyển đổi số trong công tác văn phòng cấp ủy",
         "chăm lo đời sống vật chất và tinh thần cho nhân dân vùng sâu",
         "xây dựng nông thôn mới kiểu mẫu gắn với phát triển du lịch cộng đồng",
         "tăng cường kiểm tra giám sát việc chấp hành quy định của Đảng"]
PHRASES = ["kết nạp", "tổ chức lớp bồi dưỡng cho", "thu ngân sách đạt", "tỷ lệ hộ nghèo giảm còn",
           "trồng mới rừng phòng hộ", "xây dựng nhà đại đoàn kết cho"]
UNITS = ["đảng viên", "tỷ đồng", "%", "hộ", "quần chúng ưu tú", "ha"]
PLACES = ["Tân Lập", "Phú Mỹ", "Kim Sơn", "Hòa Bình"]

# Fields whose values must be drawn from a pool of their own kind.
POOLS = {
    "name": PEOPLE, "speaker": PEOPLE, "presenter": PEOPLE, "assessed_by": PEOPLE, "committee_members": PEOPLE,
    "authors": PEOPLE, "person": PEOPLE, "titles": TITLES, "unit": UNITS, "text": PHRASES,
    "province": ["Lâm Đồng", "An Giang", "Nghệ An"], "short": ["Đảng bộ xã", "Chi bộ"],
}
# Issue 14's numeric edges: printed with every digit (never rounded), the largest sizes accepted.
EDGE_DECIMALS = [Decimal(t) for t in ("0.125", "94.125", "0.0001", "1234.5678", "2.5", "99.99", "0.5")]
BIG_INTS = [1_000, 2_619, 1_000_000, 10**12 + 7, 10**18 - 1]
SKIP = {"acknowledge", "file", "published", "photos", "abbr", "abbr_of", "weekday", "style",
        "pad"}  # pad: the user's deliberate exception to one form of counts


def strategy(model: type[BaseModel], depth: int = 0) -> st.SearchStrategy[dict]:
    """A dict that usually validates as MODEL: required fields always, optional ones sometimes."""
    required, optional = {}, {}
    for name, field in model.model_fields.items():
        if name in SKIP or (depth > 2 and not field.is_required()):
            continue
        value = _for(field.annotation, field.metadata, name, depth)
        (required if field.is_required() else optional)[field.alias or name] = value
    return st.fixed_dictionaries(required, optional=optional)


def _for(annotation, metadata, name: str, depth: int):
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _for(args[0], list(args[1:]) + list(metadata), name, depth)
    if origin in (typing.Union, types.UnionType):
        real = [a for a in args if a is not type(None)]
        return st.one_of([_for(a, metadata, name, depth) for a in real])
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        size = next((m.min_length for m in metadata if isinstance(m, annotated_types.MinLen)), 0)
        return st.lists(_for(args[0], [], name, depth), min_size=size, max_size=3, unique_by=repr)
    if origin is dict:
        return st.dictionaries(_for(args[0], [], name, depth), _for(args[1], [], name, depth),
                               min_size=1, max_size=4)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return strategy(annotation, depth + 1)
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low = next((m.ge for m in metadata if isinstance(m, annotated_types.Ge)), 0)
        high = next((m.le for m in metadata if isinstance(m, annotated_types.Le)), None)
        if name in ("year", "start", "end"):
            return st.integers(2018, 2026)
        small = st.integers(low, min(high, low + 60) if high is not None else low + 60)
        return small if high is not None else st.one_of(small, st.sampled_from(BIG_INTS))
    if annotation is Decimal:
        return st.one_of(st.decimals(min_value=0, max_value=100, places=1).map(lambda d: d.normalize()),
                         st.sampled_from(EDGE_DECIMALS))
    if annotation is dt.date:
        return st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31))
    if annotation is str:
        return st.sampled_from(POOLS.get(name, PROSE))
    return st.nothing()


def event(kind: str) -> st.SearchStrategy[dict]:
    base = strategy(KINDS[kind])
    org = st.sampled_from(ORGS).map(lambda n: {"name": n})
    return st.builds(lambda d, o, k: {**d, "org": o, "kind": k}, base, org, st.just(kind))


yaml.SafeDumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))


def draw_valid(data, strategy: st.SearchStrategy[dict], kind: str):
    """A drawn event as a user's YAML file, validated and through the checks; a draw that is no
    valid event is assumed away (the checks said why, with their own messages)."""
    raw = data.draw(strategy)
    loaded = load_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), f"{kind}.yaml")
    try:
        parsed = validate(loaded)
        warnings_or_raise(issues(parsed, loaded))
    except DrafterError:
        assume(False)
    return parsed
