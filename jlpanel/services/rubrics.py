"""Finding, loading and snapshotting rubrics."""

from __future__ import annotations

import json
from pathlib import Path

from jlpanel.domain.rubric import (
    Rubric,
    RubricDocumentError,
    RubricError,
    parse_rubric_text,
    rubric_from_dict,
)
from jlpanel.exchange.regular_file import FileTooLarge, NotARegularFile, read_regular_file
from jlpanel.resource_files import resource
from jlpanel.services.errors import UserError

#: The rubric shipped with the app (DESIGN §4).
DEFAULT_RUBRIC = "default.toml"
#: The default rubric is 54 KB; a department's own is not 80 times larger.
MAX_RUBRIC_BYTES = 4 * 2**20


def default_rubric_text() -> str:
    """The text of the shipped default rubric."""
    return resource("rubrics", DEFAULT_RUBRIC).read_text("utf-8")


def default_rubric() -> Rubric:
    """The shipped default rubric, validated."""
    return parse_rubric_text(default_rubric_text())


def load_rubric_file(path: Path) -> Rubric:
    """A rubric from a TOML or JSON file, or a UserError listing every defect.

    Only a regular file of at most :data:`MAX_RUBRIC_BYTES` is read (not a FIFO, a device or
    a folder); a document that is no rubric at all (nested too deep, invalid text, huge
    numbers) is refused with its one reason.
    """
    if path.suffix.lower() not in (".toml", ".json"):
        raise UserError(
            f"评分细则文件须为 .toml 或 .json：{path}",
            f"A rubric file must be .toml or .json: {path}",
        )
    try:
        text = read_regular_file(path, MAX_RUBRIC_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"找不到评分细则文件：{path}", f"Rubric file not found: {path}") from None
    except NotARegularFile as exc:
        raise UserError(
            f"评分细则文件不是普通文件，而是{exc.what.zh}：{path}",
            f"The rubric file is {exc.what.en}, not a regular file: {path}",
        ) from None
    except FileTooLarge as exc:
        raise UserError(
            f"评分细则文件过大（{exc.size} 字节，上限 {MAX_RUBRIC_BYTES} 字节）：{path}",
            f"The rubric file is too large ({exc.size} bytes; the limit is "
            f"{MAX_RUBRIC_BYTES}): {path}",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(
            f"无法读取评分细则文件 {path}：{exc}", f"Cannot read the rubric file {path}: {exc}"
        ) from exc
    try:
        return parse_rubric_text(text, suffix=path.suffix)
    except RubricDocumentError as exc:
        raise UserError(
            f"评分细则文件 {path} 无法使用：{exc.reason.zh}",
            f"The rubric file {path} cannot be used: {exc.reason.en}",
        ) from exc
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
