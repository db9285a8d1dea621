"""Issue 15, item 2: the command line's own frame speaks the user's language.

Vietnamese by default (help, usage line, parse errors, metavars, summaries), English with
--lang en or an English LANG; --version; one line saying what each command did; did-you-mean
for commands, options, kinds, styles and template names.
"""
import re
from importlib.metadata import version

import pytest
from typer.testing import CliRunner

from drafter.tools.cli import app

from conftest import EXAMPLES

runner = CliRunner()
EXAMPLE = EXAMPLES / "vinh-loc-kiem-diem-2023.yaml"
COMMANDS = [[], ["validate"], ["render"], ["golden"], ["new"], ["schema"], ["templates"],
            ["templates", "list"], ["templates", "show"], ["templates", "eject"], ["templates", "check"]]
ENGLISH_FRAME = ("Usage", "Options:", "Arguments:", "Commands:", "Show this message", "[default",
                 "[required]", "<list[Path]>", "<str>", "<path>", "<int", "{files}", "x>=", "...:")
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)


@pytest.fixture(autouse=True)
def no_english_locale(monkeypatch):
    for var in ("DRAFTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "drafter")
def test_help_is_vietnamese_by_default(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Cách dùng: {' '.join(['drafter', *command])} [TÙY_CHỌN]")
    assert "Tùy chọn:" in result.stdout and "--help" in result.stdout and "Hiện hướng dẫn này rồi thoát." in result.stdout
    assert not [word for word in ENGLISH_FRAME if word in result.stdout], result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "drafter")
@pytest.mark.parametrize("how", ["--lang", "LANG"])
def test_help_is_english_with_lang_en(command, how, monkeypatch):
    if how == "LANG":
        monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = runner.invoke(app, [*command, "--help"] + (["--lang", "en"] if how == "--lang" else []))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: {' '.join(['drafter', *command])} [OPTIONS]")
    assert "Show this message and exit." in result.stdout
    # every help text, metavar and summary has its English: no Vietnamese left in the frame
    assert not VIETNAMESE.search(result.stdout), result.stdout


def test_usage_line_and_options_are_plain_words():
    out = runner.invoke(app, ["render", "--help"]).stdout
    assert out.startswith("Cách dùng: drafter render [TÙY_CHỌN] TỆP_YAML...\n")
    assert "--output, -o TỆP " in out and "--jobs, -j N " in out and "[mặc định: txt]" in out


def test_summaries_are_whole_sentences():
    out = runner.invoke(app, ["--help"]).stdout
    rows = re.findall(r"^  (validate|render|golden|new|schema|templates) +(.+)$", out, re.M)
    assert len(rows) == 6
    for name, summary in rows:
        assert summary.endswith(".") and not summary.endswith("..."), (name, summary)
        full = runner.invoke(app, [name, "--help"]).stdout
        assert summary in " ".join(full.split()), name


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"drafter {version('drafter')}\n"


@pytest.mark.parametrize("args, vi, en", [
    (["render", str(EXAMPLE), "--nope"], "Lỗi: không có tùy chọn --nope", "Error: no option --nope"),
    (["render", str(EXAMPLE), "--frmat", "md"], "Lỗi: không có tùy chọn --frmat; có phải ý bạn là '--format'?",
     "Error: no option --frmat; did you mean '--format'?"),
    (["rendr", str(EXAMPLE)], "Lỗi: không có lệnh 'rendr'; có phải ý bạn là 'render'?",
     "Error: no command 'rendr'; did you mean 'render'?"),
    (["render"], "Lỗi: thiếu TỆP_YAML: Tệp YAML", "Error: missing YAML_FILE: YAML file"),
    (["render", str(EXAMPLE), "--jobs", "nhiều"], "Lỗi: giá trị không hợp lệ cho --jobs: cần một số nguyên",
     "Error: invalid value for --jobs: expected a whole number"),
])
def test_parse_errors_in_the_users_language(args, vi, en):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Cách dùng: drafter" in result.stderr and "Xem hướng dẫn: drafter" in result.stderr
    assert vi in result.stderr, result.stderr
    result = runner.invoke(app, args + ["--lang", "en"])
    assert result.exit_code == 2 and en in result.stderr and "Usage: drafter" in result.stderr, result.stderr


def test_number_limits_are_our_messages():
    result = runner.invoke(app, ["render", str(EXAMPLE), "--jobs", "0"])
    assert result.exit_code == 2 and result.stderr.strip() == "--jobs: giá trị phải từ 1 trở lên"


def test_no_arguments_shows_the_help():
    result = runner.invoke(app, [])
    assert result.exit_code == 0 and result.stdout.startswith("Cách dùng: drafter")


def test_lang_before_the_command_counts_too(tmp_path):
    result = runner.invoke(app, ["--lang", "en", "validate", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2 and result.stderr.strip().endswith("file not found")


def test_each_command_says_what_it_did(tmp_path, monkeypatch):
    result = runner.invoke(app, ["validate", str(EXAMPLE)])
    assert result.exit_code == 0 and result.stderr == "Không có lỗi (1 tệp)\n"
    out = tmp_path / "bai.txt"
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0 and result.stderr == f"Đã ghi {out}\n"
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(out), "--lang", "en"])
    assert result.stderr == f"Wrote {out}\n"
    result = runner.invoke(app, ["templates", "check"])
    *warnings, said = result.stderr.splitlines()  # the template rules warn (template_rules.py)
    assert result.exit_code == 0 and said.startswith("Các mẫu không có lỗi")
    assert all(": cảnh báo: " in w for w in warnings), warnings
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "dai-hoi", "-o", "moi.yaml"])
    assert result.stderr.startswith("Đã tạo moi.yaml (dai-hoi)")


def test_did_you_mean_for_styles_and_template_names():
    result = runner.invoke(app, ["render", str(EXAMPLE), "--template", "tn"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("kiem-diem/tn.j2: không tìm thấy mẫu 'kiem-diem/tn.j2'; "
                                     "có phải ý bạn là 'kiem-diem/tin.j2'?")
    result = runner.invoke(app, ["templates", "show", "bai"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("bai.j2: không tìm thấy mẫu 'bai.j2'; có phải ý bạn là 'dai-hoi/bai.j2', "
                                     "'hoi-nghi-bch/bai.j2', 'hoi-nghi-tong-ket/bai.j2', 'ket-nap/bai.j2', "
                                     "'kiem-diem/bai.j2', 'quan-triet/bai.j2', 'so-ket/bai.j2' hoặc "
                                     "'trao-huy-hieu/bai.j2'?")
    result = runner.invoke(app, ["render", str(EXAMPLE), "--template", "xyzzy", "--lang", "en"])
    assert "(known: kiem-diem/bai.j2, kiem-diem/bao-cao.j2, kiem-diem/tin.j2)" in result.stderr
