"""HTML for an office's web portal: one self-contained page with an <article>."""
from __future__ import annotations

from html import escape

from ..blocks import Table
from . import Rendered

_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title}</title>
</head>
<body>
<article class="drafter-article">
{body}
</article>
</body>
</html>
"""

_SIMPLE = {
    "headline": '<h1 class="headline">{}</h1>',
    "title": '<h1 class="title">{}</h1>',
    "subtitle": '<p class="subtitle"><strong>{}</strong></p>',
    "meta": '<p class="meta"><time>{}</time></p>',
    "lead": '<p class="lead"><strong>{}</strong></p>',
    "p": "<p>{}</p>",
    "note": '<p class="note">{}</p>',
    "caption": '<p class="caption"><em>{}</em></p>',
    "byline": '<p class="byline"><strong>{}</strong></p>',
}


def write_html(doc: Rendered) -> str:
    body = []
    items: list[str] = []
    for block in doc.blocks:
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
            body.append(_figure(block.data.file, block.text))
        elif block.kind == "table":
            body.append(_table(block.data))
        elif block.kind == "rule":
            body.append("<hr>")
        else:
            # report header and signature parts: a paragraph classed by kind, styled by the portal
            body.append(_SIMPLE.get(block.kind, f'<p class="{block.kind}">{{}}</p>').format(text))
    if items:
        body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
    return _PAGE.format(title=escape(doc.title), body="\n".join(body))


def _figure(file: str | None, caption: str) -> str:
    image = f'<img src="{escape(file)}" alt="{escape(caption)}">\n' if file else ""
    return f"<figure>\n{image}<figcaption>{escape(caption, quote=False)}</figcaption>\n</figure>"


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in table.header)
    rows = "\n".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                     for row in table.rows)
    caption = f"<caption>{escape(table.caption)}</caption>\n" if table.caption else ""
    return f"<table>\n{caption}<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
