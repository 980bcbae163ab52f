"""Draw recipe pages of sites the shared pages do not have, for labelled steps never seen.

Run: ``uv run --no-sync python bench/other_pages.py GIT_DIR [--out DIR] [--count N]``

GIT_DIR is a clone (or bare mirror) of https://github.com/hhursev/recipe-scrapers, the
repository the shared pages were sampled from (``../shared/data/recipe-pages/SOURCE.md``). The
draw: the site folders of ``tests/test_data`` at the commit the shared pages name, less the 300
sites of the shared pages, sorted and shuffled with ``random.Random(2027)``; from each site in
that order one page, drawn with the same generator among the site's pages that have both a
``.testhtml`` and a ``.json`` and whose expected ``instructions_list`` is not empty (a page
whose files a snapshot lacks is passed over for the site's next one). The pages
are written outside the repository (default ``../other-pages``, named ``<site>__<name>.json``
and ``.html`` like the shared pages) in draw order, with ``ORDER.txt`` listing them; they are
test fixtures under the same terms as the shared pages and are never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMIT = "d08ddd0240ee0ff73dd9d705e43077a821944716"  # the commit SOURCE.md names
SEED = 2027


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True
    ).stdout


def _show(git_dir: Path, spec: str) -> bytes | None:
    """A file's bytes at the commit, or None when the snapshot lacks it (its largest files)."""
    try:
        return _git(git_dir, "show", spec)
    except subprocess.CalledProcessError:
        return None


def shared_sites(shared: Path) -> set[str]:
    return {p.name.split("__", 1)[0] for p in shared.glob("*.json")}


def draw(git_dir: Path, shared: Path, count: int) -> list[tuple[str, str, bytes, bytes]]:
    """(site, name, json bytes, html bytes) of the first ``count`` pages of the draw."""
    paths = _git(git_dir, "ls-tree", "-r", "--name-only", COMMIT, "tests/test_data").decode()
    by_site: dict[str, set[str]] = {}
    for path in paths.splitlines():
        parts = path.split("/")
        if len(parts) == 4 and parts[3].endswith((".json", ".testhtml")):
            by_site.setdefault(parts[2], set()).add(parts[3])
    taken = shared_sites(shared)
    sites = sorted(s for s in by_site if s not in taken)
    rng = random.Random(SEED)
    rng.shuffle(sites)
    chosen: list[tuple[str, str, bytes, bytes]] = []
    for site in sites:
        files = by_site[site]
        names = sorted(
            f[: -len(".json")]
            for f in files
            if f.endswith(".json") and f[: -len(".json")] + ".testhtml" in files
        )
        rng.shuffle(names)
        for name in names:
            base = f"{COMMIT}:tests/test_data/{site}/{name}"
            expected = _show(git_dir, f"{base}.json")
            html = _show(git_dir, f"{base}.testhtml")
            if expected is None or html is None:
                continue  # absent from the snapshot: the site's next page is drawn
            if json.loads(expected).get("instructions_list"):
                chosen.append((site, name, expected, html))
                break
        if len(chosen) == count:
            break
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT.parent / "other-pages")
    parser.add_argument("--count", type=int, default=339)  # the whole draw
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    shared = args.shared / "data" / "recipe-pages"
    if not shared.is_dir():
        print(f"error: {shared} is missing (put ../shared beside the repository)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    order = []
    for site, name, expected, html in draw(args.git_dir, shared, args.count):
        page = f"{site}__{name}"
        (args.out / f"{page}.json").write_bytes(expected)
        (args.out / f"{page}.html").write_bytes(html)
        order.append(page)
    (args.out / "ORDER.txt").write_text("\n".join(order) + "\n", "utf-8")
    print(f"{len(order)} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
