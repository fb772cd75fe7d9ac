"""employer-authored items

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 09:15:56.401810
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisation_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("item_id", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_organisation_items_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_items")),
        sa.UniqueConstraint(
            "organisation_id", "kind", "item_id", "version", name="uq_organisation_items_key"
        ),
    )
    with op.batch_alter_table("organisation_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisation_items_organisation_id"), ["organisation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("organisation_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_items_organisation_id"))

    op.drop_table("organisation_items")
