"""The public API: a small, sorted, complete ``__all__``."""

from __future__ import annotations

import ladle


def test_all_is_sorted() -> None:
    assert ladle.__all__ == sorted(ladle.__all__)


def test_every_name_in_all_resolves() -> None:
    for name in ladle.__all__:
        assert getattr(ladle, name) is not None, name


def test_public_modules_export_what_ladle_needs() -> None:
    assert {"read", "read_text", "parse_ingredient", "Recipe", "LadleError"} <= set(ladle.__all__)


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        _ = ladle.no_such_thing
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:  # pragma: no cover - the assertion is the test
        raise AssertionError("expected AttributeError")
