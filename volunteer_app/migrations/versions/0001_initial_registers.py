"""initial registers

Revision ID: 0001
Revises:
Create Date: 2026-11-29 09:54:51.941307
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('community',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('service_hall_phone', sa.String(length=40), nullable=False),
    sa.Column('service_hall_hours', sa.String(length=100), nullable=False),
    sa.Column('timezone', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community'))
    )
    op.create_table('grid',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('area', sa.Text(), nullable=False),
    sa.Column('leader_name', sa.String(length=40), nullable=False),
    sa.Column('leader_phone', sa.String(length=20), nullable=False),
    sa.Column('worker_name', sa.String(length=40), nullable=False),
    sa.Column('worker_phone', sa.String(length=20), nullable=False),
    sa.Column('police_name', sa.String(length=40), nullable=False),
    sa.Column('police_phone', sa.String(length=20), nullable=False),
    sa.Column('instructor_name', sa.String(length=40), nullable=False),
    sa.Column('instructor_phone', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grid')),
    sa.UniqueConstraint('name', name=op.f('uq_grid_name')),
    sa.UniqueConstraint('number', name=op.f('uq_grid_number'))
    )
    op.create_table('team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('colour', sa.String(length=9), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('patrol', 'civility', 'publicity', 'cleanup', 'rider', 'other')", name=op.f('ck_team_kind')),
    sa.ForeignKeyConstraint(['parent_id'], ['team.id'], name=op.f('fk_team_parent_id_team'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team')),
    sa.UniqueConstraint('name', name=op.f('uq_team_name'))
    )
    op.create_table('volunteer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('gender', sa.String(length=6), nullable=True),
    sa.Column('mobile', sa.String(length=11), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('political_status', sa.String(length=20), nullable=False),
    sa.Column('party_household', sa.Boolean(), nullable=False),
    sa.Column('occupation', sa.String(length=100), nullable=False),
    sa.Column('skills', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('sort_key', sa.String(length=200).with_variant(sa.String(length=200, collation='C'), 'postgresql'), nullable=False),
    sa.Column('search_text', sa.String(length=400), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("gender IN ('male', 'female')", name=op.f('ck_volunteer_gender')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_volunteer_grid_id_grid'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer')),
    sa.UniqueConstraint('id_number', name=op.f('uq_volunteer_id_number')),
    sa.UniqueConstraint('mobile', name='uq_volunteer_mobile')
    )
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.create_index('ix_volunteer_active_sort', ['active', 'sort_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteer_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteer_sort_key'), ['sort_key'], unique=False)

    op.create_table('membership',
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=8), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.CheckConstraint("role IN ('captain', 'deputy', 'member')", name=op.f('ck_membership_role')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_membership_team_id_team'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_membership_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('volunteer_id', 'team_id', name=op.f('pk_membership'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_team_id'), ['team_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_team_id'))

    op.drop_table('membership')
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_sort_key'))
        batch_op.drop_index(batch_op.f('ix_volunteer_grid_id'))
        batch_op.drop_index('ix_volunteer_active_sort')

    op.drop_table('volunteer')
    op.drop_table('team')
    op.drop_table('grid')
    op.drop_table('community')
