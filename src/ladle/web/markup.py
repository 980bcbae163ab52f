"""HTML that came from outside, made safe to show: the only way markup from an import may
reach a page. And the one other markup a page holds: the plan's Gantt chart (``inline_svg``).

No page shows imported HTML today: every recipe text is plain text, escaped by the templates.
A page that ever shows a fragment of an imported page (a description with its links, say)
passes it through ``cleaned`` (the ``cleaned`` filter of the templates), which keeps text-level
markup and http(s) links only, through nh3 (the Rust sanitizer ammonia).

The Gantt chart is SVG that ladle writes itself (``ladle.planning.export.gantt_svg``), with
every recipe text escaped. Before it goes into a page, ``inline_svg`` parses it and checks
every element and attribute against a list of shapes, text and presentation (no script, no
style, no link, no event handler, no ``url()`` but to its own pattern), then writes it out
again from the parsed tree, so the page gets well-formed markup whatever the text held. A
chart that fails the check is not inlined (the page shows it as an image instead).
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import nh3
from markupsafe import Markup

__all__ = ["ALLOWED_TAGS", "SVG_ATTRIBUTES", "SVG_TAGS", "cleaned", "inline_svg"]

ALLOWED_TAGS = frozenset({"a", "b", "br", "em", "i", "li", "ol", "p", "strong", "sub", "sup", "ul"})


def cleaned(fragment: str) -> Markup:
    """An HTML fragment with everything that could run, load or restyle removed."""
    return Markup(
        nh3.clean(
            fragment,
            tags=set(ALLOWED_TAGS),
            attributes={"a": {"href"}},
            url_schemes={"http", "https"},
            link_rel="noopener noreferrer nofollow",
            strip_comments=True,
        )
    )


SVG_NS = "http://www.w3.org/2000/svg"
SVG_TAGS = frozenset(
    {"svg", "g", "title", "desc", "defs", "pattern", "rect", "line", "polyline", "polygon",
     "path", "circle", "ellipse", "text", "tspan"}
)  # fmt: skip
SVG_ATTRIBUTES = frozenset(
    {"class", "id", "x", "y", "x1", "y1", "x2", "y2", "dx", "dy", "cx", "cy", "r", "rx", "ry",
     "width", "height", "viewBox", "points", "d", "fill", "fill-opacity", "opacity", "stroke",
     "stroke-width", "stroke-dasharray", "stroke-opacity", "font-family", "font-size",
     "font-weight", "font-style", "text-anchor", "dominant-baseline", "transform",
     "patternUnits", "patternTransform"}
)  # fmt: skip
_URL = re.compile(r"url\(\s*#[A-Za-z][\w-]*\s*\)")


def _allowed(name: str, value: str) -> bool:
    if name not in SVG_ATTRIBUTES and not re.fullmatch(r"data-[a-z][a-z0-9-]*", name):
        return False
    return "url(" not in value.lower() or _URL.fullmatch(value.strip()) is not None


def inline_svg(document: str) -> Markup | None:
    """ladle's own SVG checked for shapes and text only and written out again as markup for a
    page; None when it holds anything else."""
    if "<!" in document:  # no doctype, entity, comment or CDATA: ladle writes none
        return None
    try:
        root = ElementTree.fromstring(document)
    except ElementTree.ParseError:
        return None
    prefix = "{" + SVG_NS + "}"
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag.startswith(prefix) or tag.removeprefix(prefix) not in SVG_TAGS:
            return None
        if not all(_allowed(name, value) for name, value in element.attrib.items()):
            return None
        element.tag = tag.removeprefix(prefix)
    root.set("xmlns", SVG_NS)
    return Markup(ElementTree.tostring(root, encoding="unicode"))
