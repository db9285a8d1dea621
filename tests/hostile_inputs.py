"""Bad-input classes of issue 14 (hostile and broken input), merged into bad_inputs.BAD_FILES so each
gets the one-clean-line test and a row in docs/kiem-tra.md. (content, expected message code)."""
from conftest import MINIMAL

CONGRESS = MINIMAL["dai-hoi"]
YEAR_END = MINIMAL["hoi-nghi-tong-ket"]
REVIEW = MINIMAL["kiem-diem"]

TCVN3_VENUE = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"  # "Cộng hòa xã hội chủ nghĩa Việt Nam" typed in .VnTime
VNI_VENUE = "hoäi tröôøng Ñaûng uûy xaõ"  # "hội trường Đảng ủy xã" typed in VNI-Times

BIG = "x" * 400_000

HOSTILE_FILES = {
    "legacy-tcvn3-field": (CONGRESS + f"venue: {TCVN3_VENUE}\n", "legacy_font_field"),
    "legacy-vni-field": (CONGRESS + f"venue: {VNI_VENUE}\n", "legacy_font_field"),
    "sexagesimal": (CONGRESS + "members: 1:30\n", "expected_int"),
    "hex-number": (CONGRESS + "members: 0x1F\n", "expected_int"),
    "bool-as-count": (YEAR_END + "awards: [{collectives: true}]\n", "bool_not_count"),
    "yes-as-count": (YEAR_END + "awards: [{collectives: yes}]\n", "expected_int"),
    "huge-number": (YEAR_END + "results:\n  - items: [{text: thu, value: 1e400, unit: đồng}]\n", "number_too_long"),
    "long-integer": (CONGRESS + "members: 123456789012345678901234567890\n", "number_too_long"),
    "yaml-tag": (CONGRESS + "venue: !!binary aMOgIG7hu5lp\n", "yaml_tag"),
    "utf16-broken": (b"\xff\xfe\x00junk", "not_utf16"),
    "utf16-lone-surrogate": (b"\xff\xfe" + "kind: dai-hoi\n".encode("utf-16-le") + b"\x00\xd8", "not_utf16"),
    "bad-escape": (CONGRESS + 'venue: "\\ud800"\n', "yaml_escape"),
    "too-deep": (CONGRESS + "venue: " + "[" * 900 + "]" * 900 + "\n", "too_deep"),
    "alias-expansion": (CONGRESS + f"x: &big {BIG}\nattendee_groups: [" + ", ".join(["*big"] * 20) + "]\n",
                        "too_much_text"),
    "kind-not-text": ("kind: [dai-hoi]\n", "unknown_kind"),
    "end-before-date": (CONGRESS + "end_date: 2025-05-19\n", "end_before_start"),
    "control-char": (CONGRESS + 'headline: "Đại hội \\e[2J\\e[31m"\n', "control_char"),
    "private-use-char": (CONGRESS + 'venue: "\\ue000hội trường"\n', "control_char"),
    "nul-in-path": (CONGRESS + 'photos: [{caption: Toàn cảnh, file: "anh\\0.png"}]\n', "control_char"),
    # a check (negative-value), listed here as its acknowledgement still fails the fact audit ("-5" is read as 5)
    "negative-figure": (YEAR_END + "results:\n  - items: [{text: kết nạp, value: -5, unit: đảng viên}]\n",
                        "negative_value"),
}

# Consistency checks of issue 14, merged into bad_inputs.CHECKS: (content, severity).
HOSTILE_CHECKS = {
    "invisible-char": (YEAR_END + 'chairs: ["Bùi Văn\\u200b Quang"]\n', "warning"),
    "ordinal-range": (CONGRESS.replace("ordinal: 12", "ordinal: 2025"), "warning"),
    "delegates-members": (CONGRESS + "members: 30\ndelegates: 45\n", "error"),
    "committee-duplicate": (CONGRESS + "elections: {committee_members: [Lê Văn An, Trần Thị Bình, Lê Văn An]}\n",
                            "error"),
    "officer-twice": (CONGRESS + "elections:\n  officers: [{name: Lê Văn An, role: Bí thư}, "
                      "{name: Trần Thị Bình, role: Bí thư}]\n", "error"),
    "rated-members": (REVIEW + "members: 20\nratings:\n  - {subject: đảng viên, levels: {tot: 25}}\n", "error"),
}
