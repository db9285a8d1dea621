"""drafter serve in a real browser: headless Chromium (Debian's chromium + chromium-driver)
driven by selenium against `drafter serve` started as a user would. Skipped where either
is missing; .ci/run installs them."""
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from conftest import EXAMPLES  # noqa: E402
from drafter.pipeline import Options, render_file  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromium-driver are not installed")
NAME = "vinh-dieu-tong-ket-2025.yaml"
SHOTS = os.environ.get("DRAFTER_SHOTS")  # a folder: screenshots of each step, to look at


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("work")
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, root / path.name)
    shutil.copytree(EXAMPLES / "anh", root / "anh")
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "serve", str(root), "--port", "0"],
                            stderr=subprocess.PIPE, text=True)
    url = None
    deadline = time.monotonic() + 30
    while url is None and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
        found = re.search(r"http://\S+", line)
        url = found and found[0]
    if url is None:
        proc.kill()
        pytest.fail("drafter serve did not start")
    yield url, root
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads, tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1500,1000", f"--user-data-dir={tmp_path_factory.mktemp('profile')}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    options.set_capability("unhandledPromptBehavior", "accept")  # "leave with unsaved changes?"
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def page(server, browser):
    url, root = server
    browser.get("about:blank")  # the same address with a #fragment would not reload the page
    browser.get(f"{url}#{NAME}")
    wait(browser, lambda d: "ĐẢNG BỘ CƠ QUAN ĐẢNG" in preview(d) and d.find_elements(By.ID, "f-venue"))
    return browser


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)


def preview(driver) -> str:
    return driver.find_element(By.ID, "preview").text


def shot(driver, name):
    if SHOTS:
        driver.save_screenshot(str(Path(SHOTS) / f"{name}.png"))


def message_beside(driver, path: str) -> str:
    """The messages shown in the field's own box (read in one go: the form may be rebuilt)."""
    return driver.execute_script(
        "const box = document.querySelector(`[data-path=\"${arguments[0]}\"]`);"
        "return box ? [...box.querySelectorAll(':scope > .msgs .msg')].map((m) => m.textContent).join(' ') : '';",
        path)


def test_filling_a_field_changes_the_preview(page):
    venue = page.find_element(By.ID, "f-venue")
    venue.clear()
    venue.send_keys("nhà văn hóa thôn Đông")
    wait(page, lambda d: "tại nhà văn hóa thôn Đông" in preview(d))
    assert "hội trường Đảng uỷ xã" not in preview(page)
    assert "venue: nhà văn hóa thôn Đông" in page.find_element(By.ID, "yaml").get_property("value")
    shot(page, "1-fill")


def test_breaking_a_field_shows_its_message_beside_it(page):
    name = page.find_element(By.ID, "f-org_name")
    name.clear()
    name.send_keys(" ")  # nothing but a space: not a name
    wait(page, lambda d: message_beside(d, "org.name"))
    assert message_beside(page, "org.name") == "không được để trống"
    assert "has-error" in page.find_element(By.CSS_SELECTOR, '[data-path="org.name"]').get_attribute("class")
    assert "1 lỗi" in page.find_element(By.ID, "summary").text
    members = page.find_element(By.ID, "f-members")
    members.send_keys("0")
    wait(page, lambda d: message_beside(d, "members"))
    assert message_beside(page, "members") == "giá trị phải từ 1 trở lên"
    shot(page, "2-break")


def test_lists_grow_and_shrink(page):
    chairs = page.find_element(By.CSS_SELECTOR, '[data-path="chairs"]')
    chairs.find_element(By.CSS_SELECTOR, ":scope > .items > button.add").click()
    name = wait(page, lambda d: d.find_element(By.ID, "f-chairs_1__name"))
    name.send_keys("Lê Thị Mai")
    wait(page, lambda d: "Lê Thị Mai" in preview(d))
    page.find_element(By.CSS_SELECTOR, '[data-path="chairs[1]"] .item-head button.remove').click()
    wait(page, lambda d: "Lê Thị Mai" not in preview(d))
    assert not page.find_elements(By.ID, "f-chairs_1__name")


def test_yaml_pane_edits_keep_comments_and_save(page, server):
    url, root = server
    page.find_element(By.ID, "tab-yaml").click()
    text = page.find_element(By.ID, "yaml")
    original = (root / NAME).read_text(encoding="utf-8")
    page.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
                        text, original.replace("venue: hội trường Đảng uỷ xã", "venue: hội trường UBND xã  # sửa"))
    wait(page, lambda d: "tại hội trường UBND xã" in preview(d))
    page.find_element(By.ID, "save").click()
    wait(page, lambda d: "Đã lưu" in d.find_element(By.ID, "status").text)
    saved = (root / NAME).read_text(encoding="utf-8")
    assert saved == original.replace("venue: hội trường Đảng uỷ xã", "venue: hội trường UBND xã  # sửa")
    text.send_keys("\nbroken: [")
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#yaml-issues li.error"))
    assert "dòng" in page.find_element(By.CSS_SELECTOR, "#yaml-issues li.error").text
    shot(page, "3-yaml")
    (root / NAME).write_text(original, encoding="utf-8")


def test_downloading_a_docx_opens_in_python_docx(page, downloads, server):
    import docx

    page.find_element(By.CSS_SELECTOR, '#docs [data-doc="report"]').click()
    wait(page, lambda d: "BÁO CÁO" in preview(d))
    shot(page, "4-report")
    page.find_element(By.CSS_SELECTOR, '#downloads [data-format="docx"]').click()
    target = downloads / "vinh-dieu-tong-ket-2025-report.docx"
    wait(page, lambda d: target.exists() and target.stat().st_size > 0, timeout=20)
    document = docx.Document(str(target))
    assert "BÁO CÁO" in [p.text for p in document.paragraphs]
    assert any("ĐẢNG CỘNG SẢN VIỆT NAM" in c.text for t in document.tables for c in t._cells)
    # the very file `drafter render --doc report --format docx` writes
    assert target.read_bytes() == render_file(server[1] / NAME, Options(format="docx", doc="report")).data


def test_a_new_file_starts_blank_and_says_what_is_missing(page, server):
    url, root = server
    page.find_element(By.ID, "new").click()
    page.find_element(By.CSS_SELECTOR, '#new-kind option[value="dai-hoi"]').click()
    page.find_element(By.ID, "new-name").send_keys("dai-hoi-moi")
    page.find_element(By.CSS_SELECTOR, '#new-dialog button[value="ok"]').click()
    wait(page, lambda d: (root / "dai-hoi-moi.yaml").exists())
    assert (root / "dai-hoi-moi.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")
    wait(page, lambda d: d.find_element(By.ID, "file").get_property("value") == "dai-hoi-moi.yaml")
    wait(page, lambda d: message_beside(d, "org.name"))
    assert message_beside(page, "org.name") == "chưa điền giá trị"
    assert message_beside(page, "date") == "chưa điền giá trị"  # the ordinal may be unknown (issue 12)
    page.find_element(By.ID, "f-org_name").send_keys("Chi bộ Thôn 3")
    wait(page, lambda d: not message_beside(d, "org.name"))
    shot(page, "5-new")
    page.find_element(By.ID, "new").click()  # a second file of the same name is refused
    page.find_element(By.ID, "new-name").send_keys("dai-hoi-moi.yaml")
    page.find_element(By.CSS_SELECTOR, '#new-dialog button[value="ok"]').click()
    wait(page, lambda d: "không ghi đè" in d.find_element(By.ID, "status").text)
    assert "Chi bộ Thôn 3" in page.find_element(By.ID, "yaml").get_property("value")  # the work is kept


def test_the_form_rewrites_every_example_without_changing_a_fact(page, server):
    """YAML written by the form (yaml.js) reads back as the same data and the same article."""
    url, root = server
    script = """
        const [name, done] = [arguments[0], arguments[arguments.length - 1]];
        const post = (path, body) => fetch(path + '&name=' + name, {method: 'POST', body});
        (async () => {
          const text = await (await fetch('/api/files/' + name)).text();
          const {data} = await (await post('/api/preview?doc=article', text)).json();
          const written = YAML.dump(data, text);
          const again = (await (await post('/api/preview?doc=article', written)).json()).data;
          const [a, b] = await Promise.all([text, written].map(async (t) => (await post('/api/render?format=txt', t)).text()));
          done({same: JSON.stringify(again) === JSON.stringify(data), article: a === b, written});
        })();
    """
    page.set_script_timeout(20)
    for path in sorted(EXAMPLES.glob("*.yaml")):
        result = page.execute_async_script(script, path.name)
        assert result["same"], (path.name, result["written"])
        assert result["article"], path.name


TRICKY = ["12:03", "yes", "No", "1.5", "2.619", "1e3", "0x10", ".inf", "- a", "a: b", "a #b", "a#b", "@x", "'q'",
          '"dq"', "  lead", "trail ", "x,y", "[a]", "{b}", "null", "~", "", "%", "*star", "&amp", "!tag", "|pipe",
          ">gt", "`tick`", "? q", "Tỷ lệ: 95%", "dòng 1\ndòng 2", "tab\there", "back\\slash", "đ“ngoặc”"]


def test_the_yaml_writer_keeps_every_tricky_string(page):
    script = """
        const [values, done] = [arguments[0], arguments[arguments.length - 1]];
        const data = {kind: 'dai-hoi', list: values, map: Object.fromEntries(values.map((v, i) => ['k' + i, v])),
                      flow: {a: values[0], b: values[5]}};
        fetch('/api/preview', {method: 'POST', body: YAML.dump(data)}).then((r) => r.json())
          .then((out) => done({sent: data, got: out.data}));
    """
    result = page.execute_async_script(script, TRICKY)
    assert result["got"] == result["sent"]


def test_a_field_of_another_kind_can_be_dropped(page):
    from selenium.webdriver.support.ui import Select

    Select(page.find_element(By.ID, "f-kind")).select_by_value("dai-hoi")  # a review's "year" is left over
    general = wait(page, lambda d: d.find_element(By.ID, "general") if "year:" in d.find_element(By.ID, "general").text else None)
    assert "trường không có trong mẫu dữ liệu" in general.text
    assert page.find_elements(By.ID, "f-ordinal")  # the congress's own fields are offered
    general.find_element(By.CSS_SELECTOR, "button.remove").click()
    wait(page, lambda d: "year:" not in d.find_element(By.ID, "general").text)
    assert "\nyear:" not in page.find_element(By.ID, "yaml").get_property("value")


def test_only_the_documents_of_the_kind_are_offered(page):
    from selenium.webdriver.support.ui import Select

    if len(docs_offered(page)) < 3:
        pytest.skip("no document is for some kinds only")
    assert page.find_element(By.CSS_SELECTOR, '#docs [data-doc="resolution"]').get_property("hidden")  # a review
    Select(page.find_element(By.ID, "f-kind")).select_by_value("dai-hoi")
    wait(page, lambda d: not d.find_element(By.CSS_SELECTOR, '#docs [data-doc="resolution"]').get_property("hidden"))


def docs_offered(page):
    return page.execute_script("return Form.S.docs")
