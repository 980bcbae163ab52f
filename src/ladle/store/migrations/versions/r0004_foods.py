"""The food table: an imported USDA release (its foods, their household measures, which release
it is) and the user's overrides, which outlive every import.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "food_release",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("foods", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "foods",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("food_group", sa.String(), nullable=False),
        sa.Column("refuse_percent", sa.Float(), nullable=False),
        sa.Column("refuse", sa.String(), nullable=False),
        sa.Column("nutrients", sa.Text(), nullable=False),
    )
    op.create_table(
        "food_portions",
        sa.Column(
            "food_id",
            sa.String(),
            sa.ForeignKey("foods.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("measure", sa.String(), nullable=False),
        sa.Column("grams", sa.Float(), nullable=False),
    )
    op.create_table(
        "food_overrides",
        sa.Column("name", sa.String(), primary_key=True),
        sa.Column("food_id", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("food_overrides")
    op.drop_table("food_portions")
    op.drop_table("foods")
    op.drop_table("food_release")
