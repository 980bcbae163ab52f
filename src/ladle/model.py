"""The recipe model: what ladle knows about a recipe, and its JSON document (``"ladle": 1``).

Every class here is a plain dataclass with ``to_json()`` giving exactly the document of the
contract (``../shared/design/contract.md``) and ``from_json()`` reading it back, checking each
field and naming the place of anything wrong (``ingredients[3].quantity``). Absent knowledge is
``None`` or an empty list, never a guess.

Some fields go beyond the contract's example; they are additive and documented in the
published schema (``schema/recipe.schema.json``): ``Ingredient.to_taste``,
``Ingredient.alternatives`` (the other amounts of "125g/4½oz"), ``Ingredient.fixed`` (an
amount scaling leaves alone, Cooklang's ``{=1%tsp}``), ``Ingredient.reference`` (another
recipe used as an ingredient, Cooklang's ``@./sauces/Hollandaise{}``), and ``MakeAhead.steps``
(how to finish or reheat, with temperatures, in the shape of ``Variant.steps``), and
``Recipe.metadata`` (what a source says that ladle does not model: course, cuisine, author,
as text by name), ``Duration.name`` (a timer's name) and ``Step.cookware`` (cookware as a
source marks it, name and count).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, cast

from ladle.errors import FormatError
from ladle.json_fields import Fields as _Reader
from ladle.json_fields import Range
from ladle.limits import (
    MAX_CELSIUS,
    MAX_DAYS,
    MAX_FAHRENHEIT,
    MAX_GAS_MARK,
    MAX_MINUTES,
    MAX_QUANTITY,
    MAX_SERVINGS,
    MIN_CELSIUS,
    MIN_FAHRENHEIT,
)

__all__ = [
    "FORMAT_VERSION",
    "Amount",
    "Cookware",
    "Doneness",
    "Duration",
    "Ingredient",
    "MakeAhead",
    "Pairing",
    "Recipe",
    "Relation",
    "Source",
    "Step",
    "Storage",
    "Temperature",
    "Times",
    "Variant",
    "Yield",
]

FORMAT_VERSION = 1

Attention = Literal["active", "passive"]
TemperatureKind = Literal["oven", "internal", "oil", "water", "other"]
ATTENTIONS: tuple[str, ...] = ("active", "passive")
TEMPERATURE_KINDS: tuple[str, ...] = ("oven", "internal", "oil", "water", "other")
# What a time in a step means (``ladle.timing``): part of the step's own time ("step"), an
# alternative to the part before it ("or up to 1 hour"), beside it ("meanwhile … 2 minutes"),
# or a time that is not the step's: before serving ("lead"), how far ahead ("make_ahead"), how
# long it keeps ("storage"), an earlier step's time restated ("repeat"), a time of the step a
# leading clause describes ("scene"), or something else ("every 5 minutes": "other").
DURATION_ROLES: tuple[str, ...] = (
    "step", "alternative", "alongside", "lead", "make_ahead", "storage", "repeat", "scene",
    "other",
)  # fmt: skip
OWN_ROLES = frozenset({"step", "alternative", "alongside"})
RELATIONS: tuple[str, ...] = ("follows", "alongside", "within_last", "after")
HEATS: tuple[str, ...] = (
    "oven", "stove", "grill", "smoker", "air fryer", "deep fryer", "slow cooker",
    "pressure cooker", "rice cooker", "sous vide", "microwave", "blowtorch",
)  # fmt: skip

JSON = dict[str, Any]

# The bounds of each kind of number a document holds (``ladle.limits``).
_MINUTES = Range(0, MAX_MINUTES, unit="minutes (ten years)")
_QUANTITY = Range(0, MAX_QUANTITY, high_open=True)
_SERVINGS = Range(0, MAX_SERVINGS, low_open=True)
_FAHRENHEIT = Range(MIN_FAHRENHEIT, MAX_FAHRENHEIT, unit="°F")
_CELSIUS = Range(MIN_CELSIUS, MAX_CELSIUS, unit="°C")
_GAS_MARK = Range(0, MAX_GAS_MARK)
_DAYS = Range(0, MAX_DAYS, unit="days")
_FACTOR = Range(1, 100)


def number(value: float | None) -> float | int | None:
    """A number as JSON shows it: whole numbers without ``.0``."""
    if value is None:
        return None
    if float(value).is_integer():
        return int(value)
    return float(value)


# --- the model ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Amount:
    """One amount of an ingredient as written: "125 g", "4½ oz", "1½ cups"."""

    quantity: float | None
    unit: str | None
    text: str
    quantity_max: float | None = None

    def to_json(self) -> JSON:
        return {
            "quantity": number(self.quantity),
            "quantity_max": number(self.quantity_max),
            "unit": self.unit,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: object, where: str = "document", path: str = "") -> Amount:
        return _Reader(data, where, path).take(cls._read)

    @classmethod
    def _read(cls, r: _Reader) -> Amount:
        return cls(
            quantity=r.opt_num("quantity", _QUANTITY),
            quantity_max=r.opt_num("quantity_max", _QUANTITY),
            unit=r.opt_str("unit"),
            text=r.str_("text", ""),
        )


@dataclass(slots=True)
class Ingredient:
    """One line of the ingredient list, understood."""

    text: str
    name: str | None = None
    quantity: float | None = None
    quantity_max: float | None = None
    unit: str | None = None
    preparation: str | None = None
    comment: str | None = None
    optional: bool = False
    group: str | None = None
    to_taste: bool = False
    alternatives: list[Amount] = field(default_factory=list)
    fixed: bool = False
    reference: str | None = None

    def to_json(self) -> JSON:
        return {
            "text": self.text,
            "quantity": number(self.quantity),
            "quantity_max": number(self.quantity_max),
            "unit": self.unit,
            "name": self.name,
            "preparation": self.preparation,
            "comment": self.comment,
            "optional": self.optional,
            "group": self.group,
            "to_taste": self.to_taste,
            "alternatives": [a.to_json() for a in self.alternatives],
            "fixed": self.fixed,
            "reference": self.reference,
        }

    @classmethod
    def from_json(cls, data: object, where: str = "document", path: str = "") -> Ingredient:
        return _Reader(data, where, path).take(cls._read)

    @classmethod
    def _read(cls, r: _Reader) -> Ingredient:
        return cls(
            text=r.str_("text"),
            quantity=r.opt_num("quantity", _QUANTITY),
            quantity_max=r.opt_num("quantity_max", _QUANTITY),
            unit=r.opt_str("unit"),
            name=r.opt_str("name"),
            preparation=r.opt_str("preparation"),
            comment=r.opt_str("comment"),
            optional=r.bool_("optional"),
            group=r.opt_str("group"),
            to_taste=r.bool_("to_taste"),
            alternatives=r.objects("alternatives", Amount._read),
            fixed=r.bool_("fixed"),
            reference=r.opt_str("reference"),
        )


@dataclass(slots=True)
class Duration:
    """A span of time a step takes or needs: ``max_minutes`` None means open-ended."""

    min_minutes: float
    max_minutes: float | None
    text: str
    name: str | None = None  # a timer's name (Cooklang's ``~eggs{3%minutes}``)
    role: str = "step"  # what the time means (DURATION_ROLES)
    factor: int = 1  # how many times it is taken: 2 for "2 minutes per side"

    def to_json(self) -> JSON:
        return {
            "min_minutes": number(self.min_minutes),
            "max_minutes": number(self.max_minutes),
            "text": self.text,
            "name": self.name,
            "role": self.role,
            "factor": self.factor,
        }

    @classmethod
    def from_json(cls, data: object, where: str = "document", path: str = "") -> Duration:
        return _Reader(data, where, path).take(cls._read)

    @classmethod
    def _read(cls, r: _Reader) -> Duration:
        return cls(
            min_minutes=r.num("min_minutes", _MINUTES),
            max_minutes=r.opt_num("max_minutes", _MINUTES),
            text=r.str_("text", ""),
            name=r.opt_str("name"),
            role=r.choice("role", DURATION_ROLES, "step"),
            factor=r.opt_int("factor", _FACTOR) or 1,
        )


@dataclass(slots=True)
class Temperature:
    """A temperature, always in both scales, with what it is the temperature of.

    ``fahrenheit`` and ``celsius`` are a conventional oven's; a fan-oven figure the recipe
    gives is kept in ``fan_celsius`` (a fan oven runs about 20 °C hotter, so "220°C fan" is
    240 °C conventional) and a gas mark in ``gas_mark``.
    """

    fahrenheit: float
    celsius: float
    kind: TemperatureKind
    text: str
    fan_celsius: float | None = None
    gas_mark: float | None = None

    def to_json(self) -> JSON:
        return {
            "fahrenheit": number(self.fahrenheit),
            "celsius": number(self.celsius),
            "kind": self.kind,
            "text": self.text,
            "fan_celsius": number(self.fan_celsius),
            "gas_mark": number(self.gas_mark),
        }

    @classmethod
    def from_json(cls, data: object, where: str = "document", path: str = "") -> Temperature:
        return _Reader(data, where, path).take(cls._read)

    @classmethod
    def _read(cls, r: _Reader) -> Temperature:
        return cls(
            fahrenheit=r.num("fahrenheit", _FAHRENHEIT),
            celsius=r.num("celsius", _CELSIUS),
            kind=cast(TemperatureKind, r.choice("kind", TEMPERATURE_KINDS, "other")),
            text=r.str_("text", ""),
            fan_celsius=r.opt_num("fan_celsius", _CELSIUS),
            gas_mark=r.opt_num("gas_mark", _GAS_MARK),
        )


@dataclass(slots=True)
class Cookware:
    """A piece of cookware as a source marks it in a step (Cooklang's ``#large pot{2}``): its
    name as written and its count, kept to be written back."""

    name: str
    quantity: str | None = None

    def to_json(self) -> JSON:
        return {"name": self.name, "quantity": self.quantity}

    @classmethod
    def _read(cls, r: _Reader) -> Cookware:
        return cls(name=r.str_("name"), quantity=r.opt_str("quantity"))


@dataclass(slots=True)
class Relation:
    """How a step stands to the steps before it: after the one before ("follows"), beside an
    earlier one ("While the pork roasts, …": "alongside"), inside its last minutes ("In the
    last 10 minutes of roasting, …": "within_last"), or once it is done ("Once the pork is
    out, …": "after"); ``text`` is the leading clause that says so."""

    kind: str = "follows"
    minutes: float | None = None
    text: str = ""

    def to_json(self) -> JSON:
        return {"kind": self.kind, "minutes": number(self.minutes), "text": self.text}

    @classmethod
    def _read(cls, r: _Reader) -> Relation:
        return cls(
            kind=r.choice("kind", RELATIONS, "follows"),
            minutes=r.opt_num("minutes", _MINUTES),
            text=r.str_("text", ""),
        )


@dataclass(slots=True)
class Step:
    """One instruction, with what ladle understood of it."""

    text: str
    section: str | None = None
    durations: list[Duration] = field(default_factory=list)
    temperatures: list[Temperature] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    uses: list[int] = field(default_factory=list)
    attention: Attention = "active"
    cookware: list[Cookware] = field(default_factory=list)
    time: Duration | None = None  # the step's own time, its parts added up (ladle.timing)
    heat: str | None = None  # what heats it (HEATS), None when nothing does
    relation: Relation = field(default_factory=Relation)

    def to_json(self) -> JSON:
        return {
            "text": self.text,
            "section": self.section,
            "durations": [d.to_json() for d in self.durations],
            "temperatures": [t.to_json() for t in self.temperatures],
            "equipment": list(self.equipment),
            "uses": list(self.uses),
            "attention": self.attention,
            "cookware": [c.to_json() for c in self.cookware],
            "time": None if self.time is None else self.time.to_json(),
            "heat": self.heat,
            "relation": self.relation.to_json(),
        }

    @classmethod
    def from_json(cls, data: object, where: str = "document", path: str = "") -> Step:
        return _Reader(data, where, path).take(cls._read)

    @classmethod
    def _read(cls, r: _Reader) -> Step:
        return cls(
            text=r.str_("text"),
            section=r.opt_str("section"),
            durations=r.objects("durations", Duration._read),
            temperatures=r.objects("temperatures", Temperature._read),
            equipment=r.str_list("equipment"),
            uses=r.int_list("uses"),
            attention=cast(Attention, r.choice("attention", ATTENTIONS, "active")),
            cookware=r.objects("cookware", Cookware._read),
            time=r.opt_object("time", Duration._read),
            heat=_heat(r),
            relation=r.object("relation", Relation._read),
        )


def _heat(r: _Reader) -> str | None:
    if r.get("heat") is None:
        return None
    return r.choice("heat", HEATS)


@dataclass(slots=True)
class Yield:
    """How much a recipe makes: servings, and/or an amount ("2 quarts", "24 cookies")."""

    servings: float | None = None
    amount: float | None = None
    unit: str | None = None
    text: str | None = None

    def to_json(self) -> JSON:
        return {
            "servings": number(self.servings),
            "amount": number(self.amount),
            "unit": self.unit,
            "text": self.text,
        }

    @classmethod
    def _read(cls, r: _Reader) -> Yield:
        return cls(
            servings=r.opt_num("servings", _SERVINGS),
            amount=r.opt_num("amount", _QUANTITY),
            unit=r.opt_str("unit"),
            text=r.opt_str("text"),
        )


@dataclass(slots=True)
class Times:
    """The times a recipe states in its header, in minutes."""

    prep_minutes: float | None = None
    cook_minutes: float | None = None
    total_minutes: float | None = None

    def to_json(self) -> JSON:
        return {
            "prep_minutes": number(self.prep_minutes),
            "cook_minutes": number(self.cook_minutes),
            "total_minutes": number(self.total_minutes),
        }

    @classmethod
    def _read(cls, r: _Reader) -> Times:
        return cls(
            prep_minutes=r.opt_num("prep_minutes", _MINUTES),
            cook_minutes=r.opt_num("cook_minutes", _MINUTES),
            total_minutes=r.opt_num("total_minutes", _MINUTES),
        )


@dataclass(slots=True)
class Variant:
    """Another way to make the dish (``kind`` "method") or a change to it ("variation")."""

    name: str
    kind: str
    text: str
    steps: list[Step] = field(default_factory=list)

    def to_json(self) -> JSON:
        return {
            "name": self.name,
            "kind": self.kind,
            "text": self.text,
            "steps": [s.to_json() for s in self.steps],
        }

    @classmethod
    def _read(cls, r: _Reader) -> Variant:
        return cls(
            name=r.str_("name"),
            kind=r.str_("kind"),
            text=r.str_("text", ""),
            steps=r.objects("steps", Step._read),
        )


@dataclass(slots=True)
class Pairing:
    """Something to serve alongside: ``kind`` is "side" or "drink"."""

    name: str
    kind: str
    text: str

    def to_json(self) -> JSON:
        return {"name": self.name, "kind": self.kind, "text": self.text}

    @classmethod
    def _read(cls, r: _Reader) -> Pairing:
        return cls(name=r.str_("name"), kind=r.str_("kind"), text=r.str_("text", ""))


@dataclass(slots=True)
class Doneness:
    """A target internal temperature for a food."""

    food: str | None
    fahrenheit: float
    celsius: float
    text: str

    def to_json(self) -> JSON:
        return {
            "food": self.food,
            "fahrenheit": number(self.fahrenheit),
            "celsius": number(self.celsius),
            "text": self.text,
        }

    @classmethod
    def _read(cls, r: _Reader) -> Doneness:
        return cls(
            food=r.opt_str("food"),
            fahrenheit=r.num("fahrenheit", _FAHRENHEIT),
            celsius=r.num("celsius", _CELSIUS),
            text=r.str_("text", ""),
        )


@dataclass(slots=True)
class Storage:
    """How long the dish keeps, and where."""

    where: str
    max_days: float | None
    text: str

    def to_json(self) -> JSON:
        return {"where": self.where, "max_days": number(self.max_days), "text": self.text}

    @classmethod
    def _read(cls, r: _Reader) -> Storage:
        return cls(
            where=r.str_("where"), max_days=r.opt_num("max_days", _DAYS), text=r.str_("text", "")
        )


@dataclass(slots=True)
class MakeAhead:
    """What can be done ahead, how many days ahead, and how to finish it (``steps``)."""

    text: str
    lead_days: float | None
    steps: list[Step] = field(default_factory=list)

    def to_json(self) -> JSON:
        return {
            "text": self.text,
            "lead_days": number(self.lead_days),
            "steps": [s.to_json() for s in self.steps],
        }

    @classmethod
    def _read(cls, r: _Reader) -> MakeAhead:
        return cls(
            text=r.str_("text", ""),
            lead_days=r.opt_num("lead_days", _DAYS),
            steps=r.objects("steps", Step._read),
        )


@dataclass(slots=True)
class Source:
    """Where a recipe was read from."""

    format: str | None = None
    location: str | None = None
    url: str | None = None

    def to_json(self) -> JSON:
        return {"format": self.format, "location": self.location, "url": self.url}

    @classmethod
    def _read(cls, r: _Reader) -> Source:
        return cls(format=r.opt_str("format"), location=r.opt_str("location"), url=r.opt_str("url"))


@dataclass(slots=True)
class Recipe:
    """A recipe: the card (ingredients, steps, notes) and what the article around it says."""

    title: str
    description: str | None = None
    yield_: Yield = field(default_factory=Yield)
    times: Times = field(default_factory=Times)
    ingredients: list[Ingredient] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)
    pairings: list[Pairing] = field(default_factory=list)
    doneness: list[Doneness] = field(default_factory=list)
    storage: list[Storage] = field(default_factory=list)
    make_ahead: list[MakeAhead] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    source: Source = field(default_factory=Source)

    def to_json(self) -> JSON:
        return {
            "ladle": FORMAT_VERSION,
            "title": self.title,
            "description": self.description,
            "yield": self.yield_.to_json(),
            "times": self.times.to_json(),
            "ingredients": [i.to_json() for i in self.ingredients],
            "steps": [s.to_json() for s in self.steps],
            "notes": list(self.notes),
            "variants": [v.to_json() for v in self.variants],
            "pairings": [p.to_json() for p in self.pairings],
            "doneness": [d.to_json() for d in self.doneness],
            "storage": [s.to_json() for s in self.storage],
            "make_ahead": [m.to_json() for m in self.make_ahead],
            "tags": list(self.tags),
            "metadata": dict(self.metadata),
            "source": self.source.to_json(),
        }

    @classmethod
    def from_json(cls, data: object, where: str = "document") -> Recipe:
        """Read one recipe document, naming the field of anything wrong."""
        r = _Reader(data, where, "")
        version = r.get("ladle")
        if version != FORMAT_VERSION:
            raise FormatError(
                f'not a ladle recipe of version {FORMAT_VERSION} ("ladle" is {version!r})',
                where=where,
                hint='a ladle document starts with "ladle": 1',
            )
        recipe = r.take(cls._fields)
        _check_uses(recipe, where)
        return recipe

    @classmethod
    def _fields(cls, r: _Reader) -> Recipe:
        return cls(
            title=r.str_("title"),
            description=r.opt_str("description"),
            yield_=r.object("yield", Yield._read),
            times=r.object("times", Times._read),
            ingredients=r.objects("ingredients", Ingredient._read),
            steps=r.objects("steps", Step._read),
            notes=r.str_list("notes"),
            variants=r.objects("variants", Variant._read),
            pairings=r.objects("pairings", Pairing._read),
            doneness=r.objects("doneness", Doneness._read),
            storage=r.objects("storage", Storage._read),
            make_ahead=r.objects("make_ahead", MakeAhead._read),
            tags=r.str_list("tags"),
            metadata=r.str_map("metadata"),
            source=r.object("source", Source._read),
        )


def _check_uses(recipe: Recipe, where: str) -> None:
    count = len(recipe.ingredients)
    for i, step in enumerate(recipe.steps):
        for index in step.uses:
            if not 0 <= index < count:
                raise FormatError(
                    f"steps[{i}].uses names ingredient {index}, but there are {count}",
                    where=where,
                    hint="uses counts ingredients from 0",
                )
