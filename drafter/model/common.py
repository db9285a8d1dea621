"""Building blocks shared by every event kind: people, organisations, figures, awards."""

import re
import unicodedata
import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from ..compose.blocks import LITERAL_AT
from ..compose.words import current as current_words, default as words_default
from .numbers import plain_numbers
from . import forms
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

# Never text: C0/C1 controls but whitespace (ESC would reach a terminal through txt, md and html),
# noncharacters, half surrogate pairs, and our own marker U+E000 (blocks.LITERAL_AT).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000\ufdd0-\ufdef\ufffe\uffff]")


def clean_text(value: str) -> str:
    """NFC, one line, no stray spaces, no leading "@": a data value can never open a block
    or pass for a directive (blocks.parse turns LITERAL_AT back into "@")."""
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    bad = _CONTROL.search(value)
    if bad:
        raise ValueError(f"control_char:U+{ord(bad.group()):04X}")
    # str.split() splits on what the regex \s matches (str.isspace), and drops it at the
    # ends: one pass, cheaper than testing for untidy spacing first
    value = " ".join(value.split())
    if not value:
        raise ValueError("empty_text")
    return LITERAL_AT + value[1:] if value.startswith("@") else value


Text = Annotated[str, AfterValidator(clean_text)]


def _empty() -> list:
    return []


def no_items():
    """An empty-list default made by a factory: pydantic deep-copies a `[]` default for every
    model that lacks the field (some 45 times a document). The schema still says [].
    (A Python function, not `list`: pydantic reads the factory's signature, slow for a builtin.)"""
    return Field(default_factory=_empty, json_schema_extra={"default": []})
Number = int | Decimal
# A date as the model wants it (2025-10-03) or as a Vietnamese document writes it (03/10/2025).
Date = Annotated[dt.date, BeforeValidator(forms.date_in)]


class Model(BaseModel):
    # Attribute docstrings describe fields; model/docs.py reads them for the schema.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _plain_numbers(cls, data):
        return plain_numbers(cls, data)


class Person(Model):
    """Một người: họ tên và chức vụ."""

    name: Text
    """Họ và tên, ví dụ "Bùi Văn Quang"."""
    titles: list[Text] = no_items()
    """Các chức vụ theo thứ tự, ví dụ ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]."""
    honorific: Literal["đồng chí", "ông", "bà"] = "đồng chí"
    """Cách gọi trong bài: "đồng chí" (mặc định), "ông" hoặc "bà"."""
    attending: Text | None = None
    """Vai trò tại hoạt động, nếu bài nêu: "dự và chỉ đạo", "dự và giám sát"."""
    rank: Text | None = None
    """Cấp bậc hàm quân đội, công an, in trước họ tên thay cho "đồng chí": "Thượng tướng"."""


def _person_from_str(value):
    # "Nguyễn Văn A" alone is a person without titles.
    return {"name": value} if isinstance(value, str) else value


PersonIn = Annotated[Person, BeforeValidator(_person_from_str, json_schema_input_type=str | Person)]

PlaceKind = Literal["xã", "phường", "thị trấn", "đặc khu", "huyện", "quận", "thị xã", "thành phố", "tỉnh"]


class Place(Model):
    """Đơn vị hành chính nơi tổ chức hoạt động."""

    kind: PlaceKind
    """Loại đơn vị: xã, phường, thị trấn, đặc khu, huyện, quận, thị xã, thành phố, tỉnh."""
    name: Text
    """Tên đơn vị, ví dụ "Vĩnh Điều"."""
    province: Text | None = None
    """Tỉnh/thành phố chứa đơn vị (để kiểm tra tên địa danh; in ở câu mở đầu)."""
    district: Text | None = None
    """Huyện, quận, thị xã, thành phố thuộc tỉnh chứa đơn vị, viết đủ: "huyện Hàm Yên" (in ở câu mở đầu)."""


class Organisation(Model):
    """Một tổ chức đảng hoặc cơ quan."""

    name: Text
    """Tên đầy đủ, ví dụ "Đảng bộ xã Vĩnh Lộc"."""
    short: Text | None = None
    """Tên gọi tắt dùng từ lần nhắc thứ hai, ví dụ "Đảng bộ CCQ Đảng tỉnh"."""
    abbr: Text | None = None
    """Chữ viết tắt giới thiệu ở lần nhắc đầu, ví dụ "CCQ"."""
    abbr_of: Text | None = None
    """Cụm từ được viết tắt, ví dụ "các cơ quan" (đi cùng abbr)."""
    level: Literal["chi-bo", "dang-bo-bo-phan", "dang-bo-co-so", "dang-bo-cap-tren"] | None = None
    """Cấp tổ chức; mặc định suy ra từ tên ("Chi bộ …" là chi-bo)."""
    committee: Text | None = None
    """Tên cấp ủy, ví dụ "Đảng ủy xã Vĩnh Lộc"; mặc định suy ra từ tên."""
    place: Place | None = None
    """Đơn vị hành chính của tổ chức (dùng cho địa danh trên báo cáo)."""

    @model_validator(mode="after")
    def _abbr_pair(self):
        if (self.abbr is None) != (self.abbr_of is None):
            raise ValueError("abbr_pair@abbr")
        if self.abbr_of and self.abbr_of not in self.name:
            raise ValueError("abbr_not_in_name@abbr_of")
        return self

    # The words below come from words.yaml (organisation:), an office's own if it has one.

    @property
    def kind_level(self) -> str:
        if self.level:
            return self.level
        cell = current_words().organisation.cell
        return "chi-bo" if self.name.lower().startswith(cell.lower()) else "dang-bo-co-so"

    @property
    def committee_name(self) -> str:
        """"Đảng bộ xã X" is led by "Đảng ủy xã X"; "Chi bộ Y" by "Chi ủy Chi bộ Y"."""
        if self.committee:
            return self.committee
        words = current_words().organisation
        if self.name.startswith(words.party_body + " "):
            rest = self.name[len(words.party_body) + 1:]
            return self._area_committee(rest) or words.body_committee.format(rest=rest)
        return words.cell_committee.format(name=self.name)

    def _area_committee(self, rest: str) -> str | None:
        """"huyện Thường Tín" (or "Thường Tín" of a place of kind huyện) -> "Huyện ủy Thường Tín"."""
        areas = current_words().organisation.area_committees
        for area in sorted(areas, key=len, reverse=True):  # "thị xã" before a shorter word
            if rest.startswith(area + " "):
                return f"{areas[area]} {rest[len(area) + 1:]}"
        if self.place is not None and self.place.kind in areas and rest == self.place.name:
            return f"{areas[self.place.kind]} {rest}"
        return None

    @property
    def unit_word(self) -> str:
        """How the body calls itself: "Chi bộ" or "Đảng bộ"."""
        words = current_words().organisation
        return words.cell if self.kind_level == "chi-bo" else words.party_body

    @property
    def executive(self) -> str:
        """What a congress elects: a chi bộ its "Chi ủy", a đảng bộ its "Ban Chấp hành"."""
        words = current_words().organisation
        return words.cell_executive if self.kind_level == "chi-bo" else words.body_executive

    @property
    def short_name(self) -> str:
        return self.short or self.name


Bound = Annotated[Literal["min", "least", "over", "max", "under", "about", "more", "nearly", "estimate"],
                  BeforeValidator(forms.bound_in)]  # or the article's word: "hơn", "gần"…
TimeOfDay = Annotated[Literal["sáng", "chiều", "tối"], BeforeValidator(forms.time_of_day_in)]


class Count(Model):
    """Một con số kèm đơn vị: "2.619 đồng chí", "94,1%", "18/20 chỉ tiêu"."""

    value: Number
    """Con số: 2619, 94.1…"""
    total: int | None = None
    """Tổng số khi viết dạng phân số "18/20"."""
    unit: Text | None = None
    """Đơn vị: "đảng viên", "%", "triệu đồng"…"""
    bound: Bound | None = None
    """min: "từ 95% trở lên"; least: "ít nhất 05"; over: "trên 90%"; max: "không quá"; under: "dưới"; about: "khoảng";
    more: "hơn 1.200"; nearly: "gần 300"; estimate: "ước đạt 38,7 tỷ đồng"."""
    to: Number | None = None
    """Cận trên của một khoảng: value 180, to 200 in "từ 180 đến 200"."""

    @model_validator(mode="after")
    def _range_or_share(self):
        if self.to is not None and self.total is not None:  # "từ 180 đến 200/250" says nothing clear
            raise ValueError("range_with_total")
        return self
    pad: bool | None = None
    """Viết "05" thay vì "5" cho riêng số này (mặc định theo style.pad_counts)."""


def _figure_from_str(value):
    # A plain string is a phrase without a number.
    return {"text": value} if isinstance(value, str) else value


class Figure(Count):
    """Một ý có số liệu: text + số + đơn vị + after, ví dụ "đổi thẻ đảng viên cho | 2619 | đồng chí"."""

    value: Number | None = None
    text: Text | None = None
    """Phần chữ đứng trước con số."""
    after: Text | None = None
    """Phần chữ đứng sau con số và đơn vị."""
    also: list[Count] = no_items()
    """Các con số nối bằng "và": "2 tổ chức Đảng và 4 đảng viên"."""
    of_which: "list[Annotated[Figure, BeforeValidator(_figure_from_str, json_schema_input_type=str | Figure)]]" = no_items()
    """Phần "trong đó …" của con số."""
    then: "list[Annotated[Figure, BeforeValidator(_figure_from_str, json_schema_input_type=str | Figure)]]" = no_items()
    """Vế nối tiếp sau dấu phẩy, ví dụ "đạt 100% chỉ tiêu huyện giao"."""
    examples: list[Text] = []
    """Các ví dụ, in sau chữ "như" và không bao giờ đếm: "các mô hình như a, b và c"."""
    horizon: int | None = Field(default=None, ge=1930, le=2200)
    """Mốc thời gian của chỉ tiêu: 2030 in "đến năm 2030"."""

    @model_validator(mode="after")
    def _needs_something(self):
        if self.value is None and not self.text:
            raise ValueError("figure_empty")
        if self.value is None and (self.unit or self.total or self.bound or self.also or self.of_which
                                   or self.to is not None):
            raise ValueError("figure_needs_value")
        return self


FigureIn = Annotated[Figure, BeforeValidator(_figure_from_str, json_schema_input_type=str | Figure)]


class ResultGroup(Model):
    """Một nhóm kết quả, thành một câu hoặc một đoạn."""

    topic: Text | None = None
    """Mở đầu câu, ví dụ "Công tác đảng viên"."""
    items: list[FigureIn] = Field(min_length=1)
    """Các ý trong nhóm; mỗi ý là một câu chữ hoặc {text, value, unit, after…}."""


class AwardGroup(Model):
    """Một nhóm được khen: số, loại ("tập thể", "đảng viên"), thành tích."""

    count: int = Field(ge=1)
    kind: Text
    """Ví dụ "tập thể", "đảng viên", "chi bộ"."""
    merit: Text | None = None
    """Thành tích, ví dụ "hoàn thành xuất sắc nhiệm vụ"."""


class Award(Model):
    """Khen thưởng: "tặng giấy khen cho 3 tập thể và 5 cá nhân …"."""

    by: Text | None = None
    """Cấp khen, ví dụ "Ban Thường vụ Đảng ủy CCQ Đảng tỉnh"."""
    form: Text = words_default("defaults.award_form")
    """Hình thức: "giấy khen", "bằng khen"…"""
    collectives: int = Field(default=0, ge=0)
    individuals: int = Field(default=0, ge=0)
    reason: Text | None = None
    """Lý do, ví dụ "có thành tích xuất sắc trong công tác năm 2025"."""
    presenter: Text | None = None
    """Người trao (họ tên một người trong danh sách chủ trì/khách mời)."""
    recipients: Text | None = None
    """Người, tập thể được khen khi bài không nêu số, ví dụ "các tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ"."""
    groups: list[AwardGroup] = []
    """Các nhóm được khen, mỗi nhóm một số: "06 tập thể", "303 đảng viên hoàn thành xuất sắc nhiệm vụ"."""
    praise: bool = False
    """"biểu dương, khen thưởng" thay cho "khen thưởng"."""

    @model_validator(mode="after")
    def _someone(self):
        if not (self.collectives or self.individuals or self.recipients or self.groups):
            raise ValueError("award_empty" if not self.recipients and not self.groups else "award_empty_or")
        return self


class Targets(Model):
    """Các chỉ tiêu đánh số "(1) … (2) …"."""

    count: int | None = Field(default=None, ge=1)
    """Số chỉ tiêu nêu trong bài, nếu khác số mục liệt kê."""
    qualifier: Text | None = None
    """Ví dụ "cụ thể", "chủ yếu"."""
    items: list[FigureIn] = no_items()
    """Từng chỉ tiêu; có thể để trống khi chỉ nêu số lượng."""
    tasks: int | None = Field(default=None, ge=1)
    """Số nhiệm vụ trọng tâm."""
    breakthroughs: int | None = Field(default=None, ge=1)
    """Số khâu đột phá."""
    task_items: list[FigureIn] = []
    """Các nhiệm vụ trọng tâm, từng ý (câu chữ hoặc {text, value, unit, horizon…})."""
    breakthrough_items: list[FigureIn] = []
    """Các khâu đột phá, từng ý."""
    partial: bool = False
    """Danh sách chỉ tiêu chưa đầy đủ (bài kết thúc bằng "…"): không in tổng số chỉ tiêu."""

    @property
    def total(self) -> int:
        return self.count or len(self.items)


class Speech(Model):
    """Bài phát biểu chỉ đạo/chúc mừng, theo từng ý."""

    speaker: Text
    """Họ tên (một người trong chủ trì/khách mời) hoặc mô tả như "lãnh đạo Đảng ủy phường"."""
    acknowledged: list[Text] = no_items()
    """Những điều được ghi nhận, biểu dương."""
    points: list[Text] = no_items()
    """Các ý chỉ đạo, nhấn mạnh."""
    requests: list[Text] = no_items()
    """Các đề nghị cụ thể."""
    directive: bool = True
    """false: lời phát biểu của người chủ trì, đảng viên…, không phải phát biểu chỉ đạo."""
    role: Literal["kết luận"] | None = None
    """"kết luận": lời kết luận của người chủ trì ("Phát biểu kết luận hội nghị, đồng chí …")."""


class Photo(Model):
    """Ảnh và chú thích."""

    caption: Text
    file: Text | None = None
    """Đường dẫn ảnh, tính từ thư mục chứa tệp YAML."""
    after: Literal["headline", "lead", "participants", "assessment", "results", "reviews", "ratings",
                   "awards", "targets", "speech", "elections", "notes"] = "lead"
    """Đặt ảnh sau phần nào của bài."""


class Byline(Model):
    label: Text | None = None
    """Ví dụ "Tin, ảnh", "Tác giả bài viết"; bỏ trống để chỉ ghi tên."""
    authors: list[Text] = []
    """Tên tác giả."""
    outlet: Text | None = None
    """Cơ quan báo chí khi bài đăng lại, ví dụ "Báo Tuyên Quang": in "Theo Báo Tuyên Quang"."""

    @model_validator(mode="after")
    def _someone(self):
        if not (self.authors or self.outlet):
            raise ValueError("byline_empty")
        return self


class Style(Model):
    """Lựa chọn trình bày."""

    pad_counts: bool = False
    """Viết số đếm dưới 10 có số 0 đứng trước: "01 tập thể", "06 chỉ tiêu"."""
    date_sep: Literal["/", "-"] = "/"
    """Dấu ngăn ngày tháng trong bài: "8/1" hoặc "8-1"."""
    tone_marks: Literal["traditional", "modern", "keep"] = "traditional"
    """Cách đặt dấu thanh trong cả bài: traditional "hòa, thủy" (mặc định), modern "hoà, thuỷ", keep: giữ như đã gõ."""
    lead_date: Literal["day-month", "full", "padded"] = "day-month"
    """Ngày ở câu mở đầu: "Sáng 11/12" (day-month), "Ngày 18/7/2025" (full), "Sáng ngày 07/01/2026" (padded)."""


class Published(Model):
    """Thời điểm đăng bài trên cổng thông tin."""

    date: Date
    time: Annotated[str, Field(pattern=r"^([01]?\d|2[0-3]):[0-5]\d$")] | None = None
    """Giờ đăng "12:03"."""
    weekday: bool | Text = False
    """Ghi thứ trước ngày: "Thứ sáu - 18/07/2025 12:03"; true, hoặc ghi rõ "Thứ sáu" để kiểm tra."""


CheckId = Literal[
    "ratings-sum", "thousands-dot", "share-order", "percent-range", "part-whole", "targets-count", "person-unknown",
    "committee-size", "officer-in-committee", "reelected-previous", "weekday", "published-before",
    "review-year", "event-length", "congress-in-term", "term-length", "place-exists", "image-path",
    "report-default", "fact-not-printed", "figure-invented", "section-empty", "paragraph-unfinished",
    "sentence-broken", "word-doubled", "sentence-repeated", "placeholder", "form-mixed",
    "negative-value", "invisible-char", "ordinal-range", "delegates-members",
    "committee-duplicate", "officer-twice", "rated-members",
    "name-honorific", "person-split", "list-split",
    "photo-no-file",
]


class Acknowledgement(Model):
    """Chấp nhận một cảnh báo/lỗi kiểm tra đã biết, kèm lý do."""

    check: CheckId
    """Mã kiểm tra, ví dụ "ratings-sum"."""
    at: Text | None = None
    """Chỉ ở trường này (và các trường con), ví dụ "ratings[2]"; bỏ trống là mọi nơi."""
    reason: Text
    """Lý do (bắt buộc), để người duyệt bài biết vì sao."""


class Signer(Model):
    """Người ký báo cáo."""

    name: Text
    role: Text = words_default("organisation.secretary")
    """Chức vụ người ký: "Bí thư" hoặc "Phó Bí thư"."""
    on_behalf: Text | None = None
    """Ký thay mặt: "Đảng ủy", "Ban Thường vụ", "Chi bộ", "Đoàn Chủ tịch"; mặc định theo cơ quan ban hành."""


class ReportMeta(Model):
    """Thông tin riêng của báo cáo (thể thức văn bản của Đảng)."""

    number: int | None = Field(default=None, ge=1)
    """Số văn bản: 1 in ra "Số 01-BC/ĐU"."""
    type_code: Text = words_default("report.type_code")
    issuer_code: Text | None = None
    """Ký hiệu cơ quan ban hành: "ĐU", "CB", "HU", "ĐH"…; mặc định theo cơ quan ban hành."""
    issuer: Text | None = None
    """Cơ quan ban hành, mặc định là cấp ủy ("Đảng ủy xã Vĩnh Điều"); chi bộ: chính chi bộ, hoặc
    chi ủy khi org.committee ghi tên chi ủy."""
    higher: Text | None = None
    """Tên Đảng bộ cấp trên ghi góc trái, ví dụ "Đảng bộ tỉnh Đồng Tháp"."""
    place: Text | None = None
    """Địa danh ghi trước ngày tháng, ví dụ "Vĩnh Điều"."""
    date: Date | None = None
    """Ngày ban hành; mặc định là ngày cuối của hoạt động."""
    signer: Signer | None = None
    recipients: list[Text] = no_items()
    """Nơi nhận, mỗi dòng một nơi, ví dụ "Ban Thường vụ Huyện ủy"."""
    short_forms: list[Text] = []
    """Chữ viết tắt là tên gọi tắt chính thức, giữ nguyên trong văn bản, ví dụ ["UBND"]; các chữ
    viết tắt khác (BTV, UBKT, CCQ…) được viết đầy đủ."""
