"""What a step's times mean, worked out once per step for the checker and the planner alike.

A step states times of many kinds. "Roast 20 minutes, turn, and return for a further 15" takes
35 minutes; "10 minutes or up to 1 hour" is one range; "sear 1–2 minutes per side" is taken
for each side. Other times are not the step's duration at all: "about 4 hours before you sit
down" (a lead time), "This can be made 1 day in advance" (make-ahead), "It will keep for 2–3
days" (storage), "At the end of the 25 minutes" (an earlier step's time restated), "While the
pork roasts for 2 hours, …" (the time of the step a leading clause describes), "stirring every
5 minutes" (a frequency). :func:`time_steps` gives each :class:`~ladle.model.Duration` its
``role`` and ``factor``, and each step its own ``time`` (:func:`own_time`), its ``relation``
to earlier steps (:func:`relation_of`) and the ``heat`` it needs (:func:`heat_of`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ladle.clauses import CONTEXT, heat_verb, is_instruction, main_clause
from ladle.equipment import STOVE_VESSELS, equipment_in, without_cooked_foods
from ladle.limits import MAX_MINUTES, minutes_ok
from ladle.model import OWN_ROLES, Duration, Relation, Step
from ladle.words import alternation, word_list

__all__ = ["WITHIN_LAST", "assign_roles", "heat_of", "own_time", "relation_of", "time_steps"]


def time_steps(steps: Sequence[Step]) -> None:
    """Give every duration of the steps its role, and each step its own time, relation and
    heat, in order (a time restated from an earlier step is recognised as such)."""
    earlier: list[Duration] = []
    for step in steps:
        assign_roles(step.text, step.durations, earlier)
        step.time = own_time(step.durations)
        step.relation = relation_of(step.text)
        step.heat = heat_of(step)
        if step.heat == "stove" and "stove" not in step.equipment:
            step.equipment.append("stove")  # a pan put on the heat is on the stove
        earlier.extend(d for d in step.durations if d.role in OWN_ROLES)


# --- roles ---------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")
# How many of the latest earlier times a time that refers back is compared with.
_RECENT = 64
# The words of other languages around a time: data/words/durations.toml.
_EVERY = re.compile(
    rf"\b(?:every|each|{alternation(word_list('durations', 'every'))})\s+(?:other\s+)?$", re.I
)
_INTERVALS = re.compile(r"^\s*(?:intervals|increments|bursts|at\s+a\s+time)\b", re.I)
_PER_SIDE = re.compile(
    r"^[\s,]*(?:per|on\s+each|each|a|for\s+each|on\s+every|on\s+either|either)\s+side\b|"
    r"^\s*on\s+both\s+sides\b|"
    # the same in other languages: "3 minutes de chaque côté", "3 Minuten pro Seite"
    r"^[\s,]*(?:de\s+chaque\s+(?:côté|face)|sur\s+chaque\s+(?:côté|face)|par\s+(?:côté|face)|"
    r"pro\s+seite|(?:auf|von)\s+jeder\s+seite|von\s+beiden\s+seiten|je\s+seite|"
    r"por\s+(?:cada\s+)?lado|de\s+cada\s+lado|en\s+cada\s+lado|per\s+(?:ogni\s+)?lato|"
    r"(?:su|da)\s+ogni\s+lato|per\s+kant|aan\s+(?:elke|iedere|beide)\s+kant(?:en)?|"
    r"per\s+sida|på\s+(?:varje|hver|hvar|begge|båda)\s+sid(?:a|e|er|or))\b",
    re.I,
)
# "sear them on each side for about 5 minutes": the side said before the time
_PER_SIDE_BEFORE = re.compile(
    r"\b(?:(?:on\s+)?(?:each|either|both)|per)\s+sides?\s+(?:for\s+)?(?:about\s+|around\s+|"
    r"approximately\s+|roughly\s+)?$",
    re.I,
)
_STORAGE = re.compile(
    r"\b(?:will\s+keep|keeps|kept|keep(?=,)|(?:can\s+|may\s+)?keep\s+(?:(?:it|them|this|these|leftovers?)"
    r"\s+)?(?:in|for|up|covered|refrigerated|frozen|well|fresh|wrapped)|stor(?:e|ed|es|ing)|"
    r"lasts|will\s+last|last\s+(?:for|up\s+to)|leftovers?|shelf[-\s]life|stays?\s+(?:fresh|good)|"
    r"good\s+for\s+up\s+to|(?:will\s+be|be|is|are|stays?)\s+good\s+(?:\w+\s+){0,4}?for)\b",
    re.I,
)
_AHEAD_AFTER = re.compile(
    r"^\s*(?:or\s+so\s+)?(?:ahead|in\s+advance|beforehand|"
    rf"{alternation(word_list('durations', 'ahead'))})(?!\w)",
    re.I,
)
_AHEAD_SENTENCE = re.compile(
    r"\b(?:make[-\s]ahead|ahead\s+of\s+time|in\s+advance|"
    r"(?:can|may|could)\s+(?:\w+\s+)?be\s+(?:\w+\s+(?:and|or)\s+)?(?:made|prepared|prepped|"
    r"assembled|done|baked|cooked|frozen|refrigerated|mixed|shaped|stored|kept|covered|chilled))\b",
    re.I,
)
# the same in the other languages ladle reads (data/words/durations.toml)
_STORAGE_ABROAD = re.compile(rf"\b{alternation(word_list('durations', 'storage'))}", re.I)
_AHEAD_ABROAD = re.compile(rf"\b{alternation(word_list('durations', 'ahead_sentence'))}", re.I)
_LEFTOVERS = re.compile(r"\b(?:leftovers?|shelf[-\s]life|pantry|(?:peak|best)\s+quality)\b", re.I)
# A sentence of advice among the steps: "Tip: …", "Note: …", "(Optional: …"
_NOTE_SENTENCE = re.compile(r"^\W*(?:notes?|tips?|pro\s+tip|chef'?s\s+tip|optional)\s*[:\-–]", re.I)
# an airtight container keeps food for days: "chill the dough in an airtight container for
# 30 minutes" is a wait, "keep in an airtight container for 3 days" storage
_AIRTIGHT = re.compile(r"\bairtight\b", re.I)
_KEEPING_MINUTES = 360
_COLD = re.compile(r"\b(?:freez\w*|refrigerat\w*|fridge)\b", re.I)


def _kept_cold(sentence: str, duration: Duration) -> bool:
    """ "freeze for up to two weeks": a limit of days or more on keeping, not a wait."""
    return (
        duration.min_minutes == 0
        and (duration.max_minutes or 0) >= 1440
        and bool(_COLD.search(sentence))
    )


# A time that is a moment, not a span: "check it at 30 minutes".
_AT_MOMENT = re.compile(r"\b(?:at|after\s+about|by)\s+$", re.I)
# A turn or a check partway through a time already stated: a moment inside it, "turning them
# over after 20 minutes", "(check the beef after 2½ hours)"
_MOMENTS = (
    r"turn\w*|flip\w*|check\w*|stir\w*|rotat\w*|bast\w*|toss\w*|shak\w*|uncover\w*|cover\w*|"
    r"tent\w*|foil|brush\w*|swap\w*|switch\w*"
)
_MOMENT_AFTER = re.compile(
    rf"\b(?:{_MOMENTS})\b(?:\s+[\w']+){{0,4}}?\s+after\s+(?:about\s+|around\s+)?$", re.I
)
# the same moment said first: "Bake 30 minutes. After 15 minutes, cover it loosely with foil"
_AFTER_FIRST = re.compile(r"^\W*after\s+(?:about\s+|around\s+)?$", re.I)
_MOMENT_NEXT = re.compile(rf"^\s*,?\s*(?:\w+\s+){{0,2}}?(?:{_MOMENTS})\b", re.I)
_IF_SENTENCE = re.compile(r"^\s*(?:if|should)\b", re.I)
# food held until it is served: "up to 2 hours before serving", "until ready to serve, up to 1 day"
_UNTIL_SERVING = re.compile(
    r"\b(?:before|prior\s+to|ahead\s+of)\s+serving\b|"
    r"\buntil\s+(?:you(?:'re|\s+are)\s+)?ready\s+to\s+serve\b|\buntil\s+serving\b",
    re.I,
)
_BEFORE_AFTER = re.compile(r"^\s*(?:or\s+so\s+)?(?:before|prior\s+to|ahead\s+of)\b", re.I)
# Verbs that take a time as their own ("rest 10 minutes before slicing", "marinate at least
# 2 hours before grilling"): with one of them, "N before …" is the step's time, not a lead.
_TIMED_VERB = re.compile(
    r"\b(?:rest|stand|sit|cool|chill|refrigerat|marinat|soak|steep|bake|cook|roast|simmer|"
    r"boil|fry|let|leave|rise|proo?f|prove|freez|set|drain|grill|toast|brown|steam|poach|"
    r"microwave|whisk|stir|beat|knead|blend|process|mix|saut|sear|broil|braise|heat|warm|dry|"
    r"infuse|ferment|smoke|cure|brine|thaw|defrost|bloom|wait|sweat|reduce|caramelize|bubble|"
    r"blanch|pressure|air[-\s]?fry|keep)\w*",
    re.I,
)
_DEFINITE = re.compile(  # not a pronoun joined to its verb: "laissez-les une nuit"
    r"(?<![-’'])\b(?:the|those|these|that|this|"
    rf"{alternation(word_list('durations', 'definite'))})\s+$",
    re.I,
)
# "2 heures avant son emploi", "2 Stunden vor dem Servieren": a lead, as in English, unless a
# verb of the clause takes the time ("laisser reposer 5 minutes avant de servir"): before the
# time, or closing the clause after it ("10 Minuten vor dem Servieren ruhen lassen").
_BEFORE_ABROAD = re.compile(rf"^\s*{alternation(word_list('durations', 'before'))}\b", re.I)
_FOR_ABROAD = re.compile(  # "pendant 2 heures", "i mindst en time": the time taken as the step's
    rf"\b{alternation(word_list('durations', 'for'))}\s+"
    rf"(?:{alternation(word_list('durations', 'at_least'))}\s+)?$",
    re.I,
)
_TIMED_FIRST = re.compile(rf"\b{alternation(word_list('durations', 'timed_first'))}\w*", re.I)
_TIMED_LAST = re.compile(rf"\b{alternation(word_list('durations', 'timed_last'))}\s*$")


def _lead_abroad(clause: str, after: str) -> bool:
    """ "2 heures avant son emploi": a time before something, in another language, that no verb
    of its clause takes as its own."""
    if not _BEFORE_ABROAD.match(after) or _FOR_ABROAD.search(clause):
        return False
    rest = re.split(r"[,;:(]", after, maxsplit=1)[0].rstrip(" .!?")
    return not _TIMED_FIRST.search(clause) and not _TIMED_LAST.search(rest)


_REFERS_BACK = re.compile(r"^\s*(?:after|once|when|as\s+soon\s+as|at\s+the\s+end\s+of)\b", re.I)
_BESIDE = re.compile(
    r"^\s*(?:meanwhile|in\s+the\s+meantime|at\s+the\s+same\s+time|while|whilst|"
    rf"{alternation(word_list('verbs', 'while_abroad'))})\b",
    re.I,
)
_IF = re.compile(r"\bif\b", re.I)


def _conditional(text: str, begin: int, start: int, end: int, stop: int) -> bool:
    """A time inside brackets that say "if": an extra for another case, not the step's."""
    reach = max(0, start - CONTEXT)
    opened = text.rfind("(", reach, start)
    if opened < 0 or text.rfind(")", opened, start) > opened:
        return False
    closed = text.find(")", end, end + CONTEXT)
    return bool(_IF.search(text[opened : closed if closed >= 0 else stop]))


def assign_roles(text: str, durations: Sequence[Duration], earlier: Sequence[Duration]) -> None:
    """Set ``role`` and ``factor`` of each of a step's durations from where it stands in the
    step's text; ``earlier`` are the own times of the steps before, for restated times."""
    main_at = len(text) - len(main_clause(text))
    cursor = 0
    previous: tuple[int, Duration] | None = None  # the end and the duration of the last own time
    seen = list(earlier)
    for duration in durations:
        start = text.find(duration.text, cursor) if duration.text else -1
        if start < 0:  # a timer the text does not show (Cooklang's ~{…} with no words)
            duration.role, duration.factor = "step", 1
            continue
        end = start + len(duration.text)
        cursor = end
        per_side = _PER_SIDE.match(text[end:]) or _PER_SIDE_BEFORE.search(
            text[max(0, start - 60) : start]
        )
        duration.factor = 2 if per_side else 1
        duration.role = _role(_Place(text, start, end, main_at), duration, seen)
        if duration.role == "step" and previous is not None:
            duration.role = _joined(text, previous, start, duration)
        if duration.role == "step" and previous is not None and _same_window(previous[1], duration):
            duration.role = "repeat"  # "during the last 30 minutes, add …; cook 30 more minutes"
        if duration.role in OWN_ROLES:
            previous = (end, duration)
            seen.append(duration)


# "in the last 10 minutes", "for the final 5", "the last 30 minutes": a window at a time's end
_LAST_WINDOW = re.compile(r"\s*(?:(?:in|during|for)\s+)?the\s+(?:last|final)\b", re.I)


def _same_window(window: Duration, duration: Duration) -> bool:
    """A time that restates the window just said: the last 30 minutes are 30 more minutes."""
    return bool(_LAST_WINDOW.match(window.text)) and (
        window.min_minutes == duration.min_minutes and window.max_minutes == duration.max_minutes
    )


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a time, at most ``CONTEXT`` characters either side of it (a time's
    meaning is in its own words: a step of thousands of times stays linear)."""
    reach = max(0, start - CONTEXT)
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, reach, start)), default=reach)
    stop = _SENTENCE_END.search(text, end, end + CONTEXT)
    return begin, stop.start() if stop else min(len(text), end + CONTEXT)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a time stands: the step's text, the time's span, where the main clause starts."""

    text: str
    start: int
    end: int
    main_at: int


_SCENE = re.compile(r"\s*(?:as|during)\b", re.I)
# a time taken off another: "cook 2 minutes less than the package states", "1 minute shy of"
_SHORT_OF = re.compile(r"\s*(?:less|fewer|short|shy)\s+(?:than|of)\b", re.I)


def _role(place: _Place, duration: Duration, earlier: Sequence[Duration]) -> str:
    """What one time means, on its own (alternatives and parallel parts come after)."""
    text, start, end = place.text, place.start, place.end
    begin, stop = _sentence(text, start, end)
    sentence, before, after = text[begin:stop], text[begin:start], text[end:stop]
    lead = text[: place.main_at]
    if (
        _EVERY.search(text[max(0, start - 16) : start])
        or _INTERVALS.match(after)
        or _SHORT_OF.match(after)
    ):
        return "other"  # "stirring every 5 minutes", "2 minutes less than the package says"
    if _conditional(text, begin, start, end, stop):
        return "other"  # "(add 5 minutes if frozen)"
    if _IF_SENTENCE.match(before):
        return "other"  # "If it browns too fast after 20 minutes, …": only in that case
    if _NOTE_SENTENCE.match(before):
        return "other"  # "Tip: I would allow 30 minutes per side": advice, not the step
    if _AT_MOMENT.search(before) or (
        re.search(r"\bafter\s+$", before, re.I) and re.match(r"the\s+first\b", duration.text, re.I)
    ):
        return "other"  # "check the cake at 30 minutes", "cover it after the first 35 minutes"
    if (
        _MOMENT_AFTER.search(before) or (_AFTER_FIRST.match(before) and _MOMENT_NEXT.match(after))
    ) and any(
        e.role == "step" and (e.max_minutes or e.min_minutes) >= duration.min_minutes
        for e in earlier
    ):
        return "other"  # "bake 35 to 40 minutes, turning them over after 20 minutes"
    if _LEFTOVERS.search(sentence) or (
        _AIRTIGHT.search(sentence)
        and (duration.max_minutes or duration.min_minutes) >= _KEEPING_MINUTES
    ):
        return "storage"
    if _AHEAD_AFTER.match(after) or _AHEAD_SENTENCE.search(sentence):
        return "make_ahead"
    if re.match(r"up\s+to\b", duration.text, re.I) and _UNTIL_SERVING.search(sentence):
        return "make_ahead"  # "mix … up to 2 hours before serving": how long it may wait
    if _AHEAD_ABROAD.search(sentence) and duration.min_minutes >= _KEEPING_MINUTES:
        return "make_ahead"  # "peut se préparer la veille", "un día de antelación"
    alternative = re.search(r"(?:\bor|\band|,|\()\s*$", before, re.I) and any(
        e.role == "step" for e in earlier
    )
    if (
        _STORAGE.search(sentence)
        or (_STORAGE_ABROAD.search(sentence) and duration.min_minutes >= _KEEPING_MINUTES)
        or (_kept_cold(sentence, duration) and not alternative)
    ):
        return "storage"  # not "chill for 1 hour or up to 4 days": the wait's other end
    clause = before[before.rfind(",") + 1 :]
    ends_before = re.search(r"\b(?:before|beforehand)\s*$", duration.text, re.I)
    if (
        ends_before
        or (
            _BEFORE_AFTER.match(after)
            and not _TIMED_VERB.search(clause)
            and not re.search(r"\bfor\s+$", clause, re.I)
        )
        or _lead_abroad(clause, after)
    ):
        return "lead"  # "about 4 hours before you sit down", "out of the fridge 30 minutes before"
    if _DEFINITE.search(before):
        return "repeat"  # "At the end of the 25 minutes"
    in_opening = _REFERS_BACK.match(before) and "," not in before
    if in_opening and any(_overlaps(duration, e) for e in earlier[-_RECENT:]):
        return "repeat"  # "After the ribs have cooked 1½–2 hours, …"
    if start < place.main_at and not _LAST_WINDOW.match(lead):
        if _BESIDE.match(lead) or _SCENE.match(lead):
            return "scene"  # "While the pork roasts for 2 hours, …"
        if re.match(r"\s*if\b", lead, re.I):
            return "other"
    return "step"


def _overlaps(a: Duration, b: Duration) -> bool:
    a_hi = a.max_minutes if a.max_minutes is not None else a.min_minutes
    b_hi = b.max_minutes if b.max_minutes is not None else b.min_minutes
    return a.min_minutes <= b_hi and b.min_minutes <= a_hi


def _joined(text: str, previous: tuple[int, Duration], start: int, duration: Duration) -> str:
    """An own time after another in the same sentence: an alternative ("10 minutes or up to 1
    hour"), the same time restated ("1½ hours (90 minutes)"), or a part beside the other
    ("…; meanwhile fry the garlic for 2 minutes")."""
    end, other = previous
    gap = text[end:start]
    if _LAST_WINDOW.match(duration.text) and _within(duration, other):
        return "other"  # "bake 25-30 minutes, swapping the cakes for the last 10 minutes"
    if (
        re.search(r"\(\s*$", gap)
        and duration.max_minutes == duration.min_minutes
        and _within(duration, other)
    ):
        return "other"  # "bake 29-32 minutes. (30 minutes is usually perfect!)"
    if _BETTER_AFTER.match(text, start + len(duration.text)):
        return "alternative"  # "1-2 hours at room temperature (overnight is even better)"
    if _SENTENCE_END.search(gap):
        begin, _ = _sentence(text, start, start)
        if _BESIDE.match(text[begin:start]):
            return "alongside"
        if _ALTERNATIVELY.match(text[begin:start]):
            return "alternative"  # "Cook on low for 8 hours. Alternatively, on high for 6 hours."
        return "step"
    if re.fullmatch(r"\s*[(/]\s*(?:about|approx\.?|or\s+)?\s*", gap) and _same(duration, other):
        return "other"  # restated in other units
    if re.fullmatch(r"\s*[,(–—-]\s*(?:or\s+|that\s+is\s+|i\.e\.\s*)?", gap) and _same(
        duration, other, duration.factor
    ):
        return "other"  # "8 minutes, 4 minutes per side": the same time, side by side
    if _RANGE_GAP.search(gap) or (
        re.fullmatch(r"\s*(?:,|\(|,?\s*(?:and|but))?\s*", gap)
        and re.match(r"up\s+to\b", duration.text, re.I)
    ):
        return "alternative"  # "10 minutes or up to 1 hour", "at least 2 hours, preferably
        # overnight", "1 hour for the yeast version and 4 hours for the sourdough version"
    return "step"


# a sentence that gives another way: "Alternatively, cook on high for 6 hours", "Or bake …"
_ALTERNATIVELY = re.compile(
    r"\W*(?:alternatively|alternativ|alternativement|alternativamente|or|oppure|o\s+bien|"
    r"eller|oder|ou)\b",
    re.I,
)
_BETTER_AFTER = re.compile(r"\s*(?:is|would\s+be)\s+(?:even\s+)?(?:better|best|ideal)\b", re.I)


def _within(duration: Duration, other: Duration) -> bool:
    """A time inside the range of another: "the last 10 minutes" of 25-30, the 30 of 29-32."""
    top = other.max_minutes if other.max_minutes is not None else other.min_minutes
    return duration.min_minutes <= top * other.factor and (
        duration.min_minutes >= other.min_minutes * other.factor
        or bool(_LAST_WINDOW.match(duration.text))
    )


_RANGE_GAP = re.compile(
    r"\b(?:or|up\s+to|jusqu['’]\s?à|bis|hasta|fino\s+a|até|eller|preferably|ideally)\b|"
    # the same in other languages: "au moins 2 heures, idéalement toute une nuit"
    r"\b(?:ou|oder|o|idéalement|idealerweise|am\s+besten|idealmente|preferiblemente|"
    r"preferibilmente|de\s+prefer[eê]ncia|bij\s+voorkeur|helst|gerne|gärna)\b|"
    r"^\s*[–—-]\s*$|^\s*to\s*$|"  # "at least 8 hours to overnight"
    r"\(\s*of\s+(?!course\b)|"  # Dutch "(of zet het 8 uur in de oven)": or
    r"\bfor\s+(?:the|a)\s+[\w-]+\s+(?:version|method|dough)\s*,?\s+(?:and|but)\b",  # two ways
    re.I,
)


def _same(a: Duration, b: Duration, factor: int = 1) -> bool:
    return round(a.min_minutes * factor) == round(b.min_minutes * b.factor) and round(
        (a.max_minutes or a.min_minutes) * factor
    ) == round((b.max_minutes or b.min_minutes) * b.factor)


def own_time(durations: Sequence[Duration]) -> Duration | None:
    """The step's own time from its durations and their roles: parts added up, an alternative
    widening the part before it, a part beside another counting once (the longer), each part
    taken ``factor`` times; None when the step states no time of its own."""
    parts: list[tuple[float, float | None, str]] = []
    for d in durations:
        if d.role not in OWN_ROLES:
            continue
        low = d.min_minutes * d.factor
        high = None if d.max_minutes is None else d.max_minutes * d.factor
        if d.role == "alternative" and parts:
            p_low, p_high, p_text = parts[-1]
            bounded = [h for h in (p_high, high) if h is not None]
            top = max(bounded) if bounded and max(bounded) >= max(p_low, low) else None
            floor = p_low if low == 0 else min(p_low, low)  # "or up to 1 hour" keeps the 10
            parts[-1] = (floor, top, f"{p_text} or {d.text}")
        elif d.role == "alongside" and parts:
            p_low, p_high, p_text = parts[-1]
            top = None if p_high is None or high is None else max(p_high, high)
            parts[-1] = (max(p_low, low), top, p_text)
        else:
            shown = d.text if d.factor == 1 else f"{d.text} ×{d.factor}"
            parts.append((low, high, shown))
    if not parts:
        return None
    # parts adding up beyond ten years stop there (ladle.limits): the planner refuses either
    low = min(round(sum(p[0] for p in parts), 2), MAX_MINUTES)
    highs = [p[1] for p in parts]
    high = None if any(h is None for h in highs) else round(sum(h or 0 for h in highs), 2)
    high = None if high is None else min(high, MAX_MINUTES)
    return Duration(low, high, " + ".join(p[2] for p in parts))


# --- relation and heat ---------------------------------------------------------------------------

WITHIN_LAST = re.compile(
    r"^\s*(?:in|during|for)\s+the\s+(?:last|final)\s+(?P<n>\d+(?:\.\d+)?)\s*(?:minutes?|mins?)\b",
    re.I,
)
_ALONGSIDE = re.compile(
    r"^\s*(?:while|whilst|meanwhile|in\s+the\s+meantime|at\s+the\s+same\s+time|during|"
    r"as\s+(?!soon\b)(?:the|your|it|they|this|that|these|those)\b)",
    re.I,
)
_AFTER = re.compile(r"^\s*(?:once|when|after|as\s+soon\s+as)\b", re.I)


def relation_of(text: str) -> Relation:
    """How a step stands to the steps before it, from its leading clause."""
    main = main_clause(text)
    lead = text[: len(text) - len(main)].strip()
    within = WITHIN_LAST.match(text)
    if within and minutes_ok(minutes := float(within.group("n"))):
        return Relation("within_last", minutes, lead or within.group(0))
    if _ALONGSIDE.match(text):
        return Relation("alongside", None, lead)
    if _AFTER.match(text) and lead:
        return Relation("after", None, lead)
    return Relation()


_APPLIANCES = (
    "pressure cooker",
    "slow cooker",
    "rice cooker",
    "sous vide",
    "air fryer",
    "deep fryer",
    "microwave",
    "smoker",
    "blowtorch",
    "grill",
    "toaster oven",
)
# a step's vessel that sits on a burner, or the burner itself: the stove is its heat
_ON_THE_STOVE = STOVE_VESSELS | {"stove", "steamer"}
_NOT_HEATING = re.compile(
    r"\b(?:off(?:\s+of)?|from)\s+(?:the\s+)?(?:heat|stove|burner)\b|\b(?:out\s+of|from)\s+the\s+oven\b|"
    r"\bbefore\s+(?:cooking|roasting|baking|grilling)\b|\bheat-?proof\b|\bremove\b[^.]*\bheat\b|"
    r"\b(?:vent|release|let|allow)\w*\s+(?:the\s+|some\s+)?steam\b|\bsteam\s+(?:to\s+)?escape\b",
    re.I,
)
_ASIDE = re.compile(
    r"(?:^|(?<=[.!?]))\s*(?:note|tip|alternatively|optional(?:ly)?|or)\b[^.!?]*[.!?]?|"
    r"(?:^|(?<=[.!?]))\s*if\s+(?:you(?:'re|\s+are)?\s+)?(?:using|use|have|prefer|want)\b[^.!?]*[.!?]?|"
    r"\([^()]*\)|\bor\s+(?:use\s+|in\s+)?(?:a|an|the|your)\s+[\w\s-]{0,30}?"
    r"(?:cooker|instant\s+pot|crock-?\s?pot|air\s+fryer|oven|grill|smoker)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I've|I'm|we|we've|my|our)\b")
_SETS_HEAT = re.compile(r"\b(?:pre-?heat|fire\s+up|light)\w*", re.I)


def heat_of(step: Step) -> str | None:
    """What heats the food in a step (``model.HEATS``), or None when nothing does."""
    main = _NOT_HEATING.sub(" ", without_cooked_foods(main_clause(step.text)))
    heats = bool(heat_verb().search(main) or _SETS_HEAT.search(main))
    ovens = any(t.kind == "oven" for t in step.temperatures)
    equipment = set(step.equipment)
    if "blowtorch" in equipment:
        return "blowtorch"  # "caramelise the tops with a blowtorch"
    # "Set the sous vide to 135°F": the bath set to its water temperature heats
    heats |= "sous vide" in equipment and any(
        t.kind in {"water", "other"} for t in step.temperatures
    )
    if not heats and not ovens:
        return None
    if _FIRST_PERSON.search(step.text) and not any(
        is_instruction(x) for x in re.split(r"(?<=[.!?])\s+", step.text)
    ):
        return None  # a note among the steps ("I have tested this in a slow cooker …")
    # an appliance named only in an aside ("Note: if you are using an Instant Pot, …",
    # "or use a slow cooker") is another way, not the one the step cooks by
    said = set(equipment_in(_ASIDE.sub(" ", step.text))) if _ASIDE.search(step.text) else equipment
    for appliance in _APPLIANCES:
        if appliance in equipment and appliance in said:
            return "oven" if appliance == "toaster oven" else appliance
    if "oven" in equipment or ovens:
        return "oven"
    if "kettle" in equipment and not equipment & (_ON_THE_STOVE - {"pan"}):
        return None  # water boiled in a kettle (for a tin's water bath)
    if equipment & _ON_THE_STOVE:
        return "stove"
    return None
