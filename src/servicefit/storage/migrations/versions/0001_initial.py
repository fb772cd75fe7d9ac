"""organisations, framework versions and job profiles

Revision ID: 0001
Revises:
Create Date: 2026-11-22 09:02:33.171389
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "framework_versions",
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_framework_versions")),
    )
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=63), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("slug", name=op.f("uq_organisations_slug")),
    )
    op.create_table(
        "job_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=63), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_job_profiles_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_profiles")),
        sa.UniqueConstraint("organisation_id", "key", name="uq_job_profiles_org_key"),
    )
    with op.batch_alter_table("job_profiles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_job_profiles_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "job_profile_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("framework_version", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework_version"],
            ["framework_versions.version"],
            name=op.f("fk_job_profile_versions_framework_version_framework_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_job_profile_versions_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["job_profiles.id"],
            name=op.f("fk_job_profile_versions_profile_id_job_profiles"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_profile_versions")),
        sa.UniqueConstraint(
            "profile_id", "version", name="uq_job_profile_versions_profile_version"
        ),
    )
    with op.batch_alter_table("job_profile_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_job_profile_versions_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_job_profile_versions_profile_id"), ["profile_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("job_profile_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_profile_versions_profile_id"))
        batch_op.drop_index(batch_op.f("ix_job_profile_versions_organisation_id"))

    op.drop_table("job_profile_versions")
    with op.batch_alter_table("job_profiles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_profiles_organisation_id"))

    op.drop_table("job_profiles")
    op.drop_table("organisations")
    op.drop_table("framework_versions")
