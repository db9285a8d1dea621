"""Bad-input classes of issue 14 (hostile and broken input), merged into bad_inputs.BAD_FILES so each
gets the one-clean-line test and a row in docs/kiem-tra.md. (content, expected message code)."""
from conftest import MINIMAL

CONGRESS = MINIMAL["dai-hoi"]
YEAR_END = MINIMAL["hoi-nghi-tong-ket"]

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
}
