"""HTML for an office's web portal.

By default a standalone page: lang="vi", a viewport for phones, and a small style sheet that
also prints well. With HtmlOptions.fragment only the <article>, with the few inline styles a
portal's editor keeps, to paste into it. Images are linked by the name the YAML gives (the
output step copies them beside the page) or, with "embed", carried in the page as data: URIs.
"""
from __future__ import annotations

import base64
import mimetypes
from html import escape
from pathlib import Path

from ..compose.blocks import Photo, Table
from ..compose.document import Document
from ..read.paths import image_file, read_image
from . import HtmlOptions
from .numbering import numbered

_STYLE = """\
body{margin:0;background:#fff;color:#111}
.drafter-article{max-width:44rem;margin:0 auto;padding:1rem 1.25rem;font:17px/1.6 "Times New Roman",Times,serif;text-align:justify}
.drafter-article h1{font-size:1.6em;line-height:1.3;text-align:left;margin:.5em 0}
.drafter-article .meta{color:#555;font-style:italic}
.drafter-article figure{margin:1em 0;text-align:center}
.drafter-article img{max-width:100%;height:auto}
.drafter-article figcaption{font-style:italic;font-size:.95em;margin-top:.3em}
.drafter-article .byline{text-align:right}
.drafter-article table{border-collapse:collapse;width:100%;text-align:left}
.drafter-article th,.drafter-article td{border:1px solid #999;padding:.2em .5em;vertical-align:top}
@media print{body{color:#000}.drafter-article{max-width:none;padding:0;font-size:13pt}
.drafter-article figure,.drafter-article table,.drafter-article img{break-inside:avoid}}
"""

_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{style}</style>
</head>
<body>
{article}
</body>
</html>
"""

_SIMPLE = {
    "headline": '<h1 class="headline">{text}</h1>',
    "title": '<h1 class="title">{text}</h1>',
    "subtitle": '<p class="subtitle"><strong>{text}</strong></p>',
    "meta": '<p class="meta"><time{datetime}>{text}</time></p>',
    "lead": '<p class="lead"><strong>{text}</strong></p>',
    "p": "<p>{text}</p>",
    "note": '<p class="note">{text}</p>',
    "caption": '<p class="caption"><em>{text}</em></p>',
    "byline": '<p class="byline"{right}><strong>{text}</strong></p>',
}


def write_html(doc: Document, options: HtmlOptions = HtmlOptions()) -> str:
    fragment, embed = options.fragment, options.embed
    # a fragment loses the page's style sheet: keep what matters inline
    right = ' style="text-align:right"' if fragment else ""
    stamp = f' datetime="{escape(doc.published)}"' if doc.published else ""
    body = []
    items: list[str] = []
    for block in numbered(doc):
        if block.kind != "item" and items:
            body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items = []
        text = escape(block.text, quote=False)
        if block.kind == "item":
            items.append(f"<li>{text}</li>")
        elif block.kind == "heading":
            level = min(block.level + 1, 6)
            body.append(f"<h{level}>{text}</h{level}>")
        elif block.kind == "photo":
            if block.file:  # a caption under no picture stands alone on the page (validate warns)
                body.append(_figure(_source(doc, block.file, embed), block.text, fragment))
        elif isinstance(block, Table):
            body.append(_table(block))
        elif block.kind == "rule":
            body.append("<hr>")
        else:
            # report header and signature parts: a paragraph classed by kind, styled by the portal
            body.append(_SIMPLE.get(block.kind, f'<p class="{block.kind}">{{text}}</p>').format(
                text=text, right=right, datetime=stamp))
    if items:
        body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
    article = '<article class="drafter-article">\n' + "\n".join(body) + "\n</article>"
    if not options.standalone:
        return article + "\n"
    return _PAGE.format(title=escape(doc.title), style=_STYLE, article=article)


def images(doc: Document, options: HtmlOptions = HtmlOptions()) -> list[tuple[str, Path]]:
    """The image files a page links to, to copy beside it: (name as linked, source file)."""
    if options.embed:
        return []
    found = {}
    for block in doc.blocks:
        if isinstance(block, Photo) and block.file:
            found[block.file] = image_file(doc.base_dir, block.file)  # never outside
    return list(found.items())


def _source(doc: Document, file: str | None, embed: bool) -> str | None:
    if not file or not embed:
        return file
    data = read_image(doc.base_dir, file)
    kind = mimetypes.guess_type(file)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _figure(src: str | None, caption: str, fragment: bool) -> str:
    image = f'<img src="{escape(src)}" alt="{escape(caption)}">\n' if src else ""
    centre = ' style="text-align:center"' if fragment else ""
    return (f"<figure{centre}>\n{image}<figcaption><em>{escape(caption, quote=False)}</em></figcaption>\n"
            "</figure>")


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in table.header)
    rows = "\n".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                     for row in table.rows)
    caption = f"<caption>{escape(table.caption)}</caption>\n" if table.caption else ""
    return f"<table>\n{caption}<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
