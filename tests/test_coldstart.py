"""A quick cold start, kept by structure rather than by timing.

``ladle parse`` in a fresh process must not import what it does not need, must find its caches
ready the second time (the tagger's quick file, pint's definitions for both registries) without
rewriting or re-validating them, and must rebuild a damaged cache instead of failing.
Nothing here measures time: ``bench/speed.py`` does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "ladle" / "data" / "examples" / "pork-belly-dinner.txt"
HEAVY = (
    "ingredient_parser",
    "lxml",
    "nltk",
    "numpy",
    "ortools",
    "pint",
    "recipe_scrapers",
    "sqlalchemy",
    "weasyprint",
)


def run_python(code: str, env: dict[str, str] | None = None) -> str:
    """Run ``code`` in a fresh interpreter; its standard output."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def fresh_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose caches and temporary directory start empty, under ``tmp_path``."""
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env = dict(os.environ)
    env["LADLE_CACHE_DIR"] = str(tmp_path / "cache")
    env["TMPDIR"] = str(tmp_path / "tmp")
    return env


# Parses the example in this process, counting the slow ways of loading that must not run.
PROBE = f"""
    import json, sys
    from collections import Counter
    import nltk.tag.perceptron
    import ladle.tagger

    calls = Counter()
    names = []

    def count(owner, name):
        names.append(name)
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)

        setattr(owner, name, counted)

    count(nltk.tag.perceptron.PerceptronTagger, "load_from_json")  # NLTK's validated JSON
    count(nltk.tag.perceptron, "safe_json_load")  # as the tagger module calls it
    count(ladle.tagger, "_convert")  # the JSON files and the quick file written
    count(ladle.tagger, "_read_model")  # the installed model read instead of the quick file
    count(ladle.tagger, "_write_quick")

    import ladle
    recipe = ladle.read({str(EXAMPLE)!r})[0]
    import ingredient_parser  # loaded by ladle by now, as ladle loads it
    folder = ingredient_parser.UREG.cache_folder
    print(json.dumps({{
        "calls": {{name: calls[name] for name in sorted(names)}},
        "library_pint_cache": None if folder is None else str(folder),
        "ladle_pint_cache": str(ladle.units.registry().cache_folder),
        "recipe": recipe.to_json(),
    }}))
"""


def probe(env: dict[str, str]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(run_python(PROBE, env))
    return document


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under ``folder``: inode, size and modification time."""
    return {
        str(path.relative_to(folder)): (
            path.stat().st_ino,
            path.stat().st_size,
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


NO_SLOW_LOADING = {
    "_convert": 0,
    "_read_model": 0,
    "_write_quick": 0,
    "load_from_json": 0,
    "safe_json_load": 0,
}


# --- imports --------------------------------------------------------------------------------


def test_the_command_line_imports_no_heavy_library_until_a_command_needs_it() -> None:
    output = run_python(
        f"""
        import json, sys
        import ladle, ladle.cli
        loaded = {{"import": sorted(m for m in {HEAVY!r} if m in sys.modules)}}
        sys.argv = ["ladle", "--help"]
        try:
            ladle.cli.main()
        except SystemExit:
            pass
        loaded["--help"] = sorted(m for m in {HEAVY!r} if m in sys.modules)
        print(json.dumps(loaded))
        """
    )
    assert json.loads(output.strip().splitlines()[-1]) == {"import": [], "--help": []}


# --- caches ---------------------------------------------------------------------------------


def test_a_second_process_finds_every_cache_ready(tmp_path: Path) -> None:
    env = fresh_env(tmp_path)
    cache = tmp_path / "cache"
    first = probe(env)
    assert first["calls"]["_convert"] == 1  # an empty cache: the tagger converted once
    assert first["calls"]["load_from_json"] == 0  # even then, NLTK's JSON is never loaded
    assert first["library_pint_cache"] == first["ladle_pint_cache"] == str(cache / "pint")
    written = snapshot(cache)
    assert any(name.endswith(".ladle.pickle") for name in written)
    assert any(name.startswith("pint/") and name.endswith(".pickle") for name in written)

    second = probe(env)
    assert second["calls"] == NO_SLOW_LOADING
    assert snapshot(cache) == written  # nothing rewritten, nothing added
    assert second["recipe"] == first["recipe"]
    assert not any((tmp_path / "tmp").iterdir())  # the cache folder was used, not the fallback


def test_damaged_caches_are_rebuilt_and_the_answers_stay(tmp_path: Path) -> None:
    env = fresh_env(tmp_path)
    cache = tmp_path / "cache"
    expected = probe(env)["recipe"]
    quick = next(cache.rglob("*.ladle.pickle"))
    pint_files = sorted((cache / "pint").glob("*.pickle"))
    assert pint_files
    quick.write_bytes(quick.read_bytes()[: quick.stat().st_size // 2])  # a crash mid-write
    for path in pint_files:
        path.write_bytes(b"not a pickle")

    repaired = probe(env)
    assert repaired["recipe"] == expected
    assert repaired["calls"]["_write_quick"] == 1
    assert repaired["calls"]["load_from_json"] == 0
    assert all(path.read_bytes() != b"not a pickle" for path in pint_files)

    again = probe(env)  # and the rebuilt files serve the next process as they are
    assert again["calls"] == NO_SLOW_LOADING
    assert again["recipe"] == expected


def test_a_cache_folder_that_cannot_be_made_falls_back_to_the_temporary_directory(
    tmp_path: Path,
) -> None:
    env = fresh_env(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    env["LADLE_CACHE_DIR"] = str(blocker / "cache")
    document = probe(env)
    fallback = tmp_path / "tmp" / f"ladle-{os.getuid()}"
    assert document["library_pint_cache"] == str(fallback / "pint")
    assert any(fallback.rglob("*.ladle.pickle"))
    assert probe(env)["calls"] == NO_SLOW_LOADING
