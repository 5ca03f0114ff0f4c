"""every row the services update carries a version counter

Revision ID: 0011_row_versions
Revises: 0010_audit_chain, 0004_jobs

Volunteers, grids, teams, shifts, templates, requests, holidays, limits, operators, job
settings, assignments and applied auto-fills had one. These tables are updated in place
too and had none, so a second clerk's save (or a second PC's) silently overwrote the
first: the community's details, a member's role in a team, a generation batch being
undone, an hours entry being verified, a request's intake entry, a job run being claimed
or finished, a database-wide setting. Existing rows start at 1.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_row_versions"
# A merge: it needs the tables of 0003 (hours, requests), 0004 (jobs) and 0006 (accounts);
# 0010 already builds on 0003 and 0006 (a revision may merge a branch only once). After
# 0010, never before it: databases already carry 0010.
down_revision = ("0010_audit_chain", "0004_jobs")
branch_labels = None
depends_on = None

TABLES = ("community", "membership", "generation_batch", "hours_entry", "request_event",
          "job_run", "app_setting")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in reversed(TABLES):
        if op.get_bind().dialect.name == "sqlite":
            # Natively (SQLite 3.35+), not by rebuilding the table: dropping the old
            # table would fire its foreign keys' ON DELETE actions.
            op.execute(f"ALTER TABLE {table} DROP COLUMN version")
        else:
            op.drop_column(table, "version")
