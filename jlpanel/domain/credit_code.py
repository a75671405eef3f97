"""The unified social credit code (统一社会信用代码, GB 32100-2015).

Eighteen characters: 登记管理部门代码 (1), 机构类别代码 (1), the administrative division code of
the registering authority (6, GB/T 2260), the organisation code (9) and one check character.
The alphabet is the digits and the capital letters without I, O, Z, S and V, which are too
easily misread; the check character makes the weighted sum of all 18 values a multiple of 31.

Codes are checked after trimming, upper-casing, folding full-width characters to ASCII,
dropping invisible characters and reading look-alike Cyrillic and Greek letters as Latin,
because host units copy them from licences and type them with Chinese input methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jlpanel.domain.identity import CONFUSABLES, clean_text
from jlpanel.domain.text import Text

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_LENGTH = 18
#: Weight of each of the first 17 positions: 3**i mod 31.
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
#: Jilin's division codes all begin with 22 (GB/T 2260).
JILIN_DIVISION_PREFIX = "22"

_VALUE = {ch: n for n, ch in enumerate(CREDIT_CODE_ALPHABET)}


class CreditCodeProblemKind(StrEnum):
    """What is wrong with a credit code."""

    WRONG_LENGTH = "wrong_length"
    INVALID_CHARACTER = "invalid_character"
    BAD_CHECKSUM = "bad_checksum"


@dataclass(frozen=True, slots=True)
class CreditCodeProblem:
    """Why a credit code is not valid, with what was found.

    ``position`` is 1-based. For a wrong length it is None and ``found`` is the length; for an
    invalid character ``found`` is that character; for a bad checksum ``found`` is the check
    character given and ``expected`` the one the first 17 characters call for.
    """

    kind: CreditCodeProblemKind
    found: str
    expected: str | None = None
    position: int | None = None

    def describe(self) -> Text:
        """The problem in words, naming the offending value."""
        if self.kind is CreditCodeProblemKind.WRONG_LENGTH:
            return Text(
                f"长度应为 18 位，实际为 {self.found} 位",
                f"it should have 18 characters but has {self.found}",
            )
        if self.kind is CreditCodeProblemKind.INVALID_CHARACTER:
            return Text(
                f"第 {self.position} 位“{self.found}”不是有效字符"
                "（只能是数字和除 I、O、Z、S、V 以外的大写字母）",
                f"character {self.position} '{self.found}' is not allowed "
                "(only digits and capital letters other than I, O, Z, S and V)",
            )
        return Text(
            f"校验位错误：第 18 位为“{self.found}”，按前 17 位计算应为“{self.expected}”",
            f"the check character is wrong: the 18th character is '{self.found}' "
            f"but the first 17 call for '{self.expected}'",
        )


def normalize_credit_code(code: str) -> str:
    """The code as it should be written: cleaned, look-alike letters read as Latin, upper case.

    "９１２２0101mа…" (full width, a Cyrillic а) becomes "91220101MA…". Spaces and hyphens
    inside stay, so that the check names them.
    """
    return clean_text(code).text.lower().translate(CONFUSABLES).upper()


def _check_character(body: str) -> str:
    total = sum(_VALUE[ch] * w for ch, w in zip(body, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def check_credit_code(code: str) -> CreditCodeProblem | None:
    """What is wrong with ``code``, or None when it is a valid GB 32100 code.

    Lower case and surrounding spaces are accepted. The first problem found is reported, in
    the order length, characters, checksum.
    """
    text = normalize_credit_code(code)
    if len(text) != CREDIT_CODE_LENGTH:
        return CreditCodeProblem(CreditCodeProblemKind.WRONG_LENGTH, str(len(text)))
    for position, ch in enumerate(text, 1):
        if ch not in _VALUE:
            return CreditCodeProblem(CreditCodeProblemKind.INVALID_CHARACTER, ch, position=position)
    expected = _check_character(text[:17])
    if text[17] != expected:
        return CreditCodeProblem(
            CreditCodeProblemKind.BAD_CHECKSUM, text[17], expected=expected, position=18
        )
    return None


def is_valid_credit_code(code: str) -> bool:
    """Whether ``code`` is a valid unified social credit code."""
    return check_credit_code(code) is None


def division_code(code: str) -> str | None:
    """Characters 3–8, the division code of the registering authority; None when not 6 digits."""
    text = normalize_credit_code(code)
    division = text[2:8]
    if len(division) == 6 and division.isascii() and division.isdigit():
        return division
    return None


def is_jilin(code: str) -> bool:
    """Whether the code was issued in Jilin Province (division code 22xxxx).

    Says nothing about the checksum; use check_credit_code for that.
    """
    division = division_code(code)
    return division is not None and division.startswith(JILIN_DIVISION_PREFIX)


def make_credit_code(prefix17: str) -> str:
    """``prefix17`` with the check character that makes it a valid code.

    Raises ValueError when the prefix is not 17 characters of the code alphabet.
    """
    body = normalize_credit_code(prefix17)
    if len(body) != CREDIT_CODE_LENGTH - 1:
        raise ValueError(f"a credit code prefix has 17 characters, not {len(body)}: {prefix17!r}")
    bad = [ch for ch in body if ch not in _VALUE]
    if bad:
        raise ValueError(f"not in the credit code alphabet: {''.join(bad)!r} in {prefix17!r}")
    return body + _check_character(body)
