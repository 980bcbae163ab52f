"""The command line, run for real: exit codes, one-line errors, JSON on stdout only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEED, shared

BARE = """Quick Garlic Butter
Ingredients
- 4 tbsp butter
- 3 cloves garlic, minced
Method
1. Melt the butter in a small saucepan over low heat.
2. Add the garlic and cook for 2 minutes.
"""


def ladle(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ladle", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    return lines[0]


def test_help_lists_the_commands() -> None:
    result = ladle("--help")
    assert result.returncode == 0
    for command in ("parse", "ingredients", "demo", "export"):
        assert command in result.stdout.decode()


def test_parse_seed_json() -> None:
    shared("seeds/honey-mustard-pork-belly.txt")
    result = ladle("parse", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["ladle"] == 1
    assert doc["title"] == "Honey Mustard Glazed Pork Belly with Roasted Carrots"
    assert len(doc["ingredients"]) == 10
    assert len(doc["steps"]) == 9
    assert result.stderr == b""


def test_parse_stdin_card_and_all(tmp_path: Path) -> None:
    result = ladle("parse", "-", stdin=BARE.encode())
    assert result.returncode == 0, result.stderr
    assert "Quick Garlic Butter" in result.stdout.decode()
    result = ladle("parse", "-", "--json", "--all", stdin=BARE.encode())
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and docs[0]["title"] == "Quick Garlic Butter"


def test_several_sources_in_one_process_with_a_failure(tmp_path: Path) -> None:
    good = tmp_path / "butter.txt"
    good.write_text(BARE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = ladle("parse", str(good), str(empty), str(good), "--json")
    assert result.returncode == 1
    docs = json.loads(result.stdout)
    assert [d.get("title") for d in docs] == ["Quick Garlic Butter", None, "Quick Garlic Butter"]
    assert docs[1]["source"] == str(empty)
    assert "empty" in docs[1]["error"]
    assert str(empty) in one_error_line(result)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"Caf\xe9 au lait\nIngredients\n- 1 cup milk\n", "not UTF-8"),
        (b"Kitchen knives\nA good knife is sharp. Keep it dry and store it safely.\n", "no recipe"),
    ],
)
def test_bad_input_gives_one_line_and_exit_1(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = ladle("parse", str(path))
    assert result.returncode == 1
    line = one_error_line(result)
    assert str(path) in line
    assert problem in line
    assert result.stdout == b""


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Ingredients\n- 1 cup flour\n" * (21 * 1024 * 1024 // 26 + 1))
    result = ladle("parse", str(path))
    assert result.returncode == 1
    line = one_error_line(result)
    assert "MB limit" in line and str(path) in line


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = ladle("parse", str(missing))
    assert result.returncode == 1
    assert "no such file" in one_error_line(result)
    result = ladle("parse", str(missing), "--format", "yaml")
    assert result.returncode == 2


def test_a_page_without_a_recipe_is_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body>hi</body></html>", encoding="utf-8")
    result = ladle("parse", str(page))
    assert result.returncode == 1
    assert "no recipe found in the page" in one_error_line(result)


def test_export_writes_every_format(tmp_path: Path) -> None:
    source = tmp_path / "butter.txt"
    source.write_text(BARE, encoding="utf-8")
    for fmt, marker in (
        ("ladle", '"ladle": 1'),
        ("jsonld", '"@type": "Recipe"'),
        ("markdown", "# Quick Garlic Butter"),
        ("html", "<!DOCTYPE html>"),
    ):
        result = ladle("export", str(source), "--to", fmt)
        assert result.returncode == 0, result.stderr
        assert marker in result.stdout.decode(), fmt
    pdf = tmp_path / "butter.pdf"
    result = ladle("export", str(source), "--to", "pdf", "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    result = ladle("export", str(source), "--to", "docx")
    assert result.returncode == 2
    result = ladle("export", str(source), "--to", "markdown", "-o", str(tmp_path / "no" / "x.md"))
    assert result.returncode == 1
    assert "cannot write the file" in one_error_line(result)


def test_ingredients_json_from_stdin() -> None:
    lines = "2 lbs pork belly\n\n1 tablespoon soy sauce (optional)\n4-5 cloves garlic\n"
    result = ladle("ingredients", "--json", stdin=lines.encode())
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout)
    assert [(d["quantity"], d["unit"], d["name"]) for d in docs] == [
        (2, "pound", "pork belly"),
        (1, "tablespoon", "soy sauce"),
        (4, "clove", "garlic"),
    ]
    assert docs[1]["optional"] is True
    assert docs[2]["quantity_max"] == 5


def test_ingredients_table_and_bad_line(tmp_path: Path) -> None:
    result = ladle("ingredients", stdin=b"1/4 cup honey\n")
    assert result.returncode == 0
    assert "honey" in result.stdout.decode()
    path = tmp_path / "lines.txt"
    path.write_text("1 cup flour\n" + "x" * 600 + "\n", encoding="utf-8")
    result = ladle("ingredients", str(path))
    assert result.returncode == 1
    assert f"{path}:2" in one_error_line(result)


def test_demo_reads_the_built_in_example() -> None:
    result = ladle("demo")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Honey Mustard Glazed Pork Belly with Roasted Carrots" in out
    assert "195°F" in out


def test_a_url_to_a_private_address_is_refused_naming_the_flag() -> None:
    result = ladle("parse", "http://127.0.0.1:9/recipe")
    assert result.returncode == 1
    line = one_error_line(result)
    assert "http://127.0.0.1:9/recipe" in line and "--allow-private" in line
    result = ladle("parse", "file:///etc/passwd")
    assert result.returncode == 1
    assert "file:///etc/passwd" in one_error_line(result)
