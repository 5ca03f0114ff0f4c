"""Issue 18.13: the audit log shows times in the community's time zone, whatever this
machine's clock is set to, and stored codes in its change details in words."""

from __future__ import annotations

import time as systime
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from volunteer_app.models.accounts import AuditEntry
from volunteer_app.models.holidays import Holiday


@pytest.fixture
def machine_on_utc_minus_5(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """This machine's clock in UTC-5 while the community is in Asia/Shanghai (13 hours
    apart: the old code stored the machine's time)."""
    monkeypatch.setenv("TZ", "Etc/GMT+5")
    systime.tzset()
    yield
    monkeypatch.undo()
    systime.tzset()


def _open_audit(ctx, qtbot, wait_idle):  # noqa: ANN001, ANN202
    from ui.admin.audit_view import AuditView

    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    wait_idle(ctx)
    return view


def test_entries_are_stamped_and_shown_in_the_community_time(ctx, qtbot, wait_idle,  # noqa: ANN001
                                                             machine_on_utc_minus_5) -> None:
    with ctx.db.session() as s:
        s.add(Holiday(date=date(2031, 10, 1), kind="holiday", code="national_day", name="",
                      source="chinese_calendar"))
    community_now = datetime.now(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)
    with ctx.db.session() as s:
        at = s.scalar(select(AuditEntry.at).where(AuditEntry.entity == "holiday")
                      .order_by(AuditEntry.id.desc()))
    assert abs(at - community_now) < timedelta(minutes=2), (at, community_now)

    view = _open_audit(ctx, qtbot, wait_idle)
    rows = [r for r in range(view.table.rowCount()) if view.table.item(r, 3).text().startswith("节假日")]
    assert rows, "the new entry is listed although the community's day may be ahead of this machine's"
    shown = datetime.strptime(view.table.item(rows[0], 0).text(), "%Y-%m-%d %H:%M:%S")
    assert abs(shown - community_now) < timedelta(minutes=2), (shown, community_now)
    # The date filter starts at the community's today, not this machine's.
    assert view.to_edit.date().toPython() == community_now.date()


def test_change_details_show_codes_in_words(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    with ctx.db.session() as s:
        s.add(Holiday(date=date(2031, 10, 1), kind="holiday", code="national_day", name="",
                      source="chinese_calendar"))
    with ctx.db.session() as s:
        s.get(Holiday, date(2031, 10, 1)).kind = "workday"
    view = _open_audit(ctx, qtbot, wait_idle)
    texts = [view.table.item(r, 5).text() for r in range(view.table.rowCount())
             if view.table.item(r, 3).text().startswith("节假日")]
    changed, created = texts[:2]  # newest first (the demo's own holidays follow)
    assert "类型: 法定节假日 \u2192 调休上班" in changed, changed
    assert "类型: 法定节假日" in created and "国庆节" in created, created
    for text in texts:
        for code in ("workday", "national_day", "chinese_calendar"):
            assert code not in text, text
    # The demo's shift generation: its kind in words too.
    batches = [view.table.item(r, 5).text() for r in range(view.table.rowCount())
               if view.table.item(r, 3).text().startswith("班次生成批次")]
    assert batches and all("类型: 按模板生成" in t for t in batches), batches
