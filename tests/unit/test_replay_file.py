"""The recorded round's file is checked like a checklist: every value against its item, every
shortfall's note, teams, groups and patterns; each problem is one line naming file, line and
field, and a sandbox built from a damaged file is never half made."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO, YES
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.loading.replay import check_round, full_answer, load_round, round_file
from inspect_tui.services.demo import build_sandbox
from inspect_tui.storage.files import MAX_BYTES
from inspect_tui.storage.paths import CHECKLISTS
from inspect_tui.words.errors import ChecklistError
from tests.e2e.test_bundle_cli import run


@pytest.fixture
def copied(tmp_path: Path) -> Campaign:
    """The bundled checklists and round in a folder of the test's own."""
    shutil.copytree(CHECKLISTS, tmp_path / "checklists")
    return load_campaign(tmp_path / "checklists" / "shache-2012-h1.toml")


def edited(campaign: Campaign, old: str, new: str) -> Path:
    path = round_file(campaign)
    text = path.read_text("utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def refused(campaign: Campaign) -> list[str]:
    with pytest.raises(ChecklistError) as caught:
        load_round(round_file(campaign), campaign)
    return [problem.line("en") for problem in caught.value.problems]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def test_the_bundled_round_is_clean(copied: Campaign) -> None:
    found = load_round(round_file(copied), copied)
    assert len(found.visits) == 39 and len(found.not_assessed) == 2
    assert {visit.team for visit in found.visits} == {"team-1", "team-2", "team-3"}
    for visit in found.visits:  # every item answered, the header filled
        assert set(visit.answers) == {item.id for item in copied.items}
        assert visit.inspectors and visit.methods and visit.strengths and visit.problems


def test_an_item_a_visit_does_not_list_earned_everything(copied: Campaign) -> None:
    found = load_round(round_file(copied), copied)
    kaqun = next(v for v in found.visits if v.group == "kaqun")
    assert kaqun.answers["office.room"].value == YES
    assert kaqun.answers["office.rules"].value == 5  # a scale at its maximum
    assert kaqun.answers["reports.social_info"].value == 5  # the file's own answer
    assert kaqun.answers["reports.suggestions"].value == 2  # a count at the period's target
    assert kaqun.answers["penalties.veto_refusal_or_fraud"].value == NO
    assert full_answer(copied, copied.item("penalties.no_activity")) == 0


def test_a_value_its_item_does_not_take_is_named_by_line(copied: Campaign) -> None:
    path = edited(copied, '"office.rules" = { answer = 4,', '"office.rules" = { answer = 9,')
    (problem,) = refused(copied)
    line = line_of(path, '"office.rules" = { answer = 9,')
    assert problem.startswith(f"{path}:{line}: visits[")
    assert "answers.office.rules.answer: '9' is not a valid answer for 'office.rules'" in problem


def test_a_shortfall_without_its_note_is_refused(copied: Campaign) -> None:
    old = '"office.rules" = { answer = 4, note = "委员走访制度未建立" }'
    edited(copied, old, '"office.rules" = { answer = 4 }')
    (problem,) = refused(copied)
    assert "these items fell short and need a note: office.rules" in problem


UNKNOWN = [  # (what the file says, what it is changed to, what the refusal says)
    ('group = "kaqun"', 'group = "yishikuli"', "group 'yishikuli' is not assigned to team-2"),
    ('patterns = ["info-late-good"]', 'patterns = ["late"]', "the file defines no pattern 'late'"),
    ('campaign = "shache-2012-h1"', 'campaign = "shache-2012-y"',
     "this records campaign 'shache-2012-y'"),
    ('"archive.catalogue" = { answer = 3,', '"archive.index" = { answer = 3,',
     "the outline has no item 'archive.index'"),
    ('group = "damusi"', 'group = "kaqun"',
     "group 'kaqun' is listed as not assessed but the file also has a visit"),
    ('commendations = ["study-trips"]', 'commendations = ["gold-star"]',
     "the outline has no commendation 'gold-star'"),
    ("date = 2012-07-04", "date = 2011-07-04",
     "visit date 2011-07-04 is before the period starts"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "says"), UNKNOWN)
def test_what_the_campaign_does_not_know_is_refused(
    copied: Campaign, old: str, new: str, says: str
) -> None:
    edited(copied, old, new)
    problems = refused(copied)
    assert any(says in problem for problem in problems), problems


@pytest.mark.parametrize("hostile", ["\x1b]0;x\x07", "\x85"])
def test_a_note_with_a_control_character_is_refused_naming_the_field(
    copied: Campaign, hostile: str
) -> None:
    escaped = hostile.encode("unicode_escape").decode().replace("\\x", "\\u00")
    edited(copied, 'note = "卷内目录不全"', f'note = "卷内目录{escaped}不全"')
    (problem,) = refused(copied)
    assert "answers.archive.catalogue.note" in problem


def test_markup_and_direction_controls_are_kept_as_text(copied: Campaign) -> None:
    # as in a checklist: text, made visible where it is shown (`text.visible`), never markup
    edited(copied, 'note = "卷内目录不全"', 'note = "王[/ [b]卷内\\u202e目录不全"')
    found = load_round(round_file(copied), copied)
    notes = {a.note for v in found.visits for a in v.answers.values()}
    assert "王[/ [b]卷内\u202e目录不全" in notes


def test_a_damaged_round_builds_no_sandbox(copied: Campaign, tmp_path: Path) -> None:
    edited(copied, 'group = "kaqun"', 'group = "yishikuli"')
    target = tmp_path / "sandbox"
    with pytest.raises(ChecklistError):
        build_sandbox(target, copied)
    assert not target.exists()  # read and checked before anything is written
    made = run(
        tmp_path, "--campaign", str(copied.path), "--lang", "en", "demo", "--dir", str(target)
    )
    assert made.returncode == 2 and not target.exists()
    (said,) = made.stderr.strip().splitlines()
    assert "shache-2012-h1.toml:" in said and "is not assigned to team-2" in said
    assert "Traceback" not in made.stderr


def test_checklist_check_reads_a_round_file(copied: Campaign, tmp_path: Path) -> None:
    clean = run(tmp_path, "--lang", "en", "checklist", "check", str(round_file(copied)))
    assert clean.returncode == 0
    assert clean.stdout.strip().endswith("OK (39 visits, 2 group(s) not assessed)")
    edited(copied, '"office.rules" = { answer = 4,', '"office.rules" = { answer = 9,')
    broken = run(tmp_path, "--lang", "en", "checklist", "check", str(round_file(copied)))
    assert broken.returncode == 2 and "is not a valid answer for 'office.rules'" in broken.stdout
    assert check_round(copied.path) is None  # a campaign file is not a round


def test_a_campaign_without_a_recorded_round_gets_generated_results(
    copied: Campaign, tmp_path: Path
) -> None:
    round_file(copied).unlink()
    made = run(tmp_path, "--campaign", str(copied.path), "--lang", "en", "demo", "--dir",
               str(tmp_path / "s"))  # fmt: skip
    assert made.returncode == 0
    assert "has no recorded round" in made.stdout and "generated results" in made.stdout


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _huge(path: Path) -> None:
    with path.open("r+b") as sparse:  # 64 MiB and one byte, without writing them
        sparse.truncate(MAX_BYTES + 1)


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


NOT_A_FILE = [
    pytest.param(_fifo, id="fifo", marks=pytest.mark.skipif(
        not hasattr(os, "mkfifo"), reason="Windows has no FIFOs")),
    pytest.param(_huge, id="huge"),
    pytest.param(_folder, id="folder"),
]  # fmt: skip


@pytest.mark.parametrize("spoil", NOT_A_FILE)
def test_what_is_not_a_round_file_is_refused_not_replaced_by_generated_results(
    copied: Campaign, tmp_path: Path, spoil: object
) -> None:
    spoil(round_file(copied))  # type: ignore[operator]
    target = tmp_path / "sandbox"
    made = run(
        tmp_path, "--campaign", str(copied.path), "--lang", "en", "demo", "--dir", str(target)
    )
    assert made.returncode == 2 and not target.exists()
    (said,) = made.stderr.strip().splitlines()
    assert said.startswith(str(round_file(copied))) and "Traceback" not in made.stderr
    assert "generated results" not in made.stdout


def test_a_round_whose_campaign_is_missing_names_the_campaign_file(
    copied: Campaign, tmp_path: Path
) -> None:
    copied.path.unlink()
    checked = run(tmp_path, "--lang", "en", "checklist", "check", str(round_file(copied)))
    assert checked.returncode == 2 and str(copied.path) in checked.stdout
