"""The initial workspace schema (DESIGN §3).

Revision ID: 0001
Revises:
Create Date: 2026-11-27 18:31:14.622846
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("entity", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("detail_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    op.create_index(op.f("ix_audit_entries_at"), "audit_entries", ["at"], unique=False)
    op.create_index(
        "ix_audit_entries_entity_entity_id", "audit_entries", ["entity", "entity_id"], unique=False
    )

    op.create_table(
        "cycles",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=8), server_default="zh", nullable=False),
        sa.Column("rubric_json", sa.Text(), nullable=False),
        sa.Column("rules_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycles")),
    )
    op.create_table(
        "history_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filing_no", sa.String(length=64), nullable=False),
        sa.Column("platform_name", sa.String(length=200), nullable=True),
        sa.Column("cycle_name", sa.String(length=200), nullable=False),
        sa.Column("cycle_end", sa.Date(), nullable=True),
        sa.Column("grade", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history_entries")),
        sa.UniqueConstraint(
            "filing_no", "cycle_name", name=op.f("uq_history_entries_filing_no_cycle_name")
        ),
    )
    op.create_index(
        op.f("ix_history_entries_filing_no"), "history_entries", ["filing_no"], unique=False
    )

    op.create_table(
        "experts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("institution", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=100), nullable=True),
        sa.Column("field", sa.String(length=200), nullable=True),
        sa.Column("contact", sa.String(length=200), nullable=True),
        sa.Column("avoid_units", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cycle_id"], ["cycles.id"], name=op.f("fk_experts_cycle_id_cycles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experts")),
    )
    op.create_index(op.f("ix_experts_cycle_id"), "experts", ["cycle_id"], unique=False)

    op.create_table(
        "platforms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("filing_no", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=True),
        sa.Column("filing_date", sa.Date(), nullable=True),
        sa.Column("resource_type", sa.String(length=50), nullable=True),
        sa.Column("host_unit", sa.String(length=200), nullable=True),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("registered_address", sa.String(length=300), nullable=True),
        sa.Column("supervising_department", sa.String(length=200), nullable=True),
        sa.Column("director", sa.String(length=100), nullable=True),
        sa.Column("contact_person", sa.String(length=100), nullable=True),
        sa.Column("contact_phone", sa.String(length=50), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("portal_url", sa.String(length=500), nullable=True),
        sa.Column("service_start_date", sa.Date(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("source_file", sa.String(length=500), nullable=True),
        sa.Column("source_sha256", sa.String(length=64), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["cycles.id"],
            name=op.f("fk_platforms_cycle_id_cycles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platforms")),
        sa.UniqueConstraint("cycle_id", "filing_no", name=op.f("uq_platforms_cycle_id_filing_no")),
    )
    op.create_index(op.f("ix_platforms_cycle_id"), "platforms", ["cycle_id"], unique=False)
    op.create_index(op.f("ix_platforms_filing_no"), "platforms", ["filing_no"], unique=False)

    op.create_table(
        "adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("adjusted_score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_adjustments_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjustments")),
    )
    op.create_index(
        op.f("ix_adjustments_platform_id"), "adjustments", ["platform_id"], unique=False
    )

    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["experts.id"],
            name=op.f("fk_assignments_expert_id_experts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_assignments_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
        sa.UniqueConstraint(
            "expert_id", "platform_id", name=op.f("uq_assignments_expert_id_platform_id")
        ),
    )
    op.create_index(op.f("ix_assignments_expert_id"), "assignments", ["expert_id"], unique=False)
    op.create_index(
        op.f("ix_assignments_platform_id"), "assignments", ["platform_id"], unique=False
    )

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_attachments_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("platform_id", "name", name=op.f("uq_attachments_platform_id_name")),
    )
    op.create_index(
        op.f("ix_attachments_platform_id"), "attachments", ["platform_id"], unique=False
    )

    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "source IN ('same_institution', 'roster', 'declared')", name=op.f("ck_conflicts_source")
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["experts.id"],
            name=op.f("fk_conflicts_expert_id_experts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_conflicts_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
        sa.UniqueConstraint(
            "expert_id",
            "platform_id",
            "source",
            name=op.f("uq_conflicts_expert_id_platform_id_source"),
        ),
    )
    op.create_index(op.f("ix_conflicts_expert_id"), "conflicts", ["expert_id"], unique=False)
    op.create_index(op.f("ix_conflicts_platform_id"), "conflicts", ["platform_id"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("funding_rank", sa.Integer(), nullable=True),
        sa.Column("funding_amount", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_decisions_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    op.create_index(op.f("ix_decisions_platform_id"), "decisions", ["platform_id"], unique=False)

    op.create_table(
        "dossier_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("sheet", sa.String(length=50), nullable=True),
        sa.Column("row", sa.Integer(), nullable=True),
        sa.Column("column", sa.String(length=100), nullable=True),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("message_zh", sa.Text(), nullable=False),
        sa.Column("message_en", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "severity IN ('error', 'warning')", name=op.f("ck_dossier_findings_severity")
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_dossier_findings_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_findings")),
    )
    op.create_index(
        op.f("ix_dossier_findings_platform_id"), "dossier_findings", ["platform_id"], unique=False
    )

    op.create_table(
        "funding_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=50), nullable=True),
        sa.Column("is_income", sa.Boolean(), nullable=True),
        sa.Column("amount_10k_yuan", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_funding_lines_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_lines")),
    )
    op.create_index(
        op.f("ix_funding_lines_platform_id"), "funding_lines", ["platform_id"], unique=False
    )

    op.create_table(
        "major_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("kind", sa.String(length=50), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("reported", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_major_events_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_major_events")),
    )
    op.create_index(
        op.f("ix_major_events_platform_id"), "major_events", ["platform_id"], unique=False
    )

    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=50), nullable=True),
        sa.Column("name", sa.String(length=500), nullable=True),
        sa.Column("outcome_date", sa.Date(), nullable=True),
        sa.Column("level", sa.String(length=50), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("evidence", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_outcomes_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcomes")),
    )
    op.create_index(op.f("ix_outcomes_platform_id"), "outcomes", ["platform_id"], unique=False)

    op.create_table(
        "panel_opinions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_panel_opinions_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_opinions")),
    )
    op.create_index(
        op.f("ix_panel_opinions_platform_id"), "panel_opinions", ["platform_id"], unique=True
    )

    op.create_table(
        "platform_metrics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_platform_metrics_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_metrics")),
        sa.UniqueConstraint("platform_id", "key", name=op.f("uq_platform_metrics_platform_id_key")),
    )
    op.create_index(
        op.f("ix_platform_metrics_platform_id"), "platform_metrics", ["platform_id"], unique=False
    )

    op.create_table(
        "regulations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("document_no", sa.String(length=100), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_regulations_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regulations")),
    )
    op.create_index(
        op.f("ix_regulations_platform_id"), "regulations", ["platform_id"], unique=False
    )

    op.create_table(
        "resources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("resource_code", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("category", sa.String(length=100), nullable=True),
        sa.Column("quantity", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=50), nullable=True),
        sa.Column("original_value", sa.Float(), nullable=True),
        sa.Column("funding_source", sa.String(length=200), nullable=True),
        sa.Column("stored_on", sa.Date(), nullable=True),
        sa.Column("open_share", sa.Boolean(), nullable=True),
        sa.Column("share_mode", sa.String(length=100), nullable=True),
        sa.Column("online_status", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_resources_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resources")),
    )
    op.create_index(op.f("ix_resources_platform_id"), "resources", ["platform_id"], unique=False)

    op.create_table(
        "results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("grade", sa.String(length=20), nullable=True),
        sa.Column("is_final", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("details_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_results_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_results")),
    )
    op.create_index(op.f("ix_results_platform_id"), "results", ["platform_id"], unique=True)

    op.create_table(
        "review_packages",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hmac_key", sa.LargeBinary(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("revision_merged", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["experts.id"],
            name=op.f("fk_review_packages_expert_id_experts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_packages")),
    )
    op.create_index(
        op.f("ix_review_packages_expert_id"), "review_packages", ["expert_id"], unique=False
    )

    op.create_table(
        "service_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("service_date", sa.Date(), nullable=True),
        sa.Column("user_unit", sa.String(length=300), nullable=True),
        sa.Column("user_type", sa.String(length=50), nullable=True),
        sa.Column("is_external", sa.Boolean(), nullable=True),
        sa.Column("is_out_of_province", sa.Boolean(), nullable=True),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("resource_codes", sa.Text(), nullable=True),
        sa.Column("volume", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=50), nullable=True),
        sa.Column("fee_yuan", sa.Float(), nullable=True),
        sa.Column("nature", sa.String(length=20), nullable=True),
        sa.Column("contract_no", sa.String(length=100), nullable=True),
        sa.Column("public_interest_category", sa.String(length=100), nullable=True),
        sa.Column("supported_project", sa.String(length=300), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_service_records_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_records")),
    )
    op.create_index(
        op.f("ix_service_records_platform_id"), "service_records", ["platform_id"], unique=False
    )

    op.create_table(
        "staff_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=True),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.Column("full_time", sa.Boolean(), nullable=True),
        sa.Column("title", sa.String(length=100), nullable=True),
        sa.Column("education", sa.String(length=50), nullable=True),
        sa.Column("effort_share", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_staff_members_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_members")),
    )
    op.create_index(
        op.f("ix_staff_members_platform_id"), "staff_members", ["platform_id"], unique=False
    )

    op.create_table(
        "work_summaries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("attachment_name", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_work_summaries_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_summaries")),
    )
    op.create_index(
        op.f("ix_work_summaries_platform_id"), "work_summaries", ["platform_id"], unique=True
    )

    op.create_table(
        "score_sheets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=True),
        sa.Column("provenance", sa.String(length=10), nullable=False),
        sa.Column("revision", sa.Integer(), server_default="0", nullable=False),
        sa.Column("source_file", sa.String(length=500), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entered_by", sa.String(length=100), nullable=True),
        sa.Column("overall_comment", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "provenance IN ('package', 'paper')", name=op.f("ck_score_sheets_provenance")
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["experts.id"],
            name=op.f("fk_score_sheets_expert_id_experts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["review_packages.id"],
            name=op.f("fk_score_sheets_package_id_review_packages"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platforms.id"],
            name=op.f("fk_score_sheets_platform_id_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_sheets")),
        sa.UniqueConstraint(
            "expert_id", "platform_id", name=op.f("uq_score_sheets_expert_id_platform_id")
        ),
    )
    op.create_index(op.f("ix_score_sheets_expert_id"), "score_sheets", ["expert_id"], unique=False)
    op.create_index(
        op.f("ix_score_sheets_package_id"), "score_sheets", ["package_id"], unique=False
    )
    op.create_index(
        op.f("ix_score_sheets_platform_id"), "score_sheets", ["platform_id"], unique=False
    )

    op.create_table(
        "bonus_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sheet_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=20), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sheet_id"],
            ["score_sheets.id"],
            name=op.f("fk_bonus_scores_sheet_id_score_sheets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bonus_scores")),
        sa.UniqueConstraint(
            "sheet_id", "item_code", name=op.f("uq_bonus_scores_sheet_id_item_code")
        ),
    )
    op.create_index(op.f("ix_bonus_scores_sheet_id"), "bonus_scores", ["sheet_id"], unique=False)

    op.create_table(
        "indicator_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sheet_id", sa.Integer(), nullable=False),
        sa.Column("indicator_code", sa.String(length=20), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["sheet_id"],
            ["score_sheets.id"],
            name=op.f("fk_indicator_scores_sheet_id_score_sheets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_scores")),
        sa.UniqueConstraint(
            "sheet_id", "indicator_code", name=op.f("uq_indicator_scores_sheet_id_indicator_code")
        ),
    )
    op.create_index(
        op.f("ix_indicator_scores_sheet_id"), "indicator_scores", ["sheet_id"], unique=False
    )

    op.create_table(
        "veto_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sheet_id", sa.Integer(), nullable=False),
        sa.Column("veto_code", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["sheet_id"],
            ["score_sheets.id"],
            name=op.f("fk_veto_claims_sheet_id_score_sheets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_veto_claims")),
        sa.UniqueConstraint(
            "sheet_id", "veto_code", name=op.f("uq_veto_claims_sheet_id_veto_code")
        ),
    )
    op.create_index(op.f("ix_veto_claims_sheet_id"), "veto_claims", ["sheet_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_veto_claims_sheet_id"), table_name="veto_claims")
    op.drop_table("veto_claims")

    op.drop_index(op.f("ix_indicator_scores_sheet_id"), table_name="indicator_scores")
    op.drop_table("indicator_scores")

    op.drop_index(op.f("ix_bonus_scores_sheet_id"), table_name="bonus_scores")
    op.drop_table("bonus_scores")

    op.drop_index(op.f("ix_score_sheets_platform_id"), table_name="score_sheets")
    op.drop_index(op.f("ix_score_sheets_package_id"), table_name="score_sheets")
    op.drop_index(op.f("ix_score_sheets_expert_id"), table_name="score_sheets")
    op.drop_table("score_sheets")

    op.drop_index(op.f("ix_work_summaries_platform_id"), table_name="work_summaries")
    op.drop_table("work_summaries")

    op.drop_index(op.f("ix_staff_members_platform_id"), table_name="staff_members")
    op.drop_table("staff_members")

    op.drop_index(op.f("ix_service_records_platform_id"), table_name="service_records")
    op.drop_table("service_records")

    op.drop_index(op.f("ix_review_packages_expert_id"), table_name="review_packages")
    op.drop_table("review_packages")

    op.drop_index(op.f("ix_results_platform_id"), table_name="results")
    op.drop_table("results")

    op.drop_index(op.f("ix_resources_platform_id"), table_name="resources")
    op.drop_table("resources")

    op.drop_index(op.f("ix_regulations_platform_id"), table_name="regulations")
    op.drop_table("regulations")

    op.drop_index(op.f("ix_platform_metrics_platform_id"), table_name="platform_metrics")
    op.drop_table("platform_metrics")

    op.drop_index(op.f("ix_panel_opinions_platform_id"), table_name="panel_opinions")
    op.drop_table("panel_opinions")

    op.drop_index(op.f("ix_outcomes_platform_id"), table_name="outcomes")
    op.drop_table("outcomes")

    op.drop_index(op.f("ix_major_events_platform_id"), table_name="major_events")
    op.drop_table("major_events")

    op.drop_index(op.f("ix_funding_lines_platform_id"), table_name="funding_lines")
    op.drop_table("funding_lines")

    op.drop_index(op.f("ix_dossier_findings_platform_id"), table_name="dossier_findings")
    op.drop_table("dossier_findings")

    op.drop_index(op.f("ix_decisions_platform_id"), table_name="decisions")
    op.drop_table("decisions")

    op.drop_index(op.f("ix_conflicts_platform_id"), table_name="conflicts")
    op.drop_index(op.f("ix_conflicts_expert_id"), table_name="conflicts")
    op.drop_table("conflicts")

    op.drop_index(op.f("ix_attachments_platform_id"), table_name="attachments")
    op.drop_table("attachments")

    op.drop_index(op.f("ix_assignments_platform_id"), table_name="assignments")
    op.drop_index(op.f("ix_assignments_expert_id"), table_name="assignments")
    op.drop_table("assignments")

    op.drop_index(op.f("ix_adjustments_platform_id"), table_name="adjustments")
    op.drop_table("adjustments")

    op.drop_index(op.f("ix_platforms_filing_no"), table_name="platforms")
    op.drop_index(op.f("ix_platforms_cycle_id"), table_name="platforms")
    op.drop_table("platforms")

    op.drop_index(op.f("ix_experts_cycle_id"), table_name="experts")
    op.drop_table("experts")

    op.drop_index(op.f("ix_history_entries_filing_no"), table_name="history_entries")
    op.drop_table("history_entries")

    op.drop_table("cycles")

    op.drop_index("ix_audit_entries_entity_entity_id", table_name="audit_entries")
    op.drop_index(op.f("ix_audit_entries_at"), table_name="audit_entries")
    op.drop_table("audit_entries")
