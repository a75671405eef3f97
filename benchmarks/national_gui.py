"""The window on a store, offscreen: open, then every tab twice (issue 16's national benchmark).

    QT_QPA_PLATFORM=offscreen python benchmarks/national_gui.py STORE OUT.json

The real MainWindow at 1366×768 opens STORE (a .jlpanel file or a postgresql:// URL) as the
user's 打开 does. Measured, each from its start to every background task done
(``pending_tasks()`` zero for two ticks, the window not busy) and the window painted:

* open: ``open_workspace`` until the platform list is filled (then painted), then on until
  the background work open started (e.g. the hidden 专家 tab's matrix) is done — started
  once the start page has settled, as a user's 打开 is (the window's warm-up done);
* each tab after 平台 — 专家, 评分汇总, 讨论与共识, 考核结果 — then 平台 again; the whole
  round twice (the first switch reads, the second should find it read).

A 5 ms QTimer (precise) ticks on the GUI thread all along: the longest interval between two
ticks in a step (or from its start to the first tick) is the longest the window could not
answer in it. OUT.json holds ``{step: [seconds, longest gap], …, "peak_rss": bytes}``.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer

from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.shell.app import make_app
from jlpanel.gui.shell.main_window import WARM_UP_DELAY_MS, MainWindow

#: No step may take longer than this (a modal dialog nobody answers, say).
LIMIT = 1800.0


class Heartbeat:
    """A 5 ms timer on the GUI thread: the longest interval between its ticks in a step."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.loop = QEventLoop()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = self.gap = self.began = 0.0
        self.quiet = 0
        self.until: Callable[[], bool] = lambda: True

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gap = max(self.gap, now - self.last)
        self.last = now
        if self.until():
            self.loop.quit()

    def settled(self) -> bool:
        """Nothing pending for two ticks in a row: every outcome delivered and handled."""
        if pending_tasks() or getattr(self.window, "_busy", False):
            self.quiet = 0
            return False
        self.quiet += 1
        return self.quiet >= 2

    def waited(self, seconds: float) -> bool:
        """Whether the step measured now began ``seconds`` ago or more."""
        return time.perf_counter() - self.began >= seconds

    def measure(self, start: Callable[[], object], until: Callable[[], bool]) -> list[float]:
        """Seconds from ``start()`` to ``until()`` and the window painted; the longest gap."""
        self.gap, self.quiet = 0.0, 0
        began = self.began = self.last = time.perf_counter()
        self.until = lambda: until() or time.perf_counter() - began > LIMIT
        self.timer.start()
        start()  # what it does at once counts as a gap too
        now = time.perf_counter()
        self.gap, self.last = max(self.gap, now - self.last), now
        self.loop.exec()
        self.window.repaint()  # the window as it now is, painted
        now = time.perf_counter()
        self.timer.stop()
        took, gap = now - began, max(self.gap, now - self.last)
        if took > LIMIT:
            raise SystemExit(f"timed out after {LIMIT:.0f} s")
        return [took, gap]


def high_water() -> int:
    """This process's peak resident memory (VmHWM), in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM")


def main(store: str, out: Path) -> None:
    make_app(language="zh")
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    view = window.workspace_view
    tabs = view.ui.tabs
    beat = Heartbeat(window)
    figures: dict[str, object] = {}
    listed: list[int] = []
    view.platforms_refreshed.connect(listed.append)
    # The user's 打开 comes after the start page is up and has settled (the window imports
    # what a store needs meanwhile, main_window.WARM_UP_DELAY_MS): not in its first 0.3 s.
    start_page_up = WARM_UP_DELAY_MS / 1000 + 0.1
    beat.measure(lambda: None, lambda: beat.waited(start_page_up) and beat.settled())
    figures["open: platform list painted"] = beat.measure(
        lambda: window.open_workspace(store),
        lambda: bool(listed) and not getattr(window, "_busy", False),
    )
    figures["open: every background task done"] = beat.measure(lambda: None, beat.settled)
    figures["open: platforms listed"] = [listed[0], 0.0]
    pages = (
        view.ui.expertsTab,
        view.summary_page,
        view.discussion_page,
        view.results_page,
        view.ui.platformsTab,
    )
    for round_ in ("first", "again"):
        for page in pages:
            name = tabs.tabText(tabs.indexOf(page)).replace("&", "")
            switch = functools.partial(tabs.setCurrentWidget, page)
            figures[f"tab {name} ({round_})"] = beat.measure(switch, beat.settled)
    figures["peak_rss"] = high_water()
    out.write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
    if window.workspace is not None:
        window.workspace.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
