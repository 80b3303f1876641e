"""A QR code drawn with half blocks: dark modules on a light ground, quiet zone included,
so a phone camera reads it off the screen in a dark theme too."""

from __future__ import annotations

from textual.widgets import Static

from inspect_tui.reports.qrimage import qr_matrix, qr_text


class QRCode(Static):
    DEFAULT_CSS = """
    QRCode {
        width: auto;
        height: auto;
        color: #000000;
        background: #ffffff;
    }
    """

    def __init__(self, payload: str, *, id: str | None = None) -> None:
        super().__init__("\n".join(qr_text(qr_matrix(payload))), id=id, markup=False)
        self.payload = payload
