"""A corpus of bad score files, each with the reason the merge must give for refusing it.

Every bad file is made from a real score file submitted through a review package. Some are
edited and keep their old signature (a tampered file); others are edited and signed again
with the package's own key taken from the workspace, so that the check under test — bounds,
step, completeness, conflicts, assignment — is what refuses them, not the signature.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
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
    #: Files that keep the name they were written with (it tells the other cycle's name).
    names = {"wrong_cycle": f"wrong_cycle/{src.other_cycle_file_name}"}
    corpus: list[BadScoreFile] = []
    for name, data, code, zh, en in cases:
        path = folder / names.get(name, f"{name}{sf.SCORE_FILE_SUFFIX}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        corpus.append(BadScoreFile(name, path, code, zh, en))
    return corpus
