"""A recipe as a reader found it, before any understanding: the draft.

Every reader (plain text, schema.org JSON-LD and microdata, site scrapers, a page's own card,
Cooklang, ladle JSON) turns its source into drafts and stops there. A draft holds text as the
source gives it: the title, the yield as written ("Serves 4", "4", "24 cookies"), the times as
written ("PT1H30M", "Prep: 20 min", 45), the ingredient lines each with its group, the steps
each with its section, the notes, the article around the card cut into sections, tags and
metadata. Repairs (a page's card filling what its JSON-LD lost, a site scraper's lines) are
functions from draft to draft. :func:`ladle.understand.understand` is the one place where a
draft becomes a :class:`~ladle.model.Recipe`: ingredient lines parsed, steps understood, the
yield and times read, the article understood, each once.

Some sources know more than text: a Cooklang file marks its ingredients' amounts, its timers and
its cookware, and ladle's own JSON is a recipe already. Their readers put what the source marks
beside the text (``DraftLine.known``, ``DraftStep.timers``, ``.cookware``, ``.uses``;
``Draft.known``), and understanding keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ladle.model import Cookware, Duration, Ingredient, Recipe, Source

__all__ = ["Block", "Draft", "DraftLine", "DraftStep", "Section"]


@dataclass(slots=True)
class DraftLine:
    """One ingredient line as written, with the group it is listed under."""

    text: str
    group: str | None = None
    known: Ingredient | None = None  # the source marked the amount itself (Cooklang)
    fixed: bool = False  # the source says scaling leaves the amount alone


@dataclass(slots=True)
class DraftStep:
    """One instruction as written, with the section it is listed under."""

    text: str
    section: str | None = None
    timers: list[Duration] = field(default_factory=list)  # times the source marks (Cooklang)
    cookware: list[str] = field(default_factory=list)  # equipment the source marks
    uses: list[int] | None = None  # ingredient lines the source marks, when it marks them
    marks: list[Cookware] = field(default_factory=list)  # cookware as the source writes it


@dataclass(slots=True)
class Block:
    """A paragraph or a list item of an article."""

    text: str
    item: bool = False
    numbered: bool = False


@dataclass(slots=True)
class Section:
    """A heading of an article (None before the first one), the headings above it, and its
    paragraphs and list items."""

    heading: str | None
    parents: tuple[str, ...] = ()
    blocks: list[Block] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The heading without its subtitle: "Oven Roasting: Crispy" → "Oven Roasting"."""
        return main_part(self.heading or "")

    @property
    def context(self) -> str:
        return " ".join((self.heading or "", *self.parents))

    def body(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def main_part(heading: str) -> str:
    """A heading without its subtitle or question mark."""
    return heading.split(":", 1)[0].strip().rstrip("?").strip()


@dataclass(slots=True)
class Draft:
    """A recipe as its source states it, in text (see the module documentation)."""

    title: str | None = None
    description: str | None = None
    yields: list[str] = field(default_factory=list)  # as written, the most telling first
    times: dict[str, str | float] = field(default_factory=dict)  # "prep", "cook", "total"
    ingredients: list[DraftLine] = field(default_factory=list)
    steps: list[DraftStep] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    article: list[Section] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    source: Source = field(default_factory=Source)
    known: Recipe | None = None  # a source that is a recipe already (ladle JSON)

    def lines(self) -> list[str]:
        """The ingredient lines' texts."""
        return [line.text for line in self.ingredients]

    def step_texts(self) -> list[str]:
        """The steps' texts."""
        return [step.text for step in self.steps]
