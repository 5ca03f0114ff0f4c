"""shifts: templates, generation batches, shifts, assignments, availability, holidays

Revision ID: 0002_shifts
Revises: 0001
Create Date: 2026-11-29 10:02:59.629517
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002_shifts'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('generation_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('date_from', sa.Date(), nullable=False),
    sa.Column('date_to', sa.Date(), nullable=False),
    sa.Column('created_count', sa.Integer(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("kind IN ('generate', 'copy')", name=op.f('ck_generation_batch_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_generation_batch'))
    )
    op.create_table('holiday',
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('holiday', 'workday')", name=op.f('ck_holiday_kind')),
    sa.CheckConstraint("source IN ('chinese_calendar', 'manual')", name=op.f('ck_holiday_source')),
    sa.PrimaryKeyConstraint('date', name=op.f('pk_holiday'))
    )
    op.create_table('holiday_year',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("source IN ('chinese_calendar', 'manual')", name=op.f('ck_holiday_year_source')),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_holiday_year'))
    )
    op.create_table('shift_template',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('location', sa.String(length=100), nullable=False),
    sa.Column('duty_type', sa.String(length=20), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('needed', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('day_of_week', sa.String(length=40), nullable=False),
    sa.Column('day', sa.String(length=40), nullable=False),
    sa.Column('month', sa.String(length=40), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('on_holidays', sa.Boolean(), nullable=False),
    sa.Column('makeup_as_weekday', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("duty_type IN ('patrol', 'small_inspection', 'big_inspection', 'persuasion', 'publicity', 'cleanup', 'event', 'other')", name=op.f('ck_shift_template_duty_type')),
    sa.CheckConstraint('needed >= 1', name=op.f('ck_shift_template_needed')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_shift_template_grid_id_grid'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_shift_template_team_id_team'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_template'))
    )
    with op.batch_alter_table('shift_template', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shift_template_team_id'), ['team_id'], unique=False)

    op.create_table('availability_window',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_availability_window_weekday')),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_availability_window_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_availability_window'))
    )
    with op.batch_alter_table('availability_window', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_availability_window_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('shift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=60), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('location', sa.String(length=100), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('duty_type', sa.String(length=20), nullable=False),
    sa.Column('needed', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('edited_by_hand', sa.Boolean(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=True),
    sa.Column('origin_date', sa.Date(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("duty_type IN ('patrol', 'small_inspection', 'big_inspection', 'persuasion', 'publicity', 'cleanup', 'event', 'other')", name=op.f('ck_shift_duty_type')),
    sa.CheckConstraint('needed >= 1', name=op.f('ck_shift_needed')),
    sa.ForeignKeyConstraint(['batch_id'], ['generation_batch.id'], name=op.f('fk_shift_batch_id_generation_batch'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_shift_grid_id_grid'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_shift_team_id_team'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['template_id'], ['shift_template.id'], name=op.f('fk_shift_template_id_shift_template'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift')),
    sa.UniqueConstraint('template_id', 'origin_date', name='uq_shift_template_origin')
    )
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shift_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index('ix_shift_date_start', ['date', 'start_time'], unique=False)
        batch_op.create_index(batch_op.f('ix_shift_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shift_team_id'), ['team_id'], unique=False)

    op.create_table('shift_skip',
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['template_id'], ['shift_template.id'], name=op.f('fk_shift_skip_template_id_shift_template'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('template_id', 'date', name=op.f('pk_shift_skip'))
    )
    op.create_table('volunteer_leave',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('leave', 'unavailable')", name=op.f('ck_volunteer_leave_kind')),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_volunteer_leave_range')),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_volunteer_leave_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_leave'))
    )
    with op.batch_alter_table('volunteer_leave', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_leave_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('volunteer_limit',
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('max_per_week', sa.Integer(), nullable=True),
    sa.Column('max_per_day', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('max_per_day IS NULL OR max_per_day >= 0', name=op.f('ck_volunteer_limit_day')),
    sa.CheckConstraint('max_per_week IS NULL OR max_per_week >= 0', name=op.f('ck_volunteer_limit_week')),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_volunteer_limit_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('volunteer_id', name=op.f('pk_volunteer_limit'))
    )
    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('actual_start', sa.DateTime(), nullable=True),
    sa.Column('actual_end', sa.DateTime(), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('overridden', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("source IN ('manual', 'copy', 'autofill')", name=op.f('ck_assignment_source')),
    sa.CheckConstraint("status IN ('planned', 'confirmed', 'checked_in', 'completed', 'no_show', 'cancelled')", name=op.f('ck_assignment_status')),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], name=op.f('fk_assignment_shift_id_shift'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_assignment_volunteer_id_volunteer'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment')),
    sa.UniqueConstraint('shift_id', 'volunteer_id', name='uq_assignment_shift_volunteer')
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_shift_id'), ['shift_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_volunteer_id'), ['volunteer_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_shift_id'))

    op.drop_table('assignment')
    op.drop_table('volunteer_limit')
    with op.batch_alter_table('volunteer_leave', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_leave_volunteer_id'))

    op.drop_table('volunteer_leave')
    op.drop_table('shift_skip')
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shift_team_id'))
        batch_op.drop_index(batch_op.f('ix_shift_grid_id'))
        batch_op.drop_index('ix_shift_date_start')
        batch_op.drop_index(batch_op.f('ix_shift_batch_id'))

    op.drop_table('shift')
    with op.batch_alter_table('availability_window', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_availability_window_volunteer_id'))

    op.drop_table('availability_window')
    with op.batch_alter_table('shift_template', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shift_template_team_id'))

    op.drop_table('shift_template')
    op.drop_table('holiday_year')
    op.drop_table('holiday')
    op.drop_table('generation_batch')
