"""The receipt QR code decodes, with a real decoder, to the payload the office will check:
from the SVG written to exports/ and from the half blocks drawn in the terminal."""

from __future__ import annotations

import re
from pathlib import Path

import zxingcpp
from PIL import Image, ImageDraw

from inspect_tui.domain.digest import visit_digest
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO, Answer
from inspect_tui.reports.receipt import (
    build_receipt,
    qr_matrix,
    qr_text,
    write_receipt,
)
from inspect_tui.storage.store import LocalStore
from tests.support.answers import best_value

RECT = re.compile(r'<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/>')


def finalized_visit(store: LocalStore, campaign: Campaign) -> str:
    visit = store.start_visit(
        campaign,
        "team-2",
        "kaqun",
        inspectors=["努尔东·艾山"],
        methods=["archive"],
        visit_date="2012-07-05",
    )
    for item in campaign.items:
        store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
    store.set_answer(campaign, visit.id, "archive.genuine", NO, "同一天同一笔迹补写")
    store.finalize(visit.id, campaign, strengths="规范", problems="补写", representative="买买提")
    return visit.id


def raster_svg(svg: str) -> Image.Image:
    """Draw our own SVG's rectangles (all it uses for the code) onto a white image."""
    width, height = (int(v) for v in re.search(r'width="(\d+)" height="(\d+)"', svg).groups())
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for x, y, w, h in (tuple(map(int, m)) for m in RECT.findall(svg)):
        draw.rectangle((x, y, x + w - 1, y + h - 1), fill=0)
    return image


def raster_text(lines: list[str], scale: int = 8) -> Image.Image:
    """The terminal rendering back to pixels: each character is one module wide, two tall."""
    halves = {"█": (1, 1), "▀": (1, 0), "▄": (0, 1), " ": (0, 0)}
    image = Image.new("L", (len(lines[0]) * scale, len(lines) * 2 * scale), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        for col, glyph in enumerate(line):
            for half, dark in enumerate(halves[glyph]):
                if dark:
                    top = (row * 2 + half) * scale
                    draw.rectangle(
                        (col * scale, top, (col + 1) * scale - 1, top + scale - 1), fill=0
                    )
    return image


def decode(image: Image.Image) -> str:
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, "exactly one QR code"
    return found[0].text


def test_receipt_svg_and_text_decode_to_the_payload(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    visit_id = finalized_visit(store, campaign)
    receipt = build_receipt(campaign, store, visit_id)
    svg_path, txt_path = write_receipt(receipt, tmp_path / "exports")

    payload = decode(raster_svg(svg_path.read_text(encoding="utf-8")))
    assert payload == receipt.payload
    parts = payload.split(":")
    assert parts[:7] == ["ITR1", "SHACHE-2012-H1", "KAQUN", "TEAM-2", "R1", "97.00", "GOOD"]
    digest = visit_digest(store.visit(visit_id), store.answers(visit_id))
    assert parts[7] == digest.upper()

    text = txt_path.read_text(encoding="utf-8")
    assert "总分 Total: 97.00" in text and "确认人 Seen by: 买买提" in text
    art = [line for line in text.splitlines() if set(line) <= set("█▀▄ ") and line]
    assert decode(raster_text(art)) == receipt.payload


def test_the_terminal_code_keeps_a_quiet_zone_and_a_small_version() -> None:
    payload = "ITR1:SHACHE-2012-H1:YAKAAIRIKE:TEAM-2:R12:100.00:GOOD:0123456789ABCDEF0123"
    matrix = qr_matrix(payload)
    assert len(matrix) <= 4 * 2 + 17 + 4 * 10  # version 10 at most, quiet zone included
    assert len(matrix) == 41  # version 4: fits beside the text in 80 columns
    for edge in (
        matrix[:4],
        matrix[-4:],
        [row[:4] for row in matrix],
        [row[-4:] for row in matrix],
    ):
        assert not any(any(row) for row in edge)
    lines = qr_text(matrix)
    assert len(lines) <= 21
    assert decode(raster_text(lines)) == payload


def test_any_change_to_an_answer_changes_the_digest(store: LocalStore, campaign: Campaign) -> None:
    visit_id = finalized_visit(store, campaign)
    visit = store.visit(visit_id)
    answers = store.answers(visit_id)
    before = visit_digest(visit, answers)
    changed = {**answers, "office.room": Answer(NO, answers["office.room"].note)}
    assert visit_digest(visit, changed) != before
    assert visit_digest(visit, dict(reversed(list(answers.items())))) == before
