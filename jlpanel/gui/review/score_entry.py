"""Reading a typed score: a number on the indicator's step grid within its bounds.

The checks are the domain's own (:func:`jlpanel.domain.scoresheet.validate_sheet`), so the
desk flags exactly what the service would refuse, with the same words, before anything is
sent to it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from jlpanel.domain.exact import to_decimal
from jlpanel.domain.rubric import Level, Rubric
from jlpanel.domain.scoresheet import ScoreSheet, validate_sheet
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.theme import ACCENT, CAUTION, DONE, WARN


@dataclass(frozen=True, slots=True)
class TypedScore:
    """What a score field holds: empty, a valid number, or a message saying what is wrong."""

    text: str
    value: Decimal | None = None
    error: str = ""

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @property
    def valid(self) -> bool:
        return not self.error


def _number(text: str) -> Decimal | None:
    # Full-width digits and points from a Chinese input method read as plain ones; a lone
    # decimal comma (7,5) as a point.
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("。", ".")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        # Exact as typed: "7.3" is seven and three tenths, not the nearest double.
        return to_decimal(cleaned) if cleaned else None
    except ValueError:
        return None


def read_score(text: str, rubric: Rubric, code: str, *, bonus: bool = False) -> TypedScore:
    """``text`` as a score of indicator (or bonus item) ``code``."""
    if not text.strip():
        return TypedScore(text)
    value = _number(text)
    if value is None:
        return TypedScore(
            text,
            error=translate("ScoreEntry", "{code}：“{text}”不是数字").format(
                code=code, text=text.strip()
            ),
        )
    sheet = (
        ScoreSheet("", "", {}, bonus={code: value}) if bonus else ScoreSheet("", "", {code: value})
    )
    problems = validate_sheet(sheet, rubric, complete=False)
    if problems:
        return TypedScore(text, value, problems[0].message.get(current_language()))
    return TypedScore(text, value)


def level_of(rubric: Rubric, code: str, points: Decimal | float) -> Level:
    """The guidance level the points of indicator ``code`` fall in."""
    return rubric.indicator(code).level_of(to_decimal(points))


#: Each level's colour: distinct hues that also differ in lightness (greyscale print).
LEVEL_COLOURS: dict[Level, str] = {
    Level.EXCELLENT: DONE,
    Level.GOOD: ACCENT,
    Level.FAIR: CAUTION,
    Level.POOR: WARN,
}
