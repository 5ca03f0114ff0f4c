"""Who is working: the name recorded on request steps, check-ins and hours entries."""

from __future__ import annotations

from ui.common.context import AppContext
from volunteer_app.services import requests as req_service


def logged_in_name(ctx: AppContext) -> str | None:
    """The logged-in operator's name when accounts are on (None on a single-user PC)."""
    actor = ctx.db.actor
    if actor is None or actor.single_user:
        return None
    return actor.name


def operator_of(ctx: AppContext) -> str:
    """The logged-in operator; on a single-user PC the clerk's name from Settings, else
    the OS user name. (The check-in dialog offered the OS account, "root", as the
    verifier of a logged-in captain's hours: issue 18.)"""
    return logged_in_name(ctx) or ctx.operator_name or req_service.default_operator()
