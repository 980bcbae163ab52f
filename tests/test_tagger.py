"""The quick tagger file: what ladle writes reads back the same, a damaged or stale one is never
used, and the tagger built from it tags exactly as NLTK's own loading of the JSON files does."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from ladle import tagger


def quick_file(tmp_path: Path, stamp: str = "a stamp") -> Path:
    path = tmp_path / "quick.pickle"
    weights = {"i word salt": {"NN": 1.5, "VB": -0.25}, "bias": {"NN": 0.125}}
    path.write_bytes(tagger._quick_bytes(stamp, (weights, {"the": "DT"}, ["DT", "NN", "VB"])))
    return path


def test_the_quick_file_reads_back_what_was_written(tmp_path: Path) -> None:
    parts = tagger._read_quick(quick_file(tmp_path), "a stamp")
    assert parts is not None
    weights, tagdict, classes = parts
    assert isinstance(weights, tagger.LazyWeights)
    assert "bias" in weights
    assert "i word pepper" not in weights
    assert weights["i word salt"] == {"NN": 1.5, "VB": -0.25}
    assert weights["i word salt"] is weights["i word salt"]  # decoded once
    assert dict(weights) == {"i word salt": {"NN": 1.5, "VB": -0.25}, "bias": {"NN": 0.125}}
    with pytest.raises(KeyError):
        weights["i word pepper"]
    assert (tagdict, classes) == ({"the": "DT"}, ["DT", "NN", "VB"])


@pytest.mark.parametrize(
    "damage",
    [
        "missing",
        "empty",
        "truncated",
        "one byte changed",
        "garbage with a right checksum",
        "another stamp",
    ],
)
def test_a_damaged_or_stale_quick_file_is_not_used(tmp_path: Path, damage: str) -> None:
    path = quick_file(tmp_path, "another stamp" if damage == "another stamp" else "a stamp")
    data = path.read_bytes()
    if damage == "missing":
        path.unlink()
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(data[:-10])
    elif damage == "one byte changed":
        path.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])
    elif damage == "garbage with a right checksum":
        body = b"\x80\x04cos\nsystem\n."  # a pickle that would call a function
        path.write_bytes(zlib.crc32(body).to_bytes(4, "big") + body)
    assert tagger._read_quick(path, "a stamp") is None


def test_the_quick_tagger_tags_as_nltk_loading_the_json_does() -> None:
    from nltk.tag.perceptron import PerceptronTagger

    root = tagger.ensure_offline_tagger()
    from_json = PerceptronTagger(load=True, loc=str(root / "taggers" / tagger._RESOURCE))
    quick = tagger.perceptron_tagger()
    assert quick.classes == from_json.classes
    assert quick.tagdict == from_json.tagdict
    assert len(quick.model.weights) == len(from_json.model.weights)
    sentences = [
        ["2", "tablespoons", "olive", "oil", ",", "divided"],
        ["1", "(", "14", "ounce", ")", "can", "diced", "tomatoes", ",", "drained"],
        ["Salt", "and", "freshly", "ground", "black", "pepper", "to", "taste"],
        ["3-4", "large", "carrots", ",", "peeled", "and", "cut", "into", "2-inch", "pieces"],
        ["½", "cup", "honey", ",", "warmed", "until", "runny"],
    ]
    for tokens in sentences:
        assert quick.tag(tokens) == from_json.tag(tokens)
    for feature in list(from_json.model.weights)[:2000]:
        assert quick.model.weights[feature] == from_json.model.weights[feature]


def test_ingredient_parser_uses_the_quick_tagger() -> None:
    from ladle.ingredients import parse_ingredient

    parse_ingredient("2 tbsp olive oil")  # loads the library the way ladle does
    from ingredient_parser.en import _utils
    from ingredient_parser.en._loaders import load_ingredient_tagdict

    library_tagger = _utils._get_pos_tagger()
    assert library_tagger is tagger._ingredient_tagger()
    assert isinstance(library_tagger.model.weights, tagger.LazyWeights)
    assert load_ingredient_tagdict().items() <= library_tagger.tagdict.items()
    assert tagger.use_quick_tagger()  # a second call changes nothing
