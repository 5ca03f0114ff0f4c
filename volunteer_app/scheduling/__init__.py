"""Scheduling logic: recurrence of duty templates, holidays, availability and conflicts.

The modules here hold pure rules (``conflicts``, ``recurrence``) that the services, the
auto-fill solver and independent checkers share, plus the holiday calendar. All times are
naive local wall-clock times in the community's time zone (see ``models/shifts.py``).
"""
