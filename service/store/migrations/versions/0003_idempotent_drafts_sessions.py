"""Idempotent draft creation, the drafts' page index, and revocable sessions.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("drafts") as table:
        table.add_column(sa.Column("idempotency_key", sa.String(200)))
        table.add_column(sa.Column("request_hash", sa.String(64)))
    op.create_index(
        "ix_drafts_unit_idempotency_key", "drafts", ["unit", "idempotency_key"], unique=True
    )
    op.create_index("ix_drafts_unit_updated_at_id", "drafts", ["unit", "updated_at", "id"])
    with op.batch_alter_table("users") as table:
        table.add_column(
            sa.Column("session_version", sa.Integer, nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as table:
        table.drop_column("session_version")
    op.drop_index("ix_drafts_unit_updated_at_id", "drafts")
    op.drop_index("ix_drafts_unit_idempotency_key", "drafts")
    with op.batch_alter_table("drafts") as table:
        table.drop_column("request_hash")
        table.drop_column("idempotency_key")
