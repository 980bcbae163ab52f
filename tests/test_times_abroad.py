"""Times in the other languages ladle reads (issue 11, seventh round): how long food keeps and
how far ahead it may be made are not a step's time; overnight, a quarter hour and about ten
minutes said as cooks say them. Each case is a sentence written for ladle."""

from __future__ import annotations

import pytest

from ladle.model import Ingredient
from ladle.steps import understand_steps


def _times(text: str) -> tuple[tuple[float, float | None] | None, list[str]]:
    step = understand_steps([(text, None)], list[Ingredient]())[0]
    own = None if step.time is None else (step.time.min_minutes, step.time.max_minutes)
    return own, [d.role for d in step.durations]


_KEEPS = [
    "Le gâteau se conserve 3 jours au réfrigérateur.",
    "Se conserva en la nevera hasta 3 días.",
    "Si conserva in frigo per 3 giorni.",
    "Im Kühlschrank 3 Tage haltbar.",
    "Hält sich im Kühlschrank 3 Tage.",
    "Houdbaar in de koelkast tot 3 dagen.",
    "Conserve na geladeira por até 3 dias.",
    "Håller sig i kylen i 3 dagar.",
]
_AHEAD = [
    "Kan laves dagen før.",
    "Peut se préparer la veille.",
    "Lässt sich gut einen Tag vorher zubereiten.",
    "Se puede preparar con un día de antelación.",
    "Si può preparare il giorno prima.",
    "Pode ser feito com um dia de antecedência.",
    "Kan een dag van tevoren gemaakt worden.",
]


@pytest.mark.parametrize(
    ("text", "role"),
    [*((t, "storage") for t in _KEEPS), *((t, "make_ahead") for t in _AHEAD)],
)
def test_keeping_and_making_ahead_are_no_step_time_in_any_language(text: str, role: str) -> None:
    """How long food keeps is storage, how far ahead it may be made is make-ahead."""
    own, roles = _times(text)
    assert own is None
    assert roles == [role]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Guarda en el congelador 20 minutos.", (20, 20)),
        ("Bewaar de saus 10 minuten op het vuur.", (10, 10)),
        ("Über Nacht im Kühlschrank ziehen lassen.", (480, 720)),
        ("Dejar reposar toda la noche.", (480, 720)),
        ("Lasciate riposare in frigo per una notte.", (480, 720)),
        ("Laissez-les une nuit au frais.", (480, 720)),
        ("Lad det trække natten over.", (480, 720)),
        ("Laissez mariner au moins 2 heures, idéalement toute une nuit.", (120, 720)),
        ("Cocer 10 o 15 minutos.", (10, 15)),
        ("Cuocete per una decina di minuti.", (10, 10)),
        ("Laissez cuire un quart d'heure.", (15, 15)),
        ("Eine Viertelstunde ziehen lassen.", (15, 15)),
        ("Lad det simre i ½ time.", (30, 30)),
        ("Einen Tag im Kühlschrank ziehen lassen.", (1440, 1440)),
    ],
)
def test_short_waits_and_nights_said_as_cooks_say_them(
    text: str, minutes: tuple[float, float]
) -> None:
    assert _times(text)[0] == minutes


@pytest.mark.parametrize(
    "text",
    [
        "Faites cuire 3 minutes de chaque côté.",
        "3 Minuten pro Seite braten.",
        "Cocina 3 minutos por cada lado.",
        "Cuocete 3 minuti per lato.",
        "Bak 3 minuten per kant.",
        "Stek 3 minuter per sida.",
        "Steg 3 minutter på hver side.",
    ],
)
def test_a_time_per_side_is_two_sides_in_any_language(text: str) -> None:
    assert _times(text)[0] == (6, 6)


@pytest.mark.parametrize(
    "text",
    [
        "Pendant que la viande cuit 2 heures, préparez la sauce.",
        "Während das Fleisch 2 Stunden schmort, die Sauce zubereiten.",
        "Mientras la carne se cocina 2 horas, prepara la salsa.",
        "Terwijl het vlees 2 uur stooft, maak je de saus.",
    ],
)
def test_a_time_in_a_while_clause_abroad_belongs_to_another_step(text: str) -> None:
    own, roles = _times(text)
    assert own is None
    assert roles == ["scene"]


def test_meanwhile_abroad_keeps_the_steps_own_time() -> None:
    assert _times("Pendant ce temps, faites cuire les pâtes 10 minutes.")[0] == (10, 10)
