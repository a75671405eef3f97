"""Finding, loading and snapshotting rubrics."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from jlpanel.domain.rubric import Rubric, RubricError, parse_rubric_text, rubric_from_dict
from jlpanel.services.errors import UserError

#: The rubric shipped with the app (DESIGN §4).
DEFAULT_RUBRIC = "default.toml"


def default_rubric_text() -> str:
    """The text of the shipped default rubric."""
    return (resources.files("jlpanel") / "resources" / "rubrics" / DEFAULT_RUBRIC).read_text(
        "utf-8"
    )


def default_rubric() -> Rubric:
    """The shipped default rubric, validated."""
    return parse_rubric_text(default_rubric_text())


def load_rubric_file(path: Path) -> Rubric:
    """A rubric from a TOML or JSON file, or a UserError listing every defect."""
    if path.suffix.lower() not in (".toml", ".json"):
        raise UserError(
            f"评分细则文件须为 .toml 或 .json：{path}",
            f"A rubric file must be .toml or .json: {path}",
        )
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise UserError(f"找不到评分细则文件：{path}", f"Rubric file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(
            f"无法读取评分细则文件 {path}：{exc}", f"Cannot read the rubric file {path}: {exc}"
        ) from exc
    try:
        return parse_rubric_text(text, suffix=path.suffix)
    except RubricError as exc:
        raise UserError(
            f"评分细则文件 {path} 有 {len(exc.problems)} 处问题：",
            f"The rubric file {path} has {len(exc.problems)} problem(s):",
            details=exc.problems,
        ) from exc


def rubric_snapshot(rubric: Rubric) -> str:
    """The cycle's own copy of a rubric document, as JSON."""
    return json.dumps(rubric.source, ensure_ascii=False, sort_keys=True)


def rubric_from_snapshot(snapshot: str) -> Rubric:
    """A cycle's rubric from its stored snapshot."""
    return rubric_from_dict(json.loads(snapshot))
