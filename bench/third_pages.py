"""Recipe pages from a third source: the saved pages other recipe apps test their importers on.

Run: ``uv run --no-sync python bench/third_pages.py TANDOOR_GIT MEALIE_GIT [--out DIR]``

When both draws of ``bench/other_pages.py`` are used up (no site of recipe-scrapers has a page
left that was never drawn), new steps nobody has read come from elsewhere: the recipe pages
saved as test fixtures by two other open-source recipe apps, Tandoor
(https://github.com/TandoorRecipes/recipes, ``cookbook/tests/**/*.html``) and Mealie
(https://github.com/mealie-recipes/mealie, ``tests/data/html/*.html``), at the commits below.
Every such page is taken, in sorted order; each is read with recipe-scrapers as any page is
(``scrape_html``, not only supported sites), and kept when it yields steps, is not a test
page of the app's own making and its recipe is none already among the shared pages or the
pages of ``bench/other_pages.py`` (same first step). They are written outside the
repository (default ``../other-pages``) as ``<app>-<name>.json`` (the ``title``,
``ingredients`` and ``instructions_list`` read) and ``.html``, with ``ORDER-3.txt`` listing
them; like the other pages they are test fixtures of those projects and are never copied
into ladle.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# the snapshots read: (app, commit, folders whose .html files are recipe pages)
SOURCES = {
    "tandoor": (
        "d206eddbd32bd3c40feff70ad780b0f91f325eaa",
        ("cookbook/tests/other/test_data/", "cookbook/tests/resources/websites/"),
    ),
    "mealie": ("b5643a9399465d8b4ea339e7a6639df2d697741b", ("tests/data/html/",)),
}
# written by Tandoor's tests to test its importer ("Test_Remove"), not a recipe
_NOT_RECIPES = frozenset({"tandoor-regex_recipe"})
_CANONICAL = re.compile(
    r"<link[^>]+rel=[\"']canonical[\"'][^>]+href=[\"']([^\"']+)|"
    r"<meta[^>]+property=[\"']og:url[\"'][^>]+content=[\"']([^\"']+)",
    re.I,
)


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True
    ).stdout


def _first_steps(folders: list[Path]) -> set[str]:
    """The first step of every page already drawn, to leave the same recipe out."""
    seen: set[str] = set()
    for folder in folders:
        for path in folder.glob("*.json"):
            if path.name.startswith(tuple(f"{app}-" for app in SOURCES)):
                continue  # this source's own pages, written by an earlier run
            steps = json.loads(path.read_text("utf-8")).get("instructions_list") or []
            if steps:
                seen.add(" ".join(steps[0].split()).lower())
    return seen


def _read(html: str) -> dict[str, object] | None:
    """The page read as any page is; None when it yields no steps."""
    from recipe_scrapers import scrape_html

    match = _CANONICAL.search(html)
    url = (match.group(1) or match.group(2)) if match else "https://example.org/recipe"
    try:
        scraper: Any = scrape_html(html, url, supported_only=False)
        steps = [s for s in scraper.instructions_list() if s.strip()]
        ingredients = scraper.ingredients()
        title = scraper.title()
    except Exception as error:  # a page that cannot be read is passed over
        print(f"  passed over: {type(error).__name__}", file=sys.stderr)
        return None
    if not steps:
        print("  passed over: no steps", file=sys.stderr)
        return None
    return {"title": title, "canonical_url": url, "ingredients": ingredients,
            "instructions_list": steps}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tandoor", type=Path, help="a clone or mirror of TandoorRecipes/recipes")
    parser.add_argument("mealie", type=Path, help="a clone or mirror of mealie-recipes/mealie")
    parser.add_argument("--out", type=Path, default=ROOT.parent / "other-pages")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    shared = ROOT.parent / "shared" / "data" / "recipe-pages"
    seen = _first_steps([shared, args.out])
    order: list[str] = []
    for app, git_dir in (("tandoor", args.tandoor), ("mealie", args.mealie)):
        commit, folders = SOURCES[app]
        paths = _git(git_dir, "ls-tree", "-r", "--name-only", commit).decode().splitlines()
        for path in sorted(p for p in paths if p.endswith(".html") and p.startswith(folders)):
            html = _git(git_dir, "show", f"{commit}:{path}").decode("utf-8", "replace")
            name = f"{app}-{Path(path).stem.replace(' ', '_')}"
            print(name, file=sys.stderr)
            if name in _NOT_RECIPES:
                continue
            page = _read(html)
            if page is None:
                continue
            steps = page["instructions_list"]
            assert isinstance(steps, list)
            first = " ".join(str(steps[0]).split()).lower()
            if first in seen:
                print("  passed over: already drawn", file=sys.stderr)
                continue
            seen.add(first)
            (args.out / f"{name}.json").write_text(json.dumps(page, ensure_ascii=False), "utf-8")
            (args.out / f"{name}.html").write_text(html, "utf-8")
            order.append(name)
    (args.out / "ORDER-3.txt").write_text("".join(f"{n}\n" for n in order), "utf-8")
    print(f"{len(order)} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
