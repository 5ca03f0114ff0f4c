"""The hours screen (服务时长) through the real widgets, offscreen: a manual entry through
the dialog, an invalid one that writes nothing, a correction as a new entry, verifying a
month, a captain limited to their own team, buttons a role may not use, the .xlsx and
PDF reports and the yearly certificate."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from volunteer_app.errors import FieldProblem, ValidationError
from volunteer_app.models import Team, Volunteer
from volunteer_app.models.hours import HoursEntry
from volunteer_app.security.permissions import Actor
from volunteer_app.services import hours as hs
from volunteer_app.services import hours_listing as listing_service
from volunteer_app.services.community import CommunityInfo

# The community's today (the test database keeps the default zone): the app dates entries
# and verifications by it, so from 16:00 UTC it is already tomorrow there.
TODAY = datetime.now(ZoneInfo(CommunityInfo().timezone)).date()
MONTH = f"{TODAY:%Y-%m}"


def _team(ctx, kind: str) -> int:  # noqa: ANN001
    with ctx.db.session() as s:
        return s.scalar(select(Team.id).where(Team.kind == kind))


def _volunteers(ctx, n: int) -> list[tuple[int, str]]:  # noqa: ANN001
    with ctx.db.session() as s:
        return [tuple(r) for r in s.execute(
            select(Volunteer.id, Volunteer.name).where(Volunteer.active.is_(True))
            .order_by(Volunteer.id).limit(n))]


def _entry_count(ctx) -> int:  # noqa: ANN001
    with ctx.db.session() as s:
        return s.scalar(select(func.count(HoursEntry.id)))


def _seed(ctx, team_kind: str, hours: float, n: int = 1, offset: int = 0) -> list[int]:  # noqa: ANN001
    """Unverified manual entries of today for the first volunteers."""
    team = _team(ctx, team_kind)
    vols = _volunteers(ctx, n + offset)[offset:]
    with ctx.db.session() as s:
        return [hs.add_manual(s, vid, TODAY, hours, "活动补录", "文员", team_id=team,
                              duty="垃圾分类宣传") for vid, _name in vols]


def _open_view(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.hours.hours_view import HoursView

    view = HoursView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0 and view.model.loaded_once
                    and view.totals is not None)
    return view


def _reload(view, qtbot) -> None:  # noqa: ANN001
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.load()
    qtbot.waitUntil(lambda: view.ctx.worker.pending == 0)


def _cells(view, entry_id: int) -> dict[str, str]:  # noqa: ANN001
    from ui.hours.hours_model import COLUMN_KEYS

    row = view.model.row_of_id(entry_id)
    assert row >= 0, f"entry {entry_id} not shown"
    qtbot_wait = view.model.row_for(row)
    assert qtbot_wait is not None
    return {key: view.model.index(row, col).data() for col, key in enumerate(COLUMN_KEYS)}


def _closed(dialog) -> bool:  # noqa: ANN001
    """Dialogs of the screen delete themselves when they close."""
    import shiboken6

    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _save(dialog) -> None:  # noqa: ANN001
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_screen_is_in_the_sidebar_after_orders(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.main_window import MainWindow
    from ui.screens import SCREEN_KEYS

    assert SCREEN_KEYS.index("hours") == SCREEN_KEYS.index("orders") + 1
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("hours")
    assert window.current_screen_key == "hours"
    assert type(window.screen_widget("hours")).__name__ == "HoursView"
    assert window._sidebar.item(SCREEN_KEYS.index("hours")).text() == "服务时长"
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    window.close()


def test_add_an_entry_through_the_dialog_and_see_it(ctx, qtbot, type_into) -> None:  # noqa: ANN001
    view = _open_view(ctx, qtbot)
    assert view.model.rowCount() == 0
    vid, name = _volunteers(ctx, 1)[0]
    dialog = view.open_add_dialog()
    assert not dialog.save_button.isEnabled()  # nothing chosen or typed yet
    type_into(dialog.search_edit, name)
    qtbot.waitUntil(lambda: any(
        (dialog.results.item(r).data(0x100) or (None,))[0] == vid
        for r in range(dialog.results.count())), timeout=5_000)
    row = next(r for r in range(dialog.results.count())
               if (dialog.results.item(r).data(0x100) or (None,))[0] == vid)
    dialog.results.setCurrentRow(row)
    assert dialog.volunteer == (vid, name)
    assert dialog.team_combo.currentData() is not None  # preset to the volunteer's team
    qtbot.keyClicks(dialog.hours_edit, "2.5")
    assert not dialog.save_button.isEnabled()  # the reason is still missing
    type_into(dialog.reason_edit, "社区活动补录")
    type_into(dialog.duty_edit, "重阳节敬老活动")
    dialog.team_combo.setCurrentIndex(dialog.team_combo.findData(_team(ctx, "publicity")))
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        _save(dialog)
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    assert _closed(dialog)
    assert view.model.rowCount() == 1
    entry = view.current_entry()  # the new entry is selected
    assert entry is not None and entry.volunteer_id == vid and entry.minutes == 150
    cells = _cells(view, entry.id)
    assert cells["volunteer"] == name and cells["hours"] == "2.50"
    assert cells["source"] == "手工补录" and cells["status"] == "待核实"
    assert "重阳节敬老活动" in cells["duty"] and "社区活动补录" in cells["duty"]
    assert cells["team"] == "红蜻蜓义务宣传队"
    assert view.summary.item(0, 0).text() == name and view.summary.item(0, 2).text() == "2.50"
    assert "已保存" in view.message_label.text()


def test_an_invalid_entry_shows_the_message_and_writes_nothing(ctx, qtbot) -> None:  # noqa: ANN001
    view = _open_view(ctx, qtbot)
    before = _entry_count(ctx)
    vid, name = _volunteers(ctx, 1)[0]
    dialog = view.open_add_dialog()
    dialog.choose_volunteer(vid, name)
    qtbot.keyClicks(dialog.hours_edit, "30")
    hours_error = dialog.rows["hours"].error
    assert not hours_error.isHidden() and "24" in hours_error.text()
    assert dialog.rows["reason"].error.isHidden()  # not touched yet: no nagging
    assert not dialog.save_button.isEnabled()
    dialog._on_save_clicked()  # even a forced save refuses
    assert not dialog.rows["reason"].error.isHidden()
    assert dialog.rows["reason"].error.text() == "不能为空"
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    assert _entry_count(ctx) == before and dialog.isVisible()
    # What only the core can tell (the community's clock) lands under its field too.
    dialog._on_failed(ValidationError(FieldProblem("date", "date_in_future", "2099-01-01")))
    assert dialog.rows["date"].error.text() == "是将来的日期"
    dialog.hours_edit.clear()
    qtbot.keyClicks(dialog.hours_edit, "abc")
    assert "小时" in hours_error.text()
    dialog.reject()
    assert _entry_count(ctx) == before


def test_a_correction_appears_as_a_new_entry(ctx, qtbot) -> None:  # noqa: ANN001
    (old_id,) = _seed(ctx, "patrol", 2)
    view = _open_view(ctx, qtbot)
    assert view.select_entry(old_id)
    assert view.correct_button.isEnabled()
    dialog = view.open_correct_dialog()
    assert dialog.hours_edit.text() == "2"
    dialog.hours_edit.clear()
    qtbot.keyClicks(dialog.hours_edit, "1.5")
    assert not dialog.save_button.isEnabled()  # a correction needs its reason
    qtbot.keyClicks(dialog.reason_edit, "left early")
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        _save(dialog)
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    new = view.current_entry()
    assert new is not None and new.id != old_id and new.corrects_id == old_id
    assert new.minutes == 90
    cells = _cells(view, new.id)
    assert cells["corrects"] == f"第 {old_id} 条" and cells["status"] == "待核实"
    assert view.model.row_of_id(old_id) == -1  # the corrected entry is history now
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.history_check.setChecked(True)
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    old_cells = _cells(view, old_id)
    assert old_cells["hours"] == "2.00" and str(new.id) in old_cells["status"]
    assert view.model.rowCount() == 2
    assert view.totals.unverified_minutes == 90  # only the correction counts
    with ctx.db.session() as s:
        assert [e.id for e in listing_service.entry_chain(s, old_id)] == [old_id, new.id]
    assert view.select_entry(old_id)
    assert not view.correct_button.isEnabled()  # only the newest entry can be corrected


def test_verify_a_month(ctx, qtbot) -> None:  # noqa: ANN001
    ids = _seed(ctx, "patrol", 2, n=2) + _seed(ctx, "cleanup", 1, n=1, offset=5)
    view = _open_view(ctx, qtbot)
    assert view.verify_button.isEnabled()
    dialog = view.open_verify_dialog()
    assert dialog.month == MONTH and dialog.team_id is None
    qtbot.waitUntil(lambda: dialog.pending is not None)
    assert dialog.pending == 3 and "3" in dialog.pending_label.text()
    dialog.by_edit.clear()
    qtbot.keyClicks(dialog.by_edit, " ")
    assert not dialog.save_button.isEnabled()  # someone must sign
    dialog.by_edit.clear()
    qtbot.keyClicks(dialog.by_edit, "Laowang")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        _save(dialog)
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    for eid in ids:
        cells = _cells(view, eid)
        assert cells["status"] == "已核实" and cells["verified_by"] == "Laowang"
        assert cells["verified_at"].startswith(f"{TODAY:%m-%d}")
    assert view.totals.verified_minutes == 300 and view.totals.unverified_minutes == 0
    assert "3" in view.message_label.text()
    # Nothing left to verify: the dialog says so and offers no button.
    again = view.open_verify_dialog()
    qtbot.waitUntil(lambda: again.pending is not None)
    assert again.pending == 0 and not again.save_button.isEnabled()
    again.reject()


def test_a_captain_verifies_only_their_own_team(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.hours.hours_dialog import VerifyMonthDialog
    from volunteer_app.services.hours_access import HoursAccess

    patrol, cleanup = _team(ctx, "patrol"), _team(ctx, "cleanup")
    own = _seed(ctx, "patrol", 2, n=2)
    other = _seed(ctx, "cleanup", 1, n=2, offset=5)
    ctx.db.actor = Actor(name="队长老王", role="captain", operator_id=902, team_id=patrol)
    view = _open_view(ctx, qtbot)
    qtbot.waitUntil(lambda: view.team_combo.currentData() == patrol)  # starts on their team
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    assert view.access.own_team == patrol and view.access.verify == {patrol}
    # Captains print (the PDF statement) but have no office reports (.xlsx).
    assert view.access.print and not view.access.report and view.export_button.isEnabled()
    dialog = view.open_verify_dialog()
    assert [dialog.team_combo.itemData(i) for i in range(dialog.team_combo.count())] == [patrol]
    assert dialog.by_edit.text() == "队长老王" and dialog.by_edit.isReadOnly()
    qtbot.waitUntil(lambda: dialog.pending is not None)
    assert dialog.pending == 2
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        _save(dialog)
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    with ctx.db.session() as s:
        assert all(s.get(HoursEntry, i).verified_at is not None for i in own)
        assert all(s.get(HoursEntry, i).verified_at is None for i in other)
    # Another team's entries are not even listed for this captain (issue 17: a captain is
    # kept to their team in every service, the ledger's reading too).
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.team_combo.setCurrentIndex(view.team_combo.findData(cleanup))
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    assert view.model.row_of_id(other[0]) < 0 and view.open_correct_dialog() is None

    # Whatever a form offers (here one built for an administrator), the core refuses.
    everyone = HoursAccess(frozenset({None, patrol, cleanup}), frozenset({None, patrol, cleanup}),
                           True, True, None, None)
    forged = VerifyMonthDialog(ctx, everyone, view.teams, view.months, MONTH, cleanup, view)
    qtbot.addWidget(forged)
    forged.show()
    qtbot.waitUntil(lambda: forged.pending is not None)
    assert forged.team_id == cleanup
    assert forged.pending == 0  # the captain's count does not see another team's entries
    forged.pending = 2  # as if the form were forged further: the core still refuses
    forged._update_button()
    _save(forged)
    qtbot.waitUntil(lambda: ctx.worker.pending == 0 and not forged.message_label.isHidden())
    assert "不允许" in forged.message_label.text()
    with ctx.db.session() as s:
        assert all(s.get(HoursEntry, i).verified_at is None for i in other)


def test_roles_disable_what_they_may_not_do(ctx, qtbot) -> None:  # noqa: ANN001
    (eid,) = _seed(ctx, "patrol", 1)
    ctx.db.actor = Actor(name="文员小张", role="clerk", operator_id=903)
    view = _open_view(ctx, qtbot)
    assert view.add_button.isEnabled() and view.export_button.isEnabled()
    assert not view.verify_button.isEnabled() and view.open_verify_dialog() is None
    view.select_entry(eid)
    assert view.correct_button.isEnabled() and view.certificate_button.isEnabled()


def test_reports_and_certificate(ctx, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from ui.common import file_dialogs

    ids = _seed(ctx, "patrol", 2, n=2)
    with ctx.db.session() as s:
        hs.verify(s, ids, "队长")
    view = _open_view(ctx, qtbot)
    target = tmp_path / "时长.xlsx"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a, **k: target)
    with qtbot.waitSignal(view.sig_exported, timeout=20_000):
        view.export_report()
    book = load_workbook(target)
    assert book.sheetnames == ["按志愿者", "按队伍", "明细"]
    assert "4" in view.message_label.text()  # 4 verified hours

    pdf = tmp_path / "statement.pdf"
    with qtbot.waitSignal(view.sig_exported, timeout=30_000):
        view.export_report(pdf)
    assert "志愿服务时长" in PdfReader(str(pdf)).pages[0].extract_text()

    view.select_entry(ids[0])
    assert view.certificate_button.isEnabled()
    dialog = view.open_certificate_dialog()
    assert dialog.year == TODAY.year
    cert = tmp_path / "证明.pdf"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a, **k: cert)
    with qtbot.waitSignal(view.sig_exported, timeout=30_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "志愿服务时长证明" in PdfReader(str(cert)).pages[0].extract_text()
    assert "2" in view.message_label.text()

    # No month chosen: there is no monthly report to export.
    view.month_combo.setCurrentIndex(0)
    assert not view.export_button.isEnabled()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)


@pytest.mark.parametrize("text", ["zs", "13"])
def test_search_narrows_the_ledger(ctx, qtbot, text) -> None:  # noqa: ANN001
    ids = _seed(ctx, "patrol", 1, n=3)
    view = _open_view(ctx, qtbot)
    assert view.model.rowCount() == 3
    with ctx.db.session() as s:
        expected = set(listing_service.entry_ids(s, listing_service.EntryFilter(month=MONTH, search=text)))
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.search_edit.setText(text)
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    assert set(view.model.ids) == expected and expected <= set(ids)


def test_a_large_ledger_loads_its_rows_as_they_are_shown(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.hours.hours_model import BATCH

    vols = _volunteers(ctx, 60)
    with ctx.db.session() as s:
        for n in range(BATCH * 2 + 50):
            vid, _name = vols[n % len(vols)]
            hs.add_manual(s, vid, TODAY, 1 + n % 3, "补录", "文员")
    view = _open_view(ctx, qtbot)
    model = view.model
    assert model.rowCount() == BATCH * 2 + 50
    assert model.row_for(0) is not None and model.row_for(BATCH + 10) is None  # first batch only
    assert model.index(BATCH + 10, 0).data() == "\u2026"  # shown as loading, and asked for
    qtbot.waitUntil(lambda: model.row_for(BATCH + 10) is not None, timeout=10_000)
    assert model.row_for(BATCH * 2 + 49) is None
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.row_for(BATCH * 2 + 49) is not None, timeout=10_000)
    assert view.totals.entries == BATCH * 2 + 50
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
