"""The register across cycles (平台名录): register_entries, register_events and
register_rectifications; the history a store held already becomes register history.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jlpanel.domain.identity import identity_key
from jlpanel.domain.register import status_after
from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.storage.models import UtcDateTime, utc_now

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_STATUSES = "IN ('listed', 'rectify', 'disqualified', 'barred')"


def upgrade() -> None:
    entries = op.create_table(
        "register_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filing_no", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("host_unit", sa.Text(), nullable=True),
        sa.Column("first_cycle", sa.Text(), nullable=True),
        sa.Column("last_cycle", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), server_default="listed", nullable=False),
        sa.Column("status_since", sa.Date(), nullable=True),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("barred_until", sa.Date(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.CheckConstraint(f"status {_STATUSES}", name=op.f("ck_register_entries_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_entries")),
        sa.UniqueConstraint("filing_no", name=op.f("uq_register_entries_filing_no")),
    )
    events = op.create_table(
        "register_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("origin_ref", sa.Text(), nullable=True),
        sa.Column("cycle_name", sa.Text(), nullable=True),
        sa.Column("cycle_end", sa.Date(), nullable=True),
        sa.Column("grade", sa.String(length=20), nullable=True),
        sa.Column("decision", sa.String(length=30), nullable=True),
        sa.Column("barred", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("is_final", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("reverted_at", UtcDateTime(), nullable=True),
        sa.Column("reverted_by", sa.String(length=100), nullable=True),
        sa.Column("revert_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "origin IN ('confirmation', 'history', 'rectification')",
            name=op.f("ck_register_events_origin"),
        ),
        sa.CheckConstraint(f"to_status {_STATUSES}", name=op.f("ck_register_events_to_status")),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["register_entries.id"],
            name=op.f("fk_register_events_entry_id_register_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_events")),
    )
    op.create_index(
        op.f("ix_register_events_entry_id"), "register_events", ["entry_id"], unique=False
    )
    op.create_table(
        "register_rectifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("cycle_name", sa.Text(), nullable=False),
        sa.Column("ordered_on", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("origin_ref", sa.Text(), nullable=True),
        sa.Column("report_received_on", sa.Date(), nullable=True),
        sa.Column("report_name", sa.Text(), nullable=True),
        sa.Column("report_sha256", sa.String(length=64), nullable=True),
        sa.Column("report_data", sa.LargeBinary(), nullable=True),
        sa.Column("review", sa.String(length=10), nullable=True),
        sa.Column("review_reason", sa.Text(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("reverted_at", UtcDateTime(), nullable=True),
        sa.CheckConstraint(
            "review IN ('pass', 'fail')", name=op.f("ck_register_rectifications_review")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["register_entries.id"],
            name=op.f("fk_register_rectifications_entry_id_register_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_rectifications")),
    )
    op.create_index(
        op.f("ix_register_rectifications_entry_id"),
        "register_rectifications",
        ["entry_id"],
        unique=False,
    )
    _history_into_register(entries, events)


def _history_into_register(entries: sa.Table, events: sa.Table) -> None:
    """The history a store held (imported from earlier files and sheets) as register events,
    undated rows too: the rules refuse to guess their order, as they did before."""
    conn = op.get_bind()
    history = sa.table(
        "history_entries",
        sa.column("id", sa.Integer()),
        sa.column("filing_no", sa.String()),
        sa.column("platform_name", sa.String()),
        sa.column("cycle_name", sa.String()),
        sa.column("cycle_end", sa.Date()),
        sa.column("grade", sa.String()),
        sa.column("source", sa.String()),
        sa.column("decision", sa.String()),
        sa.column("barred", sa.Boolean()),
        sa.column("is_final", sa.Boolean()),
    )
    rows = conn.execute(sa.select(history).order_by(history.c.cycle_end, history.c.id)).all()
    now = utc_now()
    ids: dict[str, int] = {}
    status: dict[str, str | None] = {}
    for r in rows:
        key = identity_key(r.filing_no)
        if key not in ids:
            ids[key] = conn.execute(
                sa.insert(entries)
                .values(
                    filing_no=r.filing_no,
                    name=r.platform_name,
                    first_cycle=r.cycle_name,
                    status="listed",
                    updated_at=now,
                )
                .returning(entries.c.id)
            ).scalar_one()
            status[key] = None
        try:
            grade: Grade | None = Grade(r.grade)
        except ValueError:
            grade = None
        try:
            decision = DecisionKind(r.decision) if r.decision else None
        except ValueError:
            decision = None
        after = status_after(decision, grade, bool(r.barred), None).value
        conn.execute(
            sa.insert(events).values(
                entry_id=ids[key],
                origin="history",
                origin_ref=r.source,
                cycle_name=r.cycle_name,
                cycle_end=r.cycle_end,
                grade=r.grade,
                decision=r.decision,
                barred=bool(r.barred),
                is_final=bool(r.is_final),
                from_status=status[key],
                to_status=after,
                effective_on=r.cycle_end,
                reason="考核历史（升级时并入名录）",
                actor="jlpanel",
                at=now,
            )
        )
        status[key] = after
        conn.execute(
            sa.update(entries)
            .where(entries.c.id == ids[key])
            .values(status=after, status_since=r.cycle_end, last_cycle=r.cycle_name)
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_register_rectifications_entry_id"), table_name="register_rectifications")
    op.drop_table("register_rectifications")
    op.drop_index(op.f("ix_register_events_entry_id"), table_name="register_events")
    op.drop_table("register_events")
    op.drop_table("register_entries")
