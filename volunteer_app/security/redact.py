"""Keeping residents' personal data and secrets out of messages and logs.

Error texts name the value at fault so a clerk can find it ("mobile '1380013800' is not a
valid mobile number"), but a message is shown on screen, printed to a terminal's history,
pasted into chat groups and written to log files. So, before a value reaches a message:

* values of **secret fields** (passwords, user names: a password is often typed into the
  user-name field by mistake, and operator names given on the command line) are never
  shown at all;
* values of **personal-number fields** (ID numbers, mobile and other phone numbers) are
  masked to their last four characters, like the audit log masks ID numbers;
* in any other text, whatever *looks like* an ID number (15 to 18 digits, the last one
  perhaps X) or a mainland mobile number, the password of a URL
  (``postgresql://user:secret@host``), the parameters SQLAlchemy appends to a failed
  statement (``[parameters: ...]``) and PostgreSQL's ``DETAIL:`` lines (which quote the
  values of a violated constraint) are masked or cut.

:func:`install_log_redaction` applies :func:`scrub` to every log record, its message and
its traceback, in the front ends (the command line and the desktop call it at start).
"""

from __future__ import annotations

import logging
import re

# Fields whose values are never echoed, and fields whose values are masked.
SECRET_FIELDS = frozenset({"password", "username", "operator", "new_password", "old_password"})
NUMBER_FIELDS = frozenset({"mobile", "phone", "id_number", "resident_phone", "service_hall_phone"})
# Import columns (Chinese and English headers) holding those numbers.
NUMBER_COLUMNS = frozenset({"手机号", "身份证号", "电话", "联系电话", "mobile", "phone", "id_number"})
# Imports accept many headers for those columns (手机号码, 联系方式, 身份证号码, 证件号码...):
# a header holding one of these is a number column too.
NUMBER_COLUMN_PARTS = ("手机", "电话", "身份", "证件", "联系方式", "phone", "mobile", "id_number")
HIDDEN = "***"

# The password runs to the LAST "@" before the host's "/" on that line: one typed with an
# "@" or a space in it (not percent-encoded) is masked whole, not up to its first "@".
_URL_PASSWORD = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]*:)(?P<pw>[^/\n]+)(?P<at>@)")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{14,17}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])0\d{2,3}-\d{7,8}(?![0-9])")
_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\(Background|$|\n))", re.DOTALL)
_DETAIL = re.compile(r"^DETAIL:.*$", re.MULTILINE)


def mask(text: str) -> str:
    """All but the last four characters hidden."""
    text = str(text)
    return "*" * max(len(text) - 4, 0) + text[-4:] if len(text) > 4 else "*" * len(text)


def _mask_match(m: re.Match) -> str:
    return mask(re.sub(r"[ -]", "", m.group(0)))


def scrub(text: object) -> str:
    """``text`` with ID numbers, phone numbers, URL passwords and SQL parameters masked."""
    out = str(text)
    out = _URL_PASSWORD.sub(lambda m: f"{m.group('head')}{HIDDEN}{m.group('at')}", out)
    out = _PARAMETERS.sub("[parameters hidden]", out)
    out = _DETAIL.sub("DETAIL: (hidden)", out)
    out = _ID_NUMBER.sub(_mask_match, out)
    out = _MOBILE.sub(_mask_match, out)
    out = _LANDLINE.sub(_mask_match, out)
    return out


def field_value(field: str, value: object) -> object:
    """A problem's value as a message may show it: None (not shown) for secret fields,
    masked for number fields, scrubbed text otherwise (numbers and the like unchanged)."""
    if value is None:
        return None
    name = str(field or "")
    if name in SECRET_FIELDS:
        return None
    if name in NUMBER_FIELDS or name.endswith("_phone"):
        return mask(value)
    if isinstance(value, str):
        return scrub(value)
    return value


def column_value(column: str, value: object) -> object:
    """An import cell's value as a message may show it (see :func:`field_value`)."""
    name = str(column or "").strip()
    if name.lower() in SECRET_FIELDS:
        return None
    if (name in NUMBER_COLUMNS or name.lower() in NUMBER_COLUMNS
            or any(part in name.lower() for part in NUMBER_COLUMN_PARTS)):
        return None if value is None else mask(value)
    return scrub(value) if isinstance(value, str) else value


def details(values: dict) -> dict:
    """An error's details with every text scrubbed (paths, URLs, reasons)."""
    out = {}
    for key, value in values.items():
        if key in SECRET_FIELDS:
            out[key] = HIDDEN
        elif isinstance(value, str):
            out[key] = scrub(value)
        else:
            out[key] = value
    return out


class _Record(logging.LogRecord):
    """A log record whose message and traceback are scrubbed once made."""

    def getMessage(self) -> str:  # noqa: N802 (logging's name)
        return scrub(super().getMessage())


_installed = False


def install_log_redaction() -> None:
    """Scrub every log record of this process (idempotent): its message via the record
    class, its traceback by formatting it at once, scrubbed, into ``exc_text``."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:  # noqa: ANN002, ANN003
        record = previous(*args, **kwargs)
        record.__class__ = _Record if type(record) is logging.LogRecord else record.__class__
        if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
