"""Scheduling logic on plain data: recurrence of duty templates, the holiday calendar,
conflicts, and the auto-fill solver with its independent checker and explanations.

Nothing here opens or takes a database session: the services read the database and hand
these modules plain values (the holiday table the clerk keeps is ``services.holidays``).
The rules (``conflicts``, ``recurrence``) are shared by the services, the auto-fill solver
(the ``autofill`` package) and the checkers. All times are naive local wall-clock times in
the community's time zone (see ``models/shifts.py``).
"""
