"""The import dialog creates the teams and grids an export names, once ticked and listed
(issue 16.6: an export did not import into an empty database)."""

from __future__ import annotations

from pathlib import Path

from volunteer_app.services import grids as grid_service
from volunteer_app.services import teams as team_service


def test_ticking_create_lists_the_new_teams_and_grids_then_imports(empty_ctx, qtbot, tmp_path: Path,
                                                                    monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from ui.registers.import_dialog import ImportDialog

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)

    path = tmp_path / "导出.csv"
    path.write_text("姓名,手机号,网格,队伍,职务\n新人甲,13600001234,3号网格,小喇叭巡逻队,队长\n"
                    "新人乙,13600005678,3号网格,小喇叭巡逻队,队员\n", encoding="utf-8")
    dialog = ImportDialog(empty_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000) as checked:
        dialog.check_file(path)
    assert checked.args == [False]  # unknown team and grid
    with qtbot.waitSignal(dialog.sig_checked, timeout=10_000) as checked:
        dialog.create_check.setChecked(True)  # checks the file again
    assert checked.args == [True]
    summary = dialog.summary_label.text()
    assert "小喇叭巡逻队" in summary and "3号网格" in summary and "新建" in summary
    with empty_ctx.db.session() as s:
        assert team_service.list_teams(s) == []  # listed, not created yet
    dialog.confirm_import()
    qtbot.waitUntil(lambda: dialog.preview is None, timeout=10_000)
    with empty_ctx.db.session() as s:
        teams = {t.name: t for t in team_service.list_teams(s)}
        assert teams["小喇叭巡逻队"].member_count == 2 and teams["小喇叭巡逻队"].captain == "新人甲"
        assert grid_service.resolve(s, "3号网格")
