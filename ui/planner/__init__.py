"""The planner wing (排班): the weekly planner screen and what it opens.

``planner_view`` is the screen; the week grid is ``week_model`` (rows of shifts),
``week_table`` and ``week_delegate`` (how they are shown); ``volunteer_tables`` lists who
is on the selected shift and who is free for it, and ``volunteer_drag`` carries volunteers
from one onto the grid. The dialogs each have their module (overrides, holidays, duty
templates, availability, auto-fill); ``colours`` is shared by all of them, and the
planner's texts are in :mod:`ui.texts.planner`.
"""
