"""The lazy volunteer table model: ids first, rows in batches, notifications not resets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import insert

from volunteer_app import names
from volunteer_app.models import Volunteer
from volunteer_app.services import volunteers as vol_service
from volunteer_app.services.volunteers import VolunteerData, VolunteerFilter


def _fill(db, n: int) -> None:  # noqa: ANN001
    rows = []
    for i in range(n):
        name = f"志愿者{i:05d}"
        mobile = f"1390{i:07d}"
        rows.append(dict(name=name, mobile=mobile, political_status="群众", occupation="",
                         skills="", notes="", party_household=False, active=True, version=1,
                         joined_on=date(2025, 1, 1), sort_key=names.sort_key(name),
                         search_text=names.search_text(name, mobile)))
    with db.session() as s:
        s.execute(insert(Volunteer), rows)


def _model(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.registers.volunteers_model import VolunteersModel

    model = VolunteersModel(ctx)
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        model.set_filter(VolunteerFilter(active=True))
    return model


def test_rows_load_lazily_in_batches(empty_ctx, qtbot) -> None:  # noqa: ANN001
    from ui.registers.volunteers_model import BATCH, ROLE_ID, ROLE_LOADED, ROLE_ROW

    _fill(empty_ctx.db, 3 * BATCH + 17)
    model = _model(empty_ctx, qtbot)
    assert model.rowCount() == 3 * BATCH + 17
    first = model.index(0, 0)
    assert model.data(first, ROLE_LOADED) is True  # the first batch came with the ids
    far = model.index(2 * BATCH + 5, 0)
    assert isinstance(model.data(far, ROLE_ID), int)  # ids are there before rows
    assert model.data(far, ROLE_LOADED) is False
    assert model.data(far) == "正在载入…"
    with qtbot.waitSignal(model.dataChanged, timeout=10_000) as changed:
        pass
    top, bottom, roles = changed.args
    assert top.row() == 2 * BATCH and bottom.row() == 3 * BATCH - 1
    assert Qt.ItemDataRole.DisplayRole in roles and ROLE_ROW in roles
    assert model.data(far, ROLE_LOADED) is True
    assert model.data(far) == model.data(far, ROLE_ROW).name


def test_adding_a_volunteer_inserts_a_row_without_reset(ctx, qtbot) -> None:  # noqa: ANN001
    model = _model(ctx, qtbot)
    before = model.ids
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    with ctx.db.session() as s:
        new_id = vol_service.create(s, VolunteerData(name="阿新", mobile="13511112222"))
    with qtbot.waitSignal(model.rowsInserted, timeout=10_000) as inserted:
        model.reload()
    _parent, first, last = inserted.args
    assert first == last == model.row_of_id(new_id)
    assert [i for i in model.ids if i != new_id] == before
    with ctx.db.session() as s:
        vol_service.deactivate(s, new_id)
    with qtbot.waitSignal(model.rowsRemoved, timeout=10_000):
        model.reload()
    assert model.ids == before
    assert resets == []


def test_sorting_by_name_is_pinyin_and_reversible(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.registers.volunteers_model import COLUMN_KEYS

    model = _model(ctx, qtbot)
    with ctx.db.session() as s:
        expected = vol_service.query_ids(s, VolunteerFilter(active=True))
    assert model.ids == expected
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        model.sort(COLUMN_KEYS.index("name"), Qt.SortOrder.DescendingOrder)
    assert model.ids == expected[::-1]
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        model.sort(COLUMN_KEYS.index("mobile"), Qt.SortOrder.AscendingOrder)
    mobiles = [model.row_for(r).mobile for r in range(20)]
    assert mobiles == sorted(mobiles)


def test_keystrokes_are_coalesced(ctx, qtbot) -> None:  # noqa: ANN001
    model = _model(ctx, qtbot)
    loads: list[int] = []
    model.sig_loaded.connect(loads.append)
    model.reload()  # the search index is dropped: these keystrokes go to the database
    assert model._index is None and model.busy
    for prefix in ("z", "zh", "zha", "zhan", "zhang"):
        model.set_search(prefix)
    qtbot.waitUntil(lambda: not model.busy and bool(loads))
    with ctx.db.session() as s:
        expected = vol_service.query_ids(s, VolunteerFilter(search="zhang", active=True))
    assert model.ids == expected
    assert loads == [len(expected)]  # the reload's result was stale: one load, the last text


def test_in_memory_search_matches_the_sql_search(ctx, qtbot) -> None:  # noqa: ANN001
    model = _model(ctx, qtbot)
    qtbot.waitUntil(lambda: model._index is not None, timeout=10_000)  # prefetched
    with ctx.db.session() as s:
        keys = vol_service.search_keys(s)
        base = vol_service.query_ids(s, VolunteerFilter(active=True))
        index = vol_service.SearchIndex(base, keys)
        for term in ("z", "zs", "zhang", "138", "次仁", "·", "ci ren", "renci", "x y", "", "139 1"):
            expected = vol_service.query_ids(s, VolunteerFilter(search=term, active=True))
            assert index.match(term) == expected, term
            assert vol_service.match_search(keys, base, term) == expected, term
            model.set_search(term)
            qtbot.waitUntil(lambda: not model.busy)
            assert model.ids == expected, term


def test_typing_with_the_index_ready_needs_no_query(ctx, qtbot) -> None:  # noqa: ANN001
    model = _model(ctx, qtbot)
    qtbot.waitUntil(lambda: model._index is not None, timeout=10_000)
    for i in range(model.rowCount()):  # every row cached: nothing left to fetch
        model.data(model.index(i, 0))
    qtbot.waitUntil(lambda: all(model.row_for(i) is not None for i in range(model.rowCount())))
    before = ctx.worker.pending
    model.set_search("c")
    assert not model.busy and ctx.worker.pending == before  # answered synchronously
    with ctx.db.session() as s:
        assert model.ids == vol_service.query_ids(s, VolunteerFilter(search="c", active=True))
        model.set_search("ci")  # narrows the rows shown
        assert model.ids == vol_service.query_ids(s, VolunteerFilter(search="ci", active=True))
