"""Score sheets: one expert's scores for one platform, and their validation."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Final

from jlpanel.domain.exact import ZERO, to_decimal
from jlpanel.domain.rubric import BonusItem, Indicator, Rubric, is_multiple
from jlpanel.domain.text import Text


class Provenance(StrEnum):
    """Where a score sheet came from."""

    PACKAGE = "package"  # a signed score file from the expert's review package
    PAPER = "paper"  # a paper sheet typed in by the secretary


@dataclass(frozen=True, slots=True)
class ScoreSheet:
    """One expert × one platform: points per indicator, comments, vetoes and bonus."""

    expert_id: str
    platform_id: str
    #: Exact points on the rubric's grid; floats and strings given here are made exact.
    points: Mapping[str, Decimal | None]
    comments: Mapping[str, str] = field(default_factory=dict)
    #: Veto code → the expert's reason.
    vetoes: Mapping[str, str] = field(default_factory=dict)
    bonus: Mapping[str, Decimal] = field(default_factory=dict)
    overall_comment: str = ""
    provenance: Provenance = Provenance.PACKAGE
    revision: int = 1

    def __post_init__(self) -> None:
        if not all(v is None or type(v) is Decimal for v in self.points.values()):
            object.__setattr__(
                self,
                "points",
                {c: None if v is None else to_decimal(v) for c, v in self.points.items()},
            )
        if not all(type(v) is Decimal for v in self.bonus.values()):
            object.__setattr__(self, "bonus", {c: to_decimal(v) for c, v in self.bonus.items()})


def exact_points(values: Mapping[str, Decimal | float | None]) -> dict[str, Decimal | None]:
    """Points from a file or a form as exact decimals (a float by its shortest repr)."""
    return {code: None if v is None else to_decimal(v) for code, v in values.items()}


def exact_bonus(values: Mapping[str, Decimal | float]) -> dict[str, Decimal]:
    """Bonus points from a file or a form as exact decimals."""
    return {code: to_decimal(v) for code, v in values.items()}


class ProblemKind(StrEnum):
    """The kinds of defect a score sheet can have."""

    MISSING = "missing"
    UNKNOWN_INDICATOR = "unknown_indicator"
    OUT_OF_BOUNDS = "out_of_bounds"
    OFF_STEP = "off_step"
    COMMENT_REQUIRED = "comment_required"
    UNKNOWN_VETO = "unknown_veto"
    VETO_REASON_REQUIRED = "veto_reason_required"
    UNKNOWN_BONUS = "unknown_bonus"
    BONUS_OUT_OF_BOUNDS = "bonus_out_of_bounds"
    BONUS_OFF_STEP = "bonus_off_step"


@dataclass(frozen=True, slots=True)
class SheetProblem:
    """One defect of a score sheet, with a bilingual message naming where it is."""

    kind: ProblemKind
    code: str
    message: Text


def _fmt(x: Decimal) -> str:
    return f"{x.normalize():f}" if x == x.to_integral_value() else f"{x:f}"


def validate_sheet(
    sheet: ScoreSheet, rubric: Rubric, *, complete: bool = True
) -> list[SheetProblem]:
    """Every defect of ``sheet`` against ``rubric``; an empty list means the sheet is valid.

    With ``complete=False`` unscored indicators and missing comments are not reported, so a
    sheet in progress can be checked as the expert types.
    """
    problems: list[SheetProblem] = []

    def add(kind: ProblemKind, code: str, zh: str, en: str) -> None:
        problems.append(SheetProblem(kind, code, Text(zh, en)))

    for code in sheet.points:
        if not rubric.has_indicator(code):
            add(
                ProblemKind.UNKNOWN_INDICATOR,
                code,
                f"指标 {code} 不在评分细则中",
                f"indicator {code} is not in the rubric",
            )
    for ind in rubric.indicators:
        value = sheet.points.get(ind.code)
        if value is None:
            if complete:
                add(
                    ProblemKind.MISSING,
                    ind.code,
                    f"指标 {ind.code} {ind.name.zh} 尚未评分",
                    f"indicator {ind.code} {ind.name.en} has no score",
                )
            continue
        if value < ZERO or value > ind.max_points:
            add(
                ProblemKind.OUT_OF_BOUNDS,
                ind.code,
                f"指标 {ind.code} 得分 {_fmt(value)} 超出 0–{_fmt(ind.max_points)} 分",
                f"indicator {ind.code}: {_fmt(value)} is outside 0–{_fmt(ind.max_points)}",
            )
            continue
        if not is_multiple(value, ind.step):
            add(
                ProblemKind.OFF_STEP,
                ind.code,
                f"指标 {ind.code} 得分 {_fmt(value)} 不是 {_fmt(ind.step)} 的整数倍",
                f"indicator {ind.code}: {_fmt(value)} is not a multiple of {_fmt(ind.step)}",
            )
            continue
        if (
            complete
            and not (sheet.comments.get(ind.code) or "").strip()
            and ind.requires_comment(value)
        ):
            level = rubric.level_name(ind.level_of(value))
            add(
                ProblemKind.COMMENT_REQUIRED,
                ind.code,
                f"指标 {ind.code} 得分 {_fmt(value)} 属于“{level.zh}”档，须填写评语",
                f"indicator {ind.code}: a score of {_fmt(value)} is in the {level.en} band "
                "and needs a comment",
            )
    veto_codes = {v.code for v in rubric.vetoes}
    for code, reason in sheet.vetoes.items():
        if code not in veto_codes:
            add(
                ProblemKind.UNKNOWN_VETO,
                code,
                f"否决项 {code} 不在评分细则中",
                f"veto {code} is not in the rubric",
            )
        elif not reason.strip():
            name = rubric.veto(code).name
            add(
                ProblemKind.VETO_REASON_REQUIRED,
                code,
                f"否决项“{name.zh}”须写明理由",
                f"the veto “{name.en}” needs a reason",
            )
    bonus_codes = {b.code for b in rubric.bonus_items}
    for code, value in sheet.bonus.items():
        if code not in bonus_codes:
            add(
                ProblemKind.UNKNOWN_BONUS,
                code,
                f"加分项 {code} 不在评分细则中",
                f"bonus item {code} is not in the rubric",
            )
            continue
        item = rubric.bonus_item(code)
        if value < 0 or value > item.max_points:
            add(
                ProblemKind.BONUS_OUT_OF_BOUNDS,
                code,
                f"加分项 {code} 得分 {_fmt(value)} 超出 0–{_fmt(item.max_points)} 分",
                f"bonus item {code}: {_fmt(value)} is outside 0–{_fmt(item.max_points)}",
            )
        elif not is_multiple(value, item.step):
            add(
                ProblemKind.BONUS_OFF_STEP,
                code,
                f"加分项 {code} 得分 {_fmt(value)} 不是 {_fmt(item.step)} 的整数倍",
                f"bonus item {code}: {_fmt(value)} is not a multiple of {_fmt(item.step)}",
            )
    return problems


def bonus_total(sheet: ScoreSheet, rubric: Rubric) -> Decimal:
    """The sheet's bonus points, capped at the rubric's bonus cap."""
    raw = sum((v for v in sheet.bonus.values() if v > 0), ZERO)
    return min(raw, rubric.bonus_cap)


def area_points(sheet: ScoreSheet, rubric: Rubric) -> dict[str, Decimal]:
    """Points per area (unscored indicators count as 0), exact."""
    return {
        area.code: sum(((sheet.points.get(i.code) or ZERO) for i in area.indicators), ZERO)
        for area in rubric.areas
    }


def expert_total(
    sheet: ScoreSheet, rubric: Rubric, areas: Mapping[str, Decimal] | None = None
) -> Decimal:
    """Sum of indicator points plus the capped bonus, never above the rubric's total (100).

    ``areas`` may pass the sheet's ``area_points`` when the caller has them already.
    """
    base = sum((areas if areas is not None else area_points(sheet, rubric)).values(), ZERO)
    return min(base + bonus_total(sheet, rubric), rubric.total_points)


_FLOATS: Final = frozenset({float})
#: What a score means for its indicator, remembered per value (see :class:`SheetChecker`).
_BAD, _FINE, _NEEDS_COMMENT = 0, 1, 2


class SheetChecker:
    """:func:`validate_sheet` for many sheets against one rubric, with the same answers.

    A sheet's points come from a small grid, so what each value means for each indicator
    (out of bounds or off the step, fine, or fine with a comment) is worked out once per
    distinct value and remembered. A sound sheet is then passed with dictionary look-ups;
    a sheet with any defect is handed to :func:`validate_sheet`, which lists its problems
    with their messages, so nothing about a defective sheet differs.
    """

    def __init__(self, rubric: Rubric, *, complete: bool = True) -> None:
        self.rubric = rubric
        self.complete = complete
        self._codes = frozenset(i.code for i in rubric.indicators)
        self._points: tuple[tuple[str, Indicator, dict[Decimal, int]], ...] = tuple(
            (i.code, i, {}) for i in rubric.indicators
        )
        self._vetoes = frozenset(v.code for v in rubric.vetoes)
        self._bonus: dict[str, tuple[BonusItem, dict[Decimal, int]]] = {
            b.code: (b, {}) for b in rubric.bonus_items
        }
        #: The same per float, with the float's exact value (see :meth:`total_if_sound`).
        self._float_points: tuple[tuple[str, Indicator, dict[float, tuple[int, Decimal]]], ...] = (
            tuple((i.code, i, {}) for i in rubric.indicators)
        )
        self._float_bonus: dict[str, BonusItem] = {b.code: b for b in rubric.bonus_items}

    def problems(self, sheet: ScoreSheet) -> list[SheetProblem]:
        """Every defect of ``sheet``, as :func:`validate_sheet` gives them."""
        try:
            sound = self._sound(sheet)
        except TypeError:  # an unhashable value (a signalling NaN): let the full check say
            sound = False
        return [] if sound else validate_sheet(sheet, self.rubric, complete=self.complete)

    def total(self, sheet: ScoreSheet) -> Decimal:
        """:func:`expert_total` of ``sheet``, the same to the last digit and exponent.

        Decimal addition here is exact, so the rubric's indicators summed in one run give what
        summing them area by area gives, without building the areas.
        """
        rubric = self.rubric
        points = sheet.points
        base = sum(((points.get(code) or ZERO) for code, _, _ in self._points), ZERO)
        return min(base + bonus_total(sheet, rubric), rubric.total_points)

    def total_if_sound(
        self,
        points: Mapping[str, float],
        comments: Mapping[str, str],
        vetoes: Mapping[str, str],
        bonus: Mapping[str, float],
    ) -> Decimal | None:
        """:meth:`total` of the sheet of these values when :meth:`problems` finds nothing in
        it, else None; the points and bonus being finite floats as a score file gives them
        (each taken by its shortest repr, as :func:`exact_points` does).

        Without making a sheet or a Decimal per value: what a float means, and its exact
        Decimal, are remembered per float and worked out once. The total is the same to the
        last digit and exponent: each nonzero float adds its exact Decimal, a zero adds ZERO
        (as a Decimal zero does through ``or ZERO``), and Decimal addition of points on the
        rubric's grid is exact, so in any order. None (a defect, or a value this cannot vouch
        for, such as an int) leaves the sheet to :meth:`problems`.
        """
        if not self._codes.issuperset(points) or not _FLOATS.issuperset(map(type, points.values())):
            return None
        complete = self.complete
        base = ZERO
        for code, indicator, known in self._float_points:
            value = points.get(code)
            if value is None:
                if complete:
                    return None
                continue
            found = known.get(value)
            if found is None:
                found = known[value] = self._float_meaning(value, indicator)
            meaning, exact = found
            if meaning == _BAD:
                return None
            if meaning == _NEEDS_COMMENT and complete and not (comments.get(code) or "").strip():
                return None
            base += exact
        for code, reason in vetoes.items():
            if code not in self._vetoes or not reason.strip():
                return None
        raw = ZERO
        for code, value in bonus.items():
            item = self._float_bonus.get(code)
            if item is None or type(value) is not float or not math.isfinite(value):
                return None
            exact = to_decimal(value)
            if _bonus_meaning(exact, item) == _BAD:
                return None
            if exact > 0:
                raw += exact
        rubric = self.rubric
        return min(base + min(raw, rubric.bonus_cap), rubric.total_points)

    @staticmethod
    def _float_meaning(value: float, indicator: Indicator) -> tuple[int, Decimal]:
        # 0.0 and -0.0 share a key: their Decimals (0.0, -0.0) compare and divide alike, and
        # both add ZERO to a total.
        if not math.isfinite(value):
            return _BAD, ZERO  # problems() then says what it is
        exact = to_decimal(value)
        return _meaning(exact, indicator), exact if value else ZERO

    def _sound(self, sheet: ScoreSheet) -> bool:
        points = sheet.points
        if not self._codes.issuperset(points):
            return False
        complete = self.complete
        for code, indicator, known in self._points:
            value = points.get(code)
            if value is None:
                if complete:
                    return False
                continue
            meaning = known.get(value)
            if meaning is None:
                meaning = known[value] = _meaning(value, indicator)
            if meaning == _BAD:
                return False
            if (
                meaning == _NEEDS_COMMENT
                and complete
                and not (sheet.comments.get(code) or "").strip()
            ):
                return False
        for code, reason in sheet.vetoes.items():
            if code not in self._vetoes or not reason.strip():
                return False
        for code, value in sheet.bonus.items():
            found = self._bonus.get(code)
            if found is None:
                return False
            item, seen = found
            meaning = seen.get(value)
            if meaning is None:
                meaning = seen[value] = _bonus_meaning(value, item)
            if meaning == _BAD:
                return False
        return True


def _meaning(value: Decimal, indicator: Indicator) -> int:
    """What ``value`` means for ``indicator``, by the tests :func:`validate_sheet` makes."""
    if not value.is_finite() or value < ZERO or value > indicator.max_points:
        return _BAD
    if not is_multiple(value, indicator.step):
        return _BAD
    return _NEEDS_COMMENT if indicator.requires_comment(value) else _FINE


def _bonus_meaning(value: Decimal, item: BonusItem) -> int:
    if not value.is_finite() or value < 0 or value > item.max_points:
        return _BAD
    return _FINE if is_multiple(value, item.step) else _BAD
