"""Small data built in code for tests: a compact rubric and score sheets with chosen points."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from jlpanel.domain.rubric import Rubric, rubric_from_dict
from jlpanel.domain.scoresheet import ScoreSheet


def _indicator(code: str, max_points: float, step: float = 0.5) -> dict[str, Any]:
    return {
        "code": code,
        "name_zh": f"指标{code}",
        "name_en": f"Indicator {code}",
        "max_points": max_points,
        "step": step,
        "guidance": {
            level: {"text_zh": f"{code}{level}说明", "text_en": f"{code} {level} guidance"}
            for level in ("excellent", "good", "fair", "poor")
        },
    }


def small_rubric_doc(step: float = 0.5) -> dict[str, Any]:
    """Three areas of one indicator each: A1 35, B1 40, C1 25; two vetoes; a 5-point bonus.

    ``step`` is the indicators' score step (0.5 by default; 0.01 for scores like 30.11).
    """
    return {
        "rubric": {"id": "test", "version": "1", "name_zh": "测试细则", "name_en": "Test rubric"},
        "areas": [
            {
                "code": "A",
                "name_zh": "资源",
                "name_en": "Resources",
                "max_points": 35,
                "indicators": [_indicator("A1", 35, step)],
            },
            {
                "code": "B",
                "name_zh": "服务",
                "name_en": "Services",
                "max_points": 40,
                "indicators": [_indicator("B1", 40, step)],
            },
            {
                "code": "C",
                "name_zh": "管理",
                "name_en": "Management",
                "max_points": 25,
                "indicators": [_indicator("C1", 25, step)],
            },
        ],
        "vetoes": [
            {"code": "fraud", "name_zh": "弄虚作假", "name_en": "Fraud", "bars": True},
            {"code": "no_service", "name_zh": "无实质服务", "name_en": "No service"},
        ],
        "bonus": {
            "cap": 5,
            "items": [
                {"code": "X1", "name_zh": "加分一", "name_en": "Bonus 1", "max_points": 3},
                {"code": "X2", "name_zh": "加分二", "name_en": "Bonus 2", "max_points": 3},
            ],
        },
    }


def small_rubric() -> Rubric:
    """The compact test rubric, validated."""
    return rubric_from_dict(small_rubric_doc())


def rubric_with_step(step: str) -> Rubric:
    """The compact test rubric with every indicator on the grid of ``step`` (0.5, 0.1, 0.01)."""
    doc = small_rubric_doc()
    for area in doc["areas"]:
        for indicator in area["indicators"]:
            indicator["step"] = float(step)
    return rubric_from_dict(doc)


def split_total(total: float, b_share: float | None = None) -> tuple[float, float, float]:
    """Points for A1, B1, C1 adding up to ``total`` (a multiple of 0.5), proportional to maxima.

    ``b_share`` fixes B1's points instead (the rest shared by A1 and C1).
    """
    if b_share is not None:
        b = b_share
        rest = total - b
        a = min(35.0, round(rest * 35 / 60 * 2) / 2)
        return a, b, rest - a
    a = min(35.0, round(total * 0.35 * 2) / 2)
    b = min(40.0, round((total - a) * 40 / 65 * 2) / 2)
    return a, b, total - a - b


def sheet(
    expert: str,
    platform: str,
    total: float | None = None,
    *,
    points: tuple[float, float, float] | None = None,
    vetoes: Mapping[str, str] | None = None,
    bonus: Mapping[str, float] | None = None,
) -> ScoreSheet:
    """A complete, valid sheet with the given total (or explicit A1/B1/C1 points)."""
    if points is None:
        assert total is not None
        points = split_total(total)
    a, b, c = points
    return ScoreSheet(
        expert_id=expert,
        platform_id=platform,
        points={"A1": a, "B1": b, "C1": c},
        comments={"A1": "评语", "B1": "评语", "C1": "评语"},
        vetoes=dict(vetoes or {}),
        bonus=dict(bonus or {}),
    )


@dataclass(frozen=True)
class StoredSheet:
    """A merged score sheet to put into a workspace: points as text, e.g. "30.11"."""

    expert: str
    filing_no: str
    points: Mapping[str, str]
    comments: Mapping[str, str] = field(default_factory=dict)
    bonus: Mapping[str, str] = field(default_factory=dict)
    #: Veto claims: veto code → the expert's reason.
    vetoes: Mapping[str, str] = field(default_factory=dict)


def small_workspace(
    path: Path,
    platforms: Mapping[str, tuple[str, str]],
    sheets: Sequence[StoredSheet],
    *,
    step: float = 0.5,
) -> Path:
    """A workspace on the small rubric holding ``sheets`` as if merged from score files.

    ``platforms`` maps each filing number to (name, host unit); experts are made by name.
    """
    from sqlalchemy import select

    from jlpanel.services.workspace import create_workspace
    from jlpanel.storage import models as m

    rubric_file = path.with_name(path.stem + "-rubric.json")
    rubric_file.write_text(json.dumps(small_rubric_doc(step), ensure_ascii=False), "utf-8")
    with create_workspace(path, "测试周期", rubric_file=rubric_file) as ws, ws.session() as s:
        cycle_id = s.scalars(select(m.Cycle.id)).one()
        pids: dict[str, int] = {}
        for filing_no, (name, host) in platforms.items():
            platform = m.Platform(cycle_id=cycle_id, filing_no=filing_no, name=name, host_unit=host)
            s.add(platform)
            s.flush()
            pids[filing_no] = platform.id
        eids: dict[str, int] = {}
        for stored in sheets:
            if stored.expert not in eids:
                expert = m.Expert(cycle_id=cycle_id, name=stored.expert)
                s.add(expert)
                s.flush()
                eids[stored.expert] = expert.id
            s.add(
                m.ScoreSheet(
                    expert_id=eids[stored.expert],
                    platform_id=pids[stored.filing_no],
                    provenance="package",
                    revision=1,
                    indicator_scores=[
                        m.IndicatorScore(
                            indicator_code=code,
                            points=Decimal(value),
                            comment=stored.comments.get(code),
                        )
                        for code, value in stored.points.items()
                    ],
                    bonus_scores=[
                        m.BonusScore(item_code=code, points=Decimal(value))
                        for code, value in stored.bonus.items()
                    ],
                    veto_claims=[
                        m.VetoClaim(veto_code=code, reason=reason)
                        for code, reason in stored.vetoes.items()
                    ],
                )
            )
    return path


def dump(path: Path) -> list[str]:
    """Every row of a workspace file as SQL: equal dumps mean an unchanged workspace."""
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()
