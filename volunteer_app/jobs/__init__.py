"""Background jobs: reminders, alerts, weekly plan generation and backups on APScheduler.

* :mod:`.settings` — the jobs there are, their defaults and the settings clerks edit;
* :mod:`.reminders` — pure computation of duty reminders (the clock is a parameter);
* :mod:`.duties` — loading duties and shifts as plain rows;
* :mod:`.jobs` — the job functions and the runner that makes every run idempotent;
* :mod:`.scheduler` — the scheduler service with its job store in the app's database;
* :mod:`.overview` — what the Today screen shows;
* :mod:`.ics` and :mod:`.chat_text` — duties as iCalendar files and as chat-group text.

Times inside the core are naive local wall-clock datetimes in the community's time zone
(see ``models/shifts.py``); APScheduler gets time-zone-aware datetimes in that zone.
"""
