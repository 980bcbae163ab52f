"""A page's form, sent without JavaScript, carries its empty fields too (``?servings=&units=``):
for a page, an empty field is a field not given.

``BlankFieldsDropped`` takes them out of a page's query before the routes read it, so that
"as written" in a select or a cleared number field means the default, not a number that is
not one (422). The API under ``/api`` keeps its queries as sent.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["BlankFieldsDropped"]


class BlankFieldsDropped:
    """Drops the empty fields of a page's GET query."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query: bytes = scope.get("query_string", b"") if scope["type"] == "http" else b""
        path: str = scope.get("path", "")
        if query and scope.get("method") in {"GET", "HEAD"} and not path.startswith("/api"):
            pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
            kept = [(name, value) for name, value in pairs if value.strip()]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("ascii")}
        await self.app(scope, receive, send)
