"""The first tables: recipes, their ingredient names, their tags.

Revision ID: 0001
Revises:
Create Date: 2026-12-06
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
        "recipes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source_url", sa.String(), nullable=True),
        sa.Column("total_minutes", sa.Float(), nullable=True),
        sa.Column("active_minutes", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_recipes_title", "recipes", ["title"])
    op.create_index("ix_recipes_source_url", "recipes", ["source_url"])
    op.create_index("ix_recipes_total_minutes", "recipes", ["total_minutes"])
    op.create_index("ix_recipes_active_minutes", "recipes", ["active_minutes"])
    op.create_table(
        "recipe_ingredients",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "recipe_id",
            sa.Integer(),
            sa.ForeignKey("recipes.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
    )
    op.create_index("ix_recipe_ingredients_recipe_id", "recipe_ingredients", ["recipe_id"])
    op.create_index("ix_recipe_ingredients_name", "recipe_ingredients", ["name"])
    op.create_table(
        "recipe_tags",
        sa.Column(
            "recipe_id",
            sa.Integer(),
            sa.ForeignKey("recipes.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("tag", sa.String(), primary_key=True),
    )
    op.create_index("ix_recipe_tags_tag", "recipe_tags", ["tag"])


def downgrade() -> None:
    op.drop_table("recipe_tags")
    op.drop_table("recipe_ingredients")
    op.drop_table("recipes")
