"""The unified social credit code: checksum, alphabet, length and the Jilin division code."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jlpanel.domain.credit_code import (
    CREDIT_CODE_ALPHABET,
    CreditCodeProblemKind,
    check_credit_code,
    division_code,
    is_jilin,
    is_valid_credit_code,
    make_credit_code,
)

#: Widely cited as a valid example (a Fuzhou company); 3 is what the weights give.
PUBLISHED = "91350100M000100Y43"

prefixes = st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=17, max_size=17)


def test_the_published_example_is_valid_and_not_from_jilin():
    assert check_credit_code(PUBLISHED) is None
    assert division_code(PUBLISHED) == "350100"
    assert not is_jilin(PUBLISHED)


def test_the_check_character_is_computed_by_hand():
    # The rule itself: the weighted sum of the 17 values plus the check value is 0 mod 31.
    code = make_credit_code("91220101MA0Y0XXXX")
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    body = sum(CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(code, weights, strict=False))
    assert (body + CREDIT_CODE_ALPHABET.index(code[17])) % 31 == 0
    assert code == "91220101MA0Y0XXXXB"


def test_a_jilin_code_built_for_a_host_unit_is_valid_and_from_jilin():
    # 12 = 事业单位 (a public institution, as most host units are), 220000 = Jilin Province
    code = make_credit_code("12220000412345678")
    assert len(code) == 18 and code.startswith("12220000412345678")
    assert is_valid_credit_code(code)
    assert is_jilin(code)
    assert division_code(code) == "220000"


@pytest.mark.parametrize("prefix", ["91220101MA0Y0XXXX", "12220100MB1234567", "52220000MJY000001"])
def test_jilin_prefixes_give_jilin_codes(prefix: str):
    code = make_credit_code(prefix)
    assert check_credit_code(code) is None
    assert is_jilin(code)


def test_lower_case_and_spaces_around_are_accepted():
    assert check_credit_code(PUBLISHED.lower()) is None
    assert check_credit_code(f"  {PUBLISHED}\t") is None
    assert is_jilin(make_credit_code("91220101MA0Y0XXXX").lower())


def test_full_width_characters_typed_with_a_chinese_input_method_are_accepted():
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in PUBLISHED)
    assert check_credit_code(full_width) is None


def test_a_wrong_check_character_names_the_expected_one():
    problem = check_credit_code(PUBLISHED[:17] + "4")
    assert problem is not None
    assert problem.kind is CreditCodeProblemKind.BAD_CHECKSUM
    assert (problem.found, problem.expected, problem.position) == ("4", "3", 18)
    assert "“4”" in problem.describe().zh and "“3”" in problem.describe().zh
    assert "'3'" in problem.describe().en


@pytest.mark.parametrize("code", ["", "9135010", PUBLISHED[:17], PUBLISHED + "0"])
def test_a_wrong_length_is_reported_with_the_length_found(code: str):
    problem = check_credit_code(code)
    assert problem is not None
    assert problem.kind is CreditCodeProblemKind.WRONG_LENGTH
    assert problem.found == str(len(code))
    assert f"{len(code)} 位" in problem.describe().zh


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V", "-", "*"])
def test_letters_left_out_of_the_alphabet_are_invalid_characters(letter: str):
    code = PUBLISHED[:8] + letter + PUBLISHED[9:]
    problem = check_credit_code(code)
    assert problem is not None
    assert problem.kind is CreditCodeProblemKind.INVALID_CHARACTER
    assert (problem.found, problem.position) == (letter, 9)
    assert f"第 9 位“{letter}”" in problem.describe().zh


def test_a_space_inside_the_code_is_an_invalid_character():
    problem = check_credit_code(PUBLISHED[:6] + " " + PUBLISHED[7:])
    assert problem is not None and problem.kind is CreditCodeProblemKind.INVALID_CHARACTER


def test_division_code_needs_six_digits():
    assert division_code("91") is None
    assert division_code("91AB0100M000100Y43") is None
    assert not is_jilin("")
    assert not is_jilin("9122")


def test_a_jilin_division_with_a_bad_checksum_is_still_from_jilin():
    # is_jilin only reads the division code; the checksum is check_credit_code's business.
    code = make_credit_code("91220101MA0Y0XXXX")
    broken = code[:17] + ("0" if code[17] != "0" else "1")
    assert is_jilin(broken) and not is_valid_credit_code(broken)


@pytest.mark.parametrize(
    "prefix", ["", "1222000041234567", "122200004123456789", "12220000412345O78"]
)
def test_make_credit_code_refuses_a_bad_prefix(prefix: str):
    with pytest.raises(ValueError):
        make_credit_code(prefix)


@given(prefixes)
def test_made_codes_are_valid(prefix: str):
    assert check_credit_code(make_credit_code(prefix)) is None


@given(prefixes, st.integers(0, 17), st.integers(1, 30))
def test_any_single_character_change_breaks_the_code(prefix: str, position: int, shift: int):
    # 31 is prime and no weight is 0 mod 31, so one changed character always changes the sum.
    code = make_credit_code(prefix)
    value = CREDIT_CODE_ALPHABET.index(code[position])
    changed = CREDIT_CODE_ALPHABET[(value + shift) % 31]
    broken = code[:position] + changed + code[position + 1 :]
    problem = check_credit_code(broken)
    assert problem is not None and problem.kind is CreditCodeProblemKind.BAD_CHECKSUM


@given(st.text(max_size=25))
def test_any_text_is_either_valid_or_has_a_described_problem(text: str):
    problem = check_credit_code(text)
    if problem is not None:
        assert problem.describe().zh and problem.describe().en
    assert isinstance(is_jilin(text), bool)
