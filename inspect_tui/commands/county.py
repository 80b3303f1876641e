"""`inspect-tui county list|drop|restore|skip|unskip`: what the lead's county file holds, taking
a record out of it on purpose (a record that cannot be used, or one that should never have been
merged), and recording a group as not assessed (a flood, a leader who could not be reached),
each with the reason kept in the file's audit."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.table import Table

from inspect_tui.commands import output
from inspect_tui.domain.model import Campaign
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.paths import campaign_file, data_folder
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.i18n import Lang, t


def list_command(*, data: str | None, campaign: str | None, as_json: bool, lang: Lang) -> int:
    loaded = load_campaign(campaign_file(campaign))
    with LocalStore(data_folder(data)) as store, CountyStore(store.folder, loaded) as county:
        rows = county.listing()
        dropped = county.dropped
        skipped = list(county.skipped.values())
    if as_json:
        print(
            output.json_text(
                {
                    "records": [
                        {
                            "id": r.id, "group": r.group, "team": r.team,
                            "revision": r.revision, "status": r.status, "state": r.state,
                            "altered": r.altered, "source_file": r.source_file,
                            "reason": r.reason.render(lang) if r.reason else None,
                        }
                        for r in rows
                    ],
                    "dropped": [
                        {"id": d.id, "group": d.group, "team": d.team, "at": d.at,
                         "who": d.who, "reason": d.reason}
                        for d in dropped
                    ],
                    "not_assessed": [
                        {"group": s.group, "at": s.at, "who": s.who, "reason": s.reason}
                        for s in skipped
                    ],
                }
            )
        )  # fmt: skip
        return 0
    table = Table()
    for key in ("col.id", "col.group", "col.team", "col.revision", "col.state"):
        table.add_column(t(key, lang))
    details = []
    for row in rows:
        state = t(f"county.state.{row.state}", lang)
        if row.altered:
            state += t("county.state.altered", lang)
        if row.state in ("invalid", "conflict"):  # what the lead must act on: why, and whence
            why = f"{row.reason.render(lang)}; " if row.reason else ""
            details.append(f"{row.id}  {why}{row.source_file}")
        table.add_row(
            row.id,
            output.cell(_group_name(loaded, row.group, lang)),
            output.cell(_team_name(loaded, row.team, lang)),
            output.cell(f"{row.revision} {t(f'status.{row.status}', lang)}"
                        if row.status in ("draft", "final") else str(row.revision)),
            output.cell(state, "red" if row.state == "invalid" else ""),
        )  # fmt: skip
    console = output.console()
    console.print(table)
    for line in details:
        console.print(output.cell(line))
    for entry in dropped:
        console.print(
            output.cell(
                t("county.dropped_line", lang, id=entry.id, group=entry.group, team=entry.team,
                  who=entry.who, at=entry.at, reason=entry.reason)
            )
        )  # fmt: skip
    for skip in skipped:
        console.print(
            output.cell(
                t("county.skipped_line", lang, group=_group_name(loaded, skip.group, lang),
                  who=skip.who, at=skip.at, reason=skip.reason)
            )
        )  # fmt: skip
    return 0


def drop_command(
    *, data: str | None, campaign: str | None, record: str, reason: str, lang: Lang
) -> int:
    loaded = load_campaign(campaign_file(campaign))
    with LocalStore(data_folder(data)) as store, CountyStore(store.folder, loaded) as county:
        row = county.drop(record, reason=reason, who=store.who, at=_now())
    name = _group_name(loaded, row.group, lang)
    print(t("county.dropped", lang, id=row.id, group=name, team=row.team))
    return 0


def restore_command(
    *, data: str | None, campaign: str | None, record: str, reason: str, lang: Lang
) -> int:
    loaded = load_campaign(campaign_file(campaign))
    with LocalStore(data_folder(data)) as store, CountyStore(store.folder, loaded) as county:
        entry = county.restore(record, reason=reason, who=store.who, at=_now())
    name = _group_name(loaded, entry.group, lang)
    print(t("county.restored", lang, id=entry.id, group=name, team=entry.team))
    return 0


def skip_command(
    *, data: str | None, campaign: str | None, group: str, reason: str, undo: bool, lang: Lang
) -> int:
    """`county skip GROUP --reason` (or `unskip`): one line saying what was recorded."""
    loaded = load_campaign(campaign_file(campaign))
    with LocalStore(data_folder(data)) as store, CountyStore(store.folder, loaded) as county:
        act = county.unskip if undo else county.skip
        entry = act(group, reason=reason, who=store.who, at=_now())
    name = _group_name(loaded, entry.group, lang)
    if undo:
        print(t("county.unskipped", lang, group=name))
    else:
        print(t("county.skipped", lang, group=name, id=entry.group))
    return 0


def _group_name(campaign: Campaign, group_id: str, lang: Lang) -> str:
    try:
        return f"{campaign.group(group_id).name.get(lang)} ({group_id})"
    except KeyError:
        return group_id


def _team_name(campaign: Campaign, team_id: str, lang: Lang) -> str:
    try:
        return campaign.team(team_id).name.get(lang)
    except KeyError:
        return team_id


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
