"""Keeping a hot dish warm in the appliance it cooked in: a slow cooker's keep-warm setting, a
sous-vide bath (``ladle.planning.hold``).

The recipes are in ``tests/cases/meals/`` (written for ladle, in its own words).
"""

from __future__ import annotations

from datetime import timedelta

from ladle.plan_model import Plan
from ladle.planning.check import check_plan
from ladle.planning.hold import KEEP_WARM
from ladle.planning.planner import plan
from ladle.planning.tasks import build_problem

from .test_plan_meals import NOW, SERVE, recipe


def _kept(result: Plan, title: str) -> list[str]:
    return [t.text for t in result.tasks if t.kind == "hold" and t.recipe == title]


def _held_in(result: Plan, appliance: str) -> None:
    """One dish kept warm in ``appliance`` from the end of its cooking until serving."""
    assert result.status in ("optimal", "feasible")
    (hold,) = [t for t in result.tasks if t.kind == "hold"]
    assert [u.resource for u in hold.uses] == [appliance]  # no cook: the appliance does it
    cooked = max(
        t.end
        for t in result.tasks
        if t.recipe == hold.recipe
        and t.kind == "step"
        and appliance in {u.resource for u in t.uses}
    )
    assert hold.start == cooked  # switched to keeping warm as the cooking ends
    assert hold.end >= SERVE - timedelta(minutes=20)
    assert hold.end - hold.start <= timedelta(minutes=KEEP_WARM[appliance])
    assert sum(d.kept_warm for d in result.dishes) == 1


def test_a_slow_cooker_keeps_the_stew_warm_while_the_polenta_needs_the_cook() -> None:
    # the polenta is stirred for the last hour before serving; the stew's last cooking needs
    # the cook's hands to start, so it ends long before the table and keeps warm in its pot
    stew, polenta = recipe("slow-cooker-stew"), recipe("soft-polenta")
    result = plan([stew, polenta], SERVE, now=NOW)
    _held_in(result, "slow cooker")
    assert _kept(result, stew.title) == [
        f"Keep the {stew.title} warm in the slow cooker until serving."
    ]
    assert f"{stew.title}: kept warm in the slow cooker until it is served" in result.deviations
    dishes = {d.recipe: d for d in result.dishes}
    assert dishes[stew.title].kept_warm and not dishes[polenta.title].kept_warm
    assert check_plan(build_problem([stew, polenta], SERVE, earliest=NOW), result) == []


def test_a_sous_vide_bath_holds_the_salmon_at_its_temperature_until_serving() -> None:
    salmon, polenta = recipe("sous-vide-salmon"), recipe("soft-polenta")
    result = plan([salmon, polenta], SERVE, now=NOW)
    _held_in(result, "sous vide")
    (text,) = _kept(result, salmon.title)
    assert "in the sous-vide bath, at its cooking temperature, until serving" in text
    assert any("kept warm in the sous-vide bath" in d for d in result.deviations)


def test_a_stew_that_can_finish_at_serving_is_not_kept_warm() -> None:
    stew = recipe("slow-cooker-stew")
    problem = build_problem([stew], SERVE)
    offered = [a for a in problem.activities if a.kind == "hold"]
    assert [m.appliance for a in offered for m in a.modes] == ["slow cooker"]  # offered …
    result = plan([stew, recipe("lentil-soup")], SERVE, now=NOW)
    assert result.status == "optimal"
    assert not [t for t in result.tasks if t.kind == "hold"]  # … but not needed
    assert not any("kept warm" in d for d in result.deviations)
    cooked = max(t.end for t in result.tasks if t.recipe == stew.title and t.kind == "step"
                 and any(u.resource == "slow cooker" for u in t.uses))  # fmt: skip
    assert SERVE - cooked <= timedelta(minutes=20)
