#!/usr/bin/env python3
"""The report page of a report with a review file, in headless Chromium: a corrected cell shows the
printed value struck through before the correction, 修订留痕 lists it, a dismissed finding shows
已核实为误报 with its reason, and each finding's id can be selected to copy. Builds its own content
folder (seed 001, 永和镇 2022, with a review file) with the given gongkai binary; keeps a screenshot.
Usage: check_review.py GONGKAI WORK_FOLDER SHOT.png"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import CHROMIUM, chrome  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "Tests/GongkaiTests/Fixtures/real/001_ba4ee18afd36a9fc.txt"
REVIEW = """corrections:
  - cell: applications.newReceived.total
    printed: 0
    value: 1
    reason: 本行自然人为1，正文称受理申请1条
    who: 张三
    date: 2026-12-07
dismissals:
  - finding: 4420d431
    reason: 已核实该镇未设公开邮箱
    who: 李四
    date: 2026-12-08
"""


def main() -> int:
    gongkai, work, shot = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    content = work / "review-content" / "2022"
    content.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED, content / "jinjiang-yonghe.txt")
    (content / "jinjiang-yonghe.review.yaml").write_text(REVIEW, encoding="utf-8")
    site = work / "review-site"
    subprocess.run([gongkai, "build", "--no-cache", "--content", str(work / "review-content"), "--output", str(site)],
                   check=True, stdout=subprocess.DEVNULL)
    page = (site / "reports/jinjiang-yonghe-2022.html").resolve().as_uri()
    failures = []

    def expect(condition, what):
        print(f"  {'ok' if condition else 'FAILED'}: {what}")
        if not condition:
            failures.append(what)

    with chrome(javascript=False) as driver:
        driver.get(page)
        cells = driver.find_elements("css selector", "td.revised")
        expect(len(cells) == 1, "one corrected cell in the tables")
        if cells:
            cell = cells[0]
            struck = cell.find_element("css selector", "del")
            expect(cell.text.split() == ["0", "1"], f"the cell reads the printed 0, then 1 ({cell.text!r})")
            expect("line-through" in struck.value_of_css_property("text-decoration"), "the printed 0 is struck through")
            expect(cell.is_displayed(), "the corrected cell is shown")
        trail = driver.find_element("id", "h-revisions").find_element("xpath", "..").text
        expect("原文 0 修订为 1" in trail and "张三，2026-12-07" in trail, "修订留痕 lists the correction with who and when")
        dismissed = driver.find_elements("css selector", "li.finding.dismissed")
        expect(len(dismissed) == 1 and "已核实为误报：已核实该镇未设公开邮箱（李四，2026-12-08）" in dismissed[0].text,
               "the dismissed finding is shown with its reason")
        ids = driver.find_elements("css selector", "code.finding-id")
        findings = driver.find_elements("css selector", "li.finding")
        expect(len(ids) == len(findings) > 0 and all(i.value_of_css_property("user-select") == "all" for i in ids),
               "each finding's id is shown, selectable whole")
    subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,2600",
                    f"--screenshot={shot.resolve()}", page], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    print(f"  screenshot review: {shot}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
