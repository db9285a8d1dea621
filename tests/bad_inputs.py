"""Every consistency check and every class of bad input, each with a file that triggers it.

Shared by tests/test_checks.py (a test per row of docs/kiem-tra.md) and the mutation corpus.
Each case: (file content as str or bytes, expected check id or message code, severity).
"""
from conftest import MINIMAL

CONGRESS = MINIMAL["dai-hoi"]
REVIEW = MINIMAL["kiem-diem"]
YEAR_END = MINIMAL["hoi-nghi-tong-ket"]

CHECKS = {
    "ratings-sum": (REVIEW + "ratings:\n  - {subject: chi bộ, total: 10, levels: {tot: 8, xuat-sac: 3}}\n", "error"),
    "share-order": (YEAR_END + "targets_met: {value: 21, total: 20}\n", "error"),
    "percent-range": (YEAR_END + "results:\n  - items: [{text: đạt, value: 118, unit: \"%\"}]\n", "warning"),
    "part-whole": (YEAR_END + "results:\n  - items:\n      - value: 90\n        unit: \"%\"\n"
                   "        of_which: [{value: 95, unit: \"%\"}]\n", "error"),
    "targets-count": (YEAR_END + "targets: {count: 6, items: [a, b]}\n", "warning"),
    "thousands-dot": (YEAR_END + "results:\n  - items: [{text: đổi thẻ cho, value: 2.619, unit: đồng chí}]\n", "warning"),
    "person-unknown": (YEAR_END + "chairs: [Bùi Văn Quang]\nspeech: {speaker: Bùi Văn Quanh, points: [x]}\n", "warning"),
    "name-honorific": (YEAR_END + "chairs:\n  - name: đồng chí Bùi Văn Quang\n", "warning"),
    "person-split": (YEAR_END + "chairs:\n  - Bùi Văn Quang - Bí thư Đảng ủy xã\n", "warning"),
    "list-split": (YEAR_END + "attendee_groups: [cán bộ, công chức]\n", "warning"),
    "committee-size": (CONGRESS + "elections: {committee_size: 3, committee_members: [A, B]}\n", "error"),
    "officer-in-committee": (CONGRESS + "elections:\n  committee_members: [A, B]\n"
                             "  officers: [{name: C, role: Bí thư}]\n", "error"),
    "reelected-previous": (CONGRESS + "elections:\n  officers: [{name: A, role: Bí thư, "
                           "previous: Phó Bí thư khóa XI, reelected: true}]\n", "warning"),
    "weekday": (CONGRESS + "published: {date: 2025-05-20, weekday: Thứ sáu}\n", "error"),
    "published-before": (CONGRESS + "published: {date: 2025-05-19}\n", "error"),
    "review-year": (REVIEW.replace("year: 2025", "year: 2021"), "warning"),
    "event-length": (CONGRESS + "end_date: 2025-06-20\n", "warning"),
    "congress-in-term": (CONGRESS.replace("2025-05-20", "2027-05-20"), "warning"),
    "term-length": (CONGRESS.replace("Chi bộ Thôn 3", "Đảng bộ xã A").replace("2025-2027", "2025-2029"), "warning"),
    "image-path": (CONGRESS + "photos: [{caption: Toàn cảnh, file: ../../etc/passwd}]\n", "error"),
    "photo-no-file": (CONGRESS + "photos: [{caption: Toàn cảnh}]\n", "warning"),
    "report-default": (CONGRESS, "warning"),  # only with --doc report
    "place-exists": (YEAR_END.replace("org: {name: Đảng bộ xã An Hòa}",
                                      "org: {name: Đảng bộ xã A, place: {kind: xã, name: Vinh Dieu}}"), "warning"),
}

# Bad files: each gives one line and exit code 2. (content, message code)
BAD_FILES = {
    "yaml-syntax": ("kind: dai-hoi\norg:\n  name: X\nvenue: Hội trường: tầng 2\n", "yaml_colon_quote"),
    "yaml-brace": ("kind: dai-hoi\norg: {name: X\n", "yaml_brace"),
    "yaml-quote": ("kind: dai-hoi\norg: {name: \"X}\n", "yaml_quote"),
    "no-space-after-colon": ("kind: dai-hoi\nyear:2025\n", "yaml_colon_space"),
    "missing-colon": (CONGRESS + "venue hội trường\n", "yaml_colon_missing"),
    "reserved-start": (YEAR_END + "results:\n  - items: [{value: 5, unit: %}]\n", "yaml_reserved"),
    "indentation": ("kind: dai-hoi\norg:\n  name: X\n  place:\n    kind: xã\n   name: Y\n", "yaml_indent"),
    "list-dash": (CONGRESS + "attendee_groups:\n  - các đồng chí A\n  các đồng chí B\n", "yaml_list_dash"),
    "impossible-date": (CONGRESS.replace("2025-05-20", "2025-02-30"), "date_impossible"),
    "tab": ("kind: dai-hoi\norg:\n\tname: X\n", "yaml_tab"),
    "duplicate-key": (CONGRESS + "ordinal: 13\n", "duplicate_key"),
    "unknown-key": (CONGRESS + "ordinl: 13\n", "extra_forbidden"),
    "wrong-type": (CONGRESS.replace("ordinal: 12", "ordinal: mười hai"), "ordinal_hint"),
    "missing-field": (CONGRESS.replace("term: 2025-2027\n", ""), "missing"),
    "empty-value": (CONGRESS.replace("term: 2025-2027", "term:"), "missing_value"),
    "unknown-kind": ("kind: hop-chi-bo\n", "unknown_kind"),
    "comma-in-flow": (YEAR_END + "results:\n  - items: [{value: 5, after: đảng viên, học tập}]\n", "stray_text"),
    "decimal-comma": (YEAR_END + "results:\n  - items: [{value: 94,1, unit: \"%\"}]\n", "stray_number"),
    "unquoted-time": (CONGRESS + "published: {date: 2025-05-21, time: 1203}\n", "expected_text_quote"),
    "empty-file": ("", "empty_file"),
    "not-mapping": ("- a\n- b\n", "not_mapping"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary_file"),
    "not-utf8": ("kind: dai-hoi\norg: {name: Đảng bộ}\n".encode("cp1258", errors="replace")
                 .replace(b"?", b"\xd0"), "not_utf8"),
    "billion-laughs": ("kind: dai-hoi\na: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6)),
        "too_many_nodes"),
    "too-large": ("kind: dai-hoi\n# " + "x" * (1 << 20) + "\n", "file_too_large"),
    "merge-key": ("kind: dai-hoi\nbase: &b {name: X}\norg:\n  <<: *b\n", "merge_key"),
}


def _legacy_cases():
    """A real example file in each legacy form an office may send."""
    from test_legacy import to_cp1258, to_tcvn3, to_vni

    from conftest import EXAMPLES

    text = (EXAMPLES / "vinh-loc-kiem-diem-2023.yaml").read_text(encoding="utf-8")
    return {
        "legacy-cp1258": (to_cp1258(text), "legacy_encoding"),
        "legacy-tcvn3-pasted": (to_tcvn3(text), "legacy_font"),
        "legacy-vni-pasted": (to_vni(text), "legacy_font"),
    }


BAD_FILES.update(_legacy_cases())

from hostile_inputs import HOSTILE_CHECKS, HOSTILE_FILES  # noqa: E402 (issue 14's, in their own file)

BAD_FILES.update(HOSTILE_FILES)
CHECKS.update(HOSTILE_CHECKS)
