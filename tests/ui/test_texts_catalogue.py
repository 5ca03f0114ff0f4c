"""Every code the core declares (volunteer_app/codes.py) has a text in the desktop's
catalogue (ui/texts/), in English (the source) and Chinese (the built zh_CN catalogue).

tests/test_codes.py checks that the declaration is complete and that the command line has
English for the same codes.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator

from volunteer_app import codes


def _tables() -> dict[str, list[tuple[str, dict[str, str]]]]:
    """Kind of code -> the catalogue tables (context, code -> source) that may word it."""
    from ui.texts import accounts, audit, errors, hours, jobs, orders, planner, registers

    values = {
        "team_kind": [("TeamKinds", registers.KIND_TEXT)],
        "member_role": [("Roles", registers.ROLE_TEXT)],
        "gender": [("VolunteersModel", registers.GENDER_TEXT)],
        "grid_person": [("GridPeople", registers.PERSON_TITLES)],
        "operator_role": [("OperatorsView", accounts.ROLE_TITLES)],
        "duty_type": [("PlannerView", planner.DUTY_TYPES)],
        "assignment_status": [("PlannerView", planner.STATUSES)],
        "conflict_hard": [("PlannerView", planner.CONFLICTS)],
        "conflict_soft": [("PlannerView", planner.CONFLICTS)],
        "request_category": [("Requests", orders.CATEGORY_TEXT)],
        "request_source": [("Requests", orders.SOURCE_TEXT)],
        "request_urgency": [("Requests", orders.URGENCY_TEXT)],
        "request_status": [("Requests", orders.STATUS_TEXT)],
        "hours_source": [("HoursModel", hours.SOURCE_TEXT)],
        "hours_auto_reason": [("HoursModel", hours.AUTO_REASON_TEXT)],
        "job_id": [("Jobs", jobs.JOB_TITLES)],
        "job_run_status": [("Jobs", jobs.STATUS_TEXT)],
        "job_outcome_status": [("Jobs", jobs.STATUS_TEXT)],
    }
    assert set(values) == set(codes.VALUE_DOMAINS), "a value domain without its catalogue table"
    return {
        "ERRORS": [("ErrorText", errors.ERRORS), ("Requests", orders.ERROR_TEXT),
                   ("PlannerView", planner.ERRORS), ("LoginDialog", accounts.LOGIN_FAILURES),
                   ("ChangePasswordDialog", accounts.PASSWORD_ERRORS)],
        "FIELD_REASONS": [("ErrorText", errors.REASONS), ("Requests", orders.REASON_TEXT)],
        "FILE_PROBLEMS": [("ErrorText", errors.FILE_PROBLEMS)],
        "FIELDS": [("ErrorText", errors.FIELDS), ("Requests", orders.FIELD_TEXT)],
        "JOB_REASONS": [("Jobs", jobs.REASON_TEXT)],
        "NOTICE_KINDS": [("Jobs", jobs.NOTICE_TEXT)],
        "AUDIT_ACTIONS": [("AuditView", audit.ACTIONS)],
        **values,
    }


def _declared(kind: str) -> frozenset[str] | tuple[str, ...]:
    return getattr(codes, kind) if kind.isupper() else codes.values(kind)


@pytest.fixture(scope="module")
def zh_cn() -> QTranslator:
    from tools import i18n_build

    translator = QTranslator()
    assert translator.load(str(i18n_build.qm_path("zh_CN")))
    return translator


def _has_latin(text: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in text)


def test_every_declared_code_has_a_text(qapp) -> None:  # noqa: ANN001
    missing = {}
    for kind, tables in _tables().items():
        worded = set().union(*(table for _context, table in tables))
        if lost := sorted(set(_declared(kind)) - worded):
            missing[kind] = lost
    assert not missing, f"give these codes a text in ui/texts/: {missing}"


def test_every_text_is_english_and_translated_into_chinese(qapp, zh_cn: QTranslator) -> None:  # noqa: ANN001
    untranslated = set()
    for kind, tables in _tables().items():
        for code in _declared(kind):
            for context, table in tables:
                source = table.get(code)
                if source is None:
                    continue
                assert source.strip() and _has_latin(source), f"{kind} {code}: {source!r} is not English"
                text = zh_cn.translate(context, source)
                if not text or (text == source and _has_latin(source)):
                    untranslated.add((context, source))
    assert not untranslated, "no zh_CN translation (context, source): " + repr(sorted(untranslated))


def test_texts_follow_the_ui_language(app) -> None:  # noqa: ANN001
    """The catalogue's functions translate at call time (the app fixture installs zh_CN)."""
    from ui.texts.accounts import role_title
    from ui.texts.jobs import job_title
    from ui.texts.orders import status_text
    from ui.texts.registers import gender_text, kind_text, person_title, role_text

    assert role_text("captain") == "队长"
    assert gender_text("female") == "女" and gender_text(None) == ""
    assert kind_text("rider") != "Riders and couriers" and person_title("leader") == "网格长"
    assert role_title("administrator") == "管理员"
    assert status_text("received") == "已收单"
    assert job_title("nightly_backup") == "每晚备份数据库"
    assert role_text("mystery") == "mystery"  # a code a newer core adds is shown, not hidden
