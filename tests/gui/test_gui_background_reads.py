"""A page's background read holds off Python's full garbage collections while it runs: on a
2,000-platform store one walked the read's millions of objects holding Python's lock, the
window frozen 300 ms (issue 16)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from test_gui_secretary import workspace  # noqa: F401 (the fixture)

from jlpanel.gui.common.tasks import pending_tasks, run_task
from jlpanel.gui.secretary.secretary_view import ResultsPage

pytestmark = pytest.mark.usefixtures("message_boxes")


class _Collections:
    """The garbage collections made off the GUI thread: (generation, full threshold)."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and threading.current_thread() is not threading.main_thread():
            self.seen.append((info["generation"], gc.get_threshold()[2]))


@pytest.fixture
def collections() -> Iterator[_Collections]:
    seen = _Collections()
    gc.callbacks.append(seen)
    yield seen
    gc.callbacks.remove(seen)


def _keep_many() -> int:
    """Build as a large read does: a million objects alive at once."""
    kept = [[i] for i in range(1_000_000)]
    return len(kept)


def _run(qtbot: Any, *, read: bool) -> None:
    results: list[int] = []
    run_task(_keep_many, results.append, pytest.fail, read=read)
    qtbot.waitUntil(lambda: bool(results) and not pending_tasks(), timeout=60_000)


def test_a_read_makes_no_full_collection(qtbot: Any, app: Any, collections: _Collections) -> None:
    before = gc.get_threshold()
    _run(qtbot, read=False)
    assert any(generation == 2 for generation, _ in collections.seen)  # the control
    collections.seen.clear()
    _run(qtbot, read=True)
    assert collections.seen  # the young generations are still collected
    assert all(generation < 2 for generation, _ in collections.seen)
    assert gc.get_threshold() == before  # and afterwards as before


def test_a_secretary_page_reads_without_full_collections(
    qtbot: Any,
    workspace: Any,  # noqa: F811 (the fixture)
    collections: _Collections,
) -> None:
    before = gc.get_threshold()
    page = ResultsPage()
    qtbot.addWidget(page)
    page.set_workspace(workspace, load=False)
    page.show()  # the page reads in the background when shown
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.results_model.rowCount() > 0 and not pending_tasks())
    # collected while it read, with the full collection held off
    assert any(threshold > before[2] for _, threshold in collections.seen)
    assert gc.get_threshold() == before
