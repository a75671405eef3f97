"""The register's rules (平台名录, 动态调整; DESIGN §3 and §5): what a cycle's outcome makes
of a platform's status, and where a rectification's follow-up stands.

Plain data: the services read and write the register; this module only decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum

from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.domain.text import Text


class RegisterStatus(StrEnum):
    """A platform's status in the register."""

    LISTED = "listed"  # 在册
    RECTIFY = "rectify"  # 限期整改
    DISQUALIFIED = "disqualified"  # 取消资格
    BARRED = "barred"  # 禁止申报 (fraud, academic misconduct)


STATUS_LABELS: Mapping[RegisterStatus, Text] = {
    RegisterStatus.LISTED: Text("在册", "Listed"),
    RegisterStatus.RECTIFY: Text("限期整改", "Rectifying"),
    RegisterStatus.DISQUALIFIED: Text("取消资格", "Disqualified"),
    RegisterStatus.BARRED: Text("禁止申报", "Barred"),
}


def status_after(
    decision: DecisionKind | None,
    grade: Grade | None,
    barred: bool,
    before: RegisterStatus | None,
) -> RegisterStatus:
    """The status a cycle's outcome gives a platform that had ``before``.

    A bar gives 禁止申报 and a loss of status 取消资格 whether or not the result was final.
    A history sheet may hold a grade without the decision: a fail then means 限期整改 (the
    two-fails rule of that cycle is not guessed). A result still pending changes nothing.
    """
    if barred:
        return RegisterStatus.BARRED
    if decision is DecisionKind.DISQUALIFY:
        return RegisterStatus.DISQUALIFIED
    if decision is DecisionKind.RECTIFY:
        return RegisterStatus.RECTIFY
    if decision in (DecisionKind.FUNDING_CANDIDATE, DecisionKind.MAINTAIN):
        return RegisterStatus.LISTED
    if decision is None and grade is not None:
        return RegisterStatus.RECTIFY if grade is Grade.FAIL else RegisterStatus.LISTED
    return before or RegisterStatus.LISTED


class FollowUp(StrEnum):
    """Where a rectification (限期整改) stands."""

    DUE = "due"  # 待整改: no report yet, the deadline not passed
    REPORTED = "reported"  # 待复核: the report is in, no review yet
    PASSED = "passed"  # 复核通过
    FAILED = "failed"  # 复核未通过
    OVERDUE = "overdue"  # 逾期: the deadline passed without a passed review


FOLLOW_UP_LABELS: Mapping[FollowUp, Text] = {
    FollowUp.DUE: Text("待整改", "Due"),
    FollowUp.REPORTED: Text("待复核", "Awaiting review"),
    FollowUp.PASSED: Text("复核通过", "Review passed"),
    FollowUp.FAILED: Text("复核未通过", "Review failed"),
    FollowUp.OVERDUE: Text("逾期", "Overdue"),
}


def follow_up(
    deadline: dt.date | None,
    report_received_on: dt.date | None,
    review: str | None,
    today: dt.date,
) -> FollowUp:
    """Where a rectification stands on ``today``: a passed review closes it; a failed one
    is final; otherwise the deadline passing (the day after it) makes it overdue, report or
    no report."""
    if review == "pass":
        return FollowUp.PASSED
    if review == "fail":
        return FollowUp.FAILED
    if deadline is not None and today > deadline:
        return FollowUp.OVERDUE
    return FollowUp.REPORTED if report_received_on is not None else FollowUp.DUE


def is_lapsed(state: FollowUp) -> bool:
    """Whether a rectification counts as failed for the next cycle: a failed review or a
    deadline passed without a passed one.

    The Measures say only that a fail is ordered to rectify and that two fails in a row lose
    the status; they say nothing of a rectification not done. It is taken as a second fail:
    the next cycle's decision is 取消资格, whatever that cycle's score.
    """
    return state in (FollowUp.FAILED, FollowUp.OVERDUE)
