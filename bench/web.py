"""The web app under load: a recipe page and a search at 10,000 recipes, beside a bare floor.

Run: ``uv run --no-sync python bench/web.py [--recipes N] [--requests N] [--clients N]
[--quick] [--json]`` (about 5 minutes at 10,000 recipes on 2 cores once the library is made;
``--quick`` is 1,000 recipes and 1,000 requests, under a minute).

Issue 15: requests per second and p99 for a recipe page and a search at ``--recipes`` recipes,
``--clients`` concurrent clients on loopback, ``--requests`` requests each, beside a bare
Starlette endpoint returning the same bytes in the same run (the *floor*). Goals: no errors;
p99 under 100 ms; at least half the floor's requests per second; ready under 1.5 s after start
with under 150 MiB, whatever the library's size.

1. *The library*: recipes recombined from the shared pages (``bench/library.py``'s
   ``material``, ``recombine`` and ``fill``: ``Library.add_many`` in batches), a SQLite file
   kept in ``--data`` (``bench/.cache/web``) and reused by the next run with the same
   ``--recipes`` and ``--seed``.
2. *Start*: ``python -m ladle serve --port P`` (the command's own uvicorn settings), with
   ``LADLE_DATABASE_URL`` naming the library; ready is the first 200 on ``/`` (the library
   page, which opens the library and lists it) counted from the process's start, polled every
   5 ms; the resident memory (``VmRSS`` of the process and its children, from ``/proc``) is
   read when ready and after the load (with the peak, ``VmHWM``). The same for an empty
   library (made beforehand). Median of ``--starts``.
3. *The endpoints*, each on ``--paths`` addresses in a seeded order: ``recipe page``
   (``/recipes/ID``, ids spread evenly over the library), ``search as you type`` (what the
   library page's script asks for each word typed: ``/api/recipes?q=WORD&limit=30``, common
   and rarer words) and ``library search`` (the page without script: ``/?q=WORD``); and, for
   reference and outside the goals, ladle's cheapest route, ``/api/session`` (every layer of
   the app, no library call): what the framework alone allows.
4. *The floor*: a bare Starlette app (one catch-all route) run by ``uvicorn.run`` with the
   same settings as ``ladle serve``, answering each address with the bytes ladle answered it
   with (fetched from ladle first) and the same content type.
5. *The load*: one asyncio client in this process, ``--clients`` keep-alive connections
   (raw HTTP/1.1 over asyncio streams; each connection keeps the session cookie it is given,
   as a browser does), closed loop, ``--requests`` requests per endpoint after a warm-up of
   ``--requests // 10``; the same client for ladle and the floor, which take turns at going
   first. Latency is from writing a request to reading its whole answer; an error is an
   answer other than 200 or a failed connection. ``--client httpx`` uses an httpx
   ``AsyncClient`` with a pool of ``--clients`` connections instead (it costs more CPU, which
   on 2 cores the server does not get: the client's CPU per request is reported).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from library import CACHE, PAGES, ROOT, _percentile, _progress, fill, material, recombine

DATA = ROOT / "bench" / ".cache" / "web"
GOAL_P99_MS = 100.0
GOAL_FLOOR_SHARE = 0.5
GOAL_READY_S = 1.5
GOAL_RSS_MIB = 150.0
HOST = "127.0.0.1"
REFERENCE = "cheapest route, for reference"  # /api/session: the stack, no library call
SEARCH_WORDS = ("garlic", "chicken", "butter", "onion", "soup", "chocolate", "lemon", "cake",
                "pasta", "tomato", "rice", "salad", "beef", "bread", "cheese", "apple")  # fmt: skip
MEALIE = {
    "ready_s": 5.7,
    "rss_mib": 379,
    "clients_10_rps": 19,
    "clients_10_p99_ms": 958,
    "clients_50": "none of 5,000 requests completed",
}


# -- the library --------------------------------------------------------------------------------


def build_library(
    recipes: int, seed: int, folder: Path, pages: int | None, cache: Path = CACHE
) -> dict[str, Any]:
    """The SQLite library of ``recipes`` recombined recipes in ``folder`` (made now, or kept
    from a run with the same size and seed), and an empty one; their paths and insert figures."""
    from ladle.store import open_library

    folder.mkdir(parents=True, exist_ok=True)
    name = f"web_{recipes}_{seed}" + (f"_{pages}" if pages else "")
    path = folder / f"{name}.sqlite3"
    done = folder / f"{name}.json"
    empty = folder / "empty.sqlite3"
    with open_library(f"sqlite:///{empty}"):
        pass  # made (migrated) before a start is timed
    if done.exists() and path.exists():
        return {"path": path, "empty": empty, "insert": json.loads(done.read_text("utf-8"))}
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    every_page = sorted(PAGES.glob("*.html"))
    stuff = material(every_page[: pages or len(every_page)], cache, None)
    with _progress() as progress, open_library(f"sqlite:///{path}") as library:
        insert = fill(library, recombine(stuff, seed), recipes, "sqlite", progress)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    done.write_text(json.dumps(insert), "utf-8")
    return {"path": path, "empty": empty, "insert": insert | {"made_now": True}}


# -- servers ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds a process has used (its own, /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text("utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> tuple[float, float]:
    """Resident memory of a process and its descendants, now and at its peak (MiB, summed)."""
    now = peak = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text("utf-8")
        except OSError:
            continue
        for line in status.splitlines():
            key, _, value = line.partition(":")
            if key in {"VmRSS", "VmHWM"}:
                kib = float(value.split()[0])
                if key == "VmRSS":
                    now += kib / 1024
                else:
                    peak += kib / 1024
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            pending.extend(int(c) for c in task.read_text("utf-8").split())
    return now, peak


@dataclass
class Server:
    """A server process on a free port: ladle or the floor."""

    argv: list[str]
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    ready_s: float = 0.0
    ready_cpu_s: float = 0.0

    def start(self, timeout: float = 60.0) -> float:
        """Start it; seconds until ``/`` answers 200."""
        argv = [*self.argv, "--port", str(self.port)]
        began = time.perf_counter()
        self.process = subprocess.Popen(
            argv, env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        while time.perf_counter() - began < timeout:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"{' '.join(argv)} exited {self.process.returncode}: {error}")
            if _status(self.port, "/") == 200:
                self.ready_s = time.perf_counter() - began
                self.ready_cpu_s = cpu_seconds(self.process.pid)
                return self.ready_s
            time.sleep(0.005)
        raise RuntimeError(f"{' '.join(argv)} did not answer in {timeout:g} s")

    def rss(self) -> tuple[float, float]:
        assert self.process is not None
        return rss_mib(self.process.pid)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()
        self.process = None


def _status(port: int, path: str) -> int | None:
    """The status of one GET on a fresh connection, or None when nothing answers yet."""
    try:
        with socket.create_connection((HOST, port), timeout=5) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
            head = s.recv(64)
    except OSError:
        return None
    parts = head.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def ladle_server(database: Path) -> Server:
    env = dict(os.environ, LADLE_DATABASE_URL=f"sqlite:///{database}")
    env.pop("LADLE_PASSWORD", None)
    return Server([sys.executable, "-m", "ladle", "serve"], env)


def floor_server(bodies: Path) -> Server:
    argv = [sys.executable, str(Path(__file__).resolve()), "--serve-floor", str(bodies)]
    return Server(argv, dict(os.environ))


def serve_floor(bodies: Path, port: int) -> None:
    """The floor: a bare Starlette app answering each address with the bytes ladle gave it,
    run as ``ladle serve`` runs its app."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    table = {
        path: (bytes.fromhex(answer["body"]), answer["type"])
        for path, answer in json.loads(bodies.read_text("utf-8")).items()
    }

    async def endpoint(request: Request) -> Response:
        query = request.url.query
        found = table.get(request.url.path + (f"?{query}" if query else ""))
        if found is None:
            return Response(b"not found", status_code=404)
        return Response(found[0], media_type=found[1])

    app = Starlette(routes=[Route("/{path:path}", endpoint)])
    uvicorn.run(app, host=HOST, port=port, log_level="warning", server_header=False)


# -- the client ---------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class Connection:
    """One keep-alive HTTP/1.1 connection over asyncio streams, keeping its session cookie."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.cookie = ""

    async def get(self, path: str) -> Answer:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        cookie = f"Cookie: {self.cookie}\r\n" if self.cookie else ""
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n{cookie}\r\n".encode())
        try:
            answer = await self._read(self.reader)
        except BaseException:
            await self.close()
            raise
        if "set-cookie" in answer.headers:
            self.cookie = answer.headers["set-cookie"].split(";", 1)[0]
        if answer.headers.get("connection", "").lower() == "close":
            await self.close()
        return answer

    @staticmethod
    async def _read(reader: asyncio.StreamReader) -> Answer:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                chunks.append(await reader.readexactly(size))
                await reader.readexactly(2)
            await reader.readuntil(b"\r\n")
            body = b"".join(chunks)
        else:
            body = await reader.read()
        return Answer(status, headers, body)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


@dataclass
class Load:
    """What one load run measured."""

    latencies: list[float]
    errors: int
    seconds: float
    cpu_seconds: float
    bytes: int

    def summary(self) -> dict[str, Any]:
        done = len(self.latencies)
        return {
            "requests": done + self.errors,
            "errors": self.errors,
            "seconds": self.seconds,
            "rps": done / self.seconds if self.seconds else 0.0,
            "p50_ms": 1000 * _percentile(self.latencies, 0.50),
            "p99_ms": 1000 * _percentile(self.latencies, 0.99),
            "max_ms": 1000 * max(self.latencies, default=float("nan")),
            "client_cpu_us": 1e6 * self.cpu_seconds / max(1, done + self.errors),
            "mean_bytes": self.bytes / done if done else 0,
        }


async def _raw_load(port: int, paths: Sequence[str], clients: int) -> Load:
    todo: Iterator[str] = iter(paths)
    latencies: list[float] = []
    errors = 0
    size = 0

    async def client() -> None:
        nonlocal errors, size
        connection = Connection(port)
        for path in todo:
            began = time.perf_counter()
            try:
                answer = await connection.get(path)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
                errors += 1
                continue
            if answer.status != 200:
                errors += 1
                continue
            latencies.append(time.perf_counter() - began)
            size += len(answer.body)
        await connection.close()

    cpu, began = time.process_time(), time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return Load(latencies, errors, time.perf_counter() - began, time.process_time() - cpu, size)


async def _httpx_load(port: int, paths: Sequence[str], clients: int) -> Load:
    import httpx

    todo: Iterator[str] = iter(paths)
    latencies: list[float] = []
    errors = 0
    size = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(pool: httpx.AsyncClient) -> None:
        nonlocal errors, size
        cookies = httpx.Cookies()
        for path in todo:
            began = time.perf_counter()
            try:
                answer = await pool.get(path, cookies=cookies)
            except httpx.HTTPError:
                errors += 1
                continue
            if answer.status_code != 200:
                errors += 1
                continue
            cookies.update(answer.cookies)
            latencies.append(time.perf_counter() - began)
            size += len(answer.content)

    cpu, began = time.process_time(), time.perf_counter()
    async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", limits=limits) as pool:
        await asyncio.gather(*(client(pool) for _ in range(clients)))
    return Load(latencies, errors, time.perf_counter() - began, time.process_time() - cpu, size)


def load(port: int, paths: Sequence[str], clients: int, kind: str = "raw") -> Load:
    """``paths`` requested by ``clients`` concurrent keep-alive clients, closed loop."""
    run = _httpx_load if kind == "httpx" else _raw_load
    return asyncio.run(run(port, paths, clients))


def fetch(port: int, paths: Sequence[str]) -> dict[str, Answer]:
    """Each path's answer, one request at a time."""

    async def every() -> dict[str, Answer]:
        connection = Connection(port)
        answers = {path: await connection.get(path) for path in dict.fromkeys(paths)}
        await connection.close()
        return answers

    return asyncio.run(every())


# -- the endpoints ------------------------------------------------------------------------------


def endpoints(recipes: int, paths: int, seed: int) -> dict[str, list[str]]:
    """Each endpoint's distinct addresses: ids spread evenly over the library, search words."""
    count = max(1, min(paths, recipes))
    ids = sorted({1 + (k * recipes) // count for k in range(count)})
    words = list(SEARCH_WORDS)
    random.Random(seed).shuffle(words)
    return {
        "recipe page": [f"/recipes/{i}" for i in ids],
        "search as you type": [f"/api/recipes?q={urllib.parse.quote(w)}&limit=30" for w in words],
        "library search": [f"/?q={urllib.parse.quote(w)}" for w in words],
        REFERENCE: ["/api/session"],
    }


def sequence(addresses: Sequence[str], requests: int, seed: int) -> list[str]:
    """``requests`` addresses: each of ``addresses`` in turn, in a seeded order."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < requests:
        round_ = list(addresses)
        rng.shuffle(round_)
        out.extend(round_)
    return out[:requests]


# -- the run ------------------------------------------------------------------------------------


def starts(database: Path, runs: int) -> dict[str, float]:
    """Ready seconds and resident MiB of ``ladle serve`` on ``database``: medians of ``runs``
    fresh starts, and the slowest start and largest RSS; and the CPU seconds the process used
    until ready (median), which a busy machine does not lengthen as it does the wall time."""
    ready: list[float] = []
    cpu: list[float] = []
    rss: list[float] = []
    for _ in range(runs):
        server = ladle_server(database)
        try:
            ready.append(server.start())
            cpu.append(server.ready_cpu_s)
            rss.append(server.rss()[0])
        finally:
            server.stop()
    return {
        "ready_s": statistics.median(ready),
        "ready_max_s": max(ready),
        "ready_cpu_s": statistics.median(cpu),
        "rss_mib": statistics.median(rss),
        "rss_max_mib": max(rss),
    }


def run_endpoints(
    ladle: Server, floor: Server, every: dict[str, list[str]], args: argparse.Namespace
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for n, (label, addresses) in enumerate(every.items()):
        paths = sequence(addresses, args.requests, args.seed + n)
        warm = sequence(addresses, max(len(addresses), args.requests // 10), args.seed)
        figures: dict[str, Any] = {"addresses": len(addresses), "example": addresses[0]}
        for which in ("ladle", "floor") if n % 2 == 0 else ("floor", "ladle"):
            server = ladle if which == "ladle" else floor
            load(server.port, warm, args.clients, args.client)
            figures[which] = load(server.port, paths, args.clients, args.client).summary()
        figures["ratio"] = figures["ladle"]["rps"] / figures["floor"]["rps"]
        results[label] = figures
    return results


def floor_bodies(port: int, every: dict[str, list[str]], where: Path) -> Path:
    """ladle's answer to every address, as the floor will give it back; a refusal stops."""
    answers = fetch(port, ["/", *(p for addresses in every.values() for p in addresses)])
    refused = {p: a.status for p, a in answers.items() if a.status != 200}
    if refused:
        raise RuntimeError(f"ladle refused {len(refused)} addresses: {list(refused.items())[:5]}")
    table = {
        path: {"type": a.headers.get("content-type", "text/html"), "body": a.body.hex()}
        for path, a in answers.items()
    }
    where.write_text(json.dumps(table), "utf-8")
    return where


def run(args: argparse.Namespace) -> dict[str, Any]:
    made = build_library(args.recipes, args.seed, args.data, args.pages, args.cache)
    figures: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "load_average": os.getloadavg(),
        },
        "recipes": args.recipes,
        "requests": args.requests,
        "clients": args.clients,
        "client": args.client,
        "seed": args.seed,
        "insert": made["insert"],
        "start": {
            "library": starts(made["path"], args.starts),
            "empty": starts(made["empty"], args.starts),
        },
    }
    every = endpoints(args.recipes, args.paths, args.seed)
    ladle = ladle_server(made["path"])
    floor: Server | None = None
    with tempfile.TemporaryDirectory(prefix="ladle-bench-web-") as folder:
        try:
            ladle.start()
            ready_rss = ladle.rss()[0]
            bodies = floor_bodies(ladle.port, every, Path(folder) / "bodies.json")
            floor = floor_server(bodies)
            floor.start()
            figures["endpoints"] = run_endpoints(ladle, floor, every, args)
            now, peak = ladle.rss()
            floor_now, _ = floor.rss()
            figures["memory"] = {
                "ready_mib": ready_rss,
                "after_load_mib": now,
                "peak_mib": peak,
                "floor_after_load_mib": floor_now,
            }
        finally:
            ladle.stop()
            if floor is not None:
                floor.stop()
    figures["machine"]["load_average_after"] = os.getloadavg()
    figures["goals"] = goals(figures)
    return figures


def goals(figures: dict[str, Any]) -> dict[str, bool]:
    loads = [e for label, e in figures["endpoints"].items() if label != REFERENCE]
    start = figures["start"]
    return {
        "no_errors": all(e["ladle"]["errors"] == 0 for e in loads),
        "p99": all(e["ladle"]["p99_ms"] < GOAL_P99_MS for e in loads),
        "half_floor": all(e["ratio"] >= GOAL_FLOOR_SHARE for e in loads),
        "ready": all(s["ready_max_s"] < GOAL_READY_S for s in start.values()),
        "memory": max(figures["memory"]["peak_mib"], *(s["rss_max_mib"] for s in start.values()))
        < GOAL_RSS_MIB,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipes", type=int, default=None, help="library size (10,000)")
    parser.add_argument("--requests", type=int, default=None, help="per endpoint (10,000)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent connections (50)")
    parser.add_argument("--paths", type=int, default=200, help="recipe pages asked for (200)")
    parser.add_argument("--starts", type=int, default=None, help="fresh starts timed (5)")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw")
    parser.add_argument("--quick", action="store_true", help="1,000 recipes, 1,000 requests")
    parser.add_argument("--pages", type=int, default=None, help="the first N pages only (300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=DATA, help="the libraries, kept here")
    parser.add_argument("--cache", type=Path, default=CACHE, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--json-out", type=Path, default=None, help="also write them here")
    parser.add_argument("--serve-floor", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_floor is not None:
        serve_floor(args.serve_floor, args.port)
        return 0
    args.recipes = args.recipes or (1_000 if args.quick else 10_000)
    args.requests = args.requests or (1_000 if args.quick else 10_000)
    args.starts = args.starts or (2 if args.quick else 5)
    if not PAGES.is_dir():
        print(f"bench/web.py: {PAGES} is absent; put ../shared beside the checkout")
        return 0
    figures = run(args)
    if args.json_out is not None:
        args.json_out.write_text(json.dumps(figures, indent=2, default=str), "utf-8")
    if args.json:
        print(json.dumps(figures, indent=2, default=str))
    else:
        report(figures, argv if argv is not None else sys.argv[1:])
    return 0


# -- the report ---------------------------------------------------------------------------------


def _met(ok: bool) -> str:
    return "met" if ok else "[bold red]missed[/]"


def report(figures: dict[str, Any], argv: Sequence[str]) -> None:
    console = Console(width=140, highlight=False)
    machine = figures["machine"]
    console.print(
        f"bench/web.py on {machine['cores']} cores, Python {machine['python']}, SQLite "
        f"{machine['sqlite']}; load average {machine['load_average'][0]:.1f} before, "
        f"{machine['load_average_after'][0]:.1f} after; {figures['recipes']:,} recipes, "
        f"{figures['clients']} clients ({figures['client']}), {figures['requests']:,} requests "
        "per endpoint"
    )
    table = Table("endpoint", "ladle req/s", "p50 / p99 ms", "errors", "floor req/s",
                  "floor p50 / p99 ms", "ladle / floor", "goals",
                  title="The web app under load")  # fmt: skip
    for label, e in figures["endpoints"].items():
        ladle, floor = e["ladle"], e["floor"]
        ok = ladle["errors"] == 0 and ladle["p99_ms"] < GOAL_P99_MS
        ok = ok and e["ratio"] >= GOAL_FLOOR_SHARE
        table.add_row(
            f"{label} ({e['addresses']} addresses, {ladle['mean_bytes'] / 1024:.1f} KiB)",
            f"{ladle['rps']:.0f}",
            f"{ladle['p50_ms']:.1f} / {ladle['p99_ms']:.1f}",
            str(ladle["errors"]),
            f"{floor['rps']:.0f}",
            f"{floor['p50_ms']:.1f} / {floor['p99_ms']:.1f}",
            f"{e['ratio']:.2f}×",
            "" if label == REFERENCE else _met(ok),
        )
    console.print(table)
    start = Table("start", "ready (median / max; CPU)", "RSS (median / max)", "goal", "",
                  title="Starting ladle serve")  # fmt: skip
    for which, s in figures["start"].items():
        size = "empty library" if which == "empty" else f"{figures['recipes']:,} recipes"
        start.add_row(
            size,
            f"{s['ready_s']:.2f} / {s['ready_max_s']:.2f} s; {s['ready_cpu_s']:.2f} s CPU",
            f"{s['rss_mib']:.0f} / {s['rss_max_mib']:.0f} MiB",
            f"< {GOAL_READY_S} s, < {GOAL_RSS_MIB:g} MiB",
            _met(s["ready_max_s"] < GOAL_READY_S and s["rss_max_mib"] < GOAL_RSS_MIB),
        )
    memory = figures["memory"]
    start.add_row(
        "after the load",
        "",
        f"{memory['after_load_mib']:.0f} MiB (peak {memory['peak_mib']:.0f}; floor "
        f"{memory['floor_after_load_mib']:.0f})",
        f"< {GOAL_RSS_MIB:g} MiB",
        _met(memory["peak_mib"] < GOAL_RSS_MIB),
    )
    start.add_row(
        "Mealie 2.0.0 (issue 15)",
        f"{MEALIE['ready_s']} s",
        f"{MEALIE['rss_mib']} MiB",
        "",
        f"10 clients: {MEALIE['clients_10_rps']} req/s, p99 {MEALIE['clients_10_p99_ms']} ms",
    )
    console.print(start)
    costs = ", ".join(
        f"{label} {e['floor']['client_cpu_us']:.0f}" for label, e in figures["endpoints"].items()
    )
    console.print(f"Client CPU per request against the floor, µs: {costs}")
    console.print(f"Reproduce: uv run --no-sync python bench/web.py {' '.join(argv)}".strip())


if __name__ == "__main__":
    raise SystemExit(main())
