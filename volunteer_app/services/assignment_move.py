"""Moving a volunteer from one duty to another in one unit of work (issue 18.4: dragging a
volunteer from one duty cell of the planner to another).

A move is taking them off the first duty and putting them on the second, both through the
ordinary services (:func:`.assignments.unassign`, :func:`.assignments.assign`): the same
permissions, the same refusal for a record of service, the same conflict rules. The
first duty is released before the second is checked, so moving someone to a duty at an
overlapping time of the same evening is no double booking. When the second is refused
(a hard conflict without an override reason raises ``AssignmentBlocked``), the caller's
unit of work rolls back and the volunteer stays where they were.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..errors import ConflictError
from ..security.permissions import require
from .assignments import AssignResult, assign, unassign
from .shifts import load_shift


def move_volunteer(session: Session, from_shift_id: int, to_shift_id: int, volunteer_id: int,
                   override_reason: str | None = None) -> AssignResult:
    """Take a volunteer off one duty and put them on another (as *planned*: the new duty
    is confirmed anew); refused as a whole when either half is."""
    require(session, "shifts.plan")
    require(session, "shifts.plan", team_id=load_shift(session, from_shift_id).team_id)
    require(session, "shifts.plan", team_id=load_shift(session, to_shift_id).team_id)
    if from_shift_id == to_shift_id:
        raise ConflictError("already_assigned", shift_id=to_shift_id, volunteer_id=volunteer_id)
    unassign(session, from_shift_id, volunteer_id)
    return assign(session, to_shift_id, volunteer_id, override_reason)
