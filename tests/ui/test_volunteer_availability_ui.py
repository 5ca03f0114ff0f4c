"""A volunteer's windows, leave and limits open from the register (issue 18, point 5).

They were reachable only from the planner's candidate list of some shift; a clerk told
"I am away next month" looks the person up in the register.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint

from volunteer_app.services import availability as avail


def _open_volunteers(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.registers.volunteers_view import VolunteersView

    view = VolunteersView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.loaded_once)
    return view


def test_the_register_opens_the_availability_of_the_selected_volunteer(ctx, qtbot) -> None:  # noqa: ANN001
    view = _open_volunteers(ctx, qtbot)
    view.table.clearSelection()
    qtbot.waitUntil(lambda: not view.availability_button.isEnabled())
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.availability_button.isEnabled())
    row = view.model.row_for(0)
    view.availability_button.click()
    dialog = view.availability_dialog
    assert dialog is not None and dialog.volunteer_id == row.id
    assert row.name in dialog.windowTitle()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.week_spin.setValue(2)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    with ctx.db.session() as s:
        assert avail.get_availability(s, row.id).max_per_week == 2
    dialog.close()


def test_several_selected_volunteers_offer_no_availability(ctx, qtbot) -> None:  # noqa: ANN001
    view = _open_volunteers(ctx, qtbot)
    assert view.model.rowCount() >= 2
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.availability_button.isEnabled())
    view.table.selectAll()
    qtbot.waitUntil(lambda: not view.availability_button.isEnabled())
    view._on_availability_clicked()
    assert view.availability_dialog is None


def test_the_context_menu_offers_it(ctx, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMenu

    view = _open_volunteers(ctx, qtbot)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.availability_button.isEnabled())
    seen: list[tuple[str, bool]] = []

    class Menu(QMenu):  # records the entries instead of showing a blocking popup
        def exec(self, *_args: object) -> None:  # noqa: A003
            seen.extend((a.text(), a.isEnabled()) for a in self.actions())

    monkeypatch.setattr("ui.registers.volunteers_view.QMenu", Menu)
    view._on_table_context_menu(QPoint(5, 5))
    assert (view.availability_button.text(), True) in seen


def test_a_role_without_availability_edit_sees_it_disabled(ctx, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from ui.common import roles

    real = roles.can
    monkeypatch.setattr(roles, "can", lambda c, action: action != "availability.edit" and real(c, action))
    view = _open_volunteers(ctx, qtbot)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.edit_button.isEnabled())
    assert not view.availability_button.isEnabled() and view.availability_button.toolTip()
    view._on_availability_clicked()
    assert view.availability_dialog is None


def test_the_volunteer_dialog_opens_it_for_an_existing_volunteer(ctx, qtbot) -> None:  # noqa: ANN001
    view = _open_volunteers(ctx, qtbot)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.edit_button.isEnabled())
    row = view.model.row_for(0)
    assert view.open_add_dialog().availability_button is None  # nobody to plan yet
    view.dialog.reject()
    qtbot.waitUntil(lambda: view.dialog is None)
    dialog = view.open_edit_dialog(row.id)
    qtbot.waitUntil(lambda: dialog.name_edit.text() == row.name)
    dialog.availability_button.click()
    assert dialog.availability_dialog.volunteer_id == row.id
    assert row.name in dialog.availability_dialog.windowTitle()
    dialog.availability_dialog.close()
