"""Dossier intake: the blank template, and importing filled workbooks all-or-nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.dossier_checks import check_dossier
from jlpanel.domain.dossier_metrics import compute_metrics
from jlpanel.domain.identity import identity_key
from jlpanel.domain.text import Text
from jlpanel.services.collector import collector_paused
from jlpanel.services.workspace import CycleInfo, Workspace, backup_to, record
from jlpanel.storage import models as m
from jlpanel.storage.dossiers import (
    DossierRows,
    StoredAttachment,
    dossier_counts,
    dossier_rows,
    find_platform,
    insert_dossier,
    replace_dossier,
)

log = logging.getLogger(__name__)

#: Workbook suffixes picked up when a folder is imported (WPS, Excel and LibreOffice files).
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")

#: Called before each file with (files done, files in all, the file's name); False cancels.
Progress = Callable[[int, int, str], bool]


class ImportStatus(StrEnum):
    """What happened to one dossier file."""

    IMPORTED = "imported"
    REPLACED = "replaced"
    REFUSED = "refused"  # errors in the file: nothing changed
    EXISTS = "exists"  # the platform was imported before and replacing was not asked for
    CANCELLED = "cancelled"  # the user cancelled before this file


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """The result for one file: its status, the platform, and every finding."""

    path: Path
    status: ImportStatus
    platform_name: str | None = None
    filing_no: str | None = None
    platform_id: int | None = None
    #: Errors when refused; the warnings kept with the dossier when imported.
    findings: tuple[Finding, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the dossier is now in the workspace."""
        return self.status in (ImportStatus.IMPORTED, ImportStatus.REPLACED)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that refused the file."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings kept with the dossier."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)


def write_template(path: Path) -> None:
    """Write the blank dossier workbook (DESIGN §3) to ``path``."""
    from jlpanel.exchange.dossier_template import write_template as write

    write(path)


def expand_dossier_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by the workbooks directly inside them (sorted).

    Lock files (``~$name.xlsx``, ``.~lock.name.ods#``) are skipped; :func:`folder_leftovers`
    says what else a folder holds that is not taken, and why.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(p for p, why in _folder_entries(path) if why is None)
        else:
            out.append(path)
    return out


def folder_leftovers(paths: Iterable[Path]) -> list[tuple[Path, Text]]:
    """Every entry of the given folders that an import does not take, with the reason."""
    return [
        (p, why)
        for path in paths
        if path.is_dir()
        for p, why in _folder_entries(path)
        if why is not None
    ]


def _folder_entries(folder: Path) -> list[tuple[Path, Text | None]]:
    from jlpanel.exchange.dossier_schema import ATTACHMENT_FOLDERS, ATTACHMENT_ZIPS

    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        return [(folder, Text(f"无法读取文件夹：{exc}", f"the folder cannot be read: {exc}"))]
    stems = {p.stem for p in entries if p.suffix.lower() in WORKBOOK_SUFFIXES}
    attachments = {
        pattern.format(stem=stem) for stem in stems for pattern in ATTACHMENT_FOLDERS
    } | {pattern.format(stem=stem) for stem in stems for pattern in ATTACHMENT_ZIPS}
    out: list[tuple[Path, Text | None]] = []
    for p in entries:
        why: Text | None = None
        if p.name.startswith(("~$", ".~lock.")):
            why = Text(
                "WPS、Excel 或 LibreOffice 的临时锁定文件", "a WPS, Excel or LibreOffice lock file"
            )
        elif p.name in attachments:
            why = Text("同名工作簿的附件", "the attachments of the workbook of that name")
        elif p.is_dir():
            why = Text(
                "子文件夹（只导入文件夹中直接放着的工作簿）",
                "a sub-folder (only workbooks directly in the folder are imported)",
            )
        elif p.suffix.lower() not in WORKBOOK_SUFFIXES:
            why = Text(
                "不是工作簿（可导入 .xlsx、.xlsm、.xls、.ods）",
                "not a workbook (.xlsx, .xlsm, .xls and .ods are imported)",
            )
        elif not p.is_file():
            why = Text("不是普通文件", "not a regular file")
        out.append((p, why))
    return out


def _exists_finding(
    name: str, filing_no: str, typed: str | None = None, source: str = ""
) -> Finding:
    """The refusal of a platform already imported; ``typed`` when this file spells it otherwise."""
    where = (f"，来自 {source}", f", from {source}") if source else ("", "")
    if typed is not None and typed != filing_no:
        message = Text(
            f"备案编号“{typed}”与已导入的备案编号“{filing_no}”（{name}{where[0]}）视为同一编号"
            "（大小写、全角半角、空格、标点和看不见的字符不计），该平台的材料已导入本考核周期",
            f"The filing number '{typed}' is the same as '{filing_no}' ({name}{where[1]}), "
            "already in this cycle (case, width, spaces, punctuation and invisible characters "
            "do not count)",
        )
    else:
        message = Text(
            f"备案编号 {filing_no}（{name}{where[0]}）的材料已导入本考核周期",
            f"A dossier with filing number {filing_no} ({name}{where[1]}) is already in this cycle",
        )
    return Finding(
        Severity.ERROR,
        "dossier.exists",
        "基本信息",
        None,
        "备案编号",
        message,
        Text(
            "如需用新材料替换，请选择“替换已导入的材料”（命令行：--replace）",
            "To replace it with this file, choose “replace” (command line: --replace)",
        ),
    )


class _KnownPlatforms:
    """The cycle's platforms by the identity key of their 备案编号, for a batch of imports.

    Filing numbers are compared on their identity key, so a zero-width space, full-width
    digits, lower case or a Cyrillic look-alike letter does not make a second platform. The
    keys are read once per batch (the batch has the store claimed, so no one else adds a
    platform meanwhile) and the batch's own new platforms are added as they are committed:
    reading every platform's number again for each new file grew with the square of the
    batch, 17 s of a 2,000-file import on a server (issue 16).
    """

    def __init__(self, cycle_id: str) -> None:
        self.cycle_id = cycle_id
        self._by_key: dict[str, int] | None = None

    def find(self, s: Session, filing_no: str) -> m.Platform | None:
        """The platform whose number is ``filing_no`` however either was typed; the first
        imported where several share its key.

        A number whose key no platform has is new: the exact number would share its key, so
        it is not looked up (a query for each new file, 5 % of the writer's time in W1).
        """
        by_key = self._keys(s)
        found = by_key.get(identity_key(filing_no))
        if found is None:
            return None
        exact = find_platform(s, self.cycle_id, filing_no)
        return exact if exact is not None else s.get(m.Platform, found)

    def _keys(self, s: Session) -> dict[str, int]:
        if self._by_key is None:
            by_key: dict[str, int] = {}
            for stored_id, stored in s.execute(
                select(m.Platform.id, m.Platform.filing_no)
                .where(m.Platform.cycle_id == self.cycle_id)
                .order_by(m.Platform.id)
            ):
                by_key.setdefault(identity_key(stored), stored_id)
            self._by_key = by_key
        return self._by_key

    def added(self, filing_no: str, platform_id: int) -> None:
        """A platform this batch has stored (committed) under ``filing_no``."""
        if self._by_key is not None:
            self._by_key.setdefault(identity_key(filing_no), platform_id)


def import_dossier(
    ws: Workspace, path: Path, *, replace: bool = False, info: CycleInfo | None = None
) -> ImportOutcome:
    """Import one dossier workbook in one transaction; a refused file changes nothing.

    ``info`` saves re-reading the cycle (and re-validating its rubric) for every file of a batch.
    """
    info = info or ws.cycle_info()
    prepared = prepare_dossier(path, _period(info))
    with collector_paused():
        return _store_dossier(
            ws, prepared, replace=replace, info=info, known=_KnownPlatforms(info.id)
        )


@dataclass(frozen=True, slots=True)
class PreparedDossier:
    """A dossier read and checked, ready to store: what a worker process hands the writer."""

    path: Path
    #: As the rows its tables get: plain tuples cross between processes at C speed.
    dossier: DossierRows
    #: The findings kept with the dossier (warnings).
    kept: tuple[Finding, ...]
    metrics: dict[str, float | None]
    attachments: tuple[StoredAttachment, ...]
    sha256: str


def _period(info: CycleInfo) -> tuple[dt.date, dt.date] | None:
    return (info.period_start, info.period_end) if info.period_start and info.period_end else None


def prepare_dossier(
    path: Path, period: tuple[dt.date, dt.date] | None
) -> PreparedDossier | ImportOutcome:
    """Read, clean and check one workbook, touching no store: a refusal, or what to store.

    Pure and picklable both ways, so a worker process can do it (:mod:`.workers`).
    """
    with collector_paused():
        return _prepare_dossier(path, period)


def _prepare_dossier(
    path: Path, period: tuple[dt.date, dt.date] | None
) -> PreparedDossier | ImportOutcome:
    from jlpanel.exchange.attachments import collect_attachments
    from jlpanel.exchange.dossier_reader import read_dossier
    from jlpanel.exchange.dossier_text import clean_dossier_text, dossier_text_errors

    read = read_dossier(path)
    # Attachments are checked even when the workbook is refused, so the host unit gets
    # every problem in one list.
    found = collect_attachments(path, read.attachment_refs)
    findings: list[Finding] = [*read.findings, *found.findings]
    dossier = read.dossier
    if dossier is not None:
        # Stored as cleaned; identities are compared on their keys below.
        dossier, text_findings = clean_dossier_text(dossier)
        findings.extend([*text_findings, *dossier_text_errors(dossier)])
    if dossier is None or any(f.severity is Severity.ERROR for f in findings):
        return ImportOutcome(
            path,
            ImportStatus.REFUSED,
            dossier.basic.name if dossier else None,
            dossier.basic.filing_no if dossier else None,
            findings=tuple(findings),
        )
    dossier = dataclasses.replace(dossier, attachment_names=frozenset(found.files))
    warnings = check_dossier(dossier, period=period)
    findings.extend(warnings)
    metrics = compute_metrics(dossier, period=period)
    kept = tuple(f for f in findings if f.severity is Severity.WARNING)
    metrics["dossier_warnings"] = float(len(kept))
    return PreparedDossier(
        path,
        dossier_rows(dossier),
        kept,
        metrics,
        tuple(
            StoredAttachment(a.name, a.media_type, a.sha256, a.data) for a in found.files.values()
        ),
        hashlib.sha256(path.read_bytes()).hexdigest(),
    )


def _store_dossier(
    ws: Workspace,
    prepared: PreparedDossier | ImportOutcome,
    *,
    replace: bool,
    info: CycleInfo,
    known: _KnownPlatforms,
) -> ImportOutcome:
    """Store a prepared dossier in one transaction (the writer's part); a refusal as it is."""
    if isinstance(prepared, ImportOutcome):
        return prepared
    path, dossier, kept, sha256 = prepared.path, prepared.dossier, prepared.kept, prepared.sha256
    with ws.session() as s:
        existing = known.find(s, dossier.basic.filing_no)
        status = ImportStatus.IMPORTED
        if existing is not None:
            if not replace:
                return ImportOutcome(
                    path,
                    ImportStatus.EXISTS,
                    dossier.basic.name,
                    dossier.basic.filing_no,
                    existing.id,
                    findings=(
                        _exists_finding(
                            existing.name,
                            existing.filing_no,
                            dossier.basic.filing_no,
                            existing.source_file or "",
                        ),
                    ),
                )
            old = {
                "platform_id": existing.id,
                "name": existing.name,
                "source_file": existing.source_file,
                "sha256": existing.source_sha256,
                **dossier_counts(s, existing.id),
            }
            status = ImportStatus.REPLACED
        else:
            old = None
        parts = {
            "findings": list(kept),
            "metrics": prepared.metrics,
            "attachments": list(prepared.attachments),
            "source_file": path.name,
            "source_sha256": sha256,
        }
        if existing is not None:
            replace_dossier(s, existing, dossier, **parts)  # type: ignore[arg-type]
            pid = existing.id
        else:
            pid = insert_dossier(s, info.id, dossier, **parts)  # type: ignore[arg-type]
        # What was just written, without counting it back from the database.
        counts = dossier.counts()
        record(
            s,
            "replace_dossier" if status is ImportStatus.REPLACED else "import_dossier",
            "platform",
            pid,
            old=old,
            new={
                "filing_no": dossier.basic.filing_no,
                "name": dossier.basic.name,
                "source_file": path.name,
                "sha256": sha256,
                "warnings": len(kept),
                "attachments": len(prepared.attachments),
                **counts,
            },
        )
    if status is ImportStatus.IMPORTED:
        known.added(dossier.basic.filing_no, pid)
    log.info("%s %s (%s): %d warnings", status.value, path, dossier.basic.name, len(kept))
    return ImportOutcome(
        path,
        status,
        dossier.basic.name,
        dossier.basic.filing_no,
        pid,
        findings=kept,
        counts=counts,
    )


def import_dossiers(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    replace: bool = False,
    progress: Progress | None = None,
    backup_dir: Path | None = None,
    backup_count: int = 10,
) -> list[ImportOutcome]:
    """Import several dossiers, each all-or-nothing, after one backup of the workspace.

    The workbooks are read and checked in worker processes (:mod:`.workers`, one per core)
    while this process stores them one after the other, in the order given: the outcomes,
    the audit trail and what a cancel leaves are those of importing the files one by one.
    """
    from jlpanel.services.workers import Workers, warm_up, worker_count

    files = expand_dossier_paths(paths)
    if worker_count(len(files)):
        warm_up()  # the workers' fork server starts during the backup
    if backup_dir is not None and files:
        backup_to(ws, backup_dir, backup_count, "pre-import")
    outcomes: list[ImportOutcome] = []
    info = ws.cycle_info() if files else None
    if info is not None:
        prepare = partial(prepare_dossier, period=_period(info))
        known = _KnownPlatforms(info.id)
        with ws.changing(), Workers(worker_count(len(files))) as workers:
            prepared = workers.map(prepare, files)
            try:
                for n, path in enumerate(files):
                    if progress is not None and not progress(n, len(files), path.name):
                        outcomes.extend(ImportOutcome(p, ImportStatus.CANCELLED) for p in files[n:])
                        break
                    with collector_paused():
                        outcomes.append(
                            _store_dossier(
                                ws, next(prepared), replace=replace, info=info, known=known
                            )
                        )
            finally:
                prepared.close()  # nothing not yet started is started
    if any(o.ok for o in outcomes):
        # A new or changed host unit can create or end a conflict of interest.
        from jlpanel.services.experts import refresh_conflicts

        refresh_conflicts(ws)
        ws.refresh_statistics()
    if progress is not None and len(outcomes) == len(files):
        progress(len(files), len(files), "")
    return outcomes


def platform_ids(ws: Workspace) -> list[int]:
    """Ids of the cycle's platforms, in import order."""
    with ws.reading() as s:
        return list(s.scalars(select(m.Platform.id).order_by(m.Platform.id)))
