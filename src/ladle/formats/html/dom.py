"""A web page's document: parsed once with lxml, and read as a cook sees it.

:func:`document` parses a page (after :func:`without_noise` took out styles, SVG, comments and
scripts that hold no data); :func:`chunks` gives an element's text as the blocks and headings
the page shows; :func:`page_text` the visible text of the whole page, one block per line;
:func:`hidden` tells what the page hides from view. Page-level facts: its canonical address
(:func:`page_url`) and its own name for itself (:func:`page_title`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ladle.errors import FormatError
from ladle.text import squeezed

__all__ = [
    "BLOCKS",
    "HEADINGS",
    "bold_line",
    "chunks",
    "document",
    "element_text",
    "hidden",
    "page_text",
    "page_title",
    "page_url",
    "squeezed",
    "without_noise",
]

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# control characters and non-characters: meaningless in a page, and lxml refuses them in text
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOISE = re.compile(
    r"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I
)
_DATA_SCRIPT = re.compile(r"<script\b[^>]*(?:json|__NEXT_DATA__)", re.I)
_SPACES = re.compile(r"\s+")
_NO_SPACE_BEFORE = re.compile(r"\s+([,.;:!?)\]®™])")

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset(
    [
        "p",
        "li",
        "ul",
        "ol",
        "div",
        "section",
        "article",
        "table",
        "tr",
        "td",
        "th",
        "dd",
        "dt",
        "dl",
        "blockquote",
        "figure",
        "header",
        "footer",
        "main",
        "aside",
    ]
)
_BOLD = frozenset({"strong", "b"})


def without_noise(text: str) -> str:
    """The page without what holds no recipe: styles, SVG, comments, and scripts other than
    JSON data (JSON-LD, Next.js page data). Pages shrink to about half, so both lxml and the
    site scrapers' BeautifulSoup parse them about twice as fast."""

    def keep(match: re.Match[str]) -> str:
        whole = match.group(0)
        if match.group(1) and match.group(1).lower() == "script" and _DATA_SCRIPT.match(whole):
            return whole
        return " "

    return _NOISE.sub(keep, text)


def document(text: str, location: str) -> Any:
    """The page parsed by lxml (an ``HtmlElement``)."""
    import lxml.html  # noqa: PLC0415 - loaded with the first page
    from lxml import etree  # noqa: PLC0415

    text = _NOT_XML.sub("", _XML_DECLARATION.sub("", text, count=1))
    try:  # huge_tree: pages nested deeper than libxml2's default 255 levels are read whole
        root = lxml.html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        raise FormatError(f"not an HTML page ({exc})", where=location) from exc
    if _depth(root) >= MAX_DEPTH:
        raise FormatError(
            f"the page nests its elements more than {MAX_DEPTH:,} deep, and ladle reads pages "
            "only to that depth (what lies deeper would be lost)",
            where=location,
            hint="save the recipe's part of the page, or copy its text into a .txt file",
        )
    return root


MAX_DEPTH = 2000  # libxml2 reads a huge tree 2,047 deep: an element this deep means text was cut


@cache
def _parser() -> Any:
    import lxml.html  # noqa: PLC0415

    return lxml.html.HTMLParser(huge_tree=True)


def _depth(root: Any) -> int:
    """How deep the parsed tree goes (at most ``MAX_DEPTH``; stops looking there)."""
    deepest = 0
    stack = [(root, 0)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        if deepest >= MAX_DEPTH:
            break
        stack.extend((child, level + 1) for child in element)
    return deepest


def element_text(element: Any) -> str:
    """An element's text, a space between its parts ("<b>1 tbsp</b>Soy sauce"), the checkbox
    glyphs of recipe plugins ("▢") left out."""
    text = _SPACES.sub(" ", " ".join(element.itertext()).replace("▢", " ")).strip()
    return _NO_SPACE_BEFORE.sub(r"\1", text)


def chunks(element: Any) -> list[tuple[str, str]]:
    """The text of an element as blocks: ("heading" | "block", text), whitespace collapsed."""
    out: list[tuple[str, str]] = []
    buffer: list[str] = []

    def flush(kind: str = "block") -> None:
        text = _NO_SPACE_BEFORE.sub(r"\1", " ".join("".join(buffer).split()))
        buffer.clear()
        if text:
            out.append((kind, text))

    def walk(node: Any) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in {"script", "style", "noscript"}:
            buffer.append(node.tail or "")
            return
        if tag == "br":
            flush()
            buffer.append(node.tail or "")
            return
        block = tag in BLOCKS or tag in HEADINGS
        if block:
            flush()
        alone = tag in _BOLD and not "".join(buffer).strip() and _ends_line(node)
        if alone:
            flush()
        buffer.append(node.text or "" if tag else "")
        for child in node:
            walk(child)
        if block or alone:
            flush("heading" if tag in HEADINGS or alone else "block")
        buffer.append(node.tail or "")

    buffer.append(element.text or "")
    for child in element:
        walk(child)
    flush()
    return out


def _ends_line(node: Any) -> bool:
    """Whether nothing but space follows an element before the next line break or block."""
    if (node.tail or "").strip():
        return False
    following = node.getnext()
    if following is None:
        return True
    tag = following.tag.lower() if isinstance(following.tag, str) else ""
    return tag == "br" or tag in BLOCKS or tag in HEADINGS


_HIDDEN_CLASS = re.compile(
    r"^(?:(?:u|is|js)-)?(?:hidden|visually-?hidden|visuallyhidden|sr-only)$|^d-none$"
)
_SHOWN_WIDE = re.compile(
    r"^(?:d-(?:sm|md|lg|xl|xxl)-|(?:sm|md|lg|xl|2xl):)(?:block|flex|grid|inline|table)"
)


def hidden(element: Any) -> bool:
    """Whether the page hides an element from view: a list in other units behind a switch."""
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").lower() == "true"
        or "display:none" in style
        or _hidden_by_class((element.get("class") or "").lower().split())
    )


def _hidden_by_class(tokens: list[str]) -> bool:
    """ "u-visuallyhidden", "d-none": hidden; "d-none d-lg-block", "hidden md:block": shown
    on a wide screen, so part of the page."""
    return any(_HIDDEN_CLASS.match(t) for t in tokens) and not any(
        _SHOWN_WIDE.match(t) for t in tokens
    )


_DROP = [
    "script",
    "style",
    "noscript",
    "svg",
    "nav",
    "footer",
    "header",
    "form",
    "aside",
    "iframe",
    "template",
    "button",
    "select",
]
_TEXT_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "tr",
        "table",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "address",
        "hr",
    ]
)


def page_text(doc: Any, drop: re.Pattern[str] | None = None, *, headings: bool = False) -> str:
    """The visible text of a page, one block per line, list items as "- " lines (the page is
    left as it is); ``headings``: h1–h6 and bold lines as Markdown headings ("## Storage");
    ``drop``: leave out elements whose class or id it finds (comments, related posts)."""
    body = doc.find("body")
    root = body if body is not None else doc
    out: list[str] = [root.text or ""]
    # A walk with its own stack: (element, True) opens it, (element, False) closes it.
    stack: list[tuple[Any, bool]] = [(child, True) for child in reversed(root)]
    while stack:
        element, opening = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not opening:
            if tag in _TEXT_BLOCKS:
                out.append("\n")
            out.append(element.tail or "")
            continue
        if not tag or tag in _DROP_SET or _hidden_or_dropped(element, drop):
            out.append(element.tail or "")  # a comment, a script, a closed menu: its tail stays
            continue
        if tag in _TEXT_BLOCKS:
            heading = headings and (tag in HEADINGS or bold_line(element))
            out.append("\n## " if heading else "\n- " if tag == "li" else "\n")
        out.append(element.text or "")
        stack.append((element, False))
        stack.extend((child, True) for child in reversed(element))
    return "\n".join(line.strip() for line in "".join(out).splitlines())


def _hidden_or_dropped(element: Any, drop: re.Pattern[str] | None) -> bool:
    if hidden(element):
        return True
    if drop is None:
        return False
    return bool(drop.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


_DROP_SET = frozenset(_DROP)


_LINE_TAGS = frozenset({"p", "div", "li", "dt", "span"})


def bold_line(element: Any) -> bool:
    """A block that is all bold: "<p><b>Salted Maple Butter Drizzle</b></p>"."""
    if not isinstance(element.tag, str) or element.tag.lower() not in _LINE_TAGS:
        return False
    first = element[0] if len(element) else None
    if first is None or not isinstance(first.tag, str) or first.tag.lower() not in _BOLD:
        return False  # a bold line starts with its bold text
    if (element.text or "").strip():
        return False
    text = "".join(element.itertext()).strip()
    if not text or len(text) > 80:
        return False
    bold = "".join("".join(b.itertext()) for b in element.iter("b", "strong")).strip()
    return text == bold


def page_url(doc: Any) -> str | None:
    """The page's own address: its canonical link, else its og:url."""
    for element in doc.iter("link", "meta"):
        if element.tag == "link" and "canonical" in (element.get("rel") or "").lower().split():
            href = element.get("href") or ""
            if href.startswith("http"):
                return str(href)
        if element.tag == "meta" and (element.get("property") or "").lower() == "og:url":
            content = element.get("content") or ""
            if content.startswith("http"):
                return str(content)
    return None


def page_title(doc: Any) -> str | None:
    """The page's own name for itself: og:title, else the first h1, else <title>."""
    for element in doc.iter("meta"):
        if (element.get("property") or "").lower() == "og:title" and element.get("content"):
            return _SPACES.sub(" ", str(element.get("content"))).strip()
    for tag in ("h1", "title"):
        for element in doc.iter(tag):
            text = element_text(element)
            if text:
                return text
    return None
