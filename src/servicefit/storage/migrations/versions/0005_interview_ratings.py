"""interview ratings

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 11:19:34.092733
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interview_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.String(length=60), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("interviewer", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.String(length=4000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempts.id"], name=op.f("fk_interview_ratings_attempt_id_attempts")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_interview_ratings_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_ratings")),
    )
    with op.batch_alter_table("interview_ratings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_ratings_attempt_id"), ["attempt_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_ratings_organisation_id"), ["organisation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("interview_ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_ratings_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_interview_ratings_attempt_id"))

    op.drop_table("interview_ratings")
