#!/usr/bin/env python3
"""Writes the variant corpus under Tests/GongkaiTests/Fixtures/variants/: one known set of
figures (VALUES below, balanced by construction) rendered in every input form gongkai reads,
around seed 000's real narrative. expected.json holds what each file must parse to; it is
written from VALUES, never from gongkai's output.

Run from the repository root: python3 scripts/make-variants.py
The pdftotext form needs chromium and poppler-utils (Debian); without them it is left as is.
"""
import json, os, re, shutil, subprocess, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "Tests/GongkaiTests/Fixtures/real/000_3a640c0e6a422263.txt")
OUT = os.path.join(ROOT, "Tests/GongkaiTests/Fixtures/variants")

APPLICANTS = ["naturalPerson", "commercialEnterprise", "researchInstitution", "nonprofitOrganization",
              "legalServiceAgency", "otherOrganization", "total"]
# 表三 rows: key, group label (printed in the first column), item label.
ROWS = [
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
# Non-zero figures that balance: per column 一+二 = （七）+四, （七） = Σ outcomes, 总计 = Σ applicants.
NONZERO = {
    "newReceived": [12, 3, 0, 0, 0, 0, 15], "carriedOver": [2, 0, 0, 0, 0, 0, 2],
    "granted": [6, 1, 0, 0, 0, 0, 7], "partiallyGranted": [2, 0, 0, 0, 0, 0, 2],
    "refusedStateSecret": [1, 0, 0, 0, 0, 0, 1], "unableNotHeld": [3, 1, 0, 0, 0, 0, 4],
    "notHandledDuplicate": [1, 0, 0, 0, 0, 0, 1], "otherMisc": [0, 1, 0, 0, 0, 0, 1],
    "outcomeTotal": [13, 3, 0, 0, 0, 0, 16], "carriedForward": [1, 0, 0, 0, 0, 0, 1],
}
APPLICATIONS = {key: NONZERO.get(key, [0] * 7) for key, _, _ in ROWS}
PROACTIVE = {"regulations": [0, 0, 0], "normativeDocuments": [3, 1, 12], "licensing": 1520, "penalties": 87,
             "coercion": 5, "fees": 12.5}
REVIEWS = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]

def fmt(v):
    return str(int(v)) if float(v).is_integer() else str(v)

def seed_parts():
    text = open(SEED, encoding="utf-8").read()
    lines = text.split("\n")
    narrative = "\n".join(lines[:62])          # up to section 一's end
    closing = "\n".join(lines[117:])           # sections 五, 六 and the issuing office
    narrative = narrative.replace("2022年我镇未接到相关申请。", "2022年我镇共受理政府信息公开申请15件，均已按期答复。")
    return narrative, closing

def retitle(text, town):
    return text.replace("金井镇", town).replace("金井", town[:-1])

# ---- the tables in each form -------------------------------------------------------------

def proactive_rows():
    p = PROACTIVE
    return [
        ["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章"] + [fmt(v) for v in p["regulations"]], ["行政规范性文件"] + [fmt(v) for v in p["normativeDocuments"]],
        ["第二十条第（五）项"], ["信息内容", "本年处理决定数量"], ["行政许可", fmt(p["licensing"])],
        ["第二十条第（六）项"], ["信息内容", "本年处理决定数量"], ["行政处罚", fmt(p["penalties"])], ["行政强制", fmt(p["coercion"])],
        ["第二十条第（八）项"], ["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", fmt(p["fees"])],
    ]

def application_header():
    return [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况"],
            ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]

def application_rows():
    return [[group, item] + [fmt(v) for v in APPLICATIONS[key]] for key, group, item in ROWS]

def review_rows():
    return [["行政复议", "", "", "", "", "行政诉讼"],
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
            ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
            [fmt(v) for v in REVIEWS]]

SECTION2, SECTION3, SECTION4 = "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"

def tables_block(render, heading=lambda h: h):
    return "\n\n".join([heading(SECTION2), render(proactive_rows()), heading(SECTION3),
                        render(application_header() + application_rows()), heading(SECTION4), render(review_rows())])

def tabs(rows):
    return "\n".join("\t".join(r) for r in rows)

def pipes(rows):
    width = max(len(r) for r in rows)
    out = []
    for i, r in enumerate(rows):
        cells = r + [""] * (width - len(r))
        out.append("| " + " | ".join(cells) + " |")
        if i == 0:
            out.append("|" + "---|" * width)
    return "\n".join(out)

def cells_per_line(rows):
    return "\n\n".join(c for r in rows for c in r if c != "")

def run_together(rows):
    return "".join(c for r in rows for c in r)

# ---- report assembly ---------------------------------------------------------------------

def report(town, render, heading=lambda h: "## " + h):
    narrative, closing = seed_parts()
    return retitle(narrative + "\n\n" + tables_block(render, heading) + "\n\n" + closing, town)

def expected(town, **extra):
    cells = {}
    for key, _, _ in ROWS:
        for col, v in zip(APPLICANTS, APPLICATIONS[key]):
            cells[f"applications.{key}.{col}"] = v
    for i, group in enumerate(["reconsideration", "lawsuitDirect", "lawsuitAfterReconsideration"]):
        for j, col in enumerate(["upheld", "corrected", "other", "pending", "total"]):
            cells[f"reviews.{group}.{col}"] = REVIEWS[i * 5 + j]
    for item in ["regulations", "normativeDocuments"]:
        for col, v in zip(["issued", "repealed", "inForce"], PROACTIVE[item]):
            cells[f"proactive.{item}.{col}"] = v
    for item in ["licensing", "penalties", "coercion"]:
        cells[f"proactive.{item}.decisions"] = PROACTIVE[item]
    cells["proactive.fees.amount"] = PROACTIVE["fees"]
    e = {"body": f"晋江市{town}人民政府", "city": "晋江市", "town": town, "year": 2022, "format": "2021",
         "sections": [1, 2, 3, 4, 5, 6], "proactiveItems": 36, "newMediaPosts": 1047, "applicationsReceived": 15,
         "cells": cells}
    e.update(extra)
    return e

def to_pdftotext(town, path):
    """Seed text with real <table>s → HTML → PDF (chromium) → pdftotext -layout."""
    if not shutil.which("chromium") or not shutil.which("pdftotext"):
        return False
    def html_table(rows):
        return "<table border=1 cellspacing=0>" + "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
    narrative, closing = seed_parts()
    def paras(text):
        return "".join(f"<p>{re.sub(r'^#+ ', '', l)}</p>" for l in text.split("\n") if l.strip() and l.strip() != "---")
    body = paras(retitle(narrative, town)) + f"<p>{SECTION2}</p>" + html_table(proactive_rows()) + \
        f"<p>{SECTION3}</p>" + html_table(application_header() + application_rows()) + \
        f"<p>{SECTION4}</p>" + html_table(review_rows()) + paras(retitle(closing, town))
    html = ("<!doctype html><meta charset=utf-8><style>body{font:12pt 'Noto Serif CJK SC',serif;width:17cm}"
            "td{padding:2px 4px;font-size:10pt}</style>" + body)
    with tempfile.TemporaryDirectory() as tmp:
        src, pdf = os.path.join(tmp, "r.html"), os.path.join(tmp, "r.pdf")
        open(src, "w", encoding="utf-8").write(html)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", "file://" + src], check=True, capture_output=True)
        subprocess.run(["pdftotext", "-layout", pdf, path], check=True)
    return True

def main():
    os.makedirs(OUT, exist_ok=True)
    exp = {}
    def write(name, text, encoding="utf-8", newline="\n", bom=b""):
        data = text.replace("\n", newline).encode(encoding)
        open(os.path.join(OUT, name), "wb").write(bom + data)

    write("shenhu-tabs.txt", report("深沪镇", tabs)); exp["shenhu-tabs.txt"] = expected("深沪镇")
    write("yinglin-pipes.md", report("英林镇", pipes)); exp["yinglin-pipes.md"] = expected("英林镇")
    write("dongshi-cells-per-line.txt", report("东石镇", cells_per_line, heading=lambda h: h))
    exp["dongshi-cells-per-line.txt"] = expected("东石镇")
    one = report("安海镇", run_together, heading=lambda h: h)
    one = " ".join(l.strip() for l in one.split("\n") if l.strip())
    write("anhai-one-line.txt", one)
    # 行政规范性文件3112 splits three ways (3/1/12, 3/11/2, 31/1/2) and 表二 has no arithmetic
    # to choose: those cells must come out unknown.
    e = expected("安海镇", unknown=[f"proactive.normativeDocuments.{c}" for c in ["issued", "repealed", "inForce"]])
    e["cells"] = {k: v for k, v in e["cells"].items() if not k.startswith("proactive.normativeDocuments.")}
    exp["anhai-one-line.txt"] = e
    # Half-width punctuation and OCR spaces in headings and labels.
    half = report("磁灶镇", tabs, heading=lambda h: " ".join(h))
    half = half.translate(str.maketrans("（）：，", "():,"))
    write("cizao-halfwidth-ocr-spaces.txt", half); exp["cizao-halfwidth-ocr-spaces.txt"] = expected("磁灶镇")
    write("neikeng-gb18030.txt", report("内坑镇", tabs), encoding="gb18030")
    exp["neikeng-gb18030.txt"] = expected("内坑镇", encoding="GB18030")
    write("zimao-utf16le.txt", report("紫帽镇", tabs), encoding="utf-16-le", bom=b"\xff\xfe")
    exp["zimao-utf16le.txt"] = expected("紫帽镇", encoding="UTF-16LE")
    write("xibin-bom-crlf.txt", report("西滨镇", tabs), newline="\r\n", bom=b"\xef\xbb\xbf")
    exp["xibin-bom-crlf.txt"] = expected("西滨镇")
    fm = "---\nbody: 晋江市龙湖镇人民政府\ntown: 龙湖镇\nyear: 2023\nid: jinjiang-longhu-2023\n---\n"
    write("longhu-front-matter.md", fm + report("金井镇", tabs))
    exp["longhu-front-matter.md"] = expected("龙湖镇", body="晋江市龙湖镇人民政府", year=2023, id="jinjiang-longhu-2023")
    # Cut off in the middle of 表三: the rest is missing, not zero.
    cut = report("新塘街道", tabs)
    cut = cut[: cut.index("（四）无法提供")]
    write("xintang-truncated.txt", cut)
    e = expected("新塘街道", sections=[1, 2, 3])
    e["cells"] = {k: v for k, v in e["cells"].items() if k.startswith("proactive.") or any(
        k.startswith(f"applications.{key}.") for key in [r[0] for r in ROWS[:12]])}
    e["unknown"] = ["applications.unableNotHeld.total", "applications.outcomeTotal.total", "applications.carriedForward.naturalPerson"]
    e["reviewsAbsent"] = True
    exp["xintang-truncated.txt"] = e
    # Plain `一、` headings without Markdown, section 四 missing altogether.
    plain = report("梅岭街道", tabs, heading=lambda h: h)
    start = plain.index(SECTION4)
    plain = plain[:start] + plain[plain.index("#### 五、"):]
    write("meiling-no-section-four.txt", plain)
    exp["meiling-no-section-four.txt"] = expected("梅岭街道", sections=[1, 2, 3, 5, 6], reviewsAbsent=True)
    exp["meiling-no-section-four.txt"]["cells"] = {k: v for k, v in exp["meiling-no-section-four.txt"]["cells"].items() if not k.startswith("reviews.")}
    if to_pdftotext("罗山街道", os.path.join(OUT, "luoshan-pdftotext.txt")):
        exp["luoshan-pdftotext.txt"] = expected("罗山街道")
    json.dump(exp, open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1, sort_keys=True)
    print(f"{len(exp)} variants written to {OUT}")

if __name__ == "__main__":
    main()
