"""Small USDA releases of our own making, in the formats of SR28 ASCII and FoodData Central CSV.

The foods, values and measures are invented for the tests (none comes from USDA's tables); only
the file layouts follow USDA's documentation. ``sr28()`` and ``fdc()`` give ``{name: bytes}``;
``write_zip`` and ``write_folder`` put them on disk.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

__all__ = [
    "fdc",
    "fdc_foundation",
    "nut_data_line",
    "sr28",
    "weight_line",
    "write_folder",
    "write_zip",
]

CRLF = "\r\n"

GROUPS = ["~0100~^~Dairy and eggs, test~", "~1100~^~Vegetables, test~"]

NUTR_DEF = [
    "~203~^~g~^~PROCNT~^~Protein~^~2~^~600~",
    "~204~^~g~^~FAT~^~Total lipid (fat)~^~2~^~800~",
    "~205~^~g~^~CHOCDF~^~Carbohydrate, by difference~^~2~^~1100~",
    "~208~^~kcal~^~ENERC_KCAL~^~Energy~^~0~^~300~",
    "~268~^~kJ~^~ENERC_KJ~^~Energy~^~0~^~400~",
    "~269~^~g~^~SUGAR~^~Sugars, total~^~2~^~1500~",
    "~291~^~g~^~FIBTG~^~Fiber, total dietary~^~1~^~1200~",
    "~301~^~mg~^~CA~^~Calcium, Ca~^~0~^~5300~",
    "~307~^~mg~^~NA~^~Sodium, Na~^~0~^~5800~",
    "~320~^~\xb5g~^~VITA_RAE~^~Vitamin A, RAE~^~0~^~7420~",
    "~601~^~mg~^~CHOLE~^~Cholesterol~^~0~^~15700~",
    "~606~^~g~^~FASAT~^~Fatty acids, total saturated~^~3~^~9700~",
]

FOOD_DES = [
    "~01234~^~0100~^~Butter, test, salted~^~BUTTER,TEST~^^^~Y~^^0^^6.38^4.27^8.79^3.87",
    "~11999~^~1100~^~Carrot, test, raw~^~CARROT,TEST,RAW~^^^~Y~^~Tops and scrapings~^12^"
    "~Daucus carota~^6.25^2.78^8.37^3.84",
    "~11998~^~1100~^~Kiwi, \x91Gold\x92 test~^~KIWI,TEST~^^^^~Skin~^20^^6.25^^^",
]

VALUES = {
    "01234": {"208": "700", "268": "2929", "203": "0.9", "204": "80.5", "606": "50.1"}
    | {"205": "0.1", "307": "600", "601": "210", "301": "20"},
    "11999": {"208": "40", "203": "0.9", "204": "0.2", "205": "9.5", "269": "4.5"}
    | {"291": "2.9", "307": "70", "320": "800"},
    "11998": {"208": "60", "205": "15"},
}

WEIGHTS = [
    ("01234", 1, "1", "tbsp", "14.0"),
    ("01234", 2, "1", "cup", "225"),
    ("11999", 1, "1", "medium", "60.5"),
    ("11999", 2, "0.5", "cup, chopped", "64"),
]


def nut_data_line(ndb: str, nutrient: str, value: str) -> str:
    """One NUT_DATA line: 18 fields, as SR28 writes them."""
    fields = [f"~{ndb}~", f"~{nutrient}~", value, "1", "", "~1~", *[""] * 10, "01/2020", ""]
    return "^".join(fields)


def weight_line(ndb: str, seq: int, amount: str, measure: str, grams: str) -> str:
    """One WEIGHT line: 7 fields."""
    return f"~{ndb}~^{seq}^{amount}^~{measure}~^{grams}^^"


def _lines(lines: list[str], *, last_newline: bool = True) -> bytes:
    text = CRLF.join(lines) + (CRLF if last_newline else "")
    return text.encode("latin-1")


def sr28() -> dict[str, bytes]:
    """A small SR28 ASCII release: three foods, twelve nutrients defined, four measures."""
    nut_data = [
        nut_data_line(ndb, nutrient, value)
        for ndb, values in VALUES.items()
        for nutrient, value in values.items()
    ]
    return {
        "FD_GROUP.txt": _lines(GROUPS),
        "NUTR_DEF.txt": _lines(NUTR_DEF),
        "FOOD_DES.txt": _lines(FOOD_DES, last_newline=False),  # as USDA's own file ends
        "NUT_DATA.txt": _lines(nut_data),
        "WEIGHT.txt": _lines([weight_line(*row) for row in WEIGHTS]),
    }


def _csv(rows: list[str]) -> bytes:
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


NUTRIENT_CSV = [
    '"id","name","unit_name","nutrient_nbr","rank"',
    '"1003","Protein","G","203","600"',
    '"1004","Total lipid (fat)","G","204","800"',
    '"1005","Carbohydrate, by difference","G","205","1110"',
    '"1008","Energy","KCAL","208","300"',
    '"1062","Energy","kJ","268","400"',
    '"1087","Calcium, Ca","MG","301","5300"',
    '"1093","Sodium, Na","MG","307","5800"',
    '"1258","Fatty acids, total saturated","G","606","9700"',
    '"2000","Sugars, total including NLEA","G","269","1510"',
    '"2047","Energy (Atwater General Factors)","KCAL","957","280"',
    '"2048","Energy (Atwater Specific Factors)","KCAL","958","290"',
    '"1050","Carbohydrate, by summation","G","205.2","1120"',
]


def fdc() -> dict[str, bytes]:
    """A small FoodData Central SR Legacy CSV download: two foods."""
    return {
        "food.csv": _csv(
            [
                '"fdc_id","data_type","description","food_category_id","publication_date"',
                '"170001","sr_legacy_food","Cheese, test, hard","1","2019-04-01"',
                '"170002","sr_legacy_food","Onions, test, raw","11","2019-04-01"',
            ]
        ),
        "food_category.csv": _csv(
            ['"id","code","description"', '"1","0100","Dairy, test"', '"11","1100","Veg, test"']
        ),
        "nutrient.csv": _csv(NUTRIENT_CSV),
        "food_nutrient.csv": _csv(
            [
                '"id","fdc_id","nutrient_id","amount","data_points","derivation_id"',
                '"1","170001","1008","400","","1"',
                '"2","170001","1062","1674","",""',
                '"3","170001","1003","25.5","",""',
                '"4","170001","1087","700","",""',
                '"5","170002","1008","41","",""',
                '"6","170002","1005","9.3","",""',
                '"7","170002","1093","","",""',
            ]
        ),
        "measure_unit.csv": _csv(
            ['"id","name"', '"1000","cup"', '"1001","tablespoon"', '"9999","undetermined"']
        ),
        "food_portion.csv": _csv(
            [
                '"id","fdc_id","seq_num","amount","measure_unit_id","portion_description",'
                '"modifier","gram_weight","data_points","footnote","min_year_acquired"',
                '"1","170001","1","1","1000","","diced","132","","",""',
                '"2","170002","1","1","9999","","medium (2-1/2"" dia)","110","","",""',
                '"3","170002","2","1","9999","","","","","",""',
            ]
        ),
    }


def fdc_foundation() -> dict[str, bytes]:
    """A small Foundation Foods download: one food with energy by Atwater factors only, one
    lab sample (not kept) with its nutrient rows."""
    files = fdc()
    files["food.csv"] = _csv(
        [
            '"fdc_id","data_type","description","food_category_id","publication_date"',
            '"320001","foundation_food","Lentils, test, dry","16","2023-04-20"',
            '"320002","sub_sample_food","Lentils, test, sample 1","16","2023-04-20"',
        ]
    )
    files["food_nutrient.csv"] = _csv(
        [
            '"id","fdc_id","nutrient_id","amount"',
            '"1","320001","2047","352"',
            '"2","320001","2048","343"',
            '"3","320001","1050","60.1"',
            '"4","320002","1008","999"',
        ]
    )
    files["food_portion.csv"] = _csv(
        [
            '"id","fdc_id","seq_num","amount","measure_unit_id","portion_description",'
            '"modifier","gram_weight"',
            '"1","320001","1","1","1000","","","192"',
        ]
    )
    return files


def write_zip(path: Path, files: dict[str, bytes], folder: str = "") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(folder + name, data)
    return path


def write_folder(path: Path, files: dict[str, bytes]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (path / name).write_bytes(data)
    return path
