"""Shared by the report tests: the merged demo meeting, PDFs read back, hostile texts."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
from collections.abc import Collection
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from jlpanel.services.demo import build_demo
from jlpanel.services.merge import merge_score_files
from jlpanel.services.workspace import open_workspace

REPO = Path(__file__).resolve().parents[1]

#: The texts every document must lay out (issue 13): a 32,000-character platform name, a
#: 2,000-character expert comment and a line of 500 digits without a space.
LONG_NAME = ("吉林省" + "长白山特色生物资源与分析测试服务" * 2000)[:31998] + "平台"
LONG_COMMENT = (
    "平台资源整合较好，对外服务记录完整，服务量稳定增长；建议进一步加强对民营企业的服务，"
    "完善服务记录与用户评价的佐证材料。"
) * 40
LONG_COMMENT = LONG_COMMENT[:1999] + "。"
DIGITS = "1234567890" * 50
assert len(LONG_NAME) == 32_000 and len(LONG_COMMENT) == 2_000 and len(DIGITS) == 500

#: Fields of the report view models that hold what users typed or imported (names, comments,
#: opinions, reasons), as opposed to the program's own words (grades, decisions, labels).
USER_TEXT_FIELDS = frozenset(
    {
        "cycle_name",
        "name",
        "filing_no",
        "host_unit",
        "facts",
        "institution",
        "title",
        "overall",
        "by_indicator",
        "overall_comment",
        "comments",
        "panel_opinion",
        "reason",
        "reasons",
        "members",
        "problems",
    }
)
NAME_FIELDS = frozenset({"name", "host_unit", "members"})
COMMENT_FIELDS = frozenset(
    {"overall", "by_indicator", "overall_comment", "comments", "panel_opinion", "reason"}
)


def with_text(obj: Any, text: str, fields: Collection[str], *, inside: bool = False) -> Any:
    """``obj`` (a report view model) with every string of ``fields`` replaced by ``text``."""
    if isinstance(obj, str):
        return text if inside else obj
    if isinstance(obj, tuple):
        return tuple(with_text(x, text, fields, inside=inside) for x in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {
            f.name: with_text(getattr(obj, f.name), text, fields, inside=f.name in fields)
            for f in dataclasses.fields(obj)
            if f.name != "code"  # a grade's code picks its colour
        }
        return dataclasses.replace(obj, **changes)
    return obj


def build_merged_demo(folder: Path) -> Path:
    """The demo cycle with every expert's score file merged: the meeting's real data."""
    demo = build_demo(folder / "demo")
    assert demo.score_folder is not None
    with open_workspace(demo.workspace) as ws:
        outcomes = merge_score_files(
            ws, sorted(demo.score_folder.glob("*.jlscore")), backup_dir=folder / "backups"
        )
        assert all(o.ok for o in outcomes)
    return demo.workspace


def page_texts(path: Path) -> list[str]:
    """The text of each page, as pdftotext reads it (reading order, one line per line)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def body_text(path: Path) -> str:
    """The text inside the page frames, page after page, without header and footer lines.

    A text that runs over a page break then reads as one (pages are A4, portrait or
    landscape; the header sits above the frame, the footer below it).
    """
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]
    crops: dict[tuple[float, float], list[str]] = {}
    for width, height in set(sizes):
        # the frame: 24 mm from the top, 20 mm from the bottom; a little inside both
        top, bottom = 60, 50
        out = subprocess.run(
            [
                "pdftotext",
                "-enc",
                "UTF-8",
                "-x",
                "0",
                "-y",
                str(top),
                "-W",
                str(int(width)),
                "-H",
                str(int(height) - top - bottom),
                str(path),
                "-",
            ],
            check=True,
            capture_output=True,
        ).stdout.decode("utf-8")
        crops[(width, height)] = out.split("\f")
    return "".join(crops[size][n] for n, size in enumerate(sizes))


def flat(text: str) -> str:
    """``text`` without line breaks and spaces (a wrapped line reads as one)."""
    return re.sub(r"\s+", "", text)


def run_id_of(path: Path) -> str:
    """The report run a PDF says it came from (its keywords)."""
    keywords = str((PdfReader(path).metadata or {}).get("/Keywords", ""))
    return keywords.removeprefix("jlpanel-run:")


def child_env() -> dict[str, str]:
    """The environment for a child ``jlpanel``: this checkout's code first."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
