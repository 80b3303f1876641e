"""A visit as the domain knows it: one team's assessment of one group, and the audit entries
that record every change to it. Plain records; the store reads and writes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["draft", "final"]


@dataclass(frozen=True)
class Visit:
    """One team's assessment of one group in one campaign."""

    id: str
    campaign_id: str
    checklist_hash: str
    team: str
    group: str
    status: Status = "draft"
    revision: int = 1
    created_at: str = ""
    updated_at: str = ""
    finalized_at: str = ""
    visit_date: str = ""
    inspectors: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    strengths: str = ""
    problems: str = ""
    representative: str = ""
    position: str = ""
    commendations: tuple[str, ...] = ()  # ids of the outline's commendations, ticked at finalize

    @property
    def final(self) -> bool:
        return self.status == "final"

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Visit:
        known = {k: v for k, v in doc.items() if k in cls.__dataclass_fields__}
        for key in LISTS:
            known[key] = tuple(known.get(key, ()))
        return cls(**known)

    def to_doc(self) -> dict[str, Any]:
        # by hand, not dataclasses.asdict: this runs on every save and asdict deep-copies
        doc = {name: getattr(self, name) for name in self.__dataclass_fields__}
        doc["inspectors"] = list(self.inspectors)
        doc["methods"] = list(self.methods)
        # only when ticked: files and bundles without any stay byte for byte as they were
        if self.commendations:
            doc["commendations"] = list(self.commendations)
        else:
            del doc["commendations"]
        return doc


@dataclass(frozen=True)
class AuditEntry:
    """One change: who made it, when, what it was before and after, and why."""

    at: str
    who: str
    action: str
    visit_id: str
    revision: int
    subject: str = ""
    old: Any = None
    new: Any = None
    reason: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


HEADER_FIELDS = (
    "visit_date",
    "inspectors",
    "methods",
    "strengths",
    "problems",
    "representative",
    "commendations",
)
LISTS = ("inspectors", "methods", "commendations")  # the header fields that hold lists
REMARKS = ("strengths", "problems")  # the header fields that may run to several lines
