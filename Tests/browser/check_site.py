#!/usr/bin/env python3
"""Checks one built gongkai site from disk in headless Chromium (Selenium) and with a link checker.

  a. a year comparison page: clicking a numeric column header sorts the rows by it, clicking again
     reverses them; with JavaScript disabled the table is there in full;
  b. search (search.html?q=… and the home page's search box): 金井 lists the 金井镇 report, a phrase
     found only in seed 001 (永和镇) lists that report;
  c. every request the main pages make is a file inside the site folder (or a data: URI);
  d. every relative href/src/url() resolves to a file (and #fragment to an id), no absolute
     http(s) resources, external <a href> only to websites printed in the reports.

Prints one line per check and exits 1 if any failed.
"""
import argparse
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import chrome, wait_for  # noqa: E402
from links import check_links  # noqa: E402

SORT_COLUMNS = ["完整性得分", "收到申请", "主动公开"]  # tried in this order: the first one the page has
SEED_000_TOWN = "金井镇"
SEED_001_TOWN = "永和镇"
SEED_001_PHRASES = ["永和微平台", "锦石街27号"]


class Results:
    def __init__(self, name):
        self.name, self.failures, self.passes = name, [], 0

    def check(self, ok, what, detail=""):
        mark = "ok  " if ok else "FAIL"
        print(f"  {mark} {what}" + (f" — {detail}" if detail and not ok else ""))
        if ok:
            self.passes += 1
        else:
            self.failures.append(what + (f": {detail}" if detail else ""))
        return ok


def file_url(path: Path, query: str = "") -> str:
    return path.resolve().as_uri() + query


# ---- a. sorting -------------------------------------------------------------------------------

ROWS_JS = """
var table = document.querySelector('table.sortable');
if (!table || !table.tBodies[0]) return null;
var head = table.tHead.rows[table.tHead.rows.length - 1];
return {
  headers: Array.prototype.map.call(head.cells, function (c) { return c.textContent.trim(); }),
  rows: Array.prototype.map.call(table.tBodies[0].rows, function (r) {
    return Array.prototype.map.call(r.cells, function (c) {
      return [c.getAttribute('data-sort'), c.textContent.trim()];
    });
  })
};
"""


def numeric(cell):
    sort, text = cell
    raw = sort if sort is not None else text.replace(",", "")
    match = re.match(r"\s*-?\d+(\.\d+)?", raw or "")
    return float(match.group(0)) if match else None


def sorted_by(rows, index, ascending):
    """Numbers in order (numerically); cells without a number after them in both directions."""
    values = [numeric(r[index]) if index < len(r) else None for r in rows]
    known = [v for v in values if v is not None]
    if known != sorted(known, reverse=not ascending):
        return False, values
    firsts = [v is not None for v in values]
    expected = sorted(firsts, reverse=True)  # True (a number) first, ascending and descending
    return firsts == expected, values


def row_keys(rows):
    return [" | ".join(c[1] for c in r) for r in rows]


def pick_year_page(site: Path):
    pages = sorted((site / "years").glob("*.html"))
    best, best_count = None, -1
    for page in pages:
        text = page.read_text(encoding="utf-8")
        count = text.count("<tr><th scope=\"row\">")
        if count > best_count:
            best, best_count = page, count
    return best


def check_sorting(driver, site: Path, r: Results):
    page = pick_year_page(site)
    if not r.check(page is not None, "site has a year comparison page (years/*.html)"):
        return
    print(f"  [year page {page.relative_to(site)}]")
    driver.get(file_url(page))
    data = driver.execute_script(ROWS_JS)
    if not r.check(data is not None and len(data["rows"]) >= 2, "year page has a sortable table with ≥ 2 rows"):
        return
    column = next((c for c in SORT_COLUMNS if c in data["headers"]), None)
    if not r.check(column is not None, f"year table has one of the columns {SORT_COLUMNS}", str(data["headers"])):
        return
    index = data["headers"].index(column)
    before = row_keys(data["rows"])
    header = driver.find_elements("css selector", "table.sortable thead tr:last-child th")[index]
    header.click()
    first = driver.execute_script(ROWS_JS)["rows"]
    ok, values = sorted_by(first, index, ascending=True)
    r.check(ok, f"click on {column}: rows sorted ascending", str(values))
    r.check(row_keys(first) != before, f"click on {column}: row order changed",
            "the row order is the same as before the click")
    r.check(sorted(row_keys(first)) == sorted(before), f"click on {column}: same rows, none lost")
    r.check(header.get_attribute("aria-sort") == "ascending", "header marked aria-sort=ascending")
    header.click()
    second = driver.execute_script(ROWS_JS)["rows"]
    ok, values = sorted_by(second, index, ascending=False)
    r.check(ok, f"second click on {column}: rows sorted descending", str(values))
    distinct = len(set(numeric(x[index]) for x in first) - {None}) > 1  # cells with no number stay last both ways
    r.check(not distinct or row_keys(second) != row_keys(first), f"second click on {column}: order reversed")


def check_without_script(site: Path, content: Path, r: Results):
    page = pick_year_page(site)
    if page is None:
        return
    with chrome(javascript=False) as driver:
        driver.get(file_url(page))
        rows = driver.find_elements("css selector", "table.sortable tbody tr")
        names = [row.find_element("css selector", "th").text.strip() for row in rows]
        subtitle = driver.find_element("css selector", ".subtitle").text
        # site.js titles every sortable header; no title means the script really did not run.
        untouched = all(th.get_attribute("title") in (None, "")
                        for th in driver.find_elements("css selector", "table.sortable thead th"))
    r.check(untouched, "JavaScript off: the page was really loaded without script (headers not made sortable)")
    stated = re.search(r"共\s*(\d+)\s*份报告", subtitle)
    r.check(len(rows) > 0 and all(names), "JavaScript off: year table rows present, each names its body",
            f"{len(rows)} rows")
    r.check(stated is not None and int(stated.group(1)) == len(rows),
            "JavaScript off: one row per report the page counts (共 N 份报告)", f"{subtitle!r} vs {len(rows)} rows")
    year_dir = content / page.stem
    if year_dir.is_dir():
        files = [p for p in year_dir.rglob("*") if p.suffix in (".txt", ".md")]
        r.check(len(rows) >= len(files), f"JavaScript off: every file in {year_dir.name}/ has a row",
                f"{len(files)} files, {len(rows)} rows")


# ---- b. search ----------------------------------------------------------------------------------

def search_hits(driver):
    wait_for(driver, lambda d: d.find_element("id", "search-status").text.strip() != "")
    status = driver.find_element("id", "search-status").text
    links = driver.find_elements("css selector", "#search-results li > a")
    return status, [(a.text.strip(), a.get_attribute("href")) for a in links]


def report_listed(hits, town, site: Path):
    for title, href in hits:
        if town in title and href and href.startswith("file://"):
            target = Path(unquote(urlsplit(href).path))
            if target.is_file() and site.resolve() in target.resolve().parents:
                return True
    return False


def check_search(driver, site: Path, seeds: Path, r: Results):
    search = site / "search.html"
    if not r.check(search.is_file(), "search.html exists"):
        return
    driver.get(file_url(search, "?q=金井"))
    status, hits = search_hits(driver)
    r.check(report_listed(hits, SEED_000_TOWN, site), "search.html?q=金井 lists the 金井镇 report",
            f"{status} {hits[:5]}")

    seed_001 = (seeds / "001_ba4ee18afd36a9fc.txt").read_text(encoding="utf-8")
    seed_000 = (seeds / "000_3a640c0e6a422263.txt").read_text(encoding="utf-8")
    phrase = next((p for p in SEED_001_PHRASES if p in seed_001 and p not in seed_000), None)
    if not r.check(phrase is not None, "a phrase only seed 001 has"):
        return
    driver.get(file_url(search))
    box = driver.find_element("id", "search-query")
    box.send_keys(phrase)
    box.submit()
    wait_for(driver, lambda d: "q=" in d.current_url)
    status, hits = search_hits(driver)
    r.check(report_listed(hits, SEED_001_TOWN, site), f"search.html form: {phrase} lists the 永和镇 report",
            f"{status} {hits[:5]}")

    driver.get(file_url(site / "index.html"))
    box = driver.find_element("id", "site-search")
    box.send_keys(phrase)
    box.submit()
    wait_for(driver, lambda d: "search.html" in d.current_url)
    status, hits = search_hits(driver)
    r.check(report_listed(hits, SEED_001_TOWN, site), f"home search box: {phrase} lists the 永和镇 report",
            f"{status} {hits[:5]}")
    r.check(not any(SEED_000_TOWN in t for t, _ in hits), f"home search box: {phrase} does not list 金井镇")
    r.check(all(Path(unquote(urlsplit(h).path)).is_file() for _, h in hits), "every search hit links to a page")

    driver.get(file_url(site / "index.html"))
    box = driver.find_element("id", "site-search")
    box.send_keys("金井")
    box.submit()
    wait_for(driver, lambda d: "search.html" in d.current_url)
    status, hits = search_hits(driver)
    r.check(report_listed(hits, SEED_000_TOWN, site), "home search box: 金井 lists the 金井镇 report",
            f"{status} {hits[:5]}")


# ---- c. requests --------------------------------------------------------------------------------

def pages_to_visit(site: Path):
    def first(pattern):
        found = sorted(site.glob(pattern))
        return found[0] if found else None
    year = pick_year_page(site)
    return {
        "home": site / "index.html",
        "report": first("reports/*.html"),
        "body": first("bodies/*.html"),
        "year": year,
        "findings": site / "findings" / year.name if year else first("findings/*.html"),
        "search": site / "search.html",
    }


def requested_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def inside_site(url: str, site: Path) -> bool:
    if url.startswith("data:"):
        return True
    parts = urlsplit(url)
    if parts.scheme != "file":
        return False
    path = Path(unquote(parts.path)).resolve()
    root = site.resolve()
    return (path == root or root in path.parents) and path.exists()


def check_requests(driver, site: Path, r: Results):
    for name, page in pages_to_visit(site).items():
        if not r.check(page is not None and page.is_file(), f"{name} page exists"):
            continue
        driver.get_log("performance")  # drain what earlier pages left
        query = "?q=晋江" if name == "search" else ""
        driver.get(file_url(page, query))
        wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete")
        urls = requested_urls(driver)
        outside = [u for u in urls if not inside_site(u, site)]
        r.check(urls and not outside, f"{name} page ({page.relative_to(site)}): {len(urls)} requests, all inside the site",
                f"outside: {outside}")


# ---- driver -------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--seeds", type=Path, required=True)
    parser.add_argument("--min-reports", type=int, default=1)
    parser.add_argument("--min-years", type=int, default=1)
    args = parser.parse_args()
    site = args.site
    r = Results(str(site))
    print(f"== checking {site} (content: {args.content})")

    reports = sorted(site.glob("reports/*.html"))
    years = sorted(site.glob("years/*.html"))
    r.check(len(reports) >= args.min_reports, f"{len(reports)} report pages (≥ {args.min_reports})")
    r.check(len(years) >= args.min_years, f"{len(years)} year pages (≥ {args.min_years})")

    with chrome(javascript=True) as driver:
        check_sorting(driver, site, r)
        check_search(driver, site, args.seeds, r)
        check_requests(driver, site, r)
    check_without_script(site, args.content, r)
    for ok, what, detail in check_links(site, args.content):
        r.check(ok, what, detail)

    print(f"== {site}: {r.passes} passed, {len(r.failures)} failed")
    for failure in r.failures:
        print(f"   FAILED: {failure}")
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main())
