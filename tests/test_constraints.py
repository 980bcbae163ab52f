"""The table of constraint kinds agrees with the solver, the checker and the explanations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ladle.planning.check import CODES
from ladle.planning.constraints import KINDS, Group

PLANNING = Path(__file__).resolve().parent.parent / "src" / "ladle" / "planning"


def test_every_kind_the_solver_switches_is_in_the_table() -> None:
    solver = (PLANNING / "solver.py").read_text(encoding="utf-8")
    used = set(re.findall(r'self\.group\("([a-z]+)"', solver))
    assert used == set(KINDS)


def test_every_check_the_table_names_exists() -> None:
    for kind in KINDS.values():
        assert kind.checked, kind.name
        assert set(kind.checked) <= set(CODES), kind.name


def test_explanations_read_groups_not_strings() -> None:
    explain = (PLANNING / "explain.py").read_text(encoding="utf-8")
    assert 'split(":")' not in explain and "_Model" not in explain


def test_a_group_is_of_a_known_kind() -> None:
    assert str(Group("wait", "3")) == "wait:3" and Group("wait", "3").index == 3
    with pytest.raises(ValueError, match="no constraint kind"):
        Group("wiat", "3")
