"""A plan as an SVG Gantt chart, an iCalendar file and a plain-text timeline."""

from __future__ import annotations

import re
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


LONG = {
    "pork/1": "Add 1 cup of flour to the pork and rub it in well, pressing so that it sticks "
    "on every side.",
    "pork/3": "Roast at 350°F for 2 hours. Baste every 30 minutes.",
    "carrots/2": "Roast at 425°F until tender and browned at the edges, 25 to 30 minutes. Toss "
    "once halfway through so they colour evenly on all sides, then season with flaky salt and "
    "a squeeze of lemon juice before serving.",
    "sauce/1": "Simmer the sauce, stirring now and then, until it coats the back of a spoon.",
}


def long_worded_plan() -> Plan:
    plan = worded_plan()
    for task in plan.tasks:
        task.text = LONG.get(task.id, task.text)
    return plan


def words(element: ET.Element) -> str:
    return "".join(element.itertext())


def test_no_label_is_cut_short() -> None:
    """Each bar shows its whole text, beside the bar if need be, or a number (with whole
    words: the first sentence, the temperature) keyed to the list of steps, which has the
    whole text; nowhere is a text cut mid-word ("Add 1.", "Roast at 42…")."""
    for plan in (worded_plan(), long_worded_plan()):
        root = parse(gantt_svg(plan))
        full = {t.id: " ".join(t.text.split()) for t in plan.tasks}
        notes = {g.get("data-key"): g for g in groups(root, "note")}
        note_texts = {g.get("data-task"): words(g) for g in notes.values()}
        shown = [words(t) for t in root.iter(f"{SVG}text")]  # not the <title> tooltips
        assert not any("…" in text for text in shown)
        for bar in groups(root, "task"):
            ident = bar.get("data-task") or ""
            task_text = full[ident]
            for label in bar.iter(f"{SVG}text"):
                text = words(label)
                key, _, rest = text.partition(" · ")
                if key.isdigit():  # a number for the list of steps: the whole text is there
                    note = notes[key]
                    assert note.get("data-task") == ident
                    assert task_text in words(note)
                    sentence = re.sub(r"^\d+°F( · |$)", "", rest)  # whole sentences, if any
                    assert not sentence or task_text.startswith(sentence)
                    assert not sentence or sentence[-1] in ".!?"
                elif text.startswith("→ "):  # an oven heating up
                    assert re.fullmatch(r"→ \d+°F", text)
                else:
                    assert re.sub(r"^\d+°F · ", "", text) == task_text
        for text in shown:  # a fragment of a task's text only where the whole is there too
            for ident, task_text in full.items():
                fragment = text.split(" · ")[-1]
                if fragment and fragment != task_text and task_text.startswith(fragment):
                    assert any(task_text in other for other in shown), (ident, text)
        for owner, note_text in note_texts.items():
            assert full[owner or ""] in note_text
    root = parse(gantt_svg(long_worded_plan()))
    texts = [words(t) for t in root.iter(f"{SVG}text")]
    for task_text in LONG.values():  # every long text is readable in the chart itself
        assert any(task_text in text for text in texts)
    carrots = next(g for g in groups(root, "note") if g.get("data-task") == "carrots/2")
    assert len(list(carrots.iter(f"{SVG}tspan"))) > 1  # wrapped at spaces, not cut


def test_a_label_with_no_room_in_its_bar_goes_beside_it() -> None:
    plan = worded_plan()
    root = parse(gantt_svg(plan))
    bars = {
        g.get("data-task"): g for g in groups(root, "task") if "marker" not in g.get("class", "")
    }
    brush = bars["pork/4"]  # five minutes: too short a bar for its words
    rect, text = brush.find(f"{SVG}rect"), brush.find(f"{SVG}text")
    assert rect is not None and text is not None
    assert words(text) == "Brush with the glaze."
    x, left = float(text.get("x") or 0), float(rect.get("x") or 0)
    right = left + float(rect.get("width") or 0)
    assert x >= right or (x <= left and text.get("text-anchor") == "end")
    assert text.get("fill") == "#222222"  # dark ink on the white lane, not white


def test_the_svg_is_deterministic() -> None:
    assert gantt_svg(long_worded_plan()) == gantt_svg(long_worded_plan())
    ics = to_ics(long_worded_plan(), name="Dinner", stamp=STAMP)
    assert ics == to_ics(long_worded_plan(), name="Dinner", stamp=STAMP)


def test_no_plan_draws_its_explanation() -> None:
    plan = Plan(serve_at=SERVE, start_at=None, status="infeasible", explanation=["Too <hot>."])
    root = parse(gantt_svg(plan))
    assert "Too <hot>." in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


# --- iCalendar ---------------------------------------------------------------------------------


def events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return [e for e in calendar.walk("VEVENT") if isinstance(e, icalendar.Event)]


def related(alarm: icalendar.Alarm) -> str:
    return str(alarm["TRIGGER"].params.get("RELATED", "START"))


def fires_at(event: icalendar.Event, alarm: icalendar.Alarm) -> datetime:
    """When an alarm goes off: its trigger from the start or the end of its event."""
    delta = alarm.decoded("TRIGGER")
    if isinstance(delta, datetime):
        return delta
    moment = event.decoded("DTEND" if related(alarm) == "END" else "DTSTART")
    assert isinstance(moment, datetime) and isinstance(delta, timedelta)
    return moment + delta


def alarms_of(event: icalendar.Event, when: str) -> list[icalendar.Alarm]:
    found = [a for a in event.walk("VALARM") if isinstance(a, icalendar.Alarm)]
    return [a for a in found if related(a) == when]


def test_the_calendar_has_an_event_per_task_and_alarms_for_hands_on_work() -> None:
    plan = worded_plan()
    data = to_ics(plan, name="Thanksgiving", stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Thanksgiving"
    found = events(data)
    assert len(found) == len(plan.tasks)
    starts = [a for e in found for a in alarms_of(e, "START")]
    assert len(starts) == hands_on(plan) == 12  # all but the resting pork
    alarms = [a for e in found for a in e.walk("VALARM")]
    assert len(alarms) == 12 + 6  # and one as each of the six waiting steps ends
    assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)
    assert all(a.decoded("TRIGGER") == timedelta(0) for a in alarms)
    rest = next(e for e in found if str(e["SUMMARY"]) == "Pork: Rest the pork")
    assert not alarms_of(rest, "START")
    coat = next(e for e in found if str(e["SUMMARY"]).startswith("Pork: Coat"))
    assert coat.decoded("DTSTART") == at(THU, "18:00") - timedelta(days=1)  # floating: naive
    assert coat.decoded("DTEND") == at(THU, "18:15") - timedelta(days=1)
    assert str(coat["DESCRIPTION"]).startswith("Coat the pork with the rub.")
    assert len({str(e["UID"]) for e in found}) == len(found)


def test_an_alarm_as_a_waiting_step_ends_says_what_to_do() -> None:
    plan = worded_plan()
    found = {str(e["UID"]): e for e in events(to_ics(plan, stamp=STAMP))}
    by_id = {t.id: t for t in plan.tasks}
    ends: dict[str, str] = {}
    for task in plan.tasks:
        event = next(e for e in found.values() if e.decoded("DTSTART") == task.start
                     and str(e["DESCRIPTION"]).startswith(" ".join(task.text.split())))  # fmt: skip
        for alarm in alarms_of(event, "END"):
            assert fires_at(event, alarm) == task.end
            ends[task.id] = str(alarm["DESCRIPTION"])
    roast = by_id["pork/3"]  # in the oven 15:30 to 17:30
    assert roast.end == at(THU, "17:30")
    assert ends == {
        "pork/2": "Take the pork out of the refrigerator. Next: Roast at 350°F for 2 hours.",
        "pork/3": "Take the pork out of the oven. Next: Rest the pork.",
        "pork/5": "Pork is done: Slice the pork.",
        "carrots/2": "Take the carrots out of the oven.",
        "potatoes/1": "Take the potatoes off the heat.",
        "rolls/oven": "Take the rolls out of the oven.",
    }  # no alarm as hands-on work, a preheat or a temperature change ends


def test_the_end_alarm_names_the_recipe_the_appliance_and_the_oven() -> None:
    from ladle.planning.export import by_recipe

    plan = worded_plan()
    tasks = {t.id: t for t in plan.tasks}
    tasks["rolls/oven"].uses = [PlanUse("cook-1"), PlanUse("air fryer")]
    tasks["carrots/2"].uses = [PlanUse("cook-1"), PlanUse("oven-2", 425)]
    tasks["pork/3"].dish = tasks["pork/3"].recipe = "Roast Chicken"
    said = {}
    for event in events(to_ics(by_recipe(plan), stamp=STAMP)):
        for alarm in alarms_of(event, "END"):
            said[str(event["SUMMARY"])] = str(alarm["DESCRIPTION"])
            if str(event["SUMMARY"]).startswith("Roast Chicken: Roast"):
                assert fires_at(event, alarm) == at(THU, "17:30")
    roast = "Take the Roast Chicken out of oven 1."  # the only step of its recipe
    assert said["Roast Chicken: Roast at 350°F for 2 hours"] == roast
    assert said["Carrots: Roast at 425°F"] == "Take the Carrots out of oven 2."
    assert said["Rolls: Warm the rolls in the oven"] == "Take the Rolls out of the air fryer."


def test_the_end_alarm_keeps_the_zone() -> None:
    zone = ZoneInfo("Europe/Paris")
    start = datetime(2026, 11, 26, 17, 0, tzinfo=zone)
    task = PlanTask(
        "pie/1", "Pie", 1, "Bake.", start, start + timedelta(minutes=45), "passive",
        [PlanUse("cook-1"), PlanUse("oven-1", 375)], dish="pie",
    )  # fmt: skip
    plan = Plan(serve_at=start + timedelta(hours=1), start_at=start, status="optimal")
    plan.tasks = [task]
    (event,) = events(to_ics(plan, stamp=STAMP))
    (alarm,) = alarms_of(event, "END")
    assert fires_at(event, alarm) == datetime(2026, 11, 26, 17, 45, tzinfo=zone)
    assert str(alarm["DESCRIPTION"]) == "Take the pie out of the oven."


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
