"""the audit log becomes a chain of keyed hashes; the database gets its id and first key

Revision ID: 0010_audit_chain
Revises: 0003_requests_hours, 0006_accounts, 0007_no_double_booking

* ``audit_entry.mac`` (the entry's HMAC, chained to the previous entry's) and
  ``audit_entry.state`` (the protected rows an entry recorded); ``audit_chain``, the
  keyed head of the chain (see ``volunteer_app.security.chain``);
* a random database id and its key check in ``app_setting``; the database's secret is
  created now, in this PC's keyring or key file (``volunteer_app.security.keys``),
  before anything that depends on it is committed;
* the entries already in the log are chained in id order (the append-only triggers are
  lifted for this transaction only), and the protected rows as they are now (every
  setting, every operator, every hours entry) are recorded in ``chain_start`` entries: from here on a
  change that bypasses the app is found by ``volunteer-app audit verify``.

A database that holds nothing yet (a new one, a schema built in memory to check a backup,
a staging copy about to be filled from an archive) gets the columns only: its chain, id
and key start with its first audit entry.
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0010_audit_chain"
# It needs the hours ledger (0003) and the accounts (0006); after 0007, the newest committed
# migration when it was written. (A migration written meanwhile chains after this one; never
# name a revision here that builds on this one: Alembic cannot order a cycle.)
down_revision = ("0003_requests_hours", "0006_accounts", "0007_no_double_booking")
branch_labels = None
depends_on = None

# The tables whose rows this revision records (what security.chain protected then: a later
# revision that protects more tables records those itself).
PROTECTED = {"app_setting": "key", "operator": "id", "hours_entry": "id"}
TRIGGER_SQL = ("CREATE TRIGGER audit_entry_no_{verb} BEFORE {VERB} ON audit_entry "
               "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END")


def _lift_triggers(sqlite: bool) -> None:
    if sqlite:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS audit_entry_no_{verb}")
    else:
        op.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")


def _restore_triggers(sqlite: bool) -> None:
    if sqlite:
        for verb in ("update", "delete"):
            op.execute(TRIGGER_SQL.format(verb=verb, VERB=verb.upper()))
    else:
        op.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")


def _protected_rows(bind: sa.engine.Connection, name: str) -> dict[str, dict]:
    from volunteer_app.security import chain

    table = chain._tables()[name]
    present = {c["name"] for c in sa.inspect(bind).get_columns(name)}
    pk = table.c[PROTECTED[name]]
    cols = [c for c in table.columns if c.name in present]
    return {str(r._mapping[pk.name]): chain.row_state(table, r)
            for r in bind.execute(sa.select(*cols).order_by(pk))}


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.add_column("audit_entry", sa.Column("state", sa.Text(), nullable=True))
    op.add_column("audit_entry", sa.Column("mac", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_mac", sa.String(length=64), nullable=False),
        sa.Column("mac", sa.String(length=64), nullable=False),
        sa.Column("settings_mac", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    from volunteer_app.security import chain

    # The columns as this revision has them (not the models': a later revision may add some),
    # typed as the chain reads them back (SQLite keeps a time as text).
    entry = sa.table("audit_entry", sa.column("id", sa.Integer()), sa.column("at", sa.DateTime()),
                     sa.column("operator_id", sa.Integer()),
                     *(sa.column(n, sa.Text()) for n in ("operator", "action", "entity", "entity_id",
                                                         "summary", "changes", "state", "mac")))
    held = {name: bind.execute(sa.select(sa.func.count()).select_from(sa.table(name))).scalar()
            for name in ("audit_entry", "app_setting", "hours_entry")}
    if not any(held.values()):
        # A new database (or one about to be filled from a backup): its chain starts with
        # its first audit entry (security.chain.seal).
        return
    _database_id, ck = chain.start_chain(bind)  # the key is stored outside before anything commits

    _lift_triggers(sqlite)
    prev, highest = "", 0
    rows = bind.execute(sa.select(*[entry.c[n] for n in (
        "id", "at", "operator_id", "operator", "action", "entity", "entity_id", "summary", "changes",
        "state")]).order_by(entry.c.id)).mappings().all()
    for row in rows:
        mac = chain.entry_mac(ck, dict(row), prev)
        bind.execute(sa.update(entry).where(entry.c.id == row["id"]).values(mac=mac))
        prev, highest = mac, row["id"]
    _restore_triggers(sqlite)

    # The protected rows as they are now: what later changes are compared with.
    items = [(name, key, row) for name in PROTECTED for key, row in _protected_rows(bind, name).items()]
    now = datetime.now().replace(microsecond=0)
    for chunk in chain.state_chunks(items):
        values = {"at": now, "operator_id": None, "operator": "migration", "action": chain.CHAIN_START_ACTION,
                  "entity": ",".join(PROTECTED), "entity_id": "",
                  "summary": f"{sum(len(v) for v in chunk.values())} rows",
                  "changes": json.dumps({"chained": len(rows)}), "state": chain._dumps(chunk)}
        values["id"] = chain._allocate_id(bind, highest)
        highest = values["id"]
        values["mac"] = chain.entry_mac(ck, values, prev)
        prev = values["mac"]
        bind.execute(sa.insert(entry).values(**values))
    chain.write_head(bind, ck, highest, prev)


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.drop_table("audit_chain")
    op.execute("DELETE FROM app_setting WHERE key IN ('database_id', 'key_check')")
    if sqlite:  # natively (SQLite 3.35+): no table rebuild, the triggers stay as they are
        op.execute("ALTER TABLE audit_entry DROP COLUMN mac")
        op.execute("ALTER TABLE audit_entry DROP COLUMN state")
    else:
        op.drop_column("audit_entry", "mac")
        op.drop_column("audit_entry", "state")
