"""A page cut short is an error, a charset header that does not fit the bytes is passed over,
and a page nested deeper than ladle reads says so (issue 13: nothing lost in silence)."""

from __future__ import annotations

import gzip

import httpx
import pytest

from ladle.errors import FormatError, SourceError
from ladle.fetch import _decode, _read
from ladle.formats import read_text

PAGE = "<html><body><h1>Crème brûlée</h1>" + "<p>Bake for 30 minutes.</p>" * 200 + "</body></html>"


def response(body: bytes, **headers: str) -> httpx.Response:
    return httpx.Response(200, headers=headers, stream=httpx.ByteStream(body))


def test_a_whole_gzip_body_is_read() -> None:
    body = gzip.compress(PAGE.encode())
    assert _read(response(body, **{"content-encoding": "gzip"}), "x", 10_000_000) == PAGE.encode()


def test_a_gzip_body_cut_short_is_an_error() -> None:
    body = gzip.compress(PAGE.encode())[:-40]
    with pytest.raises(SourceError, match="cut short"):
        _read(response(body, **{"content-encoding": "gzip"}), "x", 10_000_000)


def test_a_utf16_header_over_utf8_bytes_is_passed_over() -> None:
    text, codec = _decode(PAGE.encode("utf-8"), "utf-16")
    assert text == PAGE and codec == "utf-8"
    text, codec = _decode(PAGE.encode("utf-8"), "iso-8859-1")  # cp1252 that does not fit? it
    assert codec == "cp1252"  # does fit any bytes: browsers read the label as Windows-1252


def test_a_utf8_header_over_windows_1252_bytes_is_passed_over() -> None:
    text, codec = _decode(PAGE.encode("cp1252"), "utf-8")
    assert codec == "utf-8" and "\ufffd" in text  # no better guess: bytes replaced, not refused


@pytest.mark.parametrize("depth", [300, 1500])
def test_deeply_nested_pages_are_read_whole(depth: int) -> None:
    page = (
        "<html><head><title>Deep Cake</title></head><body>" + "<div>" * depth
        + "<h1>Deep Cake</h1><h2>Ingredients</h2><ul><li>1 cup flour</li><li>2 eggs</li></ul>"
        "<h2>Instructions</h2><ol><li>Mix and bake for 30 minutes.</li></ol>"
        + "</div>" * depth + "</body></html>"
    )  # fmt: skip
    recipe = read_text(page, "html", "deep.html")[0]
    assert len(recipe.ingredients) == 2 and recipe.steps


def test_a_page_deeper_than_ladle_reads_says_so() -> None:
    page = "<html><body>" + "<div>" * 3000 + "<ul><li>1 cup flour</li></ul>" + "</div>" * 3000
    with pytest.raises(FormatError, match="more than 2,000 deep"):
        read_text(page, "html", "deep.html")
