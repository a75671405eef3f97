"""Texts joined in the reports."""

from __future__ import annotations

import pytest

from jlpanel.reports.labels import join_clauses


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
