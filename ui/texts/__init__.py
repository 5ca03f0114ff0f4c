"""The desktop UI's text catalogue: every code the core hands over, worded in the UI language.

The core returns codes, never sentences (see :mod:`volunteer_app.codes`, where they are
declared). Screens do not keep code-to-text tables of their own: they ask this package,
one module per domain, much as Anki's screens all ask its single ``tr``:

* :mod:`ui.texts.errors`: any exception as a message (:func:`~ui.texts.errors.error_text`),
  field and row problems, and the error, reason and field codes every domain shares;
* :mod:`ui.texts.registers`: team kinds, members' roles, genders, a grid's "1+3" people;
* :mod:`ui.texts.planner`: duty types, assignment statuses, conflicts, holidays and the
  scheduling errors;
* :mod:`ui.texts.orders`: residents' requests (categories, sources, urgencies, statuses,
  steps) and the errors of the request and hours services;
* :mod:`ui.texts.hours`: the hours ledger (entry sources, automatic correction reasons,
  entry states);
* :mod:`ui.texts.jobs`: background jobs, their outcomes and notices;
* :mod:`ui.texts.accounts`: operator roles, login failures, password errors;
* :mod:`ui.texts.audit`: audit actions, records and fields.

Tables hold English source strings marked with ``QT_TRANSLATE_NOOP(context, ...)``; each
keeps the translation context it had where it was first written (``ErrorText``,
``Requests``, ``PlannerView`` ...), so moving a text here never loses its translation.
``volunteer_app/cli/messages.py`` is the command line's twin: English text for the same
codes. ``tests/ui/test_texts_catalogue.py`` checks that every declared code has a text
here, translated into Chinese, and one there.
"""
