"""The visit receipt: what the group's representative photographs when a visit is finalized.

A QR code carries a short payload (campaign, group, team, revision, total, tier and the visit's
digest) that the office can check against the merged results later. The same receipt is kept
in `exports/` as SVG (printable) and as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from inspect_tui.domain.digest import visit_digest
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import score_visit, valid_answers
from inspect_tui.reports.qrimage import qr_cells, qr_matrix, qr_text
from inspect_tui.storage.atomic import atomic_write
from inspect_tui.storage.store import LocalStore

PAYLOAD_PREFIX = "ITR1"
# the payload as `Receipt.payload` writes it: campaign, group, team, revision, total, tier, digest
PAYLOAD_PATTERN = re.compile(
    PAYLOAD_PREFIX
    + r":([A-Z0-9-]+):([A-Z0-9-]+):([A-Z0-9-]+):R(\d+):([\d.]+):([A-Z0-9-]+):([0-9A-F]+)"
)


@dataclass(frozen=True)
class Receipt:
    campaign_id: str
    campaign_title: str
    group_id: str
    group_name: str
    team_id: str
    team_name: str
    revision: int
    total: float
    tier_id: str
    tier_name: str
    vetoed: bool
    finalized_at: str
    representative: str
    digest: str
    visit_date: str = ""
    inspectors: tuple[str, ...] = ()

    @property
    def payload(self) -> str:
        """ITR1:CAMPAIGN:GROUP:TEAM:R<revision>:<total>:<tier>:<digest>, upper case.

        Ids are lower-case [a-z0-9-], so upper case loses nothing and lets the QR code use its
        alphanumeric mode: the whole receipt fits a version 4 code (41 modules with the quiet
        zone), small enough to show beside the text in an 80x24 terminal.
        """
        parts = (
            PAYLOAD_PREFIX,
            self.campaign_id,
            self.group_id,
            self.team_id,
            f"r{self.revision}",
            f"{self.total:.2f}",
            self.tier_id,
            self.digest,
        )
        return ":".join(parts).upper()

    @property
    def file_stem(self) -> str:
        return f"receipt-{self.campaign_id}-{self.group_id}-{self.team_id}-r{self.revision}"


def build_receipt(campaign: Campaign, store: LocalStore, visit_id: str) -> Receipt:
    """The receipt of a visit as it stands (the TUI shows it for finalized visits)."""
    visit = store.visit(visit_id)
    answers = store.answers(visit_id)
    # scored as `store.checked_answers` gives them (one read for the score and the digest): a
    # value its item does not take is never scored; the digest covers what the file holds
    score = score_visit(campaign, valid_answers(campaign, answers)[0])
    group = campaign.group(visit.group)
    team = campaign.team(visit.team)
    return Receipt(
        campaign_id=campaign.id,
        campaign_title=campaign.title.zh,
        group_id=group.id,
        group_name=group.name.zh,
        team_id=team.id,
        team_name=team.name.zh,
        revision=visit.revision,
        total=score.total,
        tier_id=score.tier.id,
        tier_name=score.tier.name.zh,
        vetoed=score.vetoed,
        finalized_at=visit.finalized_at,
        representative=visit.representative,
        digest=visit_digest(visit, answers),
        visit_date=visit.visit_date,
        inspectors=visit.inspectors,
    )


def receipt_lines(receipt: Receipt) -> list[str]:
    """The receipt as text, Chinese first with English beside each label."""
    tier = receipt.tier_name + ("（一票否决 veto）" if receipt.vetoed else "")
    return [
        f"{receipt.campaign_title}",
        f"联络组 Group: {receipt.group_name} ({receipt.group_id})",
        f"考核组 Team: {receipt.team_name} ({receipt.team_id})",
        f"总分 Total: {receipt.total:.2f}",
        f"等次 Tier: {tier} ({receipt.tier_id})",
        f"版本 Revision: {receipt.revision}",
        f"考核日期 Date: {receipt.visit_date}",
        f"检查人 Inspectors: {'、'.join(receipt.inspectors)}",
        f"定稿 Finalized: {receipt.finalized_at[:16].replace('T', ' ')} UTC",
        f"确认人 Seen by: {receipt.representative}",
        f"校验码 Digest: {receipt.digest}",
    ]


def receipt_svg(receipt: Receipt, module: int = 6) -> str:
    """A printable SVG: the QR code (dark modules on white, quiet zone kept) and the text."""
    matrix = qr_matrix(receipt.payload)
    size = len(matrix) * module
    line_height = 22
    lines = receipt_lines(receipt)
    height = size + line_height * (len(lines) + 1)
    width = max(size, 520)
    cells = qr_cells(matrix, module)
    text = "".join(
        f'<text x="8" y="{size + line_height * (n + 1)}">{escape(line)}</text>'
        for n, line in enumerate(lines)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
        f'<g fill="#000000" shape-rendering="crispEdges">{cells}</g>'
        f'<g font-family="SimSun, Songti SC, Noto Serif CJK SC, serif" font-size="15" '
        f'fill="#000000">{text}</g></svg>\n'
    )


def write_receipt(receipt: Receipt, folder: Path) -> tuple[Path, Path]:
    """Write `<stem>.svg` and `<stem>.txt` into `folder` (each whole or not at all)."""
    folder.mkdir(parents=True, exist_ok=True)
    svg = folder / f"{receipt.file_stem}.svg"
    txt = folder / f"{receipt.file_stem}.txt"
    atomic_write(svg, receipt_svg(receipt).encode("utf-8"))
    body = [*receipt_lines(receipt), "", *qr_text(qr_matrix(receipt.payload)), ""]
    atomic_write(txt, "\n".join(body).encode("utf-8"))
    return svg, txt
