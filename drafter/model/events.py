"""The three event kinds; `Document` is the tagged union a YAML file validates against."""

import datetime as dt
import re
from typing import Annotated, Literal, Union

from pydantic import BeforeValidator, Discriminator, Field, RootModel, Tag, model_validator

from .common import (no_items, Acknowledgement, Award, Byline, Count, Model, Organisation, Person, PersonIn,
                     Photo, Published, ReportMeta, ResultGroup, Speech, Style, Targets, Text)

_TERM = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")


def _term_from_str(value):
    if isinstance(value, str):
        match = _TERM.match(value)
        if not match:
            raise ValueError("term_format")
        return {"start": int(match[1]), "end": int(match[2])}
    return value


class Term(Model):
    """Nhiệm kỳ, viết "2025-2030" hoặc {start: 2025, end: 2030}."""

    start: int = Field(ge=1930, le=2200)
    end: int = Field(ge=1930, le=2200)

    @model_validator(mode="after")
    def _ordered(self):
        if self.end <= self.start:
            raise ValueError("term_order@end")
        return self

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"


TermIn = Annotated[Term, BeforeValidator(_term_from_str, json_schema_input_type=str | Term)]
TimeOfDay = Literal["sáng", "chiều", "tối"]


class EventBase(Model):
    """Fields every event has: who, when, where, what was said and achieved."""

    org: Organisation
    """Tổ chức đảng tổ chức hoạt động."""
    higher: Organisation | None = None
    """Tổ chức đảng cấp trên trực tiếp."""
    date: dt.date
    """Ngày diễn ra (ngày đầu nếu nhiều ngày), dạng 2026-01-07."""
    end_date: dt.date | None = None
    """Ngày cuối, nếu kéo dài nhiều ngày."""
    time_of_day: TimeOfDay | None = None
    """Buổi: sáng, chiều hoặc tối."""
    venue: Text | None = None
    """Địa điểm, ví dụ "hội trường Đảng ủy xã"."""
    headline: Text | None = None
    """Tít bài nếu muốn tự đặt; mặc định do mẫu viết."""
    members: int | None = Field(default=None, ge=1)
    """Số đảng viên của đảng bộ/chi bộ."""
    cells: int | None = Field(default=None, ge=1)
    """Số chi bộ trực thuộc."""
    chairs: list[PersonIn] = no_items()
    """Người chủ trì."""
    guests: list[PersonIn] = no_items()
    """Khách mời, lãnh đạo cấp trên dự."""
    attendee_groups: list[Text] = no_items()
    """Các thành phần dự, ví dụ "các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy"."""
    assessed_by: Text | None = None
    """Người đánh giá kết quả (họ tên trong chủ trì/khách mời)."""
    assessment: list[Text] = no_items()
    """Các ý đánh giá chung (mỗi ý một đoạn ngắn)."""
    targets_met: Count | None = None
    """Ví dụ {value: 18, total: 20}: "đạt và vượt 18/20 chỉ tiêu"."""
    results: list[ResultGroup] = no_items()
    """Kết quả có số liệu, theo nhóm."""
    awards: list[Award] = no_items()
    """Khen thưởng."""
    direction: list[Text] = no_items()
    """Phương hướng (văn xuôi, từng ý)."""
    targets: Targets | None = None
    """Chỉ tiêu cho năm/nhiệm kỳ tới."""
    speech: Speech | None = None
    """Phát biểu chỉ đạo."""
    photos: list[Photo] = no_items()
    """Ảnh và chú thích."""
    byline: Byline | None = None
    """Tác giả bài viết."""
    published: Published | None = None
    """Ngày giờ đăng trên cổng thông tin."""
    style: Style = Style()
    """Lựa chọn trình bày (số 0 đứng trước, dạng ngày…)."""
    report: ReportMeta = ReportMeta()
    """Thông tin cho báo cáo (--doc report)."""
    acknowledge: list[Acknowledgement] = no_items()
    """Các trường hợp ngoại lệ đã biết của bước kiểm tra số liệu."""

    @model_validator(mode="after")
    def _dates(self):
        if self.end_date and self.end_date < self.date:
            raise ValueError("end_before_start@end_date")
        return self

    def people(self) -> dict[str, Person]:
        """Every named person, for name references (speaker, presenter)."""
        found: dict[str, Person] = {}
        for person in self._all_people():
            found.setdefault(person.name, person)
        return found

    def _all_people(self):
        yield from self.chairs
        yield from self.guests


class Officer(Model):
    """Bí thư, Phó Bí thư… được bầu hoặc chỉ định."""

    role: Text = "Bí thư"
    name: Text | None = None
    previous: Text | None = None
    """Chức vụ khóa trước, ví dụ "Bí thư Đảng ủy khóa VII"."""
    reelected: bool = False
    """Tái cử."""

    @model_validator(mode="after")
    def _named(self):
        if (self.previous or self.reelected) and not self.name:
            raise ValueError("officer_needs_name")
        return self


class Delegation(Model):
    """Đoàn đại biểu dự đại hội cấp trên."""

    count: int | None = Field(default=None, ge=1)
    congress: Text
    """Ví dụ "Đại hội lần thứ IX Đảng bộ Khối các Cơ quan và Doanh nghiệp tỉnh"."""


class Elections(Model):
    method: Literal["bầu", "chỉ định"] = "bầu"
    appointed_by: Text | None = None
    """Cấp ủy ra quyết định chỉ định, ví dụ "Đảng ủy phường"."""
    unanimous: bool = False
    """Bầu "với số phiếu nhất trí cao"."""
    committee_size: int | None = Field(default=None, ge=1)
    committee_members: list[Text] = no_items()
    officers: list[Officer] = no_items()
    delegation: Delegation | None = None
    debut: bool = False
    """Ban Chấp hành khóa mới ra mắt đại hội."""

    @model_validator(mode="after")
    def _appointed(self):
        if self.appointed_by and self.method != "chỉ định":
            raise ValueError("appointed_by_needs_appointment")
        if self.unanimous and self.method == "chỉ định":  # an appointment has no votes
            raise ValueError("unanimous_needs_election")
        return self


class Pilot(Model):
    """Đại hội điểm."""

    note: Text
    """Ví dụ "1 trong 3 tổ chức cơ sở Đảng trực thuộc"."""
    chosen_by: Text | None = None


class DaiHoi(EventBase):
    """Đại hội Đảng bộ/Chi bộ lần thứ N, nhiệm kỳ."""

    kind: Literal["dai-hoi"]
    ordinal: int = Field(ge=1, le=9999)  # beyond, the Roman numeral alone is a page
    """Lần thứ (số nguyên, in ra số La Mã)."""
    term: TermIn
    term_years: int | None = Field(default=None, ge=1, le=10)
    """Độ dài nhiệm kỳ theo quy định, nếu khác 5 năm (chi bộ: 2 hoặc 3)."""
    delegates: int | None = Field(default=None, ge=1)
    """Số đại biểu, khi là đại hội đại biểu."""
    founded: dt.date | None = None
    """Ngày thành lập (đảng bộ mới thành lập)."""
    member_profile: Text | None = None
    """Ví dụ "là cán bộ, công chức công tác tại …"."""
    achievements: list[Text] = no_items()
    """Các việc đã làm được trong nhiệm kỳ (từng ý)."""
    slogan: Text | None = None
    """Phương châm, ví dụ "Đoàn kết - Gương mẫu - Đổi mới - Phát triển"."""
    goals: list[Text] = no_items()
    """Mục tiêu chung của nhiệm kỳ (văn xuôi)."""
    elections: Elections | None = None
    """Bầu cử hoặc chỉ định cấp ủy."""
    adopted: list[Text] = no_items()
    """Các văn bản được biểu quyết thông qua."""
    pilot: Pilot | None = None
    """Đại hội điểm."""
    resolution: ReportMeta = ReportMeta()
    """Thông tin cho nghị quyết của Đại hội (--doc resolution): số, người ký (mặc định T/M Đoàn
    Chủ tịch, người chủ trì đầu tiên), nơi nhận."""


class TongKet(EventBase):
    """Hội nghị tổng kết năm và triển khai nhiệm vụ năm sau."""

    kind: Literal["hoi-nghi-tong-ket"]
    year: int = Field(ge=1930, le=2200)
    """Năm được tổng kết."""
    topic: Text = "thực hiện nhiệm vụ"
    """Nội dung tổng kết, ví dụ "công tác xây dựng Đảng"."""


class Presentation(Model):
    presenter: PersonIn
    document: Text
    """Ví dụ "báo cáo kiểm điểm tập thể Ban Thường vụ Đảng ủy xã"."""


class Comment(Model):
    person: PersonIn
    about: Text
    """Ví dụ "các đồng chí ủy viên Ban Chấp hành Đảng bộ xã"."""


RatingLevel = Literal["xuat-sac", "tot", "hoan-thanh", "khong-hoan-thanh"]


class Rating(Model):
    """Xếp loại một nhóm: chi bộ, tập thể lãnh đạo, đảng viên…"""

    subject: Text
    """Ví dụ "chi bộ", "đảng viên"."""
    total: int | None = Field(default=None, ge=1)
    """Tổng số được xếp loại, nếu biết."""
    levels: dict[RatingLevel, Annotated[int, Field(ge=0)]] = Field(min_length=1)


class Proposal(Model):
    subject: Text
    """Ví dụ "Đảng bộ xã", "cá nhân cán bộ quản lý chủ chốt"."""
    count: int | None = Field(default=None, ge=1)
    level: RatingLevel


class Proposals(Model):
    to: Text
    """Cấp được đề xuất, ví dụ "Ban Thường vụ Huyện ủy"."""
    items: list[Proposal] = Field(min_length=1)


class KiemDiem(EventBase):
    """Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng."""

    kind: Literal["kiem-diem"]
    year: int = Field(ge=1930, le=2200)
    """Năm được kiểm điểm."""
    body: Text | None = None
    """Cơ quan họp, ví dụ "Ban Chấp hành Đảng bộ xã"."""
    session: int | None = Field(default=None, ge=1)
    """Hội nghị lần thứ (số Ả Rập)."""
    scope: Text = "tổ chức cơ sở Đảng, tập thể lãnh đạo và cá nhân"
    """Đối tượng kiểm điểm."""
    presentations: list[Presentation] = no_items()
    """Người trình bày báo cáo."""
    comments: list[Comment] = no_items()
    """Người góp ý."""
    individual_reviews: bool = False
    """Từng ủy viên đã kiểm điểm cá nhân."""
    ratings: list[Rating] = no_items()
    """Kết quả xếp loại theo từng nhóm."""
    proposals: Proposals | None = None
    """Đề xuất cấp trên xét."""

    def _all_people(self):
        yield from super()._all_people()
        yield from (p.presenter for p in self.presentations)
        yield from (c.person for c in self.comments)


KINDS = {"dai-hoi": DaiHoi, "hoi-nghi-tong-ket": TongKet, "kiem-diem": KiemDiem}

Event = Annotated[
    Union[Annotated[DaiHoi, Tag("dai-hoi")], Annotated[TongKet, Tag("hoi-nghi-tong-ket")],
          Annotated[KiemDiem, Tag("kiem-diem")]],
    Discriminator("kind"),
]


class Document(RootModel[Event]):
    """A drafter YAML file."""
