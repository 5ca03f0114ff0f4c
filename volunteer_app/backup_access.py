"""Who may make which backup, and opening an encrypted one for checking or restoring.

The rules (issue 17.2: "backups contain no password hashes unless made by an
administrator; a coordinator or clerk cannot obtain the ID numbers through backup when
``export --include-ids`` is refused to them"):

* Every backup needs the ``backup`` permission.
* A plain ``.db`` copy is the whole database file as it is: only an **administrator**
  (or the single local user when accounts are off, who owns the file anyway) may make
  one (``backup_plain_refused`` otherwise).
* Every new ``.vabak`` archive is **encrypted** (:mod:`volunteer_app.backup_crypto`);
  unencrypted archives of older versions can still be checked and restored, none is
  made any more.
* Archives made by anyone but an administrator hold **no password hashes**: the
  operators' ``password_hash`` values are written empty (an empty hash never verifies:
  nobody logs in with it) and the manifest says ``"password_hashes": false``. Restoring
  such an archive keeps the password hashes the database has for operators of the same
  user name; an operator the database does not have must get a new password from an
  administrator (``operators`` commands). A restore that would leave no active
  administrator able to log in (such a backup restored on a new PC) is refused
  (``backup_without_passwords``): the nightly backup or an administrator's is the one
  for disaster recovery.
* A role **without ``ids.view``** (coordinator) backs up encrypted with the **database
  key** only: a passphrase is refused (``backup_passphrase_refused``), so the coordinator
  holds a file they cannot open. It opens only on a PC that holds this database's key,
  and restoring needs the ``restore`` permission (administrators). Once ID numbers are
  encrypted in the database, the archive holds their ciphertext only, and they are shown
  on that PC only to roles with ``ids.view``. What this cannot stop: someone who can read
  this OS account's key file and database directly (the same OS account on a shared PC)
  can read them without any backup; see docs/security.md.
* Roles with ``ids.view`` (clerk, administrator) may choose a passphrase (at least 10
  characters) or the database key.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from . import backup_crypto
from .backup_crypto import Secret
from .errors import DatabaseError
from .files import private_file, sweep, work_dir
from .security.permissions import ADMINISTRATOR, require


@dataclass(frozen=True)
class BackupPlan:
    """What a backup by the acting operator may hold and how it is protected."""

    plain_copy_allowed: bool
    secret: Secret | None  # None: a plain .db copy
    password_hashes: bool


def plan_backup(session: Session, *, as_sqlite: bool, passphrase: str | None) -> BackupPlan:
    """Check the acting operator may make this backup; how it is to be made."""
    actor = require(session, "backup")
    administrator = actor.single_user or actor.role == ADMINISTRATOR
    if as_sqlite:
        if not administrator:
            raise DatabaseError("backup_plain_refused", role=actor.role)
        return BackupPlan(True, None, True)
    from .security.permissions import may

    if passphrase is not None:
        if not may(session, "ids.view"):
            raise DatabaseError("backup_passphrase_refused", role=actor.role)
        return BackupPlan(administrator, Secret(passphrase=backup_crypto.check_passphrase(passphrase)),
                          administrator)
    return BackupPlan(administrator, Secret(database_id=database_id(session)), administrator)


def database_id(session: Session) -> str:
    """This database's id (a new database gets its id and key now, as its first audit
    entry would give it), checked to have its key on this PC (``key_missing`` if not)."""
    from .security.chain import ensure_started
    from .security.keys import KeyStoreError, load_key, valid_database_id

    found = ensure_started(session)
    if not valid_database_id(found) or load_key(found) is None:
        raise KeyStoreError("key_missing", database_id=found if valid_database_id(found) else "")
    return found


@contextlib.contextmanager
def plain_source(source: Path, passphrase: str | None) -> Iterator[Path]:
    """``source`` itself, or for an encrypted backup its decrypted archive in a private
    working folder of the data directory (0700, the file 0600), removed afterwards.

    Errors about the decrypted file name ``source``, never the working file.
    """
    source = Path(source)
    if not backup_crypto.is_encrypted(source):
        yield source
        return
    from .paths import data_dir

    sweep(data_dir())  # plaintext a killed restore left there
    with work_dir(data_dir()) as work:
        plain = private_file(work / "plain.vabak")
        try:
            backup_crypto.decrypt_file(source, plain, passphrase)
        except OSError as exc:
            raise DatabaseError("backup_unreadable", path=str(source), reason=exc.strerror or "") from None
        try:
            yield plain
        except DatabaseError as exc:
            if exc.details.get("path") == str(plain):
                exc.details["path"] = str(source)
            raise


def strip_row(table: str, columns: list[str], row: list) -> list:
    """An archive row with what a non-administrator's backup leaves out made empty."""
    if table == "operator":
        row = list(row)
        row[columns.index("password_hash")] = ""
    return row


def keep_password_hashes(conn: Connection) -> dict[str, str]:
    """The database's password hashes by user name, read before a restore replaces them."""
    return dict(conn.exec_driver_sql("SELECT username, password_hash FROM operator").all())


def put_back_password_hashes(conn: Connection, hashes: dict[str, str], source: Path) -> None:
    """After restoring an archive without password hashes: operators the database had
    keep their password; the others have none until an administrator sets one.

    If that leaves accounts switched on with no active administrator who can log in (a
    clerk's backup restored on a new PC), the restore is refused
    (``backup_without_passwords``, raised inside the restore's transaction, so nothing
    changes): nobody could ever log in again.
    """
    from sqlalchemy import text

    for username, password_hash in hashes.items():
        conn.execute(text("UPDATE operator SET password_hash = :h WHERE username = :u AND password_hash = ''"),
                     {"h": password_hash, "u": username})
    enabled = conn.execute(text("SELECT value FROM app_setting WHERE key = 'accounts_enabled'")).scalar() == "1"
    usable = conn.execute(text("SELECT count(*) FROM operator WHERE role = 'administrator' "
                               "AND active = :t AND password_hash <> ''"), {"t": True}).scalar()
    if enabled and not usable:
        raise DatabaseError("backup_without_passwords", path=str(source))
