"""argparse ``type=`` functions: the core's strict parsers (:mod:`volunteer_app.parsing`)
for the command line's arguments.

A value refused here stops the command before it opens the database: argparse prints
``argument --date: '0001-01-01' lies outside the years 2000 to 2100`` (naming the
argument as typed) and the command exits 2, nothing written. argparse turns only its own
exception into that message, so each type hands the core's ``ValidationError`` on as one.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TypeVar

from .. import parsing
from ..errors import ValidationError
from .messages import reason_text

T = TypeVar("T")

YEARS = f"{parsing.YEAR_MIN} to {parsing.YEAR_MAX}"


def typed(parse: Callable[[str], T], name: str, hint: str = "") -> Callable[[str], T]:
    """An argparse type from a core parser; ``hint`` (e.g. the format) follows a refusal."""

    def convert(text: str) -> T:
        try:
            return parse(text)
        except ValidationError as exc:
            p = exc.problems[0]
            extra = f" ({hint})" if hint else ""
            raise argparse.ArgumentTypeError(f"{p.value!r} {reason_text(p.code)}{extra}") from None

    convert.__name__ = name  # argparse names the type in some messages
    return convert


def _passed_on(parse: Callable[[str], object]) -> Callable[[str], str]:
    """Check a value with ``parse`` but hand the text on (the service parses it itself)."""

    def check(text: str) -> str:
        parse(text)
        return text.strip()

    return check


def _int_between(low: int, high: int) -> str:
    return f"{low} to {high}"


# The reason texts name the format and the years; hints add only what they leave out.
date_arg: Callable[[str], date] = typed(lambda t: parsing.parse_date(t, "date"), "date")
week_arg: Callable[[str], date] = typed(lambda t: parsing.parse_week(t, "week"), "week",
                                        "e.g. 2026-W50")
week_text_arg: Callable[[str], str] = typed(
    _passed_on(lambda t: parsing.parse_week(t, "week")), "week", "e.g. 2026-W50")
month_arg: Callable[[str], str] = typed(_passed_on(lambda t: parsing.parse_month(t, "month")),
                                        "month")
year_arg: Callable[[str], int] = typed(lambda t: parsing.parse_year(t, "year"), "year", YEARS)
time_arg: Callable[[str], time] = typed(lambda t: parsing.parse_time(t, "time"), "time")
moment_arg: Callable[[str], datetime] = typed(lambda t: parsing.parse_moment(t, "at"), "moment")
moment_with_offset_arg: Callable[[str], datetime] = typed(
    lambda t: parsing.parse_moment(t, "at", offset=True), "moment",
    "an offset such as +08:00 may follow")
hours_arg: Callable[[str], str] = typed(_passed_on(lambda t: parsing.parse_hours(t, "hours")),
                                        "hours", f"more than 0, at most {parsing.HOURS_MAX}")
hours_or_zero_arg: Callable[[str], str] = typed(
    _passed_on(lambda t: parsing.parse_hours(t, "hours", allow_zero=True)), "hours",
    f"0 to {parsing.HOURS_MAX}; 0 voids the entry")
id_arg: Callable[[str], int] = typed(lambda t: parsing.parse_id(t, "id"), "id",
                                     _int_between(1, parsing.ID_MAX))
limit_arg: Callable[[str], int] = typed(lambda t: parsing.parse_limit(t, "limit"), "limit",
                                        _int_between(1, parsing.LIST_LIMIT_MAX))
search_arg: Callable[[str], str] = typed(lambda t: parsing.parse_search(t, "search"), "search",
                                         f"at most {parsing.SEARCH_MAX} characters")


def count_arg(low: int, high: int) -> Callable[[str], int]:
    """A whole number from ``low`` to ``high`` (the core checks its own ranges again)."""
    return typed(lambda t: parsing.parse_int(t, "number", low=low, high=high,
                                             code="number_invalid", range_code="out_of_range"),
                 "number", _int_between(low, high))


def decimal_arg(low: float, high: float, unit: str) -> Callable[[str], float]:
    """A decimal number from ``low`` to ``high`` (``1.5``; no ``inf``, no ``1_0``)."""
    return typed(lambda t: parsing.parse_number(t, "number", low=low, high=high),
                 "number", f"{low:g} to {high:g} {unit}")
