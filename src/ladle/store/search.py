"""Full-text search of the library: SQLite FTS5, or PostgreSQL's tsvector with pg_trgm.

Both backends index the same four fields of each recipe, kept by the repository beside the
recipe row: its title, its ingredient names, its tags and its step text, ranked in that order
of weight (SQLite's bm25 with weights 10, 4, 4, 1; PostgreSQL's ts_rank_cd with weights A, B,
C, D). Query words are matched as prefixes and stemmed (English); every word must match.

Filters: tags (every one, any case), ingredients the recipe must have and must not have
(matched as words of its ingredient names, stemmed: "carrots" finds "carrot", "egg" does not
find "eggplant"), a longest total time and a longest active time.

Typo tolerance: when no recipe matches, PostgreSQL ranks by trigram word similarity (pg_trgm);
SQLite corrects each query word to the closest word of the index (fts5vocab) and tries again.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

__all__ = ["Query", "SearchFields", "index", "search_ids", "unindex"]

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 32
CLOSE_ENOUGH = 0.75  # difflib ratio for SQLite's typo correction
SIMILAR_ENOUGH = 0.5  # pg_trgm word similarity (its default, 0.6, misses "pancaeks")


@dataclass(frozen=True, slots=True)
class SearchFields:
    """What the index holds of one recipe."""

    title: str
    ingredients: str
    tags: str
    steps: str


@dataclass(frozen=True, slots=True)
class Query:
    """A search: words (may be empty when filters are given) and filters."""

    words: str = ""
    tags: Sequence[str] = ()
    with_: Sequence[str] = ()
    without: Sequence[str] = ()
    max_total: float | None = None
    max_active: float | None = None
    limit: int = 20
    offset: int = 0


def _words(phrase: str) -> list[str]:
    return [w.lower() for w in WORD.findall(phrase)][:MAX_WORDS]


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def index(session: Session, recipe_id: int, fields: SearchFields) -> None:
    """Put (or put again) one recipe in the index."""
    values = {
        "id": recipe_id,
        "title": fields.title,
        "ingredients": fields.ingredients,
        "tags": fields.tags,
        "steps": fields.steps,
    }
    if _postgres(session):
        session.execute(
            text(
                "INSERT INTO recipe_search (recipe_id, title, ingredients, tags, steps) "
                "VALUES (:id, :title, :ingredients, :tags, :steps) "
                "ON CONFLICT (recipe_id) DO UPDATE SET title = excluded.title, "
                "ingredients = excluded.ingredients, tags = excluded.tags, steps = excluded.steps"
            ),
            values,
        )
        return
    session.execute(text("DELETE FROM recipe_search WHERE rowid = :id"), values)
    session.execute(
        text(
            "INSERT INTO recipe_search (rowid, title, ingredients, tags, steps) "
            "VALUES (:id, :title, :ingredients, :tags, :steps)"
        ),
        values,
    )


def unindex(session: Session, recipe_id: int) -> None:
    """Take one recipe out of the index (PostgreSQL's cascade does it by itself)."""
    if not _postgres(session):
        session.execute(text("DELETE FROM recipe_search WHERE rowid = :id"), {"id": recipe_id})


# -- the filters shared by both backends ------------------------------------------------------


def _filters(
    query: Query, params: dict[str, Any], recipe_id: str = "r.id", postgres: bool = False
) -> list[str]:
    """The WHERE conditions of the tag and time filters; ``recipe_id`` names the id column
    (the time conditions need ``recipes r`` in the query).

    On PostgreSQL a tag's EXISTS ends with OFFSET 0, so that it stays a test of each matching
    recipe: the planner has no statistics for ``lower(tag)`` and guesses 0.5% of the tags, so
    for a common tag it otherwise turned the EXISTS into a join driven by the tags, one index
    lookup (and one tsvector read) per tagged recipe ("pasta" tagged dinner, 100,000 recipes:
    561 ms; 61 ms with the fence)."""
    where: list[str] = []
    fence = " OFFSET 0" if postgres else ""
    for n, tag in enumerate(t.strip().lower() for t in query.tags if t.strip()):
        params[f"tag{n}"] = tag
        where.append(
            f"EXISTS (SELECT 1 FROM recipe_tags t WHERE t.recipe_id = {recipe_id} "
            f"AND lower(t.tag) = :tag{n}{fence})"
        )
    if query.max_total is not None:
        params["max_total"] = query.max_total
        where.append("r.total_minutes <= :max_total")
    if query.max_active is not None:
        params["max_active"] = query.max_active
        where.append("r.active_minutes <= :max_active")
    return where


# -- SQLite: FTS5 ------------------------------------------------------------------------------


def _fts_phrase(words: Sequence[str], column: str | None = None, prefix: bool = True) -> str:
    star = "*" if prefix else ""
    parts = [f'"{w}"{star}' for w in words]
    joined = " ".join(parts)
    return f"{column} : ({joined})" if column else joined


def _sqlite_match(query: Query, words: Sequence[str]) -> str | None:
    parts: list[str] = []
    if words:
        parts.append(f"({_fts_phrase(words)})")
    for item in query.with_:
        if _words(item):
            parts.append(f"({_fts_phrase(_words(item), 'ingredients', prefix=False)})")
    return " AND ".join(parts) or None


def _sqlite_ids(session: Session, query: Query, words: Sequence[str]) -> list[int]:
    """The ids, best first. With words, the index alone answers (its rowid is the recipe id),
    ranked by SQLite's own sorter keeping the best ``limit + offset`` (faster than FTS5's
    sorting of every match); ``recipes`` is joined only for a time filter, and then FTS5
    gives the matches best first, so that the join stops at the ``limit``-th that passes
    instead of looking up every match (a common word matches half the library)."""
    params: dict[str, Any] = {"limit": query.limit, "offset": query.offset}
    match = _sqlite_match(query, words)
    recipe_id = "r.id" if match is None else "s.rowid"
    where = _filters(query, params, recipe_id)
    for n, item in enumerate(query.without):
        if _words(item):
            params[f"without{n}"] = _fts_phrase(_words(item), "ingredients", prefix=False)
            where.append(
                f"{recipe_id} NOT IN (SELECT rowid FROM recipe_search "
                f"WHERE recipe_search MATCH :without{n})"
            )
    if match is None:
        sql = "SELECT r.id FROM recipes r"
        order = "r.title, r.id"
    else:
        params["match"] = match
        sql = "SELECT s.rowid FROM recipe_search s"
        order = "s.rank, s.rowid"
        if query.max_total is not None or query.max_active is not None:
            sql += " JOIN recipes r ON r.id = s.rowid"
            order = "s.rank"
        where.insert(0, "recipe_search MATCH :match")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} LIMIT :limit OFFSET :offset"
    return [int(i) for i in session.scalars(text(sql), params)]


def _closest_words(session: Session, words: Sequence[str]) -> list[str] | None:
    """Each word, or the word of the index nearest to it; None when nothing changes."""
    corrected: list[str] = []
    for word in words:
        if len(word) < 4:
            corrected.append(word)
            continue
        candidates = [
            str(term)
            for term in session.scalars(
                text(
                    "SELECT term FROM recipe_search_vocab WHERE term >= :low AND term < :high "
                    "ORDER BY doc DESC LIMIT 5000"
                ),
                {"low": word[:2], "high": word[:2] + "\uffff"},
            )
        ]
        if word in candidates:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=CLOSE_ENOUGH)
        corrected.append(close[0] if close else word)
    return None if list(corrected) == list(words) else corrected


# -- PostgreSQL: tsvector, GIN, pg_trgm --------------------------------------------------------


def _ts_terms(words: Sequence[str], weight: str = "", prefix: bool = True) -> str:
    suffix = ":" + ("*" if prefix else "") + weight
    suffix = "" if suffix == ":" else suffix
    return " & ".join(f"'{w}'{suffix}" for w in words)


def _postgres_ids(session: Session, query: Query, words: Sequence[str]) -> list[int]:
    """The ids, best first; as on SQLite, ``recipes`` is joined only for a time filter."""
    params: dict[str, Any] = {"limit": query.limit, "offset": query.offset}
    terms: list[str] = []
    if words:
        terms.append(f"({_ts_terms(words)})")
    for item in query.with_:
        if _words(item):
            terms.append(f"({_ts_terms(_words(item), 'B', prefix=False)})")
    for item in query.without:
        if _words(item):
            terms.append(f"!({_ts_terms(_words(item), 'B', prefix=False)})")
    where = _filters(query, params, "s.recipe_id" if terms else "r.id", postgres=True)
    if not terms:
        sql = "SELECT r.id FROM recipes r"
        order = "r.title, r.id"
    else:
        params["tsquery"] = " & ".join(terms)
        sql = "SELECT s.recipe_id FROM recipe_search s"
        if query.max_total is not None or query.max_active is not None:
            sql += " JOIN recipes r ON r.id = s.recipe_id"
        sql += ", to_tsquery('english', :tsquery) q"
        where.insert(0, "s.vector @@ q")
        order = "ts_rank_cd(s.vector, q) DESC, s.recipe_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} LIMIT :limit OFFSET :offset"
    return [int(i) for i in session.scalars(text(sql), params)]


def _postgres_similar(session: Session, query: Query, words: Sequence[str]) -> list[int]:
    """Every word close to a word of the title, ingredients or tags (pg_trgm), best first."""
    params: dict[str, Any] = {"limit": query.limit, "offset": query.offset}
    where: list[str] = []
    score: list[str] = []
    for n, word in enumerate(words):
        params[f"w{n}"] = word
        where.append(f"(:w{n} <% s.words)")
        score.append(f"word_similarity(:w{n}, s.words)")
    where += _filters(query, params, postgres=True)
    session.execute(
        text("SELECT set_config('pg_trgm.word_similarity_threshold', :t, true)"),
        {"t": str(SIMILAR_ENOUGH)},
    )
    sql = (
        "SELECT r.id FROM recipe_search s JOIN recipes r ON r.id = s.recipe_id WHERE "
        + " AND ".join(where)
        + f" ORDER BY {' + '.join(score)} DESC, r.id LIMIT :limit OFFSET :offset"
    )
    return [int(i) for i in session.scalars(text(sql), params)]


def search_ids(session: Session, query: Query) -> list[int]:
    """The ids of the recipes that match, best first."""
    words = _words(query.words)
    if _postgres(session):
        found = _postgres_ids(session, query, words)
        if not found and words and not query.with_ and not query.without:
            found = _postgres_similar(session, query, words)
        return found
    found = _sqlite_ids(session, query, words)
    if not found and words:
        corrected = _closest_words(session, words)
        if corrected is not None:
            found = _sqlite_ids(session, query, corrected)
    return found
