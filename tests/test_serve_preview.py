"""The preview: the DOCX writer's styles and layout, as HTML."""
from drafter.compose.blocks import Block, Photo, Table
from drafter.compose.document import build
from drafter.tools.serve.preview import sheet


def test_each_block_gets_its_word_style_and_tables_their_grid():
    blocks = [Block("org-higher", "ĐẢNG BỘ TỈNH A"), Block("org-issuer", "ĐẢNG ỦY XÃ B"),
              Block("party-name", "ĐẢNG CỘNG SẢN VIỆT NAM"), Block("doc-number", "Số 01-BC/ĐU"),
              Block("place-date", "B, ngày 07 tháng 01 năm 2026"), Block("title", "BÁO CÁO"),
              Block("heading", "I- KẾT QUẢ", 1), Block("item", "ý <một>"),
              Table(("STT", "Chỉ tiêu"), (("1", "Kết nạp & bồi dưỡng"),), "Bảng 1"),
              Photo(caption="Ảnh hội nghị", file="anh/a b.png"),
              Block("sign-for", "T/M ĐẢNG ỦY"), Block("sign-role", "BÍ THƯ"), Block("sign-name", "Nguyễn Văn A"),
              Block("recipients", "Nơi nhận:"), Block("recipient", "- Lưu.")]
    html = sheet(build(blocks, "report", title="BÁO CÁO"))
    header, rest = html.split('<p class="st-report-title">BÁO CÁO</p>')
    assert header.count("<tr>") == 2 and '<p class="st-header-left">*</p>' in header
    assert '<p class="st-heading-1">I- KẾT QUẢ</p>' in rest
    assert '<p class="st-list-item">- ý &lt;một&gt;</p>' in rest  # the "- " the DOCX adds, and escaped
    assert '<p class="st-caption">Bảng 1</p>\n<table class="st-drafter-table">' in rest
    assert '<th><p class="st-table-head">STT</p></th>' in rest and "Kết nạp &amp; bồi dưỡng" in rest
    assert '<span>anh/a b.png</span>' in rest  # no picture address: the file is named
    signature = rest.split('<table class="layout signature">')[1]
    assert signature.index("Nơi nhận:") < signature.index("T/M ĐẢNG ỦY") < signature.index("Nguyễn Văn A")
    assert signature.count('<p class="st-sign">&nbsp;</p>') == 4  # room for the signature and seal
    linked = sheet(build(blocks, "report"), images="/api/images/")
    assert '<img src="/api/images/anh/a%20b.png" alt="anh/a b.png">' in linked


def test_a_party_document_is_finished_as_the_docx_is():
    from drafter.pipeline import Options
    from drafter.tools.serve.drafting import check_text

    from conftest import EXAMPLES

    text = (EXAMPLES / "phu-van-dai-hoi-2025.yaml").read_text(encoding="utf-8")
    for doc in ("report", "resolution"):
        checked = check_text(text, str(EXAMPLES / "x.yaml"), Options(doc=doc))
        if checked.rendered is None:
            continue
        html = sheet(checked.rendered)
        assert html.startswith('<div class="sheet party">')
        assert '<span class="nb">2025-2030</span>' in html  # a term never broken
        assert "ngày\u00a018 tháng\u00a07 năm\u00a02025" in html  # nor a date
    article = check_text(text, str(EXAMPLES / "x.yaml"), Options()).rendered
    assert '<span class="nb">' not in sheet(article)  # an article flows as the portal's does
