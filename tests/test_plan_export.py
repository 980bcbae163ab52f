"""A plan as an SVG Gantt chart, an iCalendar file and a plain-text timeline."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar

from ladle.plan_model import Plan, PlanTask, PlanUse
from ladle.planning.export import gantt_svg, plan_text, to_ics

from .test_plan_check import SERVE, THU, at, dinner, good_plan

SVG = "{http://www.w3.org/2000/svg}"
STAMP = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def worded_plan() -> Plan:
    """The checker's sound dinner, with the recipes' words in it."""
    plan = good_plan()
    texts = {a.id: a.text for a in dinner().activities}
    for task in plan.tasks:
        task.text = texts.get(task.id, task.text)
    heat = {t.id: t for t in plan.tasks}
    heat["oven-1/preheat-1"].text = "Preheat the oven to 350°F"
    heat["oven-1/oven-change-2"].text = "Turn the oven up to 425°F"
    return plan


def hands_on(plan: Plan) -> int:
    return sum(
        t.attention == "active"
        or t.kind in {"preheat", "oven-change"}
        or any(u.resource.startswith("cook-") for u in t.uses)
        for t in plan.tasks
    )


# --- plain text --------------------------------------------------------------------------------


def test_plan_text_is_a_timeline_in_sessions() -> None:
    assert plan_text(worded_plan()) == (
        "Serve at 19:00 on Thursday 26 November 2026.\n"
        "Hands-on 50 minutes in 3 sessions, starting Wednesday 25 November at 18:00.\n"
        "\n"
        "Wednesday evening 18:00–18:15\n"
        "  18:00–18:15      Pork: Coat the pork with the rub. [hands-on]\n"
        "  18:15–Thu 15:30  Pork: Marinate in the fridge. [put it in, then wait, refrigerator]\n"
        "\n"
        "Thursday 15:08–15:30\n"
        "  15:08–15:30      Preheat the oven to 350°F [oven-1 at 350°F]\n"
        "  15:30–17:30      Pork: Roast at 350°F for 2 hours. "
        "[put it in, then wait, oven-1 at 350°F]\n"
        "\n"
        "Final stretch 17:15–19:00\n"
        "  17:15–17:20      Pork: Brush with the glaze. [hands-on]\n"
        "  17:30–17:36      Turn the oven up to 425°F [oven-1 at 425°F]\n"
        "  17:30–18:45      Pork: Rest the pork. [waiting]\n"
        "  17:45–17:55      Carrots: Peel the carrots. [hands-on]\n"
        "  18:00–18:10      Sauce: Simmer the sauce. [hands-on, burner]\n"
        "  18:15–18:45      Carrots: Roast at 425°F. [put it in, then wait, oven-1 at 425°F]\n"
        "  18:20–18:40      Potatoes: Boil the potatoes. [put it in, then wait, burner]\n"
        "  18:30–18:40      Rolls: Warm the rolls in the oven. "
        "[put it in, then wait, oven-1 at 425°F]\n"
        "  18:45–18:55      Pork: Slice the pork. [hands-on]\n"
        "  19:00            Serve.\n"
    )


def test_plan_text_names_cooks_and_changes_when_there_are_several() -> None:
    plan = worded_plan()
    plan.tasks[-1].uses = [PlanUse("cook-2")]
    plan.deviations = ["rolls: in the oven at 425°F"]
    text = plan_text(plan)
    assert "Pork: Slice the pork. [hands-on, cook 2]" in text
    assert "Pork: Coat the pork with the rub. [hands-on, cook 1]" in text
    assert text.endswith("\nChanges from the recipes:\n- rolls: in the oven at 425°F\n")


def test_plan_text_of_no_plan_says_why() -> None:
    plan = Plan(
        serve_at=SERVE,
        start_at=None,
        status="infeasible",
        explanation=["One oven cannot hold 450°F and 425°F at once."],
    )
    assert plan_text(plan) == (
        "Serve at 19:00 on Thursday 26 November 2026.\n"
        "There is no timeline that works.\n"
        "- One oven cannot hold 450°F and 425°F at once.\n"
    )


# --- SVG ---------------------------------------------------------------------------------------


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def groups(root: ET.Element, kind: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if kind in (g.get("class") or "").split()]


def test_the_gantt_chart_has_a_lane_per_resource_and_a_bar_per_task() -> None:
    plan = worded_plan()
    root = parse(gantt_svg(plan))
    lanes = [g.get("data-lane") for g in groups(root, "lane")]
    assert lanes == ["cook-1", "oven-1", "burner", "refrigerator", "waiting"]
    labels = ["".join(t.itertext()) for g in groups(root, "lane") for t in g.iter(f"{SVG}text")]
    assert labels == ["Cook", "Oven", "Burners", "Refrigerator", "Waiting"]
    bars = groups(root, "task")
    assert {b.get("data-task") for b in bars} == {t.id for t in plan.tasks}
    for bar in bars:  # each bar says what it is on hover
        title = bar.find(f"{SVG}title")
        assert title is not None and title.text
    heating = groups(root, "heating")
    assert {b.get("data-task") for b in heating} == {"oven-1/preheat-1", "oven-1/oven-change-2"}
    fills = [rect.get("fill") for b in heating for rect in b.iter(f"{SVG}rect")]
    assert fills == ["url(#ladle-hatch)"] * 2
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert any(t.startswith("350°F · Roast") for t in texts)  # oven bars say the temperature
    assert "Serve 19:00" in texts
    for name in ("pork", "carrots", "sauce", "potatoes", "rolls", "hands-on", "oven heating"):
        assert name in texts  # the legend


def test_active_bars_are_darker_than_waiting_ones_of_the_same_dish() -> None:
    root = parse(gantt_svg(worded_plan()))
    fills = {}
    for bar in groups(root, "task"):
        rect = bar.find(f"{SVG}rect")
        assert rect is not None
        if "marker" not in (bar.get("class") or ""):
            fills[bar.get("data-task")] = rect.get("fill") or ""
    coat, roast = fills["pork/1"], fills["pork/3"]

    def lightness(colour: str) -> int:
        return sum(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    assert lightness(coat) < lightness(roast)


def test_a_night_of_marinating_is_cut_out_of_the_axis() -> None:
    plan = worded_plan()
    root = parse(gantt_svg(plan))
    breaks = groups(root, "break")
    assert len(breaks) == 1
    assert "".join(breaks[0].itertext()) == "20 h"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Wednesday" in texts and "Thursday" in texts  # the plan spans two days
    width = float(root.get("width") or 0)
    assert width < 1400  # 25 hours drawn in a readable width


def test_one_evening_has_a_plain_axis() -> None:
    plan = worded_plan()
    plan.tasks = [t for t in plan.tasks if t.start.date() == THU.date()]
    root = parse(gantt_svg(plan))
    assert not groups(root, "break")
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Thursday" not in texts
    assert {"16:00", "17:00", "18:00", "19:00"} <= set(texts)


def test_the_gantt_chart_escapes_text_and_needs_nothing_from_outside() -> None:
    plan = worded_plan()
    plan.tasks[0].text = 'Mix <b>salt</b> & "pepper"'
    plan.tasks[1].text = "Chill\x00 \x1b[1mwell\ud800"  # what XML cannot hold is left out
    plan.tasks[1].id = "pork/2\x0c"
    plan.tasks[0].dish = "Tom & Jerry's <pie>"
    svg = gantt_svg(plan)
    root = parse(svg)
    titles = ["".join(t.itertext()) for t in root.iter(f"{SVG}title")]
    assert any('Mix <b>salt</b> & "pepper"' in t for t in titles)
    assert any("Chill [1mwell" in t for t in titles)
    assert "Tom & Jerry's <pie>" in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert "<script" not in svg and "href" not in svg


def test_no_plan_draws_its_explanation() -> None:
    plan = Plan(serve_at=SERVE, start_at=None, status="infeasible", explanation=["Too <hot>."])
    root = parse(gantt_svg(plan))
    assert "Too <hot>." in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


# --- iCalendar ---------------------------------------------------------------------------------


def events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return [e for e in calendar.walk("VEVENT") if isinstance(e, icalendar.Event)]


def test_the_calendar_has_an_event_per_task_and_alarms_for_hands_on_work() -> None:
    plan = worded_plan()
    data = to_ics(plan, name="Thanksgiving", stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Thanksgiving"
    found = events(data)
    assert len(found) == len(plan.tasks)
    alarms = [a for e in found for a in e.walk("VALARM")]
    assert len(alarms) == hands_on(plan) == 12  # all but the resting pork
    assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)
    assert all(a.decoded("TRIGGER") == timedelta(0) for a in alarms)
    rest = next(e for e in found if str(e["SUMMARY"]) == "Pork: Rest the pork")
    assert not rest.walk("VALARM")
    coat = next(e for e in found if str(e["SUMMARY"]).startswith("Pork: Coat"))
    assert coat.decoded("DTSTART") == at(THU, "18:00") - timedelta(days=1)  # floating: naive
    assert coat.decoded("DTEND") == at(THU, "18:15") - timedelta(days=1)
    assert str(coat["DESCRIPTION"]).startswith("Coat the pork with the rub.")
    assert len({str(e["UID"]) for e in found}) == len(found)


def test_uids_are_stable_and_the_file_is_deterministic() -> None:
    plan = worded_plan()
    first, second = to_ics(plan, stamp=STAMP), to_ics(worded_plan(), stamp=STAMP)
    assert first == second
    moved = worded_plan()
    moved.serve_at += timedelta(days=7)
    uids = {str(e["UID"]) for e in events(first)}
    assert uids.isdisjoint(str(e["UID"]) for e in events(to_ics(moved, stamp=STAMP)))
    assert b"\r\n" in first and first.startswith(b"BEGIN:VCALENDAR")


def test_times_keep_their_zone() -> None:
    zone = ZoneInfo("America/New_York")
    start = datetime(2026, 11, 26, 18, 0, tzinfo=zone)
    task = PlanTask("pie/1", "Pie", 1, "Bake.", start, start + timedelta(minutes=45), "passive")
    plan = Plan(serve_at=start + timedelta(hours=1), start_at=start, status="optimal")
    plan.tasks = [task]
    data = to_ics(plan, stamp=STAMP)
    (event,) = events(data)
    assert event.decoded("DTSTART") == start
    assert b"TZID=America/New_York" in data and b"BEGIN:VTIMEZONE" in data
    fixed = timezone(timedelta(hours=-5))
    task.start, task.end = start.replace(tzinfo=fixed), task.end.replace(tzinfo=fixed)
    (event,) = events(to_ics(plan, stamp=STAMP))
    assert event.decoded("DTSTART") == datetime(2026, 11, 26, 23, 0, tzinfo=UTC)


def test_an_empty_plan_is_an_empty_calendar() -> None:
    plan = Plan(serve_at=SERVE, start_at=None, status="infeasible")
    assert events(to_ics(plan, stamp=STAMP)) == []


def test_a_meal_of_several_recipes_is_labelled_by_recipe() -> None:
    from ladle.planning.export import by_recipe

    plan = worded_plan()
    recipes = {t.recipe for t in plan.tasks if t.recipe}
    assert len(recipes) > 1
    labelled = by_recipe(plan)
    assert {t.dish for t in labelled.tasks if t.recipe} == recipes
    assert "pork" not in {t.dish for t in labelled.tasks}
    one = replace(plan, tasks=[t for t in plan.tasks if t.recipe in ("", min(recipes))])
    assert by_recipe(one) is one
