"""The platform list on a laptop: host units whole at 1366 px, giving way at 911, and the
name never squeezed below its floor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.staff.platform_list import NAME_MIN_CHARS
from jlpanel.gui.staff.platform_model import PlatformColumn

pytestmark = pytest.mark.usefixtures("message_boxes")


def _demo_list(qtbot: Any, window: Any, demo: Path, width: int) -> Any:
    """The demo's platform list, laid out in a window ``width`` px wide."""
    window.resize(width, 700)
    window.open_workspace(demo / "demo.jlpanel")
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    listing = window.workspace_view.platform_list
    qtbot.waitUntil(lambda: listing.model.rowCount() == 24)
    qtbot.wait(50)
    return listing


@pytest.mark.parametrize("width", [1366, 911])
def test_host_units_show_whole_where_the_screen_allows(
    qtbot: Any, window: Any, demo: Path, width: int
) -> None:
    listing = _demo_list(qtbot, window, demo, width)
    table = listing.ui.platformTable
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


@pytest.mark.parametrize("width", [1366, 911, 640])
def test_the_name_keeps_its_room_and_the_table_scrolls_instead(
    qtbot: Any, window: Any, demo: Path, width: int
) -> None:
    """At 150 % on a 1366 px screen (911 logical px) Qt's Stretch gave the name what the
    other columns left: 19 px. The name now fills the room left but never drops below
    NAME_MIN_CHARS characters (or the longest name); the table scrolls sideways instead."""
    listing = _demo_list(qtbot, window, demo, width)
    table = listing.ui.platformTable
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    widest = metrics.horizontalAdvance(max((p.name for p in listing.model.platforms()), key=len))
    floor = min(widest, metrics.horizontalAdvance("国" * NAME_MIN_CHARS)) + 28
    name = header.sectionSize(PlatformColumn.NAME)
    assert name >= floor, (name, floor)
    total = sum(header.sectionSize(c) for c in PlatformColumn)
    viewport = table.viewport().width()
    if name > floor:  # room to spare: the name takes it all, nothing to scroll
        assert total == viewport, (total, viewport)
        assert not table.horizontalScrollBar().isVisible()
    else:  # too narrow: the columns run past the viewport and the table scrolls
        assert total > viewport, (total, viewport)
        assert table.horizontalScrollBar().isVisible()
    if width == 1366:
        assert name > floor  # a laptop's full width leaves the name more than its floor
    if width == 640:
        assert name == floor


def test_the_name_follows_the_window(qtbot: Any, window: Any, demo: Path) -> None:
    """Narrowed and widened again, the name column gives back and takes the room."""
    header = _demo_list(qtbot, window, demo, 1366).ui.platformTable.horizontalHeader()
    wide = header.sectionSize(PlatformColumn.NAME)
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: header.sectionSize(PlatformColumn.NAME) < wide)
    window.resize(1366, 700)
    qtbot.waitUntil(lambda: header.sectionSize(PlatformColumn.NAME) == wide)
