"""HTML that came from outside, made safe to show: the only way markup from an import may
reach a page.

No page shows imported HTML today: every recipe text is plain text, escaped by the templates.
A page that ever shows a fragment of an imported page (a description with its links, say)
passes it through ``cleaned`` (the ``cleaned`` filter of the templates), which keeps text-level
markup and http(s) links only, through nh3 (the Rust sanitizer ammonia).
"""

from __future__ import annotations

import nh3
from markupsafe import Markup

__all__ = ["ALLOWED_TAGS", "cleaned"]

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
