#!/usr/bin/env python3
"""Writes a synthetic content folder for the browser tests: the two real seeds (晋江市金井镇 and
晋江市永和镇, 2022) kept as they are, plus copies under other real Jinjiang towns for 2020–2023.

Deterministic: the same seeds always give the same files. Each copy swaps the town name (金井镇 →
深沪镇, and the short form 金井 → 深沪 in names like “海丝金井”) and shifts every year by the same
offset, so the statistics period, last year's carry-over and the issue date stay consistent.
Some copies lose section 五 or a table cell, so the year pages' completeness scores differ and
sorting has something to reorder.

usage: make-site-corpus.py SEED_DIR OUT_DIR
"""
import re
import sys
from pathlib import Path

SEEDS = {
    # seed file, the town it is about, the towns its copies are about
    "000_3a640c0e6a422263.txt": ("金井", ["深沪", "英林", "东石"]),
    "001_ba4ee18afd36a9fc.txt": ("永和", ["安海", "磁灶", "内坑"]),
}
PINYIN = {"金井": "jinjing", "永和": "yonghe", "深沪": "shenhu", "英林": "yinglin", "东石": "dongshi",
          "安海": "anhai", "磁灶": "cizao", "内坑": "neikeng"}
SEED_YEAR = 2022
YEARS = [2020, 2021, 2022, 2023]
YEAR_PATTERN = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")
SECTION_FIVE = re.compile(r"^\s*[#\s]*五、")
SECTION_SIX = re.compile(r"^\s*[#\s]*六、")
TABLE_NUMBER_ROW = re.compile(r"^(.*\t)(\d+)(\t.*)$")

CONFIG = """# Synthetic site for the browser tests (scripts/make-site-corpus.py).
title: 晋江市各镇政府信息公开工作年度报告（测试）
roster:
  - 晋江市金井镇人民政府
  - 晋江市永和镇人民政府
{towns}  - 晋江市龙湖镇人民政府
"""


def shift_years(text: str, offset: int) -> str:
    return YEAR_PATTERN.sub(lambda m: str(int(m.group(1)) + offset), text)


def drop_section_five(text: str) -> str:
    """The copy keeps the heading of section 五 but not what it says: an unspecific 五 loses points."""
    lines, out, skipping = text.split("\n"), [], False
    for line in lines:
        if SECTION_FIVE.match(line):
            out.append(line)
            skipping = True
            continue
        if skipping and SECTION_SIX.match(line):
            skipping = False
        if not skipping:
            out.append(line)
    return "\n".join(out)


def blur_first_table_cell(text: str) -> str:
    """OCR damage: the first number in a tab-separated row becomes unreadable."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        match = TABLE_NUMBER_ROW.match(line)
        if match:
            lines[i] = match.group(1) + "[illegible]" + match.group(3)
            break
    return "\n".join(lines)


def copy_for(seed_text: str, seed_town: str, town: str, year: int, variant: int) -> str:
    text = seed_text.replace(seed_town + "镇", town + "镇").replace(seed_town, town)
    text = shift_years(text, year - SEED_YEAR)
    if variant % 3 == 1:
        text = drop_section_five(text)
    elif variant % 3 == 2:
        text = blur_first_table_cell(text)
    return text


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    seed_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    written = 0
    variant = 0
    copy_towns = []
    for seed_name, (seed_town, towns) in SEEDS.items():
        seed_text = (seed_dir / seed_name).read_text(encoding="utf-8")
        original = out_dir / str(SEED_YEAR) / f"{PINYIN[seed_town]}.txt"
        original.parent.mkdir(parents=True, exist_ok=True)
        original.write_text(seed_text, encoding="utf-8")
        written += 1
        for town in towns:
            copy_towns.append(town)
            for year in YEARS:
                path = out_dir / str(year) / f"{PINYIN[town]}.txt"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(copy_for(seed_text, seed_town, town, year, variant), encoding="utf-8")
                variant += 1
                written += 1
    roster = "".join(f"  - 晋江市{t}镇人民政府\n" for t in copy_towns)
    (out_dir / "gongkai.yaml").write_text(CONFIG.format(towns=roster), encoding="utf-8")
    print(f"make-site-corpus: {written} reports across {len(YEARS)} years in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
