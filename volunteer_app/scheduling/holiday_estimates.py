"""Estimated statutory holidays for years the official schedule does not cover yet.

The ``chinese_calendar`` package ends with the latest year the State Council published
(2026 now). For a later year the clerk should not type the Spring Festival day by day:
the holiday table is pre-filled with the statutory days computed here, marked
*estimated* (预计) until the clerk confirms the published schedule.

What is estimated: the statutory days themselves under the rules in force since 2025
(全国年节及纪念日放假办法, 2024 revision): 元旦 1 Jan; 春节 New Year's Eve and the first
three days of the first lunar month; 清明 the Qingming solar term; 劳动节 1-2 May; 端午
5th of the 5th lunar month; 中秋 15th of the 8th lunar month; 国庆 1-3 Oct. What is NOT
estimated: the bridging days and the make-up working days (调休), which the State Council
decides each year with no fixed rule; no package predicts them either, so the clerk
enters them when the schedule is published.

The lunar dates come from a small table rather than a package: the maintained pure-Python
converter (``lunardate``) is GPL-licensed, and the other candidates (zhdate, cnlunar,
lunarcalendar) compute make-up days no better. The table below was checked against
lunardate 0.3.0 (``LunarDate(y, 1, 1)``, ``(y, 5, 5)``, ``(y, 8, 15)`` converted to the
Gregorian calendar), used only for that check and not a dependency. Qingming uses the
usual solar-term formula, checked against the official data of 2008-2026 in the tests.
"""

from __future__ import annotations

from datetime import date, timedelta

# year: (春节 lunar 1/1, 端午 lunar 5/5, 中秋 lunar 8/15), as (month, day).
LUNAR_DAYS: dict[int, tuple[tuple[int, int], tuple[int, int], tuple[int, int]]] = {
    2027: ((2, 6), (6, 9), (9, 15)),
    2028: ((1, 26), (5, 28), (10, 3)),
    2029: ((2, 13), (6, 16), (9, 22)),
    2030: ((2, 3), (6, 5), (9, 12)),
    2031: ((1, 23), (6, 24), (10, 1)),
    2032: ((2, 11), (6, 12), (9, 19)),
    2033: ((1, 31), (6, 1), (9, 8)),
    2034: ((2, 19), (6, 20), (9, 27)),
    2035: ((2, 8), (6, 10), (9, 16)),
}


def qingming(year: int) -> date:
    """The Qingming solar term (清明) of a 21st-century year: [Y*D+C]-L with D=0.2422,
    C=4.81, L=Y//4 (Y the year's last two digits)."""
    y = year % 100
    return date(year, 4, int(y * 0.2422 + 4.81) - y // 4)


def estimates_known(year: int) -> bool:
    """True when this module can estimate ``year``'s holidays."""
    return year in LUNAR_DAYS


def estimated_rows(year: int) -> list[tuple[date, str, str]]:
    """(date, "holiday", code) of every estimated statutory day of ``year`` in date order
    (codes as chinese_calendar names them); empty for a year the table does not hold.
    A day two holidays share (中秋 on 国庆) is listed once, under the earlier-listed one.
    """
    if year not in LUNAR_DAYS:
        return []
    spring, dragon, autumn = (date(year, m, d) for m, d in LUNAR_DAYS[year])
    days: list[tuple[date, str]] = [(date(year, 1, 1), "new_years_day")]
    days += [(spring + timedelta(days=i), "spring_festival") for i in range(-1, 3)]
    days += [(qingming(year), "tomb_sweeping_day")]
    days += [(date(year, 5, d), "labour_day") for d in (1, 2)]
    days += [(dragon, "dragon_boat_festival")]
    days += [(date(year, 10, d), "national_day") for d in (1, 2, 3)]
    days += [(autumn, "mid_autumn_festival")]
    seen: dict[date, str] = {}
    for day, code in days:
        seen.setdefault(day, code)
    return [(d, "holiday", c) for d, c in sorted(seen.items())]
