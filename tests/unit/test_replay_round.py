"""The sandbox replays the county's real 2012 half-year round (seed 000): merged under the bundled
rules, quota and the campaign's default rule for shared groups, its tiers are the seed's name for
name, and each thing the seed says of a group is what the data and the drafted circular say.

The seed's words are quoted below as the seed writes them (its spellings mapped through the
round file's `names`), so a change to the data that breaks a statement fails here."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.loading.replay import load_round, round_file
from inspect_tui.reports.circular import docx_bytes
from inspect_tui.reports.circular_praise import praised
from inspect_tui.reports.circular_problems import WEAK_SHARE
from inspect_tui.reports.circular_shares import theme_shares
from inspect_tui.reports.dataset import ExportData, gather
from inspect_tui.services.demo import build_sandbox
from inspect_tui.services.results import merge_files
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.paths import CHECKLISTS
from inspect_tui.storage.store import LocalStore

# seed 000, the closing paragraph: "全县38个政协委员联络组中较好的有……等；较差的有……等"
SEED_GOOD = (
    "喀群乡、吾达力克乡、阿斯兰巴格乡、英吾斯塘乡、莎车镇、古勒巴格乡、"
    "托木吾斯塘乡、阿扎提巴格乡、恰尔巴格乡、依盖尔其镇、阔什艾日克乡、"
    "派克其乡、教育系统党委、卫生系统党委"
)
SEED_POOR = (
    "伯什坎特镇、喀尔苏乡、米夏乡、恰热克镇、孜热夏提乡、公安局党委、"
    "农业局党委、企业工委、县委总支、政府总支、水利系统党委"
)
# 一、"尤其是……等乡镇在全乡重大会议时，党委政府都能邀请政协委员参加会议"
SEED_LEADERSHIP = (
    "托木吾斯塘乡、阿扎提巴格乡、阔什艾日克乡、派克其乡、英吾斯塘乡、古勒巴格乡、霍什拉甫乡、喀群乡"
)
SEED_RELIGIOUS = "霍什拉甫乡、恰尔巴格乡"  # "能认真组织宗教界政协委员开展大宣讲"
SEED_TRIPS = "英吾斯塘乡、恰尔巴格乡、卫生系统"  # "组织赴外地观摩时，专门邀请政协委员参与"
SEED_CONSULTED = "卫生系统"  # "在确定重大事项时，能认真听取政协委员的意见和建议"
SEED_INVITES = "县直工委"  # "在各项工作中也能做到邀请本系统政协委员参与"
# 二、3 "档案整理比较好的乡镇有……"
SEED_ARCHIVE_GOOD = (
    "吾达力克乡、阿斯兰巴格乡、莎车镇、英吾斯塘乡、喀群乡、托木吾斯塘乡、阿热勒乡、教育系统工委"
)
SEED_NO_ACTIVITY = "孜热甫夏提乡"  # 问题 1 "未召开一次会议，未组织一次委员活动……"
SEED_DODGED = "农业系统党委、交通系统党委"  # 问题 1 "推脱不迎接检查……联络组长还不能亲自参加迎检"
# 问题 2 "除了县政协下发的文件通知等材料有，但其他档案资料几乎没有……这个方面做的差的有"
SEED_ARCHIVE_POOR = "孜热甫夏提乡、恰热克镇、农业系统党委、企业工委、县委总支"
SEED_TIMELY = "莎车镇、伊什库力乡、托木吾斯塘乡、卫生系统"  # 问题 3 三是 "除……等联络组外"
SEED_NEITHER = (
    "霍什拉甫乡、阿热勒乡、伊什库力乡、县直工委、交通系统党委"  # praised or named, on neither list
)


@pytest.fixture(scope="module")
def bundled() -> Campaign:
    return load_campaign(CHECKLISTS / "shache-2012-h1.toml")


@pytest.fixture(scope="module")
def ids(bundled: Campaign) -> dict[str, str]:
    """Every name the seed uses -> the roster's id: the roster's own names and the round's
    mapping of the seed's other spellings."""
    names = {group.name.zh: group.id for group in bundled.groups}
    return names | load_round(round_file(bundled), bundled).names


def named(words: str, ids: dict[str, str]) -> list[str]:
    return [ids[name] for name in words.split("、")]


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory, bundled: Campaign) -> ExportData:
    folder = tmp_path_factory.mktemp("replay")
    made = build_sandbox(folder, bundled)
    assert made.source == round_file(bundled)
    with LocalStore(folder) as lead:
        with CountyStore(lead.folder, bundled) as county:
            _, refused = merge_files(bundled, lead, county, made.bundles)
        assert refused == []
        return gather(bundled, lead.folder)


@pytest.fixture(scope="module")
def circular(replayed: ExportData) -> list[str]:
    document = docx.Document(io.BytesIO(docx_bytes(replayed, "zh")))
    return [p.text for p in document.paragraphs]


def paragraph(text: list[str], start: str) -> str:
    return next(p for p in text if p.startswith(start))


def problem(text: list[str], words: str) -> str:
    part = text[text.index("三、存在的主要问题") + 1 : text.index("四、整改要求")]
    return next(p for p in part if words in p)


# -- the tiers -----------------------------------------------------------------------------------
def test_the_tiers_are_the_seeds_name_for_name(replayed: ExportData, ids: dict[str, str]) -> None:
    tiers = {tier: [row.group.id for row in rows] for tier, rows in replayed.by_tier()}
    assert sorted(tiers["good"]) == sorted(named(SEED_GOOD, ids))
    assert sorted(tiers["poor"]) == sorted(named(SEED_POOR, ids))
    assert len(tiers["fair"]) == 36 - 14 - 11


def test_the_circular_reads_the_seeds_good_list_as_the_seed_writes_it(circular: list[str]) -> None:
    overall = paragraph(circular, "根据考核情况")
    assert f"较好的有{SEED_GOOD}等14个；" in overall  # same names, same order
    poor = overall.split("较差的有")[1].split("等11个")[0].split("、")
    assert sorted(poor) == sorted(SEED_POOR.replace("孜热夏提乡", "孜热甫夏提乡")
                                  .replace("农业局党委", "农业系统党委").split("、"))  # fmt: skip


def test_the_quota_and_the_combine_rule_decide_nothing(replayed: ExportData) -> None:
    rows = replayed.rows
    assert rows[13].tier.id == "good" and rows[14].tier.id == "fair"
    assert rows[13].total >= 85 > rows[14].total  # no tie at the quota's boundary
    assert not any({"quota", "team", "disagreement"} & set(row.flags) for row in rows)
    assert not any(row.vetoed for row in rows)  # the seed mentions no veto
    shared = [row for row in rows if len(row.counted) == 2]
    assert sorted(row.group.id for row in shared) == ["weisheng-xitong", "wudalike", "yishikuli"]
    assert replayed.campaign.merge.combine == "mean"  # the campaign's default, no --choose


def test_the_seeds_other_spellings_map_to_the_roster(bundled: Campaign) -> None:
    names = load_round(round_file(bundled), bundled).names
    assert names["孜热夏提乡"] == "zirefuxiati" and names["农业局党委"] == "nongye-xitong"
    assert names["教育系统工委"] == "jiaoyu-xitong" and names["卫生系统"] == "weisheng-xitong"


# -- who, when, how ------------------------------------------------------------------------------
def test_three_teams_led_by_the_chair_and_two_vice_chairs_from_4_july(
    replayed: ExportData, circular: list[str]
) -> None:
    leaders = [team.leader.zh for team in replayed.campaign.teams]
    assert leaders == [
        "县政协主席 贾沙热提·买买提",
        "县政协副主席 努尔东·艾山",
        "县政协副主席 陆保质",
    ]
    days = sorted(v.visit_date for visits in replayed.visits.values() for v in visits)
    assert days[0] == "2012-07-04"
    opening = paragraph(circular, "为全面掌握")
    assert "县政协于2012年7月4日至" in opening and "组成三个考核组" in opening
    assert all(leader in opening for leader in leaders)
    # 000: 召开考核会议、听汇报、现场查阅资料、座谈、提问、征求意见、走访政协委员
    assert ("召开考核会议、听取汇报、现场查阅资料、座谈、提问、征求意见、走访政协委员等形式"
            in opening)  # fmt: skip


# -- what went well ------------------------------------------------------------------------------
def test_leadership_support_names_the_seeds_townships(
    replayed: ExportData, circular: list[str], ids: dict[str, str]
) -> None:
    theme = next(th for th in replayed.campaign.outline.themes if th.id == "leadership")
    townships = [
        g for g in praised(replayed, theme, theme_shares(replayed))
        if replayed.campaign.group(g).kind == "township"
    ]  # fmt: skip
    assert sorted(townships) == sorted(named(SEED_LEADERSHIP, ids))
    said = paragraph(circular, "（一）领导重视支持。")
    head = said.split("等乡镇")[0].removeprefix("（一）领导重视支持。")
    assert sorted(head.split("、")) == sorted(SEED_LEADERSHIP.split("、"))
    systems = said.split("等乡镇，")[1].split("等县直系统")[0].split("、")
    assert SEED_INVITES in systems  # 县直工委 invites its system's members


def test_the_commendations_are_the_seeds(replayed: ExportData, circular: list[str]) -> None:
    def tagged(ident: str) -> set[str]:
        return {
            replayed.campaign.group(g).name.zh
            for g, visits in replayed.visits.items()
            if any(ident in v.commendations for v in visits)
        }

    seed = lambda words: set(words.replace("卫生系统", "卫生系统党委").split("、"))  # noqa: E731
    assert tagged("religious-campaign") == seed(SEED_RELIGIOUS)
    assert tagged("study-trips") == seed(SEED_TRIPS)
    assert tagged("members-consulted") == seed(SEED_CONSULTED)
    good = circular[circular.index("二、做得较好的方面") : circular.index("三、存在的主要问题")]
    religious = paragraph(good, "（九）发挥宗教界委员作用。")  # each under its own heading
    names = religious.removeprefix("（九）发挥宗教界委员作用。").split("等联络组")[0]
    assert set(names.split("、")) == seed(SEED_RELIGIOUS)
    trips = paragraph(good, "（十）邀请委员参加观摩。")
    assert (
        trips.endswith("。")
        and "英吾斯塘乡、恰尔巴格乡、卫生系统党委等联络组组织赴外地观摩" in trips
    )
    heard = paragraph(good, "（十一）重大事项听取委员意见。")
    assert "卫生系统党委政协委员联络组在确定重大事项时" in heard


def test_the_archives_in_good_order_are_the_seeds_in_its_order(
    circular: list[str], replayed: ExportData, ids: dict[str, str]
) -> None:
    said = paragraph(circular, "（四）档案规范整理。")
    names = SEED_ARCHIVE_GOOD.replace("教育系统工委", "教育系统党委")
    assert said.startswith(f"（四）档案规范整理。{names}等联络组")
    theme = next(th for th in replayed.campaign.outline.themes if th.id == "records")
    assert sorted(praised(replayed, theme, theme_shares(replayed))) == sorted(
        named(SEED_ARCHIVE_GOOD, ids)
    )


def test_information_reached_the_county_on_time_from_the_seeds_four(
    circular: list[str], replayed: ExportData, ids: dict[str, str]
) -> None:
    theme = next(th for th in replayed.campaign.outline.themes if th.id == "information")
    assert sorted(praised(replayed, theme, theme_shares(replayed))) == sorted(
        named(SEED_TIMELY, ids)
    )
    said = paragraph(circular, "（七）信息和社情民意上报。")
    assert said.startswith(
        "（七）信息和社情民意上报。莎车镇、伊什库力乡、托木吾斯塘乡等乡镇，卫生系统党委"
    )


def test_themes_the_seed_names_no_one_for_are_counted(circular: list[str]) -> None:
    good = circular[circular.index("二、做得较好的方面") : circular.index("三、存在的主要问题")]
    for start in (
        "（二）自身建设。",
        "（三）工作计划和总结。",
        "（五）委员学习。",
        "（八）委员履职。",
    ):
        said = paragraph(good, start)
        assert said.removeprefix(start).startswith(("部分联络组（", "大部分联络组（"))


# -- the problems --------------------------------------------------------------------------------
def test_the_group_that_held_no_meeting_and_no_activity(
    circular: list[str], replayed: ExportData, ids: dict[str, str]
) -> None:
    found = next(p for p in replayed.problems() if p.item.id == "penalties.no_activity")
    assert list(found.groups) == named(SEED_NO_ACTIVITY, ids)
    said = problem(circular, "未召开一次会议、未组织一次委员活动”")
    assert said.endswith(
        "从总分扣分：孜热甫夏提乡扣15分（上半年未召开一次会议，未组织一次委员活动，乡党委也从未过问）。"
    )
    leadership = problem(circular, "领导重视支持方面")
    assert "这方面做得差的有孜热甫夏提乡、农业系统党委、交通系统党委（" in leadership


def test_the_groups_that_dodged_the_inspection_or_whose_leader_was_absent(
    circular: list[str], replayed: ExportData, ids: dict[str, str]
) -> None:
    for item in ("penalties.dodged_inspection", "penalties.leader_absent"):
        found = next(p for p in replayed.problems() if p.item.id == item)
        assert sorted(found.groups) == sorted(named(SEED_DODGED, ids))
    rows = {row.group.id: row for row in replayed.rows}
    assert rows["jiaotong-xitong"].tier.id == "fair" and not rows["jiaotong-xitong"].vetoed
    # dodged at first and inspected later: its archive was read, its visit is the team's last
    (farm,) = replayed.visits["nongye-xitong"]
    team_days = [v.visit_date for vs in replayed.visits.values() for v in vs if v.team == farm.team]
    assert farm.visit_date == max(team_days) and "archive" in farm.methods
    said = problem(circular, "推脱、不迎接检查”")
    assert "交通系统党委扣10分" in said and "农业系统党委扣10分" in said


def test_the_archives_that_held_little_or_were_made_up(
    circular: list[str], replayed: ExportData, ids: dict[str, str]
) -> None:
    shares = theme_shares(replayed)
    weak = sorted(g for g, share in shares["records"].items() if share < WEAK_SHARE)
    assert weak == sorted(named(SEED_ARCHIVE_POOR, ids))
    for theme in ("档案规范整理方面", "自身建设方面"):  # 000: 机构形同虚设，自身建设亟待加强……
        assert f"这方面做得差的有{SEED_ARCHIVE_POOR}（" in problem(circular, theme)
    made_up = next(p for p in replayed.problems() if p.item.id == "penalties.fabricated_records")
    assert set(made_up.groups) < set(named(SEED_ARCHIVE_POOR, ids))
    assert "除县政协下发的文件通知外" in problem(circular, "档案规范整理方面")


def test_study_research_and_reporting_fell_short_in_most_groups(
    circular: list[str], replayed: ExportData
) -> None:
    for theme in ("委员学习方面", "视察和调研方面", "信息和社情民意上报方面"):
        said = problem(circular, theme)
        assert "大部分联络组（" in said and "这方面得分不足六成" in said
        assert not any(g.name.zh in said for g in replayed.campaign.groups)
    good = [row.group.id for row in replayed.rows if row.tier.id == "good"]
    late = [g for g in good if {"reports.materials_on_time", "reports.social_info"}
            & {s.item for s in replayed.shortfalls(g)}]  # fmt: skip
    assert len(late) >= 10  # most good groups still miss on-time reporting


def test_groups_praised_for_one_thing_but_on_neither_list(
    replayed: ExportData, ids: dict[str, str]
) -> None:
    rows = {row.group.id: row for row in replayed.rows}
    for group in named(SEED_NEITHER, ids):
        assert rows[group].tier.id == "fair" and 60 <= rows[group].total < 85


# -- not assessed --------------------------------------------------------------------------------
def test_two_groups_the_seed_does_not_name_were_not_assessed(
    replayed: ExportData, bundled: Campaign, ids: dict[str, str]
) -> None:
    skipped = {group.id: reason for group, reason in replayed.not_assessed}
    assert sorted(skipped) == ["damusi", "dunbage"]
    assert "洪水" in skipped["damusi"] and "未能联系" in skipped["dunbage"]
    every_named = "、".join((SEED_GOOD, SEED_POOR, SEED_LEADERSHIP, SEED_RELIGIOUS, SEED_TRIPS,
                             SEED_ARCHIVE_GOOD, SEED_DODGED, SEED_ARCHIVE_POOR, SEED_TIMELY,
                             SEED_NEITHER, SEED_INVITES))  # fmt: skip
    assert not set(skipped) & set(named(every_named, ids))
    text = round_file(bundled).read_text("utf-8")
    assert text.count('assumption = "000 的句子中断，未点名') == 2  # marked as assumed


def test_the_round_is_the_same_every_time(tmp_path: Path, bundled: Campaign) -> None:
    first = build_sandbox(tmp_path / "a", bundled).bundles
    again = build_sandbox(tmp_path / "b", bundled).bundles
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
