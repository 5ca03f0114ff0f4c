"""estimated holidays and undoable holiday changes

Revision ID: 0014_holiday_estimates
Revises: 0013_surname_readings

Issue 18. A year the chinese_calendar package does not cover yet is pre-filled with
holidays computed from the lunar calendar, marked ``estimated`` (shown as 预计) until the
clerk confirms the year or a package upgrade replaces them; ``holiday_year.estimated``
marks a year that holds estimates only (and ``holiday_year`` gets a version counter: its
rows are now updated in place). ``holiday_change`` records a change of the table
applied together with its effect on the duties (shifts removed on new holidays, added on
make-up working days), so that it can be undone as a whole. Existing rows are official or
the clerk's: ``estimated`` starts false.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_holiday_estimates"
down_revision = "0013_surname_readings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("holiday", "holiday_year"):
        op.add_column(table, sa.Column("estimated", sa.Boolean(), nullable=False,
                                       server_default="0"))
    op.add_column("holiday_year", sa.Column("version", sa.Integer(), nullable=False,
                                            server_default="1"))
    op.create_table(
        "holiday_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("removed_count", sa.Integer(), nullable=False),
        sa.Column("added_count", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday_change")),
    )


def downgrade() -> None:
    op.drop_table("holiday_change")
    for table, column in (("holiday_year", "version"), ("holiday_year", "estimated"),
                          ("holiday", "estimated")):
        if op.get_bind().dialect.name == "sqlite":
            # Natively (SQLite 3.35+), as 0011 does: no table rebuild.
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)
