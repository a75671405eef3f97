"""A rubric file that is hostile or no file at all: `jlpanel new --rubric` refuses it with a
message naming the file and what is wrong, exits 1, prints no traceback and creates nothing."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_score_files import fifos_answered

from jlpanel.cli import main
from jlpanel.services.rubrics import MAX_RUBRIC_BYTES, default_rubric_text

Make = Callable[[Path], Path]


def toml_edited(old: str, new: str) -> Make:
    def make(folder: Path) -> Path:
        text = default_rubric_text()
        assert old in text
        path = folder / "ours.toml"
        path.write_text(text.replace(old, new, 1), "utf-8")
        return path

    return make


def json_text(edit: Callable[[str], str]) -> Make:
    def make(folder: Path) -> Path:
        text = json.dumps(tomllib.loads(default_rubric_text()), ensure_ascii=False)
        path = folder / "ours.json"
        path.write_text(edit(text), "utf-8")
        return path

    return make


def fifo(folder: Path) -> Path:
    path = folder / "ours.toml"
    os.mkfifo(path)
    return path


def link_to_dev_zero(folder: Path) -> Path:
    path = folder / "ours.toml"
    path.symlink_to("/dev/zero")
    return path


def folder_named_like_a_rubric(folder: Path) -> Path:
    path = folder / "ours.toml"
    path.mkdir()
    return path


def larger_than_the_bound(folder: Path) -> Path:
    path = folder / "ours.toml"
    with path.open("wb") as sparse:
        sparse.truncate(MAX_RUBRIC_BYTES + 1)
    return path


INDICATOR_A1 = "areas[0].indicators[0]"
CASES: dict[str, tuple[Make, str, str]] = {
    "json_nested_100000_deep": (
        json_text(lambda t: t[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        "无法使用：文档嵌套过深",
        "cannot be used: the document is nested too deeply",
    ),
    "toml_nested_100000_deep": (
        toml_edited('version = "2026.1"\n', "x = " + "[" * 100_000 + "]" * 100_000 + "\n"),
        "无法使用：文档嵌套过深",
        "cannot be used: the document is nested too deeply",
    ),
    "json_lone_surrogate": (
        json_text(lambda t: t.replace('"资源体量与覆盖"', '"\\ud800"', 1)),
        f"无法使用：{INDICATOR_A1}.name_zh 含有无效的 Unicode 字符",
        f"cannot be used: {INDICATOR_A1}.name_zh holds an invalid Unicode character",
    ),
    "json_integer_of_5000_digits": (
        json_text(lambda t: t.replace('"max_points": 10,', '"max_points": ' + "9" * 5000 + ",", 1)),
        "无法使用：文档含有一个 5000 位的整数",
        "cannot be used: the document holds an integer of 5000 digits",
    ),
    "toml_integer_of_5000_digits": (
        toml_edited("max_points = 10\n", "max_points = " + "9" * 5000 + "\n"),
        "无法使用：文档含有位数过多的整数",
        "cannot be used: the document holds an integer of too many digits",
    ),
    "toml_step_of_1e-300": (
        toml_edited("step = 0.5\n", "step = 1e-300\n"),
        f"无法使用：{INDICATOR_A1}.step 的数值 1e-300 超出范围",
        f"cannot be used: {INDICATOR_A1}.step holds 1e-300, out of range",
    ),
    "toml_total_of_1e300": (
        toml_edited("total_points = 100\n", "total_points = 1e300\n"),
        "无法使用：rubric.total_points 的数值 1e+300 超出范围",
        "cannot be used: rubric.total_points holds 1e+300, out of range",
    ),
    "json_1e309": (
        json_text(lambda t: t.replace('"max_points": 10,', '"max_points": 1e309,', 1)),
        f"无法使用：{INDICATOR_A1}.max_points 的数值 inf 超出范围",
        f"cannot be used: {INDICATOR_A1}.max_points holds inf, out of range",
    ),
    "toml_date": (
        toml_edited('version = "2026.1"\n', 'version = "2026.1"\nissued = 2026-01-01\n'),
        "无法使用：rubric.issued 是日期或时间",
        "cannot be used: rubric.issued is a date or time",
    ),
    "fifo": (fifo, "评分细则文件不是普通文件，而是管道（FIFO）", "is a pipe (FIFO), not a regular"),
    "link_to_dev_zero": (
        link_to_dev_zero,
        "评分细则文件不是普通文件，而是指向设备文件的链接",
        "is a link to a device, not a regular file",
    ),
    "folder": (folder_named_like_a_rubric, "而是文件夹", "is a folder, not a regular file"),
    "larger_than_the_bound": (
        larger_than_the_bound,
        f"评分细则文件过大（{MAX_RUBRIC_BYTES + 1} 字节",
        f"The rubric file is too large ({MAX_RUBRIC_BYTES + 1} bytes",
    ),
}


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_hostile_rubric_file_is_refused_with_a_message(
    name: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    make, zh, en = CASES[name]
    rubric = make(tmp_path)
    store = tmp_path / "cycle.jlpanel"

    with fifos_answered([rubric]):
        status = main(["--lang", lang, "new", str(store), "--cycle", "c", "--rubric", str(rubric)])

    out, err = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in out + err
    assert (zh if lang == "zh" else en) in err
    assert str(rubric) in err
    assert not store.exists()


def test_a_rubric_saved_with_a_byte_order_mark_is_read(tmp_path: Path):
    """Windows Notepad starts a UTF-8 file with a BOM."""
    rubric = tmp_path / "ours.toml"
    rubric.write_bytes(b"\xef\xbb\xbf" + default_rubric_text().encode())
    store = tmp_path / "cycle.jlpanel"
    assert main(["new", str(store), "--cycle", "c", "--rubric", str(rubric)]) == 0
    assert store.exists()
