"""Attachments of a dossier: the PDFs and images named in 佐证材料 and 工作总结.

They come in a folder or a zip beside the workbook, named after it. For 平台A.xlsx the
places searched, in order, are the folders ``平台A/``, ``平台A_附件/``, ``平台A附件/``,
``平台A_attachments/`` and then the zips ``平台A.zip``, ``平台A_附件.zip``, ``平台A附件.zip``,
``平台A_attachments.zip`` (see :data:`~jlpanel.exchange.dossier_schema.ATTACHMENT_FOLDERS`).
A name is a path relative to that folder or zip root ("论文/论文1.pdf"); backslashes count as
slashes and, when the exact name is not there, a name differing only in letter case is found.

Hostile input is refused with an error finding and never touches anything outside the folder:
a name with ``..``, an absolute path or a drive letter, a name over 255 bytes, a name Windows
cannot save (CON, AUX, NUL, COM1…, LPT1… with any extension; a trailing dot or space), a
symbolic link that leads out of the folder, an attachment folder or zip that is itself a
link, a file over ``max_file_bytes``, a zip whose declared contents exceed
``max_total_bytes`` or ``max_ratio`` times its compressed size (a zip bomb), a zip member
that inflates past its declared size. A missing attachment is only a warning. Each folder
is listed once, however many names are looked up in it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from jlpanel.domain.dossier import Dossier, Finding, Severity
from jlpanel.domain.text import Text
from jlpanel.exchange.dossier_schema import (
    ATTACHMENT_FOLDERS,
    ATTACHMENT_TYPES,
    ATTACHMENT_ZIPS,
    OUTCOMES,
    WORK_SUMMARY,
)

log = logging.getLogger(__name__)

DEFAULT_MAX_FILE_BYTES = 50 * 2**20
DEFAULT_MAX_TOTAL_BYTES = 500 * 2**20
DEFAULT_MAX_RATIO = 100
MAX_NAME_BYTES = 255
#: Members smaller than this are not judged by their compression ratio (tiny files of one
#: repeated byte compress a lot and harm nobody).
_RATIO_FLOOR = 64 * 2**10
_CHUNK = 2**20
_NAME_SEPARATORS = re.compile(r"[；;\n\r]+")
_DRIVE = re.compile(r"^[A-Za-z]:")
#: Names Windows reserves for devices, with any extension (aux.pdf cannot be saved there).
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")]
)

#: The first bytes of each attachment type, to catch a renamed file.
_MAGIC: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/bmp": (b"BM",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
    "image/webp": (b"RIFF",),
}


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    """An attachment name and the workbook cell it was written in."""

    name: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    """One attachment read into memory."""

    name: str  # as :func:`clean_attachment_name` spells it
    data: bytes
    media_type: str
    sha256: str
    origin: str  # the file or "zip!member" it came from, for the log

    @property
    def size(self) -> int:
        """Its size in bytes."""
        return len(self.data)


@dataclass(frozen=True, slots=True)
class AttachmentResult:
    """The attachments found, keyed by clean name, and every problem met on the way."""

    files: dict[str, Attachment]
    findings: list[Finding]
    #: The folders and zips that were searched.
    sources: tuple[Path, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)


@dataclass(slots=True)
class _Collector:
    findings: list[Finding] = field(default_factory=list)

    def add(
        self, severity: Severity, code: str, ref: AttachmentRef | None, message: Text, fix: Text
    ) -> None:
        sheet, row, column = (ref.sheet, ref.row, ref.column) if ref else (None, None, None)
        self.findings.append(Finding(severity, code, sheet, row, column, message, fix))

    def error(self, code: str, ref: AttachmentRef | None, message: Text, fix: Text) -> None:
        self.add(Severity.ERROR, code, ref, message, fix)


# ----------------------------------------------------------------------------- names


def split_attachment_names(text: str | None) -> list[str]:
    """The file names in a 佐证材料 cell: several are separated by ；, ; or line breaks."""
    if not text:
        return []
    return [name.strip() for name in _NAME_SEPARATORS.split(text) if name.strip()]


def clean_attachment_name(name: str) -> str:
    """A name as it is looked up and stored: trimmed, NFC, with forward slashes."""
    text = unicodedata.normalize("NFC", name.strip()).replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    return text


def attachment_refs(dossier: Dossier) -> list[AttachmentRef]:
    """Every attachment a parsed dossier names, with the cell it is named in."""
    refs: list[AttachmentRef] = []
    column = OUTCOMES.column("evidence").header
    for outcome in dossier.outcomes:
        for name in split_attachment_names(outcome.evidence):
            refs.append(AttachmentRef(name, OUTCOMES.name, outcome.source_row, column))
    if dossier.work_summary_attachment:
        header = WORK_SUMMARY.column("work_summary_attachment").header
        refs.append(AttachmentRef(dossier.work_summary_attachment, WORK_SUMMARY.name, 2, header))
    return refs


def _unsafe_reason(name: str) -> Text | None:
    """Why a (clean) name may not be used as a path, or None."""
    if name.startswith("/") or _DRIVE.match(name) or name.startswith("~"):
        return Text(
            f"附件名“{name}”是绝对路径", f"The attachment name '{name}' is an absolute path"
        )
    if any(part == ".." for part in name.split("/")):
        return Text(
            f"附件名“{name}”指向附件文件夹以外（含“..”）",
            f"The attachment name '{name}' leads out of the attachment folder ('..')",
        )
    if any(ord(ch) < 32 for ch in name) or any(ch in name for ch in '<>:"|?*'):
        return Text(
            f"附件名“{name}”含有文件名中不允许的字符",
            f"The attachment name '{name}' has characters not allowed in file names",
        )
    return None


def _reserved_reason(name: str) -> Text | None:
    """Why Windows cannot save a (clean, safe) name, or None."""
    for part in name.split("/"):
        if part.endswith((".", " ")):
            return Text(
                f"附件名“{name}”以点或空格结尾，Windows 无法保存这样的文件",
                f"The attachment name '{name}' ends in a dot or a space, which Windows cannot save",
            )
        device = part.split(".", 1)[0].rstrip(" ").upper()
        if device in _RESERVED:
            return Text(
                f"附件名“{name}”中的“{part}”是 Windows 保留的设备名（{device}），无法保存",
                f"'{part}' in the attachment name '{name}' is a device name Windows reserves "
                f"({device}) and cannot be saved",
            )
    return None


_RENAME_FIX = Text(
    "请把文件改名（如 aux.pdf 改为 aux-1.pdf，去掉结尾的点和空格），并同时修改表格中的名字",
    "Rename the file (e.g. aux.pdf to aux-1.pdf, no dot or space at the end), and change "
    "the name in the sheet too",
)

_SAFE_FIX = Text(
    "只写文件名（或附件文件夹内的相对路径），如 论文1.pdf 或 论文/论文1.pdf",
    "Write just the file name (or a path inside the attachment folder), "
    "e.g. 论文1.pdf or 论文/论文1.pdf",
)


def _check_name(name: str, ref: AttachmentRef, out: _Collector) -> str | None:
    """The media type of an acceptable name, or None after reporting why it is not."""
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        out.error(
            "attachment.name_too_long",
            ref,
            Text(
                f"附件名太长（{len(name.encode('utf-8'))} 字节，上限 {MAX_NAME_BYTES} 字节）",
                f"The attachment name is too long ({len(name.encode('utf-8'))} bytes, "
                f"at most {MAX_NAME_BYTES})",
            ),
            Text(
                "请把文件改成较短的名字，并同时修改表格中的名字",
                "Give the file a shorter name, and change it in the sheet too",
            ),
        )
        return None
    reason = _unsafe_reason(name)
    if reason is not None:
        out.error("attachment.unsafe_path", ref, reason, _SAFE_FIX)
        return None
    reason = _reserved_reason(name)
    if reason is not None:
        out.error("attachment.reserved_name", ref, reason, _RENAME_FIX)
        return None
    extension = Path(name).suffix.lower()
    media_type = ATTACHMENT_TYPES.get(extension)
    if media_type is None:
        shown = extension or Text("无扩展名", "no extension").zh
        out.error(
            "attachment.bad_type",
            ref,
            Text(
                f"不支持的附件类型“{shown}”：{name}",
                f"Unsupported attachment type '{extension or 'none'}': {name}",
            ),
            Text(
                "附件须为 PDF 或图片（PNG、JPG、GIF、BMP、TIFF、WEBP），请转换后再导入",
                "Attachments must be PDF or images (PNG, JPG, GIF, BMP, TIFF, WEBP); "
                "convert the file and import again",
            ),
        )
        return None
    return media_type


def _content_matches(data: bytes, media_type: str) -> bool:
    if media_type == "image/webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return data.startswith(_MAGIC[media_type])


# --------------------------------------------------------------------------- sources


class _Source:
    """A folder or zip that attachments are looked up in."""

    path: Path

    def find(self, name: str, ref: AttachmentRef, out: _Collector) -> bytes | Literal[False] | None:
        """The data, None when the name is not here, False after reporting a refusal."""
        raise NotImplementedError


class _Folder(_Source):
    def __init__(self, path: Path, max_file_bytes: int) -> None:
        self.path = path
        self.root = path.resolve()
        self.max_file_bytes = max_file_bytes
        #: Each folder's names by their Windows key, listed once however many names are
        #: looked up in it (20,000 case-different references took a minute listed each time).
        self._listings: dict[Path, dict[str, list[str]] | None] = {}

    def _listing(self, folder: Path) -> dict[str, list[str]] | None:
        if folder not in self._listings:
            listing: dict[str, list[str]] = {}
            try:
                for entry in os.scandir(folder):
                    listing.setdefault(_windows_key(entry.name), []).append(entry.name)
            except OSError:
                self._listings[folder] = None
            else:
                self._listings[folder] = listing
        return self._listings[folder]

    def _locate(
        self, name: str, ref: AttachmentRef, out: _Collector
    ) -> Path | Literal[False] | None:
        candidate = self.path.joinpath(*name.split("/"))
        if candidate.exists() or candidate.is_symlink():
            return candidate
        # The workbook was probably filled on Windows, where 论文1.PDF, 论文1.pdf and
        # "论文1.pdf " are one file; a folder made elsewhere may hold them apart.
        current = self.path
        for part in name.split("/"):
            entries = self._listing(current)
            if entries is None:
                return None
            actual = entries.get(_windows_key(part))
            if actual is None:
                return None
            if len(actual) > 1:
                _ambiguous(name, sorted(actual), ref, out)
                return False
            current = current / actual[0]
        return current

    def find(self, name: str, ref: AttachmentRef, out: _Collector) -> bytes | Literal[False] | None:
        candidate = self._locate(name, ref, out)
        if candidate is None or candidate is False:
            return candidate
        try:
            resolved = candidate.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            resolved = None
        if resolved is None or not resolved.is_relative_to(self.root):
            out.error(
                "attachment.outside",
                ref,
                Text(
                    f"附件“{name}”是指向附件文件夹以外的链接",
                    f"The attachment '{name}' is a link that leads out of the attachment folder",
                ),
                Text(
                    "请把文件本身（而不是快捷方式或链接）放进附件文件夹",
                    "Put the file itself (not a shortcut or link) in the attachment folder",
                ),
            )
            return False
        if not resolved.is_file():
            return None
        size = resolved.stat().st_size
        if size > self.max_file_bytes:
            _too_large(name, size, self.max_file_bytes, ref, out)
            return False
        with resolved.open("rb") as handle:
            data = handle.read(self.max_file_bytes + 1)
        if len(data) > self.max_file_bytes:  # it grew while we looked
            _too_large(name, len(data), self.max_file_bytes, ref, out)
            return False
        return data


def _windows_key(name: str) -> str:
    """A file name as Windows tells names apart: case-blind, trailing dots and spaces dropped."""
    return unicodedata.normalize("NFC", name).rstrip(". ").casefold()


def _ambiguous(name: str, found: list[str], ref: AttachmentRef, out: _Collector) -> None:
    listed = "”“".join(found)
    out.error(
        "attachment.ambiguous",
        ref,
        Text(
            f"附件“{name}”对应多个只有大小写或结尾空格、点不同的文件：“{listed}”",
            f"The attachment '{name}' matches several files that differ only in case or in "
            f"trailing spaces or dots: {', '.join(found)}",
        ),
        Text(
            "请删除多余的文件，或给它们不同的名字（Windows 会把它们当成同一个文件）",
            "Delete the extra files or give them different names (Windows takes them for one file)",
        ),
    )


def _too_large(name: str, size: int, limit: int, ref: AttachmentRef, out: _Collector) -> None:
    out.error(
        "attachment.too_large",
        ref,
        Text(
            f"附件“{name}”太大（{_mb(size)}，上限 {_mb(limit)}）",
            f"The attachment '{name}' is too large ({_mb(size)}, at most {_mb(limit)})",
        ),
        Text(
            "请压缩文件（如降低图片分辨率）或只保留必要的页",
            "Make the file smaller (e.g. lower the image resolution) or keep only the pages needed",
        ),
    )


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def _member_name(info: zipfile.ZipInfo) -> str:
    """A member's real name: zips made on Chinese Windows store names in GBK, unflagged."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            raw = name.encode("cp437")
        except UnicodeEncodeError:
            return name
        for encoding in ("utf-8", "gb18030"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
    return name


class _Zip(_Source):
    def __init__(
        self, path: Path, max_file_bytes: int, max_total_bytes: int, max_ratio: float
    ) -> None:
        self.path = path
        self.max_file_bytes = max_file_bytes
        self.max_total_bytes = max_total_bytes
        self.max_ratio = max_ratio
        self.archive: zipfile.ZipFile | None = None
        self.members: dict[str, zipfile.ZipInfo] = {}
        self.folded: dict[str, list[zipfile.ZipInfo]] = {}
        self.refused = False

    def open(self, out: _Collector) -> None:
        """Read the central directory and refuse a corrupt, hostile or oversized zip."""
        zip_name = self.path.name
        try:
            archive = zipfile.ZipFile(self.path)
            infos = archive.infolist()
        except Exception as exc:  # zipfile raises many kinds on a damaged directory
            log.info("attachment zip %s unreadable: %s", self.path, exc)
            self.refused = True
            out.error(
                "attachment.zip_corrupt",
                None,
                Text(
                    f"附件压缩包“{zip_name}”已损坏，无法打开",
                    f"The attachment zip '{zip_name}' is damaged and cannot be opened",
                ),
                Text("请重新压缩附件后再导入", "Zip the attachments again and import again"),
            )
            return
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
        if total > self.max_total_bytes:
            self.refused = True
            out.error(
                "attachment.zip_too_large",
                None,
                Text(
                    f"附件压缩包“{zip_name}”解压后有 {_mb(total)}，超过上限 "
                    f"{_mb(self.max_total_bytes)}",
                    f"The attachment zip '{zip_name}' unpacks to {_mb(total)}, more than "
                    f"the limit of {_mb(self.max_total_bytes)}",
                ),
                Text(
                    "请只放入表格中列出的附件，并压缩过大的文件",
                    "Put in only the attachments the sheets name, and shrink large files",
                ),
            )
        bomb = [
            i
            for i in infos
            if i.file_size > _RATIO_FLOOR and i.file_size > self.max_ratio * max(i.compress_size, 1)
        ]
        if bomb or (total > _RATIO_FLOOR and total > self.max_ratio * max(packed, 1)):
            self.refused = True
            worst = bomb[0] if bomb else None
            what = f"“{_member_name(worst)}”" if worst else ""
            ratio = (worst.file_size / max(worst.compress_size, 1)) if worst else total / packed
            out.error(
                "attachment.zip_bomb",
                None,
                Text(
                    f"附件压缩包“{zip_name}”中的{what}压缩比异常（{ratio:.0f} 倍，上限 "
                    f"{self.max_ratio:g} 倍），可能是“压缩炸弹”",
                    f"The attachment zip '{zip_name}' {what} is compressed {ratio:.0f} "
                    f"times (at most {self.max_ratio:g}): it may be a zip bomb",
                ),
                Text(
                    "请只放入 PDF 和图片原件，重新压缩后再导入",
                    "Put in only the original PDFs and images, zip them again and import again",
                ),
            )
        for info in infos:
            if info.is_dir():
                continue
            name = clean_attachment_name(_member_name(info))
            reason = _unsafe_reason(name)
            if reason is not None:
                self.refused = True
                out.error(
                    "attachment.unsafe_path",
                    None,
                    Text(
                        f"附件压缩包“{zip_name}”中：{reason.zh}",
                        f"In the attachment zip '{zip_name}': {reason.en}",
                    ),
                    Text(
                        "请只压缩附件文件夹里的文件，不要包含上级目录或绝对路径",
                        "Zip only the files of the attachment folder, without parent "
                        "folders or absolute paths",
                    ),
                )
                continue
            self.members.setdefault(name, info)
            if name not in self.members or self.members[name] is info:
                self.folded.setdefault(_windows_key(name), []).append(info)
        if self.refused:
            archive.close()
        else:
            self.archive = archive

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None

    def find(self, name: str, ref: AttachmentRef, out: _Collector) -> bytes | Literal[False] | None:
        if self.archive is None:
            return None
        info = self.members.get(name)
        if info is None:
            alike = self.folded.get(_windows_key(name), [])
            if len(alike) > 1:
                _ambiguous(name, sorted(_member_name(i) for i in alike), ref, out)
                return False
            if not alike:
                return None
            info = alike[0]
        where = f"{self.path.name}!{name}"
        if info.flag_bits & 0x1:
            out.error(
                "attachment.encrypted",
                ref,
                Text(f"附件“{where}”设置了密码", f"The attachment '{where}' is password-protected"),
                Text("请不加密码重新压缩", "Zip it again without a password"),
            )
            return False
        if info.file_size > self.max_file_bytes:
            _too_large(name, info.file_size, self.max_file_bytes, ref, out)
            return False
        limit = min(info.file_size, self.max_file_bytes)
        chunks: list[bytes] = []
        got = 0
        try:
            with self.archive.open(info) as handle:
                while True:
                    # Never trust the declared size: stop as soon as more comes out.
                    chunk = handle.read(min(_CHUNK, limit + 1 - got))
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > limit:
                        out.error(
                            "attachment.zip_bomb",
                            ref,
                            Text(
                                f"附件“{where}”解压后比声明的大小更大，可能是“压缩炸弹”",
                                f"The attachment '{where}' unpacks to more than it declares: "
                                "it may be a zip bomb",
                            ),
                            Text(
                                "请只放入 PDF 和图片原件，重新压缩后再导入",
                                "Put in only the original PDFs and images, zip them again "
                                "and import again",
                            ),
                        )
                        return False
                    chunks.append(chunk)
        except Exception as exc:  # zlib.error, BadZipFile, NotImplementedError (deflate64) …
            log.info("attachment %s unreadable: %s", where, exc)
            out.error(
                "attachment.zip_corrupt",
                ref,
                Text(f"附件“{where}”已损坏，无法解压", f"The attachment '{where}' is damaged"),
                Text("请重新压缩附件后再导入", "Zip the attachments again and import again"),
            )
            return False
        return b"".join(chunks)


def _sources(
    workbook: Path, max_file_bytes: int, max_total_bytes: int, max_ratio: float
) -> list[_Source]:
    stem = workbook.stem
    sources: list[_Source] = []
    for pattern in ATTACHMENT_FOLDERS:
        folder = workbook.parent / pattern.format(stem=stem)
        if folder.is_dir():
            sources.append(_Folder(folder, max_file_bytes))
    for pattern in ATTACHMENT_ZIPS:
        archive = workbook.parent / pattern.format(stem=stem)
        if archive.is_file():
            sources.append(_Zip(archive, max_file_bytes, max_total_bytes, max_ratio))
    return sources


def _linked(source: _Source, workbook: Path) -> bool:
    """Whether a folder or zip is a link (or lies behind one) rather than beside the workbook.

    A linked attachment folder is treated like a linked file: its files are not read.
    """
    try:
        return source.path.is_symlink() or source.path.resolve().parent != (
            workbook.parent.resolve()
        )
    except (OSError, RuntimeError):  # a symlink loop
        return True


def _refuse_linked(source: _Source, out: _Collector) -> None:
    kind = (
        Text("附件文件夹", "attachment folder")
        if isinstance(source, _Folder)
        else Text("附件压缩包", "attachment zip")
    )
    out.error(
        "attachment.outside",
        AttachmentRef(source.path.name),
        Text(
            f"{kind.zh}“{source.path.name}”是指向别处的链接，其中的文件不会导入",
            f"The {kind.en} '{source.path.name}' is a link to somewhere else; its files are "
            "not imported",
        ),
        Text(
            f"请把{kind.zh}本身（而不是快捷方式或链接）放在工作簿旁边",
            f"Put the {kind.en} itself (not a shortcut or link) beside the workbook",
        ),
    )


# ------------------------------------------------------------------------------ main


def collect_attachments(
    workbook: Path,
    names: Iterable[str | AttachmentRef],
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> AttachmentResult:
    """Read every named attachment from the folder or zip beside ``workbook``.

    ``names`` are plain names or :class:`AttachmentRef` s that say which cell named them, so
    the findings can point there. Never raises for bad input: every problem is a finding.
    """
    out = _Collector()
    refs = [n if isinstance(n, AttachmentRef) else AttachmentRef(n) for n in names]
    sources = _sources(workbook, max_file_bytes, max_total_bytes, max_ratio)
    refused = False
    for source in [s for s in sources if _linked(s, workbook)]:
        _refuse_linked(source, out)
        sources.remove(source)
        refused = True
    for source in sources:
        if isinstance(source, _Zip):
            source.open(out)
            refused = refused or source.refused
    files: dict[str, Attachment] = {}
    total = 0
    over_total = False
    try:
        for ref in refs:
            name = clean_attachment_name(ref.name)
            if not name:
                continue
            media_type = _check_name(name, ref, out)
            if media_type is None or name in files:
                continue
            data: bytes | Literal[False] | None = None
            origin = ""
            for source in sources:
                data = source.find(name, ref, out)
                if data is not None:
                    origin = f"{source.path}!{name}" if isinstance(source, _Zip) else name
                    break
            if data is False:
                continue
            if data is None:
                if not refused:
                    _missing(name, workbook, sources, ref, out)
                continue
            if not _content_matches(data, media_type):
                out.error(
                    "attachment.wrong_content",
                    ref,
                    Text(
                        f"附件“{name}”的内容与扩展名不符（不是 {media_type} 文件）",
                        f"The attachment '{name}' is not what its extension says "
                        f"(not {media_type})",
                    ),
                    Text(
                        "请确认文件没有损坏，扩展名与文件类型一致",
                        "Check that the file is intact and its extension matches its type",
                    ),
                )
                continue
            total += len(data)
            if total > max_total_bytes:
                if not over_total:
                    over_total = True
                    out.error(
                        "attachment.total_too_large",
                        ref,
                        Text(
                            f"附件总大小超过上限 {_mb(max_total_bytes)}",
                            f"The attachments together exceed {_mb(max_total_bytes)}",
                        ),
                        Text(
                            "请压缩较大的附件，或只保留必要的材料",
                            "Shrink the large attachments or keep only what is needed",
                        ),
                    )
                continue
            files[name] = Attachment(
                name, data, media_type, hashlib.sha256(data).hexdigest(), origin
            )
    finally:
        for source in sources:
            if isinstance(source, _Zip):
                source.close()
    if over_total:
        files.clear()
    return AttachmentResult(files, out.findings, tuple(s.path for s in sources))


def _missing(
    name: str, workbook: Path, sources: list[_Source], ref: AttachmentRef, out: _Collector
) -> None:
    stem = workbook.stem
    where = "、".join(s.path.name for s in sources)
    message = (
        Text(f"在 {where} 中找不到附件“{name}”", f"The attachment '{name}' is not in {where}")
        if sources
        else Text(
            f"找不到附件“{name}”：工作簿旁边没有附件文件夹“{stem}”或压缩包“{stem}.zip”",
            f"The attachment '{name}' is missing: there is no folder '{stem}' or zip "
            f"'{stem}.zip' beside the workbook",
        )
    )
    out.add(
        Severity.WARNING,
        "attachment.missing",
        ref,
        message,
        Text(
            f"把附件放进与工作簿同名的文件夹“{stem}”或压缩包“{stem}.zip”，与工作簿放在一起",
            f"Put the attachments in a folder '{stem}' or a zip '{stem}.zip' beside the workbook",
        ),
    )
