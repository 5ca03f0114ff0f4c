"""Render every main screen of the real window with the demo community to PNG files.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python -m tools.screenshots docs/screenshots

(``make screenshots``). A demo database and the settings live in a temporary folder, so the
clerk's own files are never touched. Besides the sidebar screens it captures a few dialogs
that show what the registers do: inline validation, the import preview, the member picker,
and an auto-fill proposal; then every sidebar screen again at 1366×768 (the most common
office resolution) in Chinese and in English (``1366-zh-*.png``, ``1366-en-*.png``).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

SIZE = (1440, 880)


def _pump(app, seconds: float) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _pump_until(app, done, seconds: float) -> None:  # noqa: ANN001
    """Process events until ``done()`` or ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def _settle(app, ctx, seconds: float = 0.6) -> None:  # noqa: ANN001
    """Let queued database work finish and the widgets repaint."""
    _pump_until(app, lambda: not ctx.worker.pending, 20)
    _pump(app, seconds)
    _pump_until(app, lambda: not ctx.worker.pending, 20)


def _save(widget, path: Path) -> None:  # noqa: ANN001
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    """Write the PNGs into the folder given (default docs/screenshots)."""
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0] if argv else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="volunteer-screens-"))
    os.environ["VOLUNTEER_APP_CONFIG"] = str(tmp / "config")
    os.environ["VOLUNTEER_APP_DATA"] = str(tmp / "data")

    from ui.app import create_application
    from ui.common.context import AppContext, make_settings
    from ui.common.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.screens import SCREENS
    from volunteer_app.db import open_database
    from volunteer_app.demo import load_demo
    from volunteer_app.paths import sqlite_url

    app = create_application()
    install_translators("zh_CN")
    db = open_database(sqlite_url(tmp / "demo.db"))
    with db.session() as s:
        load_demo(s)
    ctx = AppContext(db, make_settings())
    window = MainWindow(ctx)
    ctx.setParent(window)
    window.resize(*SIZE)
    window.show()
    _settle(app, ctx, 1.0)

    for n, spec in enumerate(SCREENS, start=1):
        if spec.key == "hours":  # after the schedule's screenshot, which shows the plan
            _demo_hours(window, db)
        window.show_screen(spec.key)
        _settle(app, window.ctx, 1.2)
        if spec.key == "teams":  # a branch team with members is more telling
            teams = window.screen_widget("teams")
            for item in teams._all_items():
                if item.text(0) == "爱骑志愿服务队":
                    teams.tree.setCurrentItem(item)
            _settle(app, window.ctx)
        _save(window, out / f"{n:02d}-{spec.key}.png")

    # The register searched by pinyin initials.
    window.show_screen("volunteers")
    view = window.screen_widget("volunteers")
    view.search_edit.setText("zx")
    _settle(app, window.ctx)
    _save(window, out / "volunteers-search.png")
    view.search_edit.clear()
    _settle(app, window.ctx)

    # The add dialog with an invalid mobile number: the message under the field.
    dialog = view.open_add_dialog()
    _settle(app, window.ctx)
    dialog.name_edit.setText("格桑·伦珠")
    dialog.mobile_edit.setText("1380013800")
    dialog._on_field_edited("name")
    dialog._on_field_edited("mobile")
    dialog.id_edit.setText("110101199003071234")
    dialog._on_field_edited("id_number")
    _settle(app, window.ctx)
    _save(dialog, out / "volunteer-dialog.png")
    dialog.reject()

    # The import preview of a file with mistakes: every bad row and its reason.
    from ui.registers.import_dialog import ImportDialog

    sample = tmp / "名单.csv"
    sample.write_text(
        "姓名,性别,手机号,身份证号,网格,队伍,职务,政治面貌,备注\n"
        "索朗次仁,男,13908912345,,1号网格,小喇叭巡逻队,队员,群众,\n"
        "李秀英,女,1390891,,2号网格,红蜻蜓义务宣传队,队员,中共党员,\n"
        "央金卓玛,女,13908915678,540102199001011234,3号网格,点赞联盟文明劝导队,队员,群众,\n"
        "王建国,男,13908919999,,12号网格,小喇叭巡逻队,组长,群众,\n"
        "扎西,男,13908912345,,4号网格,爱骑志愿服务队,队员,群众,美团外卖\n",
        encoding="utf-8",
    )
    importer = ImportDialog(window.ctx, window)
    importer.show()
    importer.check_file(sample)
    _settle(app, window.ctx)
    _save(importer, out / "import-preview.png")
    importer.reject()

    # Adding members to a team through the searchable picker (ticks survive a new search).
    from PySide6.QtCore import Qt

    window.show_screen("teams")
    teams = window.screen_widget("teams")
    _settle(app, window.ctx)
    for item in teams._all_items():
        if item.text(0) == "红蜻蜓义务宣传队":
            teams.tree.setCurrentItem(item)
    _settle(app, window.ctx)
    picker = teams.open_picker()
    _settle(app, window.ctx)
    picker.search_edit.setText("zhuoma")
    _settle(app, window.ctx)
    pickable = [picker.model.id_at(r) for r in range(picker.model.rowCount())
                if picker.model.flags(picker.model.index(r, 0)) & Qt.ItemFlag.ItemIsUserCheckable]
    for vid in pickable[:2]:
        picker.model.set_checked(vid, True)
    picker.search_edit.setText("ci")
    _settle(app, window.ctx)
    pickable = [picker.model.id_at(r) for r in range(picker.model.rowCount())
                if picker.model.flags(picker.model.index(r, 0)) & Qt.ItemFlag.ItemIsUserCheckable]
    for vid in pickable[:2]:
        picker.model.set_checked(vid, True)
    _settle(app, window.ctx)
    _save(picker, out / "member-picker.png")
    picker.reject()

    # A manual hours entry with a mistake: the message under the field, Save disabled.
    window.show_screen("hours")
    hours = window.screen_widget("hours")
    _settle(app, window.ctx)
    entry = hours.open_add_dialog()
    _settle(app, window.ctx)
    entry.results.setCurrentRow(2)
    entry.hours_edit.setText("30")
    entry.duty_edit.setText("重阳节敬老活动")
    for key in ("hours", "duty", "reason"):
        entry._on_field_edited(key)
    _settle(app, window.ctx)
    _save(entry, out / "hours-entry-dialog.png")
    entry.reject()

    # Auto-fill of next week: the proposal as a diff against what is already planned.
    from datetime import date, timedelta

    from ui.planner.autofill_dialog import AutofillDialog
    from volunteer_app.services.shifts import monday_of

    fill = AutofillDialog(window.ctx, monday_of(date.today()) + timedelta(days=7), parent=window)
    fill.show()
    _pump_until(app, lambda: fill.outcome is not None, 120)  # the solve runs on a thread
    _settle(app, window.ctx)
    _save(fill, out / "autofill-proposal.png")
    fill.reject()

    _replanning_dialogs(app, window, db, out)

    _small_screen_pass(app, window, out)

    window.close()
    _pump(app, 0.2)
    return 0


def _replanning_dialogs(app, window, db, out: Path) -> None:  # noqa: ANN001
    """The week's re-planning (issue 18): the duties a leave covers, offered for release;
    what a new holiday does to the generated duties; the history of batches with undo."""
    from datetime import date, timedelta

    from ui.planner.batch_history_dialog import BatchHistoryDialog
    from ui.planner.holiday_effects_dialog import HolidayEffectsDialog
    from ui.planner.released_duties_dialog import ReleasedDutiesDialog
    from volunteer_app.services import holiday_changes, replan
    from volunteer_app.services import shifts as shift_service

    next_monday = shift_service.monday_of(date.today()) + timedelta(days=7)
    with db.session() as s:
        week = shift_service.week_plan(s, next_monday)
        row, a = next((r, a) for r in week.shifts for a in r.on_shift if a.status in ("planned", "confirmed"))
        first, last = row.date, row.date + timedelta(days=2)
        held = [(a.volunteer_id, a.name, d) for d in replan.held_duties(s, a.volunteer_id, first, last)]
        # Next Wednesday becomes a holiday: the generated weekday duties on it would go.
        wednesday = next_monday + timedelta(days=2)
        effects = holiday_changes.holiday_change_effects(
            s, [holiday_changes.HolidayEdit(wednesday, "holiday", "临时休假")])
    intro = ReleasedDutiesDialog.leave_intro(a.name, first, last)
    released = ReleasedDutiesDialog(window.ctx, intro, held, lambda _s: None, window)
    released.show()
    _settle(app, window.ctx)
    _save(released, out / "replan-after-leave.png")
    released.reject()

    preview = HolidayEffectsDialog(effects, window)
    preview.show()
    _settle(app, window.ctx)
    _save(preview, out / "holiday-change-preview.png")
    preview.reject()

    history = BatchHistoryDialog(window.ctx, window)
    history.show()
    _pump_until(app, lambda: history.table.rowCount() > 0 or history.message.text() != "", 30)
    _settle(app, window.ctx)
    _save(history, out / "batch-history.png")
    history.reject()


# The most common office resolution (issue 18.14): every main screen must be usable there,
# in both languages. The window fills the screen (no room is kept for a task bar: what
# matters here is the width, which elided the planner's buttons and week title).
SMALL_SIZE = (1366, 768)


def _small_screen_pass(app, window, out: Path, keys: tuple[str, ...] = ()) -> None:  # noqa: ANN001
    """Every sidebar screen (or those of ``keys``) at :data:`SMALL_SIZE` in Chinese and
    English: ``1366-zh-NN-key.png`` and ``1366-en-NN-key.png``."""
    from ui.common.i18n import install_translators
    from ui.screens import SCREENS

    window.resize(*SMALL_SIZE)
    for language, tag in (("zh_CN", "zh"), ("en", "en")):
        install_translators(language)
        window.rebuild()
        _settle(app, window.ctx, 1.0)
        for n, spec in enumerate(SCREENS, start=1):
            if keys and spec.key not in keys:
                continue
            window.show_screen(spec.key)
            _settle(app, window.ctx, 0.8)
            _save(window, out / f"1366-{tag}-{n:02d}-{spec.key}.png")
    install_translators("zh_CN")
    window.rebuild()
    _settle(app, window.ctx)


def _demo_hours(window, db) -> None:  # noqa: ANN001
    """The hours of the duties served this week (the demo marks them completed), most of
    them verified by their team's captain, a few hours entered by hand, one correction and
    one voided entry, so that the hours screen shows what a month looks like."""
    from datetime import timedelta

    from sqlalchemy import select

    from volunteer_app import clock
    from volunteer_app.models import Membership, Volunteer
    from volunteer_app.models.shifts import Assignment, Shift
    from volunteer_app.services import checkin as checkin_service
    from volunteer_app.services import hours as hs

    with db.session() as s:
        now = clock.local_now(s)
        captains = dict(s.execute(
            select(Membership.team_id, Volunteer.name).join(Volunteer, Volunteer.id == Membership.volunteer_id)
            .where(Membership.role == "captain")).all())
        served = s.execute(
            select(Assignment.id, Shift.id, Shift.team_id).join(Shift, Shift.id == Assignment.shift_id)
            .where(Assignment.status == "completed").order_by(Shift.date, Shift.start_time, Assignment.id)
        ).all()
        entries = []
        for assignment_id, _shift_id, _team_id in served:
            entries.extend(checkin_service.sync_assignment(s, assignment_id, "社区文员", now=now).entries_created)
        for n, shift_id in enumerate(dict.fromkeys(sid for _a, sid, _t in served)):
            team_id = next(t for _a, sid, t in served if sid == shift_id)
            if n % 5 != 2 and team_id in captains:  # a few sheets are not signed yet
                checkin_service.verify_shift(s, shift_id, captains[team_id], now=now)
        if len(entries) > 4:
            hs.correct(s, entries[-3], 1.5, "提前一小时离开", "社区文员", now=now)
            hs.correct(s, entries[-4], 0, "签到表记错，当天未到岗", "社区文员", now=now)
        day = max(now.date().replace(day=1), now.date() - timedelta(days=2))
        for vid in s.scalars(select(Volunteer.id).where(Volunteer.active.is_(True))
                             .order_by(Volunteer.id.desc()).limit(3)):
            hs.add_manual(s, vid, day, 3, "活动未排班，按签到表补录", "社区文员",
                          duty="垃圾分类宣传活动", now=now)
    window.ctx.notify_changed("hours")


if __name__ == "__main__":
    sys.exit(main())
