"""Staff's checks of same-name matches: a name_checks table, and conflicts from a confirmed one
(source ``same_name``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jlpanel.storage.models import UtcDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

_SOURCES_BEFORE = "source IN ('same_institution', 'roster', 'declared')"
_SOURCES_AFTER = "source IN ('same_institution', 'roster', 'declared', 'same_name')"


def upgrade() -> None:
    op.create_table(
        "name_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("decided_at", UtcDateTime(), nullable=False),
        sa.CheckConstraint(
            "decision IN ('confirm', 'clear')", name=op.f("ck_name_checks_decision")
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["experts.id"],
            name=op.f("fk_name_checks_expert_id_experts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_name_checks_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_checks")),
        sa.UniqueConstraint(
            "expert_id", "platform_id", name=op.f("uq_name_checks_expert_id_platform_id")
        ),
    )
    op.create_index(op.f("ix_name_checks_expert_id"), "name_checks", ["expert_id"], unique=False)
    op.create_index(
        op.f("ix_name_checks_platform_id"), "name_checks", ["platform_id"], unique=False
    )
    # SQLite cannot change a CHECK constraint in place: batch mode copies the table (its
    # keys, indexes and rows) under the new constraint.
    with op.batch_alter_table("conflicts") as batch:
        batch.drop_constraint(op.f("ck_conflicts_source"), type_="check")
        batch.create_check_constraint(op.f("ck_conflicts_source"), sa.text(_SOURCES_AFTER))


def downgrade() -> None:
    # The older schema has no same_name source: those conflicts go with their checks.
    op.execute("DELETE FROM conflicts WHERE source = 'same_name'")
    with op.batch_alter_table("conflicts") as batch:
        batch.drop_constraint(op.f("ck_conflicts_source"), type_="check")
        batch.create_check_constraint(op.f("ck_conflicts_source"), sa.text(_SOURCES_BEFORE))
    op.drop_index(op.f("ix_name_checks_platform_id"), table_name="name_checks")
    op.drop_index(op.f("ix_name_checks_expert_id"), table_name="name_checks")
    op.drop_table("name_checks")
