"""The data model: what a drafter YAML file may say."""
from .common import (
    ReportMeta,
    Signer,
    Award,
    Byline,
    Count,
    Figure,
    Organisation,
    Person,
    Photo,
    Place,
    Published,
    ResultGroup,
    Speech,
    Style,
    Targets,
)
from .events import (
    KINDS,
    DaiHoi,
    Document,
    Elections,
    EventBase,
    HoiNghiBch,
    KetNap,
    KiemDiem,
    Officer,
    QuanTriet,
    Rating,
    SoKet,
    TongKet,
    TraoHuyHieu,
)
from .genre import Attendance, Badges, BadgeTier, DocRef, ReportItem, TargetsReached, UnitRating

__all__ = ["ReportMeta", "Signer", "Award", "Byline", "Count", "DaiHoi", "Document", "Elections", "EventBase", "Figure",
           "KINDS", "KiemDiem", "Officer", "Organisation", "Person", "Photo", "Place", "Published",
           "Rating", "ResultGroup", "Speech", "Style", "Targets", "TongKet", "SoKet", "TraoHuyHieu", "KetNap",
           "HoiNghiBch", "QuanTriet", "Attendance", "Badges", "BadgeTier", "DocRef", "ReportItem",
           "TargetsReached", "UnitRating"]
