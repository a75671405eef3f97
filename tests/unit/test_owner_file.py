"""The owner file beside a workspace: what a claim writes into it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from jlpanel.storage import owner as owners


def test_a_claim_over_a_longer_leftover_record_leaves_only_its_own(tmp_path: Path) -> None:
    # A crashed process's record, longer than ours: ours must not keep its tail.
    workspace = tmp_path / "w.jlpanel"
    leftover = {"user": "x" * 2000, "host": "old", "pid": 1, "since": "2026-01-01T00:00:00+00:00"}
    owners.lock_path(workspace).write_text(json.dumps(leftover), encoding="utf-8")
    assert owners.claim(workspace, keeps=False)
    try:
        record = json.loads(owners.lock_path(workspace).read_text(encoding="utf-8"))
    finally:
        owners.release(workspace)
    assert record["pid"] == os.getpid()
    assert record["keeps"] is False
    assert not owners.lock_path(workspace).exists()


def test_a_claim_on_a_new_file_writes_its_record(tmp_path: Path) -> None:
    workspace = tmp_path / "w.jlpanel"
    assert owners.claim(workspace, keeps=True)
    try:
        text = owners.lock_path(workspace).read_text(encoding="utf-8")
    finally:
        owners.release(workspace)
    found = owners.Owner.from_json(text)
    assert found is not None and found.pid == os.getpid() and found.keeps
