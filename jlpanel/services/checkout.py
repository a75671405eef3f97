"""Check a cycle out of the department's store into a file for a meeting without a network,
and check it back in (DESIGN §3, issue 15).

``checkout`` writes a one-cycle file holding everything the meeting needs (the cycle's rows
and the store's history) and marks the cycle in the store as checked out: read-only there
until it comes back. ``checkin`` brings back what the meeting changed — merges, adjustments,
tie and veto decisions, the confirmation, the audit log — by replacing the store's rows of
the cycle with the file's in one transaction. It is refused, naming the tables that differ,
when the store's copy changed meanwhile; a file whose cycle the store does not hold adds that
cycle (how a department moves its existing .jlpanel files onto a store). Nothing is ever
half-written: the file is built under a temporary name, and the store changes in one
transaction.
"""

from __future__ import annotations

import logging
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from jlpanel.services.errors import UserError, store_fault
from jlpanel.services.preferences import Preferences
from jlpanel.services.register import merge_register
from jlpanel.services.workspace import Workspace, current_actor, open_store, open_workspace
from jlpanel.storage import cycle_copy as cc
from jlpanel.storage import models as m
from jlpanel.storage import workspace as store
from jlpanel.storage.audit import record_change
from jlpanel.storage.columns import utc_now
from jlpanel.storage.engines import reset_sequences
from jlpanel.storage.sqlite_file import remove_if_empty, sidecar

log = logging.getLogger(__name__)

#: Table names as a secretary reads them, for "what changed".
_TABLE_WORDS = {
    "cycles": ("考核周期设置", "the cycle's settings"),
    "platforms": ("平台", "platforms"),
    "experts": ("专家", "experts"),
    "score_sheets": ("评分", "scores"),
    "indicator_scores": ("评分", "scores"),
    "bonus_scores": ("评分", "scores"),
    "veto_claims": ("一票否决主张", "veto claims"),
    "adjustments": ("调整得分", "adjusted scores"),
    "panel_opinions": ("专家组意见", "panel opinions"),
    "results": ("计算结果", "stored results"),
    "decisions": ("处理意见", "decisions"),
    "tie_orders": ("并列排序", "tie orders"),
    "veto_rulings": ("否决认定", "veto rulings"),
    "confirmations": ("结果确定", "confirmations"),
    "audit_entries": ("审计日志", "the audit log"),
    "assignments": ("专家分配", "assignments"),
    "conflicts": ("回避关系", "conflicts of interest"),
    "review_packages": ("评审包", "review packages"),
}


@dataclass(frozen=True, slots=True)
class CheckoutSummary:
    cycle: str
    file: Path
    rows: int


@dataclass(frozen=True, slots=True)
class CheckinSummary:
    cycle: str
    added: bool  # the store did not hold the cycle: it was added
    rows: int
    history: int


def _where(path: Path) -> str:
    return f"{path.resolve()}（{socket.gethostname()}）"


def _changed_words(before: dict[str, str], now: dict[str, str]) -> tuple[str, str]:
    """The kinds of content whose rows differ, in the tables' order, each named once."""
    names = [t.name for t in cc.cycle_tables() if before.get(t.name) != now.get(t.name)]
    zh: list[str] = []
    en: list[str] = []
    for name in names:
        words = _TABLE_WORDS.get(name, (name, name))
        if words[0] not in zh:
            zh.append(words[0])
            en.append(words[1])
    return "、".join(zh), ", ".join(en)


def checkout(
    store_path: str | Path,
    cycle: str | None,
    out: Path,
    *,
    preferences: Preferences | None = None,
) -> CheckoutSummary:
    """Write the cycle ``cycle`` of the store at ``store_path`` into the new file ``out`` and
    mark it checked out (read-only in the store until :func:`checkin`)."""
    out = Path(out)
    if out.exists() or out.is_symlink():
        raise UserError(
            f"文件已存在，未作改动：{out}", f"The file already exists and was left as it is: {out}"
        )
    if not out.parent.is_dir():
        raise UserError(f"文件夹不存在：{out.parent}", f"The folder does not exist: {out.parent}")
    ws = open_workspace(store_path, preferences=preferences, cycle=cycle)
    building = out.with_name(f".{out.name}.{uuid.uuid4().hex}.checkout")
    try:
        assert ws.cycle_id is not None
        token = str(uuid.uuid4())
        now = utc_now()
        actor = current_actor()
        with ws.session() as s:  # refused while the cycle is checked out (CheckedOutError)
            row = s.get(m.Cycle, ws.cycle_id)
            assert row is not None
            name = row.name
            # The entry goes with the cycle into the file (and back), so it is recorded first
            # and the digest below includes it.
            record_change(
                s,
                actor=actor,
                action="checkout",
                entity="cycle",
                entity_id=ws.cycle_id,
                new={"file": _where(out), "token": token},
            )
            s.flush()
            source = s.connection()
            record = cc.checkout_record(
                cc.cycle_digest(source, ws.cycle_id), cc.max_ids(source, ws.cycle_id)
            )
            try:
                engine = store.create_workspace(building)
            except Exception as exc:  # the meeting's folder is full or not writable
                raise _meeting_file_fault(exc, out) from exc
            try:
                with engine.begin() as target:
                    counts = cc.copy_cycle(
                        source,
                        target,
                        ws.cycle_id,
                        cycle_values={
                            "checkout_token": token,
                            "checked_out_at": now,
                            "checked_out_by": actor,
                            "checked_out_to": None,
                            "checked_out_from": ws.name,
                            "checkout_digest": record,
                        },
                    )
                    cc.copy_store_rows(source, target)
                    with Session(bind=target) as copy:
                        merge_register(s, copy, f"检出 {name}")
                        copy.flush()
            except Exception as exc:
                raise _meeting_file_fault(exc, out) from exc
            finally:
                engine.dispose()
            for suffix in ("-wal", "-shm"):
                remove_if_empty(sidecar(building, suffix))
            building.replace(out)
            cc.set_cycle(
                source,
                ws.cycle_id,
                checkout_token=token,
                checked_out_at=now,
                checked_out_by=actor,
                checked_out_to=_where(out),
                checked_out_from=None,
                checkout_digest=record,
            )
    except BaseException:
        building.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            sidecar(building, suffix).unlink(missing_ok=True)
        if out.exists() and not _is_recorded(ws, out):
            out.unlink(missing_ok=True)
        raise
    finally:
        ws.close()
    log.info("checked out %s of %s to %s", name, ws.name, out)
    return CheckoutSummary(name, out, sum(counts.values()))


def _meeting_file_fault(exc: Exception, out: Path) -> Exception:
    """A fault while writing the meeting's file (a full disk, a folder not writable) named
    after that file, not the store being read; anything else as it was. The fault may be
    the error itself, what SQLAlchemy wraps, or what storage's own error was raised from."""
    seen: BaseException | None = exc
    while seen is not None:
        fault = store_fault(getattr(seen, "orig", None) or seen, out)
        if fault is not None:
            return fault
        seen = seen.__cause__
    return exc


def _is_recorded(ws: Workspace, out: Path) -> bool:
    """Whether the store records the check-out to ``out`` (its transaction committed)."""
    try:
        with ws.reading() as s:
            return bool(
                s.scalar(select(m.Cycle.checked_out_to).where(m.Cycle.id == ws.cycle_id))
                == _where(out)
            )
    except Exception:  # pragma: no cover - the store is unreachable: keep nothing half-done
        return False


def checkin(
    file: Path, store_path: str | Path, *, preferences: Preferences | None = None
) -> CheckinSummary:
    """Bring the cycle in ``file`` back into the store at ``store_path`` (see the module)."""
    meeting = open_workspace(file, preferences=preferences, backup=False, read_only=True)
    try:
        assert meeting.cycle_id is not None
        cycle_id = meeting.cycle_id
        with meeting.reading() as s:
            mine = s.get(m.Cycle, cycle_id)
            assert mine is not None
            name, token = mine.name, mine.checkout_token
            checked_out_from = mine.checked_out_from
            _digest, kept = cc.read_checkout_record(mine.checkout_digest)
        target = open_store(store_path, preferences=preferences, backup=True)
        try:
            with target.session() as s:
                connection = s.connection()
                theirs = s.get(m.Cycle, cycle_id)
                added = theirs is None
                if theirs is not None:
                    _check_returning(theirs, token, checked_out_from, file, connection, name)
                else:
                    same_name = s.scalar(select(m.Cycle.id).where(m.Cycle.name == name))
                    if same_name is not None:
                        raise UserError(
                            f"{target.name} 中已有名为“{name}”的另一个考核周期，未作改动",
                            f"{target.name} already holds another cycle named “{name}”; "
                            "nothing was changed",
                        )
                cc.delete_cycle(connection, cycle_id)
                highest = cc.max_ids(connection)
                renumber = {
                    table: cc.Renumbering(kept=kept.get(table, 0) if not added else 0, above=top)
                    for table, top in highest.items()
                }
                with meeting.engine.connect() as source:
                    counts = cc.copy_cycle(
                        source,
                        connection,
                        cycle_id,
                        renumber=renumber,
                        cycle_values=dict.fromkeys(cc.CHECKOUT_COLUMNS),
                    )
                    # the rows came with their ids: the engine numbers on past them before
                    # anything else is added (the register's audit entries, below)
                    reset_sequences(connection)
                    history = cc.copy_store_rows(source, connection)
                    with Session(bind=source) as meeting_register:
                        merge_register(meeting_register, s, f"检入 {name}")
                    s.flush()
                entry = record_change(
                    s,
                    actor=current_actor(),
                    action="checkin" if not added else "checkin_new_cycle",
                    entity="cycle",
                    entity_id=cycle_id,
                    new={"file": str(file), "rows": sum(counts.values()), "history": history},
                )
                entry.cycle_id = cycle_id
            target.refresh_statistics()
        finally:
            target.close()
    finally:
        meeting.close()
    log.info("checked %s in from %s to %s", name, file, target.name)
    return CheckinSummary(name, added, sum(counts.values()), history)


def _check_returning(
    theirs: m.Cycle,
    token: str | None,
    checked_out_from: str | None,
    file: Path,
    connection: object,
    name: str,
) -> None:
    """Refuse a check-in the store's copy does not wait for, or that it changed since."""
    if not theirs.checked_out_to or token is None or theirs.checkout_token != token:
        where = f"（检出到 {theirs.checked_out_to}）" if theirs.checked_out_to else "（未检出）"
        where_en = (
            f" (checked out to {theirs.checked_out_to})"
            if theirs.checked_out_to
            else " (not checked out)"
        )
        raise UserError(
            f"{file} 不是存储中考核周期“{name}”的检出文件{where}，未作改动",
            f"{file} is not the file the store's cycle “{name}” was checked out to{where_en}; "
            "nothing was changed",
        )
    before, _kept = cc.read_checkout_record(theirs.checkout_digest)
    now = cc.cycle_digest(connection, theirs.id)  # type: ignore[arg-type]
    if now != before:
        zh, en = _changed_words(before, now)
        raise UserError(
            f"检出之后，存储中考核周期“{name}”的以下内容被改动：{zh}。未作改动；"
            "请与改动者核对后再检入",
            f"Since the check-out, the store's cycle “{name}” changed: {en}. Nothing was "
            "changed; check with whoever changed it before checking in",
        )
    del checked_out_from  # the token pairs them; the path may differ (a copied file)
