"""The platform list on a laptop: host units whole at 1366 px, giving way at 911."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.staff.platform_model import PlatformColumn

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.mark.parametrize("width", [1366, 911])
def test_host_units_show_whole_where_the_screen_allows(
    qtbot: Any, window: Any, demo: Path, width: int
) -> None:
    window.resize(width, 700)
    window.open_workspace(demo / "demo.jlpanel")
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    listing = window.workspace_view.platform_list
    table = listing.ui.platformTable
    qtbot.waitUntil(lambda: listing.model.rowCount() == 24)
    qtbot.wait(50)
    header = table.horizontalHeader()
    host = header.sectionSize(PlatformColumn.HOST_UNIT)
    widest = max(
        table.fontMetrics().horizontalAdvance(p.host_unit or "") for p in listing.model.platforms()
    )
    if width >= 1366:
        assert host >= widest + 16, (host, widest)  # 中国科学院长春光学精密机械与物理研究所 whole
    else:
        # Narrow: the host unit gives way (a quarter of the table at most), whole in its tip.
        assert host <= max(120, table.viewport().width() // 4) < widest
