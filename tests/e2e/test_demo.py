"""The demo cycle: built once, imported the way staff import, with exactly the planned warnings."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from jlpanel.domain.credit_code import (
    CreditCodeProblemKind,
    check_credit_code,
    is_jilin,
    is_valid_credit_code,
)
from jlpanel.exchange.roster_writer import ROSTER_HEADERS, ROSTER_SHEET
from jlpanel.services.demo import (
    DELIBERATE_WARNINGS,
    DEMO_CYCLE_NAME,
    DEMO_PERIOD,
    ROSTER_NAME,
    WORKSPACE_NAME,
    DemoSummary,
    build_demo,
)
from jlpanel.services.dossiers import dossier_overview, list_platforms
from jlpanel.services.errors import UserError
from jlpanel.services.intake import ImportStatus
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSummary]:
    # Module scope runs before the function-scoped fixture that keeps user folders private.
    with pytest.MonkeyPatch.context() as patch:
        home = tmp_path_factory.mktemp("demo-user")
        patch.setenv("JLPANEL_CONFIG_DIR", str(home / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(home / "data"))
        steps: list[tuple[int, int, str]] = []
        summary = build_demo(
            tmp_path_factory.mktemp("demo"), progress=lambda *step: steps.append(step)
        )
        assert steps[0][0] == 0
        assert steps[-1][0] == steps[-1][1]  # the last step says it is done
        assert not (home / "data" / "backups").exists(), "building the demo takes no backup"
        yield summary


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*")}


def test_every_dossier_is_imported(demo: DemoSummary) -> None:
    assert 20 <= demo.platform_count <= 30
    assert demo.refused == ()
    assert {o.status for o in demo.outcomes} == {ImportStatus.IMPORTED}
    assert len(demo.dossiers) == demo.platform_count
    assert demo.service_record_count == sum(o.counts["services"] for o in demo.outcomes)
    # Small platforms have a few hundred services, big ones a few thousand.
    services = sorted(o.counts["services"] for o in demo.outcomes)
    assert services[0] < 300 and services[-1] > 2500
    resources = [o.counts["resources"] for o in demo.outcomes]
    assert min(resources) >= 20 and max(resources) <= 300
    with open_workspace(demo.workspace) as ws:
        info = ws.cycle_info()
    assert info.name == DEMO_CYCLE_NAME
    assert (info.period_start, info.period_end) == DEMO_PERIOD
    assert info.platform_count == demo.platform_count


def test_the_summary_describes_it_in_both_languages(demo: DemoSummary) -> None:
    zh, en = demo.describe("zh"), demo.describe("en")
    assert str(demo.workspace) in zh and str(demo.workspace) in en
    assert f"{demo.service_record_count:,}" in zh
    assert "有偿服务缺少合同编号 ×3" in zh
    assert "Paid service without a contract ×3" in en
    assert len(zh.splitlines()) == 6 + len(DELIBERATE_WARNINGS)
    assert "7 review packages" in en


def test_warnings_are_exactly_the_deliberate_ones(demo: DemoSummary) -> None:
    assert 4 <= len(DELIBERATE_WARNINGS) <= 6
    found: dict[str, dict[str, int]] = {}
    with open_workspace(demo.workspace) as ws:
        for platform in list_platforms(ws):
            overview = dossier_overview(ws, platform.id)
            found[platform.filing_no] = dict(Counter(f.code for f in overview.findings))
            assert platform.warnings == sum(found[platform.filing_no].values())
    assert set(DELIBERATE_WARNINGS) <= set(found)
    for filing_no, codes in found.items():
        assert codes == DELIBERATE_WARNINGS.get(filing_no, {}), filing_no
    clean = [f for f, codes in found.items() if not codes]
    assert len(clean) == len(found) - len(DELIBERATE_WARNINGS)


def test_credit_codes_are_valid_jilin_codes_but_the_deliberate_one(demo: DemoSummary) -> None:
    bad = {f for f, codes in DELIBERATE_WARNINGS.items() if "credit_code_invalid" in codes}
    assert len(bad) == 1
    with open_workspace(demo.workspace) as ws, ws.session() as s:
        rows = s.execute(select(m.Platform.filing_no, m.Platform.credit_code)).all()
    for filing_no, code in rows:
        assert code is not None
        assert is_jilin(code), (filing_no, code)
        if filing_no in bad:
            problem = check_credit_code(code)
            assert problem is not None and problem.kind is CreditCodeProblemKind.BAD_CHECKSUM
        else:
            assert is_valid_credit_code(code), (filing_no, code)
    # A host unit has one code, whichever of its platforms names it.
    hosts: dict[str, set[str]] = {}
    with open_workspace(demo.workspace) as ws, ws.session() as s:
        for host, filing_no, code in s.execute(
            select(m.Platform.host_unit, m.Platform.filing_no, m.Platform.credit_code)
        ):
            if filing_no not in bad:
                hosts.setdefault(host, set()).add(code)
    assert all(len(codes) == 1 for codes in hosts.values())


def test_the_roster_has_seven_experts_with_conflicts_to_find(demo: DemoSummary) -> None:
    import pandas as pd

    assert demo.roster == demo.folder / ROSTER_NAME
    frame = pd.read_excel(demo.roster, sheet_name=ROSTER_SHEET, engine="calamine", dtype=str)
    assert list(frame.columns) == list(ROSTER_HEADERS)
    assert len(frame) == 7
    assert frame["姓名"].notna().all() and frame["工作单位"].notna().all()
    with open_workspace(demo.workspace) as ws:
        hosts = {p.host_unit for p in list_platforms(ws)}
    same_institution = set(frame["工作单位"]) & hosts
    assert len(same_institution) >= 2
    avoided = {
        unit for cell in frame["回避单位"].dropna() for unit in str(cell).split("；") if unit
    }
    assert len(avoided & hosts) >= 2
    assert avoided <= hosts


def test_attachments_are_pdfs_with_an_embedded_cjk_font(demo: DemoSummary) -> None:
    from pypdf import PdfReader

    with open_workspace(demo.workspace) as ws, ws.session() as s:
        stored = s.execute(select(m.Attachment.name, m.Attachment.media_type, m.Attachment.data))
        attachments = [tuple(row) for row in stored]
    assert len(attachments) == demo.attachment_count
    assert len(list(demo.dossier_folder.rglob("*.pdf"))) == demo.attachment_count
    for name, media_type, data in attachments:
        assert media_type == "application/pdf"
        assert len(data) < 100_000, name
        reader = PdfReader(io.BytesIO(data))
        fonts = [
            font.get_object()
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        ]
        embedded = [
            f
            for f in fonts
            if "/FontDescriptor" in f and "/FontFile2" in f["/FontDescriptor"].get_object()
        ]
        assert embedded, name
        assert "WenQuanYiMicroHei" in str(embedded[0]["/BaseFont"])
        text = "".join(page.extract_text() for page in reader.pages)
        assert "演示数据" in text, name


def test_the_demo_folder_stays_small(demo: DemoSummary) -> None:
    size = sum(p.stat().st_size for p in demo.folder.rglob("*") if p.is_file())
    # Each of the 7 packages carries its expert's dossiers with their attachments.
    assert size < 80 * 2**20
    assert sorted(p.name for p in demo.folder.iterdir()) == sorted(
        ["dossiers", "packages", "scores", ROSTER_NAME, WORKSPACE_NAME]
    )


def test_building_again_is_refused_and_changes_nothing(demo: DemoSummary) -> None:
    before = digest(demo.workspace)
    files = listing(demo.folder)
    with pytest.raises(UserError) as refused:
        build_demo(demo.folder)
    assert "未作改动" in refused.value.zh and "left as it is" in refused.value.en
    assert WORKSPACE_NAME in refused.value.zh
    assert digest(demo.workspace) == before
    assert listing(demo.folder) == files


def test_the_demo_command_refuses_an_existing_demo_with_exit_1(
    demo: DemoSummary, capsys: pytest.CaptureFixture[str]
) -> None:
    from jlpanel.cli import main

    before = digest(demo.workspace)
    assert main(["demo", str(demo.folder)]) == 1
    assert WORKSPACE_NAME in capsys.readouterr().err
    assert digest(demo.workspace) == before


@pytest.mark.parametrize("leftover", [ROSTER_NAME, "dossiers/平台.xlsx"])
def test_a_folder_with_other_demo_files_is_refused(tmp_path: Path, leftover: str) -> None:
    path = tmp_path / leftover
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"keep me")
    files = listing(tmp_path)
    with pytest.raises(UserError, match="demo files"):
        build_demo(tmp_path)
    assert listing(tmp_path) == files
    assert path.read_bytes() == b"keep me"
    assert not (tmp_path / WORKSPACE_NAME).exists()


def test_a_failed_build_leaves_no_half_demo_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jlpanel.exchange.dossier_writer as writer

    real = writer.write_dossier_workbook
    written: list[Path] = []

    def failing(path: Path, dossier: object) -> None:
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        real(path, dossier)  # type: ignore[arg-type]
        written.append(path)

    monkeypatch.setattr(writer, "write_dossier_workbook", failing)
    (tmp_path / "说明.txt").write_text("别删我", "utf-8")
    with pytest.raises(OSError, match="No space left"):
        build_demo(tmp_path / "demo")
    assert len(written) == 3 and not written[0].exists()
    assert not (tmp_path / "demo").exists()
    with pytest.raises(OSError, match="No space left"):
        build_demo(tmp_path)
    assert listing(tmp_path) == {"说明.txt": len("别删我".encode())}


def test_stopping_while_the_experts_score_leaves_no_half_demo_behind(tmp_path: Path) -> None:
    """The start page's Cancel raises from the progress callback; the slowest step reports
    each expert, so a stop lands between two experts rather than after all seven."""

    class Stop(Exception):
        pass

    seen: list[str] = []

    def progress(done: int, total: int, message: str) -> None:
        seen.append(message)
        if message.startswith("模拟专家评分："):
            raise Stop

    with pytest.raises(Stop):
        build_demo(tmp_path / "demo", platforms=3, progress=progress)
    assert seen[-1].startswith("模拟专家评分：") and seen[-2] == "模拟专家评分并提交评分文件"
    assert not (tmp_path / "demo").exists()


def test_each_expert_has_a_review_package_of_their_conflict_free_platforms(
    demo: DemoSummary,
) -> None:
    from jlpanel.services.experts import assignment_matrix
    from jlpanel.services.review import open_package, package_info

    assert len(demo.packages) == 7
    with open_workspace(demo.workspace) as ws:
        matrix = assignment_matrix(ws)
        loads = {e.name: e.load for e in matrix.experts}
    assert sum(loads.values()) == 7 * 24 - 10  # every pair but the ten conflicts
    for path in demo.packages:
        with open_package(path) as session:
            info = package_info(session)
            assert len(session.platforms) == loads[info.expert_name]


def test_no_demo_expert_shares_a_name_with_platform_staff(demo: DemoSummary) -> None:
    # Staff and user names are drawn at random; an expert's among them would leave a
    # same-name check open on a platform that expert scored.
    from jlpanel.services.demo import _EXPERT_NAMES, demo_experts
    from jlpanel.services.experts import list_possible_conflicts

    assert {e.name for e in demo_experts()} == _EXPERT_NAMES
    with open_workspace(demo.workspace) as ws:
        assert list_possible_conflicts(ws) == []
