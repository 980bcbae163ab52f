"""Draw recipe pages of sites the shared pages do not have, for labelled steps never seen.

Run: ``uv run --no-sync python bench/other_pages.py GIT_DIR [--out DIR] [--count N] [--second]``

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

``--second`` makes the second draw, for when the first is used up: pages never drawn before
(neither shared pages nor any of the first draw's 339), of every site that still has one (the
shared sites and the others), the sites sorted and shuffled with ``random.Random(2028)``, one
page a site drawn as before; written beside the first draw with ``ORDER-2.txt``. Its pages are
new recipes, though from sites whose other pages may have been read.
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
SECOND_SEED = 2028  # the second draw: pages of sites seen, never drawn


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


def _pages_by_site(git_dir: Path) -> dict[str, list[str]]:
    """Each site folder's page names that have both a ``.testhtml`` and a ``.json``, sorted."""
    paths = _git(git_dir, "ls-tree", "-r", "--name-only", COMMIT, "tests/test_data").decode()
    by_site: dict[str, set[str]] = {}
    for path in paths.splitlines():
        parts = path.split("/")
        if len(parts) == 4 and parts[3].endswith((".json", ".testhtml")):
            by_site.setdefault(parts[2], set()).add(parts[3])
    return {
        site: sorted(
            f[: -len(".json")]
            for f in files
            if f.endswith(".json") and f[: -len(".json")] + ".testhtml" in files
        )
        for site, files in by_site.items()
    }


def _one_page(
    git_dir: Path, site: str, names: list[str], rng: random.Random
) -> tuple[str, str, bytes, bytes] | None:
    """The first page of ``names`` in the generator's order with steps, as (site, name, …)."""
    names = list(names)
    rng.shuffle(names)
    for name in names:
        base = f"{COMMIT}:tests/test_data/{site}/{name}"
        expected = _show(git_dir, f"{base}.json")
        html = _show(git_dir, f"{base}.testhtml")
        if expected is None or html is None:
            continue  # absent from the snapshot: the site's next page is drawn
        if json.loads(expected).get("instructions_list"):
            return site, name, expected, html
    return None


def _draw_from(
    git_dir: Path,
    sites: list[str],
    by_site: dict[str, list[str]],
    rng: random.Random,
    count: int,
) -> list[tuple[str, str, bytes, bytes]]:
    """The sites shuffled with ``rng``, one page from each in turn, until ``count`` pages."""
    rng.shuffle(sites)
    chosen: list[tuple[str, str, bytes, bytes]] = []
    for site in sites:
        page = _one_page(git_dir, site, by_site[site], rng)
        if page is not None:
            chosen.append(page)
        if len(chosen) == count:
            break
    return chosen


def draw(git_dir: Path, shared: Path, count: int) -> list[tuple[str, str, bytes, bytes]]:
    """(site, name, json bytes, html bytes) of the first ``count`` pages of the draw."""
    by_site = _pages_by_site(git_dir)
    taken = shared_sites(shared)
    sites = sorted(s for s in by_site if s not in taken)
    return _draw_from(git_dir, sites, by_site, random.Random(SEED), count)


def draw_second(git_dir: Path, shared: Path, count: int) -> list[tuple[str, str, bytes, bytes]]:
    """The second draw: pages never drawn before, one a site, of every site with one left.

    Used before are the shared pages and the whole first draw. The sites (shared sites and
    the others alike) that still have a page are sorted and shuffled with
    ``random.Random(SECOND_SEED)``; each gives one page, drawn with the same generator.
    """
    used = {tuple(p.stem.split("__", 1)) for p in shared.glob("*.json")}
    used |= {(site, name) for site, name, _, _ in draw(git_dir, shared, 10_000)}
    by_site = {
        site: [n for n in names if (site, n) not in used]
        for site, names in _pages_by_site(git_dir).items()
    }
    sites = sorted(s for s, names in by_site.items() if names)
    return _draw_from(git_dir, sites, by_site, random.Random(SECOND_SEED), count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT.parent / "other-pages")
    parser.add_argument("--count", type=int, default=339)  # the whole draw
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--second", action="store_true", help="the second draw (written to ORDER-2.txt)"
    )
    args = parser.parse_args(argv)
    shared = args.shared / "data" / "recipe-pages"
    if not shared.is_dir():
        print(f"error: {shared} is missing (put ../shared beside the repository)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    order = []
    pick = draw_second if args.second else draw
    for site, name, expected, html in pick(args.git_dir, shared, args.count):
        page = f"{site}__{name}"
        (args.out / f"{page}.json").write_bytes(expected)
        (args.out / f"{page}.html").write_bytes(html)
        order.append(page)
    (args.out / ("ORDER-2.txt" if args.second else "ORDER.txt")).write_text(
        "\n".join(order) + "\n", "utf-8"
    )
    print(f"{len(order)} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
