#!/usr/bin/env python3
"""Checks a built site's year rankings (rankings/<year>.html) in headless Chromium, from disk:

  a. the default order is by score, highest first, the unscored after; clicking 完整性得分 sorts
     ascending then descending, and the rows with no score stay last both ways;
  b. a filter link (kind of body or place) filters the rows in place with JavaScript: only rows of
     that kind remain, the page does not navigate, the count and the ranks follow;
  c. the name column stays in view when a wide table is scrolled sideways (the ranking in a narrow
     window, the year's full comparison at 1280 px), measured with getBoundingClientRect;
  d. printed (Chromium's print to PDF, the page's own @page size) it is A4 landscape and the whole
     table is one page wide: every column heading on the first page, and the table no wider than
     the page's content box under print media.

Screenshots (1280 px) and the PDF go to --shots. Prints one line per check; exits 1 if any failed.
"""
import argparse
import base64
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import CHROMIUM, chrome, wait_for  # noqa: E402
from check_site import Results, file_url  # noqa: E402

HEADERS = ["排名", "机关", "机关类型", "地区", "完整性得分", "较上年", "勾稽错误", "其他错误", "无法识别单元格", "按时发布"]
SCORE = HEADERS.index("完整性得分")

ROWS_JS = """
var table = document.querySelector('table.ranking');
return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
  return {hidden: r.hidden, kind: r.getAttribute('data-kind'), place: r.getAttribute('data-place'),
          rank: r.cells[0].textContent.trim(), name: r.cells[1].textContent.trim(),
          score: r.cells[%d].getAttribute('data-sort')};
});
""" % SCORE


def rows_of(html: str) -> int:
    """The report rows (the roster's 未报送 rows are in a tbody of their own, after them)."""
    return html.split('<tbody class="unreported">')[0].count('<tr data-kind=')


def pick(site: Path, want_kinds: int = 1):
    best, best_rows = None, -1
    for page in sorted((site / "rankings").glob("*.html")):
        if not re.fullmatch(r"\d{4}|unknown", page.stem):
            continue
        html = page.read_text(encoding="utf-8")
        kinds = len(re.findall(r'data-filter="kind" data-value="[^"]+"', html))
        if kinds >= want_kinds and rows_of(html) > best_rows:
            best, best_rows = page, rows_of(html)
    return best


def scores_in_order(rows, descending):
    """Known scores ordered, every unknown after them."""
    values = [None if r["score"] is None else float(r["score"]) for r in rows]
    known = [v for v in values if v is not None]
    first_unknown = next((i for i, v in enumerate(values) if v is None), len(values))
    return known == sorted(known, reverse=descending) and all(v is None for v in values[first_unknown:]), values


def check_order(driver, page: Path, r: Results):
    driver.get(file_url(page))
    rows = driver.execute_script(ROWS_JS)
    ok, values = scores_in_order(rows, descending=True)
    r.check(len(rows) >= 2 and ok, f"{page.name}: by default highest score first, unscored last", str(values))
    ranked = [int(x["rank"]) for x in rows if x["rank"].isdigit()]
    r.check(ranked and ranked[0] == 1 and ranked == sorted(ranked), f"{page.name}: ranks 1… in order", str(ranked))
    header = driver.find_elements("css selector", "table.ranking thead th")[SCORE]
    for click, descending in ((1, False), (2, True)):
        header.click()
        rows = driver.execute_script(ROWS_JS)
        ok, values = scores_in_order(rows, descending)
        way = "descending" if descending else "ascending"
        r.check(ok, f"{page.name}: click {click} on 完整性得分 sorts {way}, unscored rows still last", str(values))
    unreported = driver.find_elements("css selector", "table.ranking tbody.unreported tr")
    if unreported:
        last = driver.execute_script("var b = document.querySelector('table.ranking').tBodies; return b[b.length - 1].rows[0].textContent;")
        r.check("未报送" in last, f"{page.name}: {len(unreported)} roster bodies 未报送 stay in the last rows after sorting")


def check_filter(driver, page: Path, r: Results):
    driver.get(file_url(page))
    rows = driver.execute_script(ROWS_JS)
    links = driver.find_elements("css selector", '.filters a[data-filter="kind"]')
    target = next((a for a in links if a.get_attribute("data-value") and
                   0 < sum(x["kind"] == a.get_attribute("data-value") for x in rows) < len(rows)), None)
    if not r.check(target is not None, f"{page.name}: a kind filter that keeps some rows but not all"):
        return
    value, url = target.get_attribute("data-value"), driver.current_url.split("#")[0]
    target.click()
    wait_for(driver, lambda d: any(x["hidden"] for x in d.execute_script(ROWS_JS)))
    after = driver.execute_script(ROWS_JS)
    shown = [x for x in after if not x["hidden"]]
    r.check(driver.current_url.split("#")[0] == url, f"filter {value}: filtered in place, no page loaded")
    r.check(shown and all(x["kind"] == value for x in shown) and
            len(shown) == sum(x["kind"] == value for x in rows), f"filter {value}: exactly the rows of that kind shown",
            str([(x["name"], x["kind"]) for x in shown]))
    count = driver.find_element("id", "ranking-count").text.strip()
    r.check(count == str(len(shown)), f"filter {value}: the count says {len(shown)}", count)
    ranks = [x["rank"] for x in shown if x["score"] is not None]
    r.check(not ranks or ranks[0] == "1", f"filter {value}: ranks counted among the rows shown", str(ranks))
    static = page.parent / f"{page.stem}-kind-{value}.html"
    r.check(static.is_file() and rows_of(static.read_text(encoding="utf-8")) == len(shown),
            f"filter {value}: the page without JavaScript ({static.name}) has the same rows")


PIN_JS = """
var table = document.querySelector(arguments[0]);
var wrap = table.closest('.table-wrap');
wrap.scrollLeft = wrap.scrollWidth;
var cell = table.tBodies[0].rows[0].querySelector('th[scope=row]');
var w = wrap.getBoundingClientRect(), c = cell.getBoundingClientRect();
return {scrolled: wrap.scrollLeft, wrapLeft: w.left, wrapRight: w.right, cellLeft: c.left, cellRight: c.right};
"""


def check_pinned(driver, page: Path, selector: str, width: int, r: Results):
    driver.set_window_size(width, 900)
    driver.get(file_url(page))
    box = driver.execute_script(PIN_JS, selector)
    r.check(box["scrolled"] > 0, f"{page.parent.name}/{page.name} at {width} px: the table scrolls sideways", str(box))
    r.check(box["cellLeft"] >= box["wrapLeft"] - 1 and box["cellRight"] <= box["wrapRight"] + 1 and box["cellLeft"] < box["wrapLeft"] + 80,
            f"{page.parent.name}/{page.name}: the name column stays in view after scrolling {box['scrolled']:.0f} px", str(box))
    driver.set_window_size(1280, 1000)


def check_print(driver, page: Path, shots: Path, r: Results):
    driver.get(file_url(page))
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    out = shots / f"ranking-{page.stem}.pdf"
    out.write_bytes(base64.b64decode(pdf["data"]))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    w, h = (float(size.group(1)), float(size.group(2))) if size else (0, 0)
    r.check(abs(w - 842) < 3 and abs(h - 595) < 3, f"print: A4 landscape (842 × 595 pt)", info.strip()[:200])
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    missing = [h for h in HEADERS if h not in re.sub(r"\s+", "", first)]
    r.check(not missing, "print: every column heading on the first page", f"missing {missing}")
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", str(out), str(shots / f"ranking-{page.stem}-print")], check=False)
    # A4 landscape less 10 mm margins: 277 mm ≈ 1047 CSS px.
    driver.set_window_size(1047, 900)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.get(file_url(page))
    fit = driver.execute_script("var t = document.querySelector('table.ranking').getBoundingClientRect();"
                                "return {right: t.right, width: document.documentElement.clientWidth};")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    driver.set_window_size(1280, 1000)
    r.check(fit["right"] <= fit["width"] + 1, "print media at the page's width: the table fits it", str(fit))


def screenshot(page: Path, out: Path):
    subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1400",
                    f"--screenshot={out.resolve()}", page.resolve().as_uri()],
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--shots", type=Path, required=True)
    parser.add_argument("--filter", action="store_true", help="also check a kind filter (needs two kinds in a year)")
    args = parser.parse_args()
    site, shots = args.site, args.shots / args.site.name
    shots.mkdir(parents=True, exist_ok=True)
    r = Results(str(site))
    print(f"== rankings of {site}")
    page = pick(site)
    if not r.check(page is not None, "site has a year ranking (rankings/<year>.html)"):
        return 1
    with chrome(javascript=True) as driver:
        check_order(driver, page, r)
        if args.filter:
            check_filter(driver, pick(site, want_kinds=2) or page, r)
        check_pinned(driver, page, "table.ranking", 640, r)
        year = site / "years" / page.name
        if year.is_file():
            check_pinned(driver, year, "table.sortable", 1280, r)
        check_print(driver, page, shots, r)
    for name, path in (("ranking", page), ("year", site / "years" / page.name), ("findings", site / "findings" / page.name)):
        if path.is_file():
            screenshot(path, shots / f"{name}-{page.stem}.png")
    print(f"  screenshots and the printed PDF in {shots}")
    print(f"== {site}: {r.passes} passed, {len(r.failures)} failed")
    for failure in r.failures:
        print(f"   FAILED: {failure}")
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main())
