"""PDF through LibreOffice in headless mode: the DOCX drafter writes, converted as Word would print it.

One soffice process converts any number of files (a batch makes one call, not one per file),
each call with its own user profile so parallel conversions never share LibreOffice's lock.
LibreOffice stamps the time and a random id into every PDF; both are replaced by values drawn
from the DOCX (same length, so the PDF's byte offsets stay valid): same input, same bytes.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..compose.document import Document
from ..errors import fail
from . import DocxOptions

TIMEOUT = 300  # seconds for one soffice call, however many files
PACKAGE = "libreoffice-writer"
_DATE = re.compile(rb"D:\d{14}([+-]\d\d'\d\d'?|Z)?")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def write_pdf(doc: Document, options: DocxOptions = DocxOptions()) -> bytes:
    from .docx import write_docx

    return docx_to_pdf(write_docx(doc, options))


def docx_to_pdf(docx_bytes: bytes) -> bytes:
    """One DOCX (as bytes) to PDF bytes; a DrafterError naming the package if LibreOffice is missing."""
    return docx_to_pdf_many([docx_bytes])[0]


def docx_to_pdf_many(documents: list[bytes]) -> list[bytes]:
    """Several DOCX files converted by one LibreOffice process, results in the same order."""
    if not documents:
        return []
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        folder = Path(tmp)
        names = []
        for i, data in enumerate(documents):
            name = folder / f"{i:05d}.docx"
            name.write_bytes(data)
            names.append(name)
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", str(folder / "pdf"), *map(str, names)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise fail("--format", "pdf_failed", reason=f"LibreOffice > {TIMEOUT} s") from None
        out = []
        for name, data in zip(names, documents):
            pdf = folder / "pdf" / (name.stem + ".pdf")
            if not pdf.is_file():
                reason = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
                raise fail("--format", "pdf_failed", reason=reason[-1] if reason else f"exit {done.returncode}")
            out.append(_stable(pdf.read_bytes(), data))
        return out


def find_soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise fail("--format", "pdf_no_libreoffice", package=PACKAGE)


def _stable(pdf: bytes, source: bytes) -> bytes:
    """The PDF with LibreOffice's clock and random id replaced by the source's date and digest."""
    digest = hashlib.md5(source).hexdigest().upper().encode()

    def fixed_id(match: re.Match) -> bytes:
        first, second = match.group(1), match.group(2)
        return match.group(0).replace(first, (digest * 4)[: len(first)]).replace(second, (digest * 4)[: len(second)])

    pdf = _ID.sub(fixed_id, pdf)
    pdf = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", b"/DocChecksum /" + digest, pdf)
    pdf = _DATE.sub(lambda m: b"D:20000101000000" + re.sub(rb"\d", b"0", m.group(0)[16:]), pdf)
    # XMP metadata repeats the dates in ISO form and carries a random document id
    pdf = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?",
                 lambda m: b"2000-01-01T00:00:00" + re.sub(rb"\d", b"0", m.group(0)[19:]), pdf)
    pdf = re.sub(rb"uuid:[0-9a-f-]{36}", lambda m: b"uuid:" + _uuid(digest), pdf)
    return pdf


def _uuid(digest: bytes) -> bytes:
    d = digest.lower()
    return d[:8] + b"-" + d[8:12] + b"-" + d[12:16] + b"-" + d[16:20] + b"-" + d[20:32]
