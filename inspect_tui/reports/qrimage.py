"""A QR code as an inline SVG (the HTML report) or a PNG (the Word circular), dark modules on
white with the quiet zone a phone camera needs. The PNG is written here (zlib + a few chunk
headers) rather than through Pillow: one less library on the office PC for one picture."""

from __future__ import annotations

import struct
import zlib

from inspect_tui.reports.receipt import qr_matrix


def qr_svg(payload: str, module: int = 4) -> str:
    matrix = qr_matrix(payload)
    size = len(matrix) * module
    cells = "".join(
        f'<rect x="{x * module}" y="{y * module}" width="{module}" height="{module}"/>'
        for y, row in enumerate(matrix)
        for x, dark in enumerate(row)
        if dark
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qr" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="QR">'
        f'<rect width="{size}" height="{size}" fill="#ffffff"/>'
        f'<g fill="#000000" shape-rendering="crispEdges">{cells}</g></svg>'
    )


def qr_png(payload: str, module: int = 8) -> bytes:
    """An 8-bit greyscale PNG of the code, `module` pixels per module."""
    matrix = qr_matrix(payload)
    rows = []
    for row in matrix:
        line = bytes(0 if dark else 255 for dark in row for _ in range(module))
        rows += [b"\x00" + line] * module  # filter type 0 per scanline
    side = len(matrix) * module
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)
