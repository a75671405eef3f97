"""A store holds several cycles: cycle names are unique, the tables that were the whole
file's (tie orders, confirmations, the audit log) say which cycle a row belongs to, and a
cycle can be checked out to a meeting's file and back (the checkout columns of cycles).

An existing file holds exactly one cycle: its rows are that cycle's. Audit entries of a file
without a cycle (none exist in practice) stay NULL, the store's own.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jlpanel.storage.columns import UtcDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_OWN_CYCLE = "(SELECT id FROM cycles ORDER BY created_at, id LIMIT 1)"


def _add_cycle_column(table: str, *, nullable: bool) -> None:
    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column("cycle_id", sa.String(length=36), nullable=True))
    op.execute(sa.text(f"UPDATE {table} SET cycle_id = {_OWN_CYCLE}"))
    with op.batch_alter_table(table) as batch:
        if not nullable:
            batch.alter_column("cycle_id", existing_type=sa.String(length=36), nullable=False)
        batch.create_foreign_key(
            op.f(f"fk_{table}_cycle_id_cycles"), "cycles", ["cycle_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_index(op.f(f"ix_{table}_cycle_id"), ["cycle_id"], unique=False)


_CHECKOUT = (
    ("checkout_token", sa.String(length=36)),
    ("checked_out_at", UtcDateTime()),
    ("checked_out_by", sa.String(length=100)),
    ("checked_out_to", sa.Text()),
    ("checked_out_from", sa.Text()),
    ("checkout_digest", sa.Text()),
)


def upgrade() -> None:
    with op.batch_alter_table("cycles") as batch:
        batch.create_unique_constraint(op.f("uq_cycles_name"), ["name"])
        for name, kind in _CHECKOUT:
            batch.add_column(sa.Column(name, kind, nullable=True))
    _add_cycle_column("tie_orders", nullable=False)
    _add_cycle_column("confirmations", nullable=False)
    _add_cycle_column("audit_entries", nullable=True)


def downgrade() -> None:
    for table in ("audit_entries", "confirmations", "tie_orders"):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(op.f(f"ix_{table}_cycle_id"))
            batch.drop_constraint(op.f(f"fk_{table}_cycle_id_cycles"), type_="foreignkey")
            batch.drop_column("cycle_id")
    with op.batch_alter_table("cycles") as batch:
        for name, _kind in reversed(_CHECKOUT):
            batch.drop_column(name)
        batch.drop_constraint(op.f("uq_cycles_name"), type_="unique")
