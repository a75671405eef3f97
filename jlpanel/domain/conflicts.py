"""Conflicts of interest (回避) between experts and platforms (DESIGN §3 "Expert roster").

Four sources: the same-institution rule (the expert works at the platform's host unit), the
roster's 回避单位 (units the expert must not evaluate, matched against the host unit and the
platform's name), what the expert declares in the review package, and a same-name match that
staff confirmed (the expert is the person the dossier names). Each conflict carries a precise
reason in both languages, so staff can see why an expert was kept off a platform.

Unit names are compared on their identity key (:func:`jlpanel.domain.identity.identity_key`:
case, width, look-alike letters, invisible characters, spaces and punctuation do not count), so
"吉林\u200b大学" is 吉林大学 and "吉林大学（化学学院）" contains it. Two names match
when they are equal, or when one contains the other and the shorter has at least
:data:`MIN_CONTAINED_LENGTH` characters: "吉林大学" matches "吉林大学化学学院", but a three-
character "吉林省" matches nothing by containment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum

from jlpanel.domain.identity import identity_key
from jlpanel.domain.text import Text

#: The shorter of two unit names must have at least this many characters to match by
#: containment; shorter names only match when equal.
MIN_CONTAINED_LENGTH = 4

#: A key identifying an expert or a platform: a database id, a name in tests.
Key = int | str

_UNIT_SEPARATORS = re.compile(r"[；;、，,\n\r]+")


class ConflictSource(StrEnum):
    """Where a conflict comes from (the values the workspace stores)."""

    SAME_INSTITUTION = "same_institution"
    ROSTER = "roster"
    DECLARED = "declared"
    #: Staff checked a same-name match and confirmed it: the expert is the person named.
    SAME_NAME = "same_name"

    @property
    def label(self) -> Text:
        """The source's display name."""
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    ConflictSource.SAME_INSTITUTION: Text("同单位回避", "Same institution"),
    ConflictSource.ROSTER: Text("名单回避单位", "Roster: unit to avoid"),
    ConflictSource.DECLARED: Text("专家声明回避", "Declared by the expert"),
    ConflictSource.SAME_NAME: Text("同名核实回避", "Same name, confirmed by staff"),
}
_SOURCE_ORDER = {source: index for index, source in enumerate(ConflictSource)}
#: The sources computed by rule here, as opposed to declared by the expert.
RULE_SOURCES = (ConflictSource.SAME_INSTITUTION, ConflictSource.ROSTER)


@dataclass(frozen=True, slots=True)
class ExpertProfile:
    """What the conflict rules need to know about an expert."""

    key: Key
    name: str
    institution: str | None = None  # 工作单位
    avoid_units: tuple[str, ...] = ()  # 回避单位


@dataclass(frozen=True, slots=True)
class PlatformProfile:
    """What the conflict rules need to know about a platform."""

    key: Key
    name: str  # 平台名称
    host_unit: str | None = None  # 依托单位


@dataclass(frozen=True, slots=True)
class ConflictFinding:
    """One conflict: which expert, which platform, from which source, and why."""

    expert_key: Key
    platform_key: Key
    source: ConflictSource
    reason: Text


class Match(Enum):
    """How two unit names match."""

    EQUAL = "equal"
    FIRST_CONTAINS_SECOND = "first_contains_second"
    SECOND_CONTAINS_FIRST = "second_contains_first"


def split_units(text: str | None) -> tuple[str, ...]:
    """The units listed in one 回避单位 cell: separated by ；; 、，, or line breaks."""
    if not text:
        return ()
    units: list[str] = []
    for part in _UNIT_SEPARATORS.split(text):
        unit = part.strip()
        if unit and unit not in units:
            units.append(unit)
    return tuple(units)


def normalise_unit(name: str) -> str:
    """A unit name reduced for comparison: its identity key."""
    return identity_key(name)


def match_units(first: str | None, second: str | None) -> Match | None:
    """Whether two unit names denote the same unit by the rule of this module, and how."""
    if not first or not second:
        return None
    a, b = normalise_unit(first), normalise_unit(second)
    if not a or not b:
        return None
    if a == b:
        return Match.EQUAL
    if len(b) >= MIN_CONTAINED_LENGTH and b in a:
        return Match.FIRST_CONTAINS_SECOND
    if len(a) >= MIN_CONTAINED_LENGTH and a in b:
        return Match.SECOND_CONTAINS_FIRST
    return None


def is_matchable_unit(name: str) -> bool:
    """Whether ``name`` can match by containment (it is long enough), not only by equality."""
    return len(normalise_unit(name)) >= MIN_CONTAINED_LENGTH


# ------------------------------------------------------------------------------ reasons


def _same_institution_reason(institution: str, host: str, match: Match) -> Text:
    if match is Match.EQUAL:
        return Text(
            f"专家工作单位“{institution}”与依托单位“{host}”相同",
            f"The expert's institution '{institution}' is the host unit '{host}'",
        )
    if match is Match.FIRST_CONTAINS_SECOND:
        return Text(
            f"专家工作单位“{institution}”的名称包含依托单位“{host}”，视为同一单位",
            f"The expert's institution '{institution}' contains the name of the host unit "
            f"'{host}': treated as the same organisation",
        )
    return Text(
        f"依托单位“{host}”的名称包含专家工作单位“{institution}”，视为同一单位",
        f"The host unit '{host}' contains the name of the expert's institution "
        f"'{institution}': treated as the same organisation",
    )


def _avoid_host_reason(unit: str, host: str, match: Match) -> Text:
    if match is Match.EQUAL:
        return Text(
            f"专家名单所列回避单位“{unit}”与依托单位“{host}”相同",
            f"The roster lists '{unit}' as a unit to avoid: it is the host unit '{host}'",
        )
    if match is Match.FIRST_CONTAINS_SECOND:
        return Text(
            f"专家名单所列回避单位“{unit}”的名称包含依托单位“{host}”",
            f"The roster lists '{unit}' as a unit to avoid: it contains the name of the host "
            f"unit '{host}'",
        )
    return Text(
        f"依托单位“{host}”的名称包含专家名单所列回避单位“{unit}”",
        f"The host unit '{host}' contains '{unit}', which the roster lists as a unit to avoid",
    )


def _avoid_name_reason(unit: str, platform: str, match: Match) -> Text:
    if match is Match.EQUAL:
        return Text(
            f"专家名单所列回避单位“{unit}”即本平台",
            f"The roster lists this platform, '{unit}', as one to avoid",
        )
    if match is Match.FIRST_CONTAINS_SECOND:
        return Text(
            f"专家名单所列回避单位“{unit}”的名称包含平台名称“{platform}”",
            f"The roster lists '{unit}' as a unit to avoid: it contains the platform name "
            f"'{platform}'",
        )
    return Text(
        f"平台名称“{platform}”包含专家名单所列回避单位“{unit}”",
        f"The platform name '{platform}' contains '{unit}', which the roster lists as a unit "
        "to avoid",
    )


def join_reasons(reasons: Sequence[Text]) -> Text:
    """Several reasons as one text, in order."""
    return Text("；".join(r.zh for r in reasons), "; ".join(r.en for r in reasons))


# ------------------------------------------------------------------------------- rules


def _roster_reasons(expert: ExpertProfile, platform: PlatformProfile) -> list[Text]:
    reasons: list[Text] = []
    for unit in expert.avoid_units:
        host_match = match_units(unit, platform.host_unit)
        if host_match is not None and platform.host_unit:
            reasons.append(_avoid_host_reason(unit, platform.host_unit, host_match))
            continue  # one reason per listed unit is enough
        name_match = match_units(unit, platform.name)
        if name_match is not None:
            reasons.append(_avoid_name_reason(unit, platform.name, name_match))
    return reasons


def conflicts_between(expert: ExpertProfile, platform: PlatformProfile) -> list[ConflictFinding]:
    """The rule-based conflicts of one expert with one platform (at most one per source)."""
    out: list[ConflictFinding] = []
    match = match_units(expert.institution, platform.host_unit)
    if match is not None and expert.institution and platform.host_unit:
        out.append(
            ConflictFinding(
                expert.key,
                platform.key,
                ConflictSource.SAME_INSTITUTION,
                _same_institution_reason(expert.institution, platform.host_unit, match),
            )
        )
    reasons = _roster_reasons(expert, platform)
    if reasons:
        out.append(
            ConflictFinding(expert.key, platform.key, ConflictSource.ROSTER, join_reasons(reasons))
        )
    return out


def find_conflicts(
    experts: Sequence[ExpertProfile],
    platforms: Sequence[PlatformProfile],
    declared: Iterable[ConflictFinding] = (),
) -> list[ConflictFinding]:
    """Every conflict between ``experts`` and ``platforms``: by rule, plus those ``declared``.

    At most one finding per expert, platform and source (several 回避单位 that match the same
    platform share one finding, their reasons joined). Ordered by expert, then platform, then
    source, in the order given; declared conflicts of unknown experts or platforms are dropped.
    """
    found: dict[tuple[Key, Key, ConflictSource], ConflictFinding] = {}
    for expert in experts:
        for platform in platforms:
            for finding in conflicts_between(expert, platform):
                found[(expert.key, platform.key, finding.source)] = finding
    expert_order = {e.key: i for i, e in enumerate(experts)}
    platform_order = {p.key: i for i, p in enumerate(platforms)}
    for finding in declared:
        if finding.expert_key not in expert_order or finding.platform_key not in platform_order:
            continue
        key = (finding.expert_key, finding.platform_key, finding.source)
        found.setdefault(key, finding)
    return sorted(
        found.values(),
        key=lambda f: (
            expert_order[f.expert_key],
            platform_order[f.platform_key],
            _SOURCE_ORDER[f.source],
        ),
    )


def conflicted_pairs(conflicts: Iterable[ConflictFinding]) -> frozenset[tuple[Key, Key]]:
    """The (expert, platform) pairs that have any conflict."""
    return frozenset((c.expert_key, c.platform_key) for c in conflicts)


# ------------------------------------------------------------------------ same names


@dataclass(frozen=True, slots=True)
class PlatformPeople:
    """The people a dossier names: 平台负责人, 联系人 and the 人员 sheet (name, Excel row)."""

    key: Key
    director: str | None = None
    contact: str | None = None
    staff: tuple[tuple[str, int | None], ...] = ()


@dataclass(frozen=True, slots=True)
class PossibleConflict:
    """An expert who shares a name with someone the platform's dossier names.

    Not a conflict by itself: namesakes are common, so staff check it and confirm it (the
    expert is kept off the platform) or clear it. ``reason`` says where the name appears; it
    is what a decision is made on, so it holds facts only, no advice.
    """

    expert_key: Key
    platform_key: Key
    reason: Text


def _roles(people: PlatformPeople) -> list[tuple[str, Text]]:
    out: list[tuple[str, Text]] = []
    if people.director:
        out.append((people.director, Text("平台负责人", "the platform director")))
    if people.contact:
        out.append((people.contact, Text("联系人", "the contact person")))
    for name, row in people.staff:
        where = Text(
            f"人员表第 {row} 行" if row is not None else "人员表",
            f"the staff sheet, row {row}" if row is not None else "the staff sheet",
        )
        out.append((name, where))
    return out


def same_name_conflicts(
    experts: Sequence[ExpertProfile], platforms: Sequence[PlatformPeople]
) -> list[PossibleConflict]:
    """Experts whose name is the name of a platform's director, contact or staff member.

    Names are compared on their identity key, so spaces, width and invisible characters do
    not hide a match. One finding per expert and platform, every place the name appears in its
    reason; ordered by expert, then platform, in the order given.
    """
    by_key: dict[str, list[ExpertProfile]] = {}
    for expert in experts:
        key = identity_key(expert.name)
        if key:
            by_key.setdefault(key, []).append(expert)
    found: dict[tuple[Key, Key], list[tuple[str, Text]]] = {}
    for people in platforms:
        for person, where in _roles(people):
            for expert in by_key.get(identity_key(person), ()):
                found.setdefault((expert.key, people.key), []).append((person, where))
    expert_order = {e.key: i for i, e in enumerate(experts)}
    platform_order = {p.key: i for i, p in enumerate(platforms)}
    out: list[PossibleConflict] = []
    for (expert_key, platform_key), places in sorted(
        found.items(), key=lambda item: (expert_order[item[0][0]], platform_order[item[0][1]])
    ):
        expert = next(e for e in experts if e.key == expert_key)
        where_zh = "、".join(f"{w.zh}“{p}”" for p, w in places)
        where_en = "; ".join(f"{w.en} '{p}'" for p, w in places)
        out.append(
            PossibleConflict(
                expert_key,
                platform_key,
                Text(
                    f"专家“{expert.name}”与本平台材料中的{where_zh}同名",
                    f"The expert '{expert.name}' has the name of {where_en} in this "
                    "platform's dossier",
                ),
            )
        )
    return out


# ------------------------------------------------------------------- checking same names


class NameCheckDecision(StrEnum):
    """What staff decided about a same-name match (the values the workspace stores)."""

    CONFIRM = "confirm"  # the same person: a conflict of interest
    CLEAR = "clear"  # not the same person


class NameCheckStatus(StrEnum):
    """Where a same-name match stands."""

    TO_CHECK = "to_check"
    CONFIRMED = "confirmed"
    CLEARED = "cleared"

    @property
    def label(self) -> Text:
        """The status's display name."""
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    NameCheckStatus.TO_CHECK: Text("待核实", "To check"),
    NameCheckStatus.CONFIRMED: Text("已确认回避", "Confirmed: same person"),
    NameCheckStatus.CLEARED: Text("已排除", "Cleared: not the same person"),
}


def name_check_status(
    reason: str | None, decision: NameCheckDecision | None, decided_on: str | None
) -> NameCheckStatus:
    """The status of a same-name match whose reason is now ``reason`` (None: no longer found).

    A confirmation stands whatever the dossier says later: the expert is kept off until staff
    reopen it. Clearing holds only for the reason it was decided on (``decided_on``): when the
    dossier names the expert somewhere else, or the staff list changes, it is to check again.
    """
    if decision is NameCheckDecision.CONFIRM:
        return NameCheckStatus.CONFIRMED
    if decision is NameCheckDecision.CLEAR and decided_on == reason:
        return NameCheckStatus.CLEARED
    return NameCheckStatus.TO_CHECK


def confirmed_same_name_reason(reason: Text, note: str | None = None) -> Text:
    """The reason of the conflict a confirmed same-name match becomes."""
    note = (note or "").strip()
    return Text(
        f"经核实为同一人：{reason.zh}" + (f"（备注：{note}）" if note else ""),
        f"Checked by staff and confirmed as the same person: {reason.en}"
        + (f" (note: {note})" if note else ""),
    )
