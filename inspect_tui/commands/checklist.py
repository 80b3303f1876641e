"""`inspect-tui checklist check|show`: validation and a printable outline."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from inspect_tui.commands.output import cell
from inspect_tui.commands.output import console as make_console
from inspect_tui.domain.model import Campaign
from inspect_tui.loading.campaign import check_file, load_campaign
from inspect_tui.loading.replay import RecordedRound, check_round
from inspect_tui.storage.paths import campaign_file
from inspect_tui.words.errors import ChecklistError
from inspect_tui.words.i18n import Lang, t
from inspect_tui.words.textwidth import unambiguous

EXIT_PROBLEMS = 2


def check(files: list[str], lang: Lang) -> int:
    """Print every problem of every file, one line each; exit 0 when all are clean."""
    count = 0
    for name in files:
        recorded = check_round(Path(name))
        problems = check_file(Path(name)) if recorded is None else recorded[1]
        for problem in problems:
            print(problem.line(lang))
        if not problems:
            found = recorded[0] if recorded is not None else None
            print(_clean_line(Path(name), lang) if found is None else _round_line(found, lang))
        count += len(problems)
    if count:
        print(t("checklist.summary", lang, count=count), file=sys.stderr)
    return EXIT_PROBLEMS if count else 0


def _round_line(found: RecordedRound, lang: Lang) -> str:
    return t(
        "checklist.ok_round", lang, file=found.path, visits=len(found.visits),
        skipped=len(found.not_assessed),
    )  # fmt: skip


def _clean_line(path: Path, lang: Lang) -> str:
    try:
        campaign = load_campaign(path)
    except ChecklistError:  # an outline or roster alone is clean but is not a campaign
        return t("checklist.ok_plain", lang, file=path)
    return t(
        "checklist.ok", lang, file=path, items=len(campaign.items), total=campaign.outline.total
    )


def show(file: str | None, lang: Lang, console: Console | None = None) -> int:
    """The outline as the teams will meet it this period, then the team assignments."""
    campaign = load_campaign(campaign_file(file))
    console = console or make_console()
    console.print(cell(campaign.title.get(lang), "bold"))
    console.print(
        t("show.period", lang, start=campaign.start, end=campaign.end, months=campaign.months)
    )
    console.print(visit_window_line(campaign, lang))
    tiers = ", ".join(f"{tier.name.get(lang)} ≥ {tier.min:g}" for tier in campaign.tiers)
    console.print(cell(t("show.tiers", lang, tiers=tiers)))
    console.print(t("show.hash", lang, hash=campaign.checklist_hash[:12]))
    console.print(outline_table(campaign, lang))
    console.print(teams_table(campaign, lang))
    return 0


def visit_window_line(campaign: Campaign, lang: Lang) -> str:
    """When the visits happen; a window the campaign does not state says it is the default, so
    the office sees it has not set one."""
    window = campaign.visit_window
    key = "show.visit_window" if window.stated else "show.visit_window_default"
    return t(key, lang, start=window.start, end=window.end, days=window.days)


def outline_table(campaign: Campaign, lang: Lang) -> Table:
    table = Table(expand=True)
    # narrow fixed columns, and the room that is left to the item text and the target
    table.add_column(t("col.section", lang), max_width=14, overflow="fold")
    table.add_column(t("col.item", lang), ratio=3, overflow="fold")
    table.add_column(t("col.kind", lang), max_width=10, overflow="fold")
    table.add_column(t("col.points", lang), justify="right", max_width=6)
    table.add_column(t("col.target", lang), ratio=2, overflow="fold")
    titles = {s.id: s.title.get(lang) for s in campaign.outline.sections}
    kept = {item.id for item in campaign.items}
    for section in campaign.outline.sections:
        first = True
        for item in section.items:
            target = campaign.target(item)
            if item.id not in kept:
                extra = t("show.year_only", lang, months=item.min_months)
            elif item.kind == "deduction":
                source = campaign.deduction_source(item, lang)
                extra = t("show.deduction", lang, points=item.points, cap=item.cap, source=source)
            else:
                extra = target.explain(lang) if target else ""
            heading = (
                f"{titles[section.id]}\n({section.weight:g})"
                if section.weight
                else titles[section.id]
            )
            table.add_row(
                cell(unambiguous(heading)) if first else "",
                cell(f"{item.id}\n{unambiguous(item.text.get(lang))}"),
                t(f"kind.{item.kind}", lang),
                str(item.points) if item.scored else "",
                cell(unambiguous(extra)),
                style="dim" if item.id not in kept else None,
            )
            first = False
        table.add_section()
    table.add_row("", t("show.total", lang), "", str(campaign.outline.total), "")
    return table


def teams_table(campaign: Campaign, lang: Lang) -> Table:
    table = Table()
    for key in ("col.team", "col.leader", "col.groups"):
        table.add_column(t(key, lang), overflow="fold")
    shared = {g.id for g in campaign.groups if len(campaign.teams_of(g.id)) > 1}
    for team in campaign.teams:
        names = []
        for group_id in team.groups:
            group = campaign.group(group_id)
            name = group.name.get(lang)
            if group.sample:
                name += t("show.sample", lang)
            if group_id in shared:
                name += t("show.anchor", lang)
            names.append(name)
        heading = f"{team.name.get(lang)}\n({len(names)})"
        table.add_row(
            cell(heading),
            cell(unambiguous(team.leader.get(lang))),
            cell(unambiguous("\n".join(names))),
            end_section=True,
        )
    return table
