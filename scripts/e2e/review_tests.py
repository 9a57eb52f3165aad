"""Review files (content/…/<stem>.review.yaml) through the built binary: check prints the ids to
paste into one, a review corrects cells and dismisses findings, and stale entries are named."""
import json
import os

from harness import gongkai, make_site, read, test

REVIEW = "content/2022/jinjiang-yonghe.review.yaml"
PAGE = "public/reports/jinjiang-yonghe-2022.html"
# Seed 001 (永和镇 2022): 新收 and （七）总计 print 总计 0 where the rows and the narrative say 1.
CORRECTIONS = """corrections:
  - cell: applications.newReceived.total
    printed: 0
    value: 1
    reason: 本行自然人为1，正文称受理申请1条
    who: 张三
    date: 2026-12-07
"""


def write(folder, path, text):
    with open(os.path.join(folder, path), "w", encoding="utf-8") as handle:
        handle.write(text)


@test
def check_prints_ids_that_a_review_file_takes(folder):
    make_site(folder)
    status, out, _ = gongkai(["check"], folder)
    assert status == 1
    row_total = [line for line in out.splitlines() if line.startswith("content/2022/jinjiang-yonghe.txt:96: error:") and "≠ 0 [" in line]
    assert row_total and row_total[0].endswith("[applications.rowTotal 84a10732]"), row_total
    assert "[preamble.email 4420d431]" in out, out
    ids = [e["id"] for e in json.loads(gongkai(["check", "--format", "json"], folder)[1]) if "rule" in e and e["file"].endswith("yonghe.txt")]
    assert "84a10732" in ids and len(ids) == len(set(ids)), ids
    # The id pasted into a review file dismisses that finding: still listed, no longer counted.
    write(folder, REVIEW, CORRECTIONS + """dismissals:
  - finding: 4420d431
    reason: 已核实该镇未设公开邮箱
    who: 李四
    date: 2026-12-08
  - finding: 00000000
    reason: 旧条目
    who: 李四
    date: 2026-12-08
""")
    status, out, _ = gongkai(["check", "content/2022/jinjiang-yonghe.txt"], folder)
    assert "[applications.rowTotal 84a10732]" not in out and "[narrative.applicationsReceived " not in out, out
    assert ("content/2022/jinjiang-yonghe.txt:3: dismissed as a false alarm (已核实该镇未设公开邮箱; 李四, 2026-12-08), was warning: "
            "the preamble does not give the 电子邮箱 (email) [preamble.email 4420d431]") in out, out
    assert ("content/2022/jinjiang-yonghe.review.yaml:13: dismissal of `00000000`: "
            "the report has no such finding now; not applied") in out, out
    assert out.splitlines()[-1].startswith("1 report checked: 3 errors, 5 warnings; lowest score 84.13/100"), out.splitlines()[-1]


@test
def build_applies_the_review_and_names_what_does_not_match(folder):
    make_site(folder)
    write(folder, REVIEW, CORRECTIONS)
    write(folder, "content/2022/old.review.yaml", "corrections:\n")
    status, out, err = gongkai(["build"], folder)
    assert status == 0, err
    assert "2022/old.review.yaml: warning: a review file with no report beside it" in err, err
    page = read(os.path.join(folder, PAGE))
    assert "修订留痕" in page and "原文 <del>0</del> 修订为 <strong>1</strong>" in page, page
    assert not any(name.endswith(".yaml") for _, _, names in os.walk(os.path.join(folder, "public")) for name in names)
    # The report changed under the review: the entry no longer matches and is named with its line.
    write(folder, REVIEW, CORRECTIONS.replace("printed: 0", "printed: 3"))
    status, out, err = gongkai(["build"], folder)
    assert status == 0, err
    assert ("2022/jinjiang-yonghe.review.yaml:2: warning: correction of 表三 · 一、本年新收政府信息公开申请数量 · 总计 "
            "says it is printed as 3, but the report now reads 0; not applied") in err, err
    assert "修订留痕" not in read(os.path.join(folder, PAGE))
    write(folder, REVIEW, "corrections:\n  - cell: [\n")
    status, out, err = gongkai(["build"], folder)
    assert status == 0 and "2022/jinjiang-yonghe.review.yaml:3: warning: invalid YAML: " in err, err
