"""Commendations (issue 10): good practice no item scores that a team ticks for a visit at
finalize (seed 000 praises members' campaigns in religious circles and study trips). The outline
lists them (wording only, outside the checklist hash); the visit keeps the ids; the bundle and the
county check them; the dataset carries them; the circular names the tagged groups under each
commendation's words."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.loading.campaign import check_file, load_campaign
from inspect_tui.reports.circular import docx_bytes
from inspect_tui.reports.dataset import ExportData, gather
from inspect_tui.services.results import county_ranking, merge_files
from inspect_tui.storage.bundle import (
    BundleError,
    canonical,
    make_bundle,
    read_bundle,
    write_bundle,
)
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import DeviceKey, trust
from inspect_tui.storage.paths import CHECKLISTS
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import AnswerError
from inspect_tui.words.i18n import Msg
from tests.support.answers import best_value
from tests.support.files import edit
from tests.unit.test_circular_document import _answers, county

STAMP = "2012-07-10T18:00:00+00:00"
RELIGIOUS, TRIPS, CONSULTED = "religious-campaign", "study-trips", "members-consulted"
OUTLINE = "outline-shache.toml"
CAMPAIGN = "shache-2012-h1.toml"


# -- the outline ---------------------------------------------------------------------------------
def test_the_bundled_outline_lists_the_seeds_commendations(campaign: Campaign) -> None:
    listed = {c.id: c.text for c in campaign.outline.commendations}
    assert list(listed) == [RELIGIOUS, TRIPS, CONSULTED]
    assert "宗教界" in listed[RELIGIOUS].zh and "religious" in listed[RELIGIOUS].en
    assert "观摩" in listed[TRIPS].zh and "study trips" in listed[TRIPS].en
    assert "重大事项" in listed[CONSULTED].zh and "major matters" in listed[CONSULTED].en


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in (CAMPAIGN, OUTLINE, "roster-shache.toml"):
        shutil.copyfile(CHECKLISTS / name, tmp_path / name)
    return tmp_path


def test_commendations_are_wording_outside_the_checklist_hash(
    folder: Path, campaign: Campaign
) -> None:
    """Rewording one and dropping another never cuts the teams' drafts off the campaign."""
    outline = folder / OUTLINE
    edit(outline, "能认真组织宗教界政协委员开展大宣讲", "组织宗教界委员宣讲")
    text = outline.read_text(encoding="utf-8")
    start = text.index('[[commendations]]\nid = "members-consulted"')
    outline.write_text(text[:start], encoding="utf-8")
    changed = load_campaign(folder / CAMPAIGN)
    assert [c.id for c in changed.outline.commendations] == [RELIGIOUS, TRIPS]
    assert changed.outline.commendations[0].text.zh.startswith("组织宗教界委员宣讲")
    assert changed.checklist_hash == campaign.checklist_hash


@pytest.mark.parametrize(
    ("old", "new", "key", "path"),
    [
        ('id = "study-trips"\n', 'id = "study-trips"\nstars = 3\n', "schema.unknown_key", "stars"),
        ('id = "study-trips"', f'id = "{RELIGIOUS}"', "schema.duplicate_id", "id"),
        ('id = "study-trips"', 'id = "Study Trips"', "schema.pattern", "id"),
        ('text = { zh = "组织赴外地', 'text = { zh = "组\\u0007织赴外地', "schema.control", "zh"),
    ],
    ids=["unknown-key", "duplicate-id", "bad-id", "control-char"],
)
def test_a_bad_commendation_is_refused_naming_the_field(
    folder: Path, old: str, new: str, key: str, path: str
) -> None:
    edit(folder / OUTLINE, old, new)
    problems = check_file(folder / OUTLINE)
    assert [p.key for p in problems] == [key]
    assert problems[0].path.startswith("commendations[")
    assert problems[0].path.endswith(path) or path in problems[0].path
    assert problems[0].line("zh") and problems[0].line("en")


def test_text_given_as_a_plain_string_is_refused(folder: Path) -> None:
    outline = folder / OUTLINE
    lines = outline.read_text(encoding="utf-8").splitlines(keepends=True)
    (n,) = [i for i, line in enumerate(lines) if line.startswith('text = { zh = "组织赴外地')]
    lines[n] = 'text = "组织赴外地观摩"\n'
    outline.write_text("".join(lines), encoding="utf-8")
    problems = check_file(outline)
    assert [(p.key, p.path) for p in problems] == [
        ("schema.text_as_string", "commendations[study-trips].text")
    ]


# -- the visit -----------------------------------------------------------------------------------
def complete_visit(store: LocalStore, campaign: Campaign, group: str = "kaqun") -> str:
    visit = store.start_visit(
        campaign, "team-2", group, inspectors=["艾山"], methods=["archive"], visit_date="2012-07-05"
    )
    for item in campaign.items:
        store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
    return visit.id


def finalize(store: LocalStore, campaign: Campaign, visit_id: str, ticked: object) -> None:
    store.finalize(
        visit_id,
        campaign,
        strengths="档案规范",
        problems="无",
        representative="组长",
        commendations=ticked,  # type: ignore[arg-type]
    )


def stored_header(folder: Path, visit_id: str) -> dict:
    data = json.loads((folder / "visits" / f"{visit_id}.json").read_text(encoding="utf-8"))
    return data["visit"]["1"]


def test_finalize_stores_the_ticked_commendations_through_reopening_and_reloading(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    with LocalStore(folder) as store:
        visit_id = complete_visit(store, campaign)
        finalize(store, campaign, visit_id, [TRIPS, RELIGIOUS, TRIPS])
        assert store.visit(visit_id).commendations == (RELIGIOUS, TRIPS)  # outline order, once
        store.reopen(visit_id, "补充材料")
        assert store.visit(visit_id).commendations == (RELIGIOUS, TRIPS)  # kept for the dialog
    assert stored_header(folder, visit_id)["commendations"] == [RELIGIOUS, TRIPS]
    with LocalStore(folder) as store:
        assert store.visit(visit_id).commendations == (RELIGIOUS, TRIPS)
        finalize(store, campaign, visit_id, [])  # untick them all
    assert "commendations" not in stored_header(folder, visit_id)  # not left over in the file
    with LocalStore(folder) as store:
        assert store.visit(visit_id).commendations == ()


@pytest.mark.parametrize("ticked", [["gold-star"], [RELIGIOUS, "gold-star"], RELIGIOUS])
def test_finalize_refuses_a_commendation_the_outline_does_not_list(
    campaign: Campaign, tmp_path: Path, ticked: object
) -> None:
    with LocalStore(tmp_path / "laptop") as store:
        visit_id = complete_visit(store, campaign)
        with pytest.raises(AnswerError) as refused:
            finalize(store, campaign, visit_id, ticked)
        assert refused.value.key == "answer.unknown_commendation"
        named = "gold-star" if isinstance(ticked, list) else RELIGIOUS
        assert named in refused.value.line("zh") and named in refused.value.line("en")
        assert store.visit(visit_id).status == "draft"


def test_a_visit_without_commendations_is_stored_as_before(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Old files (and bundles) without the field load with none; a visit without any writes
    no field, so its file and its bundle keep the bytes they had."""
    folder = tmp_path / "laptop"
    with LocalStore(folder) as store:
        visit_id = complete_visit(store, campaign)
        finalize(store, campaign, visit_id, ())
    assert "commendations" not in stored_header(folder, visit_id)
    with LocalStore(folder) as store:
        assert store.visit(visit_id).commendations == ()


# -- the bundle and the county -------------------------------------------------------------------
def laptop(tmp_path: Path, campaign: Campaign, tags: dict[str, list[str]]) -> tuple[Path, str]:
    """Team 2's laptop with the groups in `tags` finalized and ticked so; its bundle and key."""
    folder = tmp_path / "laptop"
    with LocalStore(folder) as store:
        for group, ticked in tags.items():
            finalize(store, campaign, complete_visit(store, campaign, group), ticked)
        device = DeviceKey(folder)
        bundle = make_bundle(campaign, store, "team-2", device, created_at=STAMP)
    return write_bundle(bundle, tmp_path / "out"), device.public


def trusted(campaign: Campaign, key: str) -> dict[str, set[str]]:
    keys = {team.id: set(team.keys) for team in campaign.teams}
    keys["team-2"].add(key)
    return keys


def test_a_bundle_carries_the_commendations_to_the_lead(campaign: Campaign, tmp_path: Path) -> None:
    path, key = laptop(tmp_path, campaign, {"kaqun": [RELIGIOUS, TRIPS], "huoshilafu": []})
    bundle = read_bundle(path, campaign, trusted(campaign, key))
    visits = {v["group"]: v for v in bundle.visits}
    assert visits["kaqun"]["commendations"] == [RELIGIOUS, TRIPS]
    assert "commendations" not in visits["huoshilafu"]


def resigned(path: Path, tmp_path: Path, change: object) -> Path:
    """The bundle changed and signed again with the team's own key (a faulty program)."""
    bundle = json.loads(path.read_text(encoding="utf-8"))
    change(bundle["visits"][0])  # type: ignore[operator]
    device = DeviceKey(tmp_path / "laptop")
    content = {k: v for k, v in bundle.items() if k not in ("digest", "signature")}
    body = canonical(content)
    bundle.update(digest=hashlib.sha256(body).hexdigest(), signature=device.sign(body))
    return write_bundle(bundle, tmp_path / "resigned")


@pytest.mark.parametrize(
    ("value", "named"),
    [(["gold-star"], "gold-star"), ([RELIGIOUS, 7], "7"), (RELIGIOUS, RELIGIOUS)],
    ids=["unknown-id", "not-an-id", "not-a-list"],
)
def test_a_bundle_with_a_commendation_the_outline_does_not_list_is_refused(
    campaign: Campaign, tmp_path: Path, value: object, named: str
) -> None:
    path, key = laptop(tmp_path, campaign, {"kaqun": [TRIPS]})
    bad = resigned(path, tmp_path, lambda v: v.update(commendations=value))
    with pytest.raises(BundleError) as refused:
        read_bundle(bad, campaign, trusted(campaign, key))
    assert refused.value.key == "bundle.bad_commendation"
    for lang in ("zh", "en"):
        said = refused.value.line(lang)
        assert campaign.group("kaqun").name.get(lang) in said and named in said


def test_the_laptop_does_not_sign_a_commendation_the_outline_does_not_list(
    campaign: Campaign, tmp_path: Path
) -> None:
    with LocalStore(tmp_path / "laptop") as store:
        visit_id = complete_visit(store, campaign)
        store.update_visit(visit_id, commendations=["gold-star"])  # a faulty program
        with pytest.raises(BundleError) as refused:
            make_bundle(campaign, store, "team-2", DeviceKey(tmp_path / "laptop"), created_at=STAMP)
    assert refused.value.key == "bundle.invalid_commendation"
    assert "gold-star" in refused.value.line("zh") and "喀群乡" in refused.value.line("zh")


def test_a_county_record_edited_to_an_unknown_commendation_is_left_out(
    campaign: Campaign, tmp_path: Path
) -> None:
    lead = lead_folder(tmp_path, campaign, {"kaqun": [RELIGIOUS]})
    path = lead / "county" / f"{campaign.id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    row = next(iter(data["records"].values()))
    row["data"]["commendations"] = ["gold-star"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with LocalStore(lead):
        found = county_ranking(campaign, lead)
    assert found.rows == []  # never ranked, and the ranking goes on
    assert [row.reason for row in found.view.invalid] == [
        Msg("visit.bad_commendation", value="gold-star")
    ]


# -- the dataset and the circular ----------------------------------------------------------------
def lead_folder(tmp_path: Path, campaign: Campaign, tags: dict[str, list[str]]) -> Path:
    path, key = laptop(tmp_path, campaign, tags)
    lead = tmp_path / "lead"
    with LocalStore(lead) as store:
        trust(campaign, store, "team-2", key)
        with CountyStore(lead, campaign) as county:
            assert merge_files(campaign, store, county, [path])[1] == []
    return lead


def test_the_dataset_carries_each_counted_visits_commendations(
    campaign: Campaign, tmp_path: Path
) -> None:
    lead = lead_folder(tmp_path, campaign, {"kaqun": [TRIPS], "huoshilafu": []})
    with LocalStore(lead) as store:
        data = gather(campaign, store.folder)
    assert [v.commendations for v in data.visits["kaqun"]] == [(TRIPS,)]
    assert [v.commendations for v in data.visits["huoshilafu"]] == [()]
    said = body(data, "zh")
    assert any("喀群乡政协委员联络组组织赴外地观摩时" in p for p in said)  # one group: no 等


def body(data: ExportData, lang: str) -> list[str]:
    document = docx.Document(io.BytesIO(docx_bytes(data, lang)))  # type: ignore[arg-type]
    return [p.text for p in document.paragraphs]


@pytest.fixture
def tagged(campaign: Campaign) -> ExportData:
    """Five groups ranked kaqun, wudalike, shuili-xitong, qiareke, boshikante (vetoed); three
    tagged for the religious campaign (a township and a system among them), one for study
    trips, none for the third commendation."""
    a = lambda **kw: _answers(campaign, **kw)  # noqa: E731
    data = county(
        campaign,
        {
            "kaqun": a(),
            "shuili-xitong": a(study__plan="no", study__rules="no"),
            "wudalike": a(archive__catalogue=0),
            "qiareke": a(study__plan="no", study__rules="no", archive__catalogue=0),
            "boshikante": a(penalties__veto_refusal_or_fraud="yes"),
        },
    )
    ticks = {"qiareke": (RELIGIOUS,), "kaqun": (RELIGIOUS,), "shuili-xitong": (RELIGIOUS, TRIPS)}
    visits = {
        group: [replace(v, commendations=ticks.get(group, ())) for v in found]
        for group, found in data.visits.items()
    }
    return replace(data, visits=visits)


def test_the_circular_names_the_tagged_groups_under_each_commendation(
    tagged: ExportData,
) -> None:
    ranked = [row.group.id for row in tagged.rows]
    assert ranked == ["kaqun", "shuili-xitong", "wudalike", "qiareke", "boshikante"]
    text = body(tagged, "zh")
    good = text[text.index("二、做得较好的方面") + 1 : text.index("三、存在的主要问题")]
    religious = next(p for p in good if "宗教界" in p)
    # every tagged group in one list, townships first (as seed 000), each in rank order
    assert religious.endswith(
        "喀群乡、恰热克镇、水利系统党委等联络组"
        "能认真组织宗教界政协委员开展大宣讲，在维护稳定和民族团结方面起到了较好的作用。"
    )
    assert "吾达力克乡" not in religious  # not tagged
    trips = next(p for p in good if "观摩" in p)
    said = (
        "组织赴外地观摩时专门邀请政协委员参与，并组织委员进行宣讲，"
        "为本地各项工作的开展起到了积极作用。"
    )
    assert trips.endswith(f"）邀请委员参加观摩。水利系统党委政协委员联络组{said}")
    assert not any("重大事项" in p for p in good)  # nobody tagged it: no paragraph
    # numbered on after the themes, each its own paragraph
    assert len(tagged.campaign.outline.themes) == 8
    assert religious.startswith("（九）") and trips.startswith("（十）")
    assert good.index(trips) == good.index(religious) + 1


def test_the_english_circular_says_it_too(tagged: ExportData) -> None:
    text = body(tagged, "en")
    religious = next(p for p in text if "religious circles" in p)
    assert religious == (
        "(9) Members from religious circles. Kaqun Township, Qiareke Town and Water resources "
        "system Party committee had members "
        "from religious circles lead the public-information campaign, which did much for "
        "stability and ethnic unity."
    )
    trips = (
        "(10) Members on study trips. Water resources system Party committee invited members on "
        "study trips elsewhere and had them give talks on what they saw, which helped the local "
        "work along."
    )
    assert trips in text
