#!/usr/bin/env python3
"""Writes a benchmark corpus of N annual reports derived from the real seeds.

    python3 Benchmarks/make-corpus.py N OUTDIR [--first K] [--hugo DIR]

OUTDIR/content/<year>/<slug>.txt (or .md) for reports K … K+N-1. Report k belongs to body k // 10
and year 2015 + k % 10, so N reports are N/10 bodies over ten years: towns (镇/乡/街道) and
departments (局) of generated cities. The text comes from the real reports in
Tests/GongkaiTests/Fixtures/real/ with the body, city and years replaced consistently (title,
statistics period, contacts), in every table form gongkai reads:

    k % 8  template                form
    0      seed 000 (金井镇)       tab-separated tables, random balanced figures
    1      seed 000                Markdown pipe tables (.md), random balanced figures
    2      seed 001 (永和镇)       as published: OCR damage, tab tables whose columns slip
    3      seed 000                one table cell per line, random balanced figures
    4      洪泽区 2023             real `pdftotext -layout` output
    5      seed 000                space-aligned columns (pdftotext-like), random balanced figures
    6      平潭 2023               web page text, body on one line, cells run together
    7      seed 000                the whole report on one line, cells run together

--hugo DIR also writes the same texts as Hugo pages, DIR/content/<year>/<slug>.md with a title in
front matter, and a minimal Hugo site around them (hugo.toml and three layouts rendering .Content),
so Hugo renders every report through its Markdown engine.

Deterministic: the same arguments give the same bytes. Python 3 standard library only.
"""
import argparse, os, random, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "Tests/GongkaiTests/Fixtures/real")
FIRST_YEAR, YEARS = 2015, 10

# Characters whose pinyin syllables all differ, so generated names get distinct ASCII ids.
CHARS = "安宝昌德丰福广海和华吉江金康兰林龙鹿梅南宁平青泉仁瑞山石顺泰潭文溪祥新阳永玉云泽竹庄"
TOWN_SUFFIXES = ["镇", "镇", "镇", "乡", "街道"]
DEPARTMENTS = ["教育局", "财政局", "公安局", "民政局", "司法局", "审计局", "统计局", "商务局", "文化和旅游局",
               "卫生健康局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局",
               "应急管理局", "市场监督管理局", "人力资源和社会保障局", "退役军人事务局", "医疗保障局",
               "城市管理局", "林业局", "体育局", "发展和改革局", "工业和信息化局", "科学技术局"]
TOWNS_PER_CITY = 23
BODIES_PER_CITY = TOWNS_PER_CITY + len(DEPARTMENTS)  # 50


def name_pairs(seed):
    pairs = [a + b for a in CHARS for b in CHARS if a != b]
    random.Random(seed).shuffle(pairs)
    return pairs


CITY_STEMS, TOWN_STEMS = name_pairs(1), name_pairs(2)


class Body:
    """One reporting body: a town of a city or a department of a city."""

    def __init__(self, index):
        city_index, member = divmod(index, BODIES_PER_CITY)
        self.city_stem = CITY_STEMS[city_index % len(CITY_STEMS)]
        self.city = self.city_stem + ("市" if city_index % 3 else "县")
        self.slug = f"city{city_index:03d}-"
        if member < TOWNS_PER_CITY:
            stems = [s for s in TOWN_STEMS if s != self.city_stem]
            self.stem = stems[(city_index * TOWNS_PER_CITY + member) % len(stems)]
            self.unit = self.stem + TOWN_SUFFIXES[member % len(TOWN_SUFFIXES)]
            self.name = self.city + self.unit + ("人民政府" if not self.unit.endswith("街道") else "办事处")
            self.slug += f"town{member:02d}"
        else:
            self.unit = DEPARTMENTS[member - TOWNS_PER_CITY]
            self.stem = self.unit[:-1]
            self.name = self.city + self.unit
            self.slug += f"dept{member - TOWNS_PER_CITY:02d}"


def read(name):
    with open(os.path.join(REAL, name), encoding="utf-8") as f:
        return f.read()


SEED_000, SEED_001 = read("000_3a640c0e6a422263.txt"), read("001_ba4ee18afd36a9fc.txt")
HONGZE, PINGTAN = read("hongze-2023-pdftotext.txt"), read("pingtan-2023-page-text.txt")

# ---- replacing body, place and year ------------------------------------------------------

def rename(text, body, full, city, unit, stem, city_stem):
    """Replaces the template's body names, longest first, so the title and contacts agree."""
    replacements = [(full, body.name), (unit, body.unit), (city, body.city), (stem, body.stem)]
    if city_stem:
        replacements.append((city_stem, body.city_stem))
    for old, new in replacements:
        text = text.replace(old, new)
    return text


def shift_years(text, template_year, year):
    """Moves every year near the template's (period, title, publication date) by the same offset."""
    delta = year - template_year

    def move(m):
        y = int(m.group(0))
        return str(y + delta) if template_year - 1 <= y <= template_year + 2 else m.group(0)
    # Not a document number's year (国办公开办函〔2021〕30号).
    return re.sub(r"(?<![0-9〔\[])20[0-2][0-9](?![0-9])", move, text)


def vary_narrative(text, rng):
    """Scales counts of 10 or more (条, 篇, 件, 人, 次) in the narrative, so bodies differ."""
    return re.sub(r"(?<![0-9.])([1-9][0-9]+)(?=\s*(条|篇|人|次))",
                  lambda m: str(max(10, int(int(m.group(1)) * rng.uniform(0.3, 2.5)))), text)

# ---- the three tables from random balanced figures ----------------------------------------

ROWS = [  # 表三: key, group label (first column), item label
    ("newReceived", "一、本年新收政府信息公开申请数量", ""),
    ("carriedOver", "二、上年结转政府信息公开申请数量", ""),
    ("granted", "三、本年度办理结果", "（一）予以公开"),
    ("partiallyGranted", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("refusedStateSecret", "（三）不予公开", "1.属于国家秘密"),
    ("refusedProhibitedByLaw", "", "2.其他法律行政法规禁止公开"),
    ("refusedSecurityStability", "", "3.危及“三安全一稳定”"),
    ("refusedThirdPartyRights", "", "4.保护第三方合法权益"),
    ("refusedInternalAffairs", "", "5.属于三类内部事务信息"),
    ("refusedProcessInformation", "", "6.属于四类过程性信息"),
    ("refusedEnforcementFile", "", "7.属于行政执法案卷"),
    ("refusedAdministrativeQuery", "", "8.属于行政查询事项"),
    ("unableNotHeld", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unableNeedsCreation", "", "2.没有现成信息需要另行制作"),
    ("unableStillUnclear", "", "3.补正后申请内容仍不明确"),
    ("notHandledComplaint", "（五）不予处理", "1.信访举报投诉类申请"),
    ("notHandledDuplicate", "", "2.重复申请"),
    ("notHandledPublication", "", "3.要求提供公开出版物"),
    ("notHandledExcessive", "", "4.无正当理由大量反复申请"),
    ("notHandledConfirmation", "", "5.要求行政机关确认或重新出具已获取信息"),
    ("otherOverdueCorrection", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("otherOverdueFee", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("otherMisc", "", "3.其他"),
    ("outcomeTotal", "", "（七）总计"),
    ("carriedForward", "四、结转下年度继续办理", ""),
]
OUTCOMES = [key for key, _, _ in ROWS[2:23]]
APPLICANT_WEIGHTS = [60, 15, 2, 2, 3, 5]  # 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他


def application_figures(rng):
    """表三 that balances: per column 一+二 = （七）+四, （七） = Σ outcomes, 总计 = Σ applicants."""
    rows = {key: [0] * 7 for key, _, _ in ROWS}
    scale = rng.choice([0, 0, 1, 3, 10, 40])
    for col, weight in enumerate(APPLICANT_WEIGHTS):
        new = rng.randint(0, scale * weight // 20) if scale else 0
        carried = rng.randint(0, 2) if new > 3 else 0
        forward = rng.randint(0, min(2, new))
        rows["newReceived"][col], rows["carriedOver"][col], rows["carriedForward"][col] = new, carried, forward
        for _ in range(new + carried - forward):
            rows[rng.choice(OUTCOMES[:4] + OUTCOMES)][col] += 1
        rows["outcomeTotal"][col] = new + carried - forward
    for values in rows.values():
        values[6] = sum(values[:6])
    return rows


def proactive_rows(rng):
    issued, repealed = rng.randint(0, 6), rng.randint(0, 3)
    fees = round(rng.uniform(0, 80), 2) if rng.random() < 0.3 else 0
    return [
        ["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", str(issued), str(repealed), str(issued + rng.randint(0, 30))],
        ["第二十条第（五）项"], ["信息内容", "本年处理决定数量"], ["行政许可", str(rng.randint(0, 3000))],
        ["第二十条第（六）项"], ["信息内容", "本年处理决定数量"],
        ["行政处罚", str(rng.randint(0, 500))], ["行政强制", str(rng.randint(0, 20))],
        ["第二十条第（八）项"], ["信息内容", "本年收费金额（单位：万元）"],
        ["行政事业性收费", f"{fees:g}"],
    ]


def application_rows(figures):
    header = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况"],
              ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
              ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    return header + [[group, item] + [str(v) for v in figures[key]] for key, group, item in ROWS]


def review_rows(rng):
    numbers = []
    for _ in range(3):
        parts = [rng.choice([0, 0, 0, 1, 2]) for _ in range(4)]
        numbers += parts + [sum(parts)]
    return [["行政复议", "", "", "", "", "行政诉讼"],
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
            ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
             "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
            [str(v) for v in numbers]]

# ---- the table forms ---------------------------------------------------------------------

def tabs(rows):
    return "\n".join("\t".join(r) for r in rows)


def pipes(rows):
    width = max(len(r) for r in rows)
    lines = []
    for i, r in enumerate(rows):
        lines.append("| " + " | ".join(r + [""] * (width - len(r))) + " |")
        if i == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


def cells_per_line(rows):
    return "\n\n".join(c for r in rows for c in r if c)


def display_width(text):
    return sum(1 if ord(c) < 128 else 2 for c in text)


def space_aligned(rows):
    """Like `pdftotext -layout`: ASCII spaces align the columns (a CJK character is two wide), a
    long label wraps onto the next line, blank lines between rows."""
    lines = []
    for r in rows:
        label = (r[0] or (r[1] if len(r) > 1 else "")) if r else ""
        rest = r[2:] if len(r) > 2 and not r[0] else r[1:]
        wrapped = [label[i:i + 18] for i in range(0, len(label), 18)] or [""]
        cells = "".join((c or "").rjust(10) for c in rest)
        lines.append(wrapped[0] + " " * (40 - display_width(wrapped[0])) + cells)
        lines += ["  " + w for w in wrapped[1:]]
        lines.append("")
    return "\n".join(lines)


def run_together(rows):
    return "".join(c for r in rows for c in r)


SECTIONS = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]


def seed_000_report(body, year, rng, render, markdown_headings):
    """Seed 000's narrative and closing around tables rendered from random balanced figures."""
    lines = SEED_000.split("\n")
    start = next(i for i, l in enumerate(lines) if "二、主动公开政府信息情况" in l)
    end = next(i for i, l in enumerate(lines) if "五、存在的主要问题及改进情况" in l)
    figures = application_figures(rng)
    received = figures["newReceived"][6]
    narrative = vary_narrative("\n".join(lines[:start]), rng)
    if received:
        narrative = narrative.replace("2022年我镇未接到相关申请。", f"2022年我镇共受理政府信息公开申请{received}件，均已按期答复。")
    heading = (lambda h: "## " + h) if markdown_headings else (lambda h: h)
    tables = [heading(SECTIONS[0]), render(proactive_rows(rng)), heading(SECTIONS[1]),
              render(application_rows(figures)), heading(SECTIONS[2]), render(review_rows(rng))]
    text = narrative + "\n\n" + "\n\n".join(tables) + "\n\n" + "\n".join(lines[end:])
    text = rename(text, body, "晋江市金井镇人民政府", "晋江市", "金井镇", "金井", "晋江")
    return shift_years(text, 2022, year)


def one_line(text):
    return " ".join(l.strip() for l in text.split("\n") if l.strip())


def report(index):
    """The text and file extension of report `index`."""
    body, year = Body(index // YEARS), FIRST_YEAR + index % YEARS
    rng = random.Random(index)
    form = index % 8
    if form == 0:
        return body, year, seed_000_report(body, year, rng, tabs, True), "txt"
    if form == 1:
        return body, year, seed_000_report(body, year, rng, pipes, True), "md"
    if form == 3:
        return body, year, seed_000_report(body, year, rng, cells_per_line, False), "txt"
    if form == 5:
        return body, year, seed_000_report(body, year, rng, space_aligned, False), "txt"
    if form == 7:
        return body, year, one_line(seed_000_report(body, year, rng, run_together, False)), "txt"
    if form == 2:
        text = rename(vary_narrative(SEED_001, rng), body, "晋江市永和镇人民政府", "晋江市", "永和镇", "永和", "晋江")
        return body, year, shift_years(text, 2022, year), "txt"
    if form == 4:
        text = rename(HONGZE, body, "淮安市洪泽区人民政府", "淮安市", "洪泽区", "洪泽", "淮安")
        return body, year, shift_years(text, 2023, year), "txt"
    # form 6: 平潭综合实验区 is a body of its own; here it becomes the town or department.
    text = PINGTAN.replace("平潭综合实验区", body.city + body.unit).replace("平潭", body.stem)
    return body, year, shift_years(text, 2023, year), "txt"

# ---- output ------------------------------------------------------------------------------

HUGO_CONFIG = """baseURL = "http://example.org/"
languageCode = "zh-cn"
title = "政府信息公开工作年度报告"
hasCJKLanguage = true
"""
HUGO_LAYOUTS = {
    "_default/single.html": "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
                            "</head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n",
    "_default/list.html": "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
                          "</head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
                          "{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
    "index.html": "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Site.Title }}</title>"
                  "</head><body><h1>{{ .Site.Title }}</h1><ul>{{ range .Sections }}<li><a href=\"{{ .RelPermalink }}\">"
                  "{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul></body></html>\n",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many reports")
    parser.add_argument("outdir", help="the corpus goes to OUTDIR/content/<year>/<slug>.txt")
    parser.add_argument("--first", type=int, default=0, help="index of the first report (default 0)")
    parser.add_argument("--hugo", metavar="DIR", help="also write the same texts as a Hugo site in DIR")
    args = parser.parse_args()
    if args.hugo:
        write(os.path.join(args.hugo, "hugo.toml"), HUGO_CONFIG)
        for name, layout in HUGO_LAYOUTS.items():
            write(os.path.join(args.hugo, "layouts", name), layout)
    for index in range(args.first, args.first + args.count):
        body, year, text, ext = report(index)
        write(os.path.join(args.outdir, "content", str(year), f"{body.slug}.{ext}"), text)
        if args.hugo:
            title = f"{body.name}{year}年政府信息公开工作年度报告"
            write(os.path.join(args.hugo, "content", str(year), f"{body.slug}.md"),
                  f"---\ntitle: \"{title}\"\n---\n\n{text}")


if __name__ == "__main__":
    main()
