"""Who is working: the name recorded on request steps, check-ins and hours entries."""

from __future__ import annotations

from ui.common.context import AppContext
from volunteer_app.services import requests as req_service


def operator_of(ctx: AppContext) -> str:
    """The clerk's name from Settings, else the OS user name."""
    return ctx.operator_name or req_service.default_operator()
