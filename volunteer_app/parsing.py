"""Strict parsing of the values people type: whole numbers, ids, hours, dates, weeks,
months, years, times, moments and search text.

One set of rules for the command line (its argparse types), the desktop forms and the
services (which check again whatever a caller hands them). Python's own ``int()``,
``float()`` and ``date.fromisoformat()`` take more than a clerk means: underscores
(``1_0`` is 10), digits of other scripts (``٥`` is 5, so ``2026-W5١`` became week 51),
``inf`` and ``nan``, the years 1 to 9999. These parsers read ASCII digits only and keep
every value in a sane range:

* calendar values (dates, weeks, months, years, moments) lie in the years
  :data:`YEAR_MIN` to :data:`YEAR_MAX`, the span the holiday calendar and planning make
  sense for; outside it the code is ``date_out_of_range``;
* hours of one entry are more than 0 and at most :data:`HOURS_MAX`;
* ids are 1 to :data:`ID_MAX` (PostgreSQL's ``integer``), list limits 1 to
  :data:`LIST_LIMIT_MAX`, search text at most :data:`SEARCH_MAX` characters.

Every parser returns the value or raises :class:`ValidationError` with one
``FieldProblem(field, code, value)``; never any other exception, whatever the input
(``tests/test_parsing.py`` checks with hypothesis). A refused value longer than
:data:`SHOWN_MAX` characters is kept shortened in the problem, so that a message quoting
it stays readable. This module imports nothing heavy: the command line's start-up uses it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from fractions import Fraction

from .errors import FieldProblem, ValidationError

YEAR_MIN, YEAR_MAX = 2000, 2100
FIRST_DAY, LAST_DAY = date(YEAR_MIN, 1, 1), date(YEAR_MAX, 12, 31)
HOURS_MAX = 24
ID_MAX = 2**31 - 1
LIST_LIMIT_MAX = 1_000_000
SEARCH_MAX = 100
SHOWN_MAX = 80

_INT = re.compile(r"-?[0-9]{1,18}")
_DECIMAL = re.compile(r"([0-9]{0,6})(?:[.,\uff0c\u3002]([0-9]{0,6}))?")
_YEAR = re.compile(r"[0-9]{4}")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_WEEK = re.compile(r"([0-9]{4})-?[Ww]([0-9]{1,2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")
_MOMENT = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?"
                     r"(Z|[+-][0-9]{2}:?[0-9]{2})?")


def shown(value: object) -> object:
    """The value as a problem keeps it: long text shortened (a message quotes it)."""
    if isinstance(value, str) and len(value) > SHOWN_MAX:
        return value[:SHOWN_MAX] + "\u2026"
    return value


def _fail(field: str, code: str, value: object) -> ValidationError:
    return ValidationError(FieldProblem(field, code, shown(value)))


def _text(value: object) -> str | None:
    """The text of a typed value, trimmed; None for anything that is not text."""
    return value.strip() if isinstance(value, str) else None


def _whole(value: object) -> int | None:
    """An int from text of ASCII digits (an optional minus) or an int; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = _text(value)
    if text is None or not _INT.fullmatch(text):
        return None
    return int(text)


def parse_int(value: object, field: str, *, low: int, high: int, code: str = "number_invalid",
              range_code: str | None = None) -> int:
    """A whole number from ``low`` to ``high``: ASCII digits (an optional minus) or an int.

    ``code`` is the reason for what is no whole number, ``range_code`` (default ``code``)
    for one out of range.
    """
    number = _whole(value)
    if number is None:
        raise _fail(field, code, value)
    if not low <= number <= high:
        if range_code is None:
            raise _fail(field, code, value)
        raise _fail(field, range_code, value)
    return number


def parse_id(value: object, field: str) -> int:
    """A record's id: a whole number from 1 to :data:`ID_MAX`."""
    return parse_int(value, field, low=1, high=ID_MAX, code="number_invalid")


def parse_optional_id(value: object, field: str) -> int | None:
    """An id, or None for nothing (None or blank text)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_id(value, field)


def parse_limit(value: object, field: str = "limit") -> int:
    """How many rows a listing shows: 1 to :data:`LIST_LIMIT_MAX`."""
    return parse_int(value, field, low=1, high=LIST_LIMIT_MAX, code="number_invalid",
                     range_code="out_of_range")


def parse_number(value: object, field: str, *, low: float, high: float,
                 code: str = "number_invalid", range_code: str = "out_of_range") -> float:
    """A finite decimal number (``1.5``; no exponent, no ``inf``) from ``low`` to ``high``."""
    exact = _fraction(value)
    if exact is None:
        raise _fail(field, code, value)
    if not low <= exact <= high:
        raise _fail(field, range_code, value)
    return float(exact)


def _fraction(value: object) -> Fraction | None:
    """The exact value of a decimal typed as text (ASCII digits, ``.`` or ``,`` as the
    decimal mark) or given as a finite int or float; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(value) if math.isfinite(value) else None
    text = _text(value)
    if text is None:
        return None
    m = _DECIMAL.fullmatch(text)
    if not m or not (m.group(1) or m.group(2)):
        return None
    whole, part = m.group(1) or "0", m.group(2) or ""
    return Fraction(int(whole + part), 10 ** len(part))


def parse_hours(value: object, field: str = "hours", *, allow_zero: bool = False) -> int:
    """Whole minutes of a number of hours (``1.5`` -> 90): more than 0 (or exactly 0 with
    ``allow_zero``, a correction voiding an entry) and at most :data:`HOURS_MAX`."""
    hours = _fraction(value)
    if hours is None or hours < 0 or (hours == 0 and not allow_zero):
        raise _fail(field, "hours_invalid", value)
    if hours > HOURS_MAX:
        raise _fail(field, "hours_too_many", value)
    minutes = round(hours * 60)
    if minutes == 0 and not allow_zero:  # less than half a minute
        raise _fail(field, "hours_invalid", value)
    return minutes


def _in_years(day: date) -> bool:
    return FIRST_DAY <= (day.date() if isinstance(day, datetime) else day) <= LAST_DAY


def parse_date(value: object, field: str = "date") -> date:
    """A day ``YYYY-MM-DD`` (or a date; of a datetime its day) within the years
    :data:`YEAR_MIN`..:data:`YEAR_MAX`."""
    if isinstance(value, date):
        if not _in_years(value):
            raise _fail(field, "date_out_of_range", value.isoformat())
        return value.date() if isinstance(value, datetime) else value
    text = _text(value)
    m = _DATE.fullmatch(text) if text is not None else None
    if not m:
        raise _fail(field, "date_invalid", value)
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise _fail(field, "date_invalid", value) from None
    if not _in_years(day):
        raise _fail(field, "date_out_of_range", value)
    return day


def parse_optional_date(value: object, field: str = "date") -> date | None:
    """A day, or None for nothing (None or blank text)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, field)


def parse_week(value: object, field: str = "week") -> date:
    """The Monday of an ISO week written ``2026-W50`` (or ``2026w50``), or of the week of a
    date; the whole week within the years :data:`YEAR_MIN`..:data:`YEAR_MAX`."""
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        monday = day - timedelta(days=day.weekday()) if _in_years(day) else None
    else:
        text = _text(value)
        m = _WEEK.fullmatch(text) if text is not None else None
        if not m:
            raise _fail(field, "week_invalid", value)
        year, week = int(m.group(1)), int(m.group(2))
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise _fail(field, "week_invalid", value) from None
        if not YEAR_MIN <= year <= YEAR_MAX:
            monday = None
    if monday is None or monday < FIRST_DAY or monday + timedelta(days=6) > LAST_DAY:
        raise _fail(field, "date_out_of_range", value)
    return monday


def parse_month(value: object, field: str = "month") -> date:
    """The first day of a month written ``2026-12``, within the years."""
    text = _text(value)
    m = _MONTH.fullmatch(text) if text is not None else None
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise _fail(field, "month_invalid", value)
    year = int(m.group(1))
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise _fail(field, "date_out_of_range", value)
    return date(year, int(m.group(2)), 1)


def parse_year(value: object, field: str = "year") -> int:
    """A year ``2026`` (four ASCII digits, or an int) within :data:`YEAR_MIN`..:data:`YEAR_MAX`."""
    if isinstance(value, bool):
        raise _fail(field, "year_invalid", value)
    if isinstance(value, int):
        year = value
    else:
        text = _text(value)
        if text is None or not _YEAR.fullmatch(text):
            raise _fail(field, "year_invalid", value)
        year = int(text)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise _fail(field, "date_out_of_range", value)
    return year


def parse_time(value: object, field: str = "time") -> time:
    """A time of day ``HH:MM`` (seconds allowed) or a time."""
    if isinstance(value, time):
        return value
    text = _text(value)
    m = _TIME.fullmatch(text) if text is not None else None
    if not m:
        raise _fail(field, "time_invalid", value)
    try:
        return time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    except ValueError:
        raise _fail(field, "time_invalid", value) from None


def parse_moment(value: object, field: str = "at", *, offset: bool = False) -> datetime:
    """A date and time ``2026-12-07T09:30`` (a space also works; seconds allowed; with
    ``offset`` also ``Z`` or ``+08:00``) or a datetime, within the years."""
    if isinstance(value, datetime):
        if not _in_years(value):
            raise _fail(field, "date_out_of_range", value.isoformat())
        return value
    text = _text(value)
    m = _MOMENT.fullmatch(text) if text is not None else None
    if not m or (m.group(7) and not offset):
        raise _fail(field, "datetime_invalid", value)
    try:
        moment = datetime(*(int(g) for g in m.group(1, 2, 3, 4, 5)), int(m.group(6) or 0),
                          tzinfo=_zone(m.group(7)))
    except ValueError:
        raise _fail(field, "datetime_invalid", value) from None
    if not _in_years(moment):
        raise _fail(field, "date_out_of_range", value)
    return moment


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text == "Z":
        return timezone.utc
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:])
    if minutes >= 24 * 60:
        raise ValueError(text)
    return timezone(timedelta(minutes=-minutes if text[0] == "-" else minutes))


def parse_search(value: object, field: str = "search") -> str:
    """Search text: trimmed, at most :data:`SEARCH_MAX` characters, no control characters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _fail(field, "bad_characters", value)
    text = value.strip()
    if len(text) > SEARCH_MAX:
        raise _fail(field, "too_long", value)
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        raise _fail(field, "bad_characters", value)
    return text


def is_id_text(text: str) -> bool:
    """Whether text names a record by its id (ASCII digits only, in the id range)."""
    number = _whole(text) if isinstance(text, str) else None
    return number is not None and 1 <= number <= ID_MAX
