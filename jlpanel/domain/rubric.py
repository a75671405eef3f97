"""The rubric: areas, indicators, guidance by level, vetoes and bonus items.

A rubric is data, never code: it is read from a TOML or JSON document (the shipped default lives
in ``resources/rubrics/``), validated here with precise messages, and snapshotted into
each cycle so later edits to the file never change a cycle already under way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise
from typing import Any

from jlpanel.domain.exact import as_fraction, to_decimal
from jlpanel.domain.metrics import METRIC_KEYS
from jlpanel.domain.text import Text, shown, text_fault


class Level(StrEnum):
    """The four guidance levels of an indicator, best first."""

    EXCELLENT = "excellent"  # 优
    GOOD = "good"  # 良
    FAIR = "fair"  # 一般
    POOR = "poor"  # 差


LEVEL_ORDER: tuple[Level, ...] = (Level.EXCELLENT, Level.GOOD, Level.FAIR, Level.POOR)


class RubricError(ValueError):
    """A rubric document that cannot be used; ``problems`` lists every defect found."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("; ".join(self.problems))


class RubricDocumentError(RubricError):
    """The text is no rubric document at all (not TOML or JSON, nested too deep, invalid text,
    a number no rubric holds): one reason, in both languages."""

    def __init__(self, reason: Text) -> None:
        super().__init__([reason.en])
        self.reason = reason


#: A rubric nests about 8 levels (``areas[0].indicators[0].guidance.good.text_zh``).
MAX_DEPTH = 16
#: Points and percentages: no rubric number is larger, or finer than 10^-MAX_DECIMALS.
MAX_NUMBER = Decimal(1_000_000)
MAX_DECIMALS = 6
#: No integer in a rubric document needs more digits.
MAX_INTEGER_DIGITS = 20


@dataclass(frozen=True, slots=True)
class LevelDefinition:
    """A level's name and its share of an indicator's maximum, as [min_pct, max_pct)."""

    level: Level
    name: Text
    min_pct: Decimal
    max_pct: Decimal


@dataclass(frozen=True, slots=True)
class Band:
    """A closed range of points on the step grid, e.g. 8–10 for 优 on a 10-point indicator."""

    low: Decimal
    high: Decimal

    def __contains__(self, points: object) -> bool:
        if isinstance(points, bool) or not isinstance(points, Decimal | int | float):
            return False
        return self.low <= to_decimal(points) <= self.high


@dataclass(frozen=True, slots=True)
class Guidance:
    """What an indicator looks like at one level, and the points that level spans."""

    level: Level
    band: Band
    text: Text


@dataclass(frozen=True, slots=True)
class Indicator:
    """One scored indicator (e.g. A1 资源体量与覆盖, 10 points)."""

    code: str
    area_code: str
    name: Text
    max_points: Decimal
    step: Decimal
    description: Text
    guidance: tuple[Guidance, ...]
    evidence: tuple[Text, ...]
    metrics: tuple[str, ...]
    #: A comment is required when the score falls in one of these levels.
    comment_required_levels: frozenset[Level]
    _comment_bands: tuple[Band, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Checked for every score of every sheet: keep the bands at hand.
        bands = tuple(g.band for g in self.guidance if g.level in self.comment_required_levels)
        object.__setattr__(self, "_comment_bands", bands)

    def level_of(self, points: Decimal) -> Level:
        """The guidance level whose band holds ``points``."""
        for g in self.guidance:
            if points in g.band:
                return g.level
        # Points between bands cannot happen on the step grid; fall back on the nearest below.
        below = [g for g in self.guidance if g.band.low <= points]
        return max(below, key=lambda g: g.band.low).level if below else Level.POOR

    def band_of(self, level: Level) -> Band:
        """The points band of ``level`` on this indicator."""
        for g in self.guidance:
            if g.level is level:
                return g.band
        raise KeyError(level)

    def requires_comment(self, points: Decimal) -> bool:
        """Whether a score of ``points`` must come with a comment."""
        for band in self._comment_bands:  # noqa: SIM110 - a plain loop: this runs per score
            if band.low <= points <= band.high:
                return True
        return False


@dataclass(frozen=True, slots=True)
class Area:
    """A group of indicators (A 资源整合能力 …) with its maximum."""

    code: str
    name: Text
    max_points: Decimal
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True, slots=True)
class Veto:
    """A one-vote veto (一票否决): any confirmed veto makes the grade 不合格."""

    code: str
    name: Text
    description: Text
    #: Fraud or misconduct: the platform loses its status and is barred from applying.
    bars: bool


@dataclass(frozen=True, slots=True)
class BonusItem:
    """An optional bonus item; the bonus total is capped by ``Rubric.bonus_cap``."""

    code: str
    name: Text
    description: Text
    max_points: Decimal
    step: Decimal


@dataclass(frozen=True, slots=True)
class Rubric:
    """A complete, validated rubric."""

    id: str
    version: str
    name: Text
    total_points: Decimal
    levels: tuple[LevelDefinition, ...]
    areas: tuple[Area, ...]
    vetoes: tuple[Veto, ...] = ()
    bonus_items: tuple[BonusItem, ...] = ()
    bonus_cap: Decimal = Decimal(0)
    source: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    _indicators: tuple[Indicator, ...] = field(init=False, repr=False, compare=False)
    _by_code: Mapping[str, Indicator] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        indicators = tuple(i for a in self.areas for i in a.indicators)
        object.__setattr__(self, "_indicators", indicators)
        object.__setattr__(self, "_by_code", {i.code: i for i in indicators})

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator in area order."""
        return self._indicators

    def has_indicator(self, code: str) -> bool:
        """Whether the rubric has an indicator ``code``."""
        return code in self._by_code

    def indicator(self, code: str) -> Indicator:
        """The indicator with ``code``; KeyError when there is none."""
        return self._by_code[code]

    def area(self, code: str) -> Area:
        """The area with ``code``; KeyError when there is none."""
        for a in self.areas:
            if a.code == code:
                return a
        raise KeyError(code)

    def veto(self, code: str) -> Veto:
        """The veto with ``code``; KeyError when there is none."""
        for v in self.vetoes:
            if v.code == code:
                return v
        raise KeyError(code)

    def bonus_item(self, code: str) -> BonusItem:
        """The bonus item with ``code``; KeyError when there is none."""
        for b in self.bonus_items:
            if b.code == code:
                return b
        raise KeyError(code)

    def level_for_share(self, points: Decimal | Fraction | float, maximum: Decimal) -> Level:
        """The level whose percentage range holds ``points`` of ``maximum`` (an area's total),
        exactly: 28 of 35 is 80 %, 优."""
        if maximum <= 0:
            return LEVEL_ORDER[-1]
        share = as_fraction(points) / Fraction(maximum) * 100
        for definition in sorted(self.levels, key=lambda d: d.min_pct, reverse=True):
            if share >= Fraction(definition.min_pct):
                return definition.level
        return LEVEL_ORDER[-1]

    def level_name(self, level: Level) -> Text:
        """The display name of ``level`` (优/良/一般/差)."""
        for d in self.levels:
            if d.level is level:
                return d.name
        raise KeyError(level)


# ------------------------------------------------------------------------------------ loading


def is_multiple(value: Decimal | float, step: Decimal | float) -> bool:
    """Whether ``value`` lies exactly on the grid of ``step`` (0, step, 2·step …)."""
    exact_step = step if type(step) is Decimal and step.is_finite() else to_decimal(step)
    if exact_step <= 0:
        return False
    exact = value if type(value) is Decimal and value.is_finite() else to_decimal(value)
    return exact % exact_step == 0


def _ceil_to_step(value: Decimal, step: Decimal) -> Decimal:
    value, step = to_decimal(value), to_decimal(step)
    return (value / step).to_integral_value(rounding=ROUND_CEILING) * step


def derive_bands(
    max_points: Decimal, step: Decimal, levels: Sequence[LevelDefinition]
) -> dict[Level, Band]:
    """Point bands on the step grid from the levels' percentage ranges.

    A level spans [min_pct, max_pct) of the maximum (the best level includes the maximum);
    the band runs from the first step at or above its lower bound to one step below the next
    level's band, so bands are contiguous and cover 0..max exactly.
    """
    max_points, step = to_decimal(max_points), to_decimal(step)
    ordered = sorted(levels, key=lambda d: d.min_pct, reverse=True)
    bands: dict[Level, Band] = {}
    upper = max_points
    for d in ordered:
        low = _ceil_to_step(max_points * d.min_pct / 100, step)
        if d.min_pct <= 0:
            low = Decimal(0)
        bands[d.level] = Band(low, upper)
        upper = low - step
    return bands


class _Reader:
    """Collects every problem in a rubric document instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def text(self, raw: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> Text:
        zh = raw.get(f"{key}_zh", "")
        en = raw.get(f"{key}_en", "")
        if not isinstance(zh, str) or not isinstance(en, str):
            self.problem(where, f"{key}_zh / {key}_en must be strings")
            return Text("", "")
        if required and not zh.strip():
            self.problem(where, f"{key}_zh is missing or empty")
        return Text(zh.strip(), en.strip())

    def number(
        self, raw: Mapping[str, Any], key: str, where: str, default: float | None = None
    ) -> Decimal:
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(where, f"{key} must be a number (got {shown(repr(value))})")
            return Decimal(0)
        try:
            # Exact from here on: 0.1 in the document is one tenth, not 0.1000000000000000055.
            exact = to_decimal(value)
        except ValueError:
            self.problem(where, f"{key} must be finite (got {value!r})")
            return Decimal(0)
        # Beyond these, exact arithmetic on the step grid runs out of digits (1e300 points, a
        # step of 1e-300): refused here, as no rubric needs them.
        if not _number_in_range(value):
            self.problem(
                where,
                f"{key} must be at most {MAX_NUMBER:,} in size with at most {MAX_DECIMALS} "
                f"decimal places (got {shown(repr(value), 40)})",
            )
            return Decimal(0)
        # 100.0 in a document is 100: messages say "100", not "100.0".
        return exact.quantize(Decimal(1)) if exact == exact.to_integral_value() else exact

    def code(self, raw: Mapping[str, Any], where: str) -> str:
        code = raw.get("code")
        if not isinstance(code, str) or not code.strip():
            self.problem(where, "code is missing or empty")
            return ""
        return code.strip()

    def table_list(self, raw: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            self.problem(where, f"{key} must be a list of tables")
            return []
        return value


_DEFAULT_LEVELS: tuple[tuple[Level, str, str, Decimal, Decimal], ...] = (
    (Level.EXCELLENT, "优", "Excellent", Decimal(80), Decimal(100)),
    (Level.GOOD, "良", "Good", Decimal(55), Decimal(80)),
    (Level.FAIR, "一般", "Fair", Decimal(30), Decimal(55)),
    (Level.POOR, "差", "Poor", Decimal(0), Decimal(30)),
)


def _read_levels(r: _Reader, doc: Mapping[str, Any]) -> tuple[LevelDefinition, ...]:
    raw_levels = r.table_list(doc, "levels", "levels") if "levels" in doc else []
    if not raw_levels:
        return tuple(
            LevelDefinition(lv, Text(zh, en), lo, hi) for lv, zh, en, lo, hi in _DEFAULT_LEVELS
        )
    out: list[LevelDefinition] = []
    for n, raw in enumerate(raw_levels, 1):
        where = f"levels[{n}]"
        try:
            level = Level(str(raw.get("code")))
        except ValueError:
            r.problem(
                where, f"code must be one of {', '.join(LEVEL_ORDER)} (got {raw.get('code')!r})"
            )
            continue
        out.append(
            LevelDefinition(
                level,
                r.text(raw, "name", where),
                r.number(raw, "min_pct", where),
                r.number(raw, "max_pct", where),
            )
        )
    if {d.level for d in out} != set(LEVEL_ORDER) or len(out) != len(LEVEL_ORDER):
        r.problem("levels", "must define each of excellent, good, fair and poor exactly once")
        return tuple(out)
    ordered = sorted(out, key=lambda d: d.min_pct)
    if ordered[0].min_pct != 0:
        r.problem(
            "levels", f"the lowest level must start at 0 % (starts at {ordered[0].min_pct} %)"
        )
    if ordered[-1].max_pct != 100:
        r.problem(
            "levels", f"the highest level must end at 100 % (ends at {ordered[-1].max_pct} %)"
        )
    for below, above in pairwise(ordered):
        if below.max_pct != above.min_pct:
            r.problem(
                "levels",
                f"{below.level} ends at {below.max_pct} % but {above.level} starts at "
                f"{above.min_pct} %: the bands must meet with no gap or overlap",
            )
    if [d.level for d in sorted(out, key=lambda d: -d.min_pct)] != list(LEVEL_ORDER):
        r.problem("levels", "levels must rank excellent > good > fair > poor")
    return tuple(out)


def _read_guidance(
    r: _Reader,
    raw: Mapping[str, Any],
    where: str,
    max_points: Decimal,
    step: Decimal,
    levels: Sequence[LevelDefinition],
) -> tuple[Guidance, ...]:
    raw_guidance = raw.get("guidance", {})
    if not isinstance(raw_guidance, Mapping):
        r.problem(where, "guidance must be a table with excellent/good/fair/poor")
        return ()
    derived = derive_bands(max_points, step, levels) if step > 0 and max_points > 0 else {}
    out: list[Guidance] = []
    for level in LEVEL_ORDER:
        g = raw_guidance.get(level.value)
        gw = f"{where}.guidance.{level.value}"
        if not isinstance(g, Mapping):
            r.problem(gw, "guidance text for this level is missing")
            continue
        text = r.text(g, "text", gw)
        if "min" in g or "max" in g:
            band = Band(r.number(g, "min", gw), r.number(g, "max", gw))
        elif level in derived:
            band = derived[level]
        else:
            continue
        out.append(Guidance(level, band, text))
    if len(out) == len(LEVEL_ORDER):
        _check_bands(r, where, out, max_points, step)
    return tuple(out)


def _check_bands(
    r: _Reader, where: str, guidance: Sequence[Guidance], max_points: Decimal, step: Decimal
) -> None:
    ordered = sorted(guidance, key=lambda g: g.band.low)
    if ordered[0].band.low != 0:
        r.problem(where, f"the {ordered[0].level} band starts at {ordered[0].band.low}, not 0")
    if ordered[-1].band.high != max_points:
        r.problem(
            where,
            f"the {ordered[-1].level} band ends at {ordered[-1].band.high}, not {max_points:g}",
        )
    for g in ordered:
        if g.band.low > g.band.high:
            r.problem(where, f"the {g.level} band {g.band.low:g}–{g.band.high:g} is empty")
        for end in (g.band.low, g.band.high):
            if step > 0 and not is_multiple(end, step):
                r.problem(
                    where, f"the {g.level} band edge {end:g} is not a multiple of the step {step:g}"
                )
    for below, above in pairwise(ordered):
        if above.band.low != below.band.high + step:
            r.problem(
                where,
                f"the {below.level} band ends at {below.band.high:g} and the {above.level} band "
                f"starts at {above.band.low:g}: with step {step:g} they must meet "
                "with no gap or overlap",
            )
    if [g.level for g in sorted(guidance, key=lambda g: -g.band.low)] != list(LEVEL_ORDER):
        r.problem(where, "bands must rank excellent > good > fair > poor")


def _read_texts(r: _Reader, raw: Mapping[str, Any], key: str, where: str) -> tuple[Text, ...]:
    zh = raw.get(f"{key}_zh", [])
    en = raw.get(f"{key}_en", [])
    if not isinstance(zh, list) or not isinstance(en, list):
        r.problem(where, f"{key}_zh and {key}_en must be lists of strings")
        return ()
    if en and len(en) != len(zh):
        r.problem(where, f"{key}_en has {len(en)} entries but {key}_zh has {len(zh)}")
    return tuple(Text(str(z), str(en[n]) if n < len(en) else "") for n, z in enumerate(zh))


def rubric_from_dict(doc: Mapping[str, Any]) -> Rubric:
    """Build and validate a rubric from a parsed document; RubricError lists every defect."""
    r = _Reader()
    head = doc.get("rubric", {})
    if not isinstance(head, Mapping):
        raise RubricError(["rubric: the [rubric] table is missing"])
    rubric_id = head.get("id")
    if not isinstance(rubric_id, str) or not rubric_id.strip():
        r.problem("rubric", "id is missing or empty")
        rubric_id = ""
    version = str(head.get("version", "1"))
    name = r.text(head, "name", "rubric")
    total = r.number(head, "total_points", "rubric", 100.0)
    if total != 100:
        r.problem("rubric", f"total_points must be 100 (got {total:g})")
    levels = _read_levels(r, doc)

    seen: dict[str, str] = {}

    def unique(code: str, where: str) -> None:
        if not code:
            return
        if code in seen:
            r.problem(where, f"code {code!r} is used twice (also at {seen[code]})")
        else:
            seen[code] = where

    areas: list[Area] = []
    raw_areas = r.table_list(doc, "areas", "areas")
    if not raw_areas:
        r.problem("areas", "the rubric has no areas")
    for an, raw_area in enumerate(raw_areas, 1):
        aw = f"areas[{an}]"
        acode = r.code(raw_area, aw)
        aw = f"area {acode or an}"
        unique(acode, aw)
        aname = r.text(raw_area, "name", aw)
        amax = r.number(raw_area, "max_points", aw)
        if amax <= 0:
            r.problem(aw, f"max_points must be positive (got {amax:g})")
        indicators: list[Indicator] = []
        raw_inds = r.table_list(raw_area, "indicators", aw)
        if not raw_inds:
            r.problem(aw, "the area has no indicators")
        for n, raw in enumerate(raw_inds, 1):
            iw = f"{aw} indicator {n}"
            code = r.code(raw, iw)
            iw = f"indicator {code or n}"
            unique(code, iw)
            max_points = r.number(raw, "max_points", iw)
            step = r.number(raw, "step", iw, 0.5)
            if max_points <= 0:
                r.problem(iw, f"max_points must be positive (got {max_points:g})")
            if step <= 0:
                r.problem(iw, f"step must be positive (got {step:g})")
            elif max_points > 0 and not is_multiple(max_points, step):
                r.problem(iw, f"step {step:g} does not divide max_points {max_points:g}")
            required_raw = raw.get("comment_required_levels", ["poor"])
            required: set[Level] = set()
            if isinstance(required_raw, list):
                for value in required_raw:
                    try:
                        required.add(Level(value))
                    except ValueError:
                        r.problem(iw, f"comment_required_levels has an unknown level {value!r}")
            else:
                r.problem(iw, "comment_required_levels must be a list of level codes")
            metrics = raw.get("metrics", [])
            if not isinstance(metrics, list) or not all(isinstance(m, str) for m in metrics):
                r.problem(iw, "metrics must be a list of metric keys")
                metrics = []
            for key in metrics:
                if key not in METRIC_KEYS:
                    r.problem(iw, f"metric {key!r} is not in the metric catalogue")
            indicators.append(
                Indicator(
                    code=code,
                    area_code=acode,
                    name=r.text(raw, "name", iw),
                    max_points=max_points,
                    step=step,
                    description=r.text(raw, "description", iw, required=False),
                    guidance=_read_guidance(r, raw, iw, max_points, step, levels),
                    evidence=_read_texts(r, raw, "evidence", iw),
                    metrics=tuple(metrics),
                    comment_required_levels=frozenset(required),
                )
            )
        isum = sum((i.max_points for i in indicators), Decimal(0))
        if indicators and isum != amax:
            r.problem(aw, f"indicator maxima add up to {isum:g}, not the area's {amax:g}")
        areas.append(Area(acode, aname, amax, tuple(indicators)))
    asum = sum((a.max_points for a in areas), Decimal(0))
    if areas and asum != total:
        r.problem("areas", f"area maxima add up to {asum:g}, not {total:g}")

    vetoes: list[Veto] = []
    for n, raw in enumerate(r.table_list(doc, "vetoes", "vetoes"), 1):
        vw = f"vetoes[{n}]"
        code = r.code(raw, vw)
        unique(code, f"veto {code or n}")
        bars = raw.get("bars", False)
        if not isinstance(bars, bool):
            r.problem(vw, "bars must be true or false")
            bars = False
        vetoes.append(
            Veto(
                code, r.text(raw, "name", vw), r.text(raw, "description", vw, required=False), bars
            )
        )

    bonus_raw = doc.get("bonus", {})
    bonus_items: list[BonusItem] = []
    bonus_cap = Decimal(0)
    if not isinstance(bonus_raw, Mapping):
        r.problem("bonus", "must be a table with cap and items")
    elif bonus_raw:
        bonus_cap = r.number(bonus_raw, "cap", "bonus", 0.0)
        if bonus_cap < 0:
            r.problem("bonus", f"cap must not be negative (got {bonus_cap:g})")
        for n, raw in enumerate(r.table_list(bonus_raw, "items", "bonus"), 1):
            bw = f"bonus item {n}"
            code = r.code(raw, bw)
            unique(code, f"bonus item {code or n}")
            bmax = r.number(raw, "max_points", bw)
            bstep = r.number(raw, "step", bw, 0.5)
            if bmax <= 0:
                r.problem(bw, f"max_points must be positive (got {bmax:g})")
            if bstep <= 0 or (bmax > 0 and not is_multiple(bmax, bstep)):
                r.problem(bw, f"step {bstep:g} does not divide max_points {bmax:g}")
            bonus_items.append(
                BonusItem(
                    code,
                    r.text(raw, "name", bw),
                    r.text(raw, "description", bw, required=False),
                    bmax,
                    bstep,
                )
            )

    if r.problems:
        raise RubricError(r.problems)
    return Rubric(
        id=rubric_id,
        version=version,
        name=name,
        total_points=total,
        levels=levels,
        areas=tuple(areas),
        vetoes=tuple(vetoes),
        bonus_items=tuple(bonus_items),
        bonus_cap=bonus_cap,
        source=doc,
    )


def parse_rubric_text(text: str, *, suffix: str = ".toml") -> Rubric:
    """Parse a rubric document given as TOML (default) or JSON text.

    The document itself is checked before it is read as a rubric — nesting deeper than
    :data:`MAX_DEPTH`, integers of more than :data:`MAX_INTEGER_DIGITS` digits, text that is
    not valid Unicode (a lone surrogate) or holds U+0000, dates and times (which JSON cannot
    keep in the cycle's snapshot) — and refused with :class:`RubricDocumentError`.
    """
    import json
    import tomllib

    kind = suffix.lstrip(".").upper()
    try:
        if suffix.lower() == ".json":
            doc: Any = json.loads(text, parse_int=_bounded_int)
        else:
            doc = tomllib.loads(text)
    except RubricDocumentError:
        raise
    except RecursionError:
        raise _document_error("", "嵌套过深", "is nested too deeply") from None
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        reason = shown(str(exc), 200)
        raise RubricDocumentError(
            Text(f"不是有效的 {kind}：{reason}", f"the file is not valid {kind}: {reason}")
        ) from exc
    except ValueError:  # Python's own limit on converting an integer of thousands of digits
        raise _document_error(
            "", "含有位数过多的整数，超出范围", "holds an integer of too many digits"
        ) from None
    if not isinstance(doc, Mapping):
        raise RubricError(["the document must be a table at the top level"])
    _check_document(doc)
    return rubric_from_dict(doc)


def _document_error(where: str, zh: str, en: str) -> RubricDocumentError:
    place = shown(where)
    if not place:
        return RubricDocumentError(Text(f"文档{zh}", f"the document {en}"))
    return RubricDocumentError(Text(f"{place} {zh}", f"{place} {en}"))


def _bounded_int(digits: str) -> int:
    count = len(digits.lstrip("-"))
    if count > MAX_INTEGER_DIGITS:
        raise _document_error(
            "", f"含有一个 {count} 位的整数，超出范围", f"holds an integer of {count} digits"
        )
    return int(digits)


def _number_in_range(value: float) -> bool:
    """Whether ``value`` is finite, at most MAX_NUMBER in size and no finer than the limit."""
    try:
        exact = to_decimal(value)
    except ValueError:
        return False
    exponent = exact.as_tuple().exponent  # a float's shortest repr: no trailing zeros
    return abs(exact) <= MAX_NUMBER and isinstance(exponent, int) and exponent >= -MAX_DECIMALS


def _check_document(doc: Mapping[str, Any]) -> None:
    """Refuse what no rubric holds and what the cycle's snapshot cannot keep, naming where."""
    stack: list[tuple[Any, str, int]] = [(doc, "", 1)]
    while stack:
        node, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _document_error(
                where, f"嵌套超过 {MAX_DEPTH} 层", f"is nested more than {MAX_DEPTH} levels deep"
            )
        pairs = node.items() if isinstance(node, Mapping) else enumerate(node)
        for key, value in pairs:
            path = (
                (f"{where}.{key}" if where else key) if isinstance(key, str) else f"{where}[{key}]"
            )
            for text in (key, value):
                fault = text_fault(text) if isinstance(text, str) else None
                if fault is not None:
                    raise _document_error(path, fault.zh, fault.en)
            if isinstance(value, Mapping | list):
                stack.append((value, path, depth + 1))
            elif isinstance(value, int | float) and not isinstance(value, bool):
                if not _number_in_range(value):
                    number = shown(repr(value), 40)
                    raise _document_error(
                        path,
                        f"的数值 {number} 超出范围（绝对值不超过 {MAX_NUMBER:,}，"
                        f"小数不超过 {MAX_DECIMALS} 位）",
                        f"holds {number}, out of range (at most {MAX_NUMBER:,} in size, "
                        f"with at most {MAX_DECIMALS} decimal places)",
                    )
            elif isinstance(value, dt.date | dt.time):
                raise _document_error(
                    path,
                    "是日期或时间；评分细则中只能有文本、数字、真假值、列表和表",
                    "is a date or time; a rubric holds only text, numbers, true/false, lists "
                    "and tables",
                )
