"""Commands ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..backup import create_backup, inspect_backup, restore_backup, verify_backup
from ..db import Database, sqlite_path
from . import print_json, with_db


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="back up the whole database")
    p.add_argument("--output", "-o", type=Path, required=True,
                   help="F.db (SQLite online backup) or F.vabak (portable archive, any back end)")
    p.set_defaults(func=with_db(cmd_backup))
    p = sub.add_parser("restore", parents=[common],
                       help="replace all data with a backup (checked first; a safety copy is kept)")
    p.add_argument("file", type=Path)
    p.add_argument("--check", action="store_true", help="only check the file, change nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore)


def cmd_backup(db: Database, args: argparse.Namespace) -> int:
    counts = create_backup(db, args.output)
    print(f"{args.output}: backup written ({sum(counts.values())} rows in {len(counts)} tables)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if args.check:  # loaded as a restore would load it, in a private folder: nothing else changes
        info = verify_backup(args.file)
        if args.json:
            print_json(info)
        else:
            total = sum(info["rows"].values())
            print(f"{args.file}: intact {info['format']} backup, {total} rows, schema {', '.join(info['revisions'])}")
        return 0
    # Checked before touching the target; before creating one, checked as far as a restore
    # goes, so that a backup refused half-way does not leave a new empty database behind.
    target = sqlite_path(args.db) if _is_url(args.db) else None
    if target is not None and not target.exists():
        verify_backup(args.file)
    else:
        inspect_backup(args.file)
    return with_db(_restore, create=True)(args)


def _is_url(url: str) -> bool:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(url)
    except ArgumentError:
        return False  # open_database says so
    return True


def _restore(db: Database, args: argparse.Namespace) -> int:
    result = restore_backup(db, args.file)
    if args.json:
        print_json(result)
    else:
        print(f"{args.file}: restored {sum(result['rows'].values())} rows "
              f"(previous data kept in {result['safety_copy']})")
    return 0
