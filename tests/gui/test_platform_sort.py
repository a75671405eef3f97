"""The platform list sorts in its model, with each row's key computed once a sort (issue 16):
the same order a locale-aware sorting proxy gave, without asking Python per comparison."""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
import random
from typing import Any

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication

from jlpanel.gui.common.table_support import SORT_ROLE
from jlpanel.gui.staff.platform_list import PlatformListView
from jlpanel.gui.staff.platform_model import PLATFORM_ID_ROLE, PlatformColumn, WarningFilter
from jlpanel.services.dossiers import PlatformSummary

WORDS = [
    "吉林省",
    "长春",
    "黑土地",
    "北京",
    "安图",
    "中医药",
    "Zeta",
    "alpha",
    "Beta",
    "测试",
    "种质",
]


def platforms(n: int, seed: int = 16) -> list[PlatformSummary]:
    """``n`` platforms with mixed Chinese and Latin names, ties, and missing metrics."""
    rnd = random.Random(seed)
    when = dt.datetime(2026, 12, 7, 12, 0)

    def metric() -> float | None:
        return None if rnd.random() < 0.2 else float(rnd.choice([3, 12, 12, 40, 4.5, 0.25]))

    return [
        PlatformSummary(
            id=i + 1,
            filing_no=f"JL-{rnd.randrange(1000):04d}",
            name="".join(rnd.choice(WORDS) for _ in range(rnd.randrange(1, 4))) + "平台",
            host_unit=None if rnd.random() < 0.2 else rnd.choice(WORDS) + "大学",
            resource_type=rnd.choice([None, "大型仪器", "科技文献", "种质资源"]),
            warnings=rnd.choice([0, 0, 1, 3, 12]),
            metrics={
                "service_count": metric(),
                "distinct_users": metric(),
                "external_user_share": metric(),
                "satisfaction_mean": metric(),
            },
            imported_at=when,
        )
        for i in range(n)
    ]


def shown_ids(view: PlatformListView) -> list[int]:
    proxy = view.proxy
    return [proxy.index(r, 0).data(PLATFORM_ID_ROLE) for r in range(proxy.rowCount())]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_list_sorts_as_a_locale_aware_proxy_did(
    app: QApplication, qtbot: Any, language: str
) -> None:
    """Every column, both ways: the rows in the order the former sorting proxy gave them."""
    from jlpanel.gui.common.i18n import apply_language

    apply_language(language)
    view = PlatformListView()
    qtbot.addWidget(view)
    rows = platforms(300)
    view.set_platforms(rows)
    given = view.model
    table = view.ui.platformTable
    # the list opens sorted by filing number, with the header showing it
    assert table.horizontalHeader().sortIndicatorSection() == PlatformColumn.FILING_NO
    assert view.proxy.sortColumn() == PlatformColumn.FILING_NO
    filing = [p.filing_no for p in (given.platform(r) for r in range(given.rowCount()))]
    assert filing == sorted(filing)
    for column in PlatformColumn:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            # a fresh locale-aware proxy over the rows as given
            given.sort(-1)
            reference = QSortFilterProxyModel()
            reference.setSortRole(SORT_ROLE)
            reference.setSortLocaleAware(True)
            reference.setSourceModel(given)
            reference.sort(column, order)
            expected = [reference.index(r, column).data() for r in range(reference.rowCount())]
            table.sortByColumn(column, order)
            proxy = view.proxy
            assert [proxy.index(r, column).data() for r in range(proxy.rowCount())] == expected
            # equal values keep the order given (the ids ascending) both ways
            ids, values = (
                shown_ids(view),
                [proxy.index(r, column).data(SORT_ROLE) for r in range(proxy.rowCount())],
            )
            for n in range(1, len(ids)):
                if values[n] == values[n - 1]:
                    assert ids[n - 1] < ids[n], (language, column, order, values[n])
            assert view.proxy.sortColumn() == column
            assert view.proxy.sortOrder() == order
    # a filter keeps the sorted order
    table.sortByColumn(PlatformColumn.NAME, Qt.SortOrder.DescendingOrder)
    everyone = shown_ids(view)
    view.proxy.set_warning_filter(WarningFilter.WITH_WARNINGS)
    warned = {p.id for p in rows if p.warnings}
    assert shown_ids(view) == [i for i in everyone if i in warned]
    apply_language("zh")


def test_filling_two_thousand_platforms_asks_the_model_per_row_not_per_comparison(
    app: QApplication, qtbot: Any
) -> None:
    """The sorting proxy called the model's data() about 44,000 times for 2,000 platforms."""
    view = PlatformListView()
    qtbot.addWidget(view)
    rows = platforms(2000, seed=7)
    profile = cProfile.Profile()
    profile.enable()
    view.set_platforms(rows)
    profile.disable()
    calls = {
        name: count
        for (_file, _line, name), (count, *_rest) in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
    }
    # the columns fitted to their contents measure 40 rows (about 2,200 calls, whatever the
    # length); the proxy's sort made 44,000 more
    assert calls.get("data", 0) < 5000, calls.get("data")
    assert calls.get("lessThan", 0) == 0
    assert view.proxy.rowCount() == 2000
