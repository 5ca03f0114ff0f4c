"""the database refuses a volunteer's overlapping active duties

Revision ID: 0007_no_double_booking
Revises: 0002_shifts

The conflict check of ``services.assignments`` runs in the application, under a lock of
the shift being filled. Two coordinators putting one volunteer on two *different*
overlapping shifts at once each lock only their own shift, and both saw no overlap: on a
shared PostgreSQL server that double-booked the volunteer every time. Now the database
itself refuses it, whoever writes:

* ``assignment.starts_at`` / ``ends_at`` hold the duty's time, copied from its shift by
  triggers (an overnight duty, whose end is not after its start, ends the next day: the
  rule of ``scheduling.conflicts.shift_interval``); moving a shift moves them;
* PostgreSQL: an exclusion constraint over the volunteer and that time range, for active
  assignments (``ACTIVE_STATUSES``) whose overlap the coordinator did not override. The
  volunteer is compared as a one-point ``int4range``, so no extension (btree_gist) is
  needed, which a database owner may not be allowed to install;
* SQLite: a trigger refusing such an assignment (SQLite has one writer at a time, so the
  check inside the writing statement cannot race).

Ranges are half-open: a duty ending at 15:00 and one starting at 15:00 do not overlap.
An assignment that overrode the overlap rule (``overridden`` lists ``overlap``) is outside
the guard, as is a cancelled or no-show one. Overlaps already in the database (made by
that race) are kept, marked as overridden on the later assignment of each pair, so the
upgrade cannot fail on them and nothing is deleted.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_no_double_booking"
down_revision = "0002_shifts"
branch_labels = None
depends_on = None

ACTIVE = "('planned', 'confirmed', 'checked_in', 'completed')"
GUARD = "ex_assignment_double_booking"


def _guarded(alias: str, sqlite: bool) -> str:
    """SQL: the assignment ``alias`` is under the guard (active, overlap not overridden)."""
    listed = (f"instr(',' || {alias}.overridden || ',', ',overlap,') = 0" if sqlite
              else f"position(',overlap,' in ',' || {alias}.overridden || ',') = 0")
    return f"{alias}.status IN {ACTIVE} AND {listed}"


# The duty's start and end from its shift row ``s`` (SQLite keeps dates and times as text).
SQLITE_START = "datetime(s.date || ' ' || s.start_time)"
SQLITE_END = ("CASE WHEN time(s.end_time) <= time(s.start_time) "
              "THEN datetime(s.date || ' ' || s.end_time, '+1 day') "
              "ELSE datetime(s.date || ' ' || s.end_time) END")
PG_START = "s.date + s.start_time"
PG_END = ("s.date + s.end_time + CASE WHEN s.end_time <= s.start_time "
          "THEN interval '1 day' ELSE interval '0' END")


def _sqlite_span(where: str) -> str:
    return (f"UPDATE assignment SET "
            f"starts_at = (SELECT {SQLITE_START} FROM shift s WHERE s.id = assignment.shift_id), "
            f"ends_at = (SELECT {SQLITE_END} FROM shift s WHERE s.id = assignment.shift_id) "
            f"WHERE {where}")


def _mark_existing_overlaps(sqlite: bool) -> None:
    """Overlaps already stored: of a volunteer's guarded duties, in the order they were
    made, each one that overlaps a duty kept before it counts as overridden from now on."""
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        f"SELECT id, volunteer_id, starts_at, ends_at FROM assignment a "
        f"WHERE starts_at IS NOT NULL AND {_guarded('a', sqlite)} ORDER BY volunteer_id, id"))
    kept: dict[int, list[tuple[object, object]]] = {}
    marked = []
    for aid, vid, start, end in rows:
        mine = kept.setdefault(vid, [])
        if any(s < end and start < e for s, e in mine):
            marked.append(aid)
        else:
            mine.append((start, end))
    mark = sa.text("UPDATE assignment SET overridden = CASE WHEN overridden = '' THEN 'overlap' "
                   "ELSE overridden || ',overlap' END WHERE id = :id")
    for aid in marked:
        conn.execute(mark, {"id": aid})


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("assignment", sa.Column("starts_at", sa.DateTime(), nullable=True))
    op.add_column("assignment", sa.Column("ends_at", sa.DateTime(), nullable=True))
    if sqlite:
        op.execute(_sqlite_span("1 = 1"))
        _mark_existing_overlaps(sqlite)
        op.execute(f"CREATE TRIGGER assignment_span_insert AFTER INSERT ON assignment "
                   f"BEGIN {_sqlite_span('id = NEW.id')}; END")
        op.execute(f"CREATE TRIGGER assignment_span_move AFTER UPDATE OF shift_id ON assignment "
                   f"BEGIN {_sqlite_span('id = NEW.id')}; END")
        op.execute(f"CREATE TRIGGER shift_span_move AFTER UPDATE OF date, start_time, end_time "
                   f"ON shift BEGIN {_sqlite_span('shift_id = NEW.id')}; END")
        # Every change of an assignment that can make an overlap passes through an UPDATE
        # of it: a new one gets its span from the insert trigger's UPDATE.
        op.execute(
            f"CREATE TRIGGER assignment_no_double_booking BEFORE UPDATE ON assignment "
            f"WHEN NEW.starts_at IS NOT NULL AND {_guarded('NEW', sqlite)} "
            f"BEGIN SELECT RAISE(ABORT, '{GUARD}') WHERE EXISTS (SELECT 1 FROM assignment o "
            f"WHERE o.volunteer_id = NEW.volunteer_id AND o.id <> NEW.id AND {_guarded('o', sqlite)} "
            f"AND o.starts_at < NEW.ends_at AND NEW.starts_at < o.ends_at); END"
        )
        return
    op.execute(
        "CREATE FUNCTION assignment_span() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"SELECT {PG_START}, {PG_END} INTO NEW.starts_at, NEW.ends_at "
        "FROM shift s WHERE s.id = NEW.shift_id; RETURN NEW; END $$"
    )
    # Any INSERT or UPDATE: the span always comes from the shift, whatever was written.
    op.execute("CREATE TRIGGER assignment_span BEFORE INSERT OR UPDATE ON assignment "
               "FOR EACH ROW EXECUTE FUNCTION assignment_span()")
    op.execute(
        "CREATE FUNCTION shift_span_move() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "UPDATE assignment SET shift_id = shift_id WHERE shift_id = NEW.id; RETURN NULL; END $$"
    )
    op.execute("CREATE TRIGGER shift_span_move AFTER UPDATE OF date, start_time, end_time ON shift "
               "FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date "
               "OR OLD.start_time IS DISTINCT FROM NEW.start_time "
               "OR OLD.end_time IS DISTINCT FROM NEW.end_time) "
               "EXECUTE FUNCTION shift_span_move()")
    op.execute("UPDATE assignment SET shift_id = shift_id")  # fills the spans through the trigger
    _mark_existing_overlaps(sqlite)
    op.execute(
        f"ALTER TABLE assignment ADD CONSTRAINT {GUARD} EXCLUDE USING gist ("
        "int4range(volunteer_id, volunteer_id, '[]') WITH &&, "
        "tsrange(starts_at, ends_at) WITH &&) "
        f"WHERE (starts_at IS NOT NULL AND {_guarded('assignment', sqlite).replace('assignment.', '')})"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("assignment_no_double_booking", "assignment_span_insert",
                     "assignment_span_move", "shift_span_move"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        # Natively (SQLite 3.35+), not by rebuilding the table: dropping the old table
        # would set the hours ledger's links to these assignments to NULL.
        op.execute("ALTER TABLE assignment DROP COLUMN ends_at")
        op.execute("ALTER TABLE assignment DROP COLUMN starts_at")
        return
    op.execute(f"ALTER TABLE assignment DROP CONSTRAINT IF EXISTS {GUARD}")
    op.execute("DROP TRIGGER IF EXISTS shift_span_move ON shift")
    op.execute("DROP TRIGGER IF EXISTS assignment_span ON assignment")
    op.execute("DROP FUNCTION IF EXISTS shift_span_move()")
    op.execute("DROP FUNCTION IF EXISTS assignment_span()")
    op.drop_column("assignment", "ends_at")
    op.drop_column("assignment", "starts_at")
