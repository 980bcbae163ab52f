"""Reading USDA's releases: SR28 ASCII and FoodData Central CSV, from our own small files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladle.errors import FoodDataError, LadleError
from ladle.foods.table import NUTRIENTS, Portion
from ladle.foods.usda import read_release

from .usda_fixtures import (
    fdc,
    fdc_foundation,
    nut_data_line,
    sr28,
    weight_line,
    write_folder,
    write_zip,
)


def _error(path: Path) -> str:
    with pytest.raises(FoodDataError) as caught:
        read_release(path)
    line = str(caught.value)
    assert "\n" not in line
    return line


# --- SR28 -----------------------------------------------------------------------------------------


def test_sr28_zip_gives_every_food_with_the_ten_nutrients(tmp_path: Path) -> None:
    release = read_release(write_zip(tmp_path / "sr28asc.zip", sr28()))
    assert release.name == "SR28"
    assert [f.id for f in release.foods] == ["01234", "11999", "11998"]  # leading zero kept
    butter, carrot, kiwi = release.foods
    assert butter.description == "Butter, test, salted"
    assert butter.group == "Dairy and eggs, test"
    assert butter.release == "SR28"
    assert butter.per_100g == {
        "energy_kcal": 700,
        "energy_kj": 2929,
        "protein": 0.9,
        "fat": 80.5,
        "saturated_fat": 50.1,
        "carbohydrate": 0.1,
        "sodium": 600,
        "cholesterol": 210,
    }  # calcium (301) is not a panel row: not kept
    assert list(butter.per_100g) == [n.key for n in NUTRIENTS if n.key in butter.per_100g]
    assert butter.portions == (Portion(1, "tbsp", 14.0), Portion(1, "cup", 225))
    assert (butter.refuse_percent, butter.refuse) == (0, "")
    assert carrot.portions[1] == Portion(0.5, "cup, chopped", 64)
    assert (carrot.refuse_percent, carrot.refuse) == (12, "Tops and scrapings")
    assert "vitamin" not in str(carrot.per_100g)
    assert kiwi.description == "Kiwi, \u2018Gold\u2019 test"  # 0x91/0x92 as Windows-1252 reads them
    assert kiwi.per_100g == {"energy_kcal": 60, "carbohydrate": 15}  # absent is unknown, not 0
    assert kiwi.portions == ()


def test_sr28_folder_and_zip_with_a_folder_inside_read_the_same(tmp_path: Path) -> None:
    plain = read_release(write_zip(tmp_path / "sr28asc.zip", sr28()))
    nested = read_release(write_zip(tmp_path / "nested.zip", sr28(), folder="SR28/"))
    folder = read_release(write_folder(tmp_path / "sr28", sr28()))
    lower = {name.lower(): data for name, data in sr28().items()}
    lowered = read_release(write_folder(tmp_path / "lower", lower))
    assert plain.foods == nested.foods == folder.foods == lowered.foods


def test_the_release_is_named_after_the_zip(tmp_path: Path) -> None:
    assert read_release(write_zip(tmp_path / "sr27asc.zip", sr28())).name == "SR27"
    assert read_release(write_zip(tmp_path / "usda.zip", sr28())).name == "SR28"


def test_progress_counts_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    files = sr28()
    read_release(write_zip(tmp_path / "sr28asc.zip", files), lambda d, t: calls.append((d, t)))
    total = sum(len(data) for data in files.values())
    assert calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert {t for _, t in calls} == {total}


# --- FoodData Central -----------------------------------------------------------------------------


def test_fdc_sr_legacy_csv(tmp_path: Path) -> None:
    release = read_release(write_zip(tmp_path / "fdc.zip", fdc(), folder="FoodData_Central/"))
    assert release.name == "FDC SR Legacy"
    cheese, onion = release.foods
    assert (cheese.id, cheese.description, cheese.group) == (
        "170001",
        "Cheese, test, hard",
        "Dairy, test",
    )
    assert cheese.per_100g == {"energy_kcal": 400, "energy_kj": 1674, "protein": 25.5}
    assert cheese.portions == (Portion(1, "cup, diced", 132),)
    assert onion.per_100g == {"energy_kcal": 41, "energy_kj": 172, "carbohydrate": 9.3}
    assert onion.portions == (Portion(1, 'medium (2-1/2" dia)', 110),)  # no gram weight: left out
    assert onion.release == "FDC SR Legacy"


def test_fdc_foundation_energy_from_atwater_factors(tmp_path: Path) -> None:
    release = read_release(write_folder(tmp_path / "foundation", fdc_foundation()))
    assert release.name == "FDC Foundation"
    (lentils,) = release.foods  # the lab sample is not a food of the table
    assert lentils.id == "320001"
    assert lentils.per_100g == {"energy_kcal": 343, "energy_kj": 1435, "carbohydrate": 60.1}
    assert lentils.portions == (Portion(1, "cup", 192),)


# --- refusals -------------------------------------------------------------------------------------


def test_not_a_zip_nor_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "notes.zip"
    path.write_text("just some text\n")
    assert _error(path).startswith(f"{path}: is not a zip file (give USDA's sr28asc.zip")
    assert "no such file" in _error(tmp_path / "absent.zip")


def test_a_zip_that_is_not_a_usda_release_names_the_files_expected(tmp_path: Path) -> None:
    line = _error(write_zip(tmp_path / "photos.zip", {"cat.jpg": b"\xff\xd8"}))
    assert "is not a USDA release: expected SR28's FOOD_DES.txt, NUT_DATA.txt" in line
    assert "FoodData Central's food.csv, food_nutrient.csv" in line
    files = sr28()
    del files["WEIGHT.txt"]
    assert "an SR28 release without WEIGHT.txt" in _error(write_zip(tmp_path / "part.zip", files))
    partial = fdc()
    del partial["nutrient.csv"]
    line = _error(write_zip(tmp_path / "fdc.zip", partial))
    assert "a FoodData Central release without nutrient.csv" in line


def test_a_truncated_zip(tmp_path: Path) -> None:
    files = sr28()
    files["NUT_DATA.txt"] = files["NUT_DATA.txt"] * 200
    data = write_zip(tmp_path / "whole.zip", files).read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    assert "is not a zip file" in _error(cut)  # the directory at the end is gone


def test_a_damaged_member_of_a_zip(tmp_path: Path) -> None:
    files = sr28()
    files["NUT_DATA.txt"] = files["NUT_DATA.txt"] * 50
    path = write_zip(tmp_path / "sr28asc.zip", files)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("NUT_DATA.txt")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 20, start + info.compress_size - 20):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    line = _error(path)
    assert line.startswith("NUT_DATA.txt:")
    assert "download the release again" in line


def test_a_truncated_line_names_the_file_and_line(tmp_path: Path) -> None:
    files = sr28()
    files["NUT_DATA.txt"] = files["NUT_DATA.txt"][:-30]
    line = _error(write_folder(tmp_path / "sr28", files))
    assert line.startswith("NUT_DATA.txt:19: 3 fields where NUT_DATA.txt has 18 (")
    files = sr28()
    files["WEIGHT.txt"] += b"~01234~^3^1^~pa"
    assert _error(write_folder(tmp_path / "w", files)).startswith(
        "WEIGHT.txt:5: 4 fields where WEIGHT.txt has 7"
    )


def test_an_unknown_nutrient_number(tmp_path: Path) -> None:
    files = sr28()
    files["NUT_DATA.txt"] += (nut_data_line("11998", "999", "1.0") + "\r\n").encode()
    line = _error(write_zip(tmp_path / "sr28asc.zip", files))
    assert line == (
        "NUT_DATA.txt:20: nutrient number 999 is not defined in NUTR_DEF.txt "
        "(NUT_DATA.txt and NUTR_DEF.txt must come from the same release)"
    )


def test_rows_for_a_food_the_release_does_not_describe(tmp_path: Path) -> None:
    files = sr28()
    files["NUT_DATA.txt"] = (nut_data_line("55555", "208", "1") + "\r\n").encode() + files[
        "NUT_DATA.txt"
    ]
    line = _error(write_zip(tmp_path / "a.zip", files))
    assert line.startswith("NUT_DATA.txt:1: a nutrient value for food 55555, which FOOD_DES.txt")
    files = sr28()
    files["WEIGHT.txt"] += (weight_line("55555", 1, "1", "cup", "10") + "\r\n").encode()
    line = _error(write_zip(tmp_path / "b.zip", files))
    assert line.startswith("WEIGHT.txt:5: a measure for food 55555, which FOOD_DES.txt")


@pytest.mark.parametrize(
    ("name", "old", "new", "start"),
    [
        ("NUT_DATA.txt", b"^80.5^", b"^eighty^", "NUT_DATA.txt:4: nutrient value 'eighty' is not"),
        ("NUT_DATA.txt", b"^80.5^", b"^nan^", "NUT_DATA.txt:4: nutrient value 'nan' is not"),
        ("NUT_DATA.txt", b"^80.5^", b"^-3^", "NUT_DATA.txt:4: nutrient value '-3' is not"),
        ("WEIGHT.txt", b"^14.0^", b"^1,4^", "WEIGHT.txt:1: gram weight '1,4' is not a number"),
        ("FOOD_DES.txt", b"~Butter", b"\x00~Butter", "FOOD_DES.txt:1: description"),
        ("FOOD_DES.txt", b"test, salted", b"test\x01 salted", "FOOD_DES.txt:1: description holds"),
        ("FOOD_DES.txt", b"^12^", b"^120^", "FOOD_DES.txt:2: refuse of 120% is over 100%"),
        ("FOOD_DES.txt", b"~1100~^~Carrot", b"~1700~^~Carrot", "FOOD_DES.txt:2: food 11999 is in"),
        ("NUTR_DEF.txt", b"~208~^~kcal~", b"~208~^~kJ~", "NUTR_DEF.txt:4: nutrient 208 (Energy)"),
        ("NUTR_DEF.txt", b"~208~^~kcal~", b"~209~^~kcal~", "NUTR_DEF.txt: defines no nutrient 208"),
    ],
)
def test_malformed_fields(tmp_path: Path, name: str, old: bytes, new: bytes, start: str) -> None:
    files = sr28()
    assert old in files[name]
    files[name] = files[name].replace(old, new, 1)
    assert _error(write_zip(tmp_path / "sr28asc.zip", files)).startswith(start)


def test_a_food_described_twice_and_empty_files(tmp_path: Path) -> None:
    files = sr28()
    files["FOOD_DES.txt"] += b"\r\n" + files["FOOD_DES.txt"].split(b"\r\n")[0]
    assert "FOOD_DES.txt:4: food 01234 is described twice" in _error(
        write_zip(tmp_path / "a.zip", files)
    )
    files = sr28()
    files["NUT_DATA.txt"] = b""
    assert _error(write_zip(tmp_path / "b.zip", files)).startswith(
        "NUT_DATA.txt: holds no nutrient values"
    )
    files["FOOD_DES.txt"] = b"\r\n"
    assert _error(write_zip(tmp_path / "c.zip", files)).startswith("FOOD_DES.txt: holds no foods")


@pytest.mark.parametrize(
    ("name", "data", "start"),
    [
        ("food.csv", b'"fdc_id","description"\r\n', "food.csv:1: has no column data_type"),
        ("food.csv", b"", "food.csv: is empty"),
        ("nutrient.csv", b'"id","unit_name","nutrient_nbr"\r\n"1\xff","G","1"\r\n',
         "nutrient.csv:2: bytes that are not UTF-8 text"),
        ("food_nutrient.csv", b'"id","fdc_id","nutrient_id","amount"\r\n"1","170001","77","1"\r\n',
         "food_nutrient.csv:2: nutrient id '77' is not defined in nutrient.csv"),
        ("food_nutrient.csv", b'"id","fdc_id","nutrient_id","amount"\r\n"1","99","1008","1"\r\n',
         "food_nutrient.csv:2: a row for food '99', which food.csv does not describe"),
        ("food_nutrient.csv", b'"id","fdc_id","nutrient_id","amount"\r\n"1","170001","1008"\r\n',
         "food_nutrient.csv:2: 3 fields where the header has 4"),
        ("food_nutrient.csv",
         b'"id","fdc_id","nutrient_id","amount"\r\n"1","170001","1008","x"\r\n',
         "food_nutrient.csv:2: amount 'x' is not a number"),
        ("food_portion.csv", b'"fdc_id","amount","measure_unit_id","portion_description",'
         b'"modifier","gram_weight"\r\n"5","1","1000","","","1"\r\n',
         "food_portion.csv:2: a row for food '5'"),
        ("food.csv", b'"fdc_id","data_type","description","food_category_id"\r\n'
         b'"1","survey_fndds_food","Pie","1"\r\n', "food.csv: holds no SR Legacy or Foundation"),
        ("food.csv", b'"fdc_id","data_type","description","food_category_id"\r\n'
         b'"x1","sr_legacy_food","Pie","1"\r\n', "food.csv:2: fdc_id 'x1' is not a number"),
        ("food.csv", b'"fdc_id","data_type","description","food_category_id"\r\n'
         b'"1","sr_legacy_food","Pie\x00","1"\r\n', "food.csv:2: description holds control bytes"),
    ],
)  # fmt: skip
def test_fdc_refusals(tmp_path: Path, name: str, data: bytes, start: str) -> None:
    files = fdc()
    files[name] = data
    assert _error(write_zip(tmp_path / "fdc.zip", files)).startswith(start)


# --- nothing but LadleError -----------------------------------------------------------------------

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SR28_NAMES = sorted(sr28())
FDC_NAMES = sorted(fdc())


def _read_or_refuse(path: Path) -> None:
    try:
        read_release(path)
    except LadleError as error:
        assert "\n" not in str(error)


@FUZZ
@given(name=st.sampled_from(SR28_NAMES), data=st.binary(max_size=400))
def test_any_bytes_in_an_sr28_file(tmp_path: Path, name: str, data: bytes) -> None:
    files = sr28()
    files[name] = data
    _read_or_refuse(write_zip(tmp_path / "sr28asc.zip", files))


@FUZZ
@given(
    name=st.sampled_from(SR28_NAMES),
    line=st.integers(0, 30),
    text=st.text(st.sampled_from("~^0123456789.-e \r\nabc\x00\x91µ"), max_size=40),
)
def test_any_line_in_an_sr28_file(tmp_path: Path, name: str, line: int, text: str) -> None:
    files = sr28()
    lines = files[name].split(b"\r\n")
    lines[line % len(lines)] = text.encode("latin-1")
    files[name] = b"\r\n".join(lines)
    _read_or_refuse(write_folder(tmp_path / "sr28", files))


@FUZZ
@given(name=st.sampled_from(FDC_NAMES), data=st.binary(max_size=300) | st.text(max_size=200))
def test_any_bytes_in_an_fdc_file(tmp_path: Path, name: str, data: bytes | str) -> None:
    files = fdc()
    files[name] = data.encode() if isinstance(data, str) else data
    _read_or_refuse(write_zip(tmp_path / "fdc.zip", files))


@FUZZ
@given(data=st.binary(max_size=600), cut=st.integers(0, 2000))
def test_any_bytes_as_the_zip(tmp_path: Path, data: bytes, cut: int) -> None:
    path = tmp_path / "any.zip"
    path.write_bytes(data)
    _read_or_refuse(path)
    whole = write_zip(tmp_path / "whole.zip", sr28()).read_bytes()
    path.write_bytes(whole[:cut] + data[:20] + whole[cut + 20 :])
    _read_or_refuse(path)


def test_progress_counts_only_the_files_read(tmp_path: Path) -> None:
    files = fdc()
    files["branded_food.csv"] = b"x" * 100_000  # a file of the full download ladle skips
    calls: list[tuple[int, int]] = []
    read_release(write_zip(tmp_path / "fdc.zip", files), lambda d, t: calls.append((d, t)))
    total = sum(len(data) for name, data in files.items() if name != "branded_food.csv")
    assert calls[-1] == (total, total)
