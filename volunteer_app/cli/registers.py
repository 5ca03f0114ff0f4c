"""Commands for the registers: init, volunteers, teams, grids."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..db import Database
from ..demo import load_demo
from ..importexport import volunteers_io
from ..importexport.tables import SUPPORTED
from ..services import grids as grid_service
from ..services import teams as team_service
from ..services import volunteers as vol_service
from . import UsageError, print_json, with_db
from .argtypes import search_arg


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="create or upgrade the database")
    p.add_argument("--demo", action="store_true", help="load the demo community")
    p.set_defaults(func=with_db(cmd_init, create=True))

    vol = sub.add_parser("volunteers", parents=[common], help="the volunteer register")
    vsub = vol.add_subparsers(dest="action", required=True)
    p = vsub.add_parser("list", parents=[common])
    p.add_argument("--team")
    p.add_argument("--grid")
    p.add_argument("--search", default="", type=search_arg, help="at most 100 characters")
    p.add_argument("--inactive", action="store_true", help="list volunteers who left")
    p.add_argument("--all", action="store_true", help="active and inactive")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_volunteers_list))
    p = vsub.add_parser("import", parents=[common])
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--create-missing", action="store_true",
                   help="create the teams and grids the file names that do not exist yet "
                        "(listed first; needs teams.edit and grids.edit)")
    p.set_defaults(func=with_db(cmd_volunteers_import))
    p = vsub.add_parser("export", parents=[common])
    p.add_argument("file", type=Path)
    p.add_argument("--include-ids", action="store_true",
                   help="full ID-card numbers (masked unless asked; needs the ids.view "
                        "permission and this computer to hold the database's key)")
    p.set_defaults(func=with_db(cmd_volunteers_export))

    from .replan import add_volunteer_leave

    add_volunteer_leave(vsub, common)

    teams = sub.add_parser("teams", parents=[common], help="teams")
    tsub = teams.add_subparsers(dest="action", required=True)
    p = tsub.add_parser("list", parents=[common])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_teams_list))

    grids = sub.add_parser("grids", parents=[common], help="grids")
    gsub = grids.add_subparsers(dest="action", required=True)
    p = gsub.add_parser("list", parents=[common])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_grids_list))


def cmd_init(db: Database, args: argparse.Namespace) -> int:
    if args.demo:
        with db.session() as s:
            counts = load_demo(s)
        print(f"demo community loaded: {counts['grids']} grids, {counts['teams']} teams, "
              f"{counts['volunteers']} volunteers")
    print(f"database ready: {db.display_name()}")
    return 0


def cmd_volunteers_list(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        flt = vol_service.VolunteerFilter(search=args.search)
        flt.active = None if args.all else (not args.inactive)
        if args.team:
            flt.team_id = team_service.resolve(s, args.team)
        if args.grid:
            flt.grid_id = grid_service.resolve(s, args.grid)
        rows = vol_service.list_rows(s, flt)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    out = sys.stdout
    for r in rows:
        state = "" if r.active else "  (left)"
        out.write(f"{r.id:>6}  {r.name:<10}\t{r.mobile}  {r.grid or '-':<8}\t{'、'.join(r.teams)}{state}\n")
    out.write(f"{len(rows)} volunteers\n")
    return 0


def _check_suffix(path: Path) -> None:
    if path.suffix.lower() not in SUPPORTED:
        raise UsageError(f"{path}: unsupported file type {path.suffix!r} (use .xlsx or .csv)")


def cmd_volunteers_import(db: Database, args: argparse.Namespace) -> int:
    from ..errors import ImportFailed

    _check_suffix(args.file)
    with db.session() as s:
        preview = volunteers_io.prepare(s, args.file, create_missing=args.create_missing)
        if not preview.ok:
            raise ImportFailed(preview.source, preview.problems)
        n = len(preview.rows) if args.dry_run else volunteers_io.apply(s, preview)
    verb = "would import" if args.dry_run else "imported"
    made = "would create" if args.dry_run else "created"
    if preview.new_teams:
        print(f"{made} teams: " + ", ".join(preview.new_teams))
    if preview.new_grids:
        print(f"{made} grids: " + ", ".join(preview.new_grids))
    print(f"{args.file}: {verb} {n} volunteers")
    return 0


def cmd_volunteers_export(db: Database, args: argparse.Namespace) -> int:
    _check_suffix(args.file)
    with db.session() as s:
        n = volunteers_io.export_file(s, args.file, vol_service.VolunteerFilter(active=None),
                                      include_ids=args.include_ids)
    print(f"{args.file}: exported {n} volunteers")
    return 0


def cmd_teams_list(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        rows = team_service.list_teams(s)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        indent = "  " if r.parent_id else ""
        print(f"{r.id:>4}  {indent}{r.name}\t{r.kind}\t{r.member_count} members\tcaptain: {r.captain or '-'}")
    return 0


def cmd_grids_list(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        rows = grid_service.list_grids(s)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        print(f"{r.number:>3}  {r.name}\t网格长 {r.leader_name} {r.leader_phone}\t{r.volunteer_count} volunteers")
    return 0
