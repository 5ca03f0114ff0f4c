"""autofill: applied auto-fill batches and the assignments they created

Revision ID: 0005_autofill
Revises: 0002_shifts
Create Date: 2026-11-29 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_autofill"
down_revision = "0002_shifts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "autofill_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=40), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("needed", sa.Integer(), nullable=False),
        sa.Column("filled_before", sa.Integer(), nullable=False),
        sa.Column("created_count", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("min_rest_minutes", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('optimal', 'feasible')", name=op.f("ck_autofill_batch_status")),
        sa.ForeignKeyConstraint(["grid_id"], ["grid.id"], name=op.f("fk_autofill_batch_grid_id_grid"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_autofill_batch_team_id_team"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_autofill_batch")),
    )
    op.create_table(
        "autofill_batch_assignment",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["assignment_id"], ["assignment.id"],
                                name=op.f("fk_autofill_batch_assignment_assignment_id_assignment"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["batch_id"], ["autofill_batch.id"],
                                name=op.f("fk_autofill_batch_assignment_batch_id_autofill_batch"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("batch_id", "assignment_id", name=op.f("pk_autofill_batch_assignment")),
    )
    with op.batch_alter_table("autofill_batch_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_autofill_batch_assignment_assignment_id"),
                              ["assignment_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("autofill_batch_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_autofill_batch_assignment_assignment_id"))
    op.drop_table("autofill_batch_assignment")
    op.drop_table("autofill_batch")
