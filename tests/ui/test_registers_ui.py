"""The UI tests the issue asks for: add, invalid mobile, pinyin initials, team membership,
import preview of a bad file, switching language. Offscreen, through the real widgets."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from volunteer_app.services import teams as team_service
from volunteer_app.services import volunteers as vol_service
from volunteer_app.services.community import register_counts
from volunteer_app.services.volunteers import VolunteerData, VolunteerFilter


def _count(ctx) -> int:  # noqa: ANN001
    with ctx.db.session() as s:
        return vol_service.count(s, VolunteerFilter(active=None))


def _names_in_model(model) -> list[str]:  # noqa: ANN001
    rows = [model.row_for(r) for r in range(model.rowCount())]
    return [r.name for r in rows if r is not None]


def _open_volunteers(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.registers.volunteers_view import VolunteersView

    view = VolunteersView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.loaded_once)
    return view


def test_add_volunteer_through_dialog_shows_in_table(ctx, qtbot, type_into) -> None:  # noqa: ANN001
    view = _open_volunteers(ctx, qtbot)
    before = view.model.rowCount()
    dialog = view.open_add_dialog()
    qtbot.waitUntil(lambda: dialog.name_edit.isEnabled())
    assert not dialog.save_button.isEnabled()  # nothing typed yet
    type_into(dialog.name_edit, "格桑·测试")
    qtbot.keyClicks(dialog.mobile_edit, "139 1234 5678")
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    new_id = saved.args[0]
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1)
    qtbot.waitUntil(lambda: "格桑·测试" in _names_in_model(view.model))
    row = view.model.row_for(view.model.row_of_id(new_id))
    assert row.mobile == "13912345678"  # normalised by the core
    qtbot.waitUntil(lambda: view.selected_ids() == [new_id])


def test_invalid_mobile_shows_message_and_saves_nothing(ctx, qtbot, type_into) -> None:  # noqa: ANN001
    view = _open_volunteers(ctx, qtbot)
    before = _count(ctx)
    dialog = view.open_add_dialog()
    qtbot.waitUntil(lambda: dialog.name_edit.isEnabled())
    type_into(dialog.name_edit, "王测试")
    qtbot.keyClicks(dialog.mobile_edit, "1234567")
    message = dialog.error_text_for("mobile")
    assert message == "不是有效的手机号（应为以 1 开头的 11 位数字）"
    assert dialog.rows["mobile"].error.isVisible()
    assert not dialog.save_button.isEnabled()
    assert dialog.problems["mobile"].code == "mobile_invalid"
    # Forcing a save (Enter, or a click on the disabled button) writes nothing either.
    dialog._on_save_clicked()
    qtbot.keyClick(dialog.mobile_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert _count(ctx) == before
    # A registered number is reported as taken, after the worker checked it.
    with ctx.db.session() as s:
        taken = vol_service.fetch_rows(s, vol_service.query_ids(s)[:1])[0].mobile
    dialog.mobile_edit.clear()
    qtbot.keyClicks(dialog.mobile_edit, taken)
    qtbot.waitUntil(lambda: dialog.error_text_for("mobile") == "已登记给其他志愿者")
    assert not dialog.save_button.isEnabled()
    assert _count(ctx) == before


def test_pinyin_initials_search(ctx, qtbot) -> None:  # noqa: ANN001
    with ctx.db.session() as s:
        zhang = vol_service.create(s, VolunteerData(name="张三", mobile="13700001111"))
    view = _open_volunteers(ctx, qtbot)
    total = view.model.rowCount()
    qtbot.keyClicks(view.search_edit, "zs")
    qtbot.waitUntil(lambda: not view.model.busy and "张三" in _names_in_model(view.model))
    assert view.model.rowCount() < total
    with ctx.db.session() as s:
        expected = vol_service.query_ids(s, VolunteerFilter(search="zs", active=True))
    assert view.model.ids == expected
    assert zhang in view.model.ids
    # Full pinyin and phone digits find the same person; clearing shows everyone again.
    view.search_edit.setText("zhangsan")
    qtbot.waitUntil(lambda: not view.model.busy and view.model.ids == [zhang])
    view.search_edit.setText("0000111")
    qtbot.waitUntil(lambda: not view.model.busy and view.model.ids == [zhang])
    view.search_edit.clear()
    qtbot.waitUntil(lambda: not view.model.busy and view.model.rowCount() == total)


def test_team_membership_change(ctx, qtbot, wait_idle, type_into) -> None:  # noqa: ANN001
    from ui.registers.teams_view import TeamsView

    view = TeamsView(ctx)
    qtbot.addWidget(view)
    view.show()
    with ctx.db.session() as s:
        team = next(t for t in team_service.list_teams(s) if t.name == "红蜻蜓义务宣传队")
        members = {m.volunteer_id for m in team_service.members(s, team.id)}
        outsider = next(i for i in vol_service.query_ids(s) if i not in members)
        outsider_name = vol_service.get(s, outsider).name
    qtbot.waitUntil(lambda: view.current_team_id() is not None)
    assert view.select_team(team.id)
    qtbot.waitUntil(lambda: {m.volunteer_id for m in view.members} == members)

    picker = view.open_picker()
    qtbot.waitUntil(lambda: picker.model.loaded_once)
    type_into(picker.search_edit, outsider_name)
    qtbot.waitUntil(lambda: not picker.model.busy and outsider in picker.model.ids)
    index = picker.model.index(picker.model.row_of_id(outsider), 0)
    assert picker.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not picker.ok_button.isEnabled()
    picker.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert picker.chosen_ids == [outsider]
    assert picker.ok_button.isEnabled()
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outsider in {m.volunteer_id for m in view.members})

    view.select_members([outsider])
    assert view.captain_button.isEnabled()
    qtbot.mouseClick(view.captain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(m.volunteer_id == outsider and m.role == "captain"
                                for m in view.members))
    wait_idle(ctx)
    assert view.members[0].volunteer_id == outsider  # captain listed first
    with ctx.db.session() as s:
        roles = {m.volunteer_id: m.role for m in team_service.members(s, team.id)}
    assert roles[outsider] == "captain"
    assert list(roles.values()).count("captain") == 1  # the old captain became deputy

    view.select_members([outsider])
    view.remove_members(team.id, [outsider])
    qtbot.waitUntil(lambda: outsider not in {m.volunteer_id for m in view.members})
    with ctx.db.session() as s:
        assert outsider not in {m.volunteer_id for m in team_service.members(s, team.id)}


def test_import_preview_rejects_bad_file_and_writes_nothing(ctx, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from ui.registers.import_dialog import ImportDialog

    bad = tmp_path / "名单.csv"
    bad.write_text(
        "姓名,性别,手机号,身份证号,网格,队伍,职务,政治面貌,备注\n"
        "新人甲,男,13600001234,,1号网格,小喇叭巡逻队,队员,群众,\n"
        "新人乙,女,1360000,,2号网格,,,群众,\n"
        "新人丙,男,13600005678,,99号网格,不存在的队,,群众,\n",
        encoding="utf-8",
    )
    with ctx.db.session() as s:
        before = register_counts(s)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000) as checked:
        dialog.check_file(bad)
    assert checked.args == [False]
    texts = dialog.problem_texts
    assert any(t.startswith("3 | 手机号 | ") and "不是有效的手机号" in t for t in texts), texts
    assert any(t.startswith("4 | 网格 | ") and "网格不存在" in t for t in texts), texts
    assert any(t.startswith("4 | 队伍 | ") and "队伍不存在" in t for t in texts), texts
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_model.rowCount() == 3  # every row is shown, bad ones tinted
    assert dialog.preview_model.headerData(1, Qt.Orientation.Vertical) == 3
    dialog.confirm_import()  # refused: the file is not clean
    with ctx.db.session() as s:
        assert register_counts(s) == before

    good = tmp_path / "good.csv"
    good.write_text("姓名,手机号,队伍\n新人甲,13600001234,小喇叭巡逻队\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000) as checked:
        dialog.check_file(good)
    assert checked.args == [True]
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "导入 1 名志愿者"
    with ctx.db.session() as s:
        assert register_counts(s) == before  # still nothing until the clerk confirms


def test_import_writes_after_confirmation(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from ui.registers.import_dialog import ImportDialog

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    good = tmp_path / "good.csv"
    good.write_text("姓名,手机号,队伍,职务\n新人甲,13600001234,小喇叭巡逻队,副队长\n"
                    "新人乙,13600004321,,\n", encoding="utf-8")
    before = _count(ctx)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000):
        dialog.check_file(good)
    with qtbot.waitSignal(dialog.sig_imported, timeout=10_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [2]
    assert _count(ctx) == before + 2


def test_switching_language_changes_visible_strings(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.common.context import KEY_LANGUAGE
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    sidebar = window._sidebar
    assert sidebar.item(1).text() == "志愿者"
    assert window.windowTitle() == "志愿服务队排班"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    volunteers = window.screen_widget("volunteers")
    assert volunteers.add_button.text() == "新增志愿者"

    window.show_screen("settings")
    settings = window.screen_widget("settings")
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("en"))
    qtbot.waitUntil(lambda: sidebar.item(1).text() == "Volunteers")
    assert ctx.settings.value(KEY_LANGUAGE) == "en"
    assert window.windowTitle() == "Volunteer Brigade Scheduler"
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.current_screen_key == "settings"
    assert window.screen_widget("volunteers").add_button.text() == "Add volunteer"
    assert window.screen_widget("settings").language_combo.currentData() == "en"

    window.screen_widget("settings").language_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: sidebar.item(1).text() == "志愿者")
    assert window.screen_widget("volunteers").add_button.text() == "新增志愿者"


def test_import_of_a_large_file_shows_progress_and_can_be_cancelled(ctx, qtbot, tmp_path: Path,  # noqa: ANN001
                                                                     monkeypatch) -> None:  # noqa: ANN001
    from ui.registers.import_dialog import ImportDialog
    from volunteer_app.importexport import volunteers_io

    # The check is held at its first progress report until the test has looked at the
    # dialog mid-check: on a fast machine 30,000 rows are otherwise checked before it looks.
    gate = threading.Event()
    real_prepare = volunteers_io.prepare

    def held(session, path, progress=None, cancelled=None):  # noqa: ANN001, ANN202
        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)
            gate.wait(20)

        return real_prepare(session, path, progress=report, cancelled=cancelled)

    monkeypatch.setattr(volunteers_io, "prepare", held)
    big = tmp_path / "big.csv"
    lines = ["姓名,手机号,网格"] + [f"志愿者{i},13{i:09d},1号网格" for i in range(30_000)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _count(ctx)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check_file(big)
    assert dialog.busy and dialog.progress.isVisible() and dialog.cancel_task_button.isVisible()
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 30_001, timeout=10_000)  # rows known
    assert not dialog.choose_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_checked, timeout=20_000) as checked:
        qtbot.mouseClick(dialog.cancel_task_button, Qt.MouseButton.LeftButton)
        gate.set()
    assert checked.args == [False]
    assert dialog.summary_label.text() == "已取消检查，没有写入任何数据。"
    assert not dialog.progress.isVisible() and not dialog.import_button.isEnabled()
    assert _count(ctx) == before


def test_import_dialog_refuses_a_workbook_bomb_at_once(ctx, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Issue 16: the dialog's row estimate used to load the workbook (all its shared
    strings) before the check even began; a small file expanding to millions of strings
    is now refused from the zip's sizes, with the limit in the message."""
    import time
    import zipfile

    from openpyxl import Workbook

    from ui.registers.import_dialog import ImportDialog

    base = tmp_path / "base.xlsx"
    wb = Workbook()
    wb.active.append(["姓名", "手机号"])
    wb.save(base)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main">' + b"<si><t>a</t></si>" * 2_000_000 + b"</sst>")
    before = _count(ctx)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    start = time.perf_counter()
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000) as checked:
        dialog.check_file(bomb)
    assert checked.args == [False]
    assert time.perf_counter() - start < 5
    texts = dialog.problem_texts
    assert len(texts) == 1 and "100" in texts[0], texts
    assert not dialog.import_button.isEnabled()
    assert _count(ctx) == before


def test_team_and_grid_filters_survive_a_reload_of_the_lists(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    """Issue 18.7: after the team/grid lists are reloaded (e.g. a team was renamed) the
    boxes must still show the team and grid the rows are filtered by. The refill once
    reused its saved ids as loop variables and reselected the last team and grid."""
    view = _open_volunteers(ctx, qtbot)
    wait_idle(ctx)
    assert view.team_combo.count() > 3 and view.grid_combo.count() > 3
    view.team_combo.setCurrentIndex(1)
    view.grid_combo.setCurrentIndex(1)
    team_id, grid_id = view.team_combo.currentData(), view.grid_combo.currentData()
    assert view.model.filter.team_id == team_id and view.model.filter.grid_id == grid_id

    view._load_filter_lists()  # what a change to teams or grids triggers
    wait_idle(ctx)

    assert view.team_combo.currentData() == team_id
    assert view.grid_combo.currentData() == grid_id
    assert view.model.filter.team_id == team_id and view.model.filter.grid_id == grid_id
