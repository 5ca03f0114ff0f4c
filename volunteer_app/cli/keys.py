"""Commands ``keys`` (the database's key, kept outside the database) and ``audit verify``
(the audit log's chain), see :mod:`volunteer_app.security.keys` and
:mod:`volunteer_app.security.chain`.

``audit verify`` exits 0 when the log and what it protects are intact, 1 naming the first
entry that does not match and every security setting or hours entry that differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import EXIT_FAILURE, EXIT_INVALID, EXIT_OK, print_json, with_db

# Key problems that are the input's fault (the file given), not the system's.
_INVALID = ("key_file_invalid", "key_mismatch")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    keys = sub.add_parser("keys", parents=[common],
                          help="the database's key for its audit log (administrators)")
    ksub = keys.add_subparsers(dest="action", required=True)
    p = ksub.add_parser("show", parents=[common], help="the database id and the key's fingerprint")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_show))
    p = ksub.add_parser("export", parents=[common],
                        help="write the key to FILE (keep it safe: it is needed after a reinstall "
                             "and on every other computer using a shared database)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=with_db(cmd_export))
    p = ksub.add_parser("import", parents=[common],
                        help="take a key file written by keys export (with accounts on: "
                             "--operator ADMIN, password from $VOLUNTEER_APP_PASSWORD or a prompt)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)


def add_audit_verify(asub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``audit verify``, registered with the other ``audit`` commands."""
    p = asub.add_parser("verify", parents=[common],
                        help="check the audit log's chain and the settings, operators and hours it protects")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_verify))


def _key_failure(exc: Exception) -> int:
    from .messages import error_text

    print(f"volunteer-app: {error_text(exc)}", file=sys.stderr)  # type: ignore[arg-type]
    return EXIT_INVALID if getattr(exc, "code", "") in _INVALID else EXIT_FAILURE


def cmd_show(db, args: argparse.Namespace) -> int:  # noqa: ANN001
    from ..security.key_admin import key_info

    with db.session() as s:
        info = key_info(s)
    if args.json:
        print_json(info.to_json())
    else:
        print(f"database {info.database_id}: key {info.fingerprint} (in this computer's {info.where})")
    return EXIT_OK


def cmd_export(db, args: argparse.Namespace) -> int:  # noqa: ANN001
    from ..security.key_admin import export_database_key
    from ..security.keys import KeyStoreError

    try:
        with db.session() as s:
            info = export_database_key(s, args.file)
    except KeyStoreError as exc:
        return _key_failure(exc)
    print(f"{args.file}: key of database {info.database_id} written ({info.fingerprint}); "
          "keep it where only administrators can read it")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Not through ``with_db``'s login: a login is recorded in the audit log, which a
    computer without the key cannot extend. The administrator is checked without writing."""
    from ..db import open_database
    from ..security.key_admin import import_database_key
    from ..security.keys import KeyStoreError
    from ..security.permissions import accounts_enabled
    from . import _password

    db = open_database(args.db, create=False)
    try:
        operator = getattr(args, "operator", None)
        password = None
        with db.session() as s:
            enabled = accounts_enabled(s)
        if enabled:
            if not operator:
                from ..security.permissions import LoginRequired

                raise LoginRequired(action="operators.manage")
            password = _password()
        try:
            result = import_database_key(db, args.file, operator, password)
        except KeyStoreError as exc:
            return _key_failure(exc)
    finally:
        db.dispose()
    if args.json:
        print_json(result.to_json())
    elif result.this_database:
        state = "replaced the wrong key that was here" if result.replaced else "stored"
        print(f"{args.file}: key of this database {state} ({result.fingerprint}, in this computer's {result.where})")
    else:
        print(f"{args.file}: key of database {result.database_id} stored ({result.fingerprint}); "
              "it is not the open database's key: it is kept for restoring that database's backups")
    return EXIT_OK


def cmd_verify(db, args: argparse.Namespace) -> int:  # noqa: ANN001
    from ..security.chain import verify
    from ..security.permissions import require
    from .messages import audit_problem_text

    with db.session() as s:
        require(s, "audit.view")
        report = verify(s)
    if args.json:
        print_json(report.to_json())
        return EXIT_OK if report.ok else EXIT_FAILURE
    if report.ok:
        rows = report.checked_rows
        print(f"audit log intact: {report.entries} entries chained; {rows.get('app_setting', 0)} "
              f"settings, {rows.get('operator', 0)} operators and {rows.get('hours_entry', 0)} hours "
              "entries match the chain")
        return EXIT_OK
    for p in report.problems:
        print(audit_problem_text(p.kind, p.entry_id, p.key, p.fields, p.recorded, p.current))
    if report.problem_count > len(report.problems):
        print(f"... and {report.problem_count - len(report.problems)} more")
    first = report.first_bad_entry
    where = f" (first entry that does not match: #{first})" if first is not None else ""
    print(f"volunteer-app: the audit log does not match its chain{where}: "
          f"{report.problem_count} problem(s)", file=sys.stderr)
    return EXIT_FAILURE
