import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "seeds"

MINIMAL = {
    "dai-hoi": """\
kind: dai-hoi
org: {name: Chi bộ Thôn 3}
date: 2025-05-20
ordinal: 12
term: 2025-2027
""",
    "hoi-nghi-tong-ket": """\
kind: hoi-nghi-tong-ket
org: {name: Đảng bộ xã An Hòa}
date: 2025-12-20
year: 2025
""",
    "kiem-diem": """\
kind: kiem-diem
org: {name: Đảng bộ xã An Hòa}
date: 2025-12-22
year: 2025
""",
    "so-ket": """\
kind: so-ket
org: {name: Đảng bộ xã An Hòa}
date: 2025-07-10
period: {months: 6, year: 2025}
""",
    "trao-huy-hieu": """\
kind: trao-huy-hieu
org: {name: Đảng bộ xã An Hòa}
date: 2025-09-02
badges: {total: 5}
""",
    "ket-nap": """\
kind: ket-nap
org: {name: Chi bộ Thôn 3}
date: 2025-06-10
new_members: [Lê Thị Hoa]
""",
    "hoi-nghi-bch": """\
kind: hoi-nghi-bch
org: {name: Đảng bộ xã An Hòa}
date: 2025-10-02
""",
    "quan-triet": """\
kind: quan-triet
org: {name: Đảng bộ xã An Hòa}
date: 2025-11-19
documents: [{type: Nghị quyết, number: 09-NQ/ĐH}]
""",
}


@pytest.fixture
def write(tmp_path):
    """Write a YAML text (or bytes) to a file in tmp_path and return its path."""
    def _write(content, name="event.yaml"):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path
    return _write


@pytest.fixture
def examples_copy(tmp_path):
    target = tmp_path / "examples"
    shutil.copytree(EXAMPLES, target)
    return target
