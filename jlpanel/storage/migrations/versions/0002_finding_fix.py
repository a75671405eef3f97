"""Dossier findings say how to fix the problem, in both languages.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("dossier_findings") as batch:
        batch.add_column(
            sa.Column("fix_zh", sa.Text(), nullable=False, server_default=sa.text("''"))
        )
        batch.add_column(
            sa.Column("fix_en", sa.Text(), nullable=False, server_default=sa.text("''"))
        )


def downgrade() -> None:
    with op.batch_alter_table("dossier_findings") as batch:
        batch.drop_column("fix_en")
        batch.drop_column("fix_zh")
