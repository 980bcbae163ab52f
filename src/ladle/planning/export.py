"""A plan as a picture (SVG Gantt chart), a calendar (iCalendar) and a plain-text timeline.

- :func:`gantt_svg`: one lane per cook and per piece of equipment the plan uses, bars coloured
  by dish (hands-on darker than waiting, preheating hatched), oven bars labelled with their
  temperature, hour ticks, the serving time as a red line; stretches of more than three hours
  with nothing starting or ending (marinating overnight) are cut out of the time axis. A label
  is never cut: it goes in its bar, beside it, or, when neither has room, the bar carries a
  number and the whole text is in the numbered list of steps under the legend.
- :func:`to_ics`: one event per task, an alarm at the start of every hands-on step and every
  preheat or temperature change, and one at the end of every timed waiting step (a roast, a
  simmer, a chill, a rest) saying what the cook does then ("Take the pork out of the oven"),
  worded from the equipment the task holds.
- :func:`plan_text`: the timeline in sessions of hands-on work, for people and golden tests.

All three depend on the plan alone and are deterministic.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr
from zoneinfo import ZoneInfo

import icalendar

from ladle.plan_model import Plan, PlanTask
from ladle.temperatures import oven_setting

__all__ = ["by_recipe", "gantt_svg", "plan_text", "to_ics"]

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
           "#76b7b2", "#9c755f", "#edc948", "#ff9da7", "#bab0ac")  # fmt: skip
OVEN_GREY = "#8c8c8c"
HEATING = frozenset({"preheat", "oven-change", "turn-on"})
BREAK_AFTER = 180  # minutes with nothing starting or ending that the axis leaves out
SESSION_GAP = 30  # minutes without hands-on work that end a session

# --- shared helpers ----------------------------------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for XML: escaped, and without the characters XML 1.0 cannot hold."""
    return _escape(_NOT_XML.sub("", text))


def quoteattr(text: str) -> str:
    return _quoteattr(_NOT_XML.sub("", text))


def _is_cook(resource: str) -> bool:
    return resource.startswith("cook-") and resource[5:].isdigit()


def _hands_on(task: PlanTask) -> bool:
    """The cook is needed at the start: active work, putting food in, turning an oven on."""
    return (
        task.attention == "active"
        or task.kind in HEATING
        or any(_is_cook(u.resource) for u in task.uses)
    )


def _dish(task: PlanTask) -> str:
    if task.kind in HEATING and not task.dish:
        return "oven"
    return task.dish or task.recipe or "other"


def _prefix(task: PlanTask) -> str:
    """ "Pork belly: " before a task's text; nothing before the oven's own tasks."""
    if task.kind in HEATING and not task.dish:
        return ""
    dish = _dish(task)
    return dish[:1].upper() + dish[1:] + ": "


def _clock(moment: datetime, reference: datetime | None = None) -> str:
    if reference is None or moment.date() == reference.date():
        return f"{moment:%H:%M}"
    return f"{DAYS[moment.weekday()][:3]} {moment:%H:%M}"


def _long_date(moment: datetime) -> str:
    return f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def _short(text: str, limit: int) -> str:
    """The first sentence, or the text cut at a word boundary, within ``limit`` characters."""
    text = " ".join(text.split())
    first = text.split(". ")[0].rstrip(".")
    chosen = first if len(first) <= limit else text
    if len(chosen) <= limit:
        return chosen
    cut = chosen[: limit - 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut and chosen[limit - 1] != " " else cut
    return cut.rstrip(" ,;:") + "…"


def _use_words(task: PlanTask, cooks: bool) -> list[str]:
    words = []
    for use in task.uses:
        if _is_cook(use.resource):
            if cooks:
                words.append("cook " + use.resource[5:])
        elif use.fahrenheit is not None:
            words.append(f"{use.resource} at {oven_setting(use.fahrenheit)}")
        else:
            words.append(use.resource)
    return words


def _ordered(plan: Plan) -> list[PlanTask]:
    return sorted(plan.tasks, key=lambda t: (t.start, t.end, t.id))


# --- plain text --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Session:
    start: datetime
    end: datetime
    tasks: list[PlanTask]


def _sessions(plan: Plan) -> list[_Session]:
    tasks = _ordered(plan)
    sessions: list[_Session] = []
    for task in tasks:
        if not _hands_on(task):
            continue
        end = task.end if task.attention == "active" else task.start
        if sessions and task.start - sessions[-1].end < timedelta(minutes=SESSION_GAP):
            sessions[-1].end = max(sessions[-1].end, end)
        else:
            sessions.append(_Session(task.start, end, []))
    if not sessions and tasks:
        sessions.append(_Session(tasks[0].start, tasks[0].start, []))
    starts = [s.start for s in sessions]
    for task in tasks:
        home = sessions[0]
        for session, start in zip(sessions, starts, strict=True):
            if start <= task.start:
                home = session
        home.tasks.append(task)
    return sessions


def _part_of_day(moment: datetime) -> str:
    hour = moment.hour
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 21:
        return "evening"
    return "night"


def _session_title(session: _Session, serve: datetime, final: bool) -> str:
    if final:
        return f"Final stretch {_clock(session.start)}–{_clock(serve)}"
    span = f"{_clock(session.start)}–{_clock(session.end)}"
    day = DAYS[session.start.weekday()]
    if session.start.date() == serve.date():
        return f"{day} {span}"
    return f"{day} {_part_of_day(session.start)} {span}"


def _task_line(task: PlanTask, cooks: bool, width: int) -> str:
    start = _clock(task.start)
    times = start if task.end == task.start else f"{start}–{_clock(task.end, task.start)}"
    if task.attention == "active":
        how = ["hands-on"]
    elif task.kind in HEATING:
        how = []
    elif any(_is_cook(u.resource) for u in task.uses):
        how = ["put it in, then wait"]
    else:
        how = ["waiting"]
    notes = ", ".join(how + _use_words(task, cooks))
    text = " ".join(task.text.split())
    return f"  {times:<{width}}  {_prefix(task)}{text}" + (f" [{notes}]" if notes else "")


def by_recipe(plan: Plan) -> Plan:
    """For a meal of several recipes, each task labelled by its recipe rather than by the food
    its step is about ("Iced Hibiscus Ginger Tea", not "limes")."""
    recipes = {t.recipe for t in plan.tasks if t.kind not in HEATING and t.recipe}
    if len(recipes) < 2:
        return plan
    tasks = [t if not t.recipe else replace(t, dish=t.recipe) for t in plan.tasks]
    return replace(plan, tasks=tasks)


def plan_text(plan: Plan) -> str:
    """The plan as a plain-text timeline in sessions of hands-on work (gaps under 30 minutes
    keep a session together); waiting tasks are listed in the session in which they start."""
    serve = plan.serve_at
    lines = [f"Serve at {serve:%H:%M} on {_long_date(serve)}."]
    if plan.status == "infeasible" or not plan.tasks:
        lines.append("There is no timeline that works.")
        lines += [f"- {line}" for line in plan.explanation]
        return "\n".join(lines) + "\n"
    cooks = len({u.resource for t in plan.tasks for u in t.uses if _is_cook(u.resource)}) > 1
    sessions = _sessions(plan)
    active = sum(t.minutes for t in plan.tasks if t.attention == "active")
    begin = sessions[0].start
    lines.append(
        f"Hands-on {round(active)} minutes in {len(sessions)} "
        f"session{'s' if len(sessions) != 1 else ''}, starting {DAYS[begin.weekday()]} "
        f"{begin.day} {MONTHS[begin.month - 1]} at {begin:%H:%M}."
    )
    if plan.status == "feasible":
        lines.append("(The best plan found in the time allowed; there may be a better one.)")
    width = max(
        len(_clock(t.start)) + (0 if t.end == t.start else 1 + len(_clock(t.end, t.start)))
        for t in plan.tasks
    )
    for i, session in enumerate(sessions):
        final = i == len(sessions) - 1 and serve - session.end < timedelta(minutes=SESSION_GAP)
        lines += ["", _session_title(session, serve, final)]
        lines += [_task_line(t, cooks, width) for t in session.tasks]
        if final:
            lines.append(f"  {_clock(serve):<{width}}  Serve.")
    if plan.deviations:
        lines += ["", "Changes from the recipes:"] + [f"- {d}" for d in plan.deviations]
    return "\n".join(lines) + "\n"


# --- iCalendar ---------------------------------------------------------------------------------


def _ical_time(moment: datetime) -> datetime:
    """Floating local times stay floating; zone times keep their zone; fixed offsets go UTC."""
    if moment.tzinfo is None or isinstance(moment.tzinfo, ZoneInfo):
        return moment
    return moment.astimezone(UTC)


def _uid(task: PlanTask, serve: datetime) -> str:
    digest = hashlib.sha256(f"{task.id}\n{serve.isoformat()}".encode()).hexdigest()[:20]
    return f"{digest}@ladle"


def to_ics(plan: Plan, *, name: str = "ladle plan", stamp: datetime | None = None) -> bytes:
    """The plan as an iCalendar file: one event per task, an alarm at the start of each
    hands-on step and each preheat or temperature change, and an alarm at the end of each
    timed waiting step (``TRIGGER;RELATED=END``) worded as what the cook does then.
    ``stamp`` is the DTSTAMP (now); with it fixed, the same plan gives the same bytes."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//ladle//plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("description", plan_text(plan))
    moment = (stamp or datetime.now(UTC)).astimezone(UTC)
    cooks = len({u.resource for t in plan.tasks for u in t.uses if _is_cook(u.resource)}) > 1
    kinds = {r.id: r.kind for r in plan.resources}
    ordered = _ordered(plan)
    for task in ordered:
        event = icalendar.Event()
        dish = _prefix(task)
        event.add("uid", _uid(task, plan.serve_at))
        event.add("dtstamp", moment)
        event.add("dtstart", _ical_time(task.start))
        event.add("dtend", _ical_time(task.end))
        event.add("summary", dish + _short(task.text, 60))
        details = [" ".join(task.text.split()), ""]
        if task.recipe:
            details.append(task.recipe + (f", step {task.step}" if task.step else ""))
        details.append(
            "Hands-on." if task.attention == "active" else "Waiting: the cook is free meanwhile."
        )
        if uses := _use_words(task, cooks):
            details.append("Uses " + ", ".join(uses) + ".")
        event.add("description", "\n".join(details))
        event.add("categories", [_dish(task)])
        event.add("transp", "OPAQUE" if task.attention == "active" else "TRANSPARENT")
        if _hands_on(task):
            event.add_component(_alarm(dish + _short(task.text, 60), "START"))
        if _waits_on_food(task):
            event.add_component(_alarm(_end_words(task, ordered, kinds), "END"))
        calendar.add_component(event)
    if any(isinstance(t.start.tzinfo, ZoneInfo) for t in plan.tasks):
        calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data


def _alarm(words: str, related: str) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", words)
    alarm.add("trigger", timedelta(0), parameters={"RELATED": related})
    return alarm


def _waits_on_food(task: PlanTask) -> bool:
    """A timed step in which the food cooks, chills or rests and the cook only waits."""
    return task.attention == "passive" and task.kind not in HEATING and task.end > task.start


def _resource_kind(resource: str, kinds: dict[str, str]) -> str:
    """``cook``, ``oven``, ``burner``, ``refrigerator`` or ``appliance``: the plan's own
    resource list says; a plan without one is read by the solver's names."""
    if resource in kinds or _is_cook(resource):
        return kinds.get(resource, "cook")
    if resource in ("burner", "refrigerator") or re.fullmatch(r"oven-\d+", resource):
        return resource.split("-", maxsplit=1)[0]
    return "appliance"


_OFF_APPLIANCES = frozenset({"grill", "griddle", "barbecue", "hot plate"})


def _end_words(task: PlanTask, ordered: list[PlanTask], kinds: dict[str, str]) -> str:
    """What the cook does when a waiting step ends ("Take the pork out of the oven. Next:
    Rest the pork."), from the equipment the task holds and the dish's next step."""
    name = task.dish or task.recipe
    food = f"the {name}" if name else "it"
    held = {_resource_kind(u.resource, kinds): u.resource for u in reversed(task.uses)}
    if "oven" in held:
        ovens = {u.resource for t in ordered for u in t.uses if u.resource.startswith("oven")}
        where = "the oven" if len(ovens) < 2 else f"oven {held['oven'].removeprefix('oven-')}"
        words = f"Take {food} out of {where}"
    elif "burner" in held:
        words = f"Take {food} off the heat"
    elif "appliance" in held:
        appliance = held["appliance"]
        words = f"Take {food} {'off' if appliance in _OFF_APPLIANCES else 'out of'} the {appliance}"
    elif "refrigerator" in held:
        words = f"Take {food} out of the refrigerator"
    else:
        words = ""
    later = [t for t in ordered if t.start >= task.end and t is not task and t.kind not in HEATING]
    after = next((t for t in later if _dish(t) == _dish(task)), None)
    then = ""
    if after is not None:
        then = _short(after.text, 60)
        if after.start > task.end:
            then += f" (at {_clock(after.start, task.end)})"
        then = then if then.endswith((".", "!", "?", "…")) else then + "."
    if words:
        return f"{words}. Next: {then}" if then else f"{words}."
    title = (name[:1].upper() + name[1:]) if name else "It"
    return f"{title} is done: {then}" if then else f"{title} is ready to serve."


# --- SVG ---------------------------------------------------------------------------------------

LEFT, RIGHT, TOP, ROW, PAD, BREAK = 132, 28, 78, 20, 4, 30


@dataclass(slots=True)
class _Segment:
    """A stretch of the time axis that is drawn (minutes from the origin)."""

    start: int
    end: int
    x: float


class _Axis:
    """Minutes from the plan's first moment to x, with the empty stretches cut out."""

    def __init__(self, plan: Plan, width: float = 1000.0) -> None:
        points: list[tuple[datetime, datetime]] = []
        for task in plan.tasks:
            if task.attention == "active" or task.end - task.start <= timedelta(
                minutes=BREAK_AFTER
            ):
                points.append((task.start, task.end))
            else:
                points += [(task.start, task.start), (task.end, task.end)]
        points.append((plan.serve_at, plan.serve_at))
        first = min(p[0] for p in points)
        floor = first.replace(minute=first.minute - first.minute % 15, second=0, microsecond=0)
        self.origin = floor - timedelta(minutes=15)
        raw: list[list[int]] = []
        for begin, finish in sorted(points):
            lo, hi = self.minutes(begin), self.minutes(finish)
            if raw and lo - raw[-1][1] <= BREAK_AFTER:
                raw[-1][1] = max(raw[-1][1], hi)
            else:
                raw.append([lo, hi])
        spans = [((lo - 10) // 15 * 15, -(-(hi + 10) // 15) * 15) for lo, hi in raw]
        total = sum(hi - lo for lo, hi in spans)
        self.ppm = min(4.0, max(0.2, width / max(total, 1)))
        self.segments: list[_Segment] = []
        x = float(LEFT)
        for lo, hi in spans:
            self.segments.append(_Segment(lo, hi, x))
            x += (hi - lo) * self.ppm + BREAK
        self.right = x - BREAK

    def minutes(self, moment: datetime) -> int:
        return int((moment - self.origin).total_seconds() // 60)

    def x(self, minute: float) -> float:
        """x of a minute; in a cut-out stretch, the middle of the break."""
        for i, seg in enumerate(self.segments):
            if minute <= seg.end:
                if minute >= seg.start or i == 0:
                    return seg.x + (max(minute, seg.start) - seg.start) * self.ppm
                return seg.x - BREAK / 2
        last = self.segments[-1]
        return last.x + (last.end - last.start) * self.ppm

    def span(self, x: float, edge: float) -> tuple[float, float]:
        """The x-range of the drawn segment holding x; the last one reaches to ``edge``."""
        rights = [seg.x + (seg.end - seg.start) * self.ppm for seg in self.segments]
        i = next((i for i, r in enumerate(rights) if x <= r + 0.01), len(rights) - 1)
        return self.segments[i].x, edge if i == len(rights) - 1 else rights[i]

    def pieces(self, start: int, end: int) -> Iterator[tuple[float, float, bool]]:
        """The drawn parts of [start, end): (x0, x1, continues into a later segment)."""
        for seg in self.segments:
            a, b = max(start, seg.start), min(end, seg.end)
            if a < b or (a == b == start and seg.start <= start <= seg.end):
                yield (
                    seg.x + (a - seg.start) * self.ppm,
                    seg.x + (b - seg.start) * self.ppm,
                    end > seg.end,
                )


def _lanes(plan: Plan) -> list[tuple[str, str]]:
    """(resource id, label) of every lane, cooks first, then ovens, burners, appliances."""
    used = {u.resource for t in plan.tasks for u in t.uses}
    cooks = sorted((r for r in used if _is_cook(r)), key=lambda r: int(r[5:]))
    ovens = sorted((r for r in used if r.startswith("oven-")), key=lambda r: (len(r), r))
    rest = sorted(used - set(cooks) - set(ovens) - {"burner", "refrigerator"})
    lanes = [(c, "Cook" if len(cooks) == 1 else f"Cook {c[5:]}") for c in cooks]
    lanes += [(o, "Oven" if len(ovens) == 1 else f"Oven {o[5:]}") for o in ovens]
    lanes += [("burner", "Burners")] if "burner" in used else []
    lanes += [(r, r[:1].upper() + r[1:]) for r in rest]
    lanes += [("refrigerator", "Refrigerator")] if "refrigerator" in used else []
    if any(_waits_alone(t) for t in plan.tasks):
        lanes.append(("", "Waiting"))
    return lanes


def _waits_alone(task: PlanTask) -> bool:
    return all(_is_cook(u.resource) for u in task.uses) and (
        task.attention == "passive" or not task.uses
    )


def _tint(colour: str, amount: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = (round(c + (255 - c) * amount) for c in (r, g, b))
    return "#" + "".join(f"{c:02x}" for c in mix)


@dataclass(slots=True)
class _Label:
    """A bar's words: in it or beside it (``end``: left of it), after its number if keyed."""

    words: str
    x: float
    anchor: str
    inside: bool
    keyed: bool
    right: float  # the rightmost x the label covers


@dataclass(slots=True)
class _Bar:
    task: PlanTask
    x0: float
    x1: float
    marker: bool  # the cook's minute at the start of a waiting task
    cut: bool  # continues after a break in the axis
    row: int = 0
    label: _Label | None = None


LABEL_GAP = 3  # pixels between a bar and the words beside it
NOTE_INDENT, NOTE_LINE = 34, 14
_SENTENCE_END = re.compile(r"(?<=[^\s.][.!?])\s+(?=[\"“‘(]?[A-ZÀ-Ý])")


def _text_width(text: str) -> float:
    """About how many pixels ``text`` takes at 11 px, erring wide: Helvetica where there is
    one, DejaVu Sans (a wider face) where there is not."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    big = sum(c.isupper() or c.isdigit() or unicodedata.category(c) == "Sm" for c in text)
    return 6.1 * len(text) + 1.3 * big + 4.9 * wide


def _bar_words(task: PlanTask, lane: str) -> tuple[str, list[str]]:
    """A bar's whole label, and the shorter words that may follow its number when the whole
    label has no room (the first sentence, the temperature); never a text cut short."""
    heat = [u.fahrenheit for u in task.uses if u.resource == lane and u.fahrenheit is not None]
    prefix = oven_setting(heat[0]) if heat else ""
    text = " ".join(task.text.split())
    if task.kind in HEATING and prefix:
        return f"→ {prefix}", []
    full = f"{prefix} · {text}" if prefix else text
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    shorter = [f"{prefix} · {first}" if prefix else first] if first != text else []
    return full, shorter + ([prefix] if prefix else [])


def _place(bar: _Bar, words: str, key: float, left: float, right: float) -> _Label | None:
    """The words in the bar, else right of it, else left of it; None if there is no room.
    ``key`` is the width of the number before them (0: the words stand alone)."""
    width = _text_width(words) + key
    if bar.x1 - bar.x0 >= width + 6:
        return _Label(words, bar.x0 + 4, "start", True, key > 0, bar.x1)
    if (x := bar.x1 + LABEL_GAP) + width <= right:
        return _Label(words, x, "start", False, key > 0, x + width)
    if bar.x0 - LABEL_GAP - width >= left:
        return _Label(words, bar.x0 - LABEL_GAP, "end", False, key > 0, bar.x1)
    return None


def _labels(plan: Plan, bars: dict[str, list[_Bar]], axis: _Axis, edge: float) -> dict[str, int]:
    """Give every bar but the cook's markers its label; the number of each task whose whole
    text found no room on some bar (it is listed under the legend)."""
    keyed: set[str] = set()
    number = 7.4 * len(str(len(plan.tasks)))
    for lane, lane_bars in bars.items():
        for r in sorted({b.row for b in lane_bars}):
            row = sorted((b for b in lane_bars if b.row == r), key=lambda b: (b.x0, b.x1))
            taken = float("-inf")  # the rightmost x drawn so far in this row
            for i, bar in enumerate(row):
                if bar.marker:
                    taken = max(taken, bar.x1)
                    continue
                lo, hi = axis.span(bar.x0, edge)
                following = row[i + 1].x0 if i + 1 < len(row) else hi
                left, right = max(lo, taken + LABEL_GAP), min(hi, following - LABEL_GAP)
                full, shorter = _bar_words(bar.task, lane)
                label = _place(bar, full, 0, left, right)
                if label is None:
                    keyed.add(bar.task.id)
                    tries = (_place(bar, w, number + 18.3 * bool(w), left, right) for w in shorter)
                    last = _place(bar, "", number, left, right)  # else right of it, come what may
                    last = last or _Label("", bar.x1 + LABEL_GAP, "start", False, True, bar.x1)
                    label = next((t for t in tries if t is not None), last)
                bar.label = label
                taken = max(taken, bar.x1, label.right)
    return {t.id: i + 1 for i, t in enumerate(t for t in _ordered(plan) if t.id in keyed)}


def _wrap(text: str, pixels: float) -> list[str]:
    """Whole words in lines of about ``pixels``; joined by spaces they give the text back."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and _text_width(lines[-1] + " " + word) <= pixels:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _notes_svg(plan: Plan, keys: dict[str, int], width: float, y: float) -> tuple[list[str], int]:
    """The numbered steps (each keyed task's times, dish and whole text, wrapped to the chart)
    and the height they take."""
    if not keys:
        return [], 0
    out = ['<g class="notes">', f'<text x="12" y="{y:.0f}" font-weight="bold">Steps</text>']
    top, y = y, y + NOTE_LINE + 4
    for task in (t for t in _ordered(plan) if t.id in keys):
        when = _clock(task.start) + ("" if task.end == task.start else "–")
        when += "" if task.end == task.start else _clock(task.end, task.start)
        lines = _wrap(f"{when} {_prefix(task)}{' '.join(task.text.split())}", width - 58)
        spans = "".join(
            f'<tspan x="{12 + NOTE_INDENT}" y="{y + NOTE_LINE * i:.0f}">'
            f"{escape(line + (' ' if i < len(lines) - 1 else ''))}</tspan>"
            for i, line in enumerate(lines)
        )
        out.append(
            f'<g class="note" data-task={quoteattr(task.id)} data-key="{keys[task.id]}">'
            f'<text x="12" y="{y:.0f}" font-weight="bold">{keys[task.id]}</text>'
            f"<text>{spans}</text></g>"
        )
        y += NOTE_LINE * len(lines)
    out.append("</g>")
    return out, round(y - top + 6)


def gantt_svg(plan: Plan) -> str:
    """A standalone SVG Gantt chart of the plan (no scripts, fonts or images from outside)."""
    if not plan.tasks:
        lines = ["No timeline works for this meal.", *plan.explanation]
        body = "".join(
            f'<text x="16" y="{28 + 20 * i}">{escape(line)}</text>' for i, line in enumerate(lines)
        )
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="720" height="{40 + 20 * len(lines)}" '
            f'font-family="sans-serif" font-size="13">{body}</svg>\n'
        )
    axis = _Axis(plan)
    dishes = list(dict.fromkeys(d for t in plan.tasks if (d := _dish(t)) != "oven"))
    colours = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(dishes)} | {"oven": OVEN_GREY}
    lanes = _lanes(plan)
    bars: dict[str, list[_Bar]] = {lane: [] for lane, _ in lanes}
    for task in _ordered(plan):
        start, end = axis.minutes(task.start), axis.minutes(task.end)
        targets = [u.resource for u in task.uses] + ([""] if _waits_alone(task) else [])
        for lane in dict.fromkeys(targets):
            marker = _is_cook(lane) and task.attention == "passive"
            for x0, x1, cut in axis.pieces(start, start if marker else end):
                right = max(x1, x0 + (5 if marker else 2))
                bars[lane].append(_Bar(task, x0, right, marker, cut and not marker))
    heights: dict[str, int] = {}
    for lane, lane_bars in bars.items():
        ends: list[float] = []
        for bar in sorted(lane_bars, key=lambda b: (b.x0, b.x1)):
            row = next((i for i, e in enumerate(ends) if e <= bar.x0 + 0.01), len(ends))
            ends[row:row + 1] = [bar.x1]  # fmt: skip
            bar.row = row
        heights[lane] = max(1, len(ends)) * ROW + 2 * PAD
    bottom = TOP + sum(heights.values())
    width = axis.right + RIGHT
    keys = _labels(plan, bars, axis, width - 4)
    notes_top = bottom + 30 + 20 * _legend_rows(dishes, width)
    notes, notes_height = _notes_svg(plan, keys, width, notes_top + 8)
    height = notes_top + notes_height
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height}" '
        f'viewBox="0 0 {width:.0f} {height}" font-family="Helvetica, Arial, sans-serif" '
        f'font-size="11">',
        "<title>"
        + escape(f"Plan: serve at {plan.serve_at:%H:%M} on {_long_date(plan.serve_at)}")
        + "</title>",
        '<defs><pattern id="ladle-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e6e6e6"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="3"/></pattern></defs>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<text x="12" y="22" font-size="15" font-weight="bold">'
        f"{escape(f'Serve at {plan.serve_at:%H:%M}, {_long_date(plan.serve_at)}')}</text>",
    ]
    out += _axis_svg(plan, axis, bottom)
    y = TOP
    out.append('<g class="lanes">')
    for lane, label in lanes:
        h = heights[lane]
        out.append(
            f'<g class="lane" data-lane={quoteattr(lane or "waiting")}>'
            f'<rect x="0" y="{y}" width="{width:.0f}" height="{h}" '
            f'fill="{"#f7f7f7" if lanes.index((lane, label)) % 2 else "#ffffff"}"/>'
            f'<text x="10" y="{y + h / 2 + 4:.1f}" font-weight="bold">{escape(label)}</text></g>'
        )
        for bar in bars[lane]:
            out.append(_bar_svg(bar, y + PAD + bar.row * ROW, colours, keys))
        y += h
    out.append("</g>")
    out += _breaks_svg(axis, bottom)
    serve_x = axis.x(axis.minutes(plan.serve_at))
    out.append(
        f'<g class="serve"><line x1="{serve_x:.1f}" y1="{TOP - 12}" x2="{serve_x:.1f}" '
        f'y2="{bottom}" stroke="#d62728" stroke-width="2"/>'
        f'<text x="{serve_x + 3:.1f}" y="{TOP - 26}" fill="#d62728" font-weight="bold" '
        f'text-anchor="end">Serve {plan.serve_at:%H:%M}</text></g>'
    )
    out += _legend_svg(dishes, colours, bottom + 30, width)
    out += notes
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _bar_svg(bar: _Bar, y: float, colours: dict[str, str], keys: dict[str, int]) -> str:
    task = bar.task
    base = colours[_dish(task)]
    heating = task.kind in HEATING
    shade = base if task.attention == "active" or bar.marker else _tint(base, 0.55)
    fill = "url(#ladle-hatch)" if heating and not bar.marker else shade
    width = bar.x1 - bar.x0
    when = f"{_clock(task.start)}–{_clock(task.end, task.start)}"
    title = f"{when} {_dish(task)}: {' '.join(task.text.split())}"
    if bar.marker:
        title = f"{_clock(task.start)} {_dish(task)}: put it in ({' '.join(task.text.split())})"
    parts = [
        f'<g class="task{" heating" if heating else ""}{" marker" if bar.marker else ""}" '
        f"data-task={quoteattr(task.id)} data-attention={quoteattr(task.attention)}>",
        f"<title>{escape(title)}</title>",
        f'<rect x="{bar.x0:.1f}" y="{y:.1f}" width="{width:.1f}" height="{ROW - 4}" rx="3" '
        f'fill="{fill}" stroke="{base}" stroke-width="1"/>',
    ]
    if bar.cut:
        parts.append(
            f'<line x1="{bar.x1:.1f}" y1="{y + (ROW - 4) / 2:.1f}" x2="{bar.x1 + BREAK:.1f}" '
            f'y2="{y + (ROW - 4) / 2:.1f}" stroke="{base}" stroke-dasharray="3 3"/>'
        )
    label = bar.label
    if label is not None:
        light = label.inside and task.attention == "active" and not heating
        text = escape(label.words)
        if label.keyed:
            number = f'<tspan font-weight="bold">{keys[task.id]}</tspan>'
            text = f"{number} · {text}" if label.words else number
        anchor = ' text-anchor="end"' if label.anchor == "end" else ""
        parts.append(
            f'<text x="{label.x:.1f}" y="{y + ROW - 8:.1f}"{anchor} '
            f'fill="{"#ffffff" if light else "#222222"}">{text}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _axis_svg(plan: Plan, axis: _Axis, bottom: float) -> list[str]:
    days = len({t.start.date() for t in plan.tasks} | {plan.serve_at.date()}) > 1
    step = next(s for s in (60, 120, 180, 240, 360, 720, 1440) if s * axis.ppm >= 44)
    minor = 15 if 15 * axis.ppm >= 10 else 30 if 30 * axis.ppm >= 10 else step
    out = ['<g class="axis" font-size="10" fill="#444444">']
    for seg in axis.segments:
        day_labelled = False
        for m in range(seg.start, seg.end + 1, 15):
            moment = axis.origin + timedelta(minutes=m)
            clock = moment.hour * 60 + moment.minute
            x = seg.x + (m - seg.start) * axis.ppm
            if clock % step == 0:
                out.append(
                    f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{bottom}" '
                    f'stroke="#d0d0d0"/><text x="{x:.1f}" y="{TOP - 10}" '
                    f'text-anchor="middle">{moment:%H:%M}</text>'
                )
            elif clock % minor == 0:
                out.append(
                    f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{TOP}" stroke="#999999"/>'
                )
            if days and (not day_labelled or clock == 0):
                out.append(
                    f'<text x="{x:.1f}" y="{TOP - 26}" font-weight="bold">'
                    f"{DAYS[moment.weekday()]}</text>"
                )
                day_labelled = True
        right = seg.x + (seg.end - seg.start) * axis.ppm
        out.append(
            f'<line x1="{seg.x:.1f}" y1="{TOP}" x2="{right:.1f}" y2="{TOP}" stroke="#666666"/>'
        )
    out.append("</g>")
    return out


def _breaks_svg(axis: _Axis, bottom: float) -> list[str]:
    out: list[str] = []
    for before, after in zip(axis.segments, axis.segments[1:], strict=False):
        x0 = before.x + (before.end - before.start) * axis.ppm
        hours = (after.start - before.end) / 60
        out.append(
            f'<g class="break"><rect x="{x0 + 4:.1f}" y="{TOP - 6}" width="{BREAK - 8}" '
            f'height="{bottom - TOP + 6:.0f}" fill="#ffffff" fill-opacity="0.6"/>'
            f'<path d="M{x0 + 6:.1f},{TOP - 10} l6,8 M{x0 + BREAK - 12:.1f},{TOP - 10} l6,8" '
            f'stroke="#666666" stroke-width="1.5"/>'
            f'<text x="{x0 + BREAK / 2:.1f}" y="{bottom + 14:.0f}" text-anchor="middle" '
            f'font-size="9" fill="#666666">{hours:.0f} h</text></g>'
        )
    return out


def _legend_entries(dishes: list[str], colours: dict[str, str]) -> list[tuple[str, str, str]]:
    return [
        *((colours[d], colours[d], d) for d in dishes),
        ("#555555", "#555555", "hands-on"),
        (_tint("#555555", 0.55), "#555555", "waiting"),
        ("url(#ladle-hatch)", OVEN_GREY, "oven heating"),
    ]


def _legend_rows(dishes: list[str], width: float) -> int:
    rows, x = 1, 12.0
    for label in [*dishes, "hands-on", "waiting", "oven heating"]:
        step = 30 + 6.2 * len(label)
        if x + step > width and x > 12:
            rows, x = rows + 1, 12.0
        x += step
    return rows


def _legend_svg(dishes: list[str], colours: dict[str, str], y: float, width: float) -> list[str]:
    out = ['<g class="legend">']
    x = 12.0
    for fill, stroke, label in _legend_entries(dishes, colours):
        step = 30 + 6.2 * len(label)
        if x + step > width and x > 12:
            x, y = 12.0, y + 20
        out.append(
            f'<rect x="{x:.0f}" y="{y - 10:.0f}" width="14" height="12" rx="2" fill="{fill}" '
            f'stroke="{stroke}"/><text x="{x + 19:.0f}" y="{y:.0f}">{escape(label)}</text>'
        )
        x += step
    out.append("</g>")
    return out
