"""`inspect-tui`: the app with no subcommand, and thin commands over the core.

Global options go before the subcommand (`inspect-tui --data DIR checklist check FILE`).
Every failure a user can cause prints one line and exits 2; anything else prints one line,
writes the traceback to a log file and exits 70. No traceback ever reaches the terminal.
"""

from __future__ import annotations

import argparse
import sys

from inspect_tui import __version__
from inspect_tui.commands.output import guarded_output
from inspect_tui.crashlog import write_crash_log
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import LANGS, Lang, default_lang, t

EXIT_USAGE = 2
EXIT_INTERNAL = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspect-tui",
        description="县政协委员联络组考核 / County assessment of CPPCC member liaison groups",
    )
    parser.add_argument("--version", action="version", version=f"inspect-tui {__version__}")
    parser.add_argument("--data", metavar="DIR", help="data folder (or INSPECT_TUI_DATA)")
    parser.add_argument("--lang", choices=LANGS, help="zh or en (default: from the locale)")
    parser.add_argument("--campaign", metavar="FILE", help="campaign file (default: bundled)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    checklist = commands.add_parser("checklist", help="check or show checklist files")
    actions = checklist.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate campaign, outline or roster files")
    check.add_argument("files", nargs="+", metavar="FILE")
    show = actions.add_parser("show", help="print a campaign's outline, targets and teams")
    show.add_argument("file", nargs="?", metavar="FILE", help="default: --campaign")

    bundle = commands.add_parser("bundle", help="export this team's visits as a signed file")
    bundle.add_argument("--team", metavar="T", help="default: the team this laptop chose")
    bundle.add_argument("--out", metavar="FILE", help="default: exports/CAMPAIGN-TEAM-TIME.json")
    bundle.add_argument(
        "--with-evidence",
        action="store_true",
        help="copy the visits' evidence files into FILE-evidence/ beside the bundle",
    )

    keys = commands.add_parser("keys", help="this laptop's signing key; trusted team keys")
    key_actions = keys.add_subparsers(dest="action", metavar="ACTION", required=True)
    key_actions.add_parser("show", help="print this laptop's public key and fingerprint")
    key_actions.add_parser("new", help="make a new key where this laptop's key has vanished")

    template = commands.add_parser("sheet-template", help="a paper sheet to fill by hand")
    template.add_argument("--out", metavar="FILE.xlsx", required=True)
    template.add_argument("--team", metavar="T", help="only this team's groups")
    sheet = commands.add_parser("import-sheet", help="read a filled sheet as draft visits")
    sheet.add_argument("file", metavar="FILE")
    sheet.add_argument("--team", metavar="T", required=True)

    demo = commands.add_parser("demo", help="a training sandbox with three teams' signed results")
    demo.add_argument("--dir", metavar="DIR", help="default: the data folder's name + '-demo'")
    demo.add_argument(
        "--synthetic",
        action="store_true",
        help="generated results (a veto, a disagreeing anchor) instead of the recorded round",
    )

    merge = commands.add_parser("merge", help="check and merge team bundles into the county store")
    merge.add_argument("files", nargs="*", metavar="FILE")
    merge.add_argument("--allow-unsigned", action="store_true", help="merge unsigned files, marked")
    merge.add_argument(
        "--prefer",
        action="append",
        default=[],
        metavar="SOURCE",
        help="resolve conflicts: a device fingerprint or a bundle file name",
    )
    merge.add_argument(
        "--choose", action="append", default=[], metavar="GROUP=TEAM",
        help="a group several teams assessed: count this team's result",
    )  # fmt: skip

    county = commands.add_parser(
        "county", help="the records of the county file; drop one; groups not assessed"
    )
    county_actions = county.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = county_actions.add_parser("list", help="every record, counted or not, and why")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    for name, words in (
        ("drop", "take a record out of the county file on purpose (kept in its audit)"),
        ("restore", "bring a dropped record back"),
    ):
        action = county_actions.add_parser(name, help=words)
        action.add_argument("record", metavar="ID", help="the record's id (county list)")
        action.add_argument("--reason", required=True, help="why (kept in the audit)")
    for name, words in (
        ("skip", "record a group as not assessed (a flood...): left out of the ranking"),
        ("unskip", "take back a group's 'not assessed'"),
    ):
        action = county_actions.add_parser(name, help=words)
        action.add_argument("group", metavar="GROUP", help="the group's id (checklist show)")
        action.add_argument("--reason", required=True, help="why (kept in the audit)")

    ranking = commands.add_parser("rank", help="the county ranking from the merged results")
    ranking.add_argument("--json", action="store_true", help="machine-readable output")
    _ranking_options(ranking)
    exporting = commands.add_parser(
        "export", help="the ranking and the circular: xlsx, csv, html, docx"
    )
    exporting.add_argument(
        "--format", default="all", metavar="LIST",
        help="comma-separated: xlsx,csv,html,docx,letters (default: all)",
    )  # fmt: skip
    exporting.add_argument("--out", metavar="DIR", help="default: exports/")
    exporting.add_argument(
        "--date", metavar="YYYY-MM-DD",
        help="the date the circular and the letters bear (default: the campaign's [document] date)",
    )  # fmt: skip
    _ranking_options(exporting)

    verifying = commands.add_parser("verify", help="check a printed result or a visit receipt")
    verifying.add_argument(
        "what", metavar="FILE|CODE", help="an export file, its code, or a QR payload"
    )

    trust = key_actions.add_parser("trust", help="trust a device's public key for a team")
    trust.add_argument("team", metavar="TEAM")
    trust.add_argument("key", metavar="KEY")
    return parser


def _ranking_options(command: argparse.ArgumentParser) -> None:
    """How to rank: the same two options wherever a ranking is made (rank, export)."""
    command.add_argument("--include-drafts", action="store_true", help="rank drafts too, marked")
    command.add_argument(
        "--calibrate",
        action="store_true",
        help="take each team's estimated leniency off its scores (every output says so)",
    )


def main(argv: list[str] | None = None) -> int:
    """Run one command; everything it prints shows control characters instead of passing them
    to the terminal (`commands.output`), argparse's own complaints included."""
    with guarded_output():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang: Lang = args.lang or default_lang()
    try:
        return _dispatch(args, lang)
    except InspectError as error:
        print(error.line(lang), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(t("cli.interrupted", lang), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        log = write_crash_log()
        print(
            t("cli.internal", lang, error=f"{type(error).__name__}: {error}", log=log),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _dispatch(args: argparse.Namespace, lang: Lang) -> int:
    if args.command == "checklist":
        from inspect_tui.commands import checklist

        if args.action == "check":
            return checklist.check(args.files, lang)
        return checklist.show(args.file or args.campaign, lang)
    if args.command == "bundle":
        from inspect_tui.commands import bundle

        return bundle.bundle(
            data=args.data,
            campaign=args.campaign,
            team=args.team,
            out=args.out,
            lang=lang,
            with_evidence=args.with_evidence,
        )
    if args.command in ("sheet-template", "import-sheet"):
        from inspect_tui.commands import sheet

        if args.command == "sheet-template":
            return sheet.template(campaign=args.campaign, out=args.out, team=args.team, lang=lang)
        return sheet.import_(
            data=args.data, campaign=args.campaign, file=args.file, team=args.team, lang=lang
        )
    if args.command == "demo":
        from inspect_tui.commands import merge

        return merge.demo(
            data=args.data,
            folder=args.dir,
            campaign=args.campaign,
            synthetic=args.synthetic,
            lang=lang,
        )
    if args.command in ("merge", "rank"):
        from inspect_tui.commands import merge

        if args.command == "merge":
            return merge.merge(
                data=args.data, campaign=args.campaign, files=args.files,
                allow_unsigned=args.allow_unsigned, prefer=args.prefer, choose=args.choose,
                lang=lang,
            )  # fmt: skip
        return merge.rank_command(
            data=args.data, campaign=args.campaign, as_json=args.json,
            include_drafts=args.include_drafts, calibrated=args.calibrate, lang=lang,
        )  # fmt: skip
    if args.command == "county":
        from inspect_tui.commands import county

        if args.action == "list":
            return county.list_command(
                data=args.data, campaign=args.campaign, as_json=args.json, lang=lang
            )
        if args.action in ("skip", "unskip"):
            return county.skip_command(
                data=args.data, campaign=args.campaign, group=args.group, reason=args.reason,
                undo=args.action == "unskip", lang=lang,
            )  # fmt: skip
        run = county.drop_command if args.action == "drop" else county.restore_command
        return run(
            data=args.data, campaign=args.campaign, record=args.record, reason=args.reason,
            lang=lang,
        )  # fmt: skip
    if args.command in ("export", "verify"):
        from inspect_tui.commands import export

        if args.command == "export":
            return export.export(
                data=args.data, campaign=args.campaign, formats=args.format, out=args.out,
                calibrated=args.calibrate, include_drafts=args.include_drafts, lang=lang,
                dated=args.date,
            )  # fmt: skip
        return export.verify_command(
            data=args.data, campaign=args.campaign, what=args.what, lang=lang
        )
    if args.command == "keys":
        from inspect_tui.commands import bundle

        if args.action == "show":
            return bundle.keys_show(data=args.data, lang=lang)
        if args.action == "new":
            return bundle.keys_new(data=args.data, lang=lang)
        return bundle.keys_trust(
            data=args.data, campaign=args.campaign, team=args.team, key=args.key, lang=lang
        )
    from inspect_tui.commands.app import run_app

    return run_app(data=args.data, campaign=args.campaign, lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
