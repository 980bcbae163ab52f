"""An English part-of-speech tagger for ingredient-parser, offline and quiet.

ingredient-parser-nlp tags each token with NLTK's averaged-perceptron tagger
(``averaged_perceptron_tagger_eng``) and, when NLTK cannot find it, downloads it the first
time it is imported. No package on PyPI ships that resource, so offline the download fails and
the parser raises ``LookupError``.

The PyPI package textblob-aptagger (MIT) ships an English averaged-perceptron model of the same
kind (``trontagger-0.1.0.pickle``: a tuple of feature weights, a tag dictionary and the tag
set). ``ensure_offline_tagger()`` reads it with an unpickler that builds nothing but sets,
dicts, lists, strings and numbers, writes it once as the three JSON files NLTK's
``PerceptronTagger`` loads, and puts their folder first on ``nltk.data.path``. From then on
ingredient-parser finds "its" tagger through NLTK's public search path and never tries to
download; nothing of the library's private parts is touched. The same model is used on every
machine (even one that has NLTK's official tagger), so results are reproducible.

The JSON files live under ``$LADLE_CACHE_DIR``, else ``$XDG_CACHE_HOME/ladle``, else
``~/.cache/ladle``; when that cannot be written, under the temporary directory.
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
import threading
from importlib import metadata
from pathlib import Path
from typing import Any

from ladle.errors import LadleError

__all__ = ["ensure_offline_tagger", "tagger_cache_dir"]

_DISTRIBUTION = "textblob-aptagger"
_PICKLE = "trontagger-0.1.0.pickle"
_RESOURCE = "averaged_perceptron_tagger_eng"
_STAMP = "ladle-source.txt"
_PARTS = ("weights", "tagdict", "classes")

_lock = threading.Lock()
_ready: list[Path] = []  # the data folder, once made


class _ModelUnpickler(pickle.Unpickler):
    """Unpickles plain data only: the one class the model needs is ``set``."""

    def find_class(self, module: str, name: str) -> Any:
        if module in {"builtins", "__builtin__"} and name == "set":
            return set
        raise pickle.UnpicklingError(f"refusing to load {module}.{name} from the tagger model")


def tagger_cache_dir() -> Path:
    """Where ladle keeps the converted tagger (an NLTK data folder)."""
    explicit = os.environ.get("LADLE_CACHE_DIR")
    if explicit:
        return Path(explicit) / "nltk_data"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "ladle" / "nltk_data"


def _model_file() -> tuple[Path, str]:
    try:
        dist = metadata.distribution(_DISTRIBUTION)
    except metadata.PackageNotFoundError as exc:
        raise LadleError(
            f"the package {_DISTRIBUTION} is not installed",
            where="ladle",
            hint="reinstall ladle with its dependencies: uv sync",
        ) from exc
    for entry in dist.files or ():
        if entry.name == _PICKLE:
            return Path(str(dist.locate_file(entry))), f"{_DISTRIBUTION} {dist.version} {_PICKLE}"
    raise LadleError(
        f"{_DISTRIBUTION} has no {_PICKLE}",
        where="ladle",
        hint="reinstall ladle with its dependencies: uv sync",
    )


def _convert(model: Path, target: Path, stamp: str) -> None:
    """Write the model as NLTK's three JSON files under ``target`` (atomically)."""
    with model.open("rb") as handle:
        weights, tagdict, classes = _ModelUnpickler(handle, encoding="latin1").load()
    parts = {"weights": weights, "tagdict": tagdict, "classes": sorted(classes)}
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tagger-", dir=target.parent))
    for part in _PARTS:
        with (staging / f"{_RESOURCE}.{part}.json").open("w", encoding="utf-8") as out:
            json.dump(parts[part], out)
    (staging / _STAMP).write_text(stamp, encoding="utf-8")
    try:
        staging.rename(target)
    except OSError:
        # Another process got there first, or an old conversion is in the way.
        if _is_current(target, stamp):
            _remove_tree(staging)
            return
        old = target.with_name(f".old-{os.getpid()}-{target.name}")
        target.rename(old)
        staging.rename(target)
        _remove_tree(old)


def _remove_tree(path: Path) -> None:
    for child in path.iterdir():
        child.unlink()
    path.rmdir()


def _is_current(target: Path, stamp: str) -> bool:
    try:
        return (target / _STAMP).read_text(encoding="utf-8") == stamp and all(
            (target / f"{_RESOURCE}.{part}.json").is_file() for part in _PARTS
        )
    except OSError:
        return False


def ensure_offline_tagger() -> Path:
    """Make NLTK find an English tagger without downloading; return its data folder.

    Safe to call many times and from several threads; the conversion happens once per cache.
    """
    with _lock:
        if _ready:
            return _ready[0]
        model, stamp = _model_file()
        candidates = [tagger_cache_dir(), Path(tempfile.gettempdir()) / f"ladle-{os.getuid()}"]
        last_error: OSError | None = None
        for root in candidates:
            target = root / "taggers" / _RESOURCE
            try:
                if not _is_current(target, stamp):
                    _convert(model, target, stamp)
            except OSError as exc:
                last_error = exc
                continue
            import nltk.data  # noqa: PLC0415 - heavy, only when ingredients are parsed

            if str(root) not in nltk.data.path:
                nltk.data.path.insert(0, str(root))
            _ready.append(root)
            return root
        raise LadleError(
            f"cannot write the tagger model ({last_error})",
            where=str(candidates[0]),
            hint="set LADLE_CACHE_DIR to a folder you can write",
        )
