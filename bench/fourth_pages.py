"""Recipe pages from a fourth source: the saved pages of Recipya's importer tests.

Run: ``uv run --no-sync python bench/fourth_pages.py RECIPYA_GIT [--out DIR]``

When the pages of recipe-scrapers (``bench/other_pages.py``) and of Tandoor and Mealie
(``bench/third_pages.py``) are used up, steps nobody has read come from the recipe pages that
Recipya (https://github.com/reaper47/recipya, ``internal/scraper/testdata/*.html``, at the
commit below) keeps to test its importer. Each page is read with recipe-scrapers as any page is
(``third_pages._read``) and kept when it yields steps and its recipe was never drawn before:
not the same first step, not the same title, and no step already labelled in
``bench/data/steps.jsonl`` (by the step's hash). The pages kept are shuffled with a fixed seed
and written outside the repository (default ``../other-pages``) as ``recipya-<name>.json`` and
``.html``; ``ORDER-4.txt`` lists them in that order, so each labelled set takes the next
places of it (``fourth-source`` is places 1–40, ``fourth-source-2`` 41–80, ``fourth-source-3``
81–120, ``fourth-source-4`` 121–160). Like the other pages they are test fixtures of that
project and are never copied into ladle.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
from pathlib import Path

from third_pages import _read

ROOT = Path(__file__).resolve().parent.parent
COMMIT = "b8630d2532287ae033206199f61cab1517d24c5d"
FOLDER = "internal/scraper/testdata/"
PREFIX = "recipya-"
SEED = 4


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def _sha(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


def drawn(folders: list[Path], labels: Path) -> tuple[set[str], set[str], set[str]]:
    """First steps, titles and labelled step hashes of every recipe drawn before this source."""
    firsts: set[str] = set()
    titles: set[str] = set()
    for folder in folders:
        for path in folder.glob("*.json"):
            if path.name.startswith(PREFIX):
                continue  # this source's own pages, written by an earlier run
            page = json.loads(path.read_text("utf-8"))
            steps = page.get("instructions_list") or []
            if steps:
                firsts.add(_key(steps[0]))
            if isinstance(page.get("title"), str) and page["title"].strip():
                titles.add(_key(page["title"]))
    rows = [json.loads(line) for line in labels.read_text("utf-8").splitlines() if line]
    # (the labels of this source's own pages are no recipe drawn before it)
    hashes = {row["sha"] for row in rows if not str(row["page"]).startswith(PREFIX)}
    return firsts, titles, hashes


def is_new(page: dict[str, object], seen: tuple[set[str], set[str], set[str]]) -> bool:
    firsts, titles, hashes = seen
    steps = page["instructions_list"]
    assert isinstance(steps, list)
    if _key(str(steps[0])) in firsts or _key(str(page.get("title") or "")) in titles:
        return False
    return not any(_sha(str(step)) in hashes for step in steps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("recipya", type=Path, help="a clone or mirror of reaper47/recipya")
    parser.add_argument("--out", type=Path, default=ROOT.parent / "other-pages")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    shared = ROOT.parent / "shared" / "data" / "recipe-pages"
    seen = drawn([shared, args.out], ROOT / "bench" / "data" / "steps.jsonl")
    git = ["git", f"--git-dir={args.recipya}"]
    listing = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", COMMIT, FOLDER],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    kept: list[str] = []
    for path in sorted(p for p in listing if p.endswith(".html")):
        html = subprocess.run(
            [*git, "show", f"{COMMIT}:{path}"], check=True, capture_output=True
        ).stdout.decode("utf-8", "replace")
        name = PREFIX + Path(path).stem.replace(" ", "_")
        print(name, file=sys.stderr)
        page = _read(html)
        if page is None:
            continue
        if not is_new(page, seen):
            print("  passed over: already drawn", file=sys.stderr)
            continue
        steps = page["instructions_list"]
        assert isinstance(steps, list)
        seen[0].add(_key(str(steps[0])))
        seen[1].add(_key(str(page.get("title") or "")))
        (args.out / f"{name}.json").write_text(json.dumps(page, ensure_ascii=False), "utf-8")
        (args.out / f"{name}.html").write_text(html, "utf-8")
        kept.append(name)
    random.Random(SEED).shuffle(kept)
    (args.out / "ORDER-4.txt").write_text("".join(f"{n}\n" for n in kept), "utf-8")
    print(f"{len(kept)} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
