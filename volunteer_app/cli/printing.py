"""``print`` commands: contact cards, member cards, rosters, sign-in sheets, hours statements."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..db import Database
from ..printing import FontMissing, OutputError, PrintOptions, PrintResult
from ..printing.common import PAPER_SIZES
from ..services import grids as grid_service
from ..services import teams as team_service
from . import EXIT_FAILURE, EXIT_INVALID, UsageError, with_db
from .messages import error_text, reason_text

PrintCommand = Callable[[Database, argparse.Namespace, PrintOptions], tuple[PrintResult, str]]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--output", "-o", required=True, type=Path, help="PDF file to write")
    out.add_argument("--paper", choices=sorted(PAPER_SIZES), default="A4")
    out.add_argument("--font", help="Chinese TrueType font file (.ttf/.ttc) to print with")
    out.add_argument("--tibetan-font", help="Tibetan TrueType font file")

    p = sub.add_parser("print", parents=[common], help="printouts (PDF)")
    psub = p.add_subparsers(dest="action", required=True)

    c = psub.add_parser("cards", parents=[common, out], help="grid contact cards (网格联系卡)")
    which = c.add_mutually_exclusive_group(required=True)
    which.add_argument("--grid", action="append", help="grid name or number (repeatable)")
    which.add_argument("--all", action="store_true", help="every grid")
    c.add_argument("--copies", type=int, default=1, help="cards per grid (default 1)")
    c.add_argument("--backs", action="store_true", help="also print card backs (duplex)")
    _mask_options(c)
    c.set_defaults(func=_run(cmd_cards))

    m = psub.add_parser("member-cards", parents=[common, out], help="volunteer member cards")
    m.add_argument("--team", help="only the members of this team")
    _mask_options(m)
    m.set_defaults(func=_run(cmd_member_cards))


def _mask_options(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--mask-phones", dest="mask_phones", action="store_true", default=None,
                   help="print phones as 138****1234")
    g.add_argument("--no-mask-phones", dest="mask_phones", action="store_false",
                   help="print phones in full")


def _options(args: argparse.Namespace) -> PrintOptions:
    return PrintOptions(paper=args.paper, font_path=args.font,
                        tibetan_font_path=args.tibetan_font,
                        mask_phones=getattr(args, "mask_phones", None))


def _run(fn: PrintCommand) -> Callable[[argparse.Namespace], int]:
    """Wrap a print command: font and output problems get a clear message and exit code."""

    def command(db: Database, args: argparse.Namespace) -> int:
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
            reason = reason_text(str(exc.details.get("reason", "")))
            print(f"volunteer-app: cannot write {exc.details.get('path')} ({reason})",
                  file=sys.stderr)
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
