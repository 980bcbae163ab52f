"""Fill the Cooklang corpus that ``tests/test_cooklang_corpus.py`` reads: real ``.cook`` files.

The corpus is public Cooklang recipe collections on GitHub, each at the commit it was measured
at, copied into one folder per collection (``OWNER+NAME/``, the ``.cook`` files at their paths
in the repository). None of it is part of ladle: it stays outside the checkout.

Run (needs git and access to github.com)::

    uv run --no-sync python scripts/cooklang_corpus.py            # into ../cooklang-corpus
    uv run --no-sync python scripts/cooklang_corpus.py DIR        # elsewhere
    LADLE_COOKLANG_CORPUS=DIR uv run --no-sync pytest tests/test_cooklang_corpus.py

``--latest`` takes each repository's newest commit instead of the pinned one (the figures may
then differ). ``--clones DIR`` copies from bare or working clones already on disk, named
``DIR/OWNER+NAME`` (or ``DIR/OWNER+NAME/repo``), instead of cloning; their HEAD is used.
By hand, one collection is ``git clone https://github.com/OWNER/NAME``, ``git checkout COMMIT``
(from :data:`COLLECTIONS`), then its ``.cook`` files copied, paths kept, into ``OWNER+NAME/``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "cooklang-corpus"

# Public collections of Cooklang recipes, at the commits the figures were measured at.
COLLECTIONS: dict[str, str] = {
    "dubadub/cookbook": "cd470ab8449818701af7a08ff322edc114d2058e",
    "albe2669/recipes": "ae4c96024c34c5c9f0bfa0c7620633995776daf7",
    "crhuber/cooking": "33be228b505a1790fedc11f3d06adf0fa711b2d2",
    "JorenC/helanxiaochu": "d04e297bba1aa19b368998aa3f21425d6063a707",
    "andoriyu/cooking": "4fae0148c9ea792729f1ff8a115a96c5eafaf067",
    "iandennismiller/recipes": "1e5b98de115f35cba96ee73bb0ff7756b986226e",
    "cooklang/recipes": "95608fe11315c0f38ece2552e7d7d2aa423038a7",
    "isaacvando/recipes": "9379c2155e6187a9708001e55dc8da397368748a",
    "azlekov/recipebook": "36c6410a19c0dd43e838769ad7cef780eceb1f30",
    "derphilipp/rezepte": "54bbafe12b648a8859c5250c82962bc557b45102",
    "leMaik/rezepte": "f7ca0a483946b61c489718d96d36f9d084d0eb97",
    "ornicar/recipes": "9cb8ff2585b3eb4a7a06166d35f11379c604e8d7",
    "LiHRaM/cooklang-recipes": "52146861b289c4d951d9cd9b26e7bc74287ed387",
}


def _git(*args: str, git_dir: Path | None = None) -> str:
    command = ["git"] if git_dir is None else ["git", f"--git-dir={git_dir}"]
    done = subprocess.run(
        [*command, *args], check=True, capture_output=True, text=True, encoding="utf-8"
    )
    return done.stdout


def _clone(repo: str, commit: str | None, into: Path) -> Path:
    """A bare clone of one commit of a GitHub repository (the newest when commit is None)."""
    git_dir = into / "repo.git"
    _git("init", "--quiet", "--bare", str(git_dir))
    url = f"https://github.com/{repo}.git"
    _git("fetch", "--quiet", "--depth=1", url, commit or "HEAD", git_dir=git_dir)
    return git_dir


def _local(clones: Path, repo: str) -> Path:
    folder = clones / repo.replace("/", "+")
    for candidate in (folder / "repo", folder / ".git", folder):
        if (candidate / "HEAD").exists():
            return candidate
    raise SystemExit(f"no clone of {repo} at {folder}")


def _copy(git_dir: Path, revision: str, target: Path) -> int:
    """Copy every ``.cook`` file of one revision into target; how many there were."""
    names = _git("ls-tree", "-r", "-z", "--name-only", revision, git_dir=git_dir).split("\0")
    count = 0
    for name in names:
        if not name.endswith(".cook"):
            continue
        blob = subprocess.run(
            ["git", f"--git-dir={git_dir}", "cat-file", "blob", f"{revision}:{name}"],
            check=True,
            capture_output=True,
        ).stdout
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(blob)
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--latest", action="store_true", help="newest commits, not the pinned")
    parser.add_argument("--clones", type=Path, help="copy from clones on disk (OWNER+NAME)")
    args = parser.parse_args(argv)
    out: Path = args.directory
    for repo, pinned in COLLECTIONS.items():
        target = out / repo.replace("/", "+")
        if target.exists():
            print(f"{repo}: {target} exists, left as it is")
            continue
        with tempfile.TemporaryDirectory() as scratch:
            if args.clones is not None:
                git_dir, revision = _local(args.clones, repo), "HEAD"
            else:
                git_dir = _clone(repo, None if args.latest else pinned, Path(scratch))
                revision = "FETCH_HEAD"
            count = _copy(git_dir, revision, target)
            commit = _git("rev-parse", revision, git_dir=git_dir).strip()
        print(f"{repo}: {count} .cook files at {commit[:12]} into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
