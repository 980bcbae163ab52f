"""bench/web.py runs end to end on a tiny library: ladle serve and its floor answer every request,
the floor with ladle's own bytes, and every figure it promises is there."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, shared

ENDPOINTS = {"recipe page", "search as you type", "library search"}
LOAD_FIGURES = {"requests", "errors", "seconds", "rps", "p50_ms", "p99_ms", "max_ms",
                "client_cpu_us", "mean_bytes"}  # fmt: skip


def test_the_web_bench_runs_small(tmp_path: Path) -> None:
    shared("data/recipe-pages")
    argv = [sys.executable, str(ROOT / "bench" / "web.py"), "--recipes", "50", "--pages", "5"]
    argv += ["--requests", "200", "--clients", "5", "--paths", "20", "--starts", "1"]
    argv += ["--data", str(tmp_path / "data"), "--cache", str(tmp_path / "cache")]
    argv += ["--json-out", str(tmp_path / "figures.json")]
    done = subprocess.run(argv, check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "The web app under load" in done.stdout and "Reproduce:" in done.stdout
    figures = json.loads((tmp_path / "figures.json").read_text("utf-8"))
    assert figures["insert"]["recipes"] == 50
    assert set(figures["endpoints"]) > ENDPOINTS
    for label, endpoint in figures["endpoints"].items():
        for side in ("ladle", "floor"):
            load = endpoint[side]
            assert set(load) == LOAD_FIGURES, (label, side)
            assert load["requests"] == 200 and load["errors"] == 0, (label, side)
            assert load["rps"] > 0 and load["p50_ms"] <= load["p99_ms"], (label, side)
        # the floor answers with ladle's bytes (a session's token is as long as another's)
        assert endpoint["ladle"]["mean_bytes"] == endpoint["floor"]["mean_bytes"] > 0, label
        assert endpoint["ratio"] > 0
    assert figures["endpoints"]["recipe page"]["addresses"] == 20
    for start in figures["start"].values():
        assert 0 < start["ready_s"] <= start["ready_max_s"]
        assert start["ready_cpu_s"] > 0
        assert 0 < start["rss_mib"] <= start["rss_max_mib"]
    memory = figures["memory"]
    assert memory["ready_mib"] > 0 and 0 < memory["after_load_mib"] <= memory["peak_mib"]
    assert set(figures["goals"]) == {"no_errors", "p99", "half_floor", "ready", "memory"}
    assert figures["goals"]["no_errors"] is True
