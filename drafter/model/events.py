"""The three event kinds; `Document` is the tagged union a YAML file validates against."""

import re
from decimal import Decimal
from typing import Annotated, Literal, Union, get_args

from pydantic import BeforeValidator, Discriminator, Field, RootModel, Tag, model_validator

from .common import Date, Number, TimeOfDay
from . import forms
from ..compose.words import default as words_default

from .common import (
    no_items,
    Acknowledgement,
    Award,
    Bound,
    Byline,
    Count,
    Model,
    Organisation,
    Person,
    PersonIn,
    Photo,
    Published,
    ReportMeta,
    ResultGroup,
    Speech,
    Style,
    Targets,
    Text,
)
from .genre import (
    Attendance,
    Badges,
    DocRef,
    Period,
    Preparatory,
    RatingLevel,
    ReportItem,
    TargetsReached,
    UnitRating,
)

_TERM = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")


def _term_from_str(value):
    value = forms.term_in(value)
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


class EventBase(Model):
    """Fields every event has: who, when, where, what was said and achieved."""

    org: Organisation
    """Tổ chức đảng tổ chức hoạt động."""
    higher: Organisation | None = None
    """Tổ chức đảng cấp trên trực tiếp."""
    date: Date
    """Ngày diễn ra (ngày đầu nếu nhiều ngày), dạng 2026-01-07."""
    end_date: Date | None = None
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
    published: Annotated[Published | None, BeforeValidator(forms.published_in)] = None
    """Ngày giờ đăng trên cổng thông tin."""
    style: Style = Style()
    """Lựa chọn trình bày (số 0 đứng trước, dạng ngày…)."""
    report: ReportMeta = ReportMeta()
    """Thông tin cho báo cáo (--doc report)."""
    acknowledge: list[Acknowledgement] = no_items()
    """Các trường hợp ngoại lệ đã biết của bước kiểm tra số liệu."""
    date_precision: Literal["day", "year"] = "day"
    """year: bài chỉ nêu năm, không nêu ngày họp (ngày trong date không được in)."""
    organiser: Text | None = None
    """Cơ quan đứng ra tổ chức nếu không phải tổ chức đảng (org), ví dụ "Ban Thường vụ Đảng ủy Khối"."""
    chair_body: Text | None = None
    """Cơ quan chủ trì khi bài không nêu tên người, ví dụ "Thường trực Đảng ủy xã"."""
    members_bound: Bound | None = None
    """Số đảng viên là số ước: more "hơn 1.200", nearly "gần 300", over "trên 2.700"."""
    subunits: int | None = Field(default=None, ge=1)
    """Số chi, đảng bộ trực thuộc (gồm cả chi bộ và đảng bộ), ví dụ 56."""
    base_orgs: int | None = Field(default=None, ge=1)
    """Số chi, đảng bộ cơ sở (tổ chức cơ sở đảng) của một đảng bộ cấp trên cơ sở."""
    attendance: Annotated[Attendance | None, BeforeValidator(forms.attendance_in)] = None
    """Số có mặt: {present: 17, total: 17}."""
    basis: list[DocRef] = []
    """Văn bản làm căn cứ tổ chức hoạt động."""
    agenda: list[Text] = []
    """Các bước của chương trình, theo thứ tự (mỗi bước một cụm từ: "chào cờ", "giới thiệu đại biểu")."""
    reports: list[ReportItem] = []
    """Các báo cáo được trình bày."""
    targets_reached: TargetsReached | None = None
    """"Đạt và vượt chỉ tiêu" khi không có số."""
    unit_rating: UnitRating | None = None
    """Xếp loại, xếp hạng của chính tổ chức đảng."""
    notes: list[Text] = []
    """Các sự kiện khác, mỗi ý một câu đầy đủ, in cuối bài."""

    @model_validator(mode="after")
    def _dates(self):
        if self.end_date and self.end_date < self.date:
            raise ValueError("end_before_start@end_date")
        if self.date_precision == "year" and (self.time_of_day or self.end_date):
            raise ValueError("time_without_day@date_precision")  # "sáng" of a day nobody gave
        guests = {id(g) for g in self.guests}
        if any(p.attending for p in self._all_people() if id(p) not in guests):
            raise ValueError("attending_guests_only")  # "dự và chỉ đạo" is how a guest took part
        return self

    def people(self) -> dict[str, Person]:
        """Every named person, for name references (speaker, presenter)."""
        found: dict[str, Person] = {}
        for person in self._all_people():
            known = found.get(person.name)
            if known is None or (person.titles and not known.titles):  # the mention that says who they are
                found[person.name] = person
        return found

    def _all_people(self):
        yield from self.chairs
        yield from self.guests


class Officer(Model):
    """Bí thư, Phó Bí thư… được bầu hoặc chỉ định."""

    role: Text = words_default("organisation.secretary")
    name: Text | None = None
    previous: Text | None = None
    """Chức vụ khóa trước, ví dụ "Bí thư Đảng ủy khóa VII"."""
    reelected: bool = False
    """Tái cử."""
    titles: list[Text] = no_items()
    """Chức vụ hiện nay, in sau họ tên, ví dụ ["Hiệu trưởng nhà trường"]."""

    @model_validator(mode="after")
    def _named(self):
        if self.titles and not self.name:
            raise ValueError("officer_titles_need_name@titles")
        if (self.previous or self.reelected) and not self.name:
            raise ValueError("officer_needs_name")
        return self


class Delegation(Model):
    """Đoàn đại biểu dự đại hội cấp trên."""

    count: int | None = Field(default=None, ge=1)
    congress: Text
    """Ví dụ "Đại hội lần thứ IX Đảng bộ Khối các Cơ quan và Doanh nghiệp tỉnh"."""


class Elections(Model):
    method: Literal["bầu", "chỉ định", "ra mắt"] = "bầu"
    """bầu, chỉ định; "ra mắt" khi bài chỉ nêu cấp ủy khóa mới ra mắt, không nêu cách hình thành."""
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
    standing_size: int | None = Field(default=None, ge=1)
    """Số ủy viên Ban Thường vụ."""
    announced_by: Text | None = None
    """Người công bố các quyết định chỉ định (họ tên trong khách mời/chủ trì)."""

    @model_validator(mode="after")
    def _appointed(self):
        if self.appointed_by and self.method != "chỉ định":
            raise ValueError("appointed_by_needs_appointment")
        if self.announced_by and self.method != "chỉ định":  # only decisions are announced
            raise ValueError("announced_by_needs_appointment@announced_by")
        if self.unanimous and self.method == "chỉ định":  # an appointment has no votes
            raise ValueError("unanimous_needs_election")
        return self


class Pilot(Model):
    """Đại hội điểm."""

    note: Text | None = None
    """Ví dụ "1 trong 3 tổ chức cơ sở Đảng trực thuộc"."""
    chosen_by: Text | None = None
    """Cấp chọn tổ chức đại hội điểm, ví dụ "Ban Thường vụ Huyện ủy Hàm Yên"."""
    for_whom: Text | None = None
    """Để các đơn vị nào rút kinh nghiệm, ví dụ "các chi bộ trong Đảng bộ xã"."""
    level: Text | None = None
    """Cấp của đại hội điểm, ví dụ "cấp cơ sở"."""


class DaiHoi(EventBase):
    """Đại hội Đảng bộ/Chi bộ lần thứ N, nhiệm kỳ."""

    kind: Literal["dai-hoi"]
    # "XV", "lần thứ nhất" read as numbers; beyond 9999 the Roman numeral alone is a page
    ordinal: Annotated[int | None, BeforeValidator(forms.ordinal_in)] = Field(default=None, ge=1, le=9999)
    """Lần thứ (số nguyên, in ra số La Mã); bỏ trống nếu không biết: không in "lần thứ"."""
    term: TermIn
    term_years: int | None = Field(default=None, ge=1, le=10)
    """Độ dài nhiệm kỳ theo quy định, nếu khác 5 năm (chi bộ: 2 hoặc 3)."""
    delegates: int | None = Field(default=None, ge=1)
    """Số đại biểu, khi là đại hội đại biểu."""
    founded: Date | None = None
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
    delegate_congress: bool = False
    """Đại hội đại biểu, khi không biết số đại biểu (có delegates là đại hội đại biểu)."""
    theme: Text | None = None
    """Chủ đề của đại hội, in trong ngoặc kép."""
    founded_by: DocRef | None = None
    """Quyết định thành lập đảng bộ."""
    merged_from: list[Text] = []
    """Các đảng bộ được hợp nhất để thành lập đảng bộ."""
    preparatory: Preparatory | None = None
    """Phiên trù bị (date là ngày phiên chính thức)."""
    resolution: ReportMeta = ReportMeta()
    """Thông tin cho nghị quyết của Đại hội (--doc resolution): số, người ký (mặc định T/M Đoàn
    Chủ tịch, người chủ trì đầu tiên), nơi nhận."""


class TongKet(EventBase):
    """Hội nghị tổng kết năm và triển khai nhiệm vụ năm sau."""

    kind: Literal["hoi-nghi-tong-ket"]
    year: int = Field(ge=1930, le=2200)
    """Năm được tổng kết."""
    topic: Text = words_default("defaults.tong_ket_topic")
    """Nội dung tổng kết, ví dụ "công tác xây dựng Đảng"."""


class Presentation(Model):
    presenter: PersonIn
    document: Text
    """Ví dụ "báo cáo kiểm điểm tập thể Ban Thường vụ Đảng ủy xã"."""


class Comment(Model):
    person: PersonIn
    about: Text
    """Ví dụ "các đồng chí ủy viên Ban Chấp hành Đảng bộ xã"."""


class Rating(Model):
    """Xếp loại một nhóm: chi bộ, tập thể lãnh đạo, đảng viên…"""

    subject: Text
    """Ví dụ "chi bộ", "đảng viên"."""
    total: int | None = Field(default=None, ge=1)
    """Tổng số được xếp loại, nếu biết."""
    levels: dict[RatingLevel, Annotated[int, Field(ge=0)]] = {}
    """Số được xếp ở từng mức (sau khi cấp ủy công nhận)."""
    self_rated: dict[RatingLevel, Annotated[int, Field(ge=0)]] = {}
    """Số tự nhận ở từng mức, trước khi cấp ủy xem xét."""
    level: RatingLevel | None = None
    """Mức của một đối tượng duy nhất, ví dụ chi bộ đạt "tot"."""
    vote_percent: Number | None = None
    """Tỷ lệ đảng viên biểu quyết tán thành mức xếp loại (%)."""
    percent: dict[RatingLevel, Number] = {}
    """Tỷ lệ (%) ở từng mức khi bài nêu tỷ lệ thay cho số lượng, ví dụ {tot: 100, xuat-sac: 30}."""
    cumulative: bool = False
    """true: tỷ lệ của một mức gồm cả các mức cao hơn: "100% đảng viên hoàn thành tốt nhiệm vụ, trong đó 30% hoàn thành xuất sắc nhiệm vụ"."""
    by: Text | None = None
    """Cấp công nhận, ví dụ "Đảng ủy phường"."""

    @model_validator(mode="after")
    def _something(self):
        if self.percent:
            self._shares()
        elif self.cumulative:
            raise ValueError("rating_cumulative_percent@cumulative")
        if not (self.levels or self.level or self.percent):
            raise ValueError("rating_empty")
        if self.level and (self.levels or self.self_rated or self.total):
            raise ValueError("rating_one_or_counts")
        if self.levels and self.vote_percent is not None:
            raise ValueError("rating_one_or_counts@vote_percent")
        return self

    def _shares(self):
        """Percentages: each 0-100, alone (no counts beside them); shares of one whole add up to
        100 at most (rounded shares: within 0,5), nested ones shrink level by level."""
        if self.levels or self.level or self.self_rated or self.total or self.vote_percent is not None:
            raise ValueError("rating_percent_alone@percent")
        values = [self.percent[level] for level in get_args(RatingLevel) if level in self.percent]  # highest first
        if any(not 0 <= v <= 100 for v in values):
            raise ValueError("rating_percent_range@percent")
        if self.cumulative and any(high > low for high, low in zip(values, values[1:])):
            raise ValueError("rating_percent_nested@percent")
        if not self.cumulative and sum(values) > Decimal("100.5"):
            raise ValueError("rating_percent_sum@percent")


class Proposal(Model):
    subject: Text
    """Ví dụ "Đảng bộ xã", "cá nhân cán bộ quản lý chủ chốt"."""
    count: int | None = Field(default=None, ge=1)
    level: RatingLevel


class Proposals(Model):
    to: Text | None = None
    """Cấp được đề xuất, ví dụ "Ban Thường vụ Huyện ủy"."""
    by: Text | None = None
    """Ai đề xuất nếu không phải cấp ủy, ví dụ "chi bộ"."""
    method: Text | None = None
    """Cách đề xuất, ví dụ "bỏ phiếu"."""
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
    scope: Text | None = words_default("defaults.kiem_diem_scope")
    """Đối tượng kiểm điểm, ví dụ "tổ chức cơ sở Đảng, tập thể lãnh đạo và cá nhân"; không ghi thì không in."""
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
    cell_reviews_from: Date | None = None
    """Các chi bộ đã kiểm điểm từ ngày …"""
    cell_reviews_to: Date | None = None
    """… đến ngày."""

    @model_validator(mode="after")
    def _review_span(self):
        if self.cell_reviews_to and (not self.cell_reviews_from or self.cell_reviews_to <= self.cell_reviews_from):
            raise ValueError("cell_reviews_span")
        return self

    def _all_people(self):
        yield from super()._all_people()
        yield from (p.presenter for p in self.presentations)
        yield from (c.person for c in self.comments)


class SoKet(EventBase):
    """Hội nghị sơ kết 6 tháng, 9 tháng đầu năm."""

    kind: Literal["so-ket"]
    period: Period
    """Kỳ sơ kết: {months: 6, year: 2022}."""
    topic: Text = words_default("defaults.so_ket_topic")
    """Nội dung sơ kết."""
    badges: Badges | None = None
    """Huy hiệu Đảng trao tại hội nghị."""


class TraoHuyHieu(EventBase):
    """Lễ trao tặng Huy hiệu Đảng."""

    kind: Literal["trao-huy-hieu"]
    badges: Badges
    """Các mốc Huy hiệu, số người, người trao."""
    anniversary: int | None = Field(default=None, ge=1, le=200)
    """Kết hợp họp mặt kỷ niệm N năm Ngày thành lập Đảng (3/2/1930)."""


class KetNap(EventBase):
    """Lễ kết nạp đảng viên mới."""

    kind: Literal["ket-nap"]
    decisions: list[DocRef] = []
    """Các quyết định kết nạp."""
    new_members: list[Text] = Field(min_length=1)
    """Họ tên những người được kết nạp."""
    presenter: Text | None = None
    """Người đọc và trao quyết định (họ tên trong chủ trì/khách mời)."""
    oath: bool = False
    """Đảng viên mới đọc lời tuyên thệ."""
    mentors: list[Text] = []
    """Đảng viên chính thức được phân công giúp đỡ."""
    mentors_assigned: bool = False
    """Chi bộ phân công đảng viên chính thức giúp đỡ (khi không nêu tên)."""
    probation_months: int | None = Field(default=None, ge=1, le=24)
    """Thời gian dự bị (tháng)."""
    members_after: int | None = Field(default=None, ge=1)
    """Số đảng viên của chi bộ sau lễ."""


class HoiNghiBch(EventBase):
    """Hội nghị Ban Chấp hành (thường kỳ) lần thứ N."""

    kind: Literal["hoi-nghi-bch"]
    session: int | None = Field(default=None, ge=1)
    """Hội nghị lần thứ (số Ả Rập)."""
    term: TermIn | None = None
    """Nhiệm kỳ của Ban Chấp hành."""
    regular: bool = False
    """Phiên họp thường kỳ."""
    convocation: int | None = Field(default=None, ge=1, le=999)
    """Khóa của Ban Chấp hành (số Ả Rập): 24 in "khóa XXIV"."""
    extended: bool = False
    """Hội nghị mở rộng: in "(mở rộng)"."""
    body: Text | None = None
    """Cơ quan họp; mặc định "Ban Chấp hành " + tên tổ chức."""
    review: Period | None = None
    """Kỳ được đánh giá: {months: 9, year: 2025}; in cả nhiệm vụ các tháng còn lại."""
    studied: list[DocRef] = []
    """Văn bản được triển khai, quán triệt."""
    studied_from: Text | None = None
    """Khi không nêu từng văn bản: cấp ban hành, ví dụ "Trung ương, Tỉnh ủy"."""
    decided: list[Text] = []
    """Những việc hội nghị quyết định, thống nhất."""

    @model_validator(mode="after")
    def _studied(self):
        if self.studied and self.studied_from:  # studied_from stands for the list when it is not given
            raise ValueError("studied_or_from@studied_from")
        return self


class QuanTriet(EventBase):
    """Hội nghị học tập, quán triệt nghị quyết."""

    kind: Literal["quan-triet"]
    documents: list[DocRef] = Field(min_length=1)
    """Các văn bản được quán triệt."""
    documents_name: Text | None = None
    """Tên chung của các văn bản, ví dụ "Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng
    khóa XIII": in ở tiêu đề và câu mở đầu, từng văn bản kể sau."""
    online: bool = False
    """Hội nghị trực tuyến."""
    bridges: int | None = Field(default=None, ge=1)
    """Số điểm cầu."""
    bridges_where: Text | None = None
    """Các điểm cầu ở đâu, ví dụ "các xã, phường, đặc khu trên địa bàn thành phố"."""
    point: Text | None = None
    """Điểm cầu bài đưa tin, ví dụ "xã Hà Đông"."""
    presenters: list[Text] = []
    """Báo cáo viên (họ tên trong khách mời/chủ trì)."""
    participants: int | None = Field(default=None, ge=1)
    """Số người tham dự."""
    purpose: list[Text] = []
    """Mục đích, yêu cầu (từng ý)."""


KINDS = {"dai-hoi": DaiHoi, "hoi-nghi-tong-ket": TongKet, "kiem-diem": KiemDiem, "so-ket": SoKet,
         "trao-huy-hieu": TraoHuyHieu, "ket-nap": KetNap, "hoi-nghi-bch": HoiNghiBch, "quan-triet": QuanTriet}

Event = Annotated[
    Union[Annotated[DaiHoi, Tag("dai-hoi")], Annotated[TongKet, Tag("hoi-nghi-tong-ket")],
          Annotated[KiemDiem, Tag("kiem-diem")], Annotated[SoKet, Tag("so-ket")],
          Annotated[TraoHuyHieu, Tag("trao-huy-hieu")], Annotated[KetNap, Tag("ket-nap")],
          Annotated[HoiNghiBch, Tag("hoi-nghi-bch")], Annotated[QuanTriet, Tag("quan-triet")]],
    Discriminator("kind"),
]


class Document(RootModel[Event]):
    """A drafter YAML file."""
