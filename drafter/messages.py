"""User-facing messages, Vietnamese first, English with --lang en or LANG=en*."""
from __future__ import annotations

import os

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Vietnamese, English)
    "warning": ("cảnh báo", "warning"),
    "file_not_found": ("không tìm thấy tệp", "file not found"),
    "file_unreadable": ("không đọc được tệp: {reason}", "cannot read file: {reason}"),
    "file_too_large": ("tệp quá lớn ({size} byte, tối đa {limit})",
                       "file too large ({size} bytes, at most {limit})"),
    "binary_file": ("tệp không phải văn bản (có byte NUL)", "not a text file (contains NUL bytes)"),
    "not_utf8": ("tệp không phải UTF-8 (byte lạ ở vị trí {pos}); hãy lưu lại với bảng mã UTF-8",
                 "file is not UTF-8 (bad byte at offset {pos}); save it again as UTF-8"),
    "legacy_encoding": ("tệp lưu bằng bảng mã {encoding}, không phải UTF-8; hãy lưu lại với bảng mã UTF-8 "
                        "hoặc chạy với --from-encoding {encoding}",
                        "the file is in the {encoding} encoding, not UTF-8; save it as UTF-8 or run with "
                        "--from-encoding {encoding}"),
    "legacy_font": ("chữ trong tệp gõ bằng phông {font} rồi dán vào; hãy chuyển mã sang Unicode (Unikey: "
                    "Công cụ chuyển mã) hoặc chạy với --from-encoding {encoding}",
                    "the text was typed in the {font} font and pasted; convert it to Unicode (Unikey's "
                    "converter) or run with --from-encoding {encoding}"),
    "unknown_encoding": ("không biết bảng mã '{encoding}' (có: {allowed})", "unknown encoding '{encoding}' (known: {allowed})"),
    "already_utf8": ("tệp đã là UTF-8, không chuyển từ {encoding}", "the file is UTF-8 already; not converting from {encoding}"),
    # hostile and broken input (docs/kiem-tra.md, "Tệp đầu vào hỏng")
    "not_regular_file": ("không phải tệp thông thường (thư mục, FIFO hay thiết bị): không đọc",
                         "not a regular file (a folder, FIFO or device): not read"),
    "not_utf16": ("tệp UTF-16 bị hỏng (byte lạ ở vị trí {pos}); hãy lưu lại với bảng mã UTF-8",
                  "broken UTF-16 file (bad bytes at offset {pos}); save it again as UTF-8"),
    "already_unicode": ("tệp đã là Unicode và không có trường nào gõ bằng phông {encoding}: không chuyển mã "
                        "(bỏ --from-encoding)",
                        "the file is Unicode already and no field is in the {encoding} font: not converting "
                        "(drop --from-encoding)"),
    "legacy_font_field": ("chữ gõ bằng phông {font} rồi dán vào; hãy chuyển mã sang Unicode (Unikey: Công cụ "
                          "chuyển mã) hoặc chạy với --from-encoding {encoding} (chỉ chuyển các trường này)",
                          "text typed in the {font} font and pasted; convert it to Unicode (Unikey's converter) "
                          "or run with --from-encoding {encoding} (only such fields are converted)"),
    "too_deep": ("lồng nhau quá {limit} tầng (thừa dấu '[' hoặc '{{'?)", "nested over {limit} levels deep (stray '[' or '{{'?)"),
    "too_much_text": ("tệp quá lớn sau khi mở các alias (hơn {limit} ký tự): hãy viết thẳng giá trị",
                      "the file is too large once aliases are expanded (over {limit} characters): write the values out"),
    "yaml_tag": ("không dùng được thẻ YAML '{tag}': hãy viết giá trị bình thường",
                 "the YAML tag '{tag}' is not supported: write a plain value"),
    "yaml_escape": ("mã thoát '\\…' không hợp lệ trong chuỗi có nháy kép (ví dụ nửa cặp surrogate \\ud800)",
                    "an invalid '\\…' escape in a double-quoted string (e.g. half a surrogate pair \\ud800)"),
    "empty_file": ("tệp rỗng: cần ít nhất trường kind", "empty file: at least the kind field is needed"),
    "yaml_syntax": ("lỗi cú pháp YAML: {problem}", "YAML syntax error: {problem}"),
    "yaml_colon": ("dấu ':' không đúng chỗ (chữ có ': ' cần đặt trong dấu nháy \"…\"), hoặc thụt lề sai",
                   "a ':' where it cannot be (quote text containing ': '), or wrong indentation"),
    "yaml_brace": ("thiếu dấu '}}' đóng, hoặc chữ có dấu phẩy trong {{…}} chưa đặt trong dấu nháy",
                   "a '}}' is missing, or text with commas inside {{…}} is not quoted"),
    "yaml_bracket": ("thiếu dấu ']' đóng danh sách", "a ']' closing the list is missing"),
    "yaml_quote": ("thiếu dấu nháy đóng: dấu nháy mở ở đây chưa được đóng, thêm dấu nháy ở cuối giá trị",
                   "a closing quote is missing: the quote opened here is never closed; add one at the end of the value"),
    "yaml_colon_space": ("thiếu dấu cách sau dấu hai chấm: viết '{fix}'",
                         "a space is missing after the colon: write '{fix}'"),
    "yaml_colon_missing": ("thiếu dấu hai chấm sau tên trường '{key}': viết '{fix}'",
                           "a colon is missing after the field name '{key}': write '{fix}'"),
    "yaml_no_colon": ("dòng này thiếu dấu hai chấm giữa tên trường và giá trị (trường: giá trị)",
                      "this line lacks the colon between field name and value (field: value)"),
    "yaml_list_dash": ("mục danh sách thiếu '- ' ở đầu như các mục trên: viết '{fix}'",
                       "a list item lacks the '- ' the items above have: write '{fix}'"),
    "yaml_after_quote": ("có chữ sau dấu nháy đóng: muốn giữ dấu nháy trong câu thì bọc cả câu bằng dấu nháy đơn, "
                         "viết {fix} (hoặc dùng ngoặc kép cong “…” trong câu)",
                         "text follows the closing quote: to keep the quotes in the text, wrap the whole value in "
                         "single quotes, write {fix} (or use curly quotes “…” inside)"),
    "yaml_colon_quote": ("chữ có dấu ': ' phải đặt trong dấu nháy: viết '{fix}'",
                         "text containing ': ' must be quoted: write '{fix}'"),
    "yaml_reserved": ("giá trị không được bắt đầu bằng {char}: đặt trong dấu nháy, viết '{fix}'",
                      "a value cannot start with {char}: put it in quotes, write '{fix}'"),
    "yaml_indent": ("thụt lề sai: dòng này có {have} dấu cách ở đầu, phải thẳng hàng với trường cùng cấp ở trên "
                    "({allowed} dấu cách)",
                    "wrong indentation: this line starts with {have} space(s); line it up with its sibling above "
                    "({allowed_en} spaces)"),
    "date_impossible": ("không có ngày {day:0>2}/{month:0>2}/{year} (tháng {month} năm {year} có {days} ngày)",
                        "{year}-{month:0>2}-{day:0>2} does not exist (month {month} of {year} has {days} days)"),
    "month_impossible": ("không có tháng {month}: ngày viết năm-tháng-ngày, ví dụ 2026-01-07",
                         "there is no month {month}: write dates year-month-day, e.g. 2026-01-07"),
    "yaml_tab": ("dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách",
                 "tab used for indentation; YAML accepts spaces only"),
    "not_mapping": ("nội dung tệp phải là các cặp 'trường: giá trị'",
                    "the file must be a mapping of 'field: value' pairs"),
    "duplicate_key": ("trường '{key}' bị khai báo lại (lần đầu ở dòng {first})",
                      "duplicate field '{key}' (first at line {first})"),
    "merge_key": ("không dùng được khóa gộp '<<': hãy viết đủ các trường", "'<<' merge keys are not supported: write the fields out"),
    "key_not_string": ("tên trường phải là chữ", "field names must be text"),
    "too_many_nodes": ("tệp quá phức tạp (hơn {limit} phần tử, có thể do anchor/alias lồng nhau)",
                       "file too complex (over {limit} nodes, nested anchors/aliases?)"),
    "missing": ("thiếu trường bắt buộc", "required field missing"),
    "missing_value": ("chưa điền giá trị", "no value given"),
    "extra_forbidden": ("trường không có trong mẫu dữ liệu", "unknown field"),
    "did_you_mean": ("; có phải ý bạn là '{name}'?", "; did you mean '{name}'?"),
    "unknown_kind": ("kind phải là một trong: {allowed}", "kind must be one of: {allowed}"),
    "missing_kind": ("thiếu trường kind ({allowed})", "missing field kind ({allowed})"),
    "expected_int": ("cần một số nguyên", "expected a whole number"),
    "expected_number": ("cần một số", "expected a number"),
    "bool_not_count": ("cần một số, không phải true/false (yes, no…)", "expected a number, not true/false (yes, no…)"),
    "number_too_long": ("số quá lớn hoặc quá nhiều chữ số (tối đa 18 chữ số, 10 chữ số sau dấu chấm)",
                        "number too large or too long (at most 18 digits, 10 after the point)"),
    "expected_text": ("cần một chuỗi chữ", "expected text"),
    "expected_text_quote": ("cần chữ: đặt giá trị trong dấu nháy, ví dụ \"12:03\"",
                            "expected text: put the value in quotes, e.g. \"12:03\""),
    "stray_number": ("'{text}' không phải tên trường: số thập phân viết bằng dấu chấm (94.1), không dùng dấu phẩy",
                     "'{text}' is not a field name: write decimals with a point (94.1), not a comma"),
    "stray_text": ("'{text}' không phải tên trường: chữ có dấu phẩy trong {{…}} cần đặt trong dấu nháy",
                   "'{text}' is not a field name: text with commas inside {{…}} must be quoted"),
    "expected_bool": ("cần true hoặc false", "expected true or false"),
    "expected_date": ("cần ngày dạng NNNN-TT-NN, ví dụ 2026-01-07",
                      "expected a date as YYYY-MM-DD, e.g. 2026-01-07"),
    "expected_list": ("cần một danh sách (các dòng bắt đầu bằng '- ')",
                      "expected a list (lines starting with '- ')"),
    "expected_mapping": ("cần các cặp 'trường: giá trị'", "expected 'field: value' pairs"),
    "expected_one_of": ("cần một trong các giá trị: {allowed}", "expected one of: {allowed}"),
    "too_small": ("giá trị phải từ {limit} trở lên", "value must be at least {limit}"),
    "too_big": ("giá trị không được quá {limit}", "value must be at most {limit}"),
    "too_short": ("cần ít nhất {limit} mục", "needs at least {limit} item(s)"),
    "bad_pattern": ("không đúng định dạng", "wrong format"),
    "invalid": ("giá trị không hợp lệ ({detail})", "invalid value ({detail})"),
    "control_char": ("có ký tự điều khiển hoặc ký tự không in được {value}: hãy xóa ký tự này",
                     "contains the control or non-printing character {value}: remove it"),
    "empty_text": ("không được để trống", "must not be empty"),
    "term_format": ("nhiệm kỳ viết dạng 2025-2030", "term must look like 2025-2030"),
    "term_order": ("năm kết thúc nhiệm kỳ phải sau năm bắt đầu", "the term must end after it starts"),
    "end_before_start": ("ngày kết thúc trước ngày bắt đầu", "end date is before the start date"),
    "abbr_pair": ("abbr và abbr_of phải đi cùng nhau", "abbr and abbr_of go together"),
    "abbr_not_in_name": ("abbr_of phải là một phần của tên tổ chức",
                         "abbr_of must be part of the organisation's name"),
    "figure_empty": ("cần ít nhất text hoặc value", "needs text or value"),
    "figure_needs_value": ("có unit/total/also/of_which thì phải có value",
                           "unit/total/also/of_which need a value"),
    "officer_needs_name": ("có previous hoặc reelected thì phải có họ tên (name) của người được bầu",
                           "previous or reelected need the officer's name"),
    "unanimous_needs_election": ("unanimous (số phiếu nhất trí cao) chỉ dùng khi bầu, không dùng khi chỉ định",
                                 "unanimous is for an election, not an appointment"),
    "appointed_by_needs_appointment": ("appointed_by chỉ dùng khi method là \"chỉ định\"",
                                       "appointed_by is for method \"chỉ định\" only"),
    "award_empty": ("cần số tập thể hoặc số cá nhân được khen", "needs collectives or individuals"),
    "report_default": ("chưa khai báo cho văn bản, để trống cho văn phòng điền",
                       "not given for the document; left blank for the office to fill in"),
    "report_default_value": ("chưa khai báo cho văn bản, đã dùng theo dữ liệu: {value}",
                             "not given for the document; taken from the data: {value}"),
    "doc_not_for_kind": ("--doc {doc} chỉ soạn cho loại hoạt động {allowed} (nghị quyết là của đại hội), "
                         "không cho '{kind}'; dùng --doc report để soạn báo cáo",
                         "--doc {doc} is drafted for {allowed} only (a resolution is a congress's), not for "
                         "'{kind}'; use --doc report for a report"),
    "image_missing": ("không tìm thấy tệp ảnh '{file}'", "image file '{file}' not found"),
    "golden_missing": ("chưa có tệp chuẩn (chạy với --update để tạo)", "golden file missing (run with --update)"),
    "golden_stale": ("tệp chuẩn không còn tệp YAML tương ứng (--update để xóa)",
                     "golden has no YAML any more (--update removes it)"),
    "golden_not_folder": ("tệp chuẩn phải là một thư mục thật (đây là liên kết hoặc tệp): không ghi vào",
                          "a golden must be a real folder (this is a link or a file): not written"),
    "golden_updated": ("đã cập nhật tệp chuẩn", "golden updated"),
    "golden_removed": ("đã xóa tệp chuẩn không còn tệp YAML", "golden without YAML removed"),
    "golden_changed": ("{count} tệp khác với tệp chuẩn:", "{count} file(s) differ from their goldens:"),
    "project_in_use": ("dùng các thư mục mẫu ghi trong {path}", "using the template folders named in {path}"),
    "toml_syntax": ("lỗi cú pháp TOML: {problem}", "TOML syntax error: {problem}"),
    "toml_table": ("cần một bảng [templates], ví dụ: [templates] dirs = [\"mau\"]",
                   "expected a [templates] table, e.g. [templates] dirs = [\"mau\"]"),
    "toml_dirs": ("cần một danh sách tên thư mục, ví dụ dirs = [\"mau\"]", "expected a list of folder names, e.g. dirs = [\"mau\"]"),
    "templates_missing": ("không có thư mục mẫu này", "no such template folder"),
    "eject_exists": ("tệp đã có, không ghi đè", "file exists, not overwritten"),
    "template_unknown_field": ("mẫu dùng '{name}' nhưng dữ liệu không có trường này",
                               "template uses '{name}' but the data has no such field"),
    "template_unknown_name": ("mẫu dùng tên '{name}' không được cung cấp",
                              "template uses the name '{name}', which is not provided"),
    # consistency checks (the check id is printed after the message)
    "image_outside": ("ảnh '{file}' nằm ngoài thư mục của tệp YAML", "image '{file}' is outside the YAML file's folder"),
    "thousands_dot": ("{value} là số thập phân; nếu là {whole} thì viết liền, không dấu chấm",
                      "{value} is a decimal; if it means {whole}, write it without the point"),
    "share_over_total": ("{value}/{total}: số phần lớn hơn tổng", "{value}/{total}: the part is above the total"),
    "percent_negative": ("tỷ lệ âm ({value}%)", "negative percentage ({value}%)"),
    "percent_over_100": ("tỷ lệ trên 100% ({value}%): kiểm tra lại, hoặc ghi nhận nếu là % kế hoạch",
                         "percentage above 100% ({value}%): check it, or acknowledge it if it is % of plan"),
    "part_over_whole": ("phần \"trong đó\" ({part}) lớn hơn tổng ({whole})", "the \"of which\" part ({part}) is above its whole ({whole})"),
    "ratings_sum": ("các mức xếp loại cộng lại được {sum}, khác tổng số {total}",
                    "the rating levels add up to {sum}, not the total {total}"),
    "targets_count": ("nêu {count} chỉ tiêu nhưng liệt kê {listed}", "says {count} targets but lists {listed}"),
    "person_unknown": ("'{name}' không có trong danh sách chủ trì/khách mời/người trình bày",
                       "'{name}' is not among the chairs, guests or presenters"),
    "committee_size": ("liệt kê {listed} ủy viên nhưng số lượng là {size}", "lists {listed} members but the size is {size}"),
    "officer_not_member": ("{name} không có trong danh sách cấp ủy được bầu", "{name} is not among the elected committee members"),
    "reelected_previous": ("tái cử {role} nhưng chức vụ khóa trước không phải {role}",
                           "re-elected {role} but the previous position is not {role}"),
    "weekday_mismatch": ("ghi '{written}' nhưng ngày đó là {actual}", "says '{written}' but that date is a {actual}"),
    "published_before": ("ngày đăng bài trước ngày diễn ra", "published before the event took place"),
    "review_year": ("năm tổng kết {year} không khớp với ngày họp ({held})", "reviewed year {year} does not fit the meeting date ({held})"),
    "event_too_long": ("hoạt động kéo dài hơn 7 ngày", "the event lasts more than 7 days"),
    "congress_outside_term": ("đại hội năm {year} không ở đầu nhiệm kỳ {term}", "a congress in {year} is not at the start of the term {term}"),
    "term_length": ("nhiệm kỳ {years} năm, thường là {expected} năm (ghi term_years nếu đúng)",
                    "a term of {years} years; usually {expected} (set term_years if right)"),
    "place_unknown": ("không tìm thấy {kind} '{name}' trong danh mục đơn vị hành chính; gần nhất: {nearest}",
                      "{kind} '{name}' is not in the list of administrative units; nearest: {nearest}"),
    "negative_value": ("số âm ({value}): số đếm, số tiền không âm; ghi \"giảm 5\" bằng text/after",
                       "negative figure ({value}): counts and amounts are not negative; write \"giảm 5\" as text"),
    "invisible_char": ("có ký tự ẩn {value} (đảo chiều chữ hoặc độ rộng 0): tên trông giống nhưng khác; hãy xóa",
                       "contains the invisible character {value} (a direction override or zero width): remove it"),
    "ordinal_range": ("lần thứ {value}: quá {limit}, có phải là năm?", "ordinal {value}: above {limit}; is it a year?"),
    "delegates_over_members": ("{delegates} đại biểu nhưng đảng bộ chỉ có {members} đảng viên",
                               "{delegates} delegates but only {members} members"),
    "listed_twice": ("'{name}' được liệt kê hai lần", "'{name}' is listed twice"),
    "post_held_twice": ("hai người cùng được bầu {role}: {first} và {name}", "two people elected {role}: {first} and {name}"),
    "rated_over_members": ("xếp loại {rated} đảng viên nhưng chỉ có {members} đảng viên",
                           "{rated} members rated but there are only {members}"),
    "template_none": ("mẫu in ra một giá trị trống (None): hãy đặt trong {{% if … %}}",
                      "the template prints an empty value (None): guard it with {{% if … %}}"),
    "template_directive": ("mẫu dùng chỉ thị lạ '{directive}' (có: {allowed})",
                           "the template uses an unknown directive '{directive}' (known: {allowed})"),
    "template_timeout": ("mẫu chạy quá {limit} giây (vòng lặp không dừng?)", "template ran over {limit} s (an endless loop?)"),
    "template_number_too_large": ("mẫu tính một số quá lớn (hơn {limit} bit)", "the template computes a number too large (over {limit} bits)"),
    "template_too_large": ("mẫu sinh ra quá {limit} ký tự", "template produced over {limit} characters"),
    "outdir_not_folder": ("-o phải là một thư mục khi soạn hàng loạt (đây là một tệp)",
                          "-o must be a folder for a batch (this is a file)"),
    "interrupted": ("đã dừng theo yêu cầu (Ctrl-C); các tệp đã soạn xong vẫn còn, không có tệp dở dang",
                    "stopped (Ctrl-C); files already written are kept, none is half-written"),
    "batch_needs_outdir": ("soạn nhiều tệp hoặc nhiều định dạng cần -o THƯ_MỤC", "several files or formats need -o FOLDER"),
    "batch_progress": ("Đang soạn", "Rendering"),
    "batch_summary": ("Đã soạn {rendered} tài liệu ({files} tệp), lỗi {failed}, trong {seconds} giây",
                      "rendered {rendered} document(s) ({files} files), {failed} failed, in {seconds} s"),
    # the fact audit and the shape of the document (the check id is printed after the message)
    "fact_not_printed": ("có trong dữ liệu ({value}) nhưng {template} không in ra; thêm câu vào mẫu, "
                         "hoặc bỏ trường nếu không cần",
                         "given ({value}) but {template} does not print it; add a sentence to the template, "
                         "or drop the field if it is not needed"),
    "figure_invented": ("văn bản in số {number} mà dữ liệu không có (\"{text}\"): mẫu không được tự đặt số liệu",
                        "the document prints {number}, which the data does not give (\"{text}\"): a template "
                        "must not invent figures"),
    "section_empty": ("mục \"{text}\" không có nội dung", "the section \"{text}\" is empty"),
    "paragraph_unfinished": ("đoạn không kết thúc bằng dấu câu: \"{text}\"",
                             "a paragraph does not end with punctuation: \"{text}\""),
    "sentence_broken": ("câu bị đứt hoặc dính dấu câu: \"{text}\"", "a broken sentence or stray punctuation: \"{text}\""),
    "word_doubled": ("một từ bị lặp: \"{text}\"", "a doubled word: \"{text}\""),
    "sentence_repeated": ("một câu được nói hai lần: \"{text}\"", "a sentence said twice: \"{text}\""),
    "placeholder": ("bài còn chỗ trống hoặc giá trị rỗng: \"{text}\"", "the article has a blank or an empty value: \"{text}\""),
    "form_mixed": ("một thứ viết hai kiểu trong cùng văn bản (số 0 đứng trước, dấu ngày tháng, dấu gạch): \"{text}\"",
                   "one thing written two ways in one document (padded counts, date separator, dash): \"{text}\""),
    # rendering
    "template_outside": ("mẫu '{name}' là liên kết tới tệp nằm ngoài thư mục mẫu {folder} (hoặc không phải tệp): không dùng",
                         "template '{name}' links to a file outside the template folder {folder} (or is no file): not used"),
    "template_not_found": ("không tìm thấy mẫu '{name}'", "template '{name}' not found"),
    "template_not_found_near": ("không tìm thấy mẫu '{name}'; có phải ý bạn là {vi}?",
                                "template '{name}' not found; did you mean {en}?"),
    "template_not_found_list": ("không tìm thấy mẫu '{name}' (các mẫu có: {names})",
                                "template '{name}' not found (known: {names})"),
    "template_syntax": ("lỗi cú pháp mẫu: {detail}", "template syntax error: {detail}"),
    "template_error": ("lỗi khi áp dụng mẫu: {detail}", "template error: {detail}"),
    "unknown_format": ("định dạng không hỗ trợ '{name}' (có: {allowed})",
                       "unsupported format '{name}' (available: {allowed})"),
    "overwrite_input": ("không ghi đè lên tệp đầu vào", "refusing to overwrite an input file"),
    "reference_dtd": ("tệp DOCX mẫu có khai báo DTD/entity trong {part} (Word không bao giờ ghi như vậy): "
                      "hãy mở bằng Word rồi lưu lại", "the reference DOCX declares a DTD or entity in {part} "
                      "(Word never writes one): open it in Word and save it again"),
    "stdout_closed": ("không in ra được: đầu ra chuẩn đã đóng ({reason}); dùng -o TỆP",
                      "cannot print: standard output is closed ({reason}); use -o FILE"),
    "write_failed": ("không ghi được tệp: {reason}", "cannot write file: {reason}"),
    "asset_exists": ("đã có một ảnh khác cùng tên ở đây, không ghi đè (ảnh gốc: {source}); dùng -o thư mục khác hoặc --embed",
                     "a different image of this name is here already, not overwritten (source: {source}); use another -o folder or --embed"),
    "golden_ok": ("Cả {count} tệp chuẩn khớp với kết quả", "All {count} golden files match the output"),
    "ejected": ("Đã chép mẫu ra {path}: sửa tệp này, drafter sẽ dùng nó thay mẫu có sẵn",
                "Copied the template to {path}: edit it, drafter uses it instead of the built-in"),
    "project_created": ("Đã tạo {path} (thư mục mẫu của cơ quan: mau-van-phong)",
                        "Created {path} (the office template folder: mau-van-phong)"),
    "templates_ok": ("Các mẫu không có lỗi ({folders})", "No template problems ({folders})"),
    "created": ("Đã tạo {path} ({kind}): điền các trường còn trống rồi chạy drafter validate {path}",
                "Created {path} ({kind}): fill in the empty fields, then run drafter validate {path}"),
    "project_no_dirs": ("tệp này chưa ghi thư mục mẫu: thêm hai dòng [templates] và dirs = [\"{folder}\"], hoặc dùng --to",
                        "this file names no template folder: add [templates] and dirs = [\"{folder}\"], or use --to"),
    "written": ("Đã ghi {path}", "Wrote {path}"),
    "validated": ("Không có lỗi ({count} tệp)", "No errors ({count} file(s))"),
    "pdf_no_libreoffice": ("định dạng pdf cần LibreOffice mà máy này chưa cài: cài gói {package} "
                           "(sudo apt install {package}), hoặc soạn --format docx rồi mở bằng Word, Lưu thành PDF",
                           "the pdf format needs LibreOffice, which is not installed: install the package {package} "
                           "(sudo apt install {package}), or render --format docx and save it as PDF from Word"),
    "pdf_failed": ("LibreOffice không chuyển được sang PDF: {reason}", "LibreOffice could not convert to PDF: {reason}"),
    "binary_to_stdout": ("định dạng {name} cần -o TỆP", "format {name} needs -o FILE"),
    # drafter serve
    "serve_started": ("drafter đang phục vụ thư mục {folder}\nMở trình duyệt tại: {url}\n(Ctrl+C để dừng)",
                      "drafter is serving the folder {folder}\nOpen in a browser: {url}\n(Ctrl+C to stop)"),
    "serve_not_dir": ("không phải thư mục", "not a folder"),
    "serve_port_in_use": ("cổng {port} đang được dùng; chọn cổng khác với --port",
                          "port {port} is in use; choose another with --port"),
    "serve_cannot_listen": ("không mở được địa chỉ này: {reason}", "cannot listen on this address: {reason}"),
    "serve_bad_name": ("tên tệp không hợp lệ '{name}': chỉ một tên tệp .yaml trong thư mục, không có '/', '..'",
                       "bad file name '{name}': one .yaml file name in the folder, without '/' or '..'"),
    "serve_changed": ("tệp đã được sửa ở nơi khác từ khi mở; mở lại tệp trước khi lưu",
                      "the file was changed elsewhere since it was opened; reopen it before saving"),
    "serve_token": ("cần mã truy cập: dùng địa chỉ có ?token=… in ra khi khởi động drafter serve",
                    "access token needed: use the address with ?token=… printed when drafter serve started"),
    "serve_origin": ("yêu cầu đến từ trang web khác, bị từ chối", "a request from another web site, refused"),
    "serve_host": ("máy chủ chỉ nhận địa chỉ 127.0.0.1 hoặc localhost",
                   "this server answers to 127.0.0.1 or localhost only"),
}


_COMMAND_LINE: str | None = None  # --lang of this command-line run, wherever it was written


def choose(lang: str | None) -> None:
    """The --lang of a command-line run (None: none given), for every message of that run."""
    global _COMMAND_LINE
    _COMMAND_LINE = lang


def language(explicit: str | None = None) -> str:
    """--lang wins; otherwise LANG/LC_ALL starting with 'en' means English; Vietnamese by default."""
    explicit = explicit or _COMMAND_LINE
    if explicit:
        return "en" if explicit.lower().startswith("en") else "vi"
    for var in ("DRAFTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"


def translate(code: str, lang: str = "vi", **args) -> str:
    vi, en = MESSAGES.get(code, (code, code))
    text = en if lang == "en" else vi
    try:
        return text.format(**args)
    except (KeyError, IndexError):
        return text
