"""``print`` commands: contact cards, member cards, rosters, sign-in sheets, hours statements."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..services import grids as grid_service
from ..services import teams as team_service
from . import EXIT_FAILURE, EXIT_INVALID, UsageError, with_db
from .argtypes import count_arg, date_arg, id_arg, month_arg, week_text_arg
from .messages import error_text, reason_text

# The printing package (ReportLab, ~0.5 s) is imported inside the commands: every other
# command builds this parser too and should not pay for it.
if TYPE_CHECKING:
    from ..db import Database
    from ..printing import PrintOptions, PrintResult

    PrintCommand = Callable[[Database, argparse.Namespace, PrintOptions], tuple[PrintResult, str]]

# The keys of printing.common.PAPER_SIZES, sorted (a test keeps the two the same).
PAPERS = ("A3", "A4", "Letter")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--output", "-o", required=True, type=Path, help="PDF file to write")
    out.add_argument("--paper", choices=PAPERS, default="A4")
    out.add_argument("--font", help="Chinese TrueType font file (.ttf/.ttc) to print with")
    out.add_argument("--tibetan-font", help="Tibetan TrueType font file")

    p = sub.add_parser("print", parents=[common], help="printouts (PDF)")
    psub = p.add_subparsers(dest="action", required=True)

    c = psub.add_parser("cards", parents=[common, out], help="grid contact cards (网格联系卡)")
    which = c.add_mutually_exclusive_group(required=True)
    which.add_argument("--grid", action="append", help="grid name or number (repeatable)")
    which.add_argument("--all", action="store_true", help="every grid")
    c.add_argument("--copies", type=count_arg(1, 1000), default=1, help="cards per grid, 1 to 1000 (default 1)")
    c.add_argument("--backs", action="store_true", help="also print card backs (duplex)")
    _mask_options(c)
    c.set_defaults(func=_run(cmd_cards))

    m = psub.add_parser("member-cards", parents=[common, out], help="volunteer member cards")
    m.add_argument("--team", help="only the members of this team")
    _mask_options(m)
    m.set_defaults(func=_run(cmd_member_cards))

    r = psub.add_parser("roster", parents=[common, out], help="weekly roster (A4 landscape)")
    r.add_argument("--week", required=True, type=week_text_arg, help="ISO week, e.g. 2026-W50")
    scope = r.add_mutually_exclusive_group()
    scope.add_argument("--team", help="one team (default: every team, one after another)")
    scope.add_argument("--grid", help="the duties of one grid")
    _mask_options(r)
    r.set_defaults(func=_run(cmd_roster))

    g = psub.add_parser("signin", parents=[common, out], help="sign-in sheets (签到表)")
    which = g.add_mutually_exclusive_group(required=True)
    which.add_argument("--shift", type=id_arg, help="shift id")
    which.add_argument("--date", type=date_arg, help="every shift of a day (YYYY-MM-DD)")
    g.add_argument("--team", help="with --date: only this team's shifts")
    _mask_options(g)
    g.set_defaults(func=_run(cmd_signin))

    h = psub.add_parser("hours", parents=[common, out], help="monthly hours statement")
    h.add_argument("--month", required=True, type=month_arg, help="YYYY-MM")
    h.add_argument("--team", help="only hours served for this team")
    h.add_argument("--volunteer", type=id_arg, help="only this volunteer (id)")
    h.add_argument("--per-volunteer", action="store_true",
                   help="one statement per volunteer instead of one per team")
    _mask_options(h)
    h.set_defaults(func=_run(cmd_hours))


def _mask_options(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--mask-phones", dest="mask_phones", action="store_true", default=None,
                   help="print phones as 138****1234")
    g.add_argument("--no-mask-phones", dest="mask_phones", action="store_false",
                   help="print phones in full")


def _options(args: argparse.Namespace) -> PrintOptions:
    from ..printing import PrintOptions

    return PrintOptions(paper=args.paper, font_path=args.font,
                        tibetan_font_path=args.tibetan_font,
                        mask_phones=getattr(args, "mask_phones", None))


def _run(fn: PrintCommand) -> Callable[[argparse.Namespace], int]:
    """Wrap a print command: font and output problems get a clear message and exit code."""

    def command(db: Database, args: argparse.Namespace) -> int:
        from ..printing import FontMissing, OutputError

        try:
            result, what = fn(db, args, _options(args))
        except FontMissing as exc:
            text = error_text(exc)
            if exc.details.get("reason"):
                text += f" ({reason_text(str(exc.details['reason']))})"
            print(f"volunteer-app: {text}", file=sys.stderr)
            # A font file named on the command line is a bad argument; none installed is not.
            return EXIT_INVALID if args.font or args.tibetan_font else EXIT_FAILURE
        except OutputError as exc:
            if exc.code == "output_unwritable":
                reason = reason_text(str(exc.details.get("reason", "")))
                text = f"cannot write {exc.details.get('path')} ({reason})"
            else:  # a device, a folder or a read-only file named as the output
                text = error_text(exc)
            print(f"volunteer-app: {text}", file=sys.stderr)
            return EXIT_INVALID
        for warning in result.warnings:
            print(f"volunteer-app: warning: {reason_text(warning)}", file=sys.stderr)
        print(f"{args.output}: {result.pages} pages, {what}")
        return 0

    return with_db(command)


def cmd_cards(db: Database, args: argparse.Namespace,
              options: PrintOptions) -> tuple[PrintResult, str]:
    from ..printing.cards import grid_cards_data, render_grid_cards

    if args.copies < 1 or args.copies > 1000:
        raise UsageError(f"--copies must be between 1 and 1000 (got {args.copies})")
    with db.session() as s:
        ids = None if args.all else [grid_service.resolve(s, g) for g in args.grid]
        cards = grid_cards_data(s, ids)
    if not cards:
        raise UsageError("there are no grids to print")
    result = render_grid_cards(cards, args.output, options, copies=args.copies,
                               backs=args.backs)
    return result, f"{result.items} cards of {len(cards)} grids"


def cmd_member_cards(db: Database, args: argparse.Namespace,
                     options: PrintOptions) -> tuple[PrintResult, str]:
    from ..printing.member_cards import member_cards_data, render_member_cards

    with db.session() as s:
        team_id = team_service.resolve(s, args.team) if args.team else None
        cards = member_cards_data(s, team_id)
    if not cards:
        raise UsageError("no active volunteers to print" + (f" in team {args.team}" if args.team else ""))
    result = render_member_cards(cards, args.output, options)
    return result, f"{result.items} member cards"


def cmd_roster(db: Database, args: argparse.Namespace,
               options: PrintOptions) -> tuple[PrintResult, str]:
    from ..printing.roster import render_weekly_roster, weekly_roster_data
    from ..services import shifts as shift_service

    with db.session() as s:
        monday = shift_service.parse_week(args.week)
        team_id = team_service.resolve(s, args.team) if args.team else None
        grid_id = grid_service.resolve(s, args.grid) if args.grid else None
        roster = weekly_roster_data(s, monday, team_id=team_id, grid_id=grid_id)
    result = render_weekly_roster(roster, args.output, options)
    return result, f"{len(roster.sections)} rosters for {roster.week_label}"


def cmd_signin(db: Database, args: argparse.Namespace,
               options: PrintOptions) -> tuple[PrintResult, str]:
    from ..printing.signin import render_signin_sheets, signin_sheets_data

    if args.team and args.shift is not None:
        raise UsageError("--team goes with --date, not with --shift")
    day = args.date  # a date (argparse refused '' and non-dates), or None with --shift
    with db.session() as s:
        team_id = team_service.resolve(s, args.team) if args.team else None
        sheets = signin_sheets_data(s, shift_id=args.shift, day=day, team_id=team_id)
    if not sheets:
        raise UsageError(f"there are no shifts on {args.date}" + (f" for team {args.team}" if args.team else ""))
    result = render_signin_sheets(sheets, args.output, options)
    return result, f"{len(sheets)} sign-in sheets"


def cmd_hours(db: Database, args: argparse.Namespace,
              options: PrintOptions) -> tuple[PrintResult, str]:
    from ..printing.hours import community_name, hours_lines, render_hours_statement
    from ..services import hours as hours_service
    from ..services import volunteers as vol_service

    hours_service.month_bounds(args.month)  # ValidationError for a bad month
    with db.session() as s:
        team_id = team_service.resolve(s, args.team) if args.team else None
        if args.volunteer is not None:
            vol_service.get(s, args.volunteer)  # NotFoundError for an unknown id
        lines = hours_lines(s, args.month, team_id, args.volunteer)
        community = community_name(s)
    result = render_hours_statement(lines, args.output, options, month=args.month,
                                    community=community,
                                    per_volunteer=args.per_volunteer or args.volunteer is not None)
    verified = round(sum(x.hours for x in lines if x.verified), 2)
    return result, f"{len(lines)} entries, {verified:g} verified hours"
