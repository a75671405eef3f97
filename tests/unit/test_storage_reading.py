"""plain_rows: the driver's rows of a statement, limited to the session's cycle as the
session's own statements are, on a file and on a server (issue 16, W3)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import Float, select, type_coerce
from sqlalchemy.engine import Engine

from jlpanel.storage import workspace as ws
from jlpanel.storage.models import Adjustment, Cycle, Platform
from jlpanel.storage.reading import plain_rows
from jlpanel.storage.scoping import limit_to_cycle


@pytest.fixture
def engine(any_store: str) -> Iterator[Engine]:
    engine = ws.create_workspace(ws.parse_location(any_store))
    yield engine
    engine.dispose()


def two_cycles(engine: Engine) -> dict[str, str]:
    """Two cycles of two platforms each, the second platform of each adjusted; ids by name."""
    ids: dict[str, str] = {}
    with ws.session_factory(engine).begin() as session:
        for name in ("2024", "2026"):
            cycle = Cycle(name=name, language="zh", rubric_json="{}", rules_json="{}")
            session.add(cycle)
            platforms = [
                Platform(cycle=cycle, filing_no=f"JL-{name}-{n}", name=f"平台{n}") for n in (1, 2)
            ]
            session.add_all(platforms)
            session.flush()
            session.add(
                Adjustment(
                    platform_id=platforms[1].id,
                    adjusted_score=Decimal("81.25"),
                    reason="复核",
                    author="秘书",
                )
            )
            ids[name] = cycle.id
    return ids


def test_the_rows_are_the_drivers_tuples_of_the_sessions_cycle_only(engine: Engine) -> None:
    cycles = two_cycles(engine)
    sessions = ws.session_factory(engine)
    limit_to_cycle(sessions, cycles["2026"])
    query = select(Platform.id, Platform.filing_no, Platform.name).order_by(Platform.id)
    with sessions() as session:
        rows = plain_rows(session, query)
        assert rows == [tuple(row) for row in session.execute(query)]
        scores = plain_rows(
            session, select(Adjustment.platform_id, type_coerce(Adjustment.adjusted_score, Float()))
        )
    assert [filing_no for _, filing_no, _ in rows] == ["JL-2026-1", "JL-2026-2"]
    assert all(type(row) is tuple for row in rows)
    assert [(type(p), value) for p, value in scores] == [(int, 81.25)]
    # Without the cycle's limit, the store's every row.
    with ws.session_factory(engine)() as session:
        assert len(plain_rows(session, query)) == 4


def test_a_column_the_driver_does_not_give_as_the_model_reads_it_is_refused(
    engine: Engine,
) -> None:
    two_cycles(engine)
    with ws.session_factory(engine)() as session:
        with pytest.raises(ValueError, match="adjusted_score"):
            plain_rows(session, select(Adjustment.id, Adjustment.adjusted_score))
        # The session stays usable: the refused statement's result was closed.
        assert len(plain_rows(session, select(Adjustment.id))) == 2
