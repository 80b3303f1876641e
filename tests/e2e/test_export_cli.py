"""`inspect-tui export` and `inspect-tui verify` as the office types them, on the demo sandbox."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_bundle_cli import run


def test_the_office_exports_every_format_and_verifies_the_printed_code(tmp_path: Path) -> None:
    sandbox = tmp_path / "sandbox"
    assert run(tmp_path, "--lang", "en", "demo", "--dir", str(sandbox)).returncode == 0
    bundles = sorted(str(p) for p in (sandbox / "exports").glob("*.json") if "copy" not in p.name)
    merged = run(tmp_path, "--data", str(sandbox), "merge", *bundles)
    assert merged.returncode == 0, merged.stderr

    out = tmp_path / "out"
    made = run(tmp_path, "--data", str(sandbox), "--lang", "en", "export", "--out", str(out))
    assert made.returncode == 0, made.stderr
    # the replayed round could not assess two groups: the export says so, once
    assert made.stderr.strip() == (
        "36 of 38 groups assessed; 2 not ranked: 2 recorded as not assessed (with the reason),"
        " 0 with no counted result yet"
    )
    lines = made.stdout.strip().splitlines()
    (folder,) = out.iterdir()  # one export, one folder of its own
    files = sorted(folder.iterdir())
    assert sorted(f"wrote {p}" for p in files) == sorted(lines[:5])
    kinds = {p.name.removeprefix(f"{folder.name}-") for p in files}
    assert kinds == {"ranking.xlsx", "ranking.csv", "report.html", "circular.docx", "letters.docx"}
    code = lines[-1].rsplit(" ", 1)[-1]
    assert lines[-1] == f"36 groups, verification code {code}"

    for what in (*map(str, files), code):
        checked = run(tmp_path, "--data", str(sandbox), "--lang", "en", "verify", what)
        assert checked.returncode == 0, checked.stderr
        assert checked.stdout.strip() == f"match: 36 groups, code {code} (shache-2012-h1)"

    # the office re-ranks with calibration applied: another ranking, so another code
    calibrated = run(
        tmp_path, "--data", str(sandbox), "--lang", "en", "export", "--calibrate",
        "--format", "csv", "--out", str(out),
    )  # fmt: skip
    assert calibrated.returncode == 0 and code not in calibrated.stdout
    (other,) = set(out.iterdir()) - {folder}
    new = sorted(other.iterdir())
    assert len(new) == 1 and new[0].suffix == ".csv"
    assert sorted(folder.iterdir()) == files  # the first export is still there
    assert "Scores ADJUSTED by team calibration" in new[0].read_text("utf-8-sig")


def test_bad_requests_get_one_line_and_exit_2(tmp_path: Path) -> None:
    lead = str(tmp_path / "lead")
    empty = run(tmp_path, "--data", lead, "--lang", "en", "export", "--out", str(tmp_path / "o"))
    assert empty.returncode == 2
    assert empty.stderr.strip() == (
        f"the county store in {lead} has no results to rank yet: merge the teams' files first"
    )
    assert not (tmp_path / "o").exists()
    bad = run(tmp_path, "--data", lead, "--lang", "en", "export", "--format", "pdf")
    assert bad.returncode == 2 and bad.stderr.strip().startswith("unknown export format 'pdf'")
    junk = run(tmp_path, "--data", lead, "--lang", "en", "verify", "hello")
    assert junk.returncode == 2
    assert junk.stderr.strip() == "hello: not a verification code, and no code was found in it"


def test_a_date_that_is_not_one_is_one_line(tmp_path: Path) -> None:
    lead = str(tmp_path / "lead")
    bad = run(tmp_path, "--data", lead, "--lang", "zh", "export", "--date", "2012-7-20")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "日期 '2012-7-20' 无法识别：请写成 年-月-日，如 2012-07-20"
