"""An English part-of-speech tagger for ingredient-parser, offline, quiet and quick to load.

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
download. The same model is used on every machine (even one that has NLTK's official tagger),
so results are reproducible. A later process only compares a one-line stamp (the package, its
version and the model's name) with the one written beside the files.

Loading those JSON files is slow: NLTK checks every number of the 7 MB of weights before it
trusts them, and builds 94,000 dictionaries of which a recipe uses a few hundred (a quarter of
a second, every process). The conversion therefore also writes a *quick file*
(``…ladle.pickle``): the tag dictionary, the tags and, for each feature, its weights as a small
``marshal`` blob, behind a CRC-32 of the whole and a stamp. A process reads it in one go (the
restricted unpickler again), checks both, and decodes a feature's weights the first time the
tagger asks for them (:class:`LazyWeights`); a missing, stale or damaged quick file is written
again from the installed model. ``use_quick_tagger()`` makes ingredient-parser build its tagger
this way. ingredient-parser makes its tagger in one place, the cached
``ingredient_parser.en._utils._get_pos_tagger()`` (NLTK's ``PerceptronTagger()`` plus the
library's ingredient tag dictionary); ladle's replacement returns the same tagger (the same
weights, tags and dictionary, so the same tags), built from the quick file. When the library no
longer has that function, ladle leaves the library alone (slower, same answers).

The files live under ``$LADLE_CACHE_DIR``, else ``$XDG_CACHE_HOME/ladle``, else
``~/.cache/ladle``; when that cannot be written, under the temporary directory. When no folder
can hold the quick file, the tagger is read from the installed model (a tenth of a second).
"""

from __future__ import annotations

import io
import json
import marshal
import os
import pickle
import tempfile
import threading
import zlib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ladle.errors import LadleError

__all__ = [
    "LazyWeights",
    "ensure_offline_tagger",
    "perceptron_tagger",
    "tagger_cache_dir",
    "use_quick_tagger",
]

_DISTRIBUTION = "textblob-aptagger"
_PICKLE = "trontagger-0.1.0.pickle"
_RESOURCE = "averaged_perceptron_tagger_eng"
_STAMP = "ladle-source.txt"
_PARTS = ("weights", "tagdict", "classes")
_QUICK = f"{_RESOURCE}.ladle.pickle"
_QUICK_FORMAT = "ladle quick tagger 1"
_MARSHAL_VERSION = 4  # plain dicts, strings and floats: every Python 3 reads it

Weights = Mapping[str, dict[str, float]]  # feature → tag → weight
Parts = tuple[Weights, dict[str, str], list[str]]  # weights, tag dictionary, tags

_lock = threading.Lock()
_ready: list[Path] = []  # the data folder, once made
_load_lock = threading.Lock()
_loaded: list[Parts] = []  # the model's parts, once read


class _ModelUnpickler(pickle.Unpickler):
    """Unpickles plain data only: the one class the model needs is ``set``."""

    def find_class(self, module: str, name: str) -> Any:
        if module in {"builtins", "__builtin__"} and name == "set":
            return set
        raise pickle.UnpicklingError(f"refusing to load {module}.{name} from the tagger model")


class LazyWeights(Mapping[str, dict[str, float]]):
    """The perceptron's weights (feature → tag → weight), each feature's decoded on first use.

    NLTK's tagger only asks ``feature in weights`` and ``weights[feature]``; a recipe's lines
    need a few hundred of the 94,000 features, so most blobs are never decoded.
    """

    __slots__ = ("_blobs", "_decoded")

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self._blobs = blobs
        self._decoded: dict[str, dict[str, float]] = {}

    def __getitem__(self, feature: str) -> dict[str, float]:
        try:
            return self._decoded[feature]
        except KeyError:
            weights: dict[str, float] = marshal.loads(self._blobs[feature])
            self._decoded[feature] = weights
            return weights

    def __contains__(self, feature: object) -> bool:
        return feature in self._blobs

    def __iter__(self) -> Iterator[str]:
        return iter(self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)


def tagger_cache_dir() -> Path:
    """Where ladle keeps the converted tagger (an NLTK data folder)."""
    explicit = os.environ.get("LADLE_CACHE_DIR")
    if explicit:
        return Path(explicit) / "nltk_data"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "ladle" / "nltk_data"


@cache
def _model_file() -> tuple[Path, str]:
    """The installed model and its stamp (the package, its version, the model's name)."""
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


def _read_model(model: Path) -> tuple[dict[str, dict[str, float]], dict[str, str], list[str]]:
    """The installed model's weights, tag dictionary and sorted tag list."""
    with model.open("rb") as handle:
        weights, tagdict, classes = _ModelUnpickler(handle, encoding="latin1").load()
    return weights, tagdict, sorted(classes)


def _quick_bytes(stamp: str, parts: Parts) -> bytes:
    """The quick file: a CRC-32 (4 bytes, big-endian), then the pickled stamp and parts."""
    weights, tagdict, classes = parts
    blobs = {feature: marshal.dumps(dict(w), _MARSHAL_VERSION) for feature, w in weights.items()}
    body = pickle.dumps((_QUICK_FORMAT, stamp, blobs, tagdict, classes), protocol=4)
    return zlib.crc32(body).to_bytes(4, "big") + body


def _convert(model: Path, target: Path, stamp: str) -> None:
    """Write the model as NLTK's three JSON files and the quick file under ``target``
    (atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tagger-", dir=target.parent))
    weights, tagdict, classes = _read_model(model)
    parts = {"weights": weights, "tagdict": tagdict, "classes": classes}
    for part in _PARTS:
        with (staging / f"{_RESOURCE}.{part}.json").open("w", encoding="utf-8") as out:
            json.dump(parts[part], out)
    (staging / _QUICK).write_bytes(_quick_bytes(stamp, (weights, tagdict, classes)))
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
        # A folder already converted wins (even the fallback: a cache folder that cannot be
        # made is not tried again in every process); else the first that can be written.
        root = next((r for r in candidates if _is_current(r / "taggers" / _RESOURCE, stamp)), None)
        last_error: OSError | None = None
        for candidate in candidates if root is None else ():
            try:
                _convert(model, candidate / "taggers" / _RESOURCE, stamp)
            except OSError as exc:
                last_error = exc
                continue
            root = candidate
            break
        if root is None:
            raise LadleError(
                f"cannot write the tagger model ({last_error})",
                where=str(candidates[0]),
                hint="set LADLE_CACHE_DIR to a folder you can write",
            )
        import nltk.data  # noqa: PLC0415 - heavy, only when ingredients are parsed

        if str(root) not in nltk.data.path:
            nltk.data.path.insert(0, str(root))
        _ready.append(root)
        return root


def _read_quick(path: Path, stamp: str) -> Parts | None:
    """The parts in the quick file, or None when it is missing, stale or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body = memoryview(data)[4:]
    if len(data) < 4 or zlib.crc32(body) != int.from_bytes(data[:4], "big"):
        return None
    try:
        document = _ModelUnpickler(io.BytesIO(body)).load()
    except Exception:  # unreadable after all: write it again
        return None
    if not (
        isinstance(document, tuple)
        and len(document) == 5
        and document[:2] == (_QUICK_FORMAT, stamp)
        and isinstance(document[2], dict)
        and isinstance(document[3], dict)
        and isinstance(document[4], list)
    ):
        return None
    return LazyWeights(document[2]), document[3], document[4]


def _write_quick(path: Path, stamp: str, parts: Parts) -> None:
    """Replace the quick file atomically; a folder that cannot be written is left alone."""
    try:
        handle, staging = tempfile.mkstemp(prefix=".quick-", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_quick_bytes(stamp, parts))
        Path(staging).replace(path)
    except OSError:
        Path(staging).unlink(missing_ok=True)


def _parts() -> Parts:
    """The model's parts, read once per process: from the quick file, else from the package
    (then the quick file is written again for the next process)."""
    with _load_lock:
        if _loaded:
            return _loaded[0]
        root = ensure_offline_tagger()
        model, stamp = _model_file()
        quick = root / "taggers" / _RESOURCE / _QUICK
        parts = _read_quick(quick, stamp)
        if parts is None:
            parts = _read_model(model)
            _write_quick(quick, stamp, parts)  # for the next process
        _loaded.append(parts)
        return parts


def perceptron_tagger() -> Any:
    """A new NLTK ``PerceptronTagger`` holding the offline model (no download, no JSON).

    The model is read once per process and its weights are shared (read only); each tagger gets
    its own tag dictionary, so a caller may extend it (as ingredient-parser does).
    """
    from nltk.tag.perceptron import PerceptronTagger  # noqa: PLC0415 - heavy

    weights, tagdict, classes = _parts()
    tagger = PerceptronTagger(load=False)
    tagger.decode_json_params((weights, dict(tagdict), classes))
    return tagger


@cache
def _ingredient_tagger() -> Any:
    """What ingredient-parser's ``_get_pos_tagger()`` returns, from the quick file."""
    from ingredient_parser.en._loaders import load_ingredient_tagdict  # noqa: PLC0415

    tagger = perceptron_tagger()
    tagger.tagdict.update(load_ingredient_tagdict())
    return tagger


def use_quick_tagger() -> bool:
    """Make ingredient-parser build its tagger with :func:`perceptron_tagger`; True when it
    does. Call it after importing ``ingredient_parser``; calling it again does nothing."""
    try:
        from ingredient_parser.en import _loaders  # noqa: PLC0415
        from ingredient_parser.en import _utils as library  # noqa: PLC0415
    except ImportError:
        return False
    current = getattr(library, "_get_pos_tagger", None)
    if current is _ingredient_tagger:
        return True
    if not callable(current) or not hasattr(_loaders, "load_ingredient_tagdict"):
        return False  # the library changed: keep its own (slower) way
    library._get_pos_tagger = _ingredient_tagger
    return True
