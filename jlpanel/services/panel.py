"""The panel's own decisions on results (DESIGN §5): the order of exact ties that matter,
rulings on experts' veto claims, and confirming the results.

Every decision needs a written reason and is audited. A tie order or a ruling changes the
computed results; confirming fixes them: rectification deadlines run from the confirmation
day, and a later recompute that differs shows the difference until it is confirmed again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jlpanel.domain.identity import identity_key
from jlpanel.domain.results import TIE_LABELS, CycleResults, PlatformResult
from jlpanel.services.dossiers import platforms_by_filing_no
from jlpanel.services.errors import UserError
from jlpanel.services.register import (
    ConfirmedLine,
    confirmation_ref,
    revert_confirmation,
    write_confirmation,
)
from jlpanel.services.results import (
    compute_and_store_results,
    compute_workspace_results,
    confirmation_in_force,
)
from jlpanel.services.workspace import Workspace, backup_before, current_actor, record
from jlpanel.storage import models as m
from jlpanel.storage.confirmations import latest_confirmation

log = logging.getLogger(__name__)


def _reason(reason: str, what_zh: str, what_en: str) -> str:
    text = reason.strip()
    if not text:
        raise UserError(f"{what_zh}须写明理由", f"{what_en} needs a written reason")
    return text


# ------------------------------------------------------------------------------- ties


def order_tie(
    ws: Workspace, filing_nos: Sequence[str], reason: str, *, author: str | None = None
) -> list[str]:
    """Record the panel's order (best first) for platforms in an exact tie, with the reason;
    the filing numbers as recorded (as the workspace writes them, however they were typed).

    Refused unless the platforms share one rank now: an order is never a way to re-rank
    platforms whose scores differ.
    """
    text = _reason(reason, "并列平台的排序", "Ordering tied platforms")
    platforms = platforms_by_filing_no(ws, filing_nos) if len(filing_nos) >= 2 else []
    # Kept as the workspace writes each number, however it was typed.
    filing_nos = [p.filing_no for p in platforms]
    if len(filing_nos) < 2 or len(set(filing_nos)) != len(filing_nos):
        raise UserError(
            "请列出至少两个不同的并列平台备案编号，按专家组确定的先后顺序",
            "List at least two different tied platforms' filing numbers, best first",
        )
    ids = [p.id for p in platforms]
    results = compute_workspace_results(ws)
    area = ws.cycle_info().rules.tie_break_area
    keys = {
        (r.score, r.exact_area_scores.get(area), bool(r.vetoes))
        for r in (results.by_id(str(pid)) for pid in ids)
    }
    # The same score and the same tie-break area exactly: tied, whether or not an earlier
    # order already separated them (the panel may revise its order).
    if len(keys) != 1 or next(iter(keys))[0] is None:
        listed = "、".join(filing_nos)
        raise UserError(
            f"{listed} 的得分与服务成效分并不完全相同，没有并列，无需专家组排序",
            f"{listed} do not have the same score and service-outcome score: no tie to order",
        )
    with ws.session() as s:
        s.add(
            m.TieOrder(
                filing_nos_json=json.dumps(list(filing_nos), ensure_ascii=False),
                reason=text,
                author=author or current_actor(),
            )
        )
        record(s, "order_tie", "cycle", None, new={"order": list(filing_nos), "reason": text})
    log.info("tie ordered: %s", filing_nos)
    return filing_nos


@dataclass(frozen=True, slots=True)
class TieLine:
    """A tie that matters, in words: where, who, and whether the panel has ordered it."""

    where: str
    filing_nos: tuple[str, ...]
    names: tuple[str, ...]
    decided: bool


def tie_lines(
    ws: Workspace, language: str = "zh", *, results: CycleResults | None = None
) -> list[TieLine]:
    """Every tie that matters in the current results (并列), for the results and discussion."""
    results = results or compute_workspace_results(ws)
    with ws.reading() as s:
        facts = {
            str(pid): (filing_no, name)
            for pid, filing_no, name in s.execute(
                select(m.Platform.id, m.Platform.filing_no, m.Platform.name)
            )
        }
    return [
        TieLine(
            TIE_LABELS[t.where].get(language),
            tuple(facts[p][0] for p in t.members),
            tuple(facts[p][1] for p in t.members),
            t.decided,
        )
        for t in results.ties
    ]


# ----------------------------------------------------------------------------- vetoes


def rule_on_veto(
    ws: Workspace,
    filing_no: str,
    veto_code: str,
    *,
    confirm: bool,
    reason: str,
    author: str | None = None,
) -> None:
    """The panel confirms or dismisses a veto for a platform, with its own reason (audited)."""
    text = _reason(reason, "认定或驳回一票否决", "Confirming or dismissing a veto")
    rubric = ws.cycle_info().rubric
    if veto_code not in {v.code for v in rubric.vetoes}:
        known = "、".join(v.code for v in rubric.vetoes)
        raise UserError(
            f"评分细则中没有否决项 {veto_code}（可选：{known}）",
            f"The rubric has no veto {veto_code} (known: {known})",
        )
    (platform,) = platforms_by_filing_no(ws, [filing_no])
    pid = platform.id
    with ws.session() as s:
        previous = s.scalars(
            select(m.VetoRuling)
            .where(m.VetoRuling.platform_id == pid, m.VetoRuling.veto_code == veto_code)
            .order_by(m.VetoRuling.at.desc(), m.VetoRuling.id.desc())
        ).first()
        ruling = "confirm" if confirm else "dismiss"
        s.add(
            m.VetoRuling(
                platform_id=pid,
                veto_code=veto_code,
                ruling=ruling,
                reason=text,
                author=author or current_actor(),
            )
        )
        record(
            s,
            "rule_on_veto",
            "platform",
            pid,
            old=None
            if previous is None
            else {"ruling": previous.ruling, "reason": previous.reason},
            new={"veto": veto_code, "ruling": ruling, "reason": text},
        )


# ----------------------------------------------------------------------- confirmation


def _snapshot_line(r: PlatformResult) -> dict[str, Any]:
    d = r.decision
    return {
        "score": None if r.score is None else str(r.score),
        "grade": r.grade.value if r.grade else None,
        "rank": r.rank,
        "decision": d.kind.value,
        "deadline": d.deadline.isoformat() if d.deadline else None,
        "barred": r.barred,
        "funding_rank": d.funding_rank,
        "funding_amount": None if d.funding_amount is None else str(d.funding_amount),
        "final": r.is_final,
    }


def _snapshot(ws: Workspace, results: CycleResults) -> dict[str, dict[str, Any]]:
    with ws.reading() as s:
        filing = {str(pid): f for pid, f in s.execute(select(m.Platform.id, m.Platform.filing_no))}
    return {filing[r.platform_id]: _snapshot_line(r) for r in results.platforms}


@dataclass(frozen=True, slots=True)
class ResultChange:
    """One thing that differs between the confirmed results and the current computation."""

    filing_no: str
    field: str
    confirmed: Any
    now: Any


@dataclass(frozen=True, slots=True)
class ConfirmationStatus:
    """Whether the results are confirmed, when and by whom, and what changed since."""

    confirmed_on: dt.date | None
    author: str | None
    changes: tuple[ResultChange, ...]

    @property
    def confirmed(self) -> bool:
        """Confirmed and unchanged since."""
        return self.confirmed_on is not None and not self.changes


def confirmation_status(
    ws: Workspace, *, results: CycleResults | None = None
) -> ConfirmationStatus:
    """The confirmation in force and every difference the current results show against it."""
    with ws.reading() as s:
        confirmation = confirmation_in_force(s)
    if confirmation is None:
        return ConfirmationStatus(None, None, ())
    results = results or compute_workspace_results(ws)
    now = _snapshot(ws, results)
    # What was confirmed, under each number as the workspace writes it now: a dossier
    # replaced since may write its number otherwise (identity key), and is the same platform.
    spelled_now = {identity_key(f): f for f in now}
    confirmed = {
        spelled_now.get(identity_key(f), f): line for f, line in confirmation.snapshot.items()
    }
    changes = [
        ResultChange(filing_no, key, line.get(key), now.get(filing_no, {}).get(key))
        for filing_no, line in sorted(confirmed.items())
        for key in line
        if line.get(key) != now.get(filing_no, {}).get(key)
    ]
    changes += [
        ResultChange(filing_no, "platform", None, "new")
        for filing_no in sorted(set(now) - set(confirmed))
    ]
    return ConfirmationStatus(confirmation.confirmed_on, confirmation.author, tuple(changes))


def confirm_results(
    ws: Workspace, *, on: dt.date | None = None, author: str | None = None
) -> ConfirmationStatus:
    """Fix the cycle's results as of ``on`` (today by default), audited.

    Refused while a tie that matters is undecided (并列), naming the platforms: the panel
    orders them first. Platforms with too few valid scores stay 待定 in what is confirmed and
    are confirmed with the rest once their scores are merged. Confirming again after a change
    records what changed; deadlines fixed by an earlier confirmation never move.
    """
    day = on or dt.date.today()
    with ws.reading() as s:
        seen = latest_confirmation(s)
        seen_id = None if seen is None else (seen.id, seen.reopened_at)
    results = compute_workspace_results(ws, decision_date=day)
    undecided = [t for t in results.ties if not t.decided]
    if undecided:
        with ws.reading() as s:
            filing = {str(p): f for p, f in s.execute(select(m.Platform.id, m.Platform.filing_no))}
        listed = [
            f"{TIE_LABELS[t.where].zh}：{'、'.join(filing[p] for p in t.members)}"
            for t in undecided
        ]
        raise UserError(
            f"有 {len(undecided)} 处并列尚待专家组确定先后（jlpanel tiebreak），不能确定结果：",
            f"{len(undecided)} tie(s) await the panel's order (jlpanel tiebreak); the results "
            "cannot be confirmed:",
            details=listed,
        )
    before = confirmation_status(ws, results=results)
    if before.confirmed:
        return before
    backup_before(ws, "pre-confirm")
    results = compute_and_store_results(ws, decision_date=day)
    snapshot = _snapshot(ws, results)
    who = author or current_actor()
    with ws.session() as s:
        # Another process may have confirmed or reopened since this one looked: then what it
        # computed is stale, and confirming on top of it would record two decisions at once.
        latest = latest_confirmation(s)
        if (None if latest is None else (latest.id, latest.reopened_at)) != seen_id:
            raise UserError(
                "结果刚刚在另一处被确定或重新打开；请刷新后再确定",
                "The results were just confirmed or reopened elsewhere; refresh and confirm again",
            )
        confirmation = m.Confirmation(
            confirmed_on=day,
            author=who,
            snapshot_json=json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
        )
        s.add(confirmation)
        s.flush()
        _to_register(s, results, confirmation.id, day, who)
        record(
            s,
            "confirm_results",
            "cycle",
            None,
            old=None
            if before.confirmed_on is None
            else {
                "confirmed_on": before.confirmed_on,
                "changes": [[c.filing_no, c.field, c.confirmed, c.now] for c in before.changes],
            },
            new={"confirmed_on": day, "platforms": len(snapshot)},
        )
    log.info("results confirmed on %s by %s", day, who)
    return ConfirmationStatus(day, who, ())


def _to_register(
    s: Session, results: CycleResults, confirmation_id: int, day: dt.date, who: str
) -> None:
    """Each platform's confirmed grade and decision into the register, in the confirmation's
    transaction."""
    cycle = s.scalars(select(m.Cycle)).one()
    facts = {
        str(pid): (filing_no, name, host_unit)
        for pid, filing_no, name, host_unit in s.execute(
            select(m.Platform.id, m.Platform.filing_no, m.Platform.name, m.Platform.host_unit)
        )
    }
    write_confirmation(
        s,
        cycle_name=cycle.name,
        cycle_end=cycle.period_end,
        ref=confirmation_ref(cycle.id, confirmation_id),
        day=day,
        lines=[
            ConfirmedLine(
                filing_no=facts[r.platform_id][0],
                name=facts[r.platform_id][1],
                host_unit=facts[r.platform_id][2],
                grade=r.grade,
                decision=r.decision.kind,
                reason=r.decision.reason.zh,
                deadline=r.decision.deadline,
                barred=r.barred or r.decision.barred,
                is_final=r.is_final,
            )
            for r in results.platforms
        ],
        actor=who,
    )


def reopen_results(ws: Workspace, reason: str, *, author: str | None = None) -> None:
    """Reopen confirmed results so the rules can change; the reason is audited.

    Deadlines already fixed stay as they were.
    """
    text = _reason(reason, "重新打开已确定的结果", "Reopening confirmed results")
    who = author or current_actor()
    with ws.session() as s:
        row = latest_confirmation(s)
        if row is None or row.reopened_at is not None:
            raise UserError("结果尚未确定，无需重新打开", "The results are not confirmed")
        row.reopened_at = m.utc_now()
        row.reopened_by = who
        row.reopen_reason = text
        cycle = s.scalars(select(m.Cycle)).one()
        revert_confirmation(s, cycle_name=cycle.name, reason=text, actor=who)
        record(
            s,
            "reopen_results",
            "cycle",
            None,
            old={"confirmed_on": row.confirmed_on},
            new={"reason": text},
        )
