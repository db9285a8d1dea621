"""Issue 14, high: classes where a fact changed silently or the process hung.

Each test names its class; the cases are examples of the class, not the whole of it.
"""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.tools.cli import app
from drafter.errors import DrafterError
from drafter.read.loader import load_text

from conftest import EXAMPLES, MINIMAL
from hostile_inputs import TCVN3_VENUE, VNI_VENUE

runner = CliRunner()
CONGRESS = MINIMAL["dai-hoi"]
YEAR_END = MINIMAL["hoi-nghi-tong-ket"]


def render(path, *args):
    return runner.invoke(app, ["render", str(path), *args, "--lang", "en"])


# ---- legacy font text in one field of a Unicode file ------------------------------------------


@pytest.mark.parametrize("pasted, encoding, expected", [
    (TCVN3_VENUE, "tcvn3", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    (VNI_VENUE, "vni", "hội trường Đảng ủy xã"),
    ("NguyÔn V¨n Hïng", "tcvn3", "Nguyễn Văn Hùng"),  # a name: three words
])
def test_a_pasted_field_is_named_then_converted_alone(write, pasted, encoding, expected):
    path = write(YEAR_END + f"venue: {pasted}\nchairs: [Vừ Minh Tâm]\n")
    refused = render(path)
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (f"{path}:5:8: venue: text typed in the "
                                      f"{'.VnTime (TCVN3)' if encoding == 'tcvn3' else 'VNI-Times'} font and "
                                      f"pasted; convert it to Unicode (Unikey's converter) or run with "
                                      f"--from-encoding {encoding} (only such fields are converted)")
    converted = render(path, "--from-encoding", encoding)
    assert converted.exit_code == 0, converted.stderr
    assert expected in converted.stdout
    assert "Vừ Minh Tâm" in converted.stdout  # the genuine Unicode field is untouched


def test_from_encoding_on_a_unicode_file_is_refused(write):
    path = write(CONGRESS + "chairs: [Vừ Minh Tâm]\n")
    for encoding in ("tcvn3", "vni", "cp1258"):
        result = render(path, "--from-encoding", encoding)
        assert result.exit_code == 2, encoding
        assert result.stderr.startswith(f"{path}: the file is "), result.stderr
        assert "Vừ Minh Tõm" not in result.output


# ---- YAML 1.1 coercions: a number is read as written, a boolean is never a count --------------


def test_numbers_are_read_as_written():
    data = load_text("a: 017\nb: 010\nc: 0.125\nd: 94.125\ne: 1:30\nf: yes\ng: 0x1F\nh: 1_000\ni: !!str 017\n").data
    assert data["a"] == 17 and data["b"] == 10
    assert str(data["c"]) == "0.125" and str(data["d"]) == "94.125"  # Decimal, the digits as typed
    assert data["e"] == "1:30" and data["f"] == "yes" and data["g"] == "0x1F" and data["h"] == "1_000"
    assert data["i"] == "017"


def test_leading_zero_counts_keep_their_value(write):
    path = write(YEAR_END + "results:\n  - items: [{text: kết nạp, value: 017, unit: đảng viên}, "
                            "{text: chuyển, value: 010, unit: đảng viên}]\n")
    result = render(path)
    assert result.exit_code == 0, result.stderr
    assert "Kết nạp 17 đảng viên; chuyển 10 đảng viên" in result.stdout


def test_unquoted_time_is_the_time_written(write):
    path = write(CONGRESS + "published: {date: 2025-05-21, time: 12:03}\n")
    result = render(path)
    assert result.exit_code == 0, result.stderr
    assert "21/05/2025 12:03" in result.stdout


@pytest.mark.parametrize("value, code", [("true", "expected a number, not true/false"),
                                         ("false", "expected a number, not true/false"),
                                         ("yes", "expected a whole number"), ("on", "expected a whole number"),
                                         ("1:30", "expected a whole number")])
def test_a_boolean_or_sexagesimal_is_never_a_count(write, value, code):
    for text in (f"awards: [{{collectives: {value}}}]\n", f"results:\n  - items: [{{value: {value}, unit: x}}]\n",
                 f"members: {value}\n"):
        path = write(YEAR_END + text)
        result = render(path)
        assert result.exit_code == 2, (text, result.stdout)
        # value takes decimals: "a number" there, "a whole number" for counts
        expected = code.replace("a whole number", "a number") if "value:" in text else code
        assert expected in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_rating_levels_refuse_booleans(write):
    path = write(MINIMAL["kiem-diem"] + "ratings:\n  - {subject: chi bộ, levels: {tot: true}}\n")
    result = render(path)
    assert result.exit_code == 2
    assert ":6:32:" in result.stderr and "ratings[0].levels.tot: expected a number, not true/false" in result.stderr


# ---- decimals keep the user's digits -------------------------------------------------------------


@pytest.mark.parametrize("value, unit, printed", [
    ("0.125", "tỷ đồng", "0,125 tỷ đồng"), ("94.125", '"%"', "94,125%"), ("2.5", "ha", "2,5 ha"),
    ("1234.5678", "tấn", "1.234,5678 tấn"), ("94.10", '"%"', "94,1%"), ("0.0001", "ha", "0,0001 ha"),
])
def test_decimals_are_never_rounded(write, value, unit, printed):
    path = write(YEAR_END + f"results:\n  - items: [{{text: đạt, value: {value}, unit: {unit}}}]\n")
    result = render(path, "--format", "txt")
    assert result.exit_code == 0, result.stderr
    assert f"Đạt {printed}." in result.stdout


def test_money_is_never_rounded():
    from drafter.compose.filters import money

    assert money(1_500_000_000) == "1,5 tỷ đồng"
    assert money(1_234_567_891) == "1.234.567.891 đồng"  # not "1,23 tỷ đồng"
    assert money(1_230_000_000) == "1,23 tỷ đồng"


# ---- Ctrl-C and kill -9 on a batch ---------------------------------------------------------------


def _batch_folder(tmp_path, count):
    src = tmp_path / "in"
    src.mkdir()
    text = (EXAMPLES / "vp-ubnd-tinh-dai-hoi-2020.yaml").read_text(encoding="utf-8")
    for i in range(count):
        (src / f"d{i}.yaml").write_text(text, encoding="utf-8")
    return src


def test_ctrl_c_stops_a_batch_cleanly(tmp_path):
    src, out = _batch_folder(tmp_path, 3000), tmp_path / "out"
    env = {**os.environ, "DRAFTER_CACHE": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "render", str(src), "-o", str(out),
                             "--format", "docx,html", "--jobs", "3"], start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.is_dir() and len(os.listdir(out)) > 20):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does: the whole process group
    started = time.monotonic()
    try:
        _, stderr = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the batch hung after Ctrl-C")
    assert time.monotonic() - started < 10
    assert proc.returncode == 130, stderr
    assert stderr.strip().splitlines() == ["drafter: stopped (Ctrl-C); files already written are kept, "
                                           "none is half-written"] or stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    assert not [n for n in os.listdir(out) if n.endswith(".tmp")]
    assert len(os.listdir(out)) < 6000  # it really stopped early


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_runs_temporary_files_are_removed_by_the_next_run(tmp_path):
    src, out = _batch_folder(tmp_path, 2), tmp_path / "out"
    out.mkdir()
    stale = out / f".d0.docx.{_dead_pid()}-140-3.tmp"
    live = out / f".d0.docx.{os.getpid()}-140-4.tmp"  # a run still going: not touched
    users = out / ".notes.tmp"  # not drafter's name pattern
    old_style, fresh_old_style = out / ".d1.docx.k3j_9xab.tmp", out / ".d1.html.k3j_9xab.tmp"  # no pid
    for f in (stale, live, users, old_style, fresh_old_style):
        f.write_bytes(b"half")
    os.utime(old_style, (time.time() - 7200, time.time() - 7200))
    result = runner.invoke(app, ["render", str(src), "-o", str(out), "--format", "docx"])
    assert result.exit_code == 0, result.stderr
    assert not stale.exists() and live.exists() and users.exists()
    assert not old_style.exists() and fresh_old_style.exists()  # an hour old: a dead run's
    # a single -o FILE tidies its own leftovers too
    stale2 = out / f".one.txt.{_dead_pid()}-1-0.tmp"
    stale2.write_bytes(b"half")
    assert runner.invoke(app, ["render", str(src / "d0.yaml"), "-o", str(out / "one.txt")]).exit_code == 0
    assert not stale2.exists()


# ---- the sandbox: constant folding and single huge operations ----------------------------------


HUGE = [
    ("{{ (9**(9**9)) > 1 }}", "template computes a number too large"),
    ('{{ "a"*10**9 }}', "template produced over"),
    ('{{ [1, 2]*10**9 }}', "template produced over"),
    ('{{ "x"|center(1000000000) }}', "template produced over"),
    ('{{ "x".ljust(10**9) }}', "template produced over"),
    ('{{ "{:>1000000000}".format("x") }}', "template produced over"),
    ('{{ "%1000000000s" % "x" }}', "template produced over"),
    ('{{ "x"|format() ~ "%1000000000s"|format("y") }}', "template produced over"),
    ('{{ [1]|batch(1000000000, 0)|list|length }}', "template produced over"),
    ('{{ ("a" * 4000000)|replace("a", "aaaa") }}', "template produced over"),
    ('{% set ns = namespace(s="ab") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}'
     '{{ ns.s|length }}', "template produced over"),
    ('{% set ns = namespace(n=3) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}{% endfor %}'
     '{{ ns.n > 1 }}', "template computes a number too large"),
]


@pytest.mark.parametrize("template, message", HUGE, ids=[t[:30] for t, _ in HUGE])
def test_a_single_huge_operation_is_refused_at_once(tmp_path, monkeypatch, template, message):
    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "mau" / "hoi-nghi-tong-ket"
    folder.mkdir(parents=True)
    (folder / "bai.j2").write_text(template + "\n", encoding="utf-8")
    yaml = tmp_path / "x.yaml"
    yaml.write_text(YEAR_END, encoding="utf-8")
    started = time.monotonic()
    result = render(yaml, "--templates", str(tmp_path / "mau"))
    assert time.monotonic() - started < 5
    assert result.exit_code == 2, result.stdout[:200]
    assert result.stderr.startswith(f"{folder / 'bai.j2'}:1:") and message in result.stderr, result.stderr
    cache = tmp_path / "cache"
    assert all(f.stat().st_size < 1 << 20 for f in cache.rglob("*") if f.is_file())  # no 1 GB constant


def test_templates_check_does_not_fold_a_huge_constant(tmp_path):
    folder = tmp_path / "mau" / "hoi-nghi-tong-ket"
    folder.mkdir(parents=True)
    (folder / "bai.j2").write_text("{{ (9**(9**9)) > 1 }} {{ 'a' * 10**9 }}\n", encoding="utf-8")
    started = time.monotonic()
    runner.invoke(app, ["templates", "check", str(tmp_path / "mau")])
    assert time.monotonic() - started < 5


def test_ordinary_arithmetic_still_works(tmp_path):
    from drafter.compose.templating import environment

    env = environment(())
    out = env.from_string('{{ 2**10 }} {{ "ab" * 3 }} {{ "%05d" % 3 }} {{ "a" ~ 1 }} {{ [1] + [2] }} '
                          '{{ "{:>4}".format("x") }} {{ "x"|center(5) }}|{{ 7 % 3 }}').render()
    assert out == "1024 ababab 00003 a1 [1, 2]    x   x  |1"


# ---- FIFOs, devices, folders as input -------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_fifo_and_devices_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "su-kien.yaml"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        started = time.monotonic()
        result = runner.invoke(app, ["validate", str(path), "--lang", "en"])
        assert time.monotonic() - started < 5
        assert result.exit_code == 2
        assert result.stderr.strip() == f"{path}: not a regular file (a folder, FIFO or device): not read"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_in_a_batch_folder_is_skipped(tmp_path):
    src = _batch_folder(tmp_path, 2)
    os.mkfifo(src / "ong.yaml")
    proc = subprocess.run([sys.executable, "-m", "drafter", "render", str(src), "-o", str(tmp_path / "out"),
                           "--format", "txt", "--lang", "en"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1  # one file failed, the others were rendered
    assert f"{src / 'ong.yaml'}: not a regular file" in proc.stderr
    assert sorted(os.listdir(tmp_path / "out")) == ["d0.txt", "d1.txt"]


def test_size_limit_is_checked_on_what_is_read(tmp_path):
    from drafter.read import loader

    big = tmp_path / "big.yaml"
    big.write_bytes(b"a" * (loader.MAX_BYTES + 1))
    with pytest.raises(DrafterError) as caught:
        loader.read_bytes(big)
    assert caught.value.issues[0].code == "file_too_large"
    assert loader.read_bytes(big, limit=loader.MAX_BYTES + 1) == b"a" * (loader.MAX_BYTES + 1)


@pytest.mark.parametrize("value", ["5 µm", "© 2024", "½ ha", "25°C", "Müller", "naïve façade", "São Paulo",
                                   "Zürich", "Đảng bộ xã Vĩnh Lộc", "Bà Rịa – Vũng Tàu", "“Đoàn kết”", "H’Mông",
                                   "Lê Thị Ðào", "§ 3 ¶ 2", "x²"])
def test_genuine_values_are_never_taken_for_a_legacy_paste(value):
    from drafter.read.legacy import detect_value

    assert detect_value(value) is None


def test_with_the_flag_a_one_word_field_is_converted_too(write):
    path = write(YEAR_END + f"venue: {TCVN3_VENUE}\nbyline: {{authors: [Hµ]}}\n")
    result = render(path, "--from-encoding", "tcvn3")
    assert result.exit_code == 0, result.stderr
    assert "Cộng hòa xã hội chủ nghĩa Việt Nam" in result.stdout and "Hà" in result.stdout
