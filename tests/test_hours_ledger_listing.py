"""Listing the hours ledger for a screen: ids in ledger order with filters (month, team,
volunteer search, verified, corrected entries), rows fetched by id, per-volunteer totals,
and the field checks a form runs before saving."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from volunteer_app.errors import ValidationError
from volunteer_app.models import Team, Volunteer
from volunteer_app.security.permissions import Actor, LoginRequired
from volunteer_app.services import hours as hs
from volunteer_app.services import hours_listing as listing_service

NOW = datetime(2026, 12, 31, 12, 0)


def _team(s, kind: str) -> int:  # noqa: ANN001
    return s.scalar(select(Team.id).where(Team.kind == kind))


def _vol(s, name: str, mobile: str) -> int:  # noqa: ANN001
    from volunteer_app.services import volunteers as vs

    return vs.create(s, vs.VolunteerData(name=name, mobile=mobile))


@pytest.fixture
def ledger(demo_db):  # noqa: ANN001, ANN201
    """Three volunteers with entries in November and December, one verified, one corrected."""
    with demo_db.session() as s:
        patrol, cleanup = _team(s, "patrol"), _team(s, "cleanup")
        zhang = _vol(s, "张三丰", "13900000001")
        li = _vol(s, "李四", "13900000002")
        wang = _vol(s, "王五", "13900000003")
        ids = {
            "zhang_dec": hs.add_manual(s, zhang, date(2026, 12, 5), 2, "活动", "文员", team_id=patrol, now=NOW),
            "zhang_nov": hs.add_manual(s, zhang, date(2026, 11, 20), 1.5, "活动", "文员", team_id=patrol, now=NOW),
            "li_dec": hs.add_manual(s, li, date(2026, 12, 7), 3, "清扫", "文员", team_id=cleanup, now=NOW),
            "wang_dec": hs.add_manual(s, wang, date(2026, 12, 7), 1, "宣传", "文员", now=NOW),
        }
        hs.verify(s, [ids["zhang_dec"]], "队长", now=NOW)
        ids["li_fix"] = hs.correct(s, ids["li_dec"], 2.5, "记错了", "文员", now=NOW)
    return demo_db, {"zhang": zhang, "li": li, "wang": wang, "patrol": patrol,
                     "cleanup": cleanup}, ids


def test_entry_ids_in_ledger_order_with_filters(ledger) -> None:  # noqa: ANN001
    db, who, ids = ledger
    with db.session() as s:
        # Newest day first; on one day by pinyin (李 before 王); corrected entries hidden.
        assert listing_service.entry_ids(s, listing_service.EntryFilter(month="2026-12")) == [
            ids["li_fix"], ids["wang_dec"], ids["zhang_dec"]]
        assert listing_service.entry_ids(s, listing_service.EntryFilter(month="2026-12", include_superseded=True)) == [
            ids["li_dec"], ids["li_fix"], ids["wang_dec"], ids["zhang_dec"]]
        assert listing_service.entry_ids(s, listing_service.EntryFilter(team_id=who["patrol"])) == [
            ids["zhang_dec"], ids["zhang_nov"]]
        assert listing_service.entry_ids(s, listing_service.EntryFilter(verified=True)) == [ids["zhang_dec"]]
        assert ids["zhang_dec"] not in listing_service.entry_ids(s, listing_service.EntryFilter(verified=False))
        # The register's search: initials, pinyin, phone digits, several words.
        assert listing_service.entry_ids(s, listing_service.EntryFilter(search="zsf")) == [ids["zhang_dec"], ids["zhang_nov"]]
        assert listing_service.entry_ids(s, listing_service.EntryFilter(search="lisi", month="2026-12")) == [ids["li_fix"]]
        assert listing_service.entry_ids(s, listing_service.EntryFilter(search="0000003")) == [ids["wang_dec"]]
        assert listing_service.entry_ids(s, listing_service.EntryFilter(search="zsf 0000002")) == []
        assert listing_service.entry_ids(s, listing_service.EntryFilter(search="100%_")) == []  # wildcards are literal
        # list_entries answers the same filter with full rows.
        rows = listing_service.list_entries(s, listing_service.EntryFilter(search="zsf"))
        assert [r.id for r in rows] == [ids["zhang_dec"], ids["zhang_nov"]]
        with pytest.raises(ValidationError):
            listing_service.entry_ids(s, listing_service.EntryFilter(month="2026-13"))


def test_fetch_entries_keeps_the_order_asked_for(ledger) -> None:  # noqa: ANN001
    db, who, ids = ledger
    with db.session() as s:
        rows = listing_service.fetch_entries(s, [ids["wang_dec"], ids["li_dec"], 999_999, ids["li_fix"]])
        assert [r.id for r in rows] == [ids["wang_dec"], ids["li_dec"], ids["li_fix"]]
        old, new = rows[1], rows[2]
        assert old.superseded_by == new.id and new.corrects_id == old.id
        assert (new.minutes, new.reason, new.team_id) == (150, "记错了", who["cleanup"])
        assert rows[0].team is None and rows[0].volunteer == "王五"
        assert listing_service.fetch_entries(s, []) == []


def test_ledger_totals_count_only_current_entries(ledger) -> None:  # noqa: ANN001
    db, who, ids = ledger
    with db.session() as s:
        totals = listing_service.ledger_totals(s, listing_service.EntryFilter(month="2026-12", include_superseded=True))
        by_name = {t.name: t for t in totals.volunteers}
        assert list(by_name) == ["李四", "王五", "张三丰"]  # pinyin order
        assert (by_name["张三丰"].verified_minutes, by_name["张三丰"].unverified_minutes) == (120, 0)
        # The corrected 3 h no longer count; the correction's 2.5 h await verification.
        assert (by_name["李四"].verified_minutes, by_name["李四"].unverified_minutes,
                by_name["李四"].entries) == (0, 150, 1)
        assert (totals.verified_minutes, totals.unverified_minutes, totals.entries) == (120, 210, 3)
        assert totals.hours == 2.0 and totals.unverified_hours == 3.5
        assert listing_service.ledger_totals(s, listing_service.EntryFilter(month="2026-12")) == totals
        zhang = listing_service.ledger_totals(s, listing_service.EntryFilter(search="zsf"))
        assert [(t.name, t.verified_minutes, t.unverified_minutes) for t in zhang.volunteers] == [
            ("张三丰", 120, 90)]
        # A voiding correction (0 hours) takes the entry out of every total.
        hs.correct(s, ids["wang_dec"], 0, "没来", "文员", now=NOW)
        after = listing_service.ledger_totals(s, listing_service.EntryFilter(month="2026-12"))
        assert [t.name for t in after.volunteers] == ["李四", "张三丰"]
        assert listing_service.ledger_totals(s, listing_service.EntryFilter(month="2027-01")).volunteers == ()


def test_listing_needs_a_login_when_accounts_are_on(ledger) -> None:  # noqa: ANN001
    from volunteer_app.security import accounts

    db, who, ids = ledger
    with db.session() as s:
        accounts.enable_accounts(s, "admin", "geheim-123")
    with pytest.raises(LoginRequired), db.session() as s:
        listing_service.entry_ids(s)
    db.actor = Actor(name="队长", role="captain", operator_id=99, team_id=who["patrol"])
    with db.session() as s:
        # Every role may read the ledger; a captain their own team's entries only (issue 17).
        assert set(listing_service.entry_ids(s)) == {ids["zhang_dec"], ids["zhang_nov"]}


def test_field_checks_match_what_saving_refuses(demo_db) -> None:  # noqa: ANN001
    values, problems = hs.check_manual("1,5", " 活动补录 ", "巡逻")
    assert problems == [] and values == {"minutes": 90, "reason": "活动补录", "duty": "巡逻"}
    _values, problems = hs.check_manual("25", "", "x" * 201)
    assert {(p.field, p.code) for p in problems} == {
        ("hours", "hours_too_many"), ("reason", "required"), ("duty", "too_long")}
    _values, problems = hs.check_manual("0", "r")
    assert [(p.field, p.code) for p in problems] == [("hours", "hours_invalid")]
    values, problems = hs.check_correction("0", "没来")
    assert problems == [] and values["minutes"] == 0
    _values, problems = hs.check_correction("abc", " ")
    assert {(p.field, p.code) for p in problems} == {("hours", "hours_invalid"), ("reason", "required")}
    with demo_db.session() as s:
        vid = s.scalar(select(Volunteer.id).limit(1))
        with pytest.raises(ValidationError) as exc:
            hs.add_manual(s, vid, date(2026, 12, 1), "25", "", "文员", now=NOW)
        assert {(p.field, p.code) for p in exc.value.problems} == {
            ("hours", "hours_too_many"), ("reason", "required")}
