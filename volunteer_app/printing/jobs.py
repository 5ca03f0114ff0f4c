"""One entry point for every printout: a request (what and for whom), prepared from a
session into plain data, then rendered anywhere (a worker thread) without the session.

The Print screen uses it: the database thread runs :func:`prepare`, a rendering thread
runs :meth:`PreparedPrint.render` with a progress callback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..errors import FieldProblem, ValidationError
from .common import Output, PrintOptions, PrintResult

KINDS = ("cards", "member_cards", "roster", "signin", "hours", "certificate")
# Phones are masked by default on what is posted or passed around in public.
DEFAULT_MASK = {"cards": False, "member_cards": False, "roster": True, "signin": True,
                "hours": False, "certificate": False}


@dataclass(frozen=True)
class PrintRequest:
    """What to print. Fields not used by ``kind`` are ignored.

    * cards: ``grid_ids`` (None = every grid), ``copies``, ``backs``
    * member_cards: ``team_id`` (None = everyone), ``volunteer_ids`` (None = all of them)
    * roster: ``week`` (any day of the ISO week), ``team_id`` or ``grid_id`` (neither = all teams)
    * signin: ``shift_ids``, or ``day`` with an optional ``team_id``
    * hours: ``month`` ("2026-12"), ``team_id``, ``volunteer_ids``, ``per_volunteer``
    * certificate: ``volunteer_ids`` (exactly one), ``year``, ``lang`` ("zh_CN" or "en");
      the date of issue is ``PrintOptions.printed_on`` (default today)
    """

    kind: str
    grid_ids: tuple[int, ...] | None = None
    copies: int = 1
    backs: bool = False
    team_id: int | None = None
    grid_id: int | None = None
    volunteer_ids: tuple[int, ...] | None = None
    week: date | None = None
    day: date | None = None
    shift_ids: tuple[int, ...] | None = None
    month: str | None = None
    per_volunteer: bool = False
    year: int | None = None
    lang: str = "zh_CN"


@dataclass(frozen=True)
class PreparedPrint:
    """A request with its data loaded: render it as often as wanted, on any thread."""

    request: PrintRequest
    data: Any
    name: str  # suggested file name, without ".pdf"
    items: int  # how many cards, duties, sheets or lines the data holds
    community: str = ""

    def render(self, out: Output, options: PrintOptions) -> PrintResult:
        """Write the PDF; ``options.mask_phones`` None means the output's default."""
        r = self.request
        if r.kind == "cards":
            from .cards import render_grid_cards

            return render_grid_cards(self.data, out, options, copies=r.copies, backs=r.backs)
        if r.kind == "member_cards":
            from .member_cards import render_member_cards

            return render_member_cards(self.data, out, options)
        if r.kind == "roster":
            from .roster import render_weekly_roster

            return render_weekly_roster(self.data, out, options)
        if r.kind == "signin":
            from .signin import render_signin_sheets

            return render_signin_sheets(self.data, out, options)
        if r.kind == "certificate":
            from .certificate import render_certificate

            totals, address = self.data
            pages = render_certificate(totals, out, community=self.community, address=address,
                                       issued_on=options.printed_on, font_path=options.font_path,
                                       lang=r.lang)
            return PrintResult(pages, 1)
        from .hours import render_hours_statement

        return render_hours_statement(self.data, out, options, month=r.month or "",
                                      community=self.community,
                                      per_volunteer=r.per_volunteer)


def prepare(session: Session, request: PrintRequest) -> PreparedPrint:
    """Load the data of ``request`` (raises ValidationError / NotFoundError)."""
    r = request
    if r.kind not in KINDS:
        raise ValidationError(FieldProblem("output", "output_invalid", r.kind))
    if r.kind == "cards":
        from .cards import grid_cards_data

        if r.copies < 1 or r.copies > 1000:
            raise ValidationError(FieldProblem("copies", "copies_invalid", r.copies))
        cards = grid_cards_data(session, r.grid_ids)
        name = "网格联系卡" if r.grid_ids is None or len(cards) != 1 else \
            f"网格联系卡-{cards[0].grid_number}号网格"
        return PreparedPrint(r, cards, name, len(cards) * r.copies)
    if r.kind == "member_cards":
        from .member_cards import member_cards_data

        cards = member_cards_data(session, r.team_id, r.volunteer_ids)
        return PreparedPrint(r, cards, "志愿者证", len(cards))
    if r.kind == "roster":
        from ..services import shifts as shift_service
        from .roster import weekly_roster_data

        if r.week is None:
            raise ValidationError(FieldProblem("week", "required", None))
        roster = weekly_roster_data(session, r.week, team_id=r.team_id, grid_id=r.grid_id)
        label = shift_service.week_label(roster.monday)
        title = roster.sections[0].title if len(roster.sections) == 1 else "全部队伍"
        duties = sum(1 for s in roster.sections for row in s.rows for c in row.cells if c)
        return PreparedPrint(r, roster, f"值班表-{title}-{label}", duties)
    if r.kind == "signin":
        from .signin import signin_sheets_data

        if r.shift_ids:
            sheets = [s for sid in r.shift_ids for s in signin_sheets_data(session, shift_id=sid)]
            day = sheets[0].date if sheets else r.day
        elif r.day is not None:
            sheets = signin_sheets_data(session, day=r.day, team_id=r.team_id)
            day = r.day
        else:
            raise ValidationError(FieldProblem("date", "required", None))
        return PreparedPrint(r, sheets, f"签到表-{day.isoformat() if day else ''}", len(sheets))
    if r.kind == "certificate":
        return _prepare_certificate(session, r)
    from ..services import hours as hours_service
    from .hours import community_name, hours_lines

    if not r.month:
        raise ValidationError(FieldProblem("month", "required", None))
    hours_service.month_bounds(r.month)
    lines = hours_lines(session, r.month, r.team_id)
    if r.volunteer_ids is not None:
        wanted = set(r.volunteer_ids)
        lines = [x for x in lines if x.volunteer_id in wanted]
    return PreparedPrint(r, lines, f"志愿服务时长-{r.month}", len(lines),
                         community=community_name(session))


def _prepare_certificate(session: Session, r: PrintRequest) -> PreparedPrint:
    """A volunteer's verified hours of a year (the core checks ``hours.report``)."""
    from ..services import hours_reports as report_service
    from ..services.community import get_community

    if not r.volunteer_ids or len(r.volunteer_ids) != 1:
        raise ValidationError(FieldProblem("volunteer", "required", r.volunteer_ids))
    if r.year is None:
        raise ValidationError(FieldProblem("year", "required", None))
    totals = report_service.yearly_totals(session, r.volunteer_ids[0], r.year)
    community = get_community(session)
    return PreparedPrint(r, (totals, community.address),
                         f"志愿服务时长证明-{totals.name}-{totals.year}", 1,
                         community=community.name)
