"""A PostgreSQL password never in ``settings.ini``, a displayed URL, a message or a log.

Issue 17.3: the desktop stored the database URL it opened last, password included
(``postgresql://u:secretpw@host/db``), in ``settings.ini``. Now:

* what is stored (``db/url``, ``db/recent``) is the URL **without** its password
  (:func:`remember`);
* the password goes to the operating system's keyring (Windows Credential Manager, macOS
  Keychain, a Secret Service on a Linux desktop), under the service ``volunteer-app`` and
  the name ``postgresql:USER@HOST:PORT/DATABASE``, when a keyring works here (the same
  check as the database key's, :func:`volunteer_app.security.keys._keyring`);
* where none works (a headless Linux), the password is simply not kept: libpq (psycopg)
  reads it from ``~/.pgpass`` (``%APPDATA%\\postgresql\\pgpass.conf`` on Windows) or the
  file ``$PGPASSFILE`` names, a file only its owner may read, or from ``$PGPASSWORD``.
  The administrator puts it there once (docs/security.md);
* opening a stored URL (:func:`with_password`) puts the keyring's password back for the
  connection only; :func:`volunteer_app.db.display_url` masks it wherever it is shown.

Nothing here imports SQLAlchemy's engine layer beyond ``make_url`` (cheap).
"""

from __future__ import annotations

KEYRING_SERVICE = "volunteer-app"


def _parts(url: str):  # noqa: ANN202
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    return parsed if parsed.get_backend_name() == "postgresql" else None


def _name(parsed) -> str:  # noqa: ANN001
    return f"postgresql:{parsed.username or ''}@{parsed.host or ''}:{parsed.port or 5432}/{parsed.database or ''}"


def without_password(url: str) -> str:
    """``url`` with no password in it (any other URL unchanged)."""
    parsed = _parts(url)
    if parsed is None or parsed.password is None:
        return url
    return parsed._replace(password=None).render_as_string(hide_password=False)


def remember(url: str) -> tuple[str, str]:
    """What may be stored of ``url``: ``(url without password, where the password went)``,
    where being ``"keyring"``, ``"pgpass"`` (not kept: libpq's password file it is) or
    ``""`` (the URL had no password)."""
    parsed = _parts(url)
    if parsed is None or parsed.password is None:
        return url, ""
    from .security.keys import _keyring

    kr = _keyring()
    where = "pgpass"
    if kr is not None:
        try:
            kr.set_password(KEYRING_SERVICE, _name(parsed), str(parsed.password))
            where = "keyring"
        except Exception:  # a locked or broken keyring: not kept, as without one
            where = "pgpass"
    return without_password(url), where


def with_password(url: str) -> str:
    """A stored URL with the keyring's password put back (for the connection only); a URL
    that has one, or for which the keyring has none, unchanged (libpq then looks in
    ``PGPASSWORD`` and the password file)."""
    parsed = _parts(url)
    if parsed is None or parsed.password is not None:
        return url
    from .security.keys import _keyring

    kr = _keyring()
    if kr is None:
        return url
    try:
        password = kr.get_password(KEYRING_SERVICE, _name(parsed))
    except Exception:
        return url
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)
