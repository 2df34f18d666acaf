"""index order dates (deadline and date-range queries)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("order") as batch:
        batch.create_index("ix_order_order_date", ["order_date"])


def downgrade() -> None:
    with op.batch_alter_table("order") as batch:
        batch.drop_index("ix_order_order_date")
