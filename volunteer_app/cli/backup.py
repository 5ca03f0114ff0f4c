"""Commands ``backup`` and ``restore``.

A backup's passphrase never appears as an argument (it would show in ``ps`` and the shell's
history): it is read from ``--passphrase-file FILE`` (its first line), the environment
variable ``VOLUNTEER_APP_BACKUP_PASSPHRASE``, or a prompt on a terminal (``--ask-passphrase``
for a backup, asked twice; a restore of a passphrase backup asks by itself). A ``.vabak``
backup without a passphrase is encrypted with the database key (restorable on a PC
holding that key: ``volunteer-app keys export/import``). See :mod:`volunteer_app.backup_access`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..backup import create_backup, inspect_backup, restore_backup, verify_backup
from ..backup_crypto import is_encrypted, needs_passphrase
from ..db import Database, sqlite_path
from . import UsageError, print_json, with_db

ENV_PASSPHRASE = "VOLUNTEER_APP_BACKUP_PASSPHRASE"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="back up the whole database")
    p.add_argument("--output", "-o", type=Path, required=True,
                   help="F.vabak (encrypted archive, any back end) or F.db (plain SQLite copy, "
                        "administrators only)")
    _passphrase_options(p)
    p.add_argument("--ask-passphrase", action="store_true",
                   help="encrypt with a passphrase typed at a prompt (else the database key)")
    p.set_defaults(func=with_db(cmd_backup))
    p = sub.add_parser("restore", parents=[common],
                       help="replace all data with a backup (checked first; a safety copy is kept)")
    p.add_argument("file", type=Path)
    p.add_argument("--check", action="store_true", help="only check the file, change nothing")
    p.add_argument("--json", action="store_true")
    _passphrase_options(p)
    p.set_defaults(func=cmd_restore)


def _passphrase_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--passphrase-file", type=Path, metavar="FILE",
                   help=f"read the backup passphrase from FILE's first line (or set ${ENV_PASSPHRASE})")


def _given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from --passphrase-file or the environment (None if neither)."""
    if args.passphrase_file is not None:
        try:
            with open(args.passphrase_file, encoding="utf-8") as fh:
                line = fh.readline(4096)
        except (OSError, UnicodeDecodeError):
            raise UsageError(f"--passphrase-file: {args.passphrase_file} cannot be read") from None
        return line.rstrip("\r\n")
    return os.environ.get(ENV_PASSPHRASE) or None


def _prompt(label: str) -> str:
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageError(f"a passphrase is needed: use --passphrase-file FILE or set ${ENV_PASSPHRASE}")
    import getpass

    return getpass.getpass(label)


def cmd_backup(db: Database, args: argparse.Namespace) -> int:
    passphrase = _given_passphrase(args)
    if passphrase is None and args.ask_passphrase:
        passphrase = _prompt("backup passphrase: ")
        if _prompt("again: ") != passphrase:
            raise UsageError("the two passphrases differ; nothing was written")
    counts = create_backup(db, args.output, passphrase=passphrase)
    print(f"{args.output}: backup written ({sum(counts.values())} rows in {len(counts)} tables)")
    return 0


def _restore_passphrase(args: argparse.Namespace) -> str | None:
    """What opens the backup: asked for only when it is a passphrase backup."""
    if not args.file.is_file() or not is_encrypted(args.file) or not needs_passphrase(args.file):
        return None
    return _given_passphrase(args) or _prompt(f"passphrase of {args.file}: ")


def cmd_restore(args: argparse.Namespace) -> int:
    args.passphrase = _restore_passphrase(args)
    if args.check:  # loaded as a restore would load it, in a private folder: nothing else changes
        info = verify_backup(args.file, args.passphrase)
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
        verify_backup(args.file, args.passphrase)
    else:
        inspect_backup(args.file, args.passphrase)
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
    result = restore_backup(db, args.file, args.passphrase)
    if args.json:
        print_json(result)
    else:
        print(f"{args.file}: restored {sum(result['rows'].values())} rows "
              f"(previous data kept in {result['safety_copy']})")
    return 0
