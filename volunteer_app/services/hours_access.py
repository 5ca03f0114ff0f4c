"""What the acting operator may do with service hours, team by team, in one answer.

The hours screen used to work this out itself from ``security.permissions.may`` and add a
rule of its own (a captain is kept to their own team, also for entries without a team,
which the permission alone would allow). Both now live here, so every front end asks the
same question and gets the same answer; the services still check each action again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..security.permissions import CAPTAIN, actor_of, may, require


@dataclass(frozen=True)
class HoursAccess:
    """What the operator may do with hours, as the core answered it.

    ``record`` and ``verify`` hold the team ids (None: entries without a team) the
    operator may record/correct and verify for; a captain's are only their own team.
    """

    record: frozenset[int | None]
    verify: frozenset[int | None]
    report: bool  # the monthly .xlsx report
    print: bool  # PDF statements and certificates
    own_team: int | None  # a captain's team, else None
    operator: str | None  # the logged-in operator's name; None in single-user mode

    def may_record(self, team_id: int | None) -> bool:
        return team_id in self.record

    def may_verify(self, team_id: int | None) -> bool:
        return team_id in self.verify


NO_ACCESS = HoursAccess(frozenset(), frozenset(), False, False, None, None)


def hours_access(session: Session, team_ids: list[int]) -> HoursAccess:
    """What the acting operator may do with the hours of each of ``team_ids``."""
    require(session, "registers.read")  # who is working first (the ledger's read right)
    actor = actor_of(session)
    scopes: list[int | None] = [None, *team_ids]
    record = {t for t in scopes if may(session, "hours.record", team_id=t)}
    verify = {t for t in scopes if may(session, "hours.verify", team_id=t)}
    own = actor.team_id if actor.role == CAPTAIN and not actor.single_user else None
    if own is not None:  # a captain records and verifies their own team's hours only
        record &= {own}
        verify &= {own}
    return HoursAccess(frozenset(record), frozenset(verify), may(session, "hours.report"),
                       may(session, "print"), own,
                       None if actor.single_user else actor.name)
