"""Full-text search: SQLite FTS5, or PostgreSQL tsvector (GIN) with pg_trgm; filled from the
recipes already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE = [
    "CREATE VIRTUAL TABLE recipe_search USING fts5(title, ingredients, tags, steps, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO recipe_search (recipe_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 4.0, 1.0)')",
    "CREATE VIRTUAL TABLE recipe_search_vocab USING fts5vocab(recipe_search, 'row')",
]

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE recipe_search ("
    " recipe_id integer PRIMARY KEY REFERENCES recipes (id) ON DELETE CASCADE,"
    " title text NOT NULL, ingredients text NOT NULL, tags text NOT NULL, steps text NOT NULL,"
    " words text GENERATED ALWAYS AS (lower(title || ' ' || ingredients || ' ' || tags)) STORED,"
    " vector tsvector GENERATED ALWAYS AS ("
    "  setweight(to_tsvector('english'::regconfig, title), 'A')"
    "  || setweight(to_tsvector('english'::regconfig, ingredients), 'B')"
    "  || setweight(to_tsvector('english'::regconfig, tags), 'C')"
    "  || setweight(to_tsvector('english'::regconfig, steps), 'D')) STORED)",
    "CREATE INDEX ix_recipe_search_vector ON recipe_search USING gin (vector)",
    "CREATE INDEX ix_recipe_search_words ON recipe_search USING gin (words gin_trgm_ops)",
]


def _fields(document: dict[str, Any]) -> tuple[str, str, str, str]:
    """The four indexed fields of a stored recipe JSON (as the repository of this revision
    works them out)."""
    names = [str(i.get("name") or "") for i in document.get("ingredients") or []]
    return (
        str(document.get("title") or ""),
        "\n".join(n.lower() for n in names if n),
        "\n".join(str(t) for t in document.get("tags") or []),
        "\n".join(str(s.get("text") or "") for s in document.get("steps") or []),
    )


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    for statement in POSTGRES if postgres else SQLITE:
        op.execute(statement)
    column = "recipe_id" if postgres else "rowid"
    insert = sa.text(
        f"INSERT INTO recipe_search ({column}, title, ingredients, tags, steps) "
        "VALUES (:id, :title, :ingredients, :tags, :steps)"
    )
    for recipe_id, document in bind.execute(sa.text("SELECT id, document FROM recipes")):
        title, ingredients, tags, steps = _fields(json.loads(document))
        bind.execute(
            insert,
            {"id": recipe_id, "title": title, "ingredients": ingredients, "tags": tags}
            | {"steps": steps},
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE recipe_search_vocab")
    op.execute("DROP TABLE recipe_search")
