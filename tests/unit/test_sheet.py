"""The paper fallback: a template to fill, read back cell by cell; a bad cell imports nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NA, NO, YES, Answer
from inspect_tui.reports.sheet import SheetError, import_sheet, write_template
from inspect_tui.storage.store import LocalStore


def filled(campaign: Campaign, path: Path, cells: dict[tuple[str, str], object]) -> Path:
    """The team-2 template with some cells filled: (group, item) -> value."""
    write_template(campaign, path, "team-2")
    book = load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for (group, item), value in cells.items():
        sheet.cell(row=rows[group], column=header.index(item) + 1, value=value)
    book.save(path)
    return path


def test_the_template_has_a_row_per_group_and_explained_columns(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = write_template(campaign, tmp_path / "sheet.xlsx", "team-2")
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["group", "联络组 Group"] and header[2:] == [i.id for i in campaign.items]
    assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == list(
        campaign.team("team-2").groups
    )
    comment = sheet.cell(row=1, column=header.index("reports.social_info") + 1).comment.text
    assert "社情民意" in comment and "目标 6" in comment


def test_a_clean_sheet_becomes_draft_visits(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    path = filled(
        campaign,
        tmp_path / "sheet.xlsx",
        {
            ("kaqun", "office.room"): "是",
            ("kaqun", "office.equipment"): "n",
            ("kaqun", "office.rules"): 4,
            ("kaqun", "reports.social_info"): "5",
            ("kaqun", "reports.practical_projects"): "不适用",
            ("huoshilafu", "penalties.veto_refusal_or_fraud"): "否",
        },
    )
    assert import_sheet(campaign, store, path, "team-2", "zh") == 14  # every row, empty or not
    kaqun = store.find_visit(campaign.id, "team-2", "kaqun")
    assert kaqun is not None and kaqun.status == "draft"
    assert store.answers(kaqun.id) == {
        "office.room": Answer(YES),
        "office.equipment": Answer(NO),
        "office.rules": Answer(4),
        "reports.social_info": Answer(5),
        "reports.practical_projects": Answer(NA),
    }
    assert store.audit(kaqun.id)[-1].reason == "paper sheet"


def test_every_bad_cell_is_named_and_nothing_is_imported(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    path = filled(
        campaign,
        tmp_path / "sheet.xlsx",
        {
            ("kaqun", "office.room"): "也许",
            ("kaqun", "office.rules"): 9,
            ("huoshilafu", "reports.social_info"): "-3",
            ("huoshilafu", "study.plan"): "是",
        },
    )
    with pytest.raises(SheetError) as caught:
        import_sheet(campaign, store, path, "team-2", "en")
    lines = [p.line() for p in caught.value.problems]
    assert len(lines) == 3
    assert lines[0].startswith("考核表!C2: ") and "office.room" in lines[0]
    assert lines[1].startswith("考核表!F2: ") and "office.rules" in lines[1]
    assert lines[2].startswith("考核表!") and "3: " in lines[2] and "social_info" in lines[2]
    assert store.visits() == []


def test_a_csv_in_utf8_reads_the_same(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    items = [i.id for i in campaign.items]
    row = ["kaqun", "喀群乡", "是", *([""] * (len(items) - 1))]
    path = tmp_path / "sheet.csv"
    path.write_text(
        ",".join(["group", "联络组 Group", *items]) + "\n" + ",".join(row) + "\n",
        encoding="utf-8-sig",
    )
    assert import_sheet(campaign, store, path, "team-2", "zh") == 1
    visit = store.find_visit(campaign.id, "team-2", "kaqun")
    assert store.answers(visit.id) == {"office.room": Answer(YES)}


def test_a_sheet_never_overwrites_a_visit(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    store.start_visit(campaign, "team-2", "kaqun")
    path = filled(campaign, tmp_path / "sheet.xlsx", {("kaqun", "office.room"): "是"})
    with pytest.raises(SheetError) as caught:
        import_sheet(campaign, store, path, "team-2", "en")
    assert "already has a visit for 'kaqun'" in caught.value.problems[0].line()
    assert len(store.visits()) == 1
