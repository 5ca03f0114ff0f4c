"""Duty reminders as plain text for pasting into a building chat group (楼栋群).

The text is in Chinese whatever the UI language, because it is written for the residents
and volunteers in the chat group, e.g.::

    明日值班提醒: 12月8日 19:00-21:00 小喇叭巡逻队 3号网格 张三 138****1234

Phone numbers are always masked (``validation.mask_mobile``): the group is public.
``today`` is handed in so the wording (今日 / 明日) never depends on the clock here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..validation import mask_mobile
from .duties import DutyShift, Person
from .reminders import Duty

WEEKDAYS = "一二三四五六日"
FOOTER = "请准时到岗，不能到岗的请提前告知队长。"


def day_label(day: date) -> str:
    """``12月8日``."""
    return f"{day.month}月{day.day}日"


def weekday_label(day: date) -> str:
    """``星期二``."""
    return "星期" + WEEKDAYS[day.weekday()]


def time_range(start_hhmm: str, end_hhmm: str, overnight: bool) -> str:
    """``19:00-21:00``; an overnight duty reads ``22:00-次日06:00``."""
    return f"{start_hhmm}-{'次日' if overnight else ''}{end_hhmm}"


def heading(day: date, today: date) -> str:
    """今日值班提醒 / 明日值班提醒 / 值班提醒 depending on how far off ``day`` is."""
    delta = (day - today).days
    if delta == 0:
        return "今日值班提醒"
    if delta == 1:
        return "明日值班提醒"
    return "值班提醒"


def person_text(name: str, mobile: str) -> str:
    """``张三 138****1234``."""
    masked = mask_mobile(mobile or "")
    return f"{name} {masked}" if masked else name


def shift_line(shift: DutyShift, *, people: Sequence[Person] | None = None,
               with_date: bool = True) -> str:
    """One line: date, time, team, duty title, grid (or place), the volunteers, any gap."""
    crew = shift.people if people is None else people
    parts = [day_label(shift.date)] if with_date else []
    parts.append(time_range(shift.start.strftime("%H:%M"), shift.end.strftime("%H:%M"),
                            shift.overnight))
    if shift.team:
        parts.append(shift.team)
    if shift.title and shift.title != shift.team:
        parts.append(shift.title)
    if shift.grid:
        parts.append(shift.grid)
    if shift.location and not shift.title:  # a titled duty names its place already
        parts.append(shift.location)
    if crew:
        parts.append("、".join(person_text(p.name, p.mobile) for p in crew))
    if shift.gap:
        parts.append(f"(尚缺{shift.gap}人)")
    return " ".join(parts)


def shifts_text(shifts: Sequence[DutyShift], today: date, *, footer: bool = True) -> str:
    """A reminder of several shifts, grouped by day; one shift fits on one line."""
    if not shifts:
        return ""
    blocks = []
    days = sorted({s.date for s in shifts})
    for day in days:
        of_day = [s for s in shifts if s.date == day]
        head = heading(day, today)
        if len(of_day) == 1:
            blocks.append(f"{head}: {shift_line(of_day[0])}")
        else:
            lines = [f"{head}({day_label(day)} {weekday_label(day)}):"]
            lines += [f"{i}. {shift_line(s, with_date=False)}" for i, s in enumerate(of_day, 1)]
            blocks.append("\n".join(lines))
    text = "\n\n".join(blocks)
    return f"{text}\n{FOOTER}" if footer else text


def duty_text(duty: Duty, today: date) -> str:
    """A reminder of one volunteer's duty, e.g. for a private message."""
    parts = [day_label(duty.date),
             time_range(duty.start.strftime("%H:%M"), duty.end.strftime("%H:%M"), duty.overnight)]
    for value in (duty.team, duty.title if duty.title != duty.team else "", duty.grid,
                  "" if duty.title else duty.location):
        if value:
            parts.append(value)
    parts.append(person_text(duty.volunteer, duty.mobile))
    return f"{heading(duty.date, today)}: " + " ".join(parts)
