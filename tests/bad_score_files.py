"""A corpus of bad score files, each with the reason the merge must give for refusing it.

Every bad file is made from a real score file submitted through a review package. Some are
edited and keep their old signature (a tampered file); others are edited and signed again
with the package's own key taken from the workspace, so that the check under test — bounds,
step, completeness, conflicts, assignment — is what refuses them, not the signature. (An
expert holds the key in their package, so a file signed again is what a hostile expert can
make.)

Hostile files follow: values edited into the text that Python's own JSON reader takes but
nothing after it can (1e309, a 5,000-digit integer, a lone surrogate, times and revisions out
of range, deep nesting), and paths that are no file at all (``/dev/zero``, a FIFO, a folder,
a link to ``/dev/zero``, a file beyond the size bound).
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jlpanel.exchange import score_file as sf

Edit = Callable[[dict[str, Any]], None]


@dataclass(frozen=True, slots=True)
class BadScoreFile:
    """A file the merge must refuse, the finding code it must give, and words of its message."""

    name: str
    path: Path
    code: str
    #: Fragments the finding's Chinese and English messages must contain.
    zh: str
    en: str
    #: What to name to the merge, when not ``path`` itself (the folder holding it).
    given: Path | None = None

    @property
    def argument(self) -> Path:
        """The path to hand to the merge."""
        return self.given or self.path


@dataclass(frozen=True, slots=True)
class CorpusSources:
    """The real files (and keys) the corpus is made from."""

    #: A complete, valid file of an expert assigned every platform, not merged yet.
    good: bytes
    good_key: bytes
    #: The roster name of that expert.
    good_expert: str
    #: Another expert's id and name, to put in the good file.
    other_expert: tuple[int, str]
    #: A key of another package of the same workspace.
    other_key: bytes
    #: A valid file of an expert with a conflict, its key, and the conflicted platform's
    #: id and filing number.
    conflicted: bytes
    conflicted_key: bytes
    conflicted_platform: tuple[int, str]
    #: A platform of the workspace assigned to nobody: (id, filing number).
    unassigned_platform: tuple[int, str]
    #: A valid file from another cycle's workspace, its file name and that cycle's name.
    other_cycle: bytes
    other_cycle_file_name: str
    other_cycle_name: str
    other_cycle_id: str


def document(data: bytes) -> dict[str, Any]:
    """The JSON document of a score file."""
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def tampered(data: bytes, edit: Edit) -> bytes:
    """``data`` edited as a person would in a text editor: the old signature stays."""
    doc = document(data)
    edit(doc)
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def resigned(data: bytes, key: bytes, edit: Edit) -> bytes:
    """``data`` edited and signed again with ``key``: a file whose signature verifies."""
    doc = document(data)
    edit(doc)
    doc.pop("signature", None)
    return sf.encode_score_file(doc, key)


def signed_anyway(data: bytes, key: bytes, edit: Edit) -> bytes:
    """``data`` edited and signed with ``key`` by hand, past the writer's own checks."""
    doc = document(data)
    edit(doc)
    doc.pop("signature", None)
    signature = sf.sign(sf.canonical_bytes(doc), key)
    doc["signature"] = {"alg": sf.SIGNATURE_ALG, "value": signature.hex()}
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def with_raw_field(data: bytes, raw: str) -> bytes:
    """``data`` with ``"note": <raw>`` typed in as the first field: JSON text, not a value."""
    text = data.decode("utf-8")
    start = text.index("{") + 1
    return f'{text[:start]}\n  "note": {raw},{text[start:]}'.encode()


def with_raw_text(data: bytes, marker: str, raw: str) -> bytes:
    """``data`` with ``raw`` (JSON text, e.g. the escape ``\\ud800``) typed in right after the
    first ``marker``."""
    text = data.decode("utf-8")
    start = text.index(marker) + len(marker)
    return (text[:start] + raw + text[start:]).encode()


@contextmanager
def fifos_answered(paths: Iterable[Path]) -> Iterator[None]:
    """While open, whoever opens one of the FIFOs among ``paths`` to read finds it empty.

    A reader that ought not to open a FIFO at all but does is then refused for an empty file
    (a failing test) instead of waiting for ever (a hanging one).
    """
    fifos = [p for p in paths if p.is_fifo()]
    stop = threading.Event()

    def answer(path: Path) -> None:
        while not stop.is_set():
            os.close(os.open(path, os.O_WRONLY))  # waits for a reader, then gives it EOF

    threads = [threading.Thread(target=answer, args=(p,), daemon=True) for p in fifos]
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        for path, thread in zip(fifos, threads, strict=True):
            while thread.is_alive():  # let its waiting open through, so that it ends
                os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
                thread.join(0.05)


def _first_sheet(doc: dict[str, Any]) -> dict[str, Any]:
    sheet: dict[str, Any] = doc["sheets"][0]
    return sheet


def _set_score(code: str, points: float) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        _first_sheet(doc)["scores"][code] = points

    return edit


def _copy_sheet_to(platform: tuple[int, str]) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        extra = json.loads(json.dumps(_first_sheet(doc)))
        extra["platform_id"], extra["filing_no"] = platform
        doc["sheets"].append(extra)

    return edit


def write_corpus(folder: Path, src: CorpusSources) -> list[BadScoreFile]:
    """Write every bad file into ``folder`` and return them with the reasons expected."""
    good, key = src.good, src.good_key
    first = document(good)["sheets"][0]
    code_a1 = "A1"
    assert code_a1 in first["scores"], "the corpus edits indicator A1 of the first sheet"

    def drop_a2(doc: dict[str, Any]) -> None:
        del _first_sheet(doc)["scores"]["A2"]

    def poor_without_comment(doc: dict[str, Any]) -> None:
        _first_sheet(doc)["scores"]["B2"] = 1.0
        _first_sheet(doc)["comments"].pop("B2", None)

    def declare_first(doc: dict[str, Any]) -> None:
        pid = _first_sheet(doc)["platform_id"]
        for declaration in doc["declarations"]:
            if declaration["platform_id"] == pid:
                declaration["state"] = "conflict"
                declaration["reason"] = "曾参与该平台建设"

    def other_expert(doc: dict[str, Any]) -> None:
        doc["expert"] = {"id": src.other_expert[0], "name": src.other_expert[1]}

    def other_package(doc: dict[str, Any]) -> None:
        doc["package_id"] = str(uuid.uuid4())

    def future(doc: dict[str, Any]) -> None:
        doc["format_version"] = sf.FORMAT_VERSION + 1

    def blank_veto(doc: dict[str, Any]) -> None:
        _first_sheet(doc)["vetoes"] = {"fraud": "  "}

    def broken_signature(doc: dict[str, Any]) -> None:
        doc["signature"]["value"] = "zz" * 32

    def submitted(moment: str) -> Edit:
        def edit(doc: dict[str, Any]) -> None:
            doc["submitted_at"] = moment

        return edit

    def declared_in_year_1(doc: dict[str, Any]) -> None:
        doc["declarations"][0]["declared_at"] = "0001-01-01T00:00:00+00:00"

    def revision_2_63(doc: dict[str, Any]) -> None:
        doc["revision"] = 2**63

    def nested(depth: int) -> Edit:
        def edit(doc: dict[str, Any]) -> None:
            note: Any = "底"
            for _ in range(depth):
                note = [note]
            doc["note"] = note

        return edit

    def nul_in_comment(doc: dict[str, Any]) -> None:
        _first_sheet(doc)["overall_comment"] = "总体良好\x00"

    a1 = first["scores"][code_a1]
    #: name, bytes, code, Chinese and English fragments; the file is ``<name>.jlscore``.
    cases: list[tuple[str, bytes, str, str, str]] = [
        (
            "changed_score",
            tampered(good, _set_score(code_a1, 10.0 if a1 != 10.0 else 9.0)),
            "merge.bad_signature",
            "签名校验失败",
            "signature does not verify",
        ),
        (
            "changed_expert",
            tampered(good, other_expert),
            "merge.wrong_expert",
            f"发放给的专家“{src.good_expert}”",
            f"issued to “{src.good_expert}”",
        ),
        (
            "signed_with_another_packages_key",
            resigned(good, src.other_key, _set_score(code_a1, 10.0)),
            "merge.bad_signature",
            "不是由该评审包生成",
            "not written by this review package",
        ),
        (
            "wrong_cycle",
            src.other_cycle,
            "merge.other_cycle",
            f"来自其他考核周期：“{src.other_cycle_name}”",
            f"from another cycle: “{src.other_cycle_name}”",
        ),
        (
            "wrong_cycle_renamed",
            src.other_cycle,
            "merge.other_cycle",
            f"来自其他考核周期：（周期编号 {src.other_cycle_id}）",
            f"from another cycle: (cycle id {src.other_cycle_id})",
        ),
        (
            "unknown_package",
            tampered(good, other_package),
            "merge.unknown_package",
            "没有发放过该评审包",
            "No review package with id",
        ),
        ("empty", b"", "merge.empty", "文件为空", "the file is empty"),
        (
            "truncated",
            good[: len(good) * 2 // 3],
            "merge.truncated",
            "被截断",
            "truncated",
        ),
        (
            "not_json",
            "评分：A1 九分，A2 五分\n".encode(),
            "merge.not_json",
            "不是有效的 JSON",
            "not valid JSON",
        ),
        (
            "not_a_score_file",
            b'{"format": "jlpanel-review", "format_version": 1}',
            "merge.not_a_score_file",
            "不是 jlpanel 评分文件",
            "not a jlpanel score file",
        ),
        (
            "future_format_version",
            tampered(good, future),
            "merge.future_version",
            "更新版本的 jlpanel",
            "written by a newer jlpanel",
        ),
        (
            "malformed_signature",
            tampered(good, broken_signature),
            "merge.bad_signature_format",
            "64 位十六进制数",
            "64 hex digits",
        ),
        (
            "score_out_of_bounds",
            resigned(good, key, _set_score(code_a1, 10.5)),
            "merge.out_of_bounds",
            "得分 10.5 超出 0–10 分",
            "10.5 is outside 0–10",
        ),
        (
            "score_below_zero",
            resigned(good, key, _set_score(code_a1, -0.5)),
            "merge.out_of_bounds",
            "得分 -0.5 超出 0–10 分",
            "-0.5 is outside 0–10",
        ),
        (
            "score_off_step",
            resigned(good, key, _set_score(code_a1, 7.3)),
            "merge.off_step",
            "7.3 不是 0.5 的整数倍",
            "7.3 is not a multiple of 0.5",
        ),
        (
            "unknown_indicator",
            resigned(good, key, _set_score("Z9", 1.0)),
            "merge.unknown_indicator",
            "指标 Z9 不在评分细则中",
            "indicator Z9 is not in the rubric",
        ),
        (
            "incomplete_sheet",
            resigned(good, key, drop_a2),
            "merge.missing",
            "指标 A2",
            "indicator A2",
        ),
        (
            "poor_score_without_comment",
            resigned(good, key, poor_without_comment),
            "merge.comment_required",
            "须填写评语",
            "needs a comment",
        ),
        (
            "veto_without_reason",
            resigned(good, key, blank_veto),
            "merge.veto_reason_required",
            "须写明理由",
            "needs a reason",
        ),
        (
            "scores_a_platform_in_conflict",
            resigned(src.conflicted, src.conflicted_key, _copy_sheet_to(src.conflicted_platform)),
            "merge.conflict",
            "须回避",
            "has a conflict of interest",
        ),
        (
            "declares_a_conflict_and_scores_it",
            resigned(good, key, declare_first),
            "merge.declared_conflict_scored",
            "却又为其评分",
            "and yet scores it",
        ),
        (
            "scores_an_unassigned_platform",
            resigned(good, key, _copy_sheet_to(src.unassigned_platform)),
            "merge.not_assigned",
            "未分配给",
            "is not assigned to",
        ),
        (
            "scores_an_unknown_platform",
            resigned(good, key, _copy_sheet_to((987654, "JLPT-0000-000"))),
            "merge.unknown_platform",
            "不在本考核周期",
            "not in this cycle",
        ),
    ]
    cases += [
        (
            "infinite_number_in_an_extra_field",
            with_raw_field(good, "1e309"),
            "merge.bad_number",
            "note 的数值超出范围",
            "note holds a number out of range",
        ),
        (
            "integer_of_5000_digits",
            with_raw_field(good, "9" * 5000),
            "merge.bad_number",
            "5000 位的整数",
            "an integer of 5000 digits",
        ),
        (
            "lone_surrogate_in_a_comment",
            with_raw_text(good, '"overall_comment": "', "\\ud800"),
            "merge.bad_text",
            "sheets[0].overall_comment 含有无效的 Unicode 字符",
            "sheets[0].overall_comment holds an invalid Unicode character",
        ),
        (
            "lone_surrogate_in_a_key",
            with_raw_text(good, '"scores": {', '"\\udfff": 1.0, '),
            "merge.bad_text",
            "孤立的代理项",
            "a lone surrogate",
        ),
        (
            "nul_in_a_comment",
            signed_anyway(good, key, nul_in_comment),
            "merge.bad_text",
            "sheets[0].overall_comment 含有空字符",
            "sheets[0].overall_comment holds a NUL character",
        ),
        (
            "submitted_in_year_1",
            signed_anyway(good, key, submitted("0001-01-01T00:00:00+05:00")),
            "merge.bad_field",
            "submitted_at 为 0001-01-01T00:00:00+05:00，超出范围",
            "submitted_at is 0001-01-01T00:00:00+05:00, out of range",
        ),
        (
            "submitted_in_year_9999",
            signed_anyway(good, key, submitted("9999-12-31T23:00:00-05:00")),
            "merge.bad_field",
            "超出范围（应在 1970 年至 2199 年之间）",
            "out of range (it must fall in the years 1970–2199)",
        ),
        (
            "declared_in_year_1",
            signed_anyway(good, key, declared_in_year_1),
            "merge.bad_field",
            "declarations[0].declared_at 为 0001-01-01",
            "declarations[0].declared_at is 0001-01-01",
        ),
        (
            "revision_2_63",
            signed_anyway(good, key, revision_2_63),
            "merge.bad_field",
            f"revision 为 {2**63}，不能大于 2147483647",
            f"revision is {2**63}, more than 2147483647",
        ),
        (
            "nested_100_deep",
            signed_anyway(good, key, nested(100)),
            "merge.too_deep",
            f"嵌套超过 {sf.MAX_DEPTH} 层（在字段 note 中）",
            f"nested more than {sf.MAX_DEPTH} levels deep (in the field note)",
        ),
        (
            "nested_100000_deep",
            with_raw_field(good, "[" * 100_000 + "]" * 100_000),
            "merge.too_deep",
            f"嵌套超过 {sf.MAX_DEPTH} 层",
            f"nested more than {sf.MAX_DEPTH} levels deep",
        ),
    ]
    #: Files that keep the name they were written with (it tells the other cycle's name).
    names = {"wrong_cycle": f"wrong_cycle/{src.other_cycle_file_name}"}
    corpus: list[BadScoreFile] = []
    for name, data, code, zh, en in cases:
        path = folder / names.get(name, f"{name}{sf.SCORE_FILE_SUFFIX}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        corpus.append(BadScoreFile(name, path, code, zh, en))
    return corpus + _no_files(folder)


def _no_files(folder: Path) -> list[BadScoreFile]:
    """Paths named like score files that are not regular files, or too large to be one."""
    fifo = folder / f"fifo{sf.SCORE_FILE_SUFFIX}"
    os.mkfifo(fifo)
    link = folder / f"link_to_dev_zero{sf.SCORE_FILE_SUFFIX}"
    link.symlink_to("/dev/zero")
    holder = folder / "holds_a_folder"
    directory = holder / f"directory{sf.SCORE_FILE_SUFFIX}"
    directory.mkdir(parents=True)
    huge = folder / f"larger_than_the_bound{sf.SCORE_FILE_SUFFIX}"
    with huge.open("wb") as sparse:  # no disk space taken: a hole
        sparse.truncate(sf.MAX_BYTES + 1)
    return [
        BadScoreFile("dev_zero", Path("/dev/zero"), "merge.not_a_file", "设备文件", "a device"),
        BadScoreFile("fifo", fifo, "merge.not_a_file", "管道（FIFO）", "a pipe (FIFO)"),
        BadScoreFile(
            "folder_named_like_a_score_file",
            directory,
            "merge.not_a_file",
            "它是文件夹，不是普通文件",
            "it is a folder, not a regular file",
            given=holder,
        ),
        BadScoreFile(
            "link_to_dev_zero",
            link,
            "merge.not_a_file",
            "指向设备文件的链接",
            "a link to a device",
        ),
        BadScoreFile(
            "larger_than_the_bound",
            huge,
            "merge.too_large",
            f"文件过大（{sf.MAX_BYTES + 1} 字节）",
            f"too large ({sf.MAX_BYTES + 1} bytes)",
        ),
    ]
