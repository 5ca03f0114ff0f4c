"""Private working folders, atomic outputs and checks of the files the app writes.

A restore rebuilds the backup as a SQLite file before it touches the database, and every
backup or copy is written under a temporary name before it gets its real one. Those files
hold the residents' personal data (names, phones, ID numbers), so they are

* made beside the database or the output, never in the shared system temp directory;
* private: the folder 0700, its files 0600 (SQLite gives a database's journal and WAL
  files the mode of the database file, so they are private too);
* removed on every way out of the operation, and after a kill by :func:`sweep` the next
  time the folder is used (:func:`volunteer_app.db.open_database` sweeps the database's
  folder and its ``backups`` folder).

Every file the app writes is private too (issue 17.3): the command line and the desktop
(which starts through it) set the process umask to 077 first thing (:func:`private_umask`),
so whatever writes a file (SQLite, openpyxl, ReportLab, Qt's settings) makes it 0600 and
a folder 0700; files made through this module get 0600 explicitly as well. The database
file is created empty and 0600 before SQLite opens it, and SQLite gives its -wal/-shm
files its mode. Files and folders left more open by older versions are tightened when
the app next uses them (:func:`tighten`). On Windows modes mean little: the data and
configuration folders are in the user's profile, which only that user (and
administrators) may read.

A working folder in use holds an OS lock on its ``lock`` file for as long as it exists:
:func:`sweep` removes only folders whose lock is free (their process is gone) and that
are older than a few seconds (so it never races a folder being set up).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

WORK_PREFIX = ".volunteer-work-"
# Where restores staged their copy before working folders moved beside the database.
LEGACY_TEMP_PREFIX = "volunteer-restore-"
SWEEP_MIN_AGE = 5.0  # seconds: far longer than between making a folder and locking it
LEGACY_MIN_AGE = 3600.0
# A lock file that is a symbolic link (planted to point elsewhere) is not followed.
_LOCK_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)


def _lock(fd: int) -> bool:
    """Take an exclusive lock on ``fd`` without waiting; False if someone holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


PRIVATE_UMASK = 0o077


def private_umask() -> None:
    """Make every file and folder this process creates private to its user (POSIX)."""
    if sys.platform != "win32":
        os.umask(PRIVATE_UMASK)


def tighten(path: Path) -> None:
    """Take group and other permissions away from ``path`` if it is ours (POSIX); a
    read-only file stays read-only. Errors are ignored: a file we may not change is
    someone else's (or on a file system without modes)."""
    if sys.platform == "win32":
        return
    try:
        st = os.stat(path)
        if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & 0o077:
            os.chmod(path, stat.S_IMODE(st.st_mode) & 0o700)
    except OSError:
        pass


def private_dir(path: Path) -> Path:
    """``path`` as a folder only its owner may enter (0700), made if missing, tightened
    if it is ours and more open."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    tighten(path)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` as a new, empty file only its owner may read (0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)
    return path


@contextlib.contextmanager
def work_dir(parent: Path) -> Iterator[Path]:
    """A private (0700) working folder in ``parent``, locked while in use, always removed."""
    parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=parent))
    fd = os.open(path / "lock", _LOCK_FLAGS, 0o600)
    try:
        _lock(fd)
        yield path
    finally:
        # Windows cannot delete an open file: the lock goes first there (a sweep in the
        # instant between would find a folder about to go anyway).
        if sys.platform == "win32":
            os.close(fd)
        shutil.rmtree(path, ignore_errors=True)
        if sys.platform != "win32":
            os.close(fd)


def sweep(parent: Path, *, min_age: float = SWEEP_MIN_AGE) -> list[Path]:
    """Remove working folders in ``parent`` left behind by processes that were killed."""
    removed: list[Path] = []
    try:
        candidates = [p for p in parent.iterdir() if p.name.startswith(WORK_PREFIX)]
    except OSError:
        return removed
    now = time.time()
    for path in candidates:
        try:
            st = path.lstat()
            if not stat.S_ISDIR(st.st_mode) or now - st.st_mtime < min_age:
                continue
            fd = os.open(path / "lock", _LOCK_FLAGS, 0o600)
        except OSError:
            continue
        try:
            if _lock(fd):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
        finally:
            os.close(fd)
    return removed


def sweep_legacy_temp() -> list[Path]:
    """Remove restore folders older versions left in the system temp directory.

    Those held a full copy of the database (``staging.db``). Only this user's folders,
    untouched for an hour, are removed.
    """
    removed: list[Path] = []
    base = Path(tempfile.gettempdir())
    try:
        candidates = [p for p in base.iterdir() if p.name.startswith(LEGACY_TEMP_PREFIX)]
    except OSError:
        return removed
    now = time.time()
    for path in candidates:
        try:
            st = path.lstat()
        except OSError:
            continue
        mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
        if stat.S_ISDIR(st.st_mode) and mine and now - st.st_mtime > LEGACY_MIN_AGE:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def is_read_only(path: Path) -> bool:
    """The file may not be written: no write bit at all, or no write access.

    The mode bits count whoever runs the app: root passes every access check, yet a file
    its owner made read-only must stay unchanged.
    """
    st = os.stat(path)
    return stat.S_IMODE(st.st_mode) & 0o222 == 0 or not os.access(path, os.W_OK)


def output_problem(target: Path) -> str | None:
    """Why ``target`` must not be replaced by a new file: ``"not_a_file"`` (a folder, a
    device such as /dev/full, a pipe), ``"read_only"``, or None when it may be."""
    try:
        st = os.stat(target)  # follows a symbolic link: what it points at counts
    except FileNotFoundError:
        return None
    except OSError:
        return "not_a_file"
    if not stat.S_ISREG(st.st_mode):
        return "not_a_file"
    if is_read_only(target):
        return "read_only"
    return None


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a private, empty temporary file; once the block succeeds it becomes ``target``.

    On any failure (a full disk, a cancel, an exception) nothing is left behind and an
    existing ``target`` is unchanged. The data reaches the disk before the rename.
    """
    with work_dir(target.parent) as work:
        part = private_file(work / ("part" + target.suffix))
        yield part
        fd = os.open(part, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows syncs writable handles only
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(part, target)
