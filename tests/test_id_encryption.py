"""Issue 17.1 and 17.7: ID-card numbers encrypted at rest, masked where people look.

What is checked: no demo ID number in the bytes of the database file, its WAL, any backup
kind or a restore's staging and safety copies; search and duplicate checks through the
keyed hash; exports masked unless ``--include-ids`` (``ids.view``); no service gives a
coordinator a full number; every reveal is audited and the audit log never holds a number;
a PC without the database's key shows masked numbers and refuses the rest with
``key_missing``; the migration from plaintext (0011) encrypts and scrubs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text, update
from sqlalchemy.orm import Session

from volunteer_app import backup as backup_module
from volunteer_app.backup import create_backup, restore_backup
from volunteer_app.backup_access import plain_source
from volunteer_app.db import Database, open_database, sqlite_path
from volunteer_app.errors import ImportFailed, ValidationError
from volunteer_app.importexport import volunteers_io as vio
from volunteer_app.models import Volunteer
from volunteer_app.models.accounts import AuditEntry
from volunteer_app.security import chain, id_numbers, keys
from volunteer_app.security.id_numbers import IdNumberUnreadable
from volunteer_app.security.keys import KeyStoreError
from volunteer_app.security.permissions import Actor, PermissionDenied
from volunteer_app.services import volunteers as vs
from volunteer_app.validation import id_check_digit

NEW_ID = "11010519491231002X"
COORDINATOR = Actor(name="coord", role="coordinator", operator_id=5)
CAPTAIN = Actor(name="cap", role="captain", operator_id=6, team_id=2)
CLERK = Actor(name="clerk", role="clerk", operator_id=7)


def _demo_ids(db: Database) -> dict[int, str]:
    """Every stored number by volunteer id (decrypted here, without an audit entry)."""
    with db.session() as s:
        vols = s.scalars(select(Volunteer).where(Volunteer.id_number_enc.is_not(None))).all()
        return {v.id: id_numbers.reveal(s, v) for v in vols}


def _needles(numbers: list[str]) -> list[bytes]:
    """Each full number, and its first 14 characters (what the last four do not give away)."""
    out = []
    for n in numbers:
        out += [n.encode("ascii"), n[:14].encode("ascii")]
    return out


def _leaks(data: bytes, needles: list[bytes]) -> list[bytes]:
    return [n for n in needles if n in data]


def _file_and_wal(path: Path) -> bytes:
    data = b""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        if p.exists():
            data += p.read_bytes()
    return data


def _archive_contents(path: Path) -> bytes:
    """The decrypted archive's members, decompressed (compressed bytes would hide a number)."""
    data = b""
    with plain_source(path, None) as plain, zipfile.ZipFile(plain) as zf:
        for name in zf.namelist():
            data += zf.read(name)
    return data


def test_demo_has_encrypted_numbers_that_open(demo_db: Database) -> None:
    found = _demo_ids(demo_db)
    assert len(found) >= 100
    for number in found.values():  # real, valid numbers came back, not noise
        assert len(number) == 18 and number.startswith("540102") and id_check_digit(number[:17]) == number[17]
    with demo_db.session() as s:
        rows = s.execute(select(Volunteer.id_number_enc, Volunteer.id_number_hash, Volunteer.id_number_last4)
                         .where(Volunteer.id_number_enc.is_not(None))).all()
    assert all(len(h) == 64 and len(last4) == 4 for _enc, h, last4 in rows)
    assert len({bytes(enc) for enc, _h, _l in rows}) == len(rows)  # random nonces
    with demo_db.session() as s:  # the search text never holds an ID number
        texts = s.scalars(select(Volunteer.search_text)).all()
    assert not any(_leaks(t.encode(), _needles(list(found.values()))) for t in texts)


@pytest.mark.sqlite_only
def test_database_file_and_wal_hold_no_id_number(demo_db: Database) -> None:
    numbers = list(_demo_ids(demo_db).values())
    with demo_db.session() as s:  # writes after the demo load: the WAL has pages now
        vid = vs.create(s, vs.VolunteerData(name="新来的", mobile="13912345678", id_number=NEW_ID))
    with demo_db.session() as s:
        d = vs.get(s, vid)
        vs.update(s, vid, vs.VolunteerData(name="新来的", mobile=d.mobile, id_number=d.id_number,
                                           skills="急救"), d.version)
        assert vs.reveal_id_number(s, vid) == NEW_ID
    path = sqlite_path(demo_db.url)
    assert Path(f"{path}-wal").stat().st_size > 0
    assert _leaks(_file_and_wal(path), _needles(numbers + [NEW_ID])) == []


@pytest.mark.sqlite_only
def test_every_backup_kind_and_restore_copy_holds_no_id_number(demo_db: Database, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    needles = _needles(list(_demo_ids(demo_db).values()))
    copy, archive = tmp_path / "copy.db", tmp_path / "all.vabak"
    assert create_backup(demo_db, copy)["volunteer"] == 152
    assert create_backup(demo_db, archive)["volunteer"] == 152
    assert _leaks(_file_and_wal(copy), needles) == []
    assert _leaks(archive.read_bytes(), needles) == []
    contents = _archive_contents(archive)
    assert b"id_number_enc" in contents  # the archive was read: the encrypted column is there
    assert _leaks(contents, needles) == []

    staged: list[bytes] = []
    original = backup_module._copy_all

    def spy(src: Database, dst: Database, **kw):  # noqa: ANN003, ANN202
        staged.append(_file_and_wal(sqlite_path(src.url)))  # the staging copy, while it exists
        return original(src, dst, **kw)

    monkeypatch.setattr(backup_module, "_copy_all", spy)
    for source in (archive, copy):
        result = restore_backup(demo_db, source)
        assert result["rows"]["volunteer"] == 152
        safety = Path(result["safety_copy"])
        assert safety.exists() and _leaks(_file_and_wal(safety), needles) == []
    assert len(staged) == 2 and all(len(b) > 0 for b in staged)
    assert [_leaks(b, needles) for b in staged] == [[], []]
    assert _leaks(_file_and_wal(sqlite_path(demo_db.url)), needles) == []
    assert len(_demo_ids(demo_db)) == len(needles) // 2  # and the restored numbers still open


def test_search_by_full_number_uses_the_keyed_hash(demo_db: Database) -> None:
    vid, number = next(iter(_demo_ids(demo_db).items()))
    with demo_db.session() as s:
        assert vs.query_ids(s, vs.VolunteerFilter(search=number, active=None)) == [vid]
        assert vs.query_ids(s, vs.VolunteerFilter(search=number.lower(), active=None)) == [vid]
        assert vs.count(s, vs.VolunteerFilter(search=f"  {number} ", active=None)) == 1
        assert vs.query_ids_ordered(s, vs.VolunteerFilter(search=number, active=None), "mobile") == [vid]
        assert vs.query_ids(s, vs.VolunteerFilter(search=NEW_ID, active=None)) == []
        # Part of a number finds nobody: the search text holds no ID numbers.
        assert vs.query_ids(s, vs.VolunteerFilter(search=number[:10], active=None)) == []
    demo_db.actor = COORDINATOR  # no ids.view: no answer to "whose number is this?"
    with demo_db.session() as s:
        assert vs.query_ids(s, vs.VolunteerFilter(search=number, active=None)) == []


def test_duplicate_number_refused_on_add_edit_and_import(demo_db: Database, tmp_path: Path) -> None:
    vid, number = next(iter(_demo_ids(demo_db).items()))
    with pytest.raises(ValidationError) as err, demo_db.session() as s:
        vs.create(s, vs.VolunteerData(name="重号", mobile="13912345678", id_number=number.lower()))
    problem = err.value.problems[0]
    assert (problem.field, problem.code) == ("id_number", "duplicate_id_number")
    assert number not in str(problem.value) and str(problem.value).endswith(number[-4:])
    with demo_db.session() as s:
        other = vs.create(s, vs.VolunteerData(name="另一人", mobile="13912345678", id_number=NEW_ID))
    with pytest.raises(ValidationError), demo_db.session() as s:
        d = vs.get(s, other)
        vs.update(s, other, vs.VolunteerData(name=d.name, mobile=d.mobile, id_number=number), d.version)
    csv_path = tmp_path / "dup.csv"
    csv_path.write_text("姓名,手机号,身份证号\n王五,13712340001," + number + "\n"
                        "赵六,13712340002,110105198001011238\n钱七,13712340003,110105198001011238\n",
                        encoding="utf-8")
    with pytest.raises(ImportFailed) as failed, demo_db.session() as s:
        vio.import_file(s, csv_path)
    found = {(p.row, p.code) for p in failed.value.problems}
    assert found == {(2, "duplicate_id_number"), (4, "duplicate_in_file")}
    assert all(number not in str(p.value) for p in failed.value.problems)


def test_import_stores_numbers_encrypted(demo_db: Database, tmp_path: Path) -> None:
    csv_path = tmp_path / "new.csv"
    csv_path.write_text(f"姓名,手机号,身份证号\n王五,13712340001,{NEW_ID.lower()}\n赵六,13712340002,\n",
                        encoding="utf-8")
    with demo_db.session() as s:
        assert vio.import_file(s, csv_path) == 2
    with demo_db.session() as s:
        vid = vs.query_ids(s, vs.VolunteerFilter(search="13712340001"))[0]
        assert vs.get(s, vid).id_number == "*" * 14 + NEW_ID[-4:]
        assert vs.reveal_id_number(s, vid) == NEW_ID
        assert vs.query_ids(s, vs.VolunteerFilter(search=NEW_ID)) == [vid]


def test_export_masks_unless_asked_by_a_role_with_ids_view(demo_db: Database, tmp_path: Path) -> None:
    numbers = set(_demo_ids(demo_db).values())
    demo_db.actor = CLERK
    with demo_db.session() as s:
        plain = vio.export_rows(s)
        full = vio.export_rows(s, include_ids=True)
    assert {r[3] for r in full if r[3]} == numbers
    assert not any(r[3] in numbers for r in plain)
    assert {r[3] for r in plain if r[3]} == {"*" * 14 + r[3][-4:] for r in full if r[3]}
    out = tmp_path / "masked.csv"
    with demo_db.session() as s:
        vio.export_file(s, out)
    assert _leaks(out.read_bytes(), _needles(sorted(numbers))) == []


def test_a_coordinator_gets_no_full_number_from_any_service(demo_db: Database, tmp_path: Path) -> None:
    found = _demo_ids(demo_db)
    needles = _needles(list(found.values()))
    for actor in (COORDINATOR, CAPTAIN):
        demo_db.actor = actor
        with demo_db.session() as s:
            # Someone this role may read (a captain: only people serving in their team).
            vid = next(i for i in vs.query_ids(s, vs.VolunteerFilter(active=None)) if i in found)
            assert vs.get(s, vid).id_number == "*" * 14 + found[vid][-4:]
            assert not vs.may_reveal_id_numbers(s)
            with pytest.raises(PermissionDenied):
                vs.reveal_id_number(s, vid)
            rows = [r.to_json() for r in vs.list_rows(s, vs.VolunteerFilter(active=None))]
            assert _leaks(repr(rows).encode(), needles) == []
    demo_db.actor = COORDINATOR
    with demo_db.session() as s:
        with pytest.raises(PermissionDenied):
            vio.export_rows(s, include_ids=True)
        exported = vio.export_rows(s)
    assert _leaks(repr(exported).encode(), needles) == []


def test_reveal_is_audited_and_the_log_holds_no_number(demo_db: Database) -> None:
    vid, number = next(iter(_demo_ids(demo_db).items()))
    demo_db.actor = CLERK
    with demo_db.session() as s:
        assert vs.reveal_id_number(s, vid) == number
    with demo_db.session() as s:  # a change of the number is audited, masked
        d = vs.get(s, vid)
        vs.update(s, vid, vs.VolunteerData(name=d.name, mobile=d.mobile, id_number=NEW_ID), d.version)
    with demo_db.session() as s:
        d = vs.get(s, vid)
        vs.update(s, vid, vs.VolunteerData(name=d.name, mobile=d.mobile, id_number=None), d.version)
    demo_db.actor = Actor(name="admin", role="administrator", operator_id=1)
    with demo_db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.operator == "clerk").order_by(AuditEntry.id)).all()
        assert [(e.action, e.entity, e.entity_id) for e in entries] == [
            ("reveal_id", "volunteer", str(vid)), ("update", "volunteer", str(vid)),
            ("update", "volunteer", str(vid))]
        assert '"id_number": ["**************' + number[-4:] in entries[1].changes
        assert entries[2].changes == '{"id_number": ["**************' + NEW_ID[-4:] + '", null]}'
        everything = " ".join(f"{e.summary} {e.changes} {e.state}" for e in s.scalars(select(AuditEntry)))
        assert vs.get(s, vid).id_number is None
    assert _leaks(everything.encode(), _needles([number, NEW_ID])) == []
    assert "id_number_hash" not in everything and "id_number_enc" not in everything
    assert chain.verify_database(demo_db).ok


def test_without_the_key_numbers_are_masked_and_reveal_is_refused(demo_db: Database, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    vid, number = next(iter(_demo_ids(demo_db).items()))
    monkeypatch.setenv(keys.ENV_KEYS_DIR, str(tmp_path / "other-pc-keys"))  # another PC
    keys.forget_cache()
    try:
        with demo_db.session() as s:
            assert vs.get(s, vid).id_number == "*" * 14 + number[-4:]
            assert vs.count(s, vs.VolunteerFilter(active=None)) == 152
            assert all(r[3] == "" or r[3].startswith("*" * 14) for r in vio.export_rows(s))
        for call in (lambda s: vs.reveal_id_number(s, vid), lambda s: vio.export_rows(s, include_ids=True),
                     lambda s: vs.query_ids(s, vs.VolunteerFilter(search=number))):
            with pytest.raises(KeyStoreError) as err, demo_db.session() as s:
                call(s)
            assert err.value.code == "key_missing"
    finally:
        monkeypatch.undo()
        keys.forget_cache()
    with demo_db.session() as s:  # back on the PC with the key
        assert vs.reveal_id_number(s, vid) == number


def test_a_ciphertext_moved_to_another_row_does_not_open(demo_db: Database) -> None:
    (a, _na), (b, nb) = list(_demo_ids(demo_db).items())[:2]
    with demo_db.engine.begin() as conn:  # someone with the file, without the key
        enc = conn.execute(select(Volunteer.id_number_enc).where(Volunteer.id == b)).scalar()
        conn.execute(update(Volunteer).where(Volunteer.id == a).values(id_number_enc=enc, version=Volunteer.version + 1))
    with pytest.raises(IdNumberUnreadable), demo_db.session() as s:
        vs.reveal_id_number(s, a)
    with demo_db.session() as s:
        assert vs.reveal_id_number(s, b) == nb


def _old_database(url: str, rows: list[tuple[str, str, str | None]], *, audited: bool) -> None:
    """A database at 0011 (plaintext numbers), with a team and memberships."""
    from alembic import command

    from volunteer_app.db import alembic_config, make_engine

    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0011_row_versions")
    if audited:  # a database the app wrote to: it got its id, key and chain while empty
        with Session(engine) as s, s.begin():
            chain.ensure_started(s)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO team (id, name, kind, colour, description, version) "
                          "VALUES (1, '小喇叭巡逻队', 'patrol', '#c0392b', '', 1)"))
        for i, (name, mobile, number) in enumerate(rows, start=1):
            conn.execute(text("INSERT INTO volunteer (id, name, gender, mobile, id_number, political_status, "
                              "notes, occupation, skills, sort_key, search_text, active, party_household, "
                              "version) VALUES (:i, :n, 'male', :m, :d, '', '', '', '', :n, :n, :t, :f, 1)"),
                         {"i": i, "n": name, "m": mobile, "d": number, "t": True, "f": False})
            conn.execute(text("INSERT INTO membership (volunteer_id, team_id, role, version) "
                              "VALUES (:i, 1, 'member', 1)"), {"i": i})
    engine.dispose()


OLD_ROWS = [("老张", "13800001111", "110105198001011238"), ("老李", "13800002222", "11010519491231002x"),
            ("老王", "13800003333", None), ("老赵", "13800004444", "")]


@pytest.mark.parametrize("audited", [True, False])
def test_migration_encrypts_plaintext_and_keeps_every_membership(new_db_url, audited: bool) -> None:  # noqa: ANN001
    from volunteer_app.models import Membership

    url = new_db_url("old")
    _old_database(url, OLD_ROWS, audited=audited)
    db = open_database(url)
    try:
        with db.session() as s:
            assert s.scalar(select(Membership.volunteer_id).where(Membership.volunteer_id == 1)) == 1
            assert len(s.scalars(select(Membership.volunteer_id)).all()) == 4  # no cascade fired
            assert vs.reveal_id_number(s, 1) == OLD_ROWS[0][2]
            assert vs.reveal_id_number(s, 2) == NEW_ID
            assert vs.reveal_id_number(s, 3) is None and vs.reveal_id_number(s, 4) is None
            assert vs.get(s, 2).id_number == "*" * 14 + "002X"
            assert vs.query_ids(s, vs.VolunteerFilter(search=NEW_ID, active=None)) == [2]
            columns = {c["name"] for c in inspect(s.connection()).get_columns("volunteer")}
        assert "id_number" not in columns
        with pytest.raises(ValidationError) as err, db.session() as s:  # the unique hash holds
            vs.create(s, vs.VolunteerData(name="重号", mobile="13912345678", id_number=NEW_ID))
        assert err.value.problems[0].code == "duplicate_id_number"
        assert chain.verify_database(db).ok
        path = sqlite_path(url)
        if path is not None:
            needles = _needles([OLD_ROWS[0][2], NEW_ID, NEW_ID.lower()])
            assert _leaks(_file_and_wal(path), needles) == []
            # The copy made before the upgrade is the old file, plaintext and all: it is the
            # way back if the upgrade fails (docs/security.md says to remove it once done).
            before = list(path.parent.glob("old.before-*.db"))
            assert len(before) == 1 and _leaks(before[0].read_bytes(), needles)
    finally:
        db.dispose()


def test_migration_downgrade_decrypts(new_db_url) -> None:  # noqa: ANN001
    from alembic import command

    from volunteer_app.db import alembic_config

    url = new_db_url("old")
    _old_database(url, OLD_ROWS, audited=True)
    db = open_database(url)
    command.downgrade(alembic_config(db.engine), "0011_row_versions")
    with db.engine.connect() as conn:
        got = dict(conn.execute(text("SELECT id, id_number FROM volunteer")).all())
        members = conn.execute(text("SELECT count(*) FROM membership")).scalar()
    assert got == {1: OLD_ROWS[0][2], 2: NEW_ID, 3: None, 4: None} and members == 4
    db.dispose()


def _cli(*args: str, env: dict | None = None):  # noqa: ANN202
    return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


@pytest.mark.slow
def test_command_line_masks_searches_and_needs_the_key(demo_db: Database, tmp_path: Path) -> None:
    found = _demo_ids(demo_db)
    vid, number = next(iter(found.items()))
    url = demo_db.url
    demo_db.dispose()
    listed = _cli("volunteers", "list", "--all", "--json", "--search", number, "--db", url)
    assert listed.returncode == 0, listed.stderr
    assert [r["id"] for r in json.loads(listed.stdout)] == [vid]
    assert number not in listed.stdout
    masked, full = tmp_path / "masked.csv", tmp_path / "full.csv"
    assert _cli("volunteers", "export", str(masked), "--db", url).returncode == 0
    assert _cli("volunteers", "export", str(full), "--include-ids", "--db", url).returncode == 0
    assert _leaks(masked.read_bytes(), _needles(list(found.values()))) == []
    assert "*" * 14 + number[-4:] in masked.read_text(encoding="utf-8-sig")
    assert all(n in full.read_text(encoding="utf-8-sig") for n in found.values())
    other_pc = {keys.ENV_KEYS_DIR: str(tmp_path / "no-keys")}
    res = _cli("volunteers", "export", str(tmp_path / "x.csv"), "--include-ids", "--db", url, env=other_pc)
    assert res.returncode == 1 and "key" in res.stderr and number not in res.stderr + res.stdout
    assert not (tmp_path / "x.csv").exists()
    res = _cli("volunteers", "list", "--all", "--json", "--db", url, env=other_pc)
    assert res.returncode == 0, res.stderr  # reading the register needs no key
