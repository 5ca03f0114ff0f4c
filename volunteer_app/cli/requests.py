"""``orders`` commands: residents' requests taken in, dispatched and followed through.

Categories, sources, urgencies and statuses are given as their codes
(``safety_hazard``) or their Chinese names (``安全隐患``). The operator recorded on every
transition is ``--operator``, else ``$VOLUNTEER_APP_OPERATOR``, else the OS user name.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.orm import Session

from ..clock import local_now
from ..db import Database
from ..errors import ConflictError
from ..models.requests import REQUEST_CATEGORIES, REQUEST_SOURCES, REQUEST_STATUSES, URGENCIES
from ..parsing import shown
from ..services import grids as grid_service
from ..services import requests as req_service
from ..services import teams as team_service
from ..services.request_duplicates import find_duplicate
from ..services.requests import ENV_OPERATOR, default_operator
from . import UsageError, messages, print_json, with_db
from .argtypes import count_arg, hours_arg, id_arg, moment_arg, month_arg, search_arg

CATEGORY_WORDS = {
    "维修": "repair", "报修": "repair", "安全隐患": "safety_hazard", "隐患": "safety_hazard",
    "矛盾纠纷": "dispute", "纠纷": "dispute", "一老一小": "care", "助老助幼": "care",
    "助老": "care", "照料": "care", "环境": "environment", "环境卫生": "environment",
    "其他": "other", "safety-hazard": "safety_hazard",
}
SOURCE_WORDS = {
    "楼栋群": "chat_group", "微信群": "chat_group", "电话": "phone", "来访": "walk_in",
    "上门": "walk_in", "登记点": "registration_point", "chat-group": "chat_group",
    "walk-in": "walk_in", "registration-point": "registration_point",
}
URGENCY_WORDS = {"低": "low", "一般": "normal", "普通": "normal", "紧急": "urgent", "特急": "emergency"}
STATUS_WORDS = {
    "已收单": "received", "已派单": "dispatched", "已接单": "accepted", "处理中": "in_progress",
    "已办结": "done", "已回访": "followed_up", "已取消": "cancelled", "in-progress": "in_progress",
    "followed-up": "followed_up", "canceled": "cancelled",
}

# Conflicts that are the user's mistake, not a failure: exit 2.
INVALID_CONFLICTS = ("invalid_transition", "entry_superseded", "assignment_cancelled",
                     "assignment_completed", "request_closed")


def add_operator(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """``--operator NAME`` for commands that record who did something.

    The shared options of every command carry ``--operator`` (who is working; with
    accounts on also the login name); only when they do not is it added here.
    """
    if any("--operator" in a.option_strings for a in common._actions):
        return
    p.add_argument("--operator", default=argparse.SUPPRESS,
                   help=f"who records this (default: ${ENV_OPERATOR} or the OS user name)")


def operator_of(args: argparse.Namespace) -> str:
    """The operator recorded on transitions and ledger entries."""
    return getattr(args, "operator", None) or default_operator()


def code_of(text: str, allowed: tuple[str, ...], words: dict[str, str], what: str) -> str:
    """A code from its code or Chinese name; UsageError naming the option otherwise."""
    key = text.strip()
    code = words.get(key, key.lower().replace("-", "_"))
    if code not in allowed:
        raise UsageError(f"{what} {shown(text)!r} is not one of: {', '.join(allowed)}")
    return code



def invalid_conflicts(fn):  # noqa: ANN001, ANN201
    """Turn conflicts caused by the input into exit status 2 with their message."""

    def run(db: Database, args: argparse.Namespace) -> int | None:
        try:
            return fn(db, args)
        except ConflictError as exc:
            if exc.code in INVALID_CONFLICTS:
                raise UsageError(messages.error_text(exc)) from exc
            raise

    return run


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    orders = sub.add_parser("orders", parents=[common], help="residents' requests (点单/派单)")
    osub = orders.add_subparsers(dest="action", required=True)

    p = osub.add_parser("add", parents=[common], help="take in a resident's request")
    p.add_argument("--resident", required=True, help="resident's name")
    p.add_argument("--phone", default="", help="resident's phone")
    p.add_argument("--building", default="", help="building or compound, e.g. 香雪佳园3栋")
    p.add_argument("--grid", help="grid name or number")
    p.add_argument("--category", default="other",
                   help="repair, safety_hazard, dispute, care, environment, other (or Chinese)")
    p.add_argument("--description", required=True)
    p.add_argument("--source", default="phone",
                   help="chat_group, phone, walk_in, registration_point (or Chinese)")
    p.add_argument("--urgency", default="normal", help="low, normal, urgent, emergency")
    p.add_argument("--received-at", type=moment_arg, help="when it came in (default now), e.g. 2026-12-07T09:30")
    p.add_argument("--allow-duplicate", action="store_true",
                   help="take it in even if the same phone, category and description "
                        "came in within a day")
    p.add_argument("--json", action="store_true")
    add_operator(p, common)
    p.set_defaults(func=with_db(cmd_add))

    p = osub.add_parser("edit", parents=[common],
                        help="correct an open request's details (what is not given stays)")
    p.add_argument("id", type=id_arg, help="request id")
    p.add_argument("--resident", help="resident's name")
    p.add_argument("--phone", help="resident's phone")
    p.add_argument("--building", help="building or compound")
    p.add_argument("--grid", help="grid name or number")
    p.add_argument("--category", help="repair, safety_hazard, dispute, care, environment, other")
    p.add_argument("--description")
    p.add_argument("--source", help="chat_group, phone, walk_in, registration_point")
    p.add_argument("--urgency", help="low, normal, urgent, emergency (the due time follows)")
    p.add_argument("--received-at", type=moment_arg, help="when it came in, e.g. 2026-12-07T09:30")
    p.add_argument("--json", action="store_true")
    add_operator(p, common)
    p.set_defaults(func=with_db(invalid_conflicts(cmd_edit)))

    p = osub.add_parser("dispatch", parents=[common], help="send a request to a team (派单)")
    p.add_argument("id", type=id_arg, help="request id")
    p.add_argument("--team", required=True, help="team name or id")
    p.add_argument("--volunteer", help="volunteer id or name")
    p.add_argument("--note", default="")
    add_operator(p, common)
    p.set_defaults(func=with_db(invalid_conflicts(cmd_dispatch)))

    p = osub.add_parser("status", parents=[common], help="move a request to another status")
    p.add_argument("id", type=id_arg, help="request id")
    p.add_argument("status", help=", ".join(REQUEST_STATUSES))
    p.add_argument("--note", default="", help="result (done), remark (followed_up), reason (cancelled)")
    p.add_argument("--reason", default="", help="reason for cancelling (same as --note)")
    p.add_argument("--satisfaction", type=count_arg(1, 5), help="resident's satisfaction 1-5 (followed_up)")
    p.add_argument("--hours", type=hours_arg, help="hours the volunteer spent (done), at most 24")
    p.add_argument("--volunteer", help="volunteer who accepted (accepted)")
    p.add_argument("--at", type=moment_arg, help="when it happened, if not now, e.g. 2026-12-07T09:30")
    add_operator(p, common)
    p.set_defaults(func=with_db(invalid_conflicts(cmd_status)))

    p = osub.add_parser("list", parents=[common], help="list requests")
    p.add_argument("--status", action="append", help="status (repeatable or comma separated)")
    p.add_argument("--grid")
    p.add_argument("--team")
    p.add_argument("--category")
    p.add_argument("--month", type=month_arg, help="received in month YYYY-MM")
    p.add_argument("--overdue", action="store_true", help="only overdue requests")
    p.add_argument("--open", action="store_true", help="only requests still open")
    p.add_argument("--search", default="", type=search_arg, help="at most 100 characters")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_list))

    p = osub.add_parser("show", parents=[common], help="one request with its history")
    p.add_argument("id", type=id_arg, help="request id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_show))

    p = osub.add_parser("counts", parents=[common], help="a month's requests per grid and category")
    p.add_argument("--month", required=True, type=month_arg, help="YYYY-MM")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_counts))

    p = osub.add_parser("slip", parents=[common], help="print a request slip (PDF)")
    p.add_argument("id", type=id_arg, help="request id")
    p.add_argument("--output", "-o", required=True, type=Path)
    p.add_argument("--paper", default="A5", help="A5 (default) or A4")
    p.add_argument("--font", help="Chinese TrueType font file")
    p.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    p.set_defaults(func=with_db(cmd_slip))


def cmd_add(db: Database, args: argparse.Namespace) -> int:
    data = req_service.RequestData(
        resident_name=args.resident, resident_phone=args.phone, building=args.building,
        category=code_of(args.category, REQUEST_CATEGORIES, CATEGORY_WORDS, "--category"),
        description=args.description,
        source=code_of(args.source, REQUEST_SOURCES, SOURCE_WORDS, "--source"),
        urgency=code_of(args.urgency, URGENCIES, URGENCY_WORDS, "--urgency"),
        received_at=args.received_at,
    )
    with db.session() as s:
        if args.grid:
            data.grid_id = grid_service.resolve(s, args.grid)
        if not args.allow_duplicate:
            _refuse_duplicate(s, data)
        rid = req_service.create_request(s, data, operator_of(args))
        row = req_service.get_request(s, rid).row
    return _report(args, row, "received")


def _refuse_duplicate(s: Session, data: req_service.RequestData) -> None:
    """Exit 2 naming the earlier request when this one looks like it taken in again
    (issue 18.15: residents call twice; scripts re-run)."""
    dup = find_duplicate(s, data)
    if dup is not None:
        raise UsageError(
            f"request {dup.id} (received {dup.received_at:%Y-%m-%d %H:%M}, {dup.status}) has "
            "the same phone, category and description; is this the same request? "
            "Add --allow-duplicate to take it in anyway")


def _report(args: argparse.Namespace, row: req_service.RequestRow, what: str) -> int:
    """A request after ``add`` or ``edit``: as JSON, or one line with its due time."""
    if args.json:
        print_json(row.to_json())
    else:
        print(f"request {row.id} {what}, due {row.due_at:%Y-%m-%d %H:%M}")
    return 0


def cmd_edit(db: Database, args: argparse.Namespace) -> int:
    rid = args.id
    received = args.received_at
    codes = {
        "category": (args.category, REQUEST_CATEGORIES, CATEGORY_WORDS),
        "source": (args.source, REQUEST_SOURCES, SOURCE_WORDS),
        "urgency": (args.urgency, URGENCIES, URGENCY_WORDS),
    }
    given = {key: code_of(text, allowed, words, f"--{key}")
             for key, (text, allowed, words) in codes.items() if text is not None}
    with db.session() as s:
        row = req_service.get_request(s, rid).row
        data = req_service.RequestData(
            resident_name=row.resident_name if args.resident is None else args.resident,
            resident_phone=row.resident_phone if args.phone is None else args.phone,
            building=row.building if args.building is None else args.building,
            grid_id=grid_service.resolve(s, args.grid) if args.grid else row.grid_id,
            category=given.get("category", row.category),
            description=row.description if args.description is None else args.description,
            source=given.get("source", row.source),
            urgency=given.get("urgency", row.urgency),
            received_at=received,
        )
        req_service.update_request(s, rid, data, operator_of(args), expected_version=row.version)
        row = req_service.get_request(s, rid).row
    return _report(args, row, "updated")


def cmd_dispatch(db: Database, args: argparse.Namespace) -> int:
    rid = args.id
    with db.session() as s:
        team_id = team_service.resolve(s, args.team)
        vol_id = req_service.resolve_volunteer(s, args.volunteer) if args.volunteer else None
        req_service.dispatch(s, rid, team_id, operator_of(args), volunteer_id=vol_id,
                             note=args.note)
        row = req_service.get_request(s, rid).row
    who = f" / {row.volunteer}" if row.volunteer else ""
    print(f"request {rid} dispatched to {row.team}{who}")
    return 0


def cmd_status(db: Database, args: argparse.Namespace) -> int:
    rid = args.id
    status = code_of(args.status, REQUEST_STATUSES, STATUS_WORDS, "status")
    note = args.note or args.reason
    if args.note and args.reason:
        note = f"{args.reason}; {args.note}"
    at = args.at
    with db.session() as s:
        vol_id = req_service.resolve_volunteer(s, args.volunteer) if args.volunteer else None
        res = req_service.change_status(
            s, rid, status, operator_of(args), note=note, volunteer_id=vol_id,
            satisfaction=args.satisfaction, hours=args.hours, at=at,
        )
    extra = f" (hours entry {res.hours_entry_id}, awaiting verification)" if res.hours_entry_id else ""
    print(f"request {rid}: {res.from_status} -> {res.to_status}{extra}")
    return 0


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    statuses: list[str] = []
    for item in args.status or []:
        statuses += [code_of(x, REQUEST_STATUSES, STATUS_WORDS, "--status")
                     for x in item.split(",") if x.strip()]
    flt = req_service.RequestFilter(
        statuses=tuple(statuses), month=args.month, overdue_only=args.overdue,
        open_only=args.open, search=args.search,
        category=code_of(args.category, REQUEST_CATEGORIES, CATEGORY_WORDS, "--category")
        if args.category else None,
    )
    with db.session() as s:
        if args.grid:
            flt.grid_id = grid_service.resolve(s, args.grid)
        if args.team:
            flt.team_id = team_service.resolve(s, args.team)
        rows = req_service.list_requests(s, flt)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        flag = "  OVERDUE" if r.overdue else ""
        who = r.team or "-"
        if r.volunteer:
            who += f"/{r.volunteer}"
        print(f"{r.id:>5}  {r.received_at:%m-%d %H:%M}  {r.status:<11} {r.category:<13} "
              f"{r.grid or '-':<8} {r.resident_name}\t{who}\tdue {r.due_at:%m-%d %H:%M}{flag}")
    print(f"{len(rows)} requests")
    return 0


def cmd_show(db: Database, args: argparse.Namespace) -> int:
    rid = args.id
    with db.session() as s:
        d = req_service.get_request(s, rid)
    if args.json:
        print_json(d.to_json())
        return 0
    r = d.row
    print(f"request {r.id}: {r.status}{'  OVERDUE' if r.overdue else ''}")
    print(f"  resident: {r.resident_name} {r.resident_phone}  {r.building}  {r.grid or ''}")
    print(f"  {r.category}, {r.urgency}, via {r.source}; due {r.due_at:%Y-%m-%d %H:%M}")
    print(f"  {r.description}")
    for e in d.events:
        to = f" -> {e.team}" if e.team and e.to_status == "dispatched" else ""
        vol = f"/{e.volunteer}" if e.volunteer and e.to_status == "dispatched" else ""
        note = f": {e.note}" if e.note else ""
        print(f"  {e.at:%Y-%m-%d %H:%M}  {e.operator:<8} {e.to_status}{to}{vol}{note}")
    if d.allowed:
        print(f"  next: {', '.join(d.allowed)}")
    return 0


def cmd_counts(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        counts = req_service.month_counts(s, args.month)
    if args.json:
        print_json(counts.to_json())
        return 0
    cats = counts.categories
    print("grid".ljust(10) + "".join(c[:8].rjust(9) for c in cats) + "total".rjust(7))
    for g in counts.grids:
        print((g.grid or "(none)").ljust(10) + "".join(str(g.by_category[c]).rjust(9) for c in cats)
              + str(g.total).rjust(7))
    print("total".ljust(10) + "".join(str(counts.by_category[c]).rjust(9) for c in cats)
          + str(counts.total).rjust(7))
    avg = "-" if counts.satisfaction_avg is None else f"{counts.satisfaction_avg:.2f}"
    print(f"open overdue: {counts.overdue_open}; done on time: {counts.done_on_time}, "
          f"late: {counts.done_late}; satisfaction: {avg}")
    return 0


def cmd_slip(db: Database, args: argparse.Namespace) -> int:
    from ..printing import FontMissing, OutputError
    from ..printing.request_slip import PAPERS, render_request_slip
    from ..services.community import get_community

    rid = args.id
    if args.paper not in PAPERS:
        raise UsageError(f"--paper {shown(args.paper)!r} is not one of: {', '.join(PAPERS)}")
    with db.session() as s:
        detail = req_service.get_request(s, rid)
        community = get_community(s).name
        printed_at = local_now(s)
    try:
        pages = render_request_slip(detail, args.output, community=community,
                                    paper=args.paper, font_path=args.font, lang=args.lang,
                                    printed_at=printed_at)
    except FontMissing as exc:
        if args.font:  # a font named on the command line is a bad argument
            raise UsageError(messages.error_text(exc)) from exc
        raise
    except OutputError as exc:  # "cannot write F (reason)", or F is a device, a folder, read-only
        raise UsageError(messages.error_text(exc)) from exc
    print(f"{args.output}: request slip, {pages} page")
    return 0
