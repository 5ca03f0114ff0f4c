"""Texts of operator accounts: role names, why a login failed, and the account errors only
the account dialogs meet (the others are in :mod:`ui.texts.errors`).

Each table keeps the translation context its texts had in the screen they came from
(``OperatorsView``, ``LoginDialog``, ``ChangePasswordDialog``), so the existing
translations still apply.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.common.i18n import arg, translated
from ui.texts.errors import error_text
from volunteer_app.errors import AppError

translate = QCoreApplication.translate

ROLE_TITLES = {
    "administrator": QT_TRANSLATE_NOOP("OperatorsView", "Administrator"),
    "coordinator": QT_TRANSLATE_NOOP("OperatorsView", "Coordinator"),
    "clerk": QT_TRANSLATE_NOOP("OperatorsView", "Clerk"),
    "captain": QT_TRANSLATE_NOOP("OperatorsView", "Team captain"),
}
LOGIN_FAILURES = {
    "bad_credentials": QT_TRANSLATE_NOOP("LoginDialog", "Wrong user name or password."),
    "locked": QT_TRANSLATE_NOOP("LoginDialog", "This account is locked after too many wrong passwords. "
                                               "Try again after %1 or ask an administrator to unlock it."),
}
PASSWORD_ERRORS = {
    "no_account": QT_TRANSLATE_NOOP("ChangePasswordDialog", "Operator accounts are off: there is no password to change."),
}


def role_title(role: str) -> str:
    """The translated name of an operator role."""
    return translated("OperatorsView", ROLE_TITLES, role)


def login_failure_text(exc: BaseException) -> str:
    """The translated reason a login failed (wrong password, or locked until when)."""
    code = getattr(exc, "code", "")
    if code == "locked":
        until = getattr(exc, "details", {}).get("until")
        when = until.strftime("%Y-%m-%d %H:%M") if until is not None else ""
        return arg(translate("LoginDialog", LOGIN_FAILURES["locked"]), when)
    return translate("LoginDialog", LOGIN_FAILURES["bad_credentials"])


def password_error_text(exc: BaseException) -> str:
    """Why a password could not be changed, in the UI language."""
    if isinstance(exc, AppError) and exc.code in PASSWORD_ERRORS:
        return translate("ChangePasswordDialog", PASSWORD_ERRORS[exc.code])
    return error_text(exc)
