"""bench/library.py runs end to end on a tiny library and reports every figure it promises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, shared
from .postgres import find_bin, need_postgres


def test_the_library_bench_runs_small(tmp_path: Path) -> None:
    shared("data/recipe-pages")
    backends = ["sqlite", "postgresql"]
    if find_bin() is None:
        if os.environ.get("CI"):
            need_postgres()  # fails in CI, where make test installs PostgreSQL
        backends = ["sqlite"]  # elsewhere, SQLite alone
    argv = [sys.executable, str(ROOT / "bench" / "library.py"), "--quick", "--pages", "5"]
    argv += ["--recipes", "120", "--rounds", "1", "--runs", "1", "--cache", str(tmp_path)]
    argv += ["--backends", ",".join(backends), "--json-out", str(tmp_path / "figures.json")]
    done = subprocess.run(argv, check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "search p50 / p95" in done.stdout and "Reproduce:" in done.stdout
    figures = json.loads((tmp_path / "figures.json").read_text("utf-8"))
    pages = figures["pages"]
    assert pages["pages"] == 5
    assert pages["stored_equal"] == pages["parsed"] == pages["stored"]
    assert pages["add_pages_per_s"] > 0 and pages["parse_pages_per_s"] > 0
    assert set(figures["backends"]) == set(backends)
    for result in figures["backends"].values():
        assert result["insert"]["recipes"] == 120
        search = result["search"]
        assert "garlic" in search["cases"]
        assert search["ladle_p95_ms"] > 0 and search["floor_p95_ms"] > 0
        assert sum(case["ladle_hits"] for case in search["cases"].values()) > 0
        assert result["open"]["open_and_first"] > 0 and result["open_empty"]["open_and_first"] > 0
        assert result["restart_seconds"] > 0
