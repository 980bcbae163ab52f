"""bench/fourth_pages.py: a page of the fourth source is kept only when its recipe was never
drawn: not the same first step, not the same title, no step already labelled."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import fourth_pages


def _sha(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


def _seen(tmp_path: Path) -> tuple[set[str], set[str], set[str]]:
    old = {"title": "Tomato Soup", "instructions_list": ["  Chop   the onion. ", "Simmer."]}
    (tmp_path / "site__page.json").write_text(json.dumps(old), "utf-8")
    ours = {"title": "Pancakes", "instructions_list": ["Whisk the eggs."]}
    (tmp_path / "recipya-pancakes.json").write_text(json.dumps(ours), "utf-8")
    labels = tmp_path / "steps.jsonl"
    labels.write_text(
        json.dumps({"page": "site__page", "sha": _sha("Bake for 20 minutes.")})
        + "\n"
        + json.dumps({"page": "recipya-pancakes", "sha": _sha("Whisk the eggs.")})
        + "\n",
        "utf-8",
    )
    return fourth_pages.drawn([tmp_path], labels)


def test_what_was_drawn_before_is_known_by_first_step_title_and_labelled_step(
    tmp_path: Path,
) -> None:
    firsts, titles, hashes = _seen(tmp_path)
    # the source's own pages, written and labelled earlier, are not "drawn before"
    assert firsts == {"chop the onion."}
    assert titles == {"tomato soup"}
    assert hashes == {_sha("Bake for 20 minutes.")}


def test_a_recipe_drawn_before_is_not_taken_again(tmp_path: Path) -> None:
    seen = _seen(tmp_path)

    def page(title: str, *steps: str) -> dict[str, object]:
        return {"title": title, "instructions_list": list(steps)}

    assert fourth_pages.is_new(page("Pancakes", "Whisk the eggs.", "Fry."), seen)
    assert not fourth_pages.is_new(page("Soup", "Chop  the onion.", "Boil."), seen)
    assert not fourth_pages.is_new(page("tomato soup", "Dice the onion."), seen)
    assert not fourth_pages.is_new(page("Bread", "Knead.", "Bake for  20 minutes."), seen)
