"""`inspect-tui merge FILE...` and `inspect-tui rank [--json]`: thin wrappers over the core."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.progress import Progress
from rich.table import Table

from inspect_tui.commands import output
from inspect_tui.domain.calibration import describe
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.ranking import RankedGroup, describe_rules
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.loading.replay import has_round, round_file
from inspect_tui.services.demo import build_sandbox
from inspect_tui.services.results import (
    county_ranking,
    coverage,
    coverage_counts,
    merge_files,
    view_of,
)
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.county_records import answer_changes
from inspect_tui.storage.paths import campaign_file, data_folder
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import Lang, join_words, t
from inspect_tui.words.textwidth import unambiguous

EXIT_REFUSED = 2
PROGRESS_FROM = 20  # files; fewer merge before a bar could be read


def merge(
    *,
    data: str | None,
    campaign: str | None,
    files: list[str],
    allow_unsigned: bool,
    prefer: list[str],
    choose: list[str],
    lang: Lang,
) -> int:
    loaded = load_campaign(campaign_file(campaign))
    paths = [Path(name) for name in files]
    with LocalStore(data_folder(data)) as store:
        county = CountyStore(store.folder, loaded)
        bar = Progress(
            transient=True, disable=len(paths) < PROGRESS_FROM, console=output.console(stderr=True)
        )
        with bar as progress:
            task = progress.add_task(t("merge.progress", lang), total=len(paths))
            report, refused = merge_files(
                loaded, store, county, paths, allow_unsigned=allow_unsigned, prefer=prefer,
                progress=lambda _path: progress.advance(task),
            )  # fmt: skip
        for choice in choose:
            group, _, team = choice.partition("=")
            if group not in {g.id for g in loaded.groups} or team not in loaded.team_ids:
                raise InspectError("merge.bad_choice", choice=choice)
            county.choose(group, team)
        for error in refused:
            print(error.line(lang), file=sys.stderr)
        if report.dropped:
            print(t("merge.dropped", lang, count=report.dropped))
        view = view_of(county)
        slots, skipped = view.slots, view.skipped
        if warning := view.warning(lang):
            print(warning, file=sys.stderr)
        table = coverage(loaded, slots, skipped)
        counts = coverage_counts(table)
        print(
            t(
                "merge.summary",
                lang,
                added=report.added,
                unchanged=report.unchanged,
                refused=len(refused),
                **counts,
            )
        )
        for (group, team), state in sorted(table.items()):
            if state != "assessed":
                name = loaded.group(group).name.get(lang)
                state_word = t(f"coverage.{state}", lang)
                if group in skipped:  # recorded on purpose: not a visit still to come
                    state_word = t(
                        "coverage.not_assessed_item",
                        lang,
                        name=t("coverage.not_assessed_label", lang),
                        reason=skipped[group].reason,
                    )
                print(
                    t(
                        "merge.coverage_line",
                        lang,
                        state=state_word,
                        name=name,
                        group=group,
                        team=team,
                    )
                )
        for slot in slots:
            if slot.record is not None and slot.history:  # a newer revision superseded an older
                changes = answer_changes(slot.history[-1], slot.record)
                shown = "; ".join(f"{item} {old} → {new}" for item, old, new in changes) or "-"
                print(
                    t(
                        "merge.revised",
                        lang,
                        group=slot.group,
                        team=slot.team,
                        old=slot.history[-1].revision,
                        new=slot.record.revision,
                        changes=shown,
                    )
                )
            if slot.record is None:
                sources = ", ".join(f"{r.source} ({r.source_file})" for r in slot.conflict)
                print(t("merge.conflict", lang, group=slot.group, team=slot.team, sources=sources))
    return EXIT_REFUSED if refused else 0


def rank_command(
    *,
    data: str | None,
    campaign: str | None,
    as_json: bool,
    include_drafts: bool,
    calibrated: bool,
    lang: Lang,
) -> int:
    loaded = load_campaign(campaign_file(campaign))
    with LocalStore(data_folder(data)) as store:
        found = county_ranking(
            loaded, store.folder, include_drafts=include_drafts, calibrated=calibrated
        )
    rows, calibration, applied = found.rows, found.calibration, found.applied
    if warning := found.warning(lang):
        print(warning, file=sys.stderr)
    if not rows:
        print(t("export.empty", lang, folder=store.folder), file=sys.stderr)
    if as_json:
        shape = ranking_json(loaded, rows, include_drafts)
        shape["calibration"] = {
            "offsets": calibration.offsets,
            "alpha": calibration.alpha,
            "anchors": calibration.anchors,
            "reason": calibration.reason,
            "applied": applied,
        }
        print(output.json_text(shape))
        return 0
    console = output.console()
    console.print(output.cell(loaded.title.get(lang), "bold"))
    console.print(output.cell(describe(calibration, applied, lang, loaded.team_names(lang))))
    console.print(output.cell(describe_rules(loaded, lang)))
    console.print(ranking_table(loaded, rows, lang))
    return 0


def ranking_table(campaign: Campaign, rows: list[RankedGroup], lang: Lang) -> Table:
    table = Table()
    for key in ("col.rank", "col.group", "col.score", "col.tier", "col.team", "col.flags"):
        table.add_column(
            t(key, lang), justify="right" if key in ("col.rank", "col.score") else "left"
        )
    for row in rows:
        tier = row.tier.name.get(lang) + (t("ui.vetoed", lang) if row.vetoed else "")
        flags = join_words((t(f"flag.{flag}", lang) for flag in row.flags), lang)
        teams = ", ".join(f"{r.team} {r.total:.2f}" for r in row.teams)
        table.add_row(
            str(row.rank),
            output.cell(unambiguous(row.group.name.get(lang))),
            f"{row.total:.2f}",
            output.cell(tier),
            output.cell(teams),
            flags,
        )
    return table


def ranking_json(campaign: Campaign, rows: list[RankedGroup], include_drafts: bool) -> dict:
    """The stable JSON shape of `rank --json` (documented in README.md)."""
    return {
        "campaign": campaign.id,
        "checklist_hash": campaign.checklist_hash,
        "tie_break": list(campaign.tie_break),
        "combine": campaign.merge.combine,
        "include_drafts": include_drafts,
        "groups": [
            {
                "rank": row.rank,
                "group": row.group.id,
                "name": row.group.name.zh,
                "total": row.total,
                "tier": row.tier.id,
                "vetoed": row.vetoed,
                "sections": dict(row.sections),
                "deductions": row.deductions,
                "teams": [
                    {"team": r.team, "total": r.total, "signed": r.signed} for r in row.teams
                ],
                "flags": list(row.flags),
            }
            for row in rows
        ],
    }


def demo(
    *, data: str | None, folder: str | None, campaign: str | None, synthetic: bool, lang: Lang
) -> int:
    """Build the training sandbox beside (never in) the real data folder: the campaign's
    recorded round, or generated results (`synthetic`, or a campaign without a recorded one)."""
    loaded = load_campaign(campaign_file(campaign))
    real = data_folder(data)
    target = Path(folder) if folder else real.with_name(real.name + "-demo")
    if target.resolve() == real.resolve():
        raise InspectError("demo.real_folder", path=target)
    if target.exists() and any(target.iterdir()):
        raise InspectError("demo.not_empty", path=target)
    if not synthetic and not has_round(loaded):
        print(t("demo.synthetic_fallback", lang, campaign=loaded.id, path=round_file(loaded)))
    made = build_sandbox(target, loaded, synthetic=synthetic)
    if made.source is not None:
        skipped = join_words((loaded.group(g).name.get(lang) for g, _ in made.not_assessed), lang)
        print(t("demo.replayed", lang, source=made.source, skipped=skipped or "-"))
    print(t("demo.made", lang, path=target, count=len(made.bundles)))
    print(f"  inspect-tui --data {target} merge {target / 'exports'}/*.json")
    print(f"  inspect-tui --data {target} rank")
    print(f"  inspect-tui --data {target}")
    return 0
