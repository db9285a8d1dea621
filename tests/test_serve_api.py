"""drafter serve's HTTP API, through an HTTP client: documents, located issues, files, safety."""
import json
import os
import shutil
import subprocess
import sys
import warnings

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
with warnings.catch_warnings():  # newer Starlette prefers the httpx2 fork; httpx works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from drafter import pipeline  # noqa: E402
from drafter.read.loader import MAX_BYTES  # noqa: E402
from drafter.pipeline import Options, render_file  # noqa: E402
from drafter.tools.serve.app import ServerConfig, create_app  # noqa: E402
from drafter.writers import WRITERS  # noqa: E402

from conftest import EXAMPLES, MINIMAL  # noqa: E402

NAME = "vinh-dieu-tong-ket-2025.yaml"
LOCAL = "http://127.0.0.1:8765"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "work"
    root.mkdir()
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, root / path.name)
    shutil.copytree(EXAMPLES / "anh", root / "anh")
    return root


@pytest.fixture
def client(folder):
    return TestClient(create_app(ServerConfig(folder)), base_url=LOCAL)


def text_of(folder, name=NAME):
    return (folder / name).read_text(encoding="utf-8")


# ---- documents ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx"])
@pytest.mark.parametrize("doc", ["article", "report"])
def test_render_gives_what_the_cli_writes(client, folder, fmt, doc):
    response = client.post(f"/api/render?format={fmt}&doc={doc}&name={NAME}", content=text_of(folder).encode())
    assert response.status_code == 200, response.text
    expected = render_file(folder / NAME, Options(format=fmt, doc=doc)).data
    assert response.headers["server-timing"].startswith("cpu;dur=")
    assert (response.content if fmt == "docx" else response.text) == expected
    if fmt == "docx":
        assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
        assert f"{NAME[:-5]}-{doc}.docx" in response.headers["content-disposition"]


def test_broken_yaml_gives_located_issues(client):
    response = client.post("/api/render?format=txt", content="kind: dai-hoi\norg: {name: Chi bộ A\n".encode())
    assert response.status_code == 422
    [issue] = response.json()["issues"]
    assert issue["line"] == 3 and issue["col"] == 1
    assert "'}'" in issue["message"] and issue["severity"] == "error"
    assert set(issue) >= {"line", "col", "field", "message"}


def test_invalid_fields_each_give_their_path_and_line(client):
    text = MINIMAL["dai-hoi"].replace("ordinal: 12", "ordinal: mười hai") + "venu: hội trường\n"
    response = client.post("/api/render?format=docx", content=text.encode())
    assert response.status_code == 422
    issues = {i["field"]: i for i in response.json()["issues"]}
    assert issues["ordinal"]["line"] == 4 and issues["ordinal"]["message"].startswith("viết số: ordinal: 15")
    assert issues["venu"]["line"] == 6 and "venue" in issues["venu"]["message"]


def test_validate_answers_200_with_issues_in_the_page_language(client):
    bad = client.post("/api/validate?lang=en", content=b"kind: dai-hoi\norg: {name: A}\ndate: 2025-02-30\n")
    assert bad.status_code == 200
    fields = {i["field"]: i["message"] for i in bad.json()["issues"]}
    assert fields["date"] == "2025-02-30 does not exist (month 2 of 2025 has 28 days)"
    assert fields["term"] == "required field missing"  # the ordinal may be unknown (issue 12)
    good = client.post("/api/validate", content=MINIMAL["kiem-diem"].encode())
    assert good.status_code == 200 and good.json() == {"issues": []}


def test_consistency_warnings_are_issues_too(client):
    text = MINIMAL["kiem-diem"] + "ratings:\n  - {subject: đảng viên, total: 10, levels: {tot: 6, xuat-sac: 6}}\n"
    [issue] = client.post("/api/validate", content=text.encode()).json()["issues"]
    assert issue["field"] == "ratings[0].levels" and issue["line"] == 6
    assert "12" in issue["message"] and "ratings-sum" in issue["message"]


def test_preview_is_the_docx_layout_and_the_data(client, folder):
    body = client.post(f"/api/preview?doc=report&name={NAME}", content=text_of(folder).encode()).json()
    assert '<table class="layout header">' in body["html"] and "ĐẢNG CỘNG SẢN VIỆT NAM" in body["html"]
    assert '<p class="st-report-title">BÁO CÁO</p>' in body["html"]
    assert '<table class="layout signature">' in body["html"] and "Huỳnh Thiện Khoa" in body["html"]
    assert body["data"]["date"] == "2026-01-07" and body["data"]["org"]["name"] == "Đảng bộ cơ quan Đảng xã Vĩnh Điều"
    article = client.post(f"/api/preview?name={NAME}", content=text_of(folder).encode()).json()
    assert '<p class="st-title">HỘI NGHỊ TỔNG KẾT' in article["html"] and "layout header" not in article["html"]


def test_preview_of_invalid_data_has_no_document_but_the_data(client):
    body = client.post("/api/preview", content=b"kind: dai-hoi\norg: {name: A}\n").json()
    assert body["html"] is None and body["data"] == {"kind": "dai-hoi", "org": {"name": "A"}}
    assert {i["field"] for i in body["issues"]} == {"date", "term"}


def test_unknown_format_and_doc_are_refused(client):
    response = client.post("/api/render?format=odt", content=MINIMAL["kiem-diem"].encode())
    assert response.status_code == 422 and "odt" in response.json()["issues"][0]["message"]
    response = client.post("/api/render?doc=memo", content=MINIMAL["kiem-diem"].encode())
    assert response.status_code == 400 and response.json()["issues"][0]["field"] == "doc"


@pytest.mark.skipif("pdf" in WRITERS, reason="a PDF writer exists")
def test_pdf_without_a_writer_says_so(client):
    response = client.post("/api/render?format=pdf", content=MINIMAL["kiem-diem"].encode())
    assert response.status_code == 422
    assert "pdf" in response.json()["issues"][0]["message"]
    spec = page_spec(client)
    assert {"format": "pdf", "available": False, "extension": ".pdf"} in spec["downloads"]


def test_body_size_is_limited_like_a_file(client):
    big = b"kind: dai-hoi\n" + b"#" * MAX_BYTES
    response = client.post("/api/render?format=txt", content=big)
    assert response.status_code == 413
    assert str(MAX_BYTES) in response.json()["issues"][0]["message"]
    assert client.put("/api/files/big.yaml", content=big).status_code == 413


# ---- the page -----------------------------------------------------------------------------


def page_spec(client, lang="vi"):
    html = client.get(f"/?lang={lang}").text
    start = html.index('<script id="spec" type="application/json">') + len('<script id="spec" type="application/json">')
    return json.loads(html[start:html.index("</script>", start)])


def test_page_carries_the_schema_labels_and_sections(client):
    spec = page_spec(client)
    assert spec["schema"]["$defs"]["DaiHoi"]["properties"]["venue"]["description"].startswith("Địa điểm")
    assert spec["labels"]["venue"] == "Địa điểm"
    assert [g["label"] for g in spec["groups"]][:3] == ["Đơn vị", "Thời gian và địa điểm", "Thành phần"]
    assert spec["kinds"]["dai-hoi"]["skeleton"].startswith("# yaml-language-server")
    assert page_spec(client, "en")["labels"]["venue"] == "Venue"
    for asset in ("app.js", "form.js", "yaml.js", "app.css", "sheet.css"):
        assert client.get(f"/static/{asset}").status_code == 200


def test_documents_offered_are_those_of_default_style_for_their_kinds(client, monkeypatch):
    docs = {d["id"]: d for d in page_spec(client)["docs"]}
    assert list(docs) == list(pipeline.DEFAULT_STYLE)
    assert docs["article"]["kinds"] == ["dai-hoi", "hoi-nghi-tong-ket", "kiem-diem"]
    if "resolution" in docs:
        assert docs["resolution"] == {"id": "resolution", "label": "Nghị quyết", "kinds": ["dai-hoi"]}
    from drafter.tools.serve import page

    page.page.cache_clear()
    monkeypatch.setitem(pipeline.DEFAULT_STYLE, "memo", "bai")  # a new document appears by itself
    try:
        assert page_spec(client)["docs"][-1]["id"] == "memo"
    finally:
        page.page.cache_clear()


def test_a_document_not_written_for_the_kind_is_refused_at_its_kind_line(client):
    if "resolution" not in pipeline.DEFAULT_STYLE:
        pytest.skip("no resolution")
    response = client.post("/api/render?doc=resolution", content=MINIMAL["kiem-diem"].encode())
    assert response.status_code == 422
    [issue] = response.json()["issues"]
    assert (issue["field"], issue["line"], issue["code"]) == ("kind", 1, "doc_not_for_kind")


# ---- files --------------------------------------------------------------------------------


def test_files_lists_the_yaml_files_of_the_folder_only(client, folder):
    (folder / "notes.txt").write_text("x")
    (folder / ".hidden.yaml").write_text("x")
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.yaml").write_text("x")
    os.symlink(folder / NAME, folder / "link.yaml")
    names = [f["name"] for f in client.get("/api/files").json()["files"]]
    assert names == sorted(p.name for p in EXAMPLES.glob("*.yaml"))


def test_save_keeps_the_text_exactly_and_is_checked(client, folder):
    text = "# ghi chú của tôi\nkind: kiem-diem   # loại\nyear: 2025\norg: {name: Đảng bộ xã An Hòa}\ndate: 2025-12-22\n"
    response = client.put("/api/files/moi.yaml", content=text.encode())
    assert response.status_code == 200 and response.json() == {"issues": [], "saved": "moi.yaml"}
    assert (folder / "moi.yaml").read_text(encoding="utf-8") == text
    again = client.get("/api/files/moi.yaml")
    assert again.text == text and again.headers["etag"] == response.headers["etag"]
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_save_refuses_to_overwrite_a_file_changed_elsewhere(client, folder):
    etag = client.get(f"/api/files/{NAME}").headers["etag"]
    (folder / NAME).write_text(text_of(folder) + "# sửa trong VS Code\n", encoding="utf-8")
    response = client.put(f"/api/files/{NAME}", content=b"kind: dai-hoi\n", headers={"If-Match": etag})
    assert response.status_code == 409
    assert text_of(folder).endswith("# sửa trong VS Code\n")
    fresh = client.get(f"/api/files/{NAME}").headers["etag"]
    assert client.put(f"/api/files/{NAME}", content=b"kind: dai-hoi\n", headers={"If-Match": fresh}).status_code == 200


def test_new_file_never_replaces_one(client, folder):
    before = text_of(folder)
    response = client.put(f"/api/files/{NAME}", content=b"kind: dai-hoi\n", headers={"If-None-Match": "*"})
    assert response.status_code == 409 and text_of(folder) == before


@pytest.mark.parametrize("path", [
    "/api/files/..%2Fsecret.yaml", "/api/files/%2E%2E%2Fsecret.yaml", "/api/files/%2Fetc%2Fpasswd",
    "/api/files/sub%2Finner.yaml", "/api/files/sub/inner.yaml", "/api/files/..%5Csecret.yaml",
    "/api/files/.hidden.yaml", "/api/files/drafter.toml", "/api/files/article.j2", "/api/files/a%00.yaml",
])
def test_path_attacks_are_refused(client, folder, path):
    (folder.parent / "secret.yaml").write_text("kind: dai-hoi\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.yaml").write_text("kind: dai-hoi\n")
    (folder / ".hidden.yaml").write_text("kind: dai-hoi\n")
    assert client.get(path).status_code in (400, 404)
    before = sorted(p.name for p in folder.parent.rglob("*"))
    assert client.put(path, content=b"kind: dai-hoi\n").status_code in (400, 404)
    assert sorted(p.name for p in folder.parent.rglob("*")) == before
    assert (folder.parent / "secret.yaml").read_text() == "kind: dai-hoi\n"


def test_symlinks_are_not_followed(client, folder):
    outside = folder.parent / "outside.yaml"
    outside.write_text("kind: dai-hoi\n")
    os.symlink(outside, folder / "link.yaml")
    assert client.get("/api/files/link.yaml").status_code == 404
    assert client.put("/api/files/link.yaml", content=b"kind: kiem-diem\n").status_code == 404
    assert outside.read_text() == "kind: dai-hoi\n"


def test_images_outside_the_folder_are_refused(client, folder):
    (folder.parent / "x.png").write_bytes(b"\x89PNG")
    text = MINIMAL["kiem-diem"] + "photos:\n  - {caption: Ảnh, file: ../x.png}\n"
    response = client.post("/api/render?format=docx", content=text.encode())
    assert response.status_code == 422
    assert response.json()["issues"][0]["field"] == "photos[0].file"


# ---- who may ask --------------------------------------------------------------------------


def test_loopback_server_answers_to_loopback_names_only(folder):
    client = TestClient(create_app(ServerConfig(folder)), base_url="http://evil.example:8765")
    assert client.get("/api/files").status_code == 400
    for base in ("http://localhost:8765", "http://[::1]:8765", LOCAL):
        assert TestClient(create_app(ServerConfig(folder)), base_url=base).get("/api/files").status_code == 200


def test_public_server_wants_the_token_on_every_request(folder):
    client = TestClient(create_app(ServerConfig(folder, token="s3cret", check_host=False)), base_url="http://10.0.0.5:8765")
    for path in ("/", "/api/files", "/static/app.js", f"/api/files/{NAME}"):
        assert client.get(path).status_code == 401
    assert client.post("/api/render", content=MINIMAL["kiem-diem"].encode()).status_code == 401
    assert client.get("/api/files", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/files", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/api/files", headers={"X-Drafter-Token": "s3cret"}).status_code == 200
    page = client.get("/?token=s3cret")  # the printed address; the page's own requests then use the cookie
    assert page.status_code == 200 and "drafter_token" in page.headers["set-cookie"]
    assert client.get("/api/files").status_code == 200


# ---- the command --------------------------------------------------------------------------


def test_other_commands_never_import_the_web_stack():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "drafter", "render",
                             str(EXAMPLES / NAME), "--format", "txt"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "drafter.model" in imported  # importtime did list the modules
    assert not {m for m in imported if m.split(".")[0] in ("starlette", "uvicorn", "httpx", "anyio")}


def test_busy_port_is_a_clear_message(folder):
    import socket

    from typer.testing import CliRunner

    from drafter.tools.cli import app

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", str(folder), "--port", str(port)])
    assert result.exit_code == 2
    assert f"cổng {port} đang được dùng" in result.output


def test_serving_a_missing_folder_is_a_clear_message(tmp_path):
    from typer.testing import CliRunner

    from drafter.tools.cli import app

    result = CliRunner().invoke(app, ["serve", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "không phải thư mục" in result.output


def test_fact_audit_messages_come_with_their_field(folder):
    office = folder.parent / "office" / "hoi-nghi-tong-ket"
    office.mkdir(parents=True)
    (office / "bai.j2").write_text('{% extends "hoi-nghi-tong-ket/bai.j2" %}\n{% block lead %}\n'
                                   "@lead Ngày 20/12, Đảng bộ xã An Hòa tổ chức hội nghị tổng kết năm 2025.\n"
                                   "{% endblock %}\n", encoding="utf-8")
    client = TestClient(create_app(ServerConfig(folder, search_path=(str(office.parent),))), base_url=LOCAL)
    text = MINIMAL["hoi-nghi-tong-ket"] + "venue: hội trường xã\n"
    body = client.post("/api/preview", content=text.encode()).json()
    [issue] = [i for i in body["issues"] if "fact-not-printed" in i["message"]]
    assert (issue["field"], issue["line"]) == ("venue", 5)
    assert body["html"] is not None  # a warning: the document is still shown
    assert issue in client.post("/api/validate", content=text.encode()).json()["issues"]


def test_a_public_address_prints_a_token_and_wants_it(folder):
    import re
    import urllib.error
    import urllib.request

    proc = subprocess.Popen([sys.executable, "-m", "drafter", "serve", str(folder), "--host", "0.0.0.0",
                             "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        url = next(m[0] for line in proc.stderr if (m := re.search(r"http://\S+", line)))
        port, token = re.search(r":(\d+)/\?token=(\S+)", url).groups()
        base = f"http://127.0.0.1:{port}"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/api/files", timeout=10)
        assert refused.value.code == 401
        request = urllib.request.Request(f"{base}/api/files", headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert NAME in [f["name"] for f in json.load(answer)["files"]]
    finally:
        proc.terminate()
        proc.wait(10)


def test_preview_shows_the_pictures_of_the_folder_only(client, folder):
    name = "an-phu-tong-ket-kinh-te-2025.yaml"
    html = client.post(f"/api/preview?name={name}", content=text_of(folder, name).encode()).json()["html"]
    assert '<img src="/api/images/anh/an-phu-toan-canh.png"' in html
    picture = client.get("/api/images/anh/an-phu-toan-canh.png")
    assert picture.status_code == 200 and picture.content == (folder / "anh" / "an-phu-toan-canh.png").read_bytes()
    (folder.parent / "secret.png").write_bytes(b"\x89PNG")
    os.symlink(folder.parent / "secret.png", folder / "anh" / "link.png")
    for path in ("..%2Fsecret.png", "anh/link.png", "anh/..%2F..%2Fsecret.png", NAME, "%2Fetc%2Fpasswd"):
        assert client.get(f"/api/images/{path}").status_code == 404


def test_another_sites_page_cannot_write_or_render(client, folder):
    before = text_of(folder)
    evil = {"Origin": "http://evil.example"}
    assert client.put(f"/api/files/{NAME}", content=b"kind: dai-hoi\n", headers=evil).status_code == 403
    assert client.post("/api/render?format=txt", content=b"kind: dai-hoi\n", headers=evil).status_code == 403
    assert text_of(folder) == before
    same = {"Origin": LOCAL}
    assert client.post("/api/render?format=txt", content=MINIMAL["kiem-diem"].encode(), headers=same).status_code == 200
