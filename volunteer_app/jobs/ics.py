"""iCalendar (RFC 5545) export of a volunteer's or a team's duties, for phone calendars.

Times are written with ``TZID`` of the community's zone and a ``VTIMEZONE`` built from
the zone's real transitions (Asia/Shanghai has none since 1991: one STANDARD block), or,
with ``utc=True``, in UTC. Lines end in CRLF, are folded at 75 octets without splitting a
UTF-8 character, and text values are escaped (backslash, semicolon, comma, newline).

UIDs are stable (``shift-12-v34@volunteer-app``), and ``SEQUENCE`` is the shift's version,
so importing a newer export updates events in the phone's calendar instead of doubling
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import community_zone
from ..errors import NotFoundError
from ..models import Team, Volunteer
from ..parsing import parse_optional_date
from ..security.permissions import require
from ..validation import mask_mobile
from .duties import DutyShift, load_duties, load_shifts
from .reminders import Duty

PRODID = "-//volunteer-app//Volunteer brigade scheduler 1.0//ZH"
UID_DOMAIN = "volunteer-app"
MAX_OCTETS = 75
CRLF = "\r\n"
# Default export range: a week back (recent history) and a year ahead.
DEFAULT_DAYS_BACK = 7
DEFAULT_DAYS_AHEAD = 366


@dataclass(frozen=True)
class Event:
    """One VEVENT; ``begins``/``ends`` are naive local times in the calendar's zone."""

    uid: str
    sequence: int
    begins: datetime
    ends: datetime
    summary: str
    location: str = ""
    description: str = ""
    alarms_minutes: tuple[int, ...] = ()


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size = " ", 1  # continuation lines start with one space
        current += ch
        size += n
    out.append(current)
    return CRLF.join(out)


def _utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    hh, rest = divmod(seconds, 3600)
    mm, ss = divmod(rest, 60)
    return f"{sign}{hh:02d}{mm:02d}" + (f"{ss:02d}" if ss else "")


def _transitions(tz: ZoneInfo, first: date, last: date) -> list[tuple[datetime, timedelta, timedelta, bool, str]]:
    """(UTC instant, offset before, offset after, is_dst after, name after) in the range."""
    out = []
    step = timedelta(days=1)
    cursor = datetime(first.year, first.month, first.day, tzinfo=timezone.utc)
    end = datetime(last.year, last.month, last.day, tzinfo=timezone.utc) + step
    before = cursor.astimezone(tz).utcoffset()
    while cursor < end:
        nxt = cursor + step
        after = nxt.astimezone(tz).utcoffset()
        if after != before:
            low, high = cursor, nxt  # bisect to the second of the change
            while high - low > timedelta(seconds=1):
                mid = low + (high - low) / 2
                if mid.astimezone(tz).utcoffset() == before:
                    low = mid
                else:
                    high = mid
            local = high.astimezone(tz)
            out.append((high, before, after, bool(local.dst()), local.tzname() or ""))
            before = after
        cursor = nxt
    return out


def vtimezone(tz: ZoneInfo, first: date, last: date) -> list[str]:
    """VTIMEZONE lines for the zone, covering the years from ``first`` to ``last``."""
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tz.key}"]
    changes = _transitions(tz, date(first.year - 1, 1, 1), date(last.year + 1, 12, 31))
    if not changes:
        probe = datetime(first.year, 1, 1, tzinfo=tz)
        off = _offset(probe.utcoffset())
        lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", f"TZOFFSETFROM:{off}",
                  f"TZOFFSETTO:{off}", f"TZNAME:{escape_text(probe.tzname() or tz.key)}",
                  "END:STANDARD"]
    for instant, before, after, dst, name in changes:
        kind = "DAYLIGHT" if dst else "STANDARD"
        # DTSTART of an observance is the local time of the change in the old offset.
        start = (instant + before).replace(tzinfo=None)
        lines += [f"BEGIN:{kind}", f"DTSTART:{_local(start)}", f"TZOFFSETFROM:{_offset(before)}",
                  f"TZOFFSETTO:{_offset(after)}", f"TZNAME:{escape_text(name)}", f"END:{kind}"]
    lines.append("END:VTIMEZONE")
    return lines


def calendar(events: Sequence[Event], *, name: str, tz: ZoneInfo, stamp: datetime,
             utc: bool = False) -> str:
    """A complete VCALENDAR as text (CRLF line ends). ``stamp`` is the export time (aware)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"]
    if not utc:
        lines.append(f"X-WR-TIMEZONE:{tz.key}")
        if events:
            lines += vtimezone(tz, min(e.begins for e in events).date(),
                               max(e.ends for e in events).date())
    dtstamp = _utc(stamp)
    for e in events:
        if utc:
            start = f"DTSTART:{_utc(e.begins.replace(tzinfo=tz))}"
            end = f"DTEND:{_utc(e.ends.replace(tzinfo=tz))}"
        else:
            start = f"DTSTART;TZID={tz.key}:{_local(e.begins)}"
            end = f"DTEND;TZID={tz.key}:{_local(e.ends)}"
        lines += ["BEGIN:VEVENT", f"UID:{e.uid}", f"DTSTAMP:{dtstamp}", start, end,
                  f"SEQUENCE:{e.sequence}", f"SUMMARY:{escape_text(e.summary)}"]
        if e.location:
            lines.append(f"LOCATION:{escape_text(e.location)}")
        if e.description:
            lines.append(f"DESCRIPTION:{escape_text(e.description)}")
        lines.append("STATUS:CONFIRMED")
        for minutes in e.alarms_minutes:
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY",
                      f"DESCRIPTION:{escape_text(e.summary)}", f"TRIGGER:-PT{minutes}M",
                      "END:VALARM"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return CRLF.join(fold(line) for line in lines) + CRLF


# ---------------------------------------------------------------------------- duties


def _place(grid: str | None, location: str) -> str:
    return " ".join(x for x in (grid or "", location) if x)


def _summary(title: str, team: str | None) -> str:
    return title or team or "值班"


def volunteer_events(duties: Iterable[Duty], mates: dict[int, list[str]],
                     alarms: tuple[int, ...] = ()) -> list[Event]:
    """One event per duty of a volunteer; ``mates`` lists the others on each shift."""
    out = []
    for d in duties:
        lines = []
        if d.team:
            lines.append(f"队伍: {d.team}")
        if d.grid:
            lines.append(f"网格: {d.grid}")
        if d.location:
            lines.append(f"地点: {d.location}")
        others = [n for n in mates.get(d.shift_id, []) if n != d.volunteer]
        if others:
            lines.append("同班: " + "、".join(others))
        out.append(Event(f"shift-{d.shift_id}-v{d.volunteer_id}@{UID_DOMAIN}", d.version,
                         d.begins, d.ends, _summary(d.title, d.team), _place(d.grid, d.location),
                         "\n".join(lines), alarms))
    return out


def team_events(shifts: Iterable[DutyShift]) -> list[Event]:
    """One event per shift of a team, listing who is on it (phones masked)."""
    out = []
    for s in shifts:
        lines = []
        if s.grid:
            lines.append(f"网格: {s.grid}")
        if s.location:
            lines.append(f"地点: {s.location}")
        people = "、".join(f"{p.name} {mask_mobile(p.mobile)}" for p in s.people)
        lines.append(f"人员({s.filled}/{s.needed}): {people or '待安排'}")
        if s.notes:
            lines.append(f"备注: {s.notes}")
        out.append(Event(f"shift-{s.shift_id}@{UID_DOMAIN}", s.version, s.begins, s.ends,
                         _summary(s.title, s.team), _place(s.grid, s.location), "\n".join(lines)))
    return out


@dataclass(frozen=True)
class Export:
    """An export: the calendar text and how many events it holds."""

    text: str
    events: int
    name: str


def _range(session: Session, first: date | None, last: date | None) -> tuple[ZoneInfo, datetime, date, date]:
    tz = community_zone(session)
    now = datetime.now(tz)
    today = now.date()
    first = parse_optional_date(first, "from") or today - timedelta(days=DEFAULT_DAYS_BACK)
    last = parse_optional_date(last, "to") or today + timedelta(days=DEFAULT_DAYS_AHEAD)
    return tz, now, first, last


def volunteer_ics(session: Session, volunteer_id: int, *, first: date | None = None,
                  last: date | None = None, utc: bool = False,
                  alarms: tuple[int, ...] = (120,), stamp: datetime | None = None) -> Export:
    """The duties of one volunteer from ``first`` to ``last`` (default: a week back, a year ahead)."""
    require(session, "shifts.read")
    vol = session.get(Volunteer, volunteer_id)
    if vol is None:
        raise NotFoundError("volunteer_not_found", id=volunteer_id)
    tz, now, first, last = _range(session, first, last)
    start = datetime.combine(first, datetime.min.time())
    end = datetime.combine(last, datetime.max.time())
    duties = load_duties(session, start, end, volunteer_id=volunteer_id)
    mates: dict[int, list[str]] = {}
    if duties:
        for s in load_shifts(session, first, last):
            mates[s.shift_id] = [p.name for p in s.people]
    name = f"{vol.name} 值班"
    text = calendar(volunteer_events(duties, mates, alarms), name=name, tz=tz,
                    stamp=stamp or now, utc=utc)
    return Export(text, len(duties), name)


def team_ics(session: Session, team_id: int, *, first: date | None = None,
             last: date | None = None, utc: bool = False,
             stamp: datetime | None = None) -> Export:
    """The shifts of one team from ``first`` to ``last`` (default: a week back, a year ahead)."""
    require(session, "shifts.read")
    team = session.scalar(select(Team).where(Team.id == team_id))
    if team is None:
        raise NotFoundError("team_not_found", name=str(team_id))
    tz, now, first, last = _range(session, first, last)
    shifts = load_shifts(session, first, last, team_id=team_id)
    name = f"{team.name} 值班表"
    text = calendar(team_events(shifts), name=name, tz=tz, stamp=stamp or now, utc=utc)
    return Export(text, len(shifts), name)
