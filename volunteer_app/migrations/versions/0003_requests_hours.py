"""requests and hours: resident requests, their transition history, the service-hours ledger

Revision ID: 0003_requests_hours
Revises: 0002_shifts
Create Date: 2026-11-29 10:06:14.331486
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003_requests_hours'
down_revision = '0002_shifts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('resident_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_name', sa.String(length=40), nullable=False),
    sa.Column('resident_phone', sa.String(length=20), nullable=False),
    sa.Column('building', sa.String(length=100), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('urgency', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('received_by', sa.String(length=40), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('volunteer_id', sa.Integer(), nullable=True),
    sa.Column('dispatched_at', sa.DateTime(), nullable=True),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('followed_up_at', sa.DateTime(), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('follow_up_remark', sa.Text(), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("category IN ('repair', 'safety_hazard', 'dispute', 'care', 'environment', 'other')", name=op.f('ck_resident_request_category')),
    sa.CheckConstraint("source IN ('chat_group', 'phone', 'walk_in', 'registration_point')", name=op.f('ck_resident_request_source')),
    sa.CheckConstraint("status IN ('received', 'dispatched', 'accepted', 'in_progress', 'done', 'followed_up', 'cancelled')", name=op.f('ck_resident_request_status')),
    sa.CheckConstraint("urgency IN ('low', 'normal', 'urgent', 'emergency')", name=op.f('ck_resident_request_urgency')),
    sa.CheckConstraint('satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5', name=op.f('ck_resident_request_satisfaction')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_resident_request_grid_id_grid'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_resident_request_team_id_team'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_resident_request_volunteer_id_volunteer'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resident_request'))
    )
    with op.batch_alter_table('resident_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resident_request_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_request_received_at'), ['received_at'], unique=False)
        batch_op.create_index('ix_resident_request_status_due', ['status', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_request_team_id'), ['team_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_request_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('request_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('operator', sa.String(length=40), nullable=False),
    sa.Column('from_status', sa.String(length=12), nullable=True),
    sa.Column('to_status', sa.String(length=12), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('volunteer_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("to_status IN ('received', 'dispatched', 'accepted', 'in_progress', 'done', 'followed_up', 'cancelled')", name=op.f('ck_request_event_to_status')),
    sa.ForeignKeyConstraint(['request_id'], ['resident_request.id'], name=op.f('fk_request_event_request_id_resident_request'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_request_event_team_id_team'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_request_event_volunteer_id_volunteer'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_event'))
    )
    with op.batch_alter_table('request_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_event_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_request_event_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('hours_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('duty', sa.String(length=200), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('start_at', sa.DateTime(), nullable=True),
    sa.Column('end_at', sa.DateTime(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('verified_at', sa.DateTime(), nullable=True),
    sa.Column('verified_by', sa.String(length=40), nullable=False),
    sa.CheckConstraint("source IN ('assignment', 'request', 'manual')", name=op.f('ck_hours_entry_source')),
    sa.CheckConstraint('minutes > 0 OR corrects_id IS NOT NULL', name=op.f('ck_hours_entry_zero_only_correction')),
    sa.CheckConstraint('minutes >= 0 AND minutes <= 1440', name=op.f('ck_hours_entry_minutes')),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_hours_entry_assignment_id_assignment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['corrects_id'], ['hours_entry.id'], name=op.f('fk_hours_entry_corrects_id_hours_entry'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['request_id'], ['resident_request.id'], name=op.f('fk_hours_entry_request_id_resident_request'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_hours_entry_team_id_team'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_hours_entry_volunteer_id_volunteer'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hours_entry')),
    sa.UniqueConstraint('corrects_id', name='uq_hours_entry_corrects_id')
    )
    with op.batch_alter_table('hours_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hours_entry_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index('ix_hours_entry_date', ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_hours_entry_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hours_entry_team_id'), ['team_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hours_entry_volunteer_id'), ['volunteer_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('hours_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hours_entry_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_hours_entry_team_id'))
        batch_op.drop_index(batch_op.f('ix_hours_entry_request_id'))
        batch_op.drop_index('ix_hours_entry_date')
        batch_op.drop_index(batch_op.f('ix_hours_entry_assignment_id'))

    op.drop_table('hours_entry')
    with op.batch_alter_table('request_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_event_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_request_event_request_id'))

    op.drop_table('request_event')
    with op.batch_alter_table('resident_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resident_request_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_resident_request_team_id'))
        batch_op.drop_index('ix_resident_request_status_due')
        batch_op.drop_index(batch_op.f('ix_resident_request_received_at'))
        batch_op.drop_index(batch_op.f('ix_resident_request_grid_id'))

    op.drop_table('resident_request')
