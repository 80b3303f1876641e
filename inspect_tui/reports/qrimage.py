"""QR codes for receipts and exports: the modules of a payload, drawn as terminal text, as
SVG squares (the receipt, the HTML report) or as a PNG (the Word circular), dark on white with
the quiet zone a phone camera needs. The PNG is written here (zlib + a few chunk headers)
rather than through Pillow: one less library on the office PC for one picture."""

from __future__ import annotations

import struct
import zlib

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4  # modules of light margin a phone camera needs around the code
MAX_VERSION = 10


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules (True = dark), quiet zone included."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(payload)
    code.make(fit=True)
    if code.version > MAX_VERSION:
        raise ValueError(f"QR payload needs version {code.version} > {MAX_VERSION}")
    return [list(row) for row in code.get_matrix()]


def qr_text(matrix: list[list[bool]]) -> list[str]:
    """Two module rows per text row with half blocks; shown dark-on-light in the terminal."""
    rows = [*matrix, [False] * len(matrix[0])] if len(matrix) % 2 else matrix
    glyph = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
    return [
        "".join(glyph[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[0::2], rows[1::2], strict=True)
    ]


def qr_cells(matrix: list[list[bool]], module: int) -> str:
    """The dark modules as SVG squares, `module` units each (for any SVG that shows a code)."""
    return "".join(
        f'<rect x="{x * module}" y="{y * module}" width="{module}" height="{module}"/>'
        for y, row in enumerate(matrix)
        for x, dark in enumerate(row)
        if dark
    )


def qr_svg(payload: str, module: int = 4) -> str:
    matrix = qr_matrix(payload)
    size = len(matrix) * module
    cells = qr_cells(matrix, module)
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
