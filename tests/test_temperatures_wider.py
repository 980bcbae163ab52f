"""Temperatures read more widely (issue 11, third round): a fan oven named in other languages
and before its figure, one setting written two ways with "ca." or a stray asterisk between,
degrees that turn a pan or say a difference, a deep-fry's oil, an air fryer named elsewhere in
the step, a room's warmth. Each case is a sentence written for ladle in the shape met on
development pages."""

from __future__ import annotations

import pytest

from ladle.temperatures import find_temperatures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (°F, kind) of each temperature found
        ("Preheat your oven to 350 degrees Fahrenheit (ca. 180 °C).", [(350, "oven")]),
        ("Preheat the oven to the 450 degrees F* (230 C).", [(450, "oven")]),
        (
            "Preheat to 350°F / 180°C / Gas Mark 4 (with a convection oven reduce it by 20°).",
            [(350, "oven")],
        ),
        ("Verwarm de oven voor op 200 ⁰C.", [(392, "oven")]),
        ("Fırını 200 dereceye ayarlayın.", [(392, "oven")]),
        ("Auf der unteren Schiene 30 Minuten (Umluft 180 °C) backen.", [(392, "oven")]),
        ("Préchauffez votre four à 220°C en chaleur tournante !", [(464, "oven")]),
        ("Sätt ugnen på 175° eller 160° varmluft.", [(347, "oven")]),
        ("Bake 45 minutes, rotating the pan 180° halfway through.", []),
        ("Turn the dough 90 degrees and roll it out again.", []),
        ("Add 3 inches of oil to a heavy pan and heat to 375°F.", [(375, "oil")]),
        (
            "Spray the air fryer basket and add the chips. At 200°C, cook for 15 minutes.",
            [(392, "other")],
        ),
        ("Pré aqueça sua fritadeira elétrica a 200º C por 5 minutos.", [(392, "other")]),
        (
            "Leave to proof (do not exceed 75°F). Preheat your oven to 425°F.",
            [(75, "other"), (425, "oven")],
        ),
    ],
)
def test_temperatures_and_their_kinds(text: str, expected: list[tuple[int, str]]) -> None:
    found = [(round(t.fahrenheit), t.kind) for t in find_temperatures(text)]
    assert found == expected
