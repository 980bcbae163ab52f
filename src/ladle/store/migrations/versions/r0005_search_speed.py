"""PostgreSQL search at 100,000 recipes: a narrow table of what search filters on, and a
vocabulary.

- ``recipe_search_head``: each recipe's title and its ingredient names as two tsvectors (GIN),
  its tags (lower case) and its total and active minutes, in a table of its own, so that the
  newest recipes whose title matches a query and which pass the filters are found without
  reading the wide rows of ``recipe_search`` (their ``vector`` holds the steps: 1.6 KB,
  TOASTed) nor looking up tags and times one recipe at a time. Search ranks a bounded pool of
  candidates taken from it (``ladle.store.search``).
- ``recipe_search_words``: every word of the titles, ingredient names and tags (trigram GIN),
  against which a query word found nowhere is corrected before searching again. It replaces
  pg_trgm's word similarity over each recipe's ``words`` text (0.6-1.4 s a typo at 100,000
  recipes), so that column and its trigram index go.

SQLite has FTS5 and its vocabulary already: nothing to do there.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

WORD = re.compile(r"\w+", re.UNICODE)
BATCH = 5000

UPGRADE = [
    "CREATE TABLE recipe_search_head ("
    " recipe_id integer PRIMARY KEY REFERENCES recipes (id) ON DELETE CASCADE,"
    " title tsvector NOT NULL, ingredients tsvector NOT NULL, tags text[] NOT NULL,"
    " total_minutes float, active_minutes float)",
    "INSERT INTO recipe_search_head"
    " SELECT s.recipe_id, to_tsvector('english'::regconfig, s.title),"
    " to_tsvector('english'::regconfig, s.ingredients), string_to_array(lower(s.tags), E'\\n'),"
    " r.total_minutes, r.active_minutes FROM recipe_search s JOIN recipes r ON r.id = s.recipe_id",
    "CREATE INDEX ix_recipe_search_head_title ON recipe_search_head USING gin (title)",
    "CREATE INDEX ix_recipe_search_head_ingredients ON recipe_search_head USING gin (ingredients)",
    "CREATE TABLE recipe_search_words (word text PRIMARY KEY)",
    "DROP INDEX ix_recipe_search_words",
    "ALTER TABLE recipe_search DROP COLUMN words",
]

DOWNGRADE = [
    "DROP TABLE recipe_search_words",
    "DROP TABLE recipe_search_head",
    "ALTER TABLE recipe_search ADD COLUMN words text"
    " GENERATED ALWAYS AS (lower(title || ' ' || ingredients || ' ' || tags)) STORED",
    "CREATE INDEX ix_recipe_search_words ON recipe_search USING gin (words gin_trgm_ops)",
]


def vocabulary(text: str) -> set[str]:
    """The words of ``text`` a typo is corrected to (as ``ladle.store.search`` keeps them)."""
    return {w for w in WORD.findall(text.lower()) if 3 <= len(w) <= 40 and w.isalpha()}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in UPGRADE:
        op.execute(statement)
    words: set[str] = set()
    for title, ingredients, tags in bind.execute(
        sa.text("SELECT title, ingredients, tags FROM recipe_search")
    ):
        words |= vocabulary(f"{title}\n{ingredients}\n{tags}")
    ordered = sorted(words)
    for start in range(0, len(ordered), BATCH):
        bind.execute(
            sa.text("INSERT INTO recipe_search_words (word) SELECT unnest(CAST(:words AS text[]))"),
            {"words": ordered[start : start + BATCH]},
        )
    op.execute("CREATE INDEX ix_recipe_search_words_trgm ON recipe_search_words"
               " USING gin (word gin_trgm_ops)")  # fmt: skip
    op.execute("ANALYZE recipe_search_head")
    op.execute("ANALYZE recipe_search_words")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in DOWNGRADE:
        op.execute(statement)
