"""Commands ``operators`` (accounts) and ``audit`` (the audit log)."""

from __future__ import annotations

import argparse
from datetime import datetime, time

from ..db import Database
from ..security import accounts
from ..security.audit_log import list_entries
from ..services import teams as team_service
from . import UsageError, print_json, with_db
from .argtypes import date_arg, limit_arg
from .keys import add_audit_verify


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    ops = sub.add_parser("operators", parents=[common], help="operator accounts and roles")
    osub = ops.add_subparsers(dest="action", required=True)
    p = osub.add_parser("enable", parents=[common],
                        help="switch accounts on and create the first administrator")
    p.add_argument("--username", required=True)
    p.add_argument("--display-name", default="")
    p.set_defaults(func=with_db(cmd_enable))
    p = osub.add_parser("disable", parents=[common], help="back to single-user mode")
    p.set_defaults(func=with_db(cmd_disable))
    p = osub.add_parser("list", parents=[common])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_list))
    p = osub.add_parser("add", parents=[common], help="add an operator (password from "
                        "$VOLUNTEER_APP_NEW_PASSWORD or a prompt)")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=["administrator", "coordinator", "clerk", "captain"])
    p.add_argument("--team", help="the captain's team")
    p.add_argument("--display-name", default="")
    p.set_defaults(func=with_db(cmd_add))
    p = osub.add_parser("unlock", parents=[common])
    p.add_argument("username")
    p.set_defaults(func=with_db(cmd_unlock))

    aud = sub.add_parser("audit", parents=[common], help="the audit log (administrators)")
    asub = aud.add_subparsers(dest="action", required=True)
    p = asub.add_parser("list", parents=[common])
    p.add_argument("--operator-name", dest="who")
    p.add_argument("--action", dest="what")
    p.add_argument("--entity")
    p.add_argument("--since", type=date_arg, help="first day, YYYY-MM-DD")
    p.add_argument("--until", type=date_arg, help="last day, YYYY-MM-DD")
    p.add_argument("--limit", type=limit_arg, default=200, help="1 to 1000000 (default 200)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_audit))
    add_audit_verify(asub, common)


def _new_password() -> str:
    import os

    env = os.environ.get("VOLUNTEER_APP_NEW_PASSWORD")
    if env is not None:
        return env
    import sys

    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        first = getpass.getpass("new password: ")
        if getpass.getpass("again: ") != first:
            raise UsageError("the passwords differ")
        return first
    raise UsageError("set VOLUNTEER_APP_NEW_PASSWORD or run on a terminal")


def cmd_enable(db: Database, args: argparse.Namespace) -> int:
    password = _new_password()
    with db.session() as s:
        accounts.enable_accounts(s, args.username, password, args.display_name)
    print(f"accounts switched on; administrator {args.username} created")
    return 0


def cmd_disable(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        accounts.disable_accounts(s)
    print("accounts switched off (single-user mode)")
    return 0


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        rows = accounts.list_operators(s)
    if args.json:
        print_json([r.to_json() for r in rows])
    else:
        for r in rows:
            state = "" if r.active else " (inactive)"
            if r.locked_until and r.locked_until > datetime.now():
                state += f" (locked until {r.locked_until:%H:%M})"
            print(f"{r.id:>4}  {r.username:<16} {r.role:<14} {r.display_name}{state}")
    return 0


def cmd_add(db: Database, args: argparse.Namespace) -> int:
    password = _new_password()
    with db.session() as s:
        team_id = team_service.resolve(s, args.team) if args.team else None
        oid = accounts.save_operator(s, None, args.username, args.role, args.display_name,
                                     team_id, password)
    print(f"operator {args.username} added (id {oid})")
    return 0


def cmd_unlock(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        row = next((r for r in accounts.list_operators(s) if r.username == args.username), None)
        if row is None:
            raise UsageError(f"no operator named {args.username}")
        accounts.unlock(s, row.id)
    print(f"{args.username} unlocked")
    return 0


def cmd_audit(db: Database, args: argparse.Namespace) -> int:
    since = datetime.combine(args.since, time.min) if args.since else None
    until = datetime.combine(args.until, time.max) if args.until else None
    with db.session() as s:
        rows = list_entries(s, operator=args.who, action=args.what, entity=args.entity,
                            since=since, until=until, limit=args.limit)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        fields = ", ".join(f"{k}: {v[0]!r} -> {v[1]!r}" if isinstance(v, list) and len(v) == 2 else f"{k}: {v}"
                           for k, v in list(r.changes.items())[:4])
        print(f"{r.at:%Y-%m-%d %H:%M:%S}  {r.operator:<12} {r.action:<8} {r.entity}#{r.entity_id} {r.summary}  {fields}")
    return 0
