"""Issuing review packages (``*.jlreview``) and paper score sheets to the experts.

One package per expert with assignments: the cycle, the rubric snapshot, the assigned
platforms' dossiers (never a platform the expert has a conflict with), a fresh package id and
a fresh 32-byte HMAC key. The workspace records every package issued (``ReviewPackage``, with
its key, so a score file can be verified later) and audits it. Issuing again to an expert makes
a new package with a new id and key; the old one stays known, so a late score file from it can
still be told apart.

Order of work, so a crash never leaves a package whose key the workspace does not know: every
package is built under a temporary name first (any failure or a cancel removes them all and
records nothing), then the workspace records them in one transaction, then they are renamed
into place and the paper sheets written beside them.

The packages of an SQLite workspace, and their paper sheets, are built in worker processes
(:mod:`.workers`, one per core): each reads the workspace file on its own, read-only, and
this process alone records and installs, in expert order, exactly as when it builds them
itself (one core, ``JLPANEL_WORKERS=1``, a store on a server).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jlpanel import __version__
from jlpanel.exchange.paper_sheet import PaperPlatform, paper_sheet_bytes
from jlpanel.services.errors import UserError
from jlpanel.services.rubrics import rubric_from_snapshot
from jlpanel.services.workspace import Workspace, record
from jlpanel.storage import models as m
from jlpanel.storage import package_file as pf
from jlpanel.storage import package_verify as pv
from jlpanel.storage.files import write_atomic

log = logging.getLogger(__name__)

PACKAGE_SUFFIX: Final = pf.PACKAGE_SUFFIX
PAPER_SHEET_SUFFIX: Final = "-纸质评分表.xlsx"
HMAC_KEY_BYTES: Final = 32
#: Room left in a 255-byte file name for the suffixes and a temporary build name.
_MAX_STEM_BYTES: Final = 150
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")


@dataclass(frozen=True, slots=True)
class IssuedPackage:
    """A package written for an expert, and its paper score sheet."""

    package_id: str
    expert_id: int
    expert_name: str
    path: Path
    paper_sheet: Path | None
    platform_count: int
    #: Assigned platforms left out because the expert has a conflict with them.
    skipped_conflicts: tuple[int, ...] = ()


def safe_file_name(text: str, *, max_bytes: int = _MAX_STEM_BYTES) -> str:
    """``text`` made safe as a file name on Windows, macOS and Linux (no folder parts).

    Characters Windows forbids become ``_``, runs of white space one space, leading and
    trailing dots and spaces go, reserved device names get a ``_`` in front, and the name is
    cut to ``max_bytes`` of UTF-8 without splitting a character.
    """
    name = unicodedata.normalize("NFC", text)
    name = _UNSAFE.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    if _WINDOWS_RESERVED.fullmatch(name):
        name = f"_{name}"
    encoded = name.encode("utf-8")[:max_bytes]
    name = encoded.decode("utf-8", errors="ignore").rstrip(" .")
    return name or "_"


def package_stem(cycle_name: str, expert_name: str) -> str:
    """The file name (without suffix) of an expert's package: ``<expert>-<cycle>``.

    The expert's name comes first: a file dialog or a USB stick's listing cuts long names at
    the end, and the name is what tells a panel's seven packages apart.
    """
    return safe_file_name(f"{expert_name}-{cycle_name}")


@dataclass(slots=True)
class _Plan:
    expert_id: int
    expert_name: str
    platform_ids: list[int]
    skipped: tuple[int, ...]
    stem: str = ""
    package_id: str = ""
    hmac_key: bytes = b""
    building: Path | None = None
    paper_sheet: bytes | None = None


#: Called before each package is taken with (packages done, packages in all, the expert's
#: name); False cancels: nothing is recorded and no file is left.
Progress = Callable[[int, int, str], bool]


@dataclass(frozen=True, slots=True)
class _Job:
    """One expert's package and paper sheet to build: what a worker process is handed."""

    building: Path
    header: pf.PackageHeader
    platform_ids: tuple[int, ...]
    #: The workspace file a worker reads the dossiers from (an SQLite store).
    store: Path | None
    #: :func:`paper_sheet_bytes`' arguments; None: no paper sheet.
    paper: dict[str, Any] | None


def _build(job: _Job, source: Engine | None = None) -> bytes | None:
    """Build ``job``'s package under its temporary name; returns its paper sheet's bytes.

    ``source`` is the workspace's engine when built in the issuing process; a worker opens
    the store file itself (only to ATTACH it read-only).
    """
    from sqlalchemy import URL, create_engine

    own = source is None
    if source is None:
        assert job.store is not None
        source = create_engine(URL.create("sqlite", database=str(job.store)), hide_parameters=True)
    try:
        pf.build_package(job.building, job.header, source, job.platform_ids)
    finally:
        if own:
            source.dispose()
    return paper_sheet_bytes(**job.paper) if job.paper is not None else None


def issue_packages(
    ws: Workspace,
    outdir: Path,
    *,
    experts: Sequence[int] | None = None,
    replace_existing: bool = False,
    paper_sheets: bool = True,
    progress: Progress | None = None,
) -> list[IssuedPackage]:
    """Write a review package and a paper score sheet for each expert with assignments.

    ``experts`` limits it to those expert ids (each must have an assignment). Existing files
    in ``outdir`` are refused, listed, unless ``replace_existing``. ``paper_sheets=False``
    skips the paper score sheets (``paper_sheet`` is then None). Returns what was issued, in
    expert order; nothing (an empty list, nothing recorded or written) when ``progress``
    cancels.
    """
    from jlpanel.services.workers import Workers, warm_up, worker_count

    warm_up()  # the workers' fork server starts while the plans are read
    outdir = Path(outdir)
    with ws.reading() as s:
        cycle = s.scalars(select(m.Cycle)).one()
        plans = _plans(s, experts)
        platforms = {
            pid: PaperPlatform(pid, filing_no, name, host)
            for pid, filing_no, name, host in s.execute(
                select(m.Platform.id, m.Platform.filing_no, m.Platform.name, m.Platform.host_unit)
            )
        }
    try:  # what the expert's desk would refuse to open is never issued
        pv.check_json_values([("rubric_json", cycle.rubric_json), ("rules_json", cycle.rules_json)])
    except pv.LimitedJsonError as exc:
        raise UserError(
            f"本周期的评分细则或规则超出评审包的限制（{exc.reason.zh}），未发放任何评审包",
            f"The cycle's rubric or rules exceed what a review package may hold "
            f"({exc.reason.en}); no package was issued",
        ) from exc
    rubric = rubric_from_snapshot(cycle.rubric_json)
    _name_files(plans, cycle.name)
    _refuse_existing(outdir, plans, replace_existing)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"无法创建文件夹 {outdir}：{exc}", f"Cannot create the folder {outdir}: {exc}"
        ) from exc
    issued_at = dt.datetime.now(dt.UTC)
    try:
        # Built from the store's file, or from a local copy of a server store's dossiers:
        # workers then read that file themselves (ATTACHed read-only).
        with _dossier_source(ws, plans, outdir) as source:
            store = _source_file(source)
            jobs: list[_Job] = []
            for plan in plans:
                plan.package_id = str(uuid.uuid4())
                plan.hmac_key = secrets.token_bytes(HMAC_KEY_BYTES)
                plan.building = pf.building_path(outdir / f"{plan.stem}{PACKAGE_SUFFIX}")
                header = pf.PackageHeader(
                    package_id=plan.package_id,
                    cycle_id=cycle.id,
                    cycle_name=cycle.name,
                    period_start=cycle.period_start,
                    period_end=cycle.period_end,
                    language=cycle.language,
                    expert_id=plan.expert_id,
                    expert_name=plan.expert_name,
                    hmac_key=plan.hmac_key,
                    issued_at=issued_at,
                    app_version=__version__,
                    rubric_json=cycle.rubric_json,
                    rules_json=cycle.rules_json,
                )
                sheet: dict[str, Any] | None = (
                    {
                        "cycle_id": cycle.id,
                        "cycle_name": cycle.name,
                        "expert_id": plan.expert_id,
                        "expert_name": plan.expert_name,
                        "package_id": plan.package_id,
                        "rubric": rubric,
                        "platforms": [platforms[pid] for pid in plan.platform_ids],
                    }
                    if paper_sheets
                    else None
                )
                jobs.append(_Job(plan.building, header, tuple(plan.platform_ids), store, sheet))
            # Leaving the pool stops its workers, so nothing is built after a failure's clean-up.
            with Workers(worker_count(len(jobs)) if store is not None else 0) as workers:
                build = _build if workers.parallel else partial(_build, source=source)
                built = workers.map(build, jobs)
                try:
                    for n, plan in enumerate(plans):
                        if progress is not None and not progress(n, len(plans), plan.expert_name):
                            log.info(
                                "packages cancelled after %d of %d; nothing issued", n, len(plans)
                            )
                            raise _Cancelled()
                        plan.paper_sheet = next(built)
                finally:
                    built.close()
        with ws.session() as s:
            for plan in plans:
                file_name = f"{plan.stem}{PACKAGE_SUFFIX}"
                s.add(
                    m.ReviewPackage(
                        id=plan.package_id,
                        expert_id=plan.expert_id,
                        issued_at=issued_at,
                        hmac_key=plan.hmac_key,
                        file_name=file_name,
                    )
                )
                record(
                    s,
                    "issue_package",
                    "review_package",
                    plan.package_id,
                    new={
                        "expert_id": plan.expert_id,
                        "expert": plan.expert_name,
                        "file_name": file_name,
                        "platforms": len(plan.platform_ids),
                        "skipped_conflicts": list(plan.skipped),
                    },
                )
    except BaseException as error:
        for plan in plans:
            if plan.building is not None:
                pf.discard(plan.building)
        if isinstance(error, _Cancelled):
            return []
        if isinstance(error, pf.PackageFileError | OSError):
            raise UserError(
                f"无法在 {outdir} 中写入评审包：{error}；未发放任何评审包。",
                f"Cannot write review packages in {outdir}: {error}; none was issued.",
            ) from error
        raise
    issued: list[IssuedPackage] = []
    for plan in plans:
        assert plan.building is not None
        target = outdir / f"{plan.stem}{PACKAGE_SUFFIX}"
        paper = outdir / f"{plan.stem}{PAPER_SHEET_SUFFIX}" if paper_sheets else None
        try:
            pf.install_package(plan.building, target)
            if paper is not None:
                assert plan.paper_sheet is not None
                write_atomic(paper, plan.paper_sheet)
                plan.paper_sheet = None
        except OSError as exc:
            for later in plans[len(issued) :]:
                if later.building is not None:
                    pf.discard(later.building)
            raise UserError(
                f"评审包已登记，但无法写入 {target}：{exc}。请重新发放该专家的评审包。",
                f"The packages were recorded but {target} could not be written: {exc}. "
                "Issue this expert's package again.",
            ) from exc
        issued.append(
            IssuedPackage(
                package_id=plan.package_id,
                expert_id=plan.expert_id,
                expert_name=plan.expert_name,
                path=target,
                paper_sheet=paper,
                platform_count=len(plan.platform_ids),
                skipped_conflicts=plan.skipped,
            )
        )
        log.info("issued package %s to expert %s: %s", plan.package_id, plan.expert_id, target)
    if issued:
        ws.refresh_statistics()
    if progress is not None:
        progress(len(plans), len(plans), "")
    return issued


class _Cancelled(Exception):
    """The user cancelled while the packages were being built."""


def _dossier_source(
    ws: Workspace, plans: Sequence[_Plan], outdir: Path
) -> AbstractContextManager[Engine]:
    """Where the packages' dossiers are read from: the store, or — on a server, when platforms
    go into more than one package — a local copy of them made once (see
    :func:`~jlpanel.storage.package_file.dossier_copy`)."""
    chosen = {pid for plan in plans for pid in plan.platform_ids}
    if sum(len(plan.platform_ids) for plan in plans) <= len(chosen):
        return nullcontext(ws.engine)
    return pf.dossier_copy(ws.engine, chosen, outdir)


def _source_file(source: Engine) -> Path | None:
    """The SQLite file ``source`` reads, for workers to open themselves; None on a server."""
    if source.dialect.name != "sqlite" or not source.url.database:
        return None
    return Path(source.url.database)


def _plans(s: Session, wanted: Sequence[int] | None) -> list[_Plan]:
    experts = dict(s.execute(select(m.Expert.id, m.Expert.name).order_by(m.Expert.id)).all())
    assigned: dict[int, list[int]] = defaultdict(list)
    for expert_id, platform_id in s.execute(
        select(m.Assignment.expert_id, m.Assignment.platform_id).order_by(
            m.Assignment.expert_id, m.Assignment.platform_id
        )
    ):
        assigned[expert_id].append(platform_id)
    conflicted = {
        (e, p) for e, p in s.execute(select(m.Conflict.expert_id, m.Conflict.platform_id))
    }
    if wanted is not None:
        unknown = sorted(set(wanted) - set(experts))
        if unknown:
            raise UserError(
                "名单中没有这些专家：",
                "These experts are not on the roster:",
                details=[str(e) for e in unknown],
            )
        ids = sorted(set(wanted))
    else:
        ids = list(experts)
    plans: list[_Plan] = []
    empty: list[str] = []
    for expert_id in ids:
        platforms = [p for p in assigned.get(expert_id, []) if (expert_id, p) not in conflicted]
        skipped = tuple(p for p in assigned.get(expert_id, []) if (expert_id, p) in conflicted)
        if platforms:
            plans.append(_Plan(expert_id, experts[expert_id], platforms, skipped))
        elif wanted is not None:
            empty.append(experts[expert_id])
    if empty:
        raise UserError(
            "这些专家没有可评审的平台（未分配或均须回避）：",
            "These experts have no platform to review (none assigned, or all in conflict):",
            details=empty,
        )
    if not plans:
        raise UserError(
            "还没有为任何专家分配评审平台，请先进行分配（jlpanel assign）",
            "No expert has been assigned any platform yet; assign them first (jlpanel assign)",
        )
    return plans


def _name_files(plans: Sequence[_Plan], cycle_name: str) -> None:
    stems = [package_stem(cycle_name, p.expert_name) for p in plans]
    taken: set[str] = set()
    for plan, stem in zip(plans, stems, strict=True):
        # Two experts of the same name get their ids in the file name, never each other's file.
        if stems.count(stem) > 1 or stem.casefold() in taken:
            stem = package_stem(cycle_name, f"{plan.expert_name}-{plan.expert_id}")
        taken.add(stem.casefold())
        plan.stem = stem


def _refuse_existing(outdir: Path, plans: Sequence[_Plan], replace_existing: bool) -> None:
    if replace_existing:
        return
    existing = [
        str(path)
        for plan in plans
        for path in (
            outdir / f"{plan.stem}{PACKAGE_SUFFIX}",
            outdir / f"{plan.stem}{PAPER_SHEET_SUFFIX}",
        )
        if path.exists()
    ]
    if existing:
        raise UserError(
            "这些文件已存在，为免覆盖专家已做的评分，未发放任何评审包（请换一个文件夹）：",
            "These files exist already; so as not to overwrite an expert's work, no package "
            "was issued (choose another folder):",
            details=existing,
        )
