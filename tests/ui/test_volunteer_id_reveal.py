"""The volunteer dialog shows ID numbers masked; "Show" (显示) reveals one through the
core, which records the reveal; roles without ``ids.view`` get no button; an edit with
the number untouched (masked or revealed) saves and keeps the number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from volunteer_app.models import Volunteer
from volunteer_app.models.accounts import AuditEntry
from volunteer_app.security.permissions import Actor
from volunteer_app.services import volunteers as vol_service


def _with_id(ctx) -> tuple[int, str]:  # noqa: ANN001
    with ctx.db.session() as s:
        vid = s.scalar(select(Volunteer.id).where(Volunteer.id_number_enc.is_not(None))
                       .order_by(Volunteer.id).limit(1))
        return vid, vol_service.reveal_id_number(s, vid)


def _reveals(ctx, vid: int) -> int:  # noqa: ANN001
    with ctx.db.session() as s:
        return len(s.scalars(select(AuditEntry.id).where(
            AuditEntry.action == "reveal_id", AuditEntry.entity_id == str(vid))).all())


def _dialog(ctx, qtbot, vid: int):  # noqa: ANN001, ANN202
    from ui.registers.volunteer_dialog import VolunteerDialog

    dialog = VolunteerDialog(ctx, vid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.name_edit.isEnabled(), timeout=10_000)
    return dialog


def test_reveal_is_audited_and_saving_keeps_the_number(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    vid, full = _with_id(ctx)
    before = _reveals(ctx, vid)
    dialog = _dialog(ctx, qtbot, vid)
    assert dialog.id_edit.text() == "*" * 14 + full[-4:]
    assert dialog.reveal_button.isVisible()
    # The masked number is the stored one, not an invalid entry: Save is available.
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=5_000)
    assert dialog.problems == {}
    dialog.skills_edit.setText(dialog.skills_edit.text() + "、急救")
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.id_edit.text() == full, timeout=10_000)
    wait_idle(ctx)
    assert _reveals(ctx, vid) == before + 1
    assert not dialog.reveal_button.isVisible()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.db.session() as s:
        assert vol_service.get(s, vid).skills.endswith("、急救")
        assert vol_service.reveal_id_number(s, vid) == full


def test_no_reveal_button_for_a_coordinator(ctx, qtbot) -> None:  # noqa: ANN001
    vid, full = _with_id(ctx)
    ctx.db.actor = Actor(name="coord", role="coordinator", operator_id=5)
    dialog = _dialog(ctx, qtbot, vid)
    assert dialog.id_edit.text() == "*" * 14 + full[-4:]
    assert not dialog.reveal_button.isVisible()
