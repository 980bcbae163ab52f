"""``ladle nutrition import PATH`` and ``ladle nutrition match NAME FOOD``: the food table.

Called by ``ladle.nutrition_cli``, which prints a refusal (any ``LadleError``) as one line
and exits 1. They only translate: the release is read whole first (``ladle.foods.usda``), and
only then is the library opened and the table replaced, in one transaction
(``Library.import_foods``), so a release that cannot be read never touches the library.
SQLAlchemy, Rich and the readers load inside the commands: ``ladle --help`` starts quickly.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ladle.errors import FoodDataError

__all__ = ["FORGET", "choose_food", "import_release"]

FORGET = "-"
"""The FOOD of ``ladle nutrition match NAME -``: forget the food chosen for NAME."""


def import_release(path: Path) -> None:
    """Load a USDA release (SR28 ASCII zip, FoodData Central CSV) into the library, replacing
    the food table it held; prints ``imported N foods (RELEASE) into LIBRARY``, and a note for
    each override whose food the new table lacks."""
    from ladle.foods.usda import read_release
    from ladle.progress import progress_bar
    from ladle.store import open_library

    with progress_bar(f"reading {path.name}") as update:
        release = read_release(path, update)
    with open_library() as library, progress_bar(f"storing {release.name}") as update:
        count = library.import_foods(release, update, source=str(path.resolve()))
        lost = library.lost_food_overrides()
        where = library.location
    for name, food_id in lost.items():
        sys.stderr.write(
            f"note: {name}: the food chosen for it ({food_id}) is not in {release.name}"
            f" (`ladle nutrition match {_quoted(name)} FOOD` chooses another,"
            f" `ladle nutrition match {_quoted(name)} -` forgets it)\n"
        )
    sys.stderr.write(
        f"imported {count} food{'' if count == 1 else 's'} ({release.name}) into {where}\n"
    )


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


def choose_food(name: str, food_id: str) -> None:
    """Remember that ingredients called NAME are the food FOOD_ID (``-`` forgets the choice);
    prints what NAME is now."""
    if not name.strip():
        raise FoodDataError("an empty ingredient name", hint="name the ingredient to match")
    from ladle.store import open_library

    with open_library() as library:
        if food_id == FORGET:
            library.set_food_override(name, None)
            sys.stdout.write(f"{' '.join(name.split())}: matched automatically again\n")
            return
        library.set_food_override(name, food_id)
        food = library.food_table().food(food_id)
    sys.stdout.write(f"{' '.join(name.split())}: {food.id} {food.description}\n")
