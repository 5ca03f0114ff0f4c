"""ID-card numbers encrypted at rest: ciphertext, keyed hash, last four; the plaintext column goes

Revision ID: 0012_id_numbers_encrypted
Revises: 0011_row_versions

* ``volunteer.id_number_enc`` (AES-256-GCM), ``id_number_hash`` (HMAC-SHA256, unique:
  duplicates and full-number search) and ``id_number_last4`` (the masked form); see
  ``volunteer_app.security.id_numbers``;
* every stored number is encrypted with the database's ``id-numbers`` key, kept outside
  the database. A database that has numbers but no id and key yet gets them now, exactly
  as ``0010_audit_chain`` starts a chain (the key stored outside before anything commits,
  ``chain_start`` entries recording the protected rows). A database whose key is not on
  this PC cannot be upgraded here (``key_missing``): import the key first;
* the plaintext column ``volunteer.id_number`` (and its unique constraint) is dropped.
  SQLite cannot drop a UNIQUE column in place: the table is rebuilt, with foreign keys off
  (``migrations/env.py``) so that its dependants' ON DELETE actions do not fire, and
  ``secure_delete`` on so that the freed pages of the old table are overwritten with
  zeros; ``env.py`` truncates the WAL after the commit. PostgreSQL keeps dead row versions
  until its next VACUUM (``VACUUM FULL volunteer`` clears them at once).

Downgrade decrypts (it needs the key too) and restores the plaintext column: only for
going back to an older version of the app, which would otherwise lose the numbers.
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0012_id_numbers_encrypted"
down_revision = "0011_row_versions"
branch_labels = None
depends_on = None

PROTECTED = {"app_setting": "key", "operator": "id", "hours_entry": "id"}

volunteer = sa.table("volunteer", sa.column("id", sa.Integer()), sa.column("id_number", sa.String()),
                     sa.column("id_number_enc", sa.LargeBinary()), sa.column("id_number_hash", sa.String()),
                     sa.column("id_number_last4", sa.String()))


def _protected_rows(bind: sa.engine.Connection, name: str) -> dict[str, dict]:
    from volunteer_app.security import chain

    table = chain._tables()[name]
    present = {c["name"] for c in sa.inspect(bind).get_columns(name)}
    pk = table.c[PROTECTED[name]]
    cols = [c for c in table.columns if c.name in present]
    return {str(r._mapping[pk.name]): chain.row_state(table, r)
            for r in bind.execute(sa.select(*cols).order_by(pk))}


def _start_chain(bind: sa.engine.Connection) -> None:
    """As 0010 does for a database that holds data: id, key, ``chain_start`` entries."""
    from volunteer_app.security import chain

    entry = sa.table("audit_entry", sa.column("id", sa.Integer()), sa.column("at", sa.DateTime()),
                     sa.column("operator_id", sa.Integer()),
                     *(sa.column(n, sa.Text()) for n in ("operator", "action", "entity", "entity_id",
                                                         "summary", "changes", "state", "mac")))
    if bind.execute(sa.select(entry.c.id).limit(1)).first() is not None:
        # A log without a database id had its id removed: a new chain would bless that.
        from volunteer_app.security.keys import KeyStoreError

        raise KeyStoreError("key_missing", database_id="")
    _database_id, ck = chain.start_chain(bind)
    items = [(name, key, row) for name in PROTECTED for key, row in _protected_rows(bind, name).items()]
    prev, highest = "", 0
    now = datetime.now().replace(microsecond=0)
    for chunk in chain.state_chunks(items) or [{}]:
        values = {"at": now, "operator_id": None, "operator": "migration", "action": chain.CHAIN_START_ACTION,
                  "entity": ",".join(PROTECTED), "entity_id": "",
                  "summary": f"{sum(len(v) for v in chunk.values())} rows",
                  "changes": json.dumps({"chained": 0}), "state": chain._dumps(chunk)}
        values["id"] = chain._allocate_id(bind, highest)
        highest = values["id"]
        values["mac"] = chain.entry_mac(ck, values, prev)
        prev = values["mac"]
        bind.execute(sa.insert(entry).values(**values))
    chain.write_head(bind, ck, highest, prev)


def _foreign_keys_off(bind: sa.engine.Connection) -> None:
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        # Rebuilding the table with foreign keys on would delete every membership, duty
        # and hours entry of every volunteer (ON DELETE CASCADE): never.
        raise RuntimeError("0012 rebuilds the volunteer table: run it with foreign keys off (env.py)")


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.add_column("volunteer", sa.Column("id_number_enc", sa.LargeBinary(), nullable=True))
    op.add_column("volunteer", sa.Column("id_number_hash", sa.String(length=64), nullable=True))
    op.add_column("volunteer", sa.Column("id_number_last4", sa.String(length=4), nullable=True))
    if sqlite:
        _foreign_keys_off(bind)
        bind.exec_driver_sql("PRAGMA secure_delete=ON")

    rows = bind.execute(sa.select(volunteer.c.id, volunteer.c.id_number)
                        .where(volunteer.c.id_number.is_not(None)).order_by(volunteer.c.id)).all()
    rows = [(vid, (number or "").strip().upper()) for vid, number in rows]
    rows = [(vid, number) for vid, number in rows if number]
    if rows:
        from volunteer_app.security import chain, id_numbers

        database_id, _check = chain.database_settings(bind)
        if not database_id:
            _start_chain(bind)
        k = id_numbers.keys_for_connection(bind)
        for vid, number in rows:
            bind.execute(sa.update(volunteer).where(volunteer.c.id == vid)
                         .values(id_number=None, **id_numbers.seal_with(k, number).values()))
    # Blank numbers ("" or spaces) are no numbers.
    bind.execute(sa.update(volunteer).where(volunteer.c.id_number.is_not(None)).values(id_number=None))

    if sqlite:
        with op.batch_alter_table("volunteer", recreate="always") as batch:
            batch.drop_constraint("uq_volunteer_id_number", type_="unique")
            batch.drop_column("id_number")
            batch.create_unique_constraint("uq_volunteer_id_number_hash", ["id_number_hash"])
    else:
        op.drop_constraint("uq_volunteer_id_number", "volunteer", type_="unique")
        op.drop_column("volunteer", "id_number")
        op.create_unique_constraint("uq_volunteer_id_number_hash", "volunteer", ["id_number_hash"])


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.add_column("volunteer", sa.Column("id_number", sa.String(length=18), nullable=True))
    rows = bind.execute(sa.select(volunteer.c.id, volunteer.c.id_number_enc, volunteer.c.id_number_hash)
                        .where(volunteer.c.id_number_enc.is_not(None)).order_by(volunteer.c.id)).all()
    if rows:
        from volunteer_app.security import id_numbers

        k = id_numbers.keys_for_connection(bind)  # key_missing: cannot go back without it
        for vid, enc, digest in rows:
            bind.execute(sa.update(volunteer).where(volunteer.c.id == vid)
                         .values(id_number=id_numbers.open_with(k, enc, digest)))
    if sqlite:
        _foreign_keys_off(bind)
        with op.batch_alter_table("volunteer", recreate="always") as batch:
            batch.drop_constraint("uq_volunteer_id_number_hash", type_="unique")
            batch.drop_column("id_number_last4")
            batch.drop_column("id_number_hash")
            batch.drop_column("id_number_enc")
            batch.create_unique_constraint("uq_volunteer_id_number", ["id_number"])
    else:
        op.drop_constraint("uq_volunteer_id_number_hash", "volunteer", type_="unique")
        for name in ("id_number_last4", "id_number_hash", "id_number_enc"):
            op.drop_column("volunteer", name)
        op.create_unique_constraint("uq_volunteer_id_number", "volunteer", ["id_number"])
