"""Texts of the registers: team kinds, members' roles, genders and a grid's "1+3" people.

Each table keeps the translation context its texts had in the screens they came from
(``TeamKinds``, ``Roles``, ``VolunteersModel``, ``GridPeople``), so the existing
translations still apply.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.i18n import translated

# The order the role pickers offer them in.
ROLE_CODES = ("member", "deputy", "captain")

ROLE_TEXT = {
    "captain": QT_TRANSLATE_NOOP("Roles", "Captain"),
    "deputy": QT_TRANSLATE_NOOP("Roles", "Deputy captain"),
    "member": QT_TRANSLATE_NOOP("Roles", "Member"),
}
KIND_TEXT = {
    "patrol": QT_TRANSLATE_NOOP("TeamKinds", "Patrol"),
    "civility": QT_TRANSLATE_NOOP("TeamKinds", "Civility persuasion"),
    "publicity": QT_TRANSLATE_NOOP("TeamKinds", "Publicity"),
    "cleanup": QT_TRANSLATE_NOOP("TeamKinds", "Environment cleanup"),
    "rider": QT_TRANSLATE_NOOP("TeamKinds", "Riders and couriers"),
    "other": QT_TRANSLATE_NOOP("TeamKinds", "Other / umbrella"),
}
GENDER_TEXT = {
    "male": QT_TRANSLATE_NOOP("VolunteersModel", "Male"),
    "female": QT_TRANSLATE_NOOP("VolunteersModel", "Female"),
}
PERSON_TITLES = {
    "leader": QT_TRANSLATE_NOOP("GridPeople", "Grid leader"),
    "worker": QT_TRANSLATE_NOOP("GridPeople", "Full-time grid worker"),
    "police": QT_TRANSLATE_NOOP("GridPeople", "Grid police officer"),
    "instructor": QT_TRANSLATE_NOOP("GridPeople", "Street grid instructor"),
}


def role_text(role: str) -> str:
    """队长 / 副队长 / 队员 in the UI language."""
    return translated("Roles", ROLE_TEXT, role)


def kind_text(kind: str) -> str:
    """Translated team kind."""
    return translated("TeamKinds", KIND_TEXT, kind)


def gender_text(gender: str | None) -> str:
    """Male / female in the UI language; empty when not given."""
    return translated("VolunteersModel", GENDER_TEXT, gender or "", "")


def person_title(role: str) -> str:
    """网格长 / 专职网格员 / 网格民警 / 街道网格指导员 in the UI language."""
    return translated("GridPeople", PERSON_TITLES, role)
