"""The panel's decisions on results: tie orders, veto rulings, confirmations; history that
keeps each earlier cycle's decision and bar.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jlpanel.storage.models import UtcDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "tie_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filing_nos_json", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tie_orders")),
    )
    op.create_table(
        "veto_rulings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("veto_code", sa.String(length=20), nullable=False),
        sa.Column("ruling", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.CheckConstraint("ruling IN ('confirm', 'dismiss')", name=op.f("ck_veto_rulings_ruling")),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_veto_rulings_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_veto_rulings")),
    )
    op.create_index(
        op.f("ix_veto_rulings_platform_id"), "veto_rulings", ["platform_id"], unique=False
    )
    op.create_table(
        "confirmations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("confirmed_on", sa.Date(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("snapshot_json", sa.Text(), nullable=False),
        sa.Column("reopened_at", UtcDateTime(), nullable=True),
        sa.Column("reopened_by", sa.String(length=100), nullable=True),
        sa.Column("reopen_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_confirmations")),
    )
    with op.batch_alter_table("history_entries") as batch:
        batch.add_column(sa.Column("decision", sa.String(length=30), nullable=True))
        batch.add_column(
            sa.Column("barred", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("is_final", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("history_entries") as batch:
        batch.drop_column("is_final")
        batch.drop_column("barred")
        batch.drop_column("decision")
    op.drop_table("confirmations")
    op.drop_index(op.f("ix_veto_rulings_platform_id"), table_name="veto_rulings")
    op.drop_table("veto_rulings")
    op.drop_table("tie_orders")
