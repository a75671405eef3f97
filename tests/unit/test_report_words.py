"""Texts joined in the reports, and the report-set manifest read as untrusted input."""

from __future__ import annotations

import hashlib
import json

import pytest

from jlpanel.reports.labels import join_clauses
from jlpanel.services.report_folder import Manifest, is_plain_name


@pytest.mark.parametrize(
    ("parts", "end", "joined"),
    [
        (
            ["经核对，认定存在编造运行服务记录的情形。", "专家组：属实。"],
            True,
            "经核对，认定存在编造运行服务记录的情形；专家组：属实。",
        ),
        (["记录不全；", "  ", "；佐证缺失"], True, "记录不全；佐证缺失"),
        (["理由一。", "理由二。"], False, "理由一；理由二"),
        (["单独一条。"], True, "单独一条。"),
        ([], True, ""),
    ],
)
def test_joined_clauses_never_double_their_punctuation(
    parts: list[str], end: bool, joined: str
) -> None:
    assert join_clauses(parts, "；", end=end) == joined


def test_a_manifest_takes_only_plain_document_names_in_its_folder() -> None:
    digest = hashlib.sha256(b"x").hexdigest()
    names = [
        "汇总表.pdf",
        "../上级.pdf",
        "/etc/x.pdf",
        "sub/x.pdf",
        "a\\b.pdf",
        ".hidden.pdf",
        "备忘.txt",
        "x" * 300 + ".pdf",
        "评价报告-甲.PDF",
    ]
    raw = json.dumps(
        {
            "format": "jlpanel-report-set",
            "run": "00ff",
            "files": [{"name": n, "sha256": digest} for n in names]
            + [{"name": "好.pdf", "sha256": "not a digest"}, "junk", {"name": 5}],
        }
    ).encode()
    manifest = Manifest.from_json(raw)
    assert manifest is not None
    assert [f.name for f in manifest.files] == ["汇总表.pdf", "评价报告-甲.PDF"]
    for junk in (b"", b"\xff\xfe", b"[" * 100_000, b'{"format": "other"}', b"[]", b"null"):
        assert Manifest.from_json(junk) is None
    assert not is_plain_name("") and not is_plain_name("..")
