"""The command line's own frame in the user's language: usage line, option lists, parse errors.

Typer's help and errors are English and programmer-facing ("Usage", "<list[Path]>", "[x>=1]",
"No such option"). The classes here format them for an office clerk: Vietnamese by default,
English with --lang en or an English LANG. Help strings are written in Vietnamese in cli.py;
EN below gives each its English. Only typer (loaded anyway) is imported here.
"""
from __future__ import annotations

import re
import sys

from typer import Abort, _click
from typer.core import TyperArgument, TyperCommand, TyperGroup

from ..messages import choose, language

# Vietnamese help text, metavar or frame word -> English
EN = {
    # frame
    "Cách dùng: ": "Usage: ",
    "Tùy chọn": "Options",
    "Đối số": "Arguments",
    "Lệnh": "Commands",
    "[TÙY_CHỌN]": "[OPTIONS]",
    "LỆNH [ĐỐI_SỐ]...": "COMMAND [ARGS]...",
    "Hiện hướng dẫn này rồi thoát.": "Show this message and exit.",
    "mặc định": "default",
    "bắt buộc": "required",
    "Xem hướng dẫn: {command} --help": "For help: {command} --help",
    "Lỗi": "Error",
    "Đã dừng.": "Aborted.",
    # metavars
    "TỆP_YAML": "YAML_FILE", "THƯ_MỤC": "FOLDER", "TỆP": "FILE", "ĐỊNH_DẠNG": "FORMAT", "N": "N",
    "LOẠI": "DOC", "KIỂU": "STYLE", "TỆP_DOCX": "DOCX_FILE", "BẢNG_MÃ": "ENCODING", "MẪU": "TEMPLATE",
    "vi|en": "vi|en",
    # root
    "drafter: soạn tin bài và báo cáo về đại hội, hội nghị của Đảng từ tệp YAML.":
        "drafter: drafts news articles and Party reports about congresses and conferences from a YAML file.",
    "In số phiên bản của drafter rồi thoát.": "Print drafter's version and exit.",
    "Ngôn ngữ thông báo: vi (mặc định) hoặc en.": "Language of messages: vi (default) or en.",
    "Coi cảnh báo là lỗi.": "Treat warnings as errors.",
    "Chuyển tệp từ bảng mã cũ: tcvn3, vni, cp1258.": "Convert the file from a legacy encoding: tcvn3, vni, cp1258.",
    # validate
    "Kiểm tra tệp YAML, số liệu và bài soạn thử. Mỗi lỗi một dòng TỆP:DÒNG:CỘT: trường: thông báo.":
        "Check YAML files, their figures and a trial rendering. One line per problem: FILE:LINE:COL: field: message.",
    "Các tệp YAML cần kiểm tra.": "The YAML files to check.",
    "Văn bản được soạn thử để kiểm tra: article (tin bài), report (báo cáo), resolution (nghị quyết)…":
        "The document rendered on trial for the check: article, report, resolution…",
    "Kiểu bài, ví dụ bai, tin.": "Style, e.g. bai, tin.",
    # render
    "Soạn bài từ tệp YAML.": "Draft the document from a YAML file.",
    "Tệp YAML (hoặc nhiều tệp, thư mục: soạn hàng loạt).": "YAML file (or several files, folders: batch).",
    "txt, md, html, docx, pdf; nhiều định dạng: docx,html.": "txt, md, html, docx, pdf; several: docx,html.",
    "Tệp kết quả (mặc định: in ra màn hình); thư mục khi soạn hàng loạt.":
        "Output file (default: the screen); a folder for a batch.",
    "Số tiến trình khi soạn hàng loạt (mặc định: số CPU).": "Processes for a batch (default: the CPU count).",
    "Loại văn bản: article (tin bài), report (báo cáo), resolution (nghị quyết đại hội)…":
        "Document: article, report, resolution (a congress's resolution)…",
    "Kiểu bài, ví dụ bai, tin; hoặc tên tệp mẫu.": "Style, e.g. bai, tin; or a template file name.",
    "Thư mục mẫu của cơ quan (ưu tiên hơn mẫu có sẵn).": "Office template folder (before the built-ins).",
    "Tệp DOCX mẫu lấy kiểu chữ, khổ giấy.": "DOCX whose styles and page set-up are used.",
    "Chọn cố định cách diễn đạt thứ N (0, 1, 2…).": "Always use phrasing number N (0, 1, 2…).",
    "HTML: nhúng ảnh vào trang thay vì chép ảnh ra cạnh trang.":
        "HTML: embed images in the page instead of copying them next to it.",
    "HTML: chỉ phần bài, để dán vào trình soạn thảo của cổng thông tin.":
        "HTML: the article only, to paste into a portal's editor.",
    # golden
    "So sánh kết quả với tệp chuẩn (golden). Thêm --update để chấp nhận thay đổi.":
        "Compare the output with the golden files. Add --update to accept changes.",
    "Thư mục chứa các tệp YAML.": "Folder holding the YAML files.",
    "Ghi lại tệp chuẩn theo kết quả hiện tại.": "Rewrite the golden files from the current output.",
    "Các định dạng, cách nhau bởi dấu phẩy.": "Formats, separated by commas.",
    "Thư mục mẫu của cơ quan.": "Office template folder.",
    "Tệp DOCX mẫu của cơ quan.": "The office's reference DOCX.",
    # templates
    "Xem, sao chép và kiểm tra các mẫu câu chữ (Jinja).": "List, copy and check the wording templates (Jinja).",
    "Liệt kê các mẫu và nguồn gốc (có sẵn hay của cơ quan).": "List the templates and where each comes from.",
    "In nội dung một mẫu.": "Print a template.",
    "Tên mẫu, ví dụ dai-hoi/bai.": "Template name, e.g. dai-hoi/bai.",
    "Sao chép một mẫu có sẵn ra thư mục mẫu của cơ quan để sửa.":
        "Copy a built-in template into the office template folder to edit it.",
    "Thư mục đích (mặc định: thư mục mẫu trong drafter.toml).":
        "Target folder (default: the template folder of drafter.toml).",
    "Kiểm tra cú pháp mẫu và các tên trường mẫu dùng, không cần soạn bài.":
        "Check template syntax and the field names templates use, without rendering.",
    "Thư mục mẫu (mặc định: tất cả).": "Template folder (default: all).",
    # new
    "Tạo tệp YAML mẫu có chú thích để điền.": "Create a commented YAML file to fill in.",
    "Loại hoạt động: dai-hoi, hoi-nghi-tong-ket, kiem-diem, so-ket, trao-huy-hieu, ket-nap, hoi-nghi-bch hoặc quan-triet.":
        "Event kind: dai-hoi, hoi-nghi-tong-ket, kiem-diem, so-ket, trao-huy-hieu, ket-nap, hoi-nghi-bch or quan-triet.",
    "Tệp cần tạo (mặc định: in ra).": "File to create (default: print it).",
    "Ghi mọi trường (mặc định: chỉ các trường hay dùng).": "Write every field (default: the usual ones).",
    # serve
    "Mở trang soạn bài trong trình duyệt: điền biểu mẫu, xem trước, tải DOCX/PDF/HTML.":
        "Open the drafting page in a browser: fill in the form, preview, download DOCX/PDF/HTML.",
    "Thư mục chứa các tệp YAML (mặc định: thư mục hiện tại).": "Folder of the YAML files (default: the current one).",
    "Cổng.": "Port.",
    "Địa chỉ; khác 127.0.0.1 thì cần mã truy cập in ra khi khởi động.":
        "Address; other than 127.0.0.1, a token printed at start is needed.",
    "Mở trình duyệt ngay.": "Open the browser at once.",
    # learn
    "Học kiểu bài của cơ quan từ một bài viết và tệp YAML của nó.":
        "Learn the office's own style from one of its articles and the YAML of its facts.",
    "Bài viết của cơ quan (văn bản: tít ở dòng đầu, các đoạn cách nhau một dòng trống; hoặc trang web đã lưu).":
        "The office's article (text: the headline on the first line, blank lines between paragraphs; or a saved web page).",
    "Tệp YAML ghi các dữ kiện của bài viết đó.": "The YAML file of that article's facts.",
    "Thư mục mẫu của cơ quan (ghi vào <kind>/TÊN.j2).": "The office's template folder (written to <kind>/NAME.j2).",
    "Tên kiểu bài, ví dụ van-phong (dùng với --template).": "Name of the style, e.g. office (used with --template).",
    "Ghi đè kiểu bài đã có.": "Replace a style that exists.",
    # schema
    "In JSON Schema của tệp YAML (để VS Code gợi ý trường).": "Print the JSON Schema of the YAML file (for VS Code).",
}

_lang = "vi"


def text(vi: str) -> str:
    """VI in the language of this run."""
    return EN.get(vi, vi) if _lang == "en" else vi


def _scan_lang(args) -> str | None:
    """--lang from the whole command line, before parsing, so help and parse errors use it too."""
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


class Formatter(_click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=text("Cách dùng: ") if prefix is None else prefix)


class Context(_click.Context):
    formatter_class = Formatter


def _usage(command, ctx) -> list[str]:
    pieces = [text("[TÙY_CHỌN]")]
    for param in command.get_params(ctx):
        if isinstance(param, TyperArgument):
            name = param.metavar or param.name.upper()
            name += "..." if param.nargs != 1 else ""
            pieces.append(name if param.required else f"[{name}]")
    return pieces


def _rows(command, ctx):
    """(arguments, options) rows: names with a plain metavar, help with its default."""
    arguments, options = [], []
    for param in command.get_params(ctx):
        if isinstance(param, TyperArgument):
            name = (param.metavar or param.name.upper()) + ("..." if param.nargs != 1 else "")
            arguments.append((name, param.help or ""))
            continue
        if param.hidden:
            continue
        name = ", ".join(param.opts)
        if not param.is_flag:
            name += f" {param.metavar or 'X'}"
        help_text = param.help or ""
        default = param.default
        if param.show_default is not False and default not in (None, False, [], ()) and not param.is_flag:
            help_text += f"  [{text('mặc định')}: {default}]"
        options.append((name, help_text))
    return arguments, options


def _format_options(command, ctx, formatter) -> None:
    arguments, options = _rows(command, ctx)
    if arguments:
        with formatter.section(text("Đối số")):
            formatter.write_dl(arguments)
    with formatter.section(text("Tùy chọn")):
        formatter.write_dl(options)


class _Localised:
    context_class = Context

    def collect_usage_pieces(self, ctx):
        return _usage(self, ctx)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = text("Hiện hướng dẫn này rồi thoát.")
        return option


class Command(_Localised, TyperCommand):
    def format_options(self, ctx, formatter) -> None:
        _format_options(self, ctx, formatter)


class Group(_Localised, TyperGroup):
    def collect_usage_pieces(self, ctx):
        return _usage(self, ctx) + [text("LỆNH [ĐỐI_SỐ]...")]

    def format_options(self, ctx, formatter) -> None:
        _format_options(self, ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, _summary(command.help or "")))
        if rows:
            with formatter.section(text("Lệnh")):
                formatter.write_dl(rows)

    def make_context(self, info_name, args, parent=None, **extra):
        global _lang
        if parent is None:  # the whole command line: choose the language once
            choose(_scan_lang(args))
            _lang = language()
            if _lang == "en":
                _translate(self)
        return super().make_context(info_name, args, parent=parent, **extra)

    def resolve_command(self, ctx, args):
        try:
            return self._click_resolve_command(ctx, args)
        except _click.exceptions.UsageError:
            names = list(self.commands)
            close = _close(args[0], names) if args else []
            message = _t("không có lệnh '{name}'", "no command '{name}'", name=args[0] if args else "")
            message += _did_you_mean(close) + _t(" (có: {all})", " (known: {all})", all=", ".join(names))
            raise _click.exceptions.UsageError(message, ctx) from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _click.exceptions.NoArgsIsHelpError as exc:
            _click.echo(exc.ctx.get_help())
            code = 0
        except _click.exceptions.ClickException as exc:
            _show(exc)
            code = exc.exit_code
        except Abort:
            _click.echo(text("Đã dừng."), err=True)
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _summary(help_text: str) -> str:
    """The first sentence: summaries are whole sentences, never cut mid-phrase."""
    first = help_text.strip().split("\n\n")[0].replace("\n", " ")
    found = re.match(r"(.+?\.)(\s|$)", first)
    return found.group(1) if found else first


def _translate(command) -> None:
    command.help = text(command.help) if command.help else command.help
    for param in command.params:
        param.help = text(param.help) if param.help else param.help
        param.metavar = text(param.metavar) if param.metavar else param.metavar
    for sub in getattr(command, "commands", {}).values():
        _translate(sub)


def _t(vi: str, en: str, **args) -> str:
    return (en if _lang == "en" else vi).format(**args)


def _close(word: str, words) -> list[str]:
    import difflib  # only when a word was mistyped

    return difflib.get_close_matches(word, list(words), n=1)


def _did_you_mean(close) -> str:
    return _t("; có phải ý bạn là '{name}'?", "; did you mean '{name}'?", name=close[0]) if close else ""


def _show(exc) -> None:
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        _click.echo(ctx.get_usage(), err=True)
        _click.echo(text("Xem hướng dẫn: {command} --help").format(command=ctx.command_path), err=True)
    _click.echo(f"{text('Lỗi')}: {_message(exc)}", err=True)


def _message(exc) -> str:
    errors = _click.exceptions
    if isinstance(exc, errors.NoSuchOption):
        known = sorted({o for p in (exc.ctx.command.get_params(exc.ctx) if exc.ctx else ()) for o in p.opts})
        close = _close(exc.option_name, known)
        return _t("không có tùy chọn {name}", "no option {name}", name=exc.option_name) + _did_you_mean(close)
    if isinstance(exc, errors.MissingParameter) and exc.param is not None:
        param = exc.param
        name = param.metavar or param.name.upper() if isinstance(param, TyperArgument) else param.opts[0]
        return _t("thiếu {name}: {help}", "missing {name}: {help}", name=name, help=(param.help or "").rstrip("."))
    if isinstance(exc, errors.BadParameter) and exc.param is not None:
        name = exc.param.opts[0] if exc.param.opts else exc.param.name
        detail = exc.message
        if "valid integer" in detail:
            detail = _t("cần một số nguyên", "expected a whole number")
        return _t("giá trị không hợp lệ cho {name}: {detail}", "invalid value for {name}: {detail}",
                  name=name, detail=detail)
    message = exc.format_message()
    found = re.match(r"Option '(.+)' requires an argument", message)
    if found:
        return _t("tùy chọn {name} cần một giá trị", "option {name} needs a value", name=found.group(1))
    found = re.match(r"Got unexpected extra arguments? \((.+)\)", message)
    if found:
        return _t("thừa đối số: {extra}", "unexpected extra argument(s): {extra}", extra=found.group(1))
    return message
