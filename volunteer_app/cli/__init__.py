"""The ``volunteer-app`` command line.

Exit status: 0 done; 2 invalid input or arguments (message on stderr naming the file,
row and field, nothing written); 1 any other failure. With no command the desktop app
opens (the UI package is imported only then, so the core stays free of Qt).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..paths import default_db_url

# Imported when a command runs: the desktop app starts through this module and needs
# neither the database layer (SQLAlchemy) nor the error texts.
if TYPE_CHECKING:
    from ..db import Database

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2
MAX_PROBLEMS_SHOWN = 60


def command_modules() -> list[str]:
    """Every module of this package with a ``register(subparsers, common)`` function.

    Features add their commands by adding a module here; nothing else needs editing.
    """
    import pkgutil

    from .. import cli

    names = sorted(m.name for m in pkgutil.iter_modules(cli.__path__) if m.name != "messages")
    # The registers come first so ``--help`` lists them first.
    names.sort(key=lambda n: n != "registers")
    return [f"{__name__}.{n}" for n in names]


class UsageError(Exception):
    """Bad arguments found after parsing (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors, like us
        from ..security.redact import scrub

        self.print_usage(sys.stderr)
        # argparse quotes the value it refused: a phone or ID number typed into the wrong
        # option is masked like in every other message (issue 17).
        self.exit(EXIT_INVALID, f"{self.prog}: error: {scrub(message)}\n")


class _NotJustCommonOptions(Exception):
    """The arguments are more than the common options (or wrong): the full parser decides."""


class _CommonOnlyParser(_Parser):
    def error(self, message: str) -> None:
        raise _NotJustCommonOptions(message)


def common_options() -> argparse.ArgumentParser:
    """The options every command takes (``--db``, ``--operator``)."""
    common = _Parser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database URL (default: $VOLUNTEER_APP_DB or the per-user SQLite file)")
    common.add_argument("--operator", default=argparse.SUPPRESS,
                        help="who is working; when accounts are on, the login name (password "
                             "from $VOLUNTEER_APP_PASSWORD or a prompt)")
    return common


def desktop_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The parsed arguments when they ask for the desktop app (no command), else None.

    Parsed with the common options alone, so that starting the desktop app does not import
    every command module (and the libraries they use) just to find there is no command.
    Anything else, help and errors included, is left to the full parser.
    """
    parser = _CommonOnlyParser(prog="volunteer-app", add_help=False, parents=[common_options()])
    try:
        args, rest = parser.parse_known_args(list(argv))
    except _NotJustCommonOptions:
        return None
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = _Parser(prog="volunteer-app", description="Volunteer brigade scheduler", parents=[common])
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in command_modules():
        module = importlib.import_module(name)
        if hasattr(module, "register"):
            module.register(sub, common)
    return parser


def print_json(data: object) -> None:
    import json  # here: the desktop app starts through this module and needs no json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


def with_db(fn: Callable[[Database, argparse.Namespace], int | None], *, create: bool = False):
    """Wrap a command: open the database, run, map typed errors to exit codes."""

    def run(args: argparse.Namespace) -> int:
        from ..db import open_database

        db = open_database(args.db, create=create)
        try:
            operator = getattr(args, "operator", None)
            if operator:
                _log_in(db, operator)
            return fn(db, args) or EXIT_OK
        finally:
            db.dispose()

    return run


def _log_in(db: Database, operator: str) -> None:
    """``--operator NAME``: with accounts on, log in (password checked); in single-user
    mode just the name recorded as the one doing the work."""
    from ..security.accounts import login_unit
    from ..security.permissions import Actor, accounts_enabled

    with db.session() as s:
        enabled = accounts_enabled(s)
    if enabled:
        login_unit(db, operator, _password())
    else:
        from ..validation import normalize_name

        # Checked like every name (no line breaks, no invisible marks, at most 40 chars).
        db.actor = Actor(name=normalize_name(operator, "operator"))


def _password() -> str:
    """The operator's password: environment variable, else a prompt on a terminal."""
    env = os.environ.get("VOLUNTEER_APP_PASSWORD")
    if env is not None:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass("password: ")
    raise UsageError("--operator needs a password: set VOLUNTEER_APP_PASSWORD or run on a terminal")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``volunteer-app``."""
    argv = sys.argv[1:] if argv is None else list(argv)
    from ..files import private_umask

    private_umask()  # every file the app writes is its user's only (issue 17.3)
    args = desktop_arguments(argv) or build_parser().parse_args(argv)
    if not hasattr(args, "db"):
        args.db = default_db_url()
    if args.command is None:
        ui = importlib.import_module("ui.app")
        return ui.main(args.db)
    from ..errors import AppError, DatabaseError, ImportFailed, NotFoundError, ValidationError
    from ..security.redact import install_log_redaction, scrub
    from .messages import error_text

    install_log_redaction()

    try:
        code = args.func(args)
    except (ImportFailed, ValidationError, NotFoundError, UsageError) as exc:
        # A usage message quotes what was typed: masked like the core's messages are.
        msg = scrub(str(exc)) if isinstance(exc, UsageError) else error_text(exc)
        lines = msg.splitlines()
        if len(lines) > MAX_PROBLEMS_SHOWN:
            more = len(lines) - MAX_PROBLEMS_SHOWN
            lines = lines[:MAX_PROBLEMS_SHOWN] + [f"... and {more} more problems"]
        print("volunteer-app: " + "\n".join(lines), file=sys.stderr)
        return EXIT_INVALID
    except DatabaseError as exc:
        print(f"volunteer-app: {error_text(exc)}", file=sys.stderr)
        invalid = ("missing", "bad_url", "backup_missing", "backup_damaged", "backup_foreign", "backup_format",
                   "backup_unreadable", "output_not_file", "output_read_only", "output_is_database",
                   "backup_passphrase_needed", "backup_wrong_passphrase", "backup_tampered",
                   "passphrase_too_short", "backup_plain_refused", "backup_passphrase_refused",
                   "backup_without_passwords")
        return EXIT_INVALID if exc.code in invalid else EXIT_FAILURE
    except AppError as exc:
        print(f"volunteer-app: {error_text(exc)}", file=sys.stderr)
        invalid = ("not_empty", "stale", "has_history", "login_required", "bad_credentials", "locked",
                   "not_released")
        return EXIT_INVALID if exc.code in invalid else EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except BrokenPipeError:  # e.g. piped into head: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # last resort: never a bare traceback for a user
        # A driver's text may quote the statement's values (phones, ID numbers) or a URL
        # with its password: masked (security.redact).
        print(f"volunteer-app: unexpected error: {type(exc).__name__}: {scrub(exc)}", file=sys.stderr)
        return EXIT_FAILURE
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
