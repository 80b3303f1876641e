"""`inspect-tui merge` and `inspect-tui rank` as the team lead types them."""

from __future__ import annotations

import json
from pathlib import Path

from inspect_tui.domain.model import Campaign
from tests.e2e.test_bundle_cli import run
from tests.support.laptops import laptop


def test_the_lead_merges_refuses_a_changed_file_and_ranks(
    campaign: Campaign, tmp_path: Path
) -> None:
    one, key_one = laptop(
        tmp_path / "t1", campaign, "team-1", {"shache-zhen": 0, "weisheng-xitong": 2}
    )
    two, key_two = laptop(tmp_path / "t2", campaign, "team-2", {"kaqun": 3, "weisheng-xitong": 0})
    lead = str(tmp_path / "lead")
    for team, key in (("team-1", key_one), ("team-2", key_two)):
        assert run(tmp_path, "--data", lead, "keys", "trust", team, key.public).returncode == 0

    changed = tmp_path / "changed.json"
    changed.write_bytes(two.read_bytes().replace(b'"value": "no"', b'"value": "yes"', 1))
    first = run(tmp_path, "--data", lead, "--lang", "en", "merge", str(one), str(changed))
    assert first.returncode == 2
    assert first.stderr.strip() == (
        f"{changed}: the file was changed after it was exported; ask the team to export it again"
    )
    assert "merged 2 new visit record(s)" in first.stdout

    second = run(tmp_path, "--data", lead, "--lang", "en", "merge", str(one), str(two))
    assert second.returncode == 0, second.stderr
    assert "merged 2 new visit record(s), 2 already there, 0 file(s) refused" in second.stdout

    ranking = run(tmp_path, "--data", lead, "rank", "--json")
    data = json.loads(ranking.stdout)
    assert data["campaign"] == "shache-2012-h1"
    assert [(g["group"], g["rank"], g["tier"]) for g in data["groups"]] == [
        ("shache-zhen", 1, "good"),
        ("weisheng-xitong", 2, "good"),
        ("kaqun", 3, "good"),
    ]
    # one shared group, two of three teams: calibration says why it has no estimate
    assert data["calibration"]["offsets"] is None
    assert data["calibration"]["reason"] == "teams_not_linked"
    assert data["calibration"]["applied"] is False
    anchor = data["groups"][1]
    assert sorted(team["team"] for team in anchor["teams"]) == ["team-1", "team-2"]

    table = run(tmp_path, "--data", lead, "--lang", "zh", "rank")
    assert table.returncode == 0 and "卫生系统党委" in table.stdout and "名次" in table.stdout
    said = "".join(line.rstrip() for line in table.stdout.splitlines())  # wrapped at 80
    assert "考核组校准：交叉考核的联络组不够（1个）" in said.replace(" ", "")
    assert "一致性无法计算" in said and "α = 0.00" not in said


def test_demo_builds_a_sandbox_beside_the_real_data_and_never_in_it(tmp_path: Path) -> None:
    real = tmp_path / "real"
    made = run(tmp_path, "--data", str(real), "--lang", "en", "demo")
    assert made.returncode == 0, made.stderr
    sandbox = tmp_path / "real-demo"
    assert f"Training sandbox made in {sandbox}: 3 signed team bundles" in made.stdout
    assert "one altered copy that must be refused" in made.stdout
    assert "rounds/shache-2012-h1.toml (the county's real 2012 half-year round" in made.stdout
    assert "not assessed: Damusi Township, Dunbage Township" in made.stdout
    assert not real.exists()
    again = run(tmp_path, "--data", str(real), "--lang", "en", "demo")
    assert again.returncode == 2
    assert (
        again.stderr.strip() == f"{sandbox} is not empty; choose another --dir or remove it first"
    )
    bundles = sorted(str(p) for p in (sandbox / "exports").glob("*.json"))
    merged = run(tmp_path, "--data", str(sandbox), "--lang", "en", "merge", *bundles)
    assert merged.returncode == 2 and "merged 39 new visit record(s)" in merged.stdout
    assert "0 in conflict, 0 missing, 2 not assessed" in merged.stdout  # recorded, not awaited
    (refusal,) = merged.stderr.strip().splitlines()
    assert refusal.endswith(
        "-copy.json: the file was changed after it was exported; ask the team to export it again"
    )
    chose = run(tmp_path, "--data", str(sandbox), "merge", "--choose", "weisheng-xitong=team-2")
    assert chose.returncode == 0
    bad = run(tmp_path, "--data", str(sandbox), "--lang", "en", "merge", "--choose", "nowhere")
    assert bad.returncode == 2 and "must be GROUP=TEAM" in bad.stderr
    ranked = json.loads(run(tmp_path, "--data", str(sandbox), "rank", "--json").stdout)
    groups = {g["group"]: g for g in ranked["groups"]}
    assert "team" in groups["weisheng-xitong"]["flags"]  # the lead's choice counts
    team2 = next(t for t in groups["weisheng-xitong"]["teams"] if t["team"] == "team-2")
    assert groups["weisheng-xitong"]["total"] == team2["total"]
    assert len(groups) == 36 and "damusi" not in groups  # two groups recorded as not assessed
    assert not any(g["vetoed"] for g in groups.values())  # seed 000 mentions no veto
    assert ranked["calibration"]["offsets"] is not None  # three anchors link the three teams


def test_demo_synthetic_keeps_the_generated_shapes(tmp_path: Path) -> None:
    sandbox = tmp_path / "synthetic"
    made = run(tmp_path, "--lang", "en", "demo", "--synthetic", "--dir", str(sandbox))
    assert made.returncode == 0, made.stderr
    assert "real 2012 half-year round" not in made.stdout
    bundles = sorted(str(p) for p in (sandbox / "exports").glob("*.json") if "copy" not in p.name)
    merged = run(tmp_path, "--data", str(sandbox), "--lang", "en", "merge", *bundles)
    assert merged.returncode == 0 and "merged 41 new visit record(s)" in merged.stdout
    ranked = json.loads(run(tmp_path, "--data", str(sandbox), "rank", "--json").stdout)
    groups = {g["group"]: g for g in ranked["groups"]}
    assert len(groups) == 38
    assert "disagreement" in groups["weisheng-xitong"]["flags"]
    assert groups["boshikante"]["vetoed"] and groups["boshikante"]["tier"] == "poor"


def test_paper_sheet_template_and_import(tmp_path: Path, campaign: Campaign) -> None:
    from tests.unit.test_sheet import filled

    made = run(tmp_path, "--lang", "en", "sheet-template", "--out", str(tmp_path / "t.xlsx"))
    assert made.returncode == 0 and "paper sheet written" in made.stdout
    bad = filled(campaign, tmp_path / "bad.xlsx", {("kaqun", "office.rules"): 9})
    data = str(tmp_path / "team2")
    refused = run(
        tmp_path, "--data", data, "--lang", "en", "import-sheet", str(bad), "--team", "team-2"
    )
    assert refused.returncode == 2
    first, last = refused.stderr.strip().splitlines()
    assert first.startswith("考核表!F2: '9' is not a valid answer for 'office.rules'")
    assert last == "1 problem(s) in the sheet; nothing was imported; fix them and import again"
    good = filled(campaign, tmp_path / "good.xlsx", {("kaqun", "office.rules"): 4})
    done = run(
        tmp_path, "--data", data, "--lang", "en", "import-sheet", str(good), "--team", "team-2"
    )
    assert done.returncode == 0 and "imported 14 group(s) as draft visits (team-2)" in done.stdout
