"""Full-text search of the library: SQLite FTS5, or PostgreSQL's tsvector with pg_trgm.

Both backends index the same four fields of each recipe, kept by the repository beside the
recipe row: its title, its ingredient names, its tags and its step text, ranked in that order
of weight (SQLite's bm25 with weights 10, 4, 4, 1; PostgreSQL's ts_rank_cd with weights A, B,
C, D). Query words are matched as prefixes and stemmed (English); every word must match.

PostgreSQL ranks a bounded pool, so that a word found in half of 100,000 recipes is answered in
milliseconds (ranking every match reads every big tsvector: over a second): first the recipes
whose title holds every word, then the others; each tier taken in groups of ``POOL`` (200),
newest first, and each group ranked by ``ts_rank_cd``. The order is total, so pages never repeat
or skip a recipe; while a tier holds at most ``POOL`` recipes (a library of a few hundred, or a
word in few titles) it is ranked whole. The candidates and their filters come from
``recipe_search_head``, a narrow table of each recipe's title and ingredient tsvectors, tags
(lower case) and times, kept beside ``recipe_search`` by ``index``.

Filters: tags (every one, any case), ingredients the recipe must have and must not have
(matched as words of its ingredient names, stemmed: "carrots" finds "carrot", "egg" does not
find "eggplant"), a longest total time and a longest active time.

Typo tolerance: when no recipe matches, each query word is corrected to the closest word of a
vocabulary and the search runs again: on PostgreSQL the words of titles, ingredient names and
tags (``recipe_search_words``, by pg_trgm similarity), on SQLite the index's own (fts5vocab).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

__all__ = ["Query", "SearchFields", "index", "search_ids", "unindex"]

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 32
CLOSE_ENOUGH = 0.75  # difflib ratio for SQLite's typo correction
ABOUT_AS_CLOSE = 0.05  # of the close terms, the most used within this of the closest wins
SIMILAR_ENOUGH = 0.3  # pg_trgm similarity of two words (its default)
POOL = 200  # PostgreSQL ranks the candidates of a tier in groups of this many, newest first
_PENDING_WORDS = "ladle.search.words"


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


# one statement, one round trip: the whole recipe, then the narrow row search filters on (the
# recipe's row is flushed: its times are read from it)
POSTGRES_INDEX = text(
    "WITH whole AS (INSERT INTO recipe_search (recipe_id, title, ingredients, tags, steps) "
    "VALUES (:id, :title, :ingredients, :tags, :steps) "
    "ON CONFLICT (recipe_id) DO UPDATE SET title = excluded.title, "
    "ingredients = excluded.ingredients, tags = excluded.tags, steps = excluded.steps) "
    "INSERT INTO recipe_search_head (recipe_id, title, ingredients, tags, total_minutes, "
    "active_minutes) SELECT r.id, to_tsvector('english', :title), "
    "to_tsvector('english', :ingredients), string_to_array(lower(:tags), E'\\n'), "
    "r.total_minutes, r.active_minutes FROM recipes r WHERE r.id = :id "
    "ON CONFLICT (recipe_id) DO UPDATE SET title = excluded.title, "
    "ingredients = excluded.ingredients, tags = excluded.tags, "
    "total_minutes = excluded.total_minutes, active_minutes = excluded.active_minutes"
)


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
        session.execute(POSTGRES_INDEX, values)
        _remember_words(session, vocabulary(f"{fields.title}\n{fields.ingredients}\n{fields.tags}"))
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
        corrected.append(_most_used_close(word, candidates))
    return None if list(corrected) == list(words) else corrected


def _most_used_close(word: str, candidates: Sequence[str]) -> str:
    """Of the terms (most used first) spelled close to ``word``, the most used of those about
    as close as the closest: the index's terms are stems, so the word meant can be a little
    further by spelling than a rarer one ("garlik": "garlicki", of garlicky, 0.86; "garlic"
    0.83 and in far more recipes)."""
    close: list[tuple[float, int, str]] = []
    matcher = difflib.SequenceMatcher(b=word)
    for used, term in enumerate(candidates):
        matcher.set_seq1(term)
        if matcher.real_quick_ratio() >= CLOSE_ENOUGH and matcher.quick_ratio() >= CLOSE_ENOUGH:
            ratio = matcher.ratio()
            if ratio >= CLOSE_ENOUGH:
                close.append((ratio, used, term))
    if not close:
        return word
    best = max(ratio for ratio, _, _ in close)
    return min((used, term) for ratio, used, term in close if ratio >= best - ABOUT_AS_CLOSE)[1]


# -- PostgreSQL: tsvector, GIN, pg_trgm --------------------------------------------------------


def _ts_terms(words: Sequence[str], weight: str = "", prefix: bool = True) -> str:
    suffix = ":" + ("*" if prefix else "") + weight
    suffix = "" if suffix == ":" else suffix
    return " & ".join(f"'{w}'{suffix}" for w in words)


def vocabulary(text_: str) -> set[str]:
    """The words of a title, ingredient names or tags a typo may be corrected to (PostgreSQL;
    migration 0005 fills ``recipe_search_words`` with the same rule)."""
    return {w for w in WORD.findall(text_.lower()) if 3 <= len(w) <= 40 and w.isalpha()}


def _remember_words(session: Session, words: set[str]) -> None:
    """Keep new words for ``recipe_search_words``, written when the transaction commits: all
    at once and sorted, so that two transactions adding the same new words wait for each
    other in one order and never deadlock."""
    pending: set[str] | None = session.info.get(_PENDING_WORDS)
    if pending is None:
        pending = session.info[_PENDING_WORDS] = set()
        event.listen(session, "before_commit", _store_words)
        event.listen(session, "after_rollback", _forget_words)
    pending |= words


def _store_words(session: Session) -> None:
    pending: set[str] = session.info.get(_PENDING_WORDS, set())
    if pending:
        session.execute(
            text(
                "INSERT INTO recipe_search_words (word) SELECT unnest(CAST(:words AS text[])) "
                "ORDER BY 1 ON CONFLICT DO NOTHING"
            ),
            {"words": sorted(pending)},
        )
        pending.clear()


def _forget_words(session: Session) -> None:
    session.info.get(_PENDING_WORDS, set()).clear()


@dataclass(frozen=True, slots=True)
class _Tier:
    """One tier of a PostgreSQL search: the SQL of its candidates (``SELECT id ... WHERE``,
    unordered) and the parameters of the whole search."""

    candidates: str
    params: dict[str, Any]


def _rank_chunk(session: Session, tier: _Tier, chunk: int) -> list[int]:
    """The ``chunk``-th group of ``POOL`` candidates of a tier, newest first, best first."""
    # the pool and its offset written out, not bound: with them unknown, PostgreSQL's generic
    # plan of a prepared statement (psycopg prepares one run five times) can rank every match
    sql = (
        "SELECT s.recipe_id FROM recipe_search s, to_tsquery('english', :tsquery) q "
        f"WHERE s.recipe_id IN ({tier.candidates} ORDER BY 1 DESC LIMIT {POOL:d} "
        f"OFFSET {chunk * POOL:d}) ORDER BY ts_rank_cd(s.vector, q) DESC, s.recipe_id"
    )
    return [int(i) for i in session.scalars(text(sql), tier.params)]


def _tier_page(session: Session, tier: _Tier, offset: int, limit: int) -> tuple[list[int], int]:
    """The ids at ``offset`` .. ``offset + limit`` of a tier, and how many ids the tier holds
    (exactly when it ends before ``offset + limit``; else at least that many)."""
    found: list[int] = []
    chunk, skip = divmod(offset, POOL)
    while True:
        ranked = _rank_chunk(session, tier, chunk)
        found += ranked[skip : skip + limit - len(found)]
        if len(ranked) < POOL:
            if not ranked and chunk:  # offset lies past the tier's end: how far?
                sql = f"SELECT count(*) FROM ({tier.candidates}) c"
                return found, int(session.scalar(text(sql), tier.params) or 0)
            return found, chunk * POOL + len(ranked)
        if len(found) >= limit:
            return found, offset + limit
        chunk, skip = chunk + 1, 0


def _head_filters(query: Query, params: dict[str, Any]) -> list[str]:
    """The tag and time filters on ``recipe_search_head h``, which holds each recipe's tags
    (lower case) and times beside its vectors: a candidate is tested in its own row."""
    where: list[str] = []
    for n, tag in enumerate(t.strip().lower() for t in query.tags if t.strip()):
        params[f"tag{n}"] = tag
        where.append(f"h.tags @> ARRAY[CAST(:tag{n} AS text)]")
    if query.max_total is not None:
        params["max_total"] = query.max_total
        where.append("h.total_minutes <= :max_total")
    if query.max_active is not None:
        params["max_active"] = query.max_active
        where.append("h.active_minutes <= :max_active")
    return where


def _postgres_tiers(query: Query, words: Sequence[str]) -> list[_Tier] | None:
    """The tiers of a search with words or ingredients (None without either): the recipes
    whose title holds every word, then the others (``recipe_search_head`` holds the titles
    and ingredient names as small tsvectors; ``recipe_search`` the whole recipe)."""
    ranked: list[str] = [f"({_ts_terms(words)})"] if words else []
    ingredients: list[str] = []
    for item in query.with_:
        if _words(item):
            ranked.append(f"({_ts_terms(_words(item), 'B', prefix=False)})")
            ingredients.append(f"({_ts_terms(_words(item), prefix=False)})")
    for item in query.without:
        if _words(item):
            ranked.append(f"!({_ts_terms(_words(item), 'B', prefix=False)})")
            ingredients.append(f"!({_ts_terms(_words(item), prefix=False)})")
    if not ranked:
        return None
    params: dict[str, Any] = {"tsquery": " & ".join(ranked), "title": _ts_terms(words)}
    params["ingredients"] = " & ".join(ingredients)
    head = ["h.ingredients @@ to_tsquery('english', :ingredients)"] if ingredients else []
    head += _head_filters(query, params)
    in_head = "SELECT h.recipe_id FROM recipe_search_head h WHERE "
    if not words:
        return [_Tier(in_head + " AND ".join(head), params)]
    in_title = "h.title @@ to_tsquery('english', :title)"
    elsewhere = (
        "SELECT s.recipe_id FROM recipe_search s WHERE s.vector @@ to_tsquery('english', :title) "
        "AND EXISTS (SELECT 1 FROM recipe_search_head h WHERE h.recipe_id = s.recipe_id AND "
        + " AND ".join([f"NOT {in_title}", *head])
        + ")"
    )
    return [_Tier(in_head + " AND ".join([in_title, *head]), params), _Tier(elsewhere, params)]


def _postgres_ids(session: Session, query: Query, words: Sequence[str]) -> list[int]:
    """The ids, best first: the recipes whose title holds every word, then the others; each
    tier in groups of ``POOL``, newest first, each group ranked (``ts_rank_cd``)."""
    tiers = _postgres_tiers(query, words)
    if tiers is None:
        params: dict[str, Any] = {"limit": query.limit, "offset": query.offset}
        where = _filters(query, params, "r.id", postgres=True)
        sql = "SELECT r.id FROM recipes r"
        sql += " WHERE " + " AND ".join(where) if where else ""
        sql += " ORDER BY r.title, r.id LIMIT :limit OFFSET :offset"
        return [int(i) for i in session.scalars(text(sql), params)]
    found: list[int] = []
    offset = query.offset
    for tier in tiers:
        page, size = _tier_page(session, tier, offset, query.limit - len(found))
        found += page
        if len(found) >= query.limit:
            break
        offset = max(0, offset - size)
    return found


def _postgres_closest(session: Session, words: Sequence[str]) -> list[str] | None:
    """Each word, or the word of the vocabulary most like it (pg_trgm's similarity, at
    least ``SIMILAR_ENOUGH``); None when nothing changes."""
    session.execute(
        text("SELECT set_config('pg_trgm.similarity_threshold', :t, true)"),
        {"t": str(SIMILAR_ENOUGH)},
    )
    corrected: list[str] = []
    for word in words:
        found = None
        if len(word) >= 4:
            found = session.scalar(
                text(
                    "SELECT word FROM recipe_search_words WHERE word % :w "
                    "ORDER BY word = :w DESC, similarity(word, :w) DESC, word LIMIT 1"
                ),
                {"w": word},
            )
        corrected.append(str(found) if found else word)
    return None if corrected == list(words) else corrected


def search_ids(session: Session, query: Query) -> list[int]:
    """The ids of the recipes that match, best first."""
    words = _words(query.words)
    postgres = _postgres(session)
    ids = _postgres_ids if postgres else _sqlite_ids
    found = ids(session, query, words)
    if not found and words:
        corrected = (_postgres_closest if postgres else _closest_words)(session, words)
        if corrected is not None:
            found = ids(session, query, corrected)
    return found
