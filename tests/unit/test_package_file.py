"""Review-package files: built whole, recognised by their header, and refused when broken."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url, select

from jlpanel.storage import models as m
from jlpanel.storage import package_file as pf
from jlpanel.storage import package_models as pm
from jlpanel.storage import workspace as store
from jlpanel.storage.bulk import insert_rows
from jlpanel.storage.engines import server_engine


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Engine]:
    """A workspace with a cycle and three platforms, each with service rows and an attachment."""
    engine = store.create_workspace(tmp_path / "cycle.jlpanel")
    with store.session_factory(engine).begin() as s:
        s.add(m.Cycle(id="c1", name="2026年度", rubric_json="{}", rules_json="{}"))
        s.flush()
        insert_rows(
            s,
            m.Platform,
            [
                {"id": pid, "cycle_id": "c1", "filing_no": f"JL-{pid}", "name": f"平台{pid}"}
                for pid in (3, 5, 8)
            ],
        )
        insert_rows(
            s,
            m.ServiceRecord,
            [
                {
                    "platform_id": pid,
                    "source_row": n,
                    "service_date": dt.date(2024, 1, n),
                    "user_unit": f"用户{pid}-{n}",
                    "is_external": n % 2 == 0,
                    "volume": n / 2,
                }
                for pid in (3, 5, 8)
                for n in range(1, 11)
            ],
        )
        insert_rows(
            s,
            m.Attachment,
            [
                {
                    "platform_id": pid,
                    "name": "证明.pdf",
                    "media_type": "application/pdf",
                    "size": 4,
                    "sha256": "0" * 64,
                    "data": bytes([pid]) * 4,
                }
                for pid in (3, 5, 8)
            ],
        )
        insert_rows(s, m.PlatformMetric, [{"platform_id": 5, "key": "service_count", "value": 10}])
        insert_rows(
            s,
            m.DossierFinding,
            [
                {
                    "platform_id": 5,
                    "severity": "warning",
                    "code": "service.no_contract",
                    "message_zh": "有偿服务无合同",
                    "message_en": "paid service without a contract",
                }
            ],
        )
        s.add(m.WorkSummary(platform_id=5, text="工作总结正文"))
    yield engine
    engine.dispose()


def header(**changes: object) -> pf.PackageHeader:
    values: dict[str, object] = {
        "package_id": "pkg-1",
        "cycle_id": "c1",
        "cycle_name": "2026年度",
        "period_start": dt.date(2024, 1, 1),
        "period_end": dt.date(2025, 12, 31),
        "language": "zh",
        "expert_id": 42,
        "expert_name": "赵专家",
        "hmac_key": b"k" * 32,
        "issued_at": dt.datetime(2026, 5, 1, tzinfo=dt.UTC),
        "app_version": "0.1.0",
        "rubric_json": "{}",
        "rules_json": "{}",
    }
    values.update(changes)
    return pf.PackageHeader(**values)  # type: ignore[arg-type]


@pytest.fixture
def package(tmp_path: Path, source: Engine) -> Path:
    path = tmp_path / "赵专家.jlreview"
    pf.build_package(path, header(), source, [8, 5])
    return path


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_built_package_holds_only_the_chosen_platforms_in_order(package: Path):
    assert pf.inspect_package(package) == pm.PACKAGE_FORMAT_VERSION
    assert rows(package, "SELECT id, position, filing_no FROM platforms ORDER BY position") == [
        (8, 0, "JL-8"),
        (5, 1, "JL-5"),
    ]
    assert rows(package, "SELECT DISTINCT platform_id FROM service_records ORDER BY 1") == [
        (5,),
        (8,),
    ]
    assert rows(package, "SELECT count(*) FROM service_records") == [(20,)]
    assert rows(package, "SELECT platform_id, data FROM attachments ORDER BY 1") == [
        (5, b"\x05" * 4),
        (8, b"\x08" * 4),
    ]
    assert rows(package, "SELECT text FROM work_summaries") == [("工作总结正文",)]
    assert rows(package, "SELECT expert_id, expert_name, revision, locked FROM package_meta") == [
        (42, "赵专家", 0, 0)
    ]
    assert rows(package, "PRAGMA journal_mode") == [("wal",)]
    assert rows(package, "PRAGMA application_id") == [(pm.PACKAGE_APPLICATION_ID,)]
    assert pm.PACKAGE_APPLICATION_ID != store.APPLICATION_ID
    assert not list(package.parent.glob("*.building*"))


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {
        table.name: rows(path, f"SELECT * FROM {table.name} ORDER BY 1, 2")
        for table in pm.PackageBase.metadata.sorted_tables
    }


@pytest.mark.parametrize("chosen", [[3, 8], [3, 5, 8], [8]])
@pytest.mark.parametrize("share", [0.0, 1.01], ids=["copy-and-delete", "copy-chosen"])
def test_every_copy_path_writes_the_same_rows(
    tmp_path: Path, source: Engine, monkeypatch: pytest.MonkeyPatch, chosen: list[int], share: float
):
    attached, plain = tmp_path / "a.jlreview", tmp_path / "b.jlreview"
    monkeypatch.setattr(pf, "TRANSFER_MIN_SHARE", share)
    pf.build_package(attached, header(), source, chosen, attach=True)
    pf.build_package(plain, header(), source, chosen, attach=False)
    assert table_rows(attached) == table_rows(plain)
    assert rows(attached, "SELECT id FROM platforms ORDER BY position") == [(p,) for p in chosen]


@pytest.mark.parametrize("share", [0.0, 1.01], ids=["copy-and-delete", "copy-chosen"])
def test_a_platform_not_chosen_leaves_no_trace_in_the_file(
    tmp_path: Path, source: Engine, monkeypatch: pytest.MonkeyPatch, share: float
):
    monkeypatch.setattr(pf, "TRANSFER_MIN_SHARE", share)
    path = tmp_path / "p.jlreview"
    pf.build_package(path, header(), source, [3, 8])
    raw = path.read_bytes()
    assert "用户3-1".encode() in raw and "用户8-10".encode() in raw
    for n in range(1, 11):
        assert f"用户5-{n}".encode() not in raw
    assert "平台5".encode() not in raw


def test_the_package_keeps_every_dossier_column_of_the_workspace():
    """A column added to a workspace dossier table must be added to the package format too."""
    workspace_only = {"platforms": {"cycle_id", "source_file", "source_sha256", "imported_at"}}
    for model in (pm.PackagePlatform, *pm.DOSSIER_CHILD_TABLES):
        table = pm.PackageBase.metadata.tables[model.__tablename__]
        ours = set(table.c.keys())
        theirs = set(m.Base.metadata.tables[table.name].c.keys())
        assert theirs - ours == workspace_only.get(table.name, set()), table.name


def test_an_unknown_platform_or_an_existing_target_is_refused(tmp_path: Path, source: Engine):
    with pytest.raises(ValueError, match="not in the workspace"):
        pf.build_package(tmp_path / "x.jlreview", header(), source, [3, 99])
    assert not (tmp_path / "x.jlreview").exists()
    (tmp_path / "y.jlreview").write_bytes(b"keep")
    with pytest.raises(pf.PackageFileError) as info:
        pf.build_package(tmp_path / "y.jlreview", header(), source, [3])
    assert info.value.kind == "exists"
    assert (tmp_path / "y.jlreview").read_bytes() == b"keep"


def test_install_renames_into_place(tmp_path: Path, source: Engine):
    target = tmp_path / "out.jlreview"
    building = pf.building_path(target)
    assert building.parent == target.parent and building.name.startswith(".")
    pf.build_package(building, header(), source, [3])
    pf.install_package(building, target)
    assert pf.is_package_file(target) and not building.exists()


def test_the_engine_has_the_durable_settings(package: Path):
    engine = pf.open_package_engine(package)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            meta = conn.execute(select(pm.PackageMeta.__table__)).mappings().one()
            assert meta["hmac_key"] == b"k" * 32
            assert meta["issued_at"] == dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    finally:
        engine.dispose()


# ------------------------------------------------------------------------ refusing files


def refused(path: Path) -> pf.PackageFileError:
    before = digest(path) if path.is_file() else None
    with pytest.raises(pf.PackageFileError) as info:
        pf.open_package_engine(path)
    if before is not None:
        assert digest(path) == before, "a refused file must be left untouched"
    return info.value


def test_a_missing_file_is_refused(tmp_path: Path):
    assert refused(tmp_path / "nope.jlreview").kind == "missing"


@pytest.mark.parametrize(
    "content",
    [b"", b"hello", b"SQLite format", b'{"format": "jlpanel-score"}', b"PK\x03\x04" * 100],
)
def test_files_that_are_not_sqlite_are_not_packages(tmp_path: Path, content: bytes):
    path = tmp_path / "x.jlreview"
    path.write_bytes(content)
    assert refused(path).kind == "not_a_package"


def test_a_workspace_is_not_a_package(tmp_path: Path, source: Engine):
    source.dispose()
    err = refused(tmp_path / "cycle.jlpanel")
    assert err.kind == "not_a_package" and "workspace" in err.message


def test_another_programs_database_is_not_a_package(tmp_path: Path):
    path = tmp_path / "other.jlreview"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    assert refused(path).kind == "not_a_package"


def copy_with(package: Path, name: str, *pragmas: str) -> Path:
    path = package.with_name(name)
    shutil.copyfile(package, path)
    con = sqlite3.connect(path)
    for pragma in pragmas:
        con.execute(pragma)
    con.commit()
    con.close()
    return path


def test_a_newer_format_is_refused_and_left_unchanged(package: Path):
    newer = copy_with(
        package,
        "newer.jlreview",
        "UPDATE package_meta SET format_version = 2",
        "PRAGMA user_version = 2",
    )
    err = refused(newer)
    assert err.kind == "newer_format" and "newer" in err.message


def test_an_unfinished_build_is_refused(package: Path):
    assert refused(copy_with(package, "half.jlreview", "PRAGMA user_version = 0")).kind == (
        "not_a_package"
    )


def test_an_inconsistent_description_is_damaged(package: Path):
    path = copy_with(package, "odd.jlreview", "DELETE FROM package_meta")
    err = refused(path)
    assert err.kind == "damaged"
    assert [p.en for p in err.problems] == [
        "the package description (package_meta) should have exactly 1 row, has 0"
    ]


@pytest.mark.parametrize("keep", [0.5, 0.9, 150])
def test_a_truncated_package_is_refused(package: Path, keep: float):
    data = package.read_bytes()
    cut = package.with_name("cut.jlreview")
    cut.write_bytes(data[: int(len(data) * keep)] if keep < 1 else data[: int(keep)])
    assert refused(cut).kind == "truncated"


def test_a_damaged_package_is_refused(package: Path):
    data = bytearray(package.read_bytes())
    page = 4096
    for n in range(page * 2, len(data) - page, page):  # keep the header page, scramble the rest
        data[n + 8 : n + 200] = bytes(range(192))
    bad = package.with_name("bad.jlreview")
    bad.write_bytes(bytes(data))
    assert refused(bad).kind in ("corrupt", "not_a_package")


def test_a_write_protected_package_is_refused_before_editing(package: Path):
    package.chmod(0o444)
    try:
        assert refused(package).kind == "read_only"
    finally:
        package.chmod(0o644)


@pytest.fixture
def server_source(source: Engine, pg_url: str) -> Iterator[Engine]:
    """The ``source`` workspace copied onto a database on the test server."""
    url = make_url(pg_url)
    store.copy_store(source, url)
    engine = server_engine(url)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("chosen", [[3, 8], [8, 3, 5], [5]])
def test_a_package_built_from_the_local_copy_of_a_server_store_is_the_same(
    tmp_path: Path, server_source: Engine, chosen: list[int]
):
    out = tmp_path / "out"
    out.mkdir()
    direct, copied = out / "direct.jlreview", out / "copied.jlreview"
    pf.build_package(direct, header(), server_source, chosen)
    with pf.dossier_copy(server_source, [3, 5, 8], out) as local:
        assert local.dialect.name == "sqlite"
        pf.build_package(copied, header(), local, chosen)
    assert table_rows(copied) == table_rows(direct)
    assert rows(copied, "SELECT id FROM platforms ORDER BY position") == [(p,) for p in chosen]
    assert not [p.name for p in out.iterdir() if ".building" in p.name]  # the copy is gone


def test_the_local_copy_holds_only_the_platforms_asked_for_and_is_deleted_after(
    tmp_path: Path, server_source: Engine, source: Engine
):
    out = tmp_path / "out"
    out.mkdir()
    with pf.dossier_copy(server_source, [8, 5, 8], out) as local:
        (made,) = out.iterdir()
        assert rows(made, "SELECT id FROM platforms ORDER BY id") == [(5,), (8,)]
        assert rows(made, "SELECT DISTINCT platform_id FROM service_records") == [(5,), (8,)]
        with pytest.raises(ValueError, match="not in the workspace"):
            pf.build_package(out / "x.jlreview", header(), local, [3, 8])
    assert list(out.iterdir()) == []
    with pf.dossier_copy(source, [3], out) as same:  # a file is read where it is
        assert same is source
    assert list(out.iterdir()) == []
