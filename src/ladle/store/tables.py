"""The library's tables, as SQLAlchemy 2 typed mappings.

A recipe row holds the recipe JSON of contract.md whole (``document``), so nothing is ever lost,
and beside it the fields people filter on, in indexed columns: title, content hash, source URL,
total and active minutes. Ingredient names and tags sit in tables of their own, one row each.
The imported food composition table (r0004) sits beside them: one row per food with its
nutrients per 100 g as JSON, its household measures, the release it came from, and the user's
overrides (an ingredient name to a food id), which outlive any import.
Every change to these tables is an Alembic migration under ``migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "Base",
    "FoodOverrideRow",
    "FoodPortionRow",
    "FoodReleaseRow",
    "FoodRow",
    "IngredientRow",
    "RecipeRow",
    "TagRow",
]


class Base(DeclarativeBase):
    """The declarative base of the library's tables."""


class RecipeRow(Base):
    """One stored recipe: its JSON document whole, and the columns searched and filtered on."""

    __tablename__ = "recipes"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 (ids never reused, r0003)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String, index=True)
    document: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source_url: Mapped[str | None] = mapped_column(String, index=True)
    total_minutes: Mapped[float | None] = mapped_column(Float, index=True)
    active_minutes: Mapped[float | None] = mapped_column(Float, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    ingredients: Mapped[list[IngredientRow]] = relationship(
        back_populates="recipe", cascade="all, delete-orphan", passive_deletes=True
    )
    tags: Mapped[list[TagRow]] = relationship(
        back_populates="recipe", cascade="all, delete-orphan", passive_deletes=True
    )


class IngredientRow(Base):
    """One ingredient name of a recipe (its food, lower case), in the recipe's order."""

    __tablename__ = "recipe_ingredients"
    __table_args__ = (Index("ix_recipe_ingredients_name", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipe_id: Mapped[int] = mapped_column(ForeignKey("recipes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String)

    recipe: Mapped[RecipeRow] = relationship(back_populates="ingredients")


class TagRow(Base):
    """One tag of a recipe; a recipe holds a tag at most once."""

    __tablename__ = "recipe_tags"
    __table_args__ = (Index("ix_recipe_tags_tag", "tag"),)

    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String, primary_key=True)

    recipe: Mapped[RecipeRow] = relationship(back_populates="tags")


# --- the food table (r0004) ----------------------------------------------------------------------


class FoodReleaseRow(Base):
    """The release the food table holds (one row, id 1, or none before the first import)."""

    __tablename__ = "food_release"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    source: Mapped[str] = mapped_column(String)
    foods: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FoodRow(Base):
    """One food: USDA's id for it (SR28's NDB number or FDC's fdc_id, as written), its
    description and group, refuse, and its nutrients per 100 g as JSON (panel key → amount)."""

    __tablename__ = "foods"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String)
    food_group: Mapped[str] = mapped_column(String)
    refuse_percent: Mapped[float] = mapped_column(Float)
    refuse: Mapped[str] = mapped_column(String)
    nutrients: Mapped[str] = mapped_column(Text)


class FoodPortionRow(Base):
    """One household measure of a food: ``amount`` ``measure`` weighs ``grams``."""

    __tablename__ = "food_portions"

    food_id: Mapped[str] = mapped_column(
        ForeignKey("foods.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    amount: Mapped[float] = mapped_column(Float)
    measure: Mapped[str] = mapped_column(String)
    grams: Mapped[float] = mapped_column(Float)


class FoodOverrideRow(Base):
    """The user's choice: ingredients called ``name`` (normalised) are the food ``food_id``.
    No foreign key: an override outlives an import that drops its food (and is reported)."""

    __tablename__ = "food_overrides"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    food_id: Mapped[str] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
