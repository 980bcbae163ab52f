"""An id is never given again: SQLite's recipes table becomes AUTOINCREMENT.

Without AUTOINCREMENT SQLite gives the id of a removed newest recipe to the next one added, so
an id kept somewhere (``ladle plan 12 17``, a bookmark) could name another recipe. SQLite cannot
alter a primary key, and dropping the old table would cascade to the ingredient and tag rows, so
the three tables are built anew beside the old ones, filled, and renamed into place (SQLite
rewrites the foreign keys on rename). PostgreSQL's sequences never reuse an id: nothing to do.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STEPS = [
    "CREATE TABLE recipes_new ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, title VARCHAR NOT NULL, document TEXT NOT NULL,"
    " content_hash VARCHAR(64) NOT NULL UNIQUE, source_url VARCHAR, total_minutes FLOAT,"
    " active_minutes FLOAT, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL)",
    "INSERT INTO recipes_new SELECT id, title, document, content_hash, source_url,"
    " total_minutes, active_minutes, created_at, updated_at FROM recipes",
    "CREATE TABLE recipe_ingredients_new ("
    " id INTEGER PRIMARY KEY,"
    " recipe_id INTEGER NOT NULL REFERENCES recipes_new (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL, name VARCHAR NOT NULL)",
    "INSERT INTO recipe_ingredients_new SELECT id, recipe_id, position, name"
    " FROM recipe_ingredients",
    "CREATE TABLE recipe_tags_new ("
    " recipe_id INTEGER NOT NULL REFERENCES recipes_new (id) ON DELETE CASCADE,"
    " tag VARCHAR NOT NULL, PRIMARY KEY (recipe_id, tag))",
    "INSERT INTO recipe_tags_new SELECT recipe_id, tag FROM recipe_tags",
    "DROP TABLE recipe_tags",
    "DROP TABLE recipe_ingredients",
    "DROP TABLE recipes",
    "ALTER TABLE recipes_new RENAME TO recipes",
    "ALTER TABLE recipe_ingredients_new RENAME TO recipe_ingredients",
    "ALTER TABLE recipe_tags_new RENAME TO recipe_tags",
    "CREATE INDEX ix_recipes_title ON recipes (title)",
    "CREATE INDEX ix_recipes_source_url ON recipes (source_url)",
    "CREATE INDEX ix_recipes_total_minutes ON recipes (total_minutes)",
    "CREATE INDEX ix_recipes_active_minutes ON recipes (active_minutes)",
    "CREATE INDEX ix_recipe_ingredients_recipe_id ON recipe_ingredients (recipe_id)",
    "CREATE INDEX ix_recipe_ingredients_name ON recipe_ingredients (name)",
    "CREATE INDEX ix_recipe_tags_tag ON recipe_tags (tag)",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # the highest id ever given survives the rebuild: AUTOINCREMENT starts above it
    for statement in STEPS:
        op.execute(statement)


def downgrade() -> None:
    """Nothing to undo that matters: AUTOINCREMENT only stops ids being given again."""
