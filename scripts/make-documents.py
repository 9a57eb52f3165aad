#!/usr/bin/env python3
"""Makes the Word, PDF and web-page test documents in Tests/GongkaiTests/Fixtures/documents/
from the text reports in Tests/GongkaiTests/Fixtures/real/ (the two seeds).

Each report is written as HTML with real <table>s: the tab-separated rows become table rows,
and runs of empty cells become merged cells (colspan in header rows, rowspan in the label
columns), so the converters must put merged cells back in the right columns. LibreOffice
(`soffice --headless`) turns the HTML into .docx and .pdf. Two saved web pages are made
around the same content with page chrome (navigation, 当前位置, 附件下载, footer): one UTF-8
(<meta charset>), one GBK declared as gb2312 (http-equiv), with a layout table.

The 洪泽区 report (whose real PDF is committed as it was published) is written the same way from
hongze-2023-pdftotext.txt: its paragraphs rejoined, its three tables laid out as the national
format prints them (merged header cells, labels merged down) with the values read by hand from
the PDF; a saved page of it declares gb2312 while its bytes are UTF-8, as re-saved pages do.

The generated files are committed, so CI needs neither this script nor LibreOffice.
Usage: scripts/make-documents.py   (from the repository root)
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "Tests/GongkaiTests/Fixtures/real")
OUT = os.path.join(ROOT, "Tests/GongkaiTests/Fixtures/documents")
SEEDS = {"jinjing": "000_3a640c0e6a422263.txt", "yonghe": "001_ba4ee18afd36a9fc.txt"}
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def inline(text):
    """Markdown links and emphasis as plain text, HTML-escaped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]*)>", r"\1", text)
    return html.escape(text.replace("**", ""))


def table_html(lines):
    grid = [line.split("\t") for line in lines]
    width = max(len(row) for row in grid)
    grid = [row + [""] * (width - len(row)) for row in grid]
    height = len(grid)
    numeric = [any(NUMBER.match(cell.strip()) for cell in row) for row in grid]
    claimed = set()
    out = ["<table border=\"1\" cellspacing=\"0\">"]
    for r in range(height):
        cells = []
        for c in range(width):
            if (r, c) in claimed:
                continue
            claimed.add((r, c))
            text = grid[r][c].strip()
            if not text:
                cells.append("<td></td>")
                continue
            colspan = 1
            if not numeric[r]:  # header rows: a title spans the empty cells after it
                while c + colspan < width and not grid[r][c + colspan].strip() and (r, c + colspan) not in claimed:
                    colspan += 1
            rowspan = 1
            if c < 2 and not NUMBER.match(text):  # label columns: a label spans the empty cells below it
                while r + rowspan < height and all(
                        not grid[r + rowspan][c + k].strip() and (r + rowspan, c + k) not in claimed for k in range(colspan)) \
                        and any(cell.strip() for cell in grid[r + rowspan]):
                    rowspan += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    claimed.add((r + dr, c + dc))
            attributes = (f" colspan=\"{colspan}\"" if colspan > 1 else "") + (f" rowspan=\"{rowspan}\"" if rowspan > 1 else "")
            cells.append(f"<td{attributes}>{inline(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def body_html(text):
    lines = text.split("\n")
    out, index = [], 0
    while index < len(lines):
        line = lines[index]
        if "\t" in line:
            block = []
            while index < len(lines) and "\t" in lines[index]:
                block.append(lines[index])
                index += 1
            out.append(table_html(block))
            continue
        index += 1
        stripped = line.strip()
        if not stripped:
            continue
        if stripped == "---":
            continue
        heading = re.match(r"^(#{1,6})\s*(.*)$", stripped)
        if heading:
            level = min(len(heading.group(1)), 4)
            out.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
        else:
            out.append(f"<p>{inline(stripped)}</p>")
    return "\n".join(out)


def document(title, body, charset="utf-8"):
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"{charset}\"><title>{html.escape(title)}</title>"
            "<style>td{border:1px solid #000;font-size:8pt}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


CHROME_TOP = """<div class="top-nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/xxgk/">信息公开</a>
<a href="/hdjl/">互动交流</a> <a href="/bsfw/">办事服务</a> <a href="/zjjj/">走进晋江</a></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 年度报告</div>
<h1>{title}</h1>
<div class="info">发布时间：2023-01-16 来源：{body} 浏览次数：128 【字体：大 中 小】</div>"""
CHROME_BOTTOM = """<div class="fujian">附件下载：<a href="/files/report.pdf">{title}.pdf</a></div>
<div class="tools">【打印本页】 【关闭窗口】</div>
<div class="footer"><p>版权所有：晋江市人民政府 主办单位：晋江市人民政府办公室 承办单位：晋江市信息中心</p>
<p>网站标识码：3505820001 闽ICP备05018478号 闽公网安备 35058202000123号</p>
<p>地址：福建省晋江市青阳街道世纪大道 联系电话：0595-85600000 建议使用1280×1024分辨率浏览本站</p></div>"""


def saved_page(title, body_name, content, layout_table):
    top = CHROME_TOP.format(title=html.escape(title), body=body_name)
    bottom = CHROME_BOTTOM.format(title=html.escape(title))
    side = """<ul class="side-menu"><li><a href="/a">政府信息公开指南</a></li><li><a href="/b">政府信息公开制度</a></li>
<li><a href="/c">法定主动公开内容</a></li><li><a href="/d">政府信息公开年报</a></li></ul>"""
    if layout_table:  # old sites lay the page out with a table around the content
        return (f"{top}\n<table width=\"1000\"><tr><td width=\"200\">{side}</td>\n"
                f"<td><div class=\"TRS_Editor\">\n{content}\n</div></td></tr></table>\n"
                f"<script>var _hmt = _hmt || []; document.write('统计代码');</script>\n{bottom}")
    return (f"{top}\n{side}\n<div class=\"article-content\">\n{content}\n</div>\n"
            f"<script>document.write('<p>本页浏览量统计</p>');</script><style>.x{{color:red}}</style>\n{bottom}")


HONGZE_PROACTIVE = """<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>0</td><td>5</td><td>5</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">550</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">4119</td></tr>
<tr><td>行政强制</td><td colspan="3">195</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">7730.28</td></tr>
</table>"""

# 表三 as printed in the 洪泽区 PDF (page 3): (label cells, 自然人 … 其他, 总计); （六） is one row there.
HONGZE_APPLICATIONS = [
    (["一、本年新收政府信息公开申请数量"], [21, 0, 0, 0, 0, 0, 21]),
    (["二、上年结转政府信息公开申请数量"], [0] * 7),
    (["三、本年度办理结果", "（一）予以公开"], [0] * 7),
    ([None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], [4, 0, 0, 0, 0, 0, 4]),
    ([None, "（三）不予公开", "1.属于国家秘密"], [1, 0, 0, 0, 0, 0, 1]),
    ([None, None, "2.其他法律行政法规禁止公开"], [0] * 7),
    ([None, None, "3.危及“三安全一稳定”"], [0] * 7),
    ([None, None, "4.保护第三方合法权益"], [0] * 7),
    ([None, None, "5.属于三类内部事务信息"], [0] * 7),
    ([None, None, "6.属于四类过程性信息"], [1, 0, 0, 0, 0, 0, 1]),
    ([None, None, "7.属于行政执法案卷"], [1, 0, 0, 0, 0, 0, 1]),
    ([None, None, "8.属于行政查询事项"], [0] * 7),
    ([None, "（四）无法提供", "1.本机关不掌握相关政府信息"], [10, 0, 0, 0, 0, 0, 10]),
    ([None, None, "2.没有现成信息需要另行制作"], [3, 0, 0, 0, 0, 0, 3]),
    ([None, None, "3.补正后申请内容仍不明确"], [0] * 7),
    ([None, "（五）不予处理", "1.信访举报投诉类申请"], [1, 0, 0, 0, 0, 0, 1]),
    ([None, None, "2.重复申请"], [0] * 7),
    ([None, None, "3.要求提供公开出版物"], [0] * 7),
    ([None, None, "4.无正当理由大量反复申请"], [0] * 7),
    ([None, None, "5.要求行政机关确认或重新出具已获取信息"], [0] * 7),
    ([None, "（六）其他处理"], [0] * 7),
    ([None, "（七）总计"], [21, 0, 0, 0, 0, 0, 21]),
    (["四、结转下年度继续办理"], [0] * 7),
]
# Rows each label cell spans, by (row index, label position).
HONGZE_ROWSPANS = {(2, 0): 20, (4, 1): 8, (12, 1): 3, (15, 1): 5}


def hongze_applications():
    out = ["<table border=\"1\">",
           "<tr><td colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>",
           "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>",
           "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"]
    for index, (labels, numbers) in enumerate(HONGZE_APPLICATIONS):
        cells = []
        present = [(position, label) for position, label in enumerate(labels) if label is not None]
        for n, (position, label) in enumerate(present):
            last = n == len(present) - 1
            colspan = 3 - position if last else 1
            rowspan = HONGZE_ROWSPANS.get((index, position), 1)
            attributes = (f" colspan=\"{colspan}\"" if colspan > 1 else "") + (f" rowspan=\"{rowspan}\"" if rowspan > 1 else "")
            cells.append(f"<td{attributes}>{html.escape(label)}</td>")
        cells += [f"<td>{number}</td>" for number in numbers]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


HONGZE_REVIEWS = """<table border="1">
<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>10</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>"""


def hongze_body(text):
    """The PDF text's paragraphs (a line indented by two or more spaces starts one; page footers
    dropped) with the three tables put back as HTML tables."""
    lines = text.replace("\f", "\n").split("\n")
    start = lambda marker: next(i for i, line in enumerate(lines) if marker in line)
    regions = [(start("第二十条第（一）项"), start("三、收到和处理"), HONGZE_PROACTIVE),
               (start("三、收到和处理") + 1, start("四、政府信息公开行政复议"), hongze_applications()),
               (start("四、政府信息公开行政复议") + 1, start("五、存在的主要问题"), HONGZE_REVIEWS)]
    out, paragraph, index = [], [], 0

    def flush():
        if paragraph:
            out.append(f"<p>{html.escape(''.join(paragraph).strip())}</p>")
            paragraph.clear()
    while index < len(lines):
        region = next((r for r in regions if r[0] == index), None)
        if region:
            flush()
            out.append(region[2])
            index = region[1]
            continue
        line = lines[index]
        index += 1
        if not line.strip() or re.match(r"^\s*-\d+-\s*$", line):
            continue
        if line.startswith("  "):
            flush()
        paragraph.append(line.strip() if not paragraph else line.rstrip())
    flush()
    return "\n".join(out)


def soffice(html_path, target, outdir):
    filters = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_pdf_Export"}
    subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", filters[target],
                    "--outdir", outdir, html_path], check=True, capture_output=True)


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice (LibreOffice) is needed: apt-get install libreoffice-writer")
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, seed in SEEDS.items():
            text = open(os.path.join(REAL, seed), encoding="utf-8").read()
            title = next(line.strip("# ").strip() for line in text.split("\n") if "年" in line and "报告" in line)
            content = body_html(text)
            plain = os.path.join(scratch, f"{name}.html")
            with open(plain, "w", encoding="utf-8") as f:
                f.write(document(title, content))
            for target in ("docx", "pdf"):
                soffice(plain, target, scratch)
                shutil.copy(os.path.join(scratch, f"{name}.{target}"), os.path.join(OUT, f"{name}.{target}"))
            body_name = "金井镇" if name == "jinjing" else "永和镇"
            page = saved_page(title, body_name, content, layout_table=(name == "yonghe"))
            if name == "yonghe":  # GBK, declared the old way
                head = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                        f"<title>{html.escape(title)}_晋江市人民政府</title></head>")
                with open(os.path.join(OUT, f"{name}-page-gbk.htm"), "w", encoding="gbk") as f:
                    f.write(f"{head}\n<body>\n{page}\n</body></html>\n")
            else:
                with open(os.path.join(OUT, f"{name}-page.html"), "w", encoding="utf-8") as f:
                    f.write(document(title + "_晋江市人民政府", page))
        text = open(os.path.join(REAL, "hongze-2023-pdftotext.txt"), encoding="utf-8").read()
        title = "洪泽区人民政府2023年政府信息公开工作年度报告"
        content = hongze_body(text)
        plain = os.path.join(scratch, "hongze.html")
        with open(plain, "w", encoding="utf-8") as f:
            f.write(document(title, content))
        soffice(plain, "docx", scratch)
        shutil.copy(os.path.join(scratch, "hongze.docx"), os.path.join(OUT, "hongze.docx"))
        page = saved_page(title, "洪泽区人民政府办公室", content, layout_table=False)
        with open(os.path.join(OUT, "hongze-page.html"), "w", encoding="utf-8") as f:
            f.write(document(title + "_淮安市洪泽区人民政府", page, charset="gb2312"))
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
