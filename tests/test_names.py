"""Names read as names (issue 18, point 10): a surname with a surname's reading.

曾 was indexed as "ceng", so ``zengli`` and ``zl`` found nobody and 曾 sorted under C.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from volunteer_app import names
from volunteer_app.db import Database, alembic_config, make_engine, open_database
from volunteer_app.services import volunteers as vs

CASES = [
    ("曾力", ["zengli", "zl", "cengli"]),
    ("单雄信", ["shanxiongxin", "sxx", "danxiongxin"]),
    ("解晓东", ["xiexiaodong", "xxd"]),
    ("仇英", ["qiuying", "qy"]),
    ("朴正熙", ["piaozhengxi", "pzx"]),
    ("区伟", ["ouwei", "ow"]),
    ("查良镛", ["zhaliangyong", "zly"]),
    ("尉迟恭", ["yuchigong", "ycg"]),
    ("欧阳娜娜", ["ouyangnana", "oynn"]),
]


@pytest.mark.parametrize(("name", "terms"), CASES)
def test_surnames_read_as_surnames_and_everyday_reading_still_found(name: str, terms: list[str]) -> None:
    keys = names.search_text(name, "13800001111").split("|")
    for term in terms:
        assert any(term in k for k in keys), (name, term, keys)


def test_sort_key_follows_the_surname_reading() -> None:
    ordered = sorted(["曾力", "蔡明", "张三", "陈红"], key=names.sort_key)
    assert ordered == ["蔡明", "陈红", "曾力", "张三"]  # 曾 zeng: after 陈 chen, before 张 zhang
    assert names.sort_key("单于") .startswith("chan yu")  # a compound surname as a whole


def test_register_search_finds_zeng_by_zengli_and_zl(demo_db: Database) -> None:
    with demo_db.session() as s:
        vid = vs.create(s, vs.VolunteerData(name="曾力", mobile="13912345678"))
    for term in ("zengli", "zl", "cengli", "曾力"):
        with demo_db.session() as s:
            found = [r.id for r in vs.list_rows(s, vs.VolunteerFilter(search=term))]
        assert vid in found, term


def test_upgrade_recomputes_the_keys_already_stored(new_db_url) -> None:  # noqa: ANN001
    from alembic import command

    url = new_db_url("old", template="demo")
    db = open_database(url)
    with db.session() as s:
        vid = vs.create(s, vs.VolunteerData(name="曾力", mobile="13912345678"))
    db.dispose()
    engine = make_engine(url)
    command.downgrade(alembic_config(engine), "0012_id_numbers_encrypted")
    with engine.begin() as conn:  # as the old app stored them
        conn.execute(text("UPDATE volunteer SET sort_key = :k, search_text = :t WHERE id = :i"),
                     {"k": "ceng li\t曾力", "t": "曾力|cengli|cl|13912345678", "i": vid})
    command.upgrade(alembic_config(engine), "heads")
    with engine.connect() as conn:
        sort_key, search = conn.execute(text("SELECT sort_key, search_text FROM volunteer WHERE id = :i"),
                                        {"i": vid}).one()
    engine.dispose()
    assert sort_key.startswith("zeng li") and "|zl|" in search and "cengli" in search
