"""fairness: demographics (kept apart from assessment data) and criterion outcomes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 11:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "demographic_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction", sa.String(length=40), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_demographic_categories_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demographic_categories")),
        sa.UniqueConstraint(
            "organisation_id", "jurisdiction", name="uq_demographic_categories_org_jurisdiction"
        ),
    )
    with op.batch_alter_table("demographic_categories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_demographic_categories_organisation_id"),
            ["organisation_id"],
            unique=False,
        )

    op.create_table(
        "demographics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("candidate", sa.String(length=200), nullable=False),
        sa.Column("jurisdiction", sa.String(length=40), nullable=False),
        sa.Column("consent_given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_demographics_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demographics")),
        sa.UniqueConstraint("organisation_id", "candidate", name="uq_demographics_org_candidate"),
    )
    with op.batch_alter_table("demographics", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_demographics_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("candidate", sa.String(length=200), nullable=False),
        sa.Column("measure", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_outcomes_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcomes")),
    )
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcomes_organisation_id"), ["organisation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcomes_organisation_id"))
    op.drop_table("outcomes")

    with op.batch_alter_table("demographics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_demographics_organisation_id"))
    op.drop_table("demographics")

    with op.batch_alter_table("demographic_categories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_demographic_categories_organisation_id"))
    op.drop_table("demographic_categories")
