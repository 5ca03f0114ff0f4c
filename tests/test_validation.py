"""Validators: mobile numbers, ID-card numbers, names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volunteer_app.errors import ValidationError
from volunteer_app.validation import (
    id_check_digit,
    mask_id_number,
    mask_mobile,
    normalize_gender,
    normalize_id_number,
    normalize_mobile,
    normalize_name,
)


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+86-13812345678",
        "0086 13812345678",
        "8613812345678",
        "１３８１２３４５６７８",  # full-width digits
        "（138）1234-5678",
        13812345678,
    ],
)
def test_mobile_accepted_forms(raw: object) -> None:
    assert normalize_mobile(raw) == "13812345678"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "required"),
        (None, "required"),
        ("1381234567", "mobile_invalid"),  # 10 digits
        ("138123456789", "mobile_invalid"),  # 12 digits
        ("12812345678", "mobile_invalid"),  # no such prefix
        ("23812345678", "mobile_invalid"),
        ("0891-6321148", "mobile_invalid"),  # a landline
        ("138abcd5678", "mobile_invalid"),
    ],
)
def test_mobile_rejected(raw: object, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_mobile(raw)
    assert err.value.field == "mobile"
    assert err.value.reason == code


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.sampled_from(["", " ", "-"]),
       st.booleans())
def test_mobile_roundtrip_with_separators(digits: str, sep: str, prefix: bool) -> None:
    text = sep.join([digits[:3], digits[3:7], digits[7:]])
    if prefix:
        text = "+86 " + text
    assert normalize_mobile(text) == digits


def _valid_id(first17: str) -> str:
    return first17 + id_check_digit(first17)


def test_id_number_valid_and_lowercase_x() -> None:
    # A well-known valid sample number with check character X.
    assert normalize_id_number("11010519491231002X") == "11010519491231002X"
    assert normalize_id_number("11010519491231002x") == "11010519491231002X"
    num = _valid_id("54010219850902883")
    assert normalize_id_number(f" {num} ") == num
    assert normalize_id_number("") is None
    assert normalize_id_number(None) is None


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("110105194912310021", "id_checksum"),
        ("11010519491231002", "id_length"),
        ("1101051949123100211", "id_length"),
        ("11010519491231002Y", "id_format"),
        ("1101051949A231002X", "id_format"),
        ("110105194913310027", "id_birth_date"),
    ],
)
def test_id_number_rejected(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_id_number(raw)
    assert err.value.field == "id_number"
    assert err.value.reason == code


@given(st.from_regex(r"[1-6][0-9]{5}(19[5-9][0-9]|200[0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{3}", fullmatch=True))
def test_every_generated_id_checks_and_one_wrong_digit_fails(first17: str) -> None:
    good = _valid_id(first17)
    assert normalize_id_number(good) == good
    wrong = "1" if good[-1] != "1" else "2"
    with pytest.raises(ValidationError):
        normalize_id_number(good[:-1] + wrong)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  张三 ", "张三"),
        ("格桑·伦珠", "格桑·伦珠"),
        ("格桑•伦珠", "格桑·伦珠"),  # bullet typed for the middle dot
        ("格桑・伦珠", "格桑·伦珠"),  # katakana middle dot
        ("格桑 · 伦珠", "格桑·伦珠"),
        ("Tenzin  Norbu", "Tenzin Norbu"),
        ("བཀྲ་ཤིས་", "བཀྲ་ཤིས་"),  # Tibetan script kept
    ],
)
def test_names_normalised(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", None, "=HYPERLINK(\"x\")", "a\x07b", "名" * 41])
def test_names_rejected(raw: object) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_name(raw)
    assert err.value.field == "name"


def test_gender_words() -> None:
    assert normalize_gender("男") == "male"
    assert normalize_gender("F") == "female"
    assert normalize_gender("") is None
    with pytest.raises(ValidationError):
        normalize_gender("x")


def test_masking() -> None:
    assert mask_mobile("13812341234") == "138****1234"
    assert mask_id_number("11010519491231002X") == "**************002X"
    assert mask_id_number(None) == ""
