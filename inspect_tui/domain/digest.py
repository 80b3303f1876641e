"""A short, stable fingerprint of a finalized visit, printed on its receipt as a QR code.

The office can later recompute it from the merged results: the same answers, remarks and
revision give the same digest, and any change to a score-bearing answer gives another.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from inspect_tui.domain.scoring import Answer
from inspect_tui.domain.visit import Visit

DIGEST_CHARS = 20  # 80 bits: far beyond guessing, short enough for a small QR code


def visit_digest(visit: Visit, answers: Mapping[str, Answer]) -> str:
    """Hex digest over the visit's identity, revision, remarks and every answer with its note."""
    canonical = {
        "visit": visit.id,
        "campaign": visit.campaign_id,
        "checklist": visit.checklist_hash,
        "team": visit.team,
        "group": visit.group,
        "revision": visit.revision,
        "strengths": visit.strengths,
        "problems": visit.problems,
        "representative": visit.representative,
        "answers": {item: [a.value, a.note] for item, a in sorted(answers.items())},
    }
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_CHARS]
