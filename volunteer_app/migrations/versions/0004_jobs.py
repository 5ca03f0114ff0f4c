"""jobs: APScheduler job store, job settings, job runs, reminder log

Revision ID: 0004_jobs
Revises: 0002_shifts
Create Date: 2026-11-29 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_jobs'
down_revision = '0002_shifts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # APScheduler's SQLAlchemyJobStore table, exactly as APScheduler 3.11 declares it.
    op.create_table('apscheduler_jobs',
    sa.Column('id', sa.Unicode(length=191), nullable=False),
    sa.Column('next_run_time', sa.Float(precision=25), nullable=True),
    sa.Column('job_state', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_apscheduler_jobs'))
    )
    with op.batch_alter_table('apscheduler_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_apscheduler_jobs_next_run_time'), ['next_run_time'], unique=False)

    op.create_table('job_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.String(length=40), nullable=False),
    sa.Column('slot', sa.DateTime(), nullable=False),
    sa.Column('run_trigger', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=14), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.CheckConstraint("run_trigger IN ('schedule', 'manual')", name=op.f('ck_job_run_run_trigger')),
    sa.CheckConstraint("status IN ('running', 'ok', 'failed', 'skipped', 'not_available')", name=op.f('ck_job_run_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_run')),
    sa.UniqueConstraint('job_id', 'slot', name='uq_job_run_job_slot')
    )
    with op.batch_alter_table('job_run', schema=None) as batch_op:
        batch_op.create_index('ix_job_run_job_started', ['job_id', 'started_at'], unique=False)

    op.create_table('job_setting',
    sa.Column('job_id', sa.String(length=40), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('options', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('job_id', name=op.f('pk_job_setting'))
    )
    op.create_table('reminder_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('subject_at', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('lead_minutes', sa.Integer(), nullable=True),
    sa.Column('shift_id', sa.Integer(), nullable=True),
    sa.Column('assignment_id', sa.Integer(), nullable=True),
    sa.Column('volunteer_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('job_run_id', sa.Integer(), nullable=True),
    sa.Column('data', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('duty', 'unfilled', 'overdue')", name=op.f('ck_reminder_log_kind')),
    sa.CheckConstraint("status IN ('sent', 'superseded')", name=op.f('ck_reminder_log_status')),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_reminder_log_assignment_id_assignment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['job_run_id'], ['job_run.id'], name=op.f('fk_reminder_log_job_run_id_job_run'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], name=op.f('fk_reminder_log_shift_id_shift'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_reminder_log_volunteer_id_volunteer'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_log')),
    sa.UniqueConstraint('kind', 'key', name='uq_reminder_log_kind_key')
    )
    with op.batch_alter_table('reminder_log', schema=None) as batch_op:
        batch_op.create_index('ix_reminder_log_kind_subject', ['kind', 'subject_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_log_shift_id'), ['shift_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reminder_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_log_shift_id'))
        batch_op.drop_index('ix_reminder_log_kind_subject')

    op.drop_table('reminder_log')
    op.drop_table('job_setting')
    with op.batch_alter_table('job_run', schema=None) as batch_op:
        batch_op.drop_index('ix_job_run_job_started')

    op.drop_table('job_run')
    with op.batch_alter_table('apscheduler_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_apscheduler_jobs_next_run_time'))

    op.drop_table('apscheduler_jobs')
