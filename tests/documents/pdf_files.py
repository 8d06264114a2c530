"""PDF files written for the tests and benchmarks: pages of lines, a text layer or none."""

from __future__ import annotations


def make_pdf(
    pages: list[list[str]],
    *,
    size: int = 11,
    left: int = 72,
    top: int = 760,
    errors: str = "strict",
) -> bytes:
    """A PDF whose pages show these lines in Helvetica ``size``, one text object a line from
    ``(left, top)`` down (as most generators write them); a page without lines has no text
    layer, like a scan. ``errors`` is how characters cp1252 lacks are written."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for i, lines in enumerate(pages):
        content = b"".join(
            b"BT /F1 %d Tf %d %d Td (%s) Tj ET\n"
            % (size, left, top - 14 * n, _escape(line, errors))
            for n, line in enumerate(lines)
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_ids[i] + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _escape(line: str, errors: str) -> bytes:
    data = line.encode("cp1252", errors)
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
