"""volunteers' sort keys and search text with surnames read as surnames

Revision ID: 0013_surname_readings
Revises: 0012_id_numbers_encrypted

``volunteer.sort_key`` and ``volunteer.search_text`` are computed from the name when a
volunteer is saved (:mod:`volunteer_app.names`). Surnames such as 曾, 单, 解 or 仇 were
read with their everyday reading (曾 "ceng"), so ``zengli`` and ``zl`` found nobody and 曾
sorted under C. The names module now reads the surname as a surname and keeps the
everyday reading searchable; this revision recomputes both columns for the rows already
stored, in batches. Only those two derived columns change (not the version counter: no
clerk edited the row). Downgrade leaves them: the old app finds by either reading too.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_surname_readings"
down_revision = "0012_id_numbers_encrypted"
branch_labels = None
depends_on = None

BATCH = 2000

volunteer = sa.table("volunteer", sa.column("id", sa.Integer()), sa.column("name", sa.String()),
                     sa.column("mobile", sa.String()), sa.column("sort_key", sa.String()),
                     sa.column("search_text", sa.String()))


def upgrade() -> None:
    from volunteer_app import names

    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(sa.select(volunteer.c.id, volunteer.c.name, volunteer.c.mobile,
                                      volunteer.c.sort_key, volunteer.c.search_text)
                            .where(volunteer.c.id > last).order_by(volunteer.c.id).limit(BATCH)).all()
        if not rows:
            return
        changed = []
        for vid, name, mobile, sort_key, search_text in rows:
            new_sort, new_search = names.sort_key(name), names.search_text(name, mobile or "")
            if (new_sort, new_search) != (sort_key, search_text):
                changed.append({"vid": vid, "sk": new_sort, "st": new_search})
        if changed:
            conn.execute(volunteer.update().where(volunteer.c.id == sa.bindparam("vid"))
                         .values(sort_key=sa.bindparam("sk"), search_text=sa.bindparam("st")), changed)
        last = rows[-1][0]


def downgrade() -> None:
    pass
