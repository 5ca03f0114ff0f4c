"""The print-job entry point the Print screen uses: prepare from a session, render anywhere."""

from __future__ import annotations

import io
from datetime import date

import pytest
from test_printing_support import needs_font, pdf_text

from volunteer_app.db import Database
from volunteer_app.errors import NotFoundError, ValidationError
from volunteer_app.printing import PrintOptions
from volunteer_app.printing.jobs import DEFAULT_MASK, KINDS, PrintRequest, prepare
from volunteer_app.services import shifts as shift_service
from volunteer_app.services import teams as team_service

pytestmark = needs_font


def test_every_kind_prepares_and_renders(demo_db: Database) -> None:
    today = date.today()
    with demo_db.session() as s:
        patrol = team_service.resolve(s, "小喇叭巡逻队")
        members = team_service.members(s, patrol)[:3]
        shifts = shift_service.list_shifts(s, today, today)
        requests = [
            PrintRequest("cards", grid_ids=None, copies=2),
            PrintRequest("member_cards", team_id=patrol,
                         volunteer_ids=tuple(m.volunteer_id for m in members)),
            PrintRequest("roster", week=today, team_id=patrol),
            PrintRequest("signin", shift_ids=tuple(x.id for x in shifts[:2])),
            PrintRequest("hours", month=today.strftime("%Y-%m"), team_id=patrol),
            PrintRequest("certificate", volunteer_ids=(members[0].volunteer_id,),
                         year=today.year),
        ]
        prepared = [prepare(s, r) for r in requests]
    assert [p.request.kind for p in prepared] == list(KINDS)
    assert prepared[0].items == 22 and prepared[1].items == 3
    assert prepared[2].name.startswith("值班表-小喇叭巡逻队-")
    for p in prepared:
        buf = io.BytesIO()
        result = p.render(buf, PrintOptions(mask_phones=DEFAULT_MASK[p.request.kind]))
        assert result.pages >= 1
        assert pdf_text(buf.getvalue())
    text = pdf_text(_bytes(prepared[1]))
    assert all(m.name in text for m in members)


def _bytes(p) -> bytes:  # noqa: ANN001
    buf = io.BytesIO()
    p.render(buf, PrintOptions())
    return buf.getvalue()


def test_bad_requests(demo_db: Database) -> None:
    with demo_db.session() as s:
        with pytest.raises(ValidationError):
            prepare(s, PrintRequest("posters"))
        with pytest.raises(ValidationError):
            prepare(s, PrintRequest("cards", copies=0))
        with pytest.raises(ValidationError):
            prepare(s, PrintRequest("hours", month="2026-13"))
        with pytest.raises(ValidationError):
            prepare(s, PrintRequest("roster"))
        with pytest.raises(NotFoundError):
            prepare(s, PrintRequest("signin", shift_ids=(999999,)))


def test_printing_needs_a_logged_in_operator_when_accounts_are_on(demo_db: Database) -> None:
    from volunteer_app.security.permissions import LoginRequired

    today = date.today()
    for request in (PrintRequest("cards"), PrintRequest("member_cards"),
                    PrintRequest("roster", week=today), PrintRequest("signin", day=today),
                    PrintRequest("hours", month=today.strftime("%Y-%m"))):
        with demo_db.session() as s:
            s.info["accounts_enabled"] = True  # as if accounts were on and nobody logged in
            with pytest.raises(LoginRequired):
                prepare(s, request)
