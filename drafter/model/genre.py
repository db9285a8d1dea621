"""Building blocks the real articles of the genre need (issue 12): documents cited, attendance,
reports presented, the unit's own rating, Party badges by tier."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Date, Model, Number, Text, TimeOfDay

RatingLevel = Literal["xuat-sac", "tot", "hoan-thanh", "khong-hoan-thanh"]


class DocRef(Model):
    """Một văn bản được nhắc tới: "Kế hoạch số 07-KH/ĐU, ngày 18/11/2020 của Đảng ủy phường về …"."""

    type: Text
    """Loại văn bản: "Kế hoạch", "Quyết định", "Nghị quyết", "Chương trình hành động"…"""
    number: Text | None = None
    """Số và ký hiệu, ví dụ "07-KH/ĐU"."""
    date: Date | None = None
    """Ngày ban hành."""
    issuer: Text | None = None
    """Cơ quan ban hành, ví dụ "Đảng ủy phường"."""
    subject: Text | None = None
    """Trích yếu, in sau chữ "về", ví dụ "kiểm điểm, đánh giá, xếp loại chất lượng năm 2020"."""


class Attendance(Model):
    """Số có mặt: "17/17 đảng viên", "12 đảng viên (11 chính thức, 01 dự bị)"."""

    present: int = Field(ge=1)
    """Số có mặt."""
    total: int | None = Field(default=None, ge=1)
    """Tổng số được triệu tập, nếu biết (in dạng "17/17")."""
    percent: Number | None = None
    """Tỷ lệ có mặt (%), nếu bài nêu."""
    full: int | None = Field(default=None, ge=0)
    """Trong đó đảng viên chính thức."""
    probationary: int | None = Field(default=None, ge=0)
    """Trong đó đảng viên dự bị."""

    @model_validator(mode="after")
    def _fits(self):
        if self.total is not None and self.present > self.total:
            raise ValueError("attendance_over_total")
        if self.full is not None and self.probationary is not None and self.full + self.probationary != self.present:
            raise ValueError("attendance_parts")
        return self


class ReportItem(Model):
    """Một báo cáo, văn bản trình bày tại hội nghị, đại hội."""

    title: Text
    """Tên văn bản, ví dụ "Báo cáo chính trị nhiệm kỳ 2022-2025"."""
    presenter: Text | None = None
    """Họ tên người trình bày."""
    presenter_role: Text | None = None
    """Chức vụ người trình bày; một mình khi bài không nêu tên, ví dụ "Bí thư Chi bộ"."""
    on_behalf: Text | None = None
    """Thay mặt ai, ví dụ "Chi ủy"."""
    adopted: bool = False
    """Được thông qua, nhất trí."""


class TargetsReached(Model):
    """"Đạt và vượt chỉ tiêu" khi bài không nêu số."""

    share: Literal["all", "many", "most"] = "all"
    """all: "các chỉ tiêu"; many: "nhiều chỉ tiêu"; most: "hầu hết các chỉ tiêu"."""
    area: Text | None = None
    """Lĩnh vực, ví dụ "kinh tế - xã hội"."""
    against: Literal["nghị quyết", "kế hoạch"] = "nghị quyết"
    """So với Nghị quyết hay kế hoạch."""
    outcome: Literal["đạt và vượt", "đạt", "hoàn thành", "hoàn thành toàn diện"] = "đạt và vượt"
    """Kết quả như bài viết: "đạt và vượt" (mặc định), "đạt", "hoàn thành", "hoàn thành toàn diện"."""


class UnitRating(Model):
    """Xếp loại, xếp hạng của chính tổ chức đảng: "được Ban Thường vụ Huyện ủy xếp loại …"."""

    level: RatingLevel | None = None
    """Mức xếp loại."""
    by: Text | None = None
    """Cấp xếp loại, ví dụ "Ban Thường vụ Huyện ủy"."""
    year: int | None = Field(default=None, ge=1930, le=2200)
    """Năm được xếp loại, nếu khác năm của hội nghị."""
    rank: int | None = Field(default=None, ge=1)
    """Thứ hạng, ví dụ 1 trong "xếp thứ 1/17 phường"."""
    rank_of: int | None = Field(default=None, ge=1)
    """Số đơn vị cùng xếp hạng, ví dụ 17."""
    rank_among: Text | None = None
    """Loại đơn vị cùng xếp hạng, ví dụ "phường"."""

    @model_validator(mode="after")
    def _something(self):
        if self.level is None and self.rank is None:
            raise ValueError("unit_rating_empty")
        if (self.rank_of is not None or self.rank_among) and (self.rank is None or (self.rank_of or self.rank) < self.rank):
            raise ValueError("rank_over_total")
        return self


class Recipient(Model):
    """Một người được nêu tên: họ tên, năm sinh."""

    name: Text
    born: int | None = Field(default=None, ge=1880, le=2200)
    """Năm sinh."""


class BadgeTier(Model):
    """Một mốc Huy hiệu: "40 năm tuổi Đảng: 05 đồng chí"."""

    years: int = Field(ge=30, le=100)
    """Số năm tuổi Đảng: 30, 40, 45, 50, 55, 60, 65, 70, 75, 80…"""
    count: int | None = Field(default=None, ge=1)
    """Số đảng viên nhận Huy hiệu mốc này, nếu biết."""
    recipients: list[Recipient] = []
    """Người nhận được nêu tên."""
    presenter: Text | None = None
    """Người trao riêng mốc này (họ tên trong khách mời/chủ trì)."""

    @model_validator(mode="after")
    def _fits(self):
        if self.count is not None and len(self.recipients) > self.count:
            raise ValueError("tier_names_over_count")
        return self


class Badges(Model):
    """Trao Huy hiệu Đảng."""

    total: int | None = Field(default=None, ge=1)
    """Tổng số đảng viên được trao."""
    tiers: list[BadgeTier] = []
    """Các mốc, theo thứ tự bài nêu."""
    batches: list[Date] = []
    """Đợt trao theo ngày, ví dụ [2023-02-03, 2023-05-19] in "đợt 3/2 và 19/5/2023"."""
    decided_by: Text | None = None
    """Cấp quyết định tặng Huy hiệu, ví dụ "Ban Thường vụ Tỉnh ủy"."""
    presenter: Text | list[Text] | None = None
    """Người trao (họ tên trong khách mời/chủ trì) hoặc cơ quan, ví dụ "Đảng ủy xã"; nhiều người:
    [Trương Thị Bích Hạnh, lãnh đạo Đảng ủy phường]."""
    on_behalf: Text | None = None
    """Trao thừa ủy quyền của ai, ví dụ "Ban Thường vụ Tỉnh ủy"."""

    @model_validator(mode="after")
    def _fits(self):
        counted = [t.count for t in self.tiers]
        if self.total is None and not self.tiers:
            raise ValueError("badges_empty")
        if self.total is not None and all(c is not None for c in counted) and self.tiers \
                and sum(counted) != self.total:
            raise ValueError(f"badges_sum:sum={sum(counted)},total={self.total}")
        return self


class Preparatory(Model):
    """Phiên trù bị của đại hội."""

    date: Date
    time_of_day: TimeOfDay | None = None
    steps: list[Text] = []
    """Việc đã làm, ví dụ "bầu Đoàn Chủ tịch"."""


class Period(Model):
    """Kỳ sơ kết: 6 tháng, 9 tháng đầu năm…"""

    months: int = Field(ge=1, le=11)
    """Số tháng đầu năm được sơ kết: 3, 6, 9."""
    year: int = Field(ge=1930, le=2200)
