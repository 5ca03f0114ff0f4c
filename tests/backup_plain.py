"""Plain (unencrypted) archives for tests of the archive's own checks.

New ``.vabak`` files are encrypted (issue 17.2), but the checks of what is inside an
archive (manifest, tables, rows, zip bombs) still guard every restore, and an older
version's plain archive still restores: tests that damage an archive's members make one
here, exactly what the encrypted backup holds.
"""

from __future__ import annotations

import os
from pathlib import Path

from volunteer_app.backup import create_backup
from volunteer_app.backup_access import plain_source
from volunteer_app.db import Database


def plain_backup(db: Database, path: Path) -> dict:
    """``create_backup(db, path)`` with the file then replaced by its decrypted archive."""
    counts = create_backup(db, path)
    with plain_source(path, None) as plain:
        data = plain.read_bytes()
    path.write_bytes(data)
    os.chmod(path, 0o600)
    return counts
