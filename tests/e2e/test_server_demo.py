"""The demo's merged cycle moved onto a PostgreSQL server reads and computes exactly as the
file does (issue 15): `jlpanel backup FILE URL` copies it, then every table the CLI exports,
the results, the confirmation and the reports are the same on both engines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jlpanel.cli import main

pytestmark = pytest.mark.slow

TABLES = ("results", "scores", "means", "decisions", "history")


def outputs(store: str, folder: Path, capsys) -> dict[str, object]:
    folder.mkdir()
    seen: dict[str, object] = {}
    for table in TABLES:
        out = folder / f"{table}.csv"
        assert main(["export", store, str(out), "--table", table]) == 0
        seen[table] = out.read_bytes()
    capsys.readouterr()
    assert main(["results", store, "--csv"]) == 0
    seen["results --csv"] = capsys.readouterr().out
    assert main(["rules", store]) == 0
    seen["rules"] = capsys.readouterr().out.replace(store, "STORE")
    assert main(["report", store, str(folder / "reports")]) == 0
    seen["reports"] = sorted(p.name for p in (folder / "reports").iterdir())
    return seen


def test_the_demo_on_a_server_reads_and_computes_as_the_file_does(
    merged_demo: Path, tmp_path: Path, pg_url: str, capsys
) -> None:
    file_store = tmp_path / "demo.jlpanel"
    shutil.copyfile(merged_demo, file_store)
    server = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert main(["backup", str(file_store), server]) == 0
    for store in (str(file_store), server):
        assert main(["confirm", store, "--date", "2026-03-20"]) == 0
    capsys.readouterr()

    on_file = outputs(str(file_store), tmp_path / "file", capsys)
    on_server = outputs(server, tmp_path / "server", capsys)
    for key in on_file:
        assert on_server[key] == on_file[key], key
