"""Attachments from the folder or zip beside a dossier workbook, and the hostile ones refused."""

from __future__ import annotations

import hashlib
import os
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from broken_workbooks import PDF, PNG, sample_dossier

from jlpanel.domain.dossier import Severity
from jlpanel.exchange.attachments import (
    AttachmentRef,
    attachment_refs,
    clean_attachment_name,
    collect_attachments,
    split_attachment_names,
)

WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 8


def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "平台A.xlsx"
    path.write_bytes(b"PK\x03\x04")  # never opened here
    return path


def folder(tmp_path: Path, name: str = "平台A", **files: bytes) -> Path:
    where = tmp_path / name
    where.mkdir(exist_ok=True)
    for file_name, data in files.items():
        target = where / file_name.replace("__", "/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return where


def make_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def codes(result: object) -> list[tuple[str, str | None, int | None, str | None]]:
    return [(f.code, f.sheet, f.row, f.column) for f in result.findings]  # type: ignore[attr-defined]


# ------------------------------------------------------------------------ names


def test_names_in_a_cell_are_split_on_semicolons_and_lines() -> None:
    assert split_attachment_names(" 论文1.pdf；论文2.pdf;\n 照片, 1.png ") == [
        "论文1.pdf",
        "论文2.pdf",
        "照片, 1.png",
    ]
    assert split_attachment_names(None) == []
    assert clean_attachment_name(" .\\论文\\论文1.pdf ") == "论文/论文1.pdf"


def test_refs_of_a_dossier_point_at_their_cells() -> None:
    refs = attachment_refs(sample_dossier())
    assert refs == [
        AttachmentRef("论文1.pdf", "服务成效", 2, "佐证材料"),
        AttachmentRef("工作总结.pdf", "工作总结", 2, "附件文件名"),
    ]


# ------------------------------------------------------------------------ finding them


def test_files_from_the_folder_named_after_the_workbook(tmp_path: Path) -> None:
    folder(tmp_path, **{"论文1.pdf": PDF, "图__照片.PNG": PNG, "x.webp": WEBP})
    result = collect_attachments(workbook(tmp_path), ["论文1.pdf", "图\\照片.PNG", "x.webp"])
    assert result.findings == []
    assert sorted(result.files) == ["x.webp", "图/照片.PNG", "论文1.pdf"]
    paper = result.files["论文1.pdf"]
    assert (paper.media_type, paper.data, paper.size) == ("application/pdf", PDF, len(PDF))
    assert paper.sha256 == hashlib.sha256(PDF).hexdigest()
    assert result.files["图/照片.PNG"].media_type == "image/png"
    assert result.files["x.webp"].media_type == "image/webp"
    assert result.sources == (tmp_path / "平台A",)


def test_the_attachment_folder_may_be_called_stem_附件(tmp_path: Path) -> None:
    folder(tmp_path, "平台A_附件", **{"论文1.pdf": PDF})
    result = collect_attachments(workbook(tmp_path), ["论文1.pdf"])
    assert list(result.files) == ["论文1.pdf"]


def test_a_name_differing_only_in_case_is_found(tmp_path: Path) -> None:
    folder(tmp_path, **{"Paper1.PDF": PDF})
    result = collect_attachments(workbook(tmp_path), ["paper1.pdf"])
    assert result.files["paper1.pdf"].data == PDF


def test_a_zip_with_two_members_windows_takes_for_one_is_ambiguous(tmp_path: Path) -> None:
    make_zip(tmp_path / "平台A.zip", {"Paper1.PDF": PDF, "paper1.pdf ": PDF, "b.pdf": PDF})
    result = collect_attachments(workbook(tmp_path), ["PAPER1.pdf", "B.PDF"])
    assert [f.code for f in result.findings] == ["attachment.ambiguous"]
    assert "Paper1.PDF" in result.findings[0].message.zh
    assert sorted(result.files) == ["B.PDF"]


def test_files_from_the_zip_beside_the_workbook(tmp_path: Path) -> None:
    make_zip(tmp_path / "平台A.zip", {"论文/论文1.pdf": PDF, "工作总结.pdf": PDF})
    result = collect_attachments(workbook(tmp_path), ["论文/论文1.pdf", "工作总结.pdf"])
    assert result.findings == []
    assert sorted(result.files) == ["工作总结.pdf", "论文/论文1.pdf"]


def test_zip_names_stored_in_gbk_are_understood(tmp_path: Path) -> None:
    # Zips made on Chinese Windows store names in GBK without the UTF-8 flag.
    gbk = "论文1.pdf".encode("gbk")
    placeholder = b"X" * (len(gbk) - 4) + b".pdf"
    path = make_zip(tmp_path / "平台A.zip", {placeholder.decode(): PDF})
    path.write_bytes(path.read_bytes().replace(placeholder, gbk))
    result = collect_attachments(workbook(tmp_path), ["论文1.pdf"])
    assert result.findings == []
    assert result.files["论文1.pdf"].data == PDF


def test_a_missing_attachment_is_a_warning(tmp_path: Path) -> None:
    folder(tmp_path)
    ref = AttachmentRef("论文9.pdf", "服务成效", 7, "佐证材料")
    result = collect_attachments(workbook(tmp_path), [ref])
    assert result.ok
    [finding] = result.findings
    assert finding.severity is Severity.WARNING
    assert codes(result) == [("attachment.missing", "服务成效", 7, "佐证材料")]
    assert finding.message.zh == "在 平台A 中找不到附件“论文9.pdf”"


def test_without_folder_or_zip_the_warning_says_where_to_put_them(tmp_path: Path) -> None:
    result = collect_attachments(workbook(tmp_path), ["论文1.pdf"])
    [finding] = result.findings
    assert "工作簿旁边没有附件文件夹“平台A”或压缩包“平台A.zip”" in finding.message.zh


def test_a_name_named_twice_is_read_once(tmp_path: Path) -> None:
    folder(tmp_path, **{"论文1.pdf": PDF})
    result = collect_attachments(workbook(tmp_path), ["论文1.pdf", " 论文1.pdf "])
    assert list(result.files) == ["论文1.pdf"]


# ------------------------------------------------------------------------ refusals


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("../../x", "指向附件文件夹以外（含“..”）"),
        ("论文/../../x.pdf", "指向附件文件夹以外"),
        ("/etc/passwd", "是绝对路径"),
        ("C:\\Users\\x.pdf", "是绝对路径"),
        ("\\\\server\\share\\x.pdf", "是绝对路径"),
        ("~/x.pdf", "是绝对路径"),
        ("a\x00b.pdf", "不允许的字符"),
    ],
)
def test_paths_that_leave_the_folder_are_refused(tmp_path: Path, name: str, text: str) -> None:
    folder(tmp_path, **{"x.pdf": PDF})
    ref = AttachmentRef(name, "服务成效", 3, "佐证材料")
    result = collect_attachments(workbook(tmp_path), [ref])
    assert not result.ok
    assert codes(result) == [("attachment.unsafe_path", "服务成效", 3, "佐证材料")]
    assert text in result.findings[0].message.zh
    assert result.files == {}


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(PDF)
    where = folder(tmp_path)
    (where / "论文1.pdf").symlink_to(secret)
    (where / "loop").symlink_to(where)  # a link inside, to the folder itself, is harmless
    (where / "inner.pdf").write_bytes(PDF)
    result = collect_attachments(workbook(tmp_path), ["论文1.pdf", "loop/inner.pdf"])
    assert codes(result) == [("attachment.outside", None, None, None)]
    assert "是指向附件文件夹以外的链接" in result.findings[0].message.zh
    assert list(result.files) == ["loop/inner.pdf"]


def test_a_name_over_255_bytes_is_refused(tmp_path: Path) -> None:
    result = collect_attachments(workbook(tmp_path), ["文" * 84 + ".pdf"])  # 256 bytes
    assert codes(result) == [("attachment.name_too_long", None, None, None)]
    assert result.findings[0].message.zh.startswith("附件名太长（256 字节")


def test_unsupported_types_and_wrong_contents_are_refused(tmp_path: Path) -> None:
    folder(tmp_path, **{"a.docx": b"PK", "b.pdf": PNG, "c": PDF})
    result = collect_attachments(workbook(tmp_path), ["a.docx", "b.pdf", "c"])
    assert [f.code for f in result.findings] == [
        "attachment.bad_type",
        "attachment.wrong_content",
        "attachment.bad_type",
    ]
    assert "不支持的附件类型“.docx”" in result.findings[0].message.zh
    assert "不支持的附件类型“无扩展名”" in result.findings[2].message.zh


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    folder(tmp_path, **{"big.pdf": PDF + b"\x00" * 2000})
    result = collect_attachments(workbook(tmp_path), ["big.pdf"], max_file_bytes=1000)
    assert [f.code for f in result.findings] == ["attachment.too_large"]


def test_attachments_together_over_the_total_limit_are_refused(tmp_path: Path) -> None:
    folder(tmp_path, **{f"{i}.pdf": PDF + b"\x00" * 600 for i in range(3)})
    result = collect_attachments(
        workbook(tmp_path), ["0.pdf", "1.pdf", "2.pdf"], max_total_bytes=1500
    )
    assert [f.code for f in result.findings] == ["attachment.total_too_large"]
    assert result.files == {}


def test_a_zip_declaring_too_much_is_refused_before_reading(tmp_path: Path) -> None:
    make_zip(tmp_path / "平台A.zip", {"a.pdf": PDF + os.urandom(4000)})
    result = collect_attachments(workbook(tmp_path), ["a.pdf"], max_total_bytes=1000)
    assert [f.code for f in result.findings] == ["attachment.zip_too_large"]
    assert result.files == {}


def test_a_zip_bomb_is_refused_by_its_ratio(tmp_path: Path) -> None:
    make_zip(tmp_path / "平台A.zip", {"a.pdf": b"%PDF-" + b"\x00" * 2**20, "b.pdf": PDF})
    result = collect_attachments(workbook(tmp_path), ["b.pdf"])
    [finding] = result.findings
    assert finding.code == "attachment.zip_bomb"
    assert "“a.pdf”压缩比异常" in finding.message.zh
    assert result.files == {}


def _patch_central_directory(
    path: Path, member: str, *, size: int | None = None, flags: int | None = None
) -> None:
    """Change what the central directory declares about a member."""
    data = bytearray(path.read_bytes())
    start = data.rfind(b"PK\x01\x02", 0, data.rfind(member.encode()))
    if flags is not None:
        struct.pack_into("<H", data, start + 8, flags)
    if size is not None:
        struct.pack_into("<I", data, start + 24, size)
    path.write_bytes(bytes(data))


def test_a_member_inflating_past_its_declared_size_is_stopped(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "平台A.zip", {"a.pdf": PDF + b"x" * 5000})
    _patch_central_directory(path, "a.pdf", size=100)
    result = collect_attachments(workbook(tmp_path), ["a.pdf"])
    assert not result.ok
    assert result.files == {}
    # zipfile stops at the declared size and then fails the CRC check; our own count of the
    # bytes coming out is the second line of defence, for readers that would not stop.
    assert [f.code for f in result.findings] == ["attachment.zip_corrupt"]


def test_an_encrypted_member_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "平台A.zip", {"a.pdf": PDF})
    _patch_central_directory(path, "a.pdf", flags=0x1)
    result = collect_attachments(workbook(tmp_path), ["a.pdf"])
    assert [f.code for f in result.findings] == ["attachment.encrypted"]


def test_a_damaged_zip_is_refused(tmp_path: Path) -> None:
    (tmp_path / "平台A.zip").write_bytes(b"PK\x03\x04 not really a zip")
    result = collect_attachments(workbook(tmp_path), ["a.pdf"])
    assert [f.code for f in result.findings] == ["attachment.zip_corrupt"]
    assert "附件压缩包“平台A.zip”已损坏" in result.findings[0].message.zh


def test_a_zip_slip_member_refuses_the_zip(tmp_path: Path) -> None:
    make_zip(tmp_path / "平台A.zip", {"a.pdf": PDF, "../../evil.pdf": PDF})
    result = collect_attachments(workbook(tmp_path), ["a.pdf"])
    assert [f.code for f in result.findings] == ["attachment.unsafe_path"]
    assert result.files == {}
    assert not (tmp_path.parent / "evil.pdf").exists()


def test_twenty_thousand_case_different_names_list_the_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "平台A"
    target.mkdir()
    for i in range(20_000):
        (target / f"F{i}.PDF").write_bytes(PDF)
    listed: list[str] = []
    scandir = os.scandir

    def counting_scandir(path: Any = ".") -> Any:
        listed.append(os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", counting_scandir)
    result = collect_attachments(workbook(tmp_path), [f"f{i}.pdf" for i in range(20_000)])
    assert len(result.files) == 20_000, result.findings[:3]
    # Listed once, not once per name (that took 63 s); timing is benchmarks/' job.
    assert listed.count(str(target)) == 1, len(listed)


def test_a_linked_attachment_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "论文1.pdf").write_bytes(PDF)
    (tmp_path / "平台A").symlink_to(outside, target_is_directory=True)
    result = collect_attachments(workbook(tmp_path), ["论文1.pdf"])
    assert not result.ok and not result.files
    [finding] = result.findings
    assert finding.code == "attachment.outside"
    assert "附件文件夹“平台A”是指向别处的链接" in finding.message.zh


@pytest.mark.parametrize(
    "name",
    [
        "aux.pdf",
        "CON.pdf",
        "nul.png",
        "com1.pdf",
        "LPT9.tar.pdf",
        "论文/aux.pdf",
        "x.pdf.",
        "论文 /x.pdf",
    ],
)
def test_names_windows_cannot_save_are_refused_with_a_rename_hint(
    tmp_path: Path, name: str
) -> None:
    folder(tmp_path)
    result = collect_attachments(workbook(tmp_path), [name])
    [finding] = result.findings
    assert finding.code == "attachment.reserved_name", finding
    assert "改名" in finding.fix.zh
