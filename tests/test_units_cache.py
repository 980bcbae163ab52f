"""pint's cache: ingredient-parser's registry gets ladle's cache folder, a damaged cache is emptied
and written again, and a cache that keeps failing means no cache, never a failure."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from ladle import units


def test_a_module_imported_with_the_unit_cache_gets_a_cached_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pint

    monkeypatch.setenv("LADLE_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "ladle_probe_units.py").write_text(
        "import pint\nUREG = pint.UnitRegistry()\nOWN = pint.UnitRegistry(cache_folder=None)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "ladle_probe_units", raising=False)
    original = pint.UnitRegistry
    module = units.import_with_unit_cache("ladle_probe_units")
    assert module.UREG.cache_folder == tmp_path / "cache" / "pint"
    assert module.OWN.cache_folder is None  # a caller's own choice is kept
    assert pint.UnitRegistry is original
    assert units.import_with_unit_cache("ladle_probe_units") is module
    assert list((tmp_path / "cache" / "pint").glob("*.pickle"))


def test_a_cache_that_fails_is_emptied_and_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LADLE_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "pint"
    folder.mkdir(parents=True)
    (folder / "damaged.pickle").write_bytes(b"garbage")
    seen: list[Path | None] = []

    def build(where: Path | None) -> str:
        seen.append(where)
        if len(seen) == 1:
            raise EOFError("a damaged pickle")
        return "built"

    assert units._cached(build) == "built"
    assert seen == [folder, folder]
    assert not (folder / "damaged.pickle").exists()


def test_a_cache_that_always_fails_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LADLE_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr("tempfile.tempdir", None)
    seen: list[Path | None] = []

    def build(where: Path | None) -> str:
        seen.append(where)
        if where is not None:
            raise PermissionError("read-only")
        return "uncached"

    assert units._cached(build) == "uncached"
    fallback = tmp_path / "tmp" / f"ladle-{os.getuid()}" / "pint"
    assert seen == [tmp_path / "cache" / "pint"] * 2 + [fallback] * 2 + [None]
