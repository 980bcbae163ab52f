"""Spans of time as recipes write them: "25–30 minutes", "1.5 to 2 hours", "at least 4 hours",
"overnight", "a day ahead", "the last 10 minutes".

Minutes throughout; ``max_minutes`` None means open-ended ("at least 30 minutes"); "overnight"
is 480 to 720 minutes, as the contract says.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from ladle.limits import minutes_ok
from ladle.model import Duration
from ladle.text import NUMBER, parse_number
from ladle.words import alternation, table, word_list

__all__ = ["find_durations", "find_spans", "minutes_of"]

# Units of time in other languages ("1 heure", "ca 1 timme"): data/words/durations.toml.
_FOREIGN_MINUTES: dict[str, float] = {
    spelling: {"second": 1 / 60, "minute": 1, "hour": 60, "day": 1440, "week": 10080}[unit]
    for unit, spellings in table("durations")["units"].items()
    for spelling in spellings
}
_FOREIGN_UNIT = alternation(_FOREIGN_MINUTES)
_FOREIGN_RANGE = alternation(table("durations")["joins"]["range"])
# "between 3 and 4 hours", "entre 3 et 4 heures": a range, its ends joined by "and"
_BETWEEN = alternation(("between", *word_list("durations", "between")))
_BETWEEN_AND = alternation(("and", *word_list("durations", "between_and")))
# "au moins 30 minutes", "mindestens 2 Stunden": at least, in other languages
_AT_LEAST_WORDS = frozenset(word_list("durations", "at_least"))
_AT_LEAST = alternation(_AT_LEAST_WORDS)

# Times in words of other languages: "eine Stunde", "une dizaine de minutes", "media hora".
_SPELLED = table("durations")["spelled"]
_SPELLED_NUMBER = re.compile(
    rf"(?<![\w'])(?:une\s+)?(?P<n>{alternation(_SPELLED['numbers'])})\s+"
    rf"(?P<u>{alternation([*_FOREIGN_MINUTES, 'minute', 'minutes'])})(?!\w)",
    re.I,
)
_SPELLED_PHRASE = re.compile(rf"(?<![\w']){alternation(_SPELLED['phrases'])}(?!\w)", re.I)
_TIME_WORD = re.compile(
    rf"(?:sec|min|hour|hr|day|week|month|overnight|before|\dh|\d\s?[hms]\b|{_FOREIGN_UNIT}|"
    rf"{alternation(_SPELLED['phrases'])}|分|時間|小时|小時|秒)",
    re.I,
)

_UNIT_MINUTES: dict[str, float] = {
    "second": 1 / 60,
    "sec": 1 / 60,
    "s": 1 / 60,
    "minute": 1,
    "min": 1,
    "m": 1,
    "hour": 60,
    "hr": 60,
    "h": 60,
    "day": 1440,
    "week": 10080,
    "month": 43200,
    "mo": 43200,
}
_TIME_UNIT = (
    r"(?:seconds?|secs?\.?|minutes?|mins?\.?|hours?|hrs?\.?|days?|weeks?|months?"
    rf"|(?<=\d)\s?(?:h|m|s)(?![a-z])|(?<=\d\s){_FOREIGN_UNIT}(?!\w))"
)
_SEP = (
    rf"(?:\s*(?:-|–|—|to|or|(?<=\s){_FOREIGN_RANGE}(?=\s))\s*"
    rf"|(?(between)\s+{_BETWEEN_AND}\s+|(?!)))"
)
_PREFIX = (
    rf"(?P<pre>(?P<between>{_BETWEEN})|at\s+least|{_AT_LEAST}|no\s+less\s+than|a\s+minimum\s+of|"
    r"minimum(?:\s+of)?|up\s+to|no\s+more\s+than|at\s+most|a\s+maximum\s+of|maximum(?:\s+of)?|about|around|"
    r"approximately|approx\.?|roughly|another|a\s+further|an\s+additional|additional|"
    r"(?:during\s+|for\s+|in\s+)?the\s+(?:last|final|first|next)|over|under|within)\s+"
)
_DURATION = re.compile(
    rf"(?<![\w.])(?:{_PREFIX})?"
    rf"(?P<a>{NUMBER})(?:\s*(?P<aunit>{_TIME_UNIT}))?"
    rf"(?:(?P<ahalf>\s+and\s+a\s+half))?"
    rf"(?:{_SEP}(?P<b>{NUMBER}))?"
    # "cook 1-2 more minutes", "5 or so minutes", "sear 1-minute per side"
    rf"(?:\s+(?:more|extra|additional|further|or\s+so))?(?:\s*|-(?=\w+\s+(?:per|each|on\s+each|a)\s+side))(?P<unit>{_TIME_UNIT})"
    rf"(?P<bhalf>\s+and\s+a\s+half)?"
    rf"(?:,?\s*(?:and\s+)?(?P<c>{NUMBER})\s*(?P<cunit>{_TIME_UNIT}))?"
    r"(?![\w])",
    re.I,
)
# overnight, in the languages ladle reads: "über Nacht", "toute une nuit", "toda la noche"
_OVERNIGHT = re.compile(
    r"\b(?P<pre>up\s+to\s+)?(?:overnight|über\s+nacht|toute\s+(?:une|la)\s+nuit|pendant\s+la\s+nuit|"
    r"toda\s+la\s+noche|durante\s+(?:la|toda\s+a|a)\s+no(?:che|ite)|per\s+una\s+notte|"
    r"(?:tutta|durante)\s+la\s+notte|(?<!d')une\s+nuit|overnacht|"
    r"een\s+nacht(?:je)?|(?:över|over)\s+natten|natten\s+over|przez\s+noc|"
    # Czech, Slovak, Hungarian: through the night, till the next day
    r"přes\s+noc|cez\s+noc|do\s+(?:druhého|dalšího)\s+dne|do\s+(?:druhého|ďalšieho)\s+dňa|"
    r"egy\s+éjszakán\s+át|egész\s+éjszaká(?:ra|n\s+át))\b",
    re.I,
)
_DAY_AHEAD = re.compile(
    r"\b(?P<pre>up\s+to\s+|at\s+least\s+)?(?P<n>a|one|two|three|\d+)\s+days?\s+"
    r"(?:ahead|in\s+advance|before(?:hand)?|early)\b|\bthe\s+(?:day|night)\s+before\b|"
    # the day before in other languages: "la veille", "am Vortag", "la víspera", "dagen før"
    r"\b(?:la\s+veille|le\s+jour\s+d'avant|am\s+vortag|am\s+vorabend|el\s+día\s+(?:antes|anterior)|"
    r"la\s+víspera|il\s+giorno\s+(?:prima|precedente)|de\s+véspera|na\s+véspera|no\s+dia\s+anterior|"
    r"de\s+dag\s+ervoor|de\s+avond\s+ervoor|dagen\s+(?:innan|före|før|i\s+forvejen))\b",
    re.I,
)
_HOURS_MINUTES = re.compile(r"(?<![\w.])(?P<h>\d{1,2})\s?h\s?(?P<m>[0-5]\d)\b", re.I)
# "saute for an additional minute", "another hour": one more of the unit
_ONE_MORE = re.compile(
    r"\b(?:another|an\s+(?:additional|extra)|a\s+further|one\s+more)\s+(?P<unit>minute|hour)\b",
    re.I,
)
_HALF_HOUR = re.compile(r"\b(?:half\s+an?\s+hour|a\s+half[-\s]hour)\b", re.I)
# Japanese and Chinese times, the unit right after the number and no word boundaries: "10分",
# "3〜4分", "1時間", "30秒", "20至25分钟", "1个小时" (not "5分の1", a fifth)
_CJK_TIME = re.compile(
    r"(?<![\d.])(?P<a>\d+(?:\.\d+)?)(?:\s*(?:[〜～~\-–]|至|到)\s*(?P<b>\d+(?:\.\d+)?))?\s*"
    r"(?:个|個)?(?P<unit>分(?:間|钟|鐘)?(?!の)|時間|小时|小時|钟头|鐘頭|秒(?:钟|鐘)?)"
    # half an hour in Chinese: "半小时", "半个小时"
    r"|(?P<half>半(?:个|個)?(?:小时|小時|钟头|鐘頭))"
)
_CJK_UNIT = {
    "分": 1.0, "分間": 1.0, "分钟": 1.0, "分鐘": 1.0, "時間": 60.0, "小时": 60.0, "小時": 60.0,
    "钟头": 60.0, "鐘頭": 60.0, "秒": 1 / 60, "秒钟": 1 / 60, "秒鐘": 1 / 60,
}  # fmt: skip
# "a minute or two", "an hour or two": one to two of the unit
_ONE_OR_TWO = re.compile(
    r"\b(?:an?|another|an\s+additional|one\s+more)\s+(?P<unit>minute|hour|day)\s+or\s+two\b", re.I
)


def _unit_minutes(unit: str | None) -> float | None:
    if not unit:
        return None
    key = unit.strip().lower()
    if key in _FOREIGN_MINUTES:
        return _FOREIGN_MINUTES[key]
    key = key.rstrip(".")
    if key in _UNIT_MINUTES:
        return _UNIT_MINUTES[key]
    key = key.rstrip("s")
    return _UNIT_MINUTES.get(key)


def find_durations(text: str) -> list[Duration]:
    """Every span of time a text states, in order of appearance.

    >>> [(d.min_minutes, d.max_minutes) for d in find_durations("roast for 1.5 to 2 hours")]
    [(90.0, 120.0)]
    """
    return [d for _, _, d in find_spans(text)]


def find_spans(text: str) -> list[tuple[int, int, Duration]]:
    """Every span of time a text states with where it stands: ``(start, end, duration)``."""
    if not (_TIME_WORD.search(text) or _OVERNIGHT.search(text) or _DAY_AHEAD.search(text)):
        return []
    found: list[tuple[int, int, Duration]] = []
    taken: list[tuple[int, int]] = []  # the spans kept, sorted and apart: one bisect a span

    def add(start: int, end: int, duration: Duration) -> None:
        # a time beyond ten years is none ladle can use: it stays in the text, unread
        if not (minutes_ok(duration.min_minutes) and minutes_ok(duration.max_minutes)):
            return
        at = bisect.bisect_left(taken, (start, end))
        if at > 0 and taken[at - 1][1] > start:
            return  # overlaps the span before
        if at < len(taken) and taken[at][0] < end:
            return  # overlaps the span after
        taken.insert(at, (start, end))
        found.append((start, end, duration))

    for match in _DAY_AHEAD.finditer(text):
        count = match.group("n")
        days = 1.0 if count is None else (parse_number(count) or 1.0)
        pre = (match.group("pre") or "").lower()
        if pre.startswith("up"):
            duration = Duration(0, days * 1440, match.group(0))
        elif pre.startswith("at"):
            duration = Duration(days * 1440, None, match.group(0))
        else:
            duration = Duration(days * 1440, days * 1440, match.group(0))
        add(match.start(), match.end(), duration)
    for match in _CJK_TIME.finditer(text):
        if match.group("half"):
            add(match.start(), match.end(), Duration(30, 30, match.group(0)))
            continue
        unit = _CJK_UNIT[match.group("unit")]
        low = float(match.group("a")) * unit
        high = float(match.group("b")) * unit if match.group("b") else low
        add(match.start(), match.end(), Duration(low, high, match.group(0)))
    for match in _ONE_OR_TWO.finditer(text):
        one = float(_UNIT_MINUTES[match.group("unit").lower()])
        add(match.start(), match.end(), Duration(one, 2 * one, match.group(0)))
    at = 0
    while (hit := _DURATION.search(text, at)) is not None:
        parsed = _duration_from_match(hit)
        end = hit.end()
        if parsed is None and hit.group("c") is not None:
            # "8 minutes, 4 minutes per side": two times, not "8 minutes and 4 seconds"
            end = hit.start("c")
            short = _DURATION.match(text, hit.start(), hit.end("unit"))
            parsed = _duration_from_match(short) if short else None
            end = hit.end("unit") if parsed is not None else end
        if parsed is not None:
            add(hit.start("pre") if hit.group("pre") else hit.start("a"), end, parsed)
        at = max(end, hit.start() + 1)
    for match in _HOURS_MINUTES.finditer(text):
        minutes = int(match.group("h")) * 60 + int(match.group("m"))
        add(match.start(), match.end(), Duration(minutes, minutes, match.group(0)))
    for span in _in_words(text):
        add(*span)
    for match in _ONE_MORE.finditer(text):
        more = 60.0 if match.group("unit").lower() == "hour" else 1.0
        add(match.start(), match.end(), Duration(more, more, match.group(0)))
    for match in _HALF_HOUR.finditer(text):
        add(match.start(), match.end(), Duration(30, 30, match.group(0)))
    for match in _OVERNIGHT.finditer(text):
        low = 0.0 if match.group("pre") else 480.0
        add(match.start(), match.end(), Duration(low, 720, match.group(0)))
    found.sort(key=lambda item: item[0])
    return [_or_longer(text, *span) for span in _join_ranges(text, found)]


def _in_words(text: str) -> list[tuple[int, int, Duration]]:
    """Times said in words ("une demi-heure", "zwei Stunden") and the Nordic hour after a
    number ("i ca. 1 time"), in that order (an earlier span wins an overlap)."""
    spans: list[tuple[int, int, Duration]] = []
    for match in _SPELLED_PHRASE.finditer(text):
        said = float(_SPELLED["phrases"][" ".join(match.group(0).lower().split())])
        spans.append(_spelled(text, match, said))
    for match in _SPELLED_NUMBER.finditer(text):
        count = _SPELLED["numbers"][" ".join(match.group("n").lower().split())]
        said = float(count) * _FOREIGN_MINUTES.get(match.group("u").lower(), 1.0)
        spans.append(_spelled(text, match, said))
    for match in _ONE_HOUR_NORDIC.finditer(text):
        hours = parse_number(match.group("n")) or 0.0
        least = match.group("pre").lower() in _AT_LEAST_WORDS
        hour = Duration(hours * 60, None if least else hours * 60, match.group(0))
        spans.append((match.start(), match.end(), hour))
    return spans


# "marinate for 2 hours or longer": at least that long
# ("3-4 minutes (or longer if needed)", "20 minutes (or more, depending on your oven)" hedge)
_OR_LONGER = re.compile(
    r"\s*(?:\(\s*or\s+(?:longer|more)\s*\)|or\s+(?:longer|more)\b(?!\s+if\b))", re.I
)


def _or_longer(text: str, start: int, end: int, duration: Duration) -> tuple[int, int, Duration]:
    more = _OR_LONGER.match(text, end)
    if more is None or duration.max_minutes is None:
        return start, end, duration
    return start, more.end(), Duration(duration.min_minutes, None, text[start : more.end()])


# Danish and Norwegian "time" (hour) after a number, where no English sentence would put it:
# "i 1 time", "ca. 1 time", "mindst 1 time" ("1 time" alone is English, once)
_ONE_HOUR_NORDIC = re.compile(
    r"(?<![\w'])(?P<pre>i|ca\.?|cirka|omkring|mindst|minst|yderligere|ytterligere)\s+"
    rf"(?P<n>{NUMBER})\s+time(?!\w)",
    re.I,
)
_AT_LEAST_BEFORE = re.compile(rf"(?<![\w'])(?:at\s+least|{_AT_LEAST})\s+$", re.I)


def _spelled(text: str, match: re.Match[str], said: float) -> tuple[int, int, Duration]:
    """A time said in words, open-ended after "at least" ("au moins une heure")."""
    least = _AT_LEAST_BEFORE.search(text, max(0, match.start() - 24), match.start())
    if least is None:
        return match.start(), match.end(), Duration(said, said, match.group(0))
    return least.start(), match.end(), Duration(said, None, text[least.start() : match.end()])


_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|or)\s*", re.I)


def _join_ranges(
    text: str, found: list[tuple[int, int, Duration]]
) -> list[tuple[int, int, Duration]]:
    """ "1 hour 20 minutes to 1 hour 30 minutes": two exact times that make one range."""
    out: list[tuple[int, int, Duration]] = []
    for start, end, duration in found:
        if out:
            p_start, p_end, previous = out[-1]
            exact = previous.max_minutes == previous.min_minutes
            if (
                exact
                and duration.max_minutes == duration.min_minutes
                and duration.min_minutes > previous.min_minutes
                and _RANGE_GAP.fullmatch(text[p_end:start])
            ):
                joined = Duration(previous.min_minutes, duration.max_minutes, text[p_start:end])
                out[-1] = (p_start, end, joined)
                continue
        out.append((start, end, duration))
    return out


def _duration_from_match(match: re.Match[str]) -> Duration | None:
    unit = _unit_minutes(match.group("unit"))
    a = parse_number(match.group("a"))
    if unit is None or a is None:
        return None
    a_unit = _unit_minutes(match.group("aunit")) or unit
    if a_unit < 1 and not match.group("a")[:1].isdigit():
        return None  # "a second bowl" is not a second
    low = a * a_unit
    if match.group("ahalf"):
        low += 0.5 * a_unit
    high = low
    b_text = match.group("b")
    if b_text is not None:
        b = parse_number(b_text)
        if b is None:
            return None
        high = b * unit
        if match.group("bhalf"):
            high += 0.5 * unit
    elif match.group("bhalf"):
        low += 0.5 * unit
        high = low
    c_text, c_unit_text = match.group("c"), match.group("cunit")
    if c_text is not None and c_unit_text is not None:
        c_unit = _unit_minutes(c_unit_text)
        c = parse_number(c_text)
        if c is None or c_unit is None or c_unit >= unit:
            return None
        high += c * c_unit
        if b_text is None:
            low = high
    if high < low:
        low, high = high, low
    pre = " ".join((match.group("pre") or "").lower().split())
    text = match.group(0).strip()
    if pre in {"at least", "no less than", "a minimum of", "minimum", "minimum of"} or (
        pre in _AT_LEAST_WORDS
    ):
        return Duration(_round(low), None, text)
    if pre in {
        "up to",
        "no more than",
        "at most",
        "a maximum of",
        "maximum",
        "maximum of",
        "under",
        "within",
    }:
        return Duration(0, _round(high), text)
    if low <= 0:
        return None
    return Duration(_round(low), _round(high), text)


def _round(minutes: float) -> float:
    return round(minutes, 2)


_ISO = re.compile(
    r"^\s*-?P(?:(?P<y>\d+(?:[.,]\d+)?)Y)?(?:(?P<mo>\d+(?:[.,]\d+)?)M)?(?:(?P<w>\d+(?:[.,]\d+)?)W)?"
    r"(?:(?P<d>\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:[.,]\d+)?)H)?(?:(?P<m>\d+(?:[.,]\d+)?)M)?(?:(?P<s>\d+(?:[.,]\d+)?)S)?)?\s*$",
    re.I,
)
_ISO_MINUTES = {"y": 525600, "mo": 43200, "w": 10080, "d": 1440, "h": 60, "m": 1, "s": 1 / 60}


def minutes_of(value: object) -> float | None:
    """Minutes of a time as sources state it: an ISO 8601 duration (``PT1H30M`` → 90, and the
    odd shapes sites write: ``PT90M``, ``PT0H30M``, ``P0DT1H``, fractions, lower case), a
    number of minutes, or words ("1 hr 20 mins", the longest end of a range).

    >>> minutes_of("P0DT1H"), minutes_of("PT90M"), minutes_of("PT0H30M"), minutes_of(45)
    (60.0, 90.0, 30.0, 45.0)
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if minutes_ok(number) else None
    if isinstance(value, list):
        return minutes_of(value[0]) if value else None
    if isinstance(value, Mapping):
        return minutes_of(value.get("@value") or value.get("value") or value.get("maxValue"))
    text = str(value).strip()
    if not text:
        return None
    match = _ISO.match(text)
    if match and any(match.groupdict().values()):
        minutes = sum(
            float(v.replace(",", ".")) * _ISO_MINUTES[k] for k, v in match.groupdict().items() if v
        )
        return round(minutes, 2) if minutes_ok(minutes) else None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        number = float(text)
        return number if minutes_ok(number) else None
    found = find_durations(text)
    if found:
        first = found[0]
        return first.max_minutes if first.max_minutes is not None else first.min_minutes
    return None
