"""Validators and normalisers for the data clerks type or import.

Each validator returns the normalised value or raises :class:`ValidationError` with a
reason code; front ends translate the codes.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from .errors import FieldProblem, ValidationError

# Characters people use for the middle dot in transliterated names (格桑·伦珠).
_DOT_VARIANTS = "\u2022\u2027\u30fb\u00b7\u0387\u16eb\u2219\u22c5\u02d1\uff65\u318d"
_DOT_TABLE = {ord(c): "\u00b7" for c in _DOT_VARIANTS}
_MOBILE_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015()（）]")
_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
NAME_MAX = 40
TEXT_MAX = 2000

GENDERS = ("male", "female")
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@")
_GENDER_WORDS = {
    "男": "male", "m": "male", "male": "male", "男性": "male",
    "女": "female", "f": "female", "female": "female", "女性": "female",
}


def _fail(field: str, code: str, value: object) -> ValidationError:
    return ValidationError(FieldProblem(field, code, value))


# Joiners shape emoji sequences and some scripts; harmless inside multi-line notes.
_JOINERS = "\u200c\u200d"


def check_text(value: object, field: str, *, multiline: bool = False) -> str:
    """The one check every free-text field of the core goes through (names, phones,
    titles, reasons, notes): refuse control characters (NUL, tab, escape, ...), line
    breaks and invisible format characters such as the bidirectional overrides and
    isolates (U+202A-U+202E, U+2066-U+2069), the direction marks (U+200E/F), zero-width
    spaces and a stray BOM, with code ``control_characters``, instead of storing them or
    stripping them silently.

    ``multiline`` text (notes, descriptions) may keep line breaks: ``\r\n`` and ``\r``
    come back as ``\n``. Returns the text, otherwise unchanged.
    """
    text = "" if value is None else str(value)
    if text.isprintable():  # the common case, checked at C speed
        return text
    if multiline and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Characters one by one only in the stretches that are not all printable (a huge cell
    # with one bad character at its end is not walked in Python).
    suspect = (text[i:i + 256] for i in range(0, len(text), 256))
    for ch in (ch for part in suspect if not part.isprintable() for ch in part):
        if ch.isprintable():
            continue
        category = unicodedata.category(ch)
        if category in ("Zs", "Co", "Cn"):  # wide spaces, private-use and new characters
            continue
        if multiline and (ch == "\n" or ch in _JOINERS):
            continue
        raise _fail(field, "control_characters", value)
    return text


def normalize_mobile(value: object, field: str = "mobile") -> str:
    """Return 11 plain digits of a mainland mobile number.

    Accepts full-width digits, spaces, dashes, brackets and a +86 / 0086 / 86 prefix.
    """
    if value is None:
        raise _fail(field, "required", value)
    text = unicodedata.normalize("NFKC", check_text(value, field)).strip()
    if not text:
        raise _fail(field, "required", value)
    digits = _MOBILE_SEPARATORS.sub("", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not _MOBILE_RE.match(digits):
        raise _fail(field, "mobile_invalid", value)
    return digits


def id_check_digit(first17: str) -> str:
    """GB 11643 check character for the first 17 digits of an ID-card number."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


# A number as Excel shows a long one it stored as a number (15 significant digits kept).
_EXCEL_NUMBER = re.compile(r"\d(?:\.\d+)?E\+?\d+")


def normalize_id_number(value: object, field: str = "id_number") -> str | None:
    """Return an 18-character resident ID number (upper-case X) or None when empty."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", check_text(value, field)).strip().replace(" ", "").upper()
    if not text:
        return None
    if _EXCEL_NUMBER.fullmatch(text):  # 5.40102199001011E+17: Excel's number, digits lost
        raise _fail(field, "id_excel_number", value)
    if len(text) != 18:
        raise _fail(field, "id_length", value)
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise _fail(field, "id_format", value)
    try:
        date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise _fail(field, "id_birth_date", value) from None
    if id_check_digit(text[:17]) != text[17]:
        raise _fail(field, "id_checksum", value)
    return text


def normalize_name(value: object, field: str = "name") -> str:
    """Trim and tidy a person's name; keep middle-dot forms such as 格桑·伦珠."""
    if value is None:
        raise _fail(field, "required", value)
    text = check_text(value, field).translate(_DOT_TABLE)
    text = " ".join(text.split())
    text = re.sub(r"\s*\u00b7\s*", "\u00b7", text)
    if not text:
        raise _fail(field, "required", value)
    if len(text) > NAME_MAX:
        raise _fail(field, "too_long", value)
    if text[0] in FORMULA_START:  # control characters were refused by check_text
        raise _fail(field, "bad_characters", value)
    return text


def normalize_text(value: object, field: str, max_len: int = TEXT_MAX, *,
                   multiline: bool = False) -> str:
    """Optional free text: control characters refused (line breaks too unless
    ``multiline``, see :func:`check_text`), trimmed, length limited."""
    if value is None:
        return ""
    text = check_text(value, field, multiline=multiline).strip()
    if len(text) > max_len:
        raise _fail(field, "too_long", value)
    return text


def normalize_gender(value: object, field: str = "gender") -> str | None:
    """'male', 'female' or None; accepts 男/女 and English words."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", check_text(value, field)).strip().lower()
    if not text:
        return None
    if text not in _GENDER_WORDS:
        raise _fail(field, "gender_invalid", value)
    return _GENDER_WORDS[text]


def normalize_optional_phone(value: object, field: str) -> str:
    """Phone of a contact person: a mobile number, or a landline kept as typed digits."""
    if value is None or not check_text(value, field).strip():
        return ""
    try:
        return normalize_mobile(value, field)
    except ValidationError:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if re.fullmatch(r"[0-9+\-\s()]{5,20}", text):
            return text
        raise _fail(field, "phone_invalid", value) from None


def mask_mobile(mobile: str) -> str:
    """138****1234 style masking for anything posted in public."""
    if len(mobile) == 11 and mobile.isdigit():
        return mobile[:3] + "****" + mobile[7:]
    return mobile


def mask_id_number(id_number: str | None) -> str:
    """Only the last four characters stay visible."""
    if not id_number:
        return ""
    return "*" * (len(id_number) - 4) + id_number[-4:]
