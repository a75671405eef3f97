"""The expert's use cases on an open review package: declare, score, undo, check, submit.

Every edit is one transaction committed before the call returns (WAL, ``synchronous=FULL``),
so killing the program loses nothing already saved (DESIGN §7). Edits are checked as they are
made: a score out of bounds or off the step grid, a veto without a reason, or any edit to a
submitted (locked) sheet is refused with a bilingual :class:`UserError` and nothing is stored.

Every edit goes into the package's journal (table, key, old → new), through which
:func:`undo` and :func:`redo` walk. Submitting checks completeness, takes the next revision
number, stores the signed score file's bytes in the package, locks it, and then writes the
file where the expert chose; :func:`save_copy` writes the same bytes again (a lost USB stick),
and :func:`reopen` unlocks the sheet so that the next submission carries the next revision.

A package is verified before the desk uses it (:mod:`jlpanel.storage.package_verify`): one
with a trigger, a view, anything extra or missing, or a damaged description is refused as a
:class:`DamagedPackageError` naming what is wrong, and is left as it was; the rubric, the rules
and the undo journal are parsed within limits, and every statement runs under a time bound.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Engine, Table, and_, delete, func, insert, select, true, update
from sqlalchemy.engine import Connection

from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.exact import to_decimal
from jlpanel.domain.rubric import Rubric, RubricError, rubric_from_dict
from jlpanel.domain.scoresheet import (
    Provenance,
    ScoreSheet,
    area_points,
    exact_bonus,
    exact_points,
    expert_total,
    validate_sheet,
)
from jlpanel.domain.text import Text
from jlpanel.exchange import score_file as sf
from jlpanel.exchange.dossier_schema import BASIC_INFO
from jlpanel.services.dossiers import (
    AttachmentInfo,
    DossierOverview,
    SheetData,
    read_sheet_page,
)
from jlpanel.services.errors import UserError
from jlpanel.storage import package_file as pf
from jlpanel.storage import package_models as pm
from jlpanel.storage import package_verify as pv
from jlpanel.storage.columns import UtcDateTime, utc_now

log = logging.getLogger(__name__)

SCORE_FILE_SUFFIX: Final = sf.SCORE_FILE_SUFFIX


class Progress(StrEnum):
    """How far the expert is with a platform."""

    NOT_STARTED = "not_started"
    PARTIAL = "partial"
    DONE = "done"
    CONFLICT = "conflict"  # declared 回避: off the sheet


@dataclass(frozen=True, slots=True)
class PackageInfo:
    """What the package says about itself, as of the moment it was read."""

    path: Path
    package_id: str
    cycle_id: str
    cycle_name: str
    period_start: dt.date | None
    period_end: dt.date | None
    language: str
    expert_id: int
    expert_name: str
    issued_at: dt.datetime
    app_version: str
    #: The revision of the last submitted score file (0: never submitted).
    revision: int
    locked: bool
    #: The cycle's rule settings, for display only.
    rules: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class PlatformEntry:
    """An assigned platform as the desk lists it."""

    id: int
    position: int
    filing_no: str
    name: str
    name_en: str | None
    host_unit: str | None
    resource_type: str | None


@dataclass(frozen=True, slots=True)
class DeclarationInfo:
    """The expert's declaration on a platform."""

    conflict: bool
    reason: str
    declared_at: dt.datetime


@dataclass(frozen=True, slots=True)
class PlatformWork:
    """The expert's own work on one platform: declaration, sheet and running totals."""

    platform: PlatformEntry
    declaration: DeclarationInfo | None
    #: Points for every indicator of the rubric (None: not scored yet).
    sheet: ScoreSheet
    state: Progress
    scored: int
    areas: Mapping[str, Decimal]
    total: Decimal


@dataclass(frozen=True, slots=True)
class Edit:
    """Which value an undo or redo changed, so the desk can show it."""

    table: str
    platform_id: int
    code: str | None


@dataclass(frozen=True, slots=True)
class SubmitProblem:
    """Why a sheet cannot be submitted yet, naming the platform and the indicator."""

    platform_id: int
    filing_no: str
    platform_name: str
    kind: str
    code: str
    message: Text

    def text(self, language: str = "zh") -> str:
        """``<filing no> <name>: <message>`` in ``language``."""
        return f"{self.filing_no} {self.platform_name}：{self.message.get(language)}"


@dataclass(frozen=True, slots=True)
class RevisionState:
    """The sheet against the last score file written from it (what the secretary has)."""

    #: The last submitted revision (0: never submitted).
    submitted: int
    locked: bool
    #: Platforms whose declaration or sheet differ from the last submitted file.
    changed: frozenset[int] = frozenset()

    @property
    def current(self) -> int:
        """The revision being edited (the submitted one while locked)."""
        return self.submitted if self.locked else self.submitted + 1

    @property
    def unsubmitted(self) -> bool:
        """Reopened and changed: the next revision exists only in the package."""
        return not self.locked and self.submitted > 0 and bool(self.changed)


@dataclass(frozen=True, slots=True)
class SubmittedScoreFile:
    """A score file written from the package."""

    path: Path
    package_id: str
    revision: int
    submitted_at: dt.datetime
    sha256: str
    size: int


class IncompleteSheetError(UserError):
    """Submitting was refused: ``problems`` lists everything still to do."""

    def __init__(self, problems: Sequence[SubmitProblem]) -> None:
        self.problems: tuple[SubmitProblem, ...] = tuple(problems)
        super().__init__(
            f"评分尚未完成，有 {len(problems)} 处需要处理：",
            f"The sheet is not complete; {len(problems)} thing(s) still to do:",
            details=[p.text("zh") for p in problems],
        )

    def message(self, language: str = "zh") -> str:
        head = self.en if language.startswith("en") else self.zh
        return "\n".join([head, *(f"  - {p.text(language)}" for p in self.problems)])


class DamagedPackageError(UserError):
    """A package refused as damaged or altered; ``problems`` names everything found wrong."""

    def __init__(self, path: Path, problems: Sequence[Text]) -> None:
        self.path = path
        self.problems: tuple[Text, ...] = tuple(problems)
        super().__init__(
            f"评审包已损坏或被改动，为安全起见不予使用，文件未作任何改动：{path}",
            f"The review package is damaged or was altered; for safety it is not used, and the "
            f"file was not changed: {path}",
            details=[p.zh for p in self.problems],
        )

    def message(self, language: str = "zh") -> str:
        en = language.startswith("en")
        fix = (
            "Ask the panel secretary for a fresh copy of your package."
            if en
            else "请向评审秘书重新领取评审包。"
        )
        return "\n".join(
            [self.en if en else self.zh, *(f"  - {p.get(language)}" for p in self.problems), fix]
        )


# ------------------------------------------------------------------------------- session


class ReviewSession:
    """An open review package. Close it when done (it checkpoints the write-ahead log)."""

    def __init__(
        self, path: Path, engine: Engine, rubric: Rubric, rules: Mapping[str, Any] | None = None
    ) -> None:
        self.path = path
        self.engine = engine
        self.rubric = rubric
        #: The cycle's rule settings as the package states them (for display only).
        self.rules: Mapping[str, Any] = dict(rules or {})
        with self.connect() as conn:
            rows = conn.execute(select(_PLATFORMS).order_by(_PLATFORMS.c.position)).mappings()
            self.platforms: tuple[PlatformEntry, ...] = tuple(
                PlatformEntry(
                    id=r["id"],
                    position=r["position"],
                    filing_no=r["filing_no"],
                    name=r["name"],
                    name_en=r["name_en"],
                    host_unit=r["host_unit"],
                    resource_type=r["resource_type"],
                )
                for r in rows
            )
        self._by_id = {p.id: p for p in self.platforms}

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading; a fault of the file (too slow, damaged) is a UserError."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except pf.PackageFileError as exc:
            raise _package_error(exc) from exc

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A connection whose work is committed (and synced) on success, rolled back on error."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except pf.PackageFileError as exc:
            raise _package_error(exc) from exc

    def platform(self, platform_id: int) -> PlatformEntry:
        """The assigned platform with ``platform_id``; a UserError when it is not in the package."""
        try:
            return self._by_id[platform_id]
        except KeyError:
            raise UserError(
                f"评审包中没有该平台（编号 {platform_id}）",
                f"The package holds no platform with id {platform_id}",
            ) from None

    def close(self) -> None:
        """Release the file (the last connection folds the write-ahead log into it)."""
        self.engine.dispose()

    def __enter__(self) -> ReviewSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _table(model: type[pm.PackageBase]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_META = _table(pm.PackageMeta)
_PLATFORMS = _table(pm.PackagePlatform)
_DECLARATIONS = _table(pm.Declaration)
_SCORES = _table(pm.Score)
_VETOES = _table(pm.VetoMark)
_BONUS = _table(pm.BonusMark)
_OVERALL = _table(pm.OverallComment)
_JOURNAL = _table(pm.JournalEntry)
_SUBMISSIONS = _table(pm.Submission)
#: The work tables undo may touch, by name, with their key columns.
_WORK: Final[dict[str, tuple[Table, tuple[str, ...]]]] = {
    t.name: (t, tuple(c.name for c in t.primary_key.columns))
    for t in (_DECLARATIONS, _SCORES, _VETOES, _BONUS, _OVERALL)
}


def _package_error(exc: pf.PackageFileError) -> UserError:
    path = exc.path
    if exc.kind == "damaged":
        return DamagedPackageError(path, exc.problems)
    messages = {
        "missing": (f"找不到评审包文件：{path}", f"Review package not found: {path}"),
        "not_a_package": (
            f"该文件不是 jlpanel 评审包：{path}",
            f"This file is not a jlpanel review package: {path}",
        ),
        "newer_format": (
            f"该评审包由更新版本的 jlpanel 生成，请升级本程序后再打开；文件未作任何改动：{path}",
            f"This package was written by a newer version of jlpanel; update the program to "
            f"open it. The file was not changed: {path}",
        ),
        "truncated": (
            f"评审包文件不完整（可能复制中断），请重新从秘书处获取：{path}",
            f"The package file is incomplete (an interrupted copy?); get it again: {path}",
        ),
        "corrupt": (
            f"评审包文件已损坏，无法打开：{path}",
            f"The package file is damaged and cannot be opened: {path}",
        ),
        "too_slow": (
            f"读取评审包用时过长，已停止（文件异常庞大或已损坏）；已保存的评分不受影响，"
            f"请关闭后重新打开；如仍如此，请向评审秘书重新领取评审包：{path}",
            f"Reading the review package took too long and was stopped (the file is unusually "
            f"large or damaged); saved scores are safe. Close and open it again; if this "
            f"persists, ask the panel secretary for a fresh copy: {path}",
        ),
        "locked": (
            f"评审包正被其他程序占用，请关闭后重试：{path}",
            f"The package is in use by another program; close it and try again: {path}",
        ),
        "read_only": (
            f"评审包所在位置不可写（如只读U盘），请先复制到本机再打开：{path}",
            f"The package is on a write-protected disk or folder; copy it to this computer "
            f"first: {path}",
        ),
    }
    zh, en = messages.get(
        exc.kind,
        (f"无法打开评审包 {path}：{exc}", f"Cannot open the review package {path}: {exc}"),
    )
    return UserError(zh, en)


def open_package(
    path: Path, *, statement_budget: pv.QueryBudget = pv.STATEMENT_BUDGET
) -> ReviewSession:
    """Open the review package at ``path`` for scoring; a UserError says why it cannot be.

    The file is verified before anything is written to it (see
    :mod:`jlpanel.storage.package_verify`): a package with a trigger, a view, anything
    extra or missing, or a damaged description is refused as :class:`DamagedPackageError`,
    naming what is wrong, and left as it was. Every statement of the session then runs
    within ``statement_budget``.
    """
    path = Path(path)
    try:
        engine = pf.open_package_engine(path, statement_budget=statement_budget)
    except pf.PackageFileError as exc:
        raise _package_error(exc) from exc
    return _session(path, engine)


@dataclass(frozen=True, slots=True)
class PackageCheck:
    """A package found sound by :func:`check_package`: what it says about itself."""

    info: PackageInfo
    platforms: int


def check_package(path: Path) -> PackageCheck:
    """Verify the package at ``path`` as :func:`open_package` would, writing nothing to it.

    Raises the same UserErrors (e.g. :class:`DamagedPackageError`, naming what is wrong).
    """
    path = Path(path)
    try:
        engine = pf.open_read_only_engine(path)
    except pf.PackageFileError as exc:
        raise _package_error(exc) from exc
    with _session(path, engine) as session:
        return PackageCheck(package_info(session), len(session.platforms))


def _session(path: Path, engine: Engine) -> ReviewSession:
    """The session on a verified package's ``engine``: its rubric and rules read with limits."""
    try:
        with engine.connect() as conn:
            rubric_json, rules_json = conn.execute(
                select(_META.c.rubric_json, _META.c.rules_json)
            ).one()
        rubric = _package_rubric(path, rubric_json)
        rules = _package_rules(path, rules_json)
        return ReviewSession(path, engine, rubric, rules)
    except pf.PackageFileError as exc:
        engine.dispose()
        raise _package_error(exc) from exc
    except BaseException:
        engine.dispose()
        raise


def _package_rubric(path: Path, text: str) -> Rubric:
    label = Text("评审包中的评分细则", "the package's rubric")
    try:
        document = pv.parse_limited_json(text, pv.RUBRIC_LIMITS)
    except pv.LimitedJsonError as exc:
        raise DamagedPackageError(path, [_about(label, exc.reason)]) from exc
    if not isinstance(document, dict):
        raise DamagedPackageError(path, [_about(label, Text("不是 JSON 对象", "not an object"))])
    try:
        return rubric_from_dict(document)
    except RubricError as exc:
        reason = pv.shown(exc, 300)
        raise DamagedPackageError(
            path, [_about(label, Text(f"内容有误：{reason}", f"invalid: {reason}"))]
        ) from exc
    except (ValueError, TypeError, AttributeError, KeyError, ArithmeticError) as exc:
        # The rubric reader should name every defect; log what it missed for the developers.
        log.warning("unexpected rubric defect in %s", path, exc_info=True)
        raise DamagedPackageError(
            path, [_about(label, Text(f"无法读取（{exc!r}）", f"unreadable ({exc!r})"))]
        ) from exc


def _package_rules(path: Path, text: str) -> dict[str, Any]:
    try:
        document = pv.parse_limited_json(text, pv.RULES_LIMITS)
    except pv.LimitedJsonError as exc:
        raise DamagedPackageError(
            path, [_about(Text("评审包中的考核规则", "the package's rules"), exc.reason)]
        ) from exc
    if not isinstance(document, dict):
        raise DamagedPackageError(
            path, [Text("评审包中的考核规则不是 JSON 对象", "the package's rules: not an object")]
        )
    return document


def _about(label: Text, reason: Text) -> Text:
    return Text(f"{label.zh}：{reason.zh}", f"{label.en}: {reason.en}")


def package_info(session: ReviewSession) -> PackageInfo:
    """The package's description and current state (revision, lock)."""
    with session.connect() as conn:
        r = conn.execute(select(_META)).mappings().one()
    return PackageInfo(
        path=session.path,
        package_id=r["package_id"],
        cycle_id=r["cycle_id"],
        cycle_name=r["cycle_name"],
        period_start=r["period_start"],
        period_end=r["period_end"],
        language=r["language"],
        expert_id=r["expert_id"],
        expert_name=r["expert_name"],
        issued_at=r["issued_at"],
        app_version=r["app_version"],
        revision=r["revision"],
        locked=r["locked"],
        rules=session.rules,
    )


# --------------------------------------------------------------------------------- edits


def _locked_error() -> UserError:
    return UserError(
        "评分表已提交并锁定；如需修改，请先“重新打开”评分表（之后须再次提交）",
        "The sheet was submitted and is locked; reopen it to make changes (and submit again)",
    )


def _require_unlocked(conn: Connection) -> None:
    if conn.execute(select(_META.c.locked)).scalar_one():
        raise _locked_error()


def _require_scorable(conn: Connection, session: ReviewSession, platform_id: int) -> None:
    platform = session.platform(platform_id)
    state = conn.execute(
        select(_DECLARATIONS.c.state).where(_DECLARATIONS.c.platform_id == platform_id)
    ).scalar_one_or_none()
    if state == "conflict":
        raise UserError(
            f"已对“{platform.name}”声明回避，不能评分；如需评分，请先撤回回避声明",
            f"You declared a conflict with {platform.name}; withdraw it before scoring",
        )


def _key(table: Table, values: Mapping[str, Any]) -> Any:
    return and_(*(table.c[k] == v for k, v in values.items()))


def _current(conn: Connection, table: Table, key: Mapping[str, Any]) -> dict[str, Any] | None:
    columns = [c for c in table.c if c.name not in key]
    row = conn.execute(select(*columns).where(_key(table, key))).mappings().one_or_none()
    return dict(row) if row is not None else None


def _put(
    conn: Connection, table: Table, key: Mapping[str, Any], values: Mapping[str, Any] | None
) -> None:
    if values is None:
        conn.execute(delete(table).where(_key(table, key)))
        return
    done = conn.execute(update(table).where(_key(table, key)).values(**values)).rowcount
    if not done:
        conn.execute(insert(table).values(**key, **values))


def _to_json(values: Mapping[str, Any] | None) -> str:
    if values is None:
        return "null"
    return json.dumps(
        {k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in values.items()},
        ensure_ascii=False,
        sort_keys=True,
    )


class _BadJournalEntry(Exception):
    """An undo-journal entry this code did not write (damaged or altered)."""


def _journal_value(text: object) -> Any:
    if not isinstance(text, str):
        raise _BadJournalEntry("not text")
    try:
        return pv.parse_limited_json(text, pv.JOURNAL_LIMITS)
    except pv.LimitedJsonError as exc:
        raise _BadJournalEntry(exc.reason.en) from exc


def _journal_row(table: Table, key: Mapping[str, Any], text: object) -> dict[str, Any] | None:
    """A row's values from the journal, checked against the table it claims to be of."""
    values = _journal_value(text)
    if values is None:
        return None
    names = {c.name for c in table.c} - set(key)
    if not isinstance(values, dict) or set(values) != names:
        raise _BadJournalEntry(f"not a row of {table.name}")
    for name, value in values.items():
        if not (value is None or isinstance(value, str | int | float)):
            raise _BadJournalEntry(f"{name} is not a value")
        if isinstance(value, str) and isinstance(table.c[name].type, UtcDateTime):
            try:
                moment = dt.datetime.fromisoformat(value)
            except ValueError as exc:
                raise _BadJournalEntry(f"{name} is not a time") from exc
            if moment.tzinfo is None:
                raise _BadJournalEntry(f"{name} has no time zone")
            values[name] = moment
    return values


def _journal_key(table: Table, key_columns: tuple[str, ...], text: object) -> dict[str, Any]:
    key = _journal_value(text)
    if not isinstance(key, dict) or set(key) != set(key_columns):
        raise _BadJournalEntry(f"not a key of {table.name}")
    if not all(isinstance(v, int | str) and not isinstance(v, bool) for v in key.values()):
        raise _BadJournalEntry("a key value is not an id or a code")
    if not isinstance(key["platform_id"], int):
        raise _BadJournalEntry("the platform id is not a number")
    return key


Change = Callable[[dict[str, Any] | None], dict[str, Any] | None]


def _edit(
    session: ReviewSession,
    table: Table,
    key: Mapping[str, Any],
    change: Change,
    *,
    scoring: bool = True,
    same: Callable[[Mapping[str, Any] | None, Mapping[str, Any] | None], bool] | None = None,
) -> bool:
    """Set the row ``key`` of ``table`` to ``change(old)`` (None: no row), journaled.

    One transaction: the checks, the read of the old value, the write and the journal entry.
    ``same`` compares old and new (default: equality); an edit that changes nothing is not
    written or journaled, and False is returned.
    """
    platform_id = key["platform_id"]
    with session.transaction() as conn:
        _require_unlocked(conn)
        if scoring:
            _require_scorable(conn, session, platform_id)
        else:
            session.platform(platform_id)
        old = _current(conn, table, key)
        new = change(old)
        if same(old, new) if same is not None else old == new:
            return False
        _put(conn, table, key, new)
        # A new edit ends the redo branch.
        conn.execute(delete(_JOURNAL).where(_JOURNAL.c.undone.is_(True)))
        conn.execute(
            insert(_JOURNAL).values(
                at=utc_now(),
                table_name=table.name,
                key_json=json.dumps(dict(key), ensure_ascii=False, sort_keys=True),
                old_json=_to_json(old),
                new_json=_to_json(new),
                undone=False,
            )
        )
    return True


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    return stripped or None


def declare(session: ReviewSession, platform_id: int, conflict: bool, reason: str = "") -> None:
    """Declare no conflict, or a conflict (回避) with its required reason, for a platform.

    A declared conflict takes the platform off the sheet: its scores stay in the package (so
    withdrawing the declaration brings them back) but are never submitted.
    """
    text = reason.strip()
    if conflict and not text:
        raise UserError("声明回避须写明理由", "A declared conflict needs a reason")
    new = {
        "state": "conflict" if conflict else "none",
        "reason": text if conflict else "",
        "declared_at": utc_now(),
    }

    def same(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> bool:
        return (
            old is not None
            and new is not None
            and (old["state"], old["reason"]) == (new["state"], new["reason"])
        )

    _edit(
        session,
        _DECLARATIONS,
        {"platform_id": platform_id},
        lambda _old: new,
        scoring=False,
        same=same,
    )


def _check_number(value: Decimal | float, label: Text) -> Decimal:
    try:
        if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
            raise ValueError(value)
        return to_decimal(value)
    except ValueError:
        raise UserError(
            f"{label.zh}：{value!r} 不是有效的分数", f"{label.en}: {value!r} is not a valid score"
        ) from None


def _on_grid(value: Decimal, step: Decimal) -> float:
    # Checked exactly on the step grid already; the package keeps it as a float, whose repr
    # gives the same decimal back.
    assert value % step == 0
    return float(value)


def set_score(
    session: ReviewSession,
    platform_id: int,
    indicator_code: str,
    points: Decimal | float | None,
) -> None:
    """Set (or clear, with None) an indicator's points; bounds and step are checked first."""
    rubric = session.rubric
    try:
        indicator = rubric.indicator(indicator_code)
    except KeyError:
        raise UserError(
            f"指标 {indicator_code} 不在评分细则中",
            f"Indicator {indicator_code} is not in the rubric",
        ) from None
    if points is not None:
        value = _check_number(points, Text(f"指标 {indicator_code}", f"Indicator {indicator_code}"))
        problems = validate_sheet(
            ScoreSheet("", "", {indicator_code: value}), rubric, complete=False
        )
        if problems:
            raise UserError(problems[0].message.zh, problems[0].message.en)
        stored: float | None = _on_grid(value, indicator.step)
    else:
        stored = None

    def change(old: dict[str, Any] | None) -> dict[str, Any] | None:
        comment = old["comment"] if old else None
        return (
            None if stored is None and comment is None else {"points": stored, "comment": comment}
        )

    _edit(session, _SCORES, {"platform_id": platform_id, "indicator_code": indicator_code}, change)


def set_comment(
    session: ReviewSession, platform_id: int, indicator_code: str, comment: str | None
) -> None:
    """Set (or clear) the comment on an indicator."""
    try:
        session.rubric.indicator(indicator_code)
    except KeyError:
        raise UserError(
            f"指标 {indicator_code} 不在评分细则中",
            f"Indicator {indicator_code} is not in the rubric",
        ) from None
    text = _clean(comment)

    def change(old: dict[str, Any] | None) -> dict[str, Any] | None:
        points = old["points"] if old else None
        return None if points is None and text is None else {"points": points, "comment": text}

    _edit(session, _SCORES, {"platform_id": platform_id, "indicator_code": indicator_code}, change)


def set_veto(session: ReviewSession, platform_id: int, veto_code: str, reason: str | None) -> None:
    """Raise a veto (一票否决) with its required reason, or withdraw it with ``reason=None``."""
    try:
        veto = session.rubric.veto(veto_code)
    except KeyError:
        raise UserError(
            f"否决项 {veto_code} 不在评分细则中", f"Veto {veto_code} is not in the rubric"
        ) from None
    new: dict[str, Any] | None = None
    if reason is not None:
        text = reason.strip()
        if not text:
            raise UserError(
                f"否决项“{veto.name.zh}”须写明理由", f"The veto “{veto.name.en}” needs a reason"
            )
        new = {"reason": text}
    _edit(session, _VETOES, {"platform_id": platform_id, "veto_code": veto_code}, lambda _: new)


def set_bonus(
    session: ReviewSession, platform_id: int, item_code: str, points: Decimal | float | None
) -> None:
    """Set (or clear) the points of a bonus item; bounds and step are checked first."""
    rubric = session.rubric
    try:
        item = rubric.bonus_item(item_code)
    except KeyError:
        raise UserError(
            f"加分项 {item_code} 不在评分细则中", f"Bonus item {item_code} is not in the rubric"
        ) from None
    new: dict[str, Any] | None = None
    if points is not None:
        value = _check_number(points, Text(f"加分项 {item_code}", f"Bonus item {item_code}"))
        problems = validate_sheet(
            ScoreSheet("", "", {}, bonus={item_code: value}), rubric, complete=False
        )
        if problems:
            raise UserError(problems[0].message.zh, problems[0].message.en)
        new = {"points": _on_grid(value, item.step)}
    _edit(session, _BONUS, {"platform_id": platform_id, "item_code": item_code}, lambda _: new)


def set_overall_comment(session: ReviewSession, platform_id: int, text: str | None) -> None:
    """Set (or clear) the overall comment on a platform."""
    cleaned = _clean(text)
    new = None if cleaned is None else {"text": cleaned}
    _edit(session, _OVERALL, {"platform_id": platform_id}, lambda _: new)


# ----------------------------------------------------------------------------- undo/redo


def _step(session: ReviewSession, *, undo: bool) -> Edit | None:
    with session.transaction() as conn:
        _require_unlocked(conn)
        query = select(_JOURNAL).where(_JOURNAL.c.undone.is_(not undo))
        query = query.order_by(_JOURNAL.c.id.desc() if undo else _JOURNAL.c.id).limit(1)
        entry = conn.execute(query).mappings().one_or_none()
        if entry is None:
            return None
        try:
            if entry["table_name"] not in _WORK:
                raise _BadJournalEntry(f"unknown table {pv.shown(entry['table_name'])}")
            table, key_columns = _WORK[entry["table_name"]]
            key = _journal_key(table, key_columns, entry["key_json"])
            values = _journal_row(table, key, entry["old_json"] if undo else entry["new_json"])
            session.platform(key["platform_id"])
        except (_BadJournalEntry, UserError) as exc:
            log.warning("journal entry %s of %s refused: %s", entry["id"], session.path, exc)
            raise UserError(
                f"撤销记录第 {entry['id']} 条已损坏，无法{'撤销' if undo else '重做'}；"
                f"已保存的评分不受影响，可直接修改：{session.path}",
                f"Entry {entry['id']} of the undo history is damaged, so it cannot be "
                f"{'undone' if undo else 'redone'}; the saved scores are not affected and can "
                f"be edited directly: {session.path}",
            ) from exc
        _put(conn, table, key, values)
        conn.execute(update(_JOURNAL).where(_JOURNAL.c.id == entry["id"]).values(undone=undo))
    code_column = next((k for k in key_columns if k != "platform_id"), None)
    return Edit(table.name, key["platform_id"], key[code_column] if code_column else None)


def undo(session: ReviewSession) -> Edit | None:
    """Undo the last edit not undone yet; returns what changed (None: nothing to undo)."""
    return _step(session, undo=True)


def redo(session: ReviewSession) -> Edit | None:
    """Redo the last undone edit; returns what changed (None: nothing to redo)."""
    return _step(session, undo=False)


def history(session: ReviewSession) -> tuple[bool, bool]:
    """Whether there is something to undo and something to redo."""
    with session.connect() as conn:
        counts: dict[bool, int] = dict(
            conn.execute(select(_JOURNAL.c.undone, func.count()).group_by(_JOURNAL.c.undone)).all()
        )
    return bool(counts.get(False)), bool(counts.get(True))


# ------------------------------------------------------------------------- reading work


@dataclass(slots=True)
class _Work:
    declarations: dict[int, DeclarationInfo] = field(default_factory=dict)
    points: dict[int, dict[str, float | None]] = field(default_factory=lambda: defaultdict(dict))
    comments: dict[int, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    vetoes: dict[int, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    bonus: dict[int, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    overall: dict[int, str] = field(default_factory=dict)


def _load_work(conn: Connection, platform_id: int | None = None) -> _Work:
    def where(table: Table) -> Any:
        return true() if platform_id is None else table.c.platform_id == platform_id

    work = _Work()
    for pid, state, reason, at in conn.execute(
        select(
            _DECLARATIONS.c.platform_id,
            _DECLARATIONS.c.state,
            _DECLARATIONS.c.reason,
            _DECLARATIONS.c.declared_at,
        ).where(where(_DECLARATIONS))
    ):
        work.declarations[pid] = DeclarationInfo(state == "conflict", reason, at)
    for pid, code, points, comment in conn.execute(
        select(
            _SCORES.c.platform_id, _SCORES.c.indicator_code, _SCORES.c.points, _SCORES.c.comment
        ).where(where(_SCORES))
    ):
        if points is not None:
            work.points[pid][code] = points
        if comment:
            work.comments[pid][code] = comment
    for pid, code, reason in conn.execute(select(_VETOES).where(where(_VETOES))):
        work.vetoes[pid][code] = reason
    for pid, code, points in conn.execute(select(_BONUS).where(where(_BONUS))):
        work.bonus[pid][code] = points
    for pid, text in conn.execute(select(_OVERALL).where(where(_OVERALL))):
        work.overall[pid] = text
    return work


def _sheet(rubric: Rubric, expert_id: int, pid: int, work: _Work) -> ScoreSheet:
    scored = work.points.get(pid, {})
    return ScoreSheet(
        expert_id=str(expert_id),
        platform_id=str(pid),
        points=exact_points({i.code: scored.get(i.code) for i in rubric.indicators}),
        comments=dict(work.comments.get(pid, {})),
        vetoes=dict(work.vetoes.get(pid, {})),
        bonus=exact_bonus(work.bonus.get(pid, {})),
        overall_comment=work.overall.get(pid, ""),
        provenance=Provenance.PACKAGE,
    )


def _platform_work(
    session: ReviewSession, expert_id: int, platform: PlatformEntry, work: _Work
) -> PlatformWork:
    rubric = session.rubric
    sheet = _sheet(rubric, expert_id, platform.id, work)
    declaration = work.declarations.get(platform.id)
    scored = sum(1 for v in sheet.points.values() if v is not None)
    areas = area_points(sheet, rubric)
    if declaration is not None and declaration.conflict:
        state = Progress.CONFLICT
    elif not (scored or sheet.comments or sheet.vetoes or sheet.bonus or sheet.overall_comment):
        state = Progress.NOT_STARTED
    elif validate_sheet(sheet, rubric):
        state = Progress.PARTIAL
    else:
        state = Progress.DONE
    return PlatformWork(
        platform=platform,
        declaration=declaration,
        sheet=sheet,
        state=state,
        scored=scored,
        areas=areas,
        total=expert_total(sheet, rubric, areas),
    )


def _expert_id(conn: Connection) -> int:
    return int(conn.execute(select(_META.c.expert_id)).scalar_one())


def platform_work(session: ReviewSession, platform_id: int) -> PlatformWork:
    """The expert's declaration, scores, comments, vetoes, bonus and totals for a platform."""
    platform = session.platform(platform_id)
    with session.connect() as conn:
        work = _load_work(conn, platform_id)
        expert_id = _expert_id(conn)
    return _platform_work(session, expert_id, platform, work)


def progress(session: ReviewSession) -> list[PlatformWork]:
    """Every platform of the package in desk order, with its state and running totals."""
    with session.connect() as conn:
        work = _load_work(conn)
        expert_id = _expert_id(conn)
    return [_platform_work(session, expert_id, p, work) for p in session.platforms]


def check_complete(session: ReviewSession) -> list[SubmitProblem]:
    """Everything that stops a submission; an empty list means the sheet can be submitted.

    Every platform needs a declaration; every platform not declared a conflict needs every
    indicator scored, within bounds and on the step, with the comments the rubric demands
    (e.g. any score in the 差 band) and a reason for every veto.
    """
    with session.connect() as conn:
        work = _load_work(conn)
    return _problems(session, work)


def _problems(session: ReviewSession, work: _Work) -> list[SubmitProblem]:
    problems: list[SubmitProblem] = []
    for p in session.platforms:
        declaration = work.declarations.get(p.id)
        if declaration is None:
            problems.append(
                SubmitProblem(
                    p.id,
                    p.filing_no,
                    p.name,
                    "undeclared",
                    "",
                    Text(
                        "尚未作出回避声明（无利益冲突或申请回避）",
                        "no declaration yet (no conflict of interest, or a conflict)",
                    ),
                )
            )
        if declaration is not None and declaration.conflict:
            continue
        sheet = _sheet(session.rubric, 0, p.id, work)
        problems.extend(
            SubmitProblem(p.id, p.filing_no, p.name, pr.kind.value, pr.code, pr.message)
            for pr in validate_sheet(sheet, session.rubric)
        )
    return problems


# ------------------------------------------------------------------------------- submit


def default_score_file_name(session: ReviewSession) -> str:
    """A file name for the next (or, when locked, the last) submission: ``…-r<rev>.jlscore``."""
    from jlpanel.services.packages import package_stem

    info = package_info(session)
    revision = info.revision if info.locked else info.revision + 1
    return f"{package_stem(info.cycle_name, info.expert_name)}-r{revision}{SCORE_FILE_SUFFIX}"


def submit(session: ReviewSession, out_path: Path) -> SubmittedScoreFile:
    """Check, sign and write the score file with the next revision; then lock the sheet.

    Refused with :class:`IncompleteSheetError` (listing every problem) when the sheet is not
    complete, and when it is locked already. The file's bytes are stored in the package and
    the sheet locked *before* the file is written, so a revision number always means one
    content; if writing fails, :func:`save_copy` writes the same file elsewhere.
    """
    out_path = Path(out_path)
    submitted_at = utc_now()
    with session.transaction() as conn:
        meta = dict(conn.execute(select(_META)).mappings().one())
        if meta["locked"]:
            raise UserError(
                f"评分表已提交（第 {meta['revision']} 版）并锁定；如需修改请先重新打开，"
                "如需再存一份评分文件请用“另存评分文件”",
                f"The sheet was submitted (revision {meta['revision']}) and is locked; reopen "
                "it to change it, or save a copy of the score file",
            )
        work = _load_work(conn)
        problems = _problems(session, work)
        if problems:
            raise IncompleteSheetError(problems)
        revision = int(meta["revision"]) + 1
        data = sf.encode_score_file(
            _payload(session, meta, work, revision, submitted_at), meta["hmac_key"]
        )
        digest = hashlib.sha256(data).hexdigest()
        conn.execute(
            insert(_SUBMISSIONS).values(
                revision=revision,
                submitted_at=submitted_at,
                file_name=out_path.name,
                sha256=digest,
                content=data,
            )
        )
        conn.execute(update(_META).values(revision=revision, locked=True))
    _write(out_path, data, revision)
    log.info("submitted revision %s of package %s to %s", revision, meta["package_id"], out_path)
    return SubmittedScoreFile(
        out_path, meta["package_id"], revision, submitted_at, digest, len(data)
    )


def _entries(
    session: ReviewSession, work: _Work
) -> tuple[list[sf.DeclarationEntry], list[sf.SheetEntry]]:
    """The declarations and sheets a score file carries (platforms not declared are left off:
    a complete sheet has none)."""
    declarations: list[sf.DeclarationEntry] = []
    sheets: list[sf.SheetEntry] = []
    for p in session.platforms:
        declaration = work.declarations.get(p.id)
        if declaration is None:
            continue
        declarations.append(
            sf.DeclarationEntry(
                platform_id=p.id,
                filing_no=p.filing_no,
                conflict=declaration.conflict,
                reason=declaration.reason,
                declared_at=declaration.declared_at,
            )
        )
        if declaration.conflict:
            continue
        sheet = _sheet(session.rubric, 0, p.id, work)
        sheets.append(
            sf.SheetEntry(
                platform_id=p.id,
                filing_no=p.filing_no,
                scores={k: float(v) for k, v in sheet.points.items() if v is not None},
                comments=sheet.comments,
                vetoes=sheet.vetoes,
                bonus={k: float(v) for k, v in sheet.bonus.items()},
                overall_comment=sheet.overall_comment,
            )
        )
    return declarations, sheets


def _payload(
    session: ReviewSession,
    meta: Mapping[str, Any],
    work: _Work,
    revision: int,
    submitted_at: dt.datetime,
) -> dict[str, Any]:
    declarations, sheets = _entries(session, work)
    return sf.make_payload(
        cycle_id=meta["cycle_id"],
        package_id=meta["package_id"],
        expert_id=meta["expert_id"],
        expert_name=meta["expert_name"],
        revision=revision,
        submitted_at=submitted_at,
        app_version=meta["app_version"],
        declarations=declarations,
        sheets=sheets,
    )


def _write(out_path: Path, data: bytes, revision: int) -> None:
    try:
        sf.write_bytes_durably(out_path, data)
    except OSError as exc:
        raise UserError(
            f"评分已提交（第 {revision} 版）并保存在评审包中，但无法写入 {out_path}：{exc}。"
            "请用“另存评分文件”写到其他位置。",
            f"The scores were submitted (revision {revision}) and kept in the package, but "
            f"{out_path} could not be written: {exc}. Save a copy of the score file elsewhere.",
        ) from exc


def save_copy(session: ReviewSession, out_path: Path) -> SubmittedScoreFile:
    """Write the last submitted score file again, byte for byte, to ``out_path``."""
    out_path = Path(out_path)
    with session.connect() as conn:
        row = (
            conn.execute(select(_SUBMISSIONS).order_by(_SUBMISSIONS.c.revision.desc()).limit(1))
            .mappings()
            .one_or_none()
        )
        package_id = conn.execute(select(_META.c.package_id)).scalar_one()
    if row is None:
        raise UserError("尚未提交过评分", "Nothing has been submitted yet")
    _write(out_path, row["content"], row["revision"])
    return SubmittedScoreFile(
        out_path,
        package_id,
        row["revision"],
        row["submitted_at"],
        row["sha256"],
        len(row["content"]),
    )


def _comparable(payload: Mapping[str, Any]) -> dict[int, tuple[Any, str | None]]:
    """Platform id → (declared state and reason, the sheet as canonical JSON)."""
    declared = {d["platform_id"]: (d["state"], d["reason"]) for d in payload["declarations"]}
    sheets = {
        s["platform_id"]: json.dumps(s, sort_keys=True, ensure_ascii=False)
        for s in payload["sheets"]
    }
    return {pid: (declared.get(pid), sheets.get(pid)) for pid in declared.keys() | sheets.keys()}


def revision_state(session: ReviewSession) -> RevisionState:
    """Which revision was submitted last, and which platforms changed since (once reopened).

    Compares what the package holds with the content of the last score file it wrote, so an
    edit undone again, or a score typed back to its submitted value, is no change.
    """
    with session.connect() as conn:
        revision, locked = conn.execute(select(_META.c.revision, _META.c.locked)).one()
        if locked or not revision:
            return RevisionState(int(revision), bool(locked))
        content = conn.execute(
            select(_SUBMISSIONS.c.content).where(_SUBMISSIONS.c.revision == revision)
        ).scalar_one_or_none()
        work = _load_work(conn)
    everything = frozenset(p.id for p in session.platforms)
    if content is None:  # the submission's bytes are gone: assume everything changed
        return RevisionState(int(revision), False, everything)
    try:
        submitted = _comparable(json.loads(content))
    except (ValueError, KeyError, TypeError):
        log.warning("the stored score file of revision %s is unreadable", revision)
        return RevisionState(int(revision), False, everything)
    declarations, sheets = _entries(session, work)
    current = _comparable(
        sf.make_payload(
            cycle_id="",
            package_id="",
            expert_id=0,
            expert_name="",
            revision=revision,
            submitted_at=utc_now(),
            app_version="",
            declarations=declarations,
            sheets=sheets,
        )
    )
    changed = frozenset(pid for pid in everything if submitted.get(pid) != current.get(pid))
    return RevisionState(int(revision), False, changed)


def reopen(session: ReviewSession) -> None:
    """Unlock a submitted sheet; its next submission carries the next revision number."""
    with session.transaction() as conn:
        conn.execute(update(_META).where(_META.c.locked.is_(True)).values(locked=False))


# ------------------------------------------------------------------------------ dossiers


def dossier_overview(session: ReviewSession, platform_id: int) -> DossierOverview:
    """A platform's basic info, metrics, findings and attachment list, from the package."""
    session.platform(platform_id)
    tables = pm.PackageBase.metadata.tables
    with session.connect() as conn:
        platform = (
            conn.execute(select(_PLATFORMS).where(_PLATFORMS.c.id == platform_id)).mappings().one()
        )
        metrics_t = _table(pm.PackageMetric)
        metrics = dict(
            conn.execute(
                select(metrics_t.c.key, metrics_t.c.value).where(
                    metrics_t.c.platform_id == platform_id
                )
            ).all()
        )
        findings_t = _table(pm.PackageFinding)
        findings = [
            Finding(
                Severity(f["severity"]),
                f["code"],
                f["sheet"],
                f["row"],
                f["column"],
                Text(f["message_zh"], f["message_en"]),
                Text(f["fix_zh"], f["fix_en"]),
            )
            for f in conn.execute(
                select(findings_t)
                .where(findings_t.c.platform_id == platform_id)
                .order_by(findings_t.c.id)
            ).mappings()
        ]
        attachments_t = _table(pm.PackageAttachment)
        attachments = [
            AttachmentInfo(aid, name, media, size)
            for aid, name, media, size in conn.execute(
                select(
                    attachments_t.c.id,
                    attachments_t.c.name,
                    attachments_t.c.media_type,
                    attachments_t.c.size,
                )
                .where(attachments_t.c.platform_id == platform_id)
                .order_by(attachments_t.c.name)
            )
        ]
        summary_t = _table(pm.PackageWorkSummary)
        summary = conn.execute(
            select(summary_t.c.text, summary_t.c.attachment_name).where(
                summary_t.c.platform_id == platform_id
            )
        ).one_or_none()
        counts: dict[str, int] = {}
        for attribute, model in pm.ROW_TABLES:
            table = tables[model.__tablename__]
            counts[attribute] = conn.execute(
                select(func.count()).select_from(table).where(table.c.platform_id == platform_id)
            ).scalar_one()
    return DossierOverview(
        platform_id=platform_id,
        basic=[(c.header, platform[c.field]) for c in BASIC_INFO.columns],
        metrics=metrics,
        findings=findings,
        attachments=attachments,
        work_summary=summary[0] if summary else "",
        work_summary_attachment=summary[1] if summary else None,
        source_file=None,
        counts=counts,
    )


def sheet_data(
    session: ReviewSession,
    platform_id: int,
    attribute: str,
    *,
    offset: int = 0,
    limit: int | None = None,
) -> SheetData:
    """Rows of one dossier sheet (e.g. "services") of a platform, from the package.

    The same shape as :func:`jlpanel.services.dossiers.sheet_data`, so the desk reuses the
    workspace's dossier views; ``offset``/``limit`` fetch a page.
    """
    session.platform(platform_id)
    models = dict(pm.ROW_TABLES)
    if attribute not in models:
        raise KeyError(attribute)
    table = pm.PackageBase.metadata.tables[models[attribute].__tablename__]
    with session.connect() as conn:
        return read_sheet_page(conn, table, attribute, platform_id, offset=offset, limit=limit)


def save_attachment(session: ReviewSession, attachment_id: int, folder: Path) -> Path:
    """Write an attachment's bytes into ``folder`` (for the system viewer); returns the file."""
    table = _table(pm.PackageAttachment)
    with session.connect() as conn:
        row = conn.execute(
            select(table.c.name, table.c.data).where(table.c.id == attachment_id)
        ).one_or_none()
    if row is None:
        raise UserError(
            f"找不到附件（编号 {attachment_id}）", f"No attachment with id {attachment_id}"
        )
    name, data = row
    target = Path(folder) / Path(name).name  # never leave the folder
    sf.write_bytes_durably(target, data)
    return target
