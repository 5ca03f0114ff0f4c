"""Reading the audit log (administrators only). There is deliberately no writer here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models.accounts import AuditEntry
from ..parsing import parse_limit
from .permissions import require


@dataclass(frozen=True)
class AuditRow:
    """One audit entry."""

    id: int
    at: datetime
    operator: str
    action: str
    entity: str
    entity_id: str
    summary: str
    changes: dict

    def to_json(self) -> dict:
        return {"id": self.id, "at": self.at.isoformat(), "operator": self.operator,
                "action": self.action, "entity": self.entity, "entity_id": self.entity_id,
                "summary": self.summary, "changes": self.changes}


def list_entries(session: Session, *, operator: str | None = None, action: str | None = None,
                 entity: str | None = None, since: datetime | None = None,
                 until: datetime | None = None, limit: int = 1000) -> list[AuditRow]:
    """Newest first, filtered."""
    require(session, "audit.view")
    limit = parse_limit(limit, "limit")
    q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if operator:
        q = q.where(AuditEntry.operator == operator)
    if action:
        q = q.where(AuditEntry.action == action)
    if entity:
        q = q.where(AuditEntry.entity == entity)
    if since:
        q = q.where(AuditEntry.at >= since)
    if until:
        q = q.where(AuditEntry.at <= until)
    return [AuditRow(e.id, e.at, e.operator, e.action, e.entity, e.entity_id, e.summary,
                     json.loads(e.changes or "{}")) for e in session.scalars(q)]
