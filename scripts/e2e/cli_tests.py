"""build, build --watch, check and parse, run as a user runs them, on real reports."""
import json
import os
import re
import time

from harness import JINJING, ROOT, YONGHE, Running, gongkai, make_site, read, replace_in, test

SUMMARY = re.compile(r"^(\d+) reports? read \((\d+) from cache\), \d+ pages?, \d+ files?: (\d+) written, (\d+) unchanged; "
                     r"\d+ findings?, (\d+) skipped in \d+ ms$")
JINJING_PAGE = "reports/jinjiang-jinjing-2022.html"
BALANCE = ("content/2022/jinjiang-yonghe.txt:96: error: 表三 · 自然人 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0 "
           "[applications.balance d658fd56]")


def summary(out):
    lines = [line for line in out.splitlines() if SUMMARY.match(line)]
    assert len(lines) == 1, out
    return SUMMARY.match(lines[0]).groups()


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


@test
def build_as_the_readme_says_exits_0_and_prints_one_summary_line(folder):
    make_site(folder)
    status, out, err = gongkai(["build"], folder)
    assert status == 0, err
    assert summary(out) == ("2", "0", summary(out)[2], "0", "0"), out
    assert int(summary(out)[2]) > 0
    page = read(os.path.join(folder, "public", JINJING_PAGE))
    assert "海丝金井" in page and "晋江市金井镇" in page
    # A rebuild with nothing changed reads both reports from the cache and writes nothing.
    status, out, _ = gongkai(["build"], folder)
    assert status == 0 and summary(out)[:3] == ("2", "2", "0"), out


@test
def build_with_every_folder_option(folder):
    make_site(folder)
    os.rename(os.path.join(folder, "content"), os.path.join(folder, "reports-in"))
    theme = os.path.join(folder, "my-theme")
    os.makedirs(theme)
    template = read(os.path.join(ROOT, "theme", "report.mustache"))
    assert "{{$main}}" in template
    with open(os.path.join(theme, "report.mustache"), "w", encoding="utf-8") as handle:
        handle.write(template.replace("{{$main}}", "{{$main}}<p>本地主题</p>", 1))
    status, out, err = gongkai(["build", "--content", "reports-in", "--theme", "my-theme", "--output", "site"], folder)
    assert status == 0, err
    assert summary(out)[0] == "2"
    assert "本地主题" in read(os.path.join(folder, "site", JINJING_PAGE))
    assert not os.path.exists(os.path.join(folder, "public"))


@test
def build_exits_1_naming_each_skipped_file_and_2_when_nothing_builds(folder):
    make_site(folder)
    write_bytes(os.path.join(folder, "content", "2023", "scan.txt"), b"\x00\xff\x00binary\x00")
    status, out, err = gongkai(["build"], folder)
    assert status == 1, (out, err)
    assert summary(out)[0] == "2" and summary(out)[4] == "1", out
    assert "content/2023/scan.txt: error: the file is binary data" in err or "2023/scan.txt: error: the file is binary data" in err, err
    empty = os.path.join(folder, "only-broken")
    write_bytes(os.path.join(empty, "content", "a.txt"), b"\x00\x01\x02")
    status, out, err = gongkai(["build"], empty)
    assert status == 2, (out, err)
    assert "a.txt: error: the file is binary data" in err, err


@test
def file_names_cannot_forge_lines_or_drive_the_terminal(folder):
    make_site(folder)
    forged = "x\n9 reports read (0 from cache), 1 page, 1 file: 1 written, 0 unchanged; 0 findings, 0 skipped in 1 ms\n.txt"
    write_bytes(os.path.join(folder, "content", forged), b"\x00\xff")
    write_bytes(os.path.join(folder, "content", "\x1b[31mred\x07.txt"), b"\x00\xff")
    for args in (["build"], ["check"], ["check", "--lang", "zh"]):
        status, out, err = gongkai(args, folder)
        assert status == 1, (args, out, err)
        everything = out + err
        assert "\x1b" not in everything and "\x07" not in everything, args
        assert not any(line.startswith("9 reports read") for line in everything.splitlines()), everything
        assert "\\u{1B}[31mred\\u{7}.txt" in err or "\\u{1B}[31mred\\u{7}.txt" in out, everything
        assert "x\\n9 reports read" in everything, everything
    status, _, err = gongkai(["parse", os.path.join("content", "\x1b[31mred\x07.txt")], folder)
    assert status == 1 and "\x1b" not in err and "\\u{1B}[31mred" in err, err
    # The argument parser's own messages quote what was given: escaped too.
    status, _, err = gongkai(["check", "--format", "\x1b[31mred\nError: forged"], folder)
    assert status == 64 and "\x1b" not in err and "\\u{1B}[31mred\\nError: forged" in err, err
    assert not any(line.startswith("Error: forged") for line in err.splitlines()), err


@test
def build_watch_output_reaches_a_pipe_and_a_file_at_once(folder):
    make_site(folder)
    watch = Running(["build", "--watch"], folder)
    try:
        watch.wait_for(lambda line: SUMMARY.match(line) is not None, timeout=60)
        watch.wait_for(lambda line: line == "Watching content/ and theme/ (Ctrl-C stops)", timeout=10)
        replace_in(os.path.join(folder, "content", "2022", "jinjiang-jinjing.txt"), "海丝金井", "金井发布")
        rebuilt = watch.wait_for(lambda line: (SUMMARY.match(line) or [None])[0] and
                                 SUMMARY.match(line).group(2) == "1", timeout=30)
        assert SUMMARY.match(rebuilt).group(1) == "2", rebuilt
        assert "金井发布" in read(os.path.join(folder, "public", JINJING_PAGE))
        # Ctrl-C ends the watch with status 0 (a rebuild under way would be finished first).
        assert watch.interrupt() == 0, watch.errors
        watch.wait_for(lambda line: line == "Stopped.", timeout=5)
    finally:
        watch.stop()
    # Redirected to a file: the summary is in the file while the process still runs.
    log = os.path.join(folder, "watch.log")
    with open(log, "wb") as handle:
        watch = Running(["build", "--watch", "--no-cache"], folder, stdout=handle)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not any(SUMMARY.match(line) for line in read(log).splitlines()):
            time.sleep(0.1)
        assert watch.process.poll() is None
        assert any(SUMMARY.match(line) for line in read(log).splitlines()), read(log)
    finally:
        watch.stop()


@test
def check_text_gates_on_errors_by_default_and_ends_with_a_summary(folder):
    make_site(folder)
    status, out, _ = gongkai(["check"], folder)
    assert status == 1
    lines = out.splitlines()
    assert BALANCE in lines, out
    assert "content/2022/jinjiang-jinjing.txt: score 100/100 (sections 25/25, tables 20/20, arithmetic 25/25, preamble 15/15, " \
           "improvements 10/10, timeliness 5/5)" in lines, out
    assert re.fullmatch(r"2 reports checked: \d+ errors, \d+ warnings; lowest score [\d.]+/100 \(content/2022/jinjiang-yonghe.txt\)",
                        lines[-1]), lines[-1]
    status, text, _ = gongkai(["check", "--format", "text"], folder)
    assert status == 1 and text == out
    # The complete report alone passes; one file and a folder can be named together.
    status, out, _ = gongkai(["check", "content/2022/jinjiang-jinjing.txt"], folder)
    assert status == 0 and out.splitlines()[-1] == \
        "1 report checked: 0 errors, 0 warnings; lowest score 100/100 (content/2022/jinjiang-jinjing.txt)", out
    status, out, _ = gongkai(["check", "content/2022/jinjiang-jinjing.txt", "content"], folder)
    assert status == 1 and out.splitlines()[-1].startswith("2 reports checked: "), out


@test
def check_json_has_message_zh_and_a_score_per_report(folder):
    make_site(folder)
    status, out, _ = gongkai(["check", "--format", "json"], folder)
    assert status == 1
    elements = json.loads(out)
    balance = [e for e in elements if e.get("rule") == "applications.balance"]
    assert balance and balance[0]["line"] == 96 and balance[0]["file"] == "content/2022/jinjiang-yonghe.txt"
    assert balance[0]["messageZh"] == "表三 · 自然人 · 一+二 ≠ 三(七)+四：1 + 0 ≠ 0 + 0", balance[0]
    scores = {e["file"]: e["score"]["total"] for e in elements if "score" in e}
    assert scores["content/2022/jinjiang-jinjing.txt"] == 100 and scores["content/2022/jinjiang-yonghe.txt"] < 100


@test
def check_gate_options_fail_on_min_score_and_lang(folder):
    make_site(folder)
    assert gongkai(["check", "--fail-on", "error"], folder)[0] == 1
    assert gongkai(["check", "--fail-on", "never"], folder)[0] == 0
    # 金井镇 alone has no error and no warning: it passes even the strictest gate.
    assert gongkai(["check", "--fail-on", "warning", "content/2022/jinjiang-jinjing.txt"], folder)[0] == 0
    assert gongkai(["check", "--fail-on", "warning", "content/2022/jinjiang-yonghe.txt"], folder)[0] == 1
    status, out, _ = gongkai(["check", "--fail-on", "never", "--min-score", "99"], folder)
    assert status == 1 and re.search(r"^content/2022/jinjiang-yonghe.txt: score [\d.]+/100 is below --min-score 99$", out, re.M), out
    assert "jinjing.txt: score 100/100 is below" not in out
    assert gongkai(["check", "--fail-on", "never", "--min-score", "50"], folder)[0] == 0
    status, _, err = gongkai(["check", "--min-score", "101"], folder)
    assert status == 64 and "--min-score must be between 0 and 100" in err, err
    status, out, _ = gongkai(["check", "--lang", "zh"], folder)
    assert status == 1
    assert "content/2022/jinjiang-yonghe.txt:96: 错误: 表三 · 自然人 · 一+二 ≠ 三(七)+四：1 + 0 ≠ 0 + 0 [applications.balance d658fd56]" in out, out
    assert re.fullmatch(r"共检查 2 份报告：错误 \d+ 处，警告 \d+ 处；最低分 [\d.]+/100（content/2022/jinjiang-yonghe.txt）",
                        out.splitlines()[-1]), out.splitlines()[-1]
    assert gongkai(["check", "--lang", "en"], folder)[1] == gongkai(["check"], folder)[1]
    status, out, err = gongkai(["check", "no-such-folder"], folder)
    assert status == 2 and "no-such-folder: error: no such file or folder" in out, (out, err)


@test
def parse_prints_the_models_of_several_files(folder):
    status, out, err = gongkai(["parse", JINJING, YONGHE], folder)
    assert status == 0, err
    reports = json.loads(out)
    assert [r["town"] for r in reports] == ["金井镇", "永和镇"], [r.get("town") for r in reports]
    assert reports[0]["year"] == 2022 and reports[0]["city"] == "晋江市"
    yonghe = reports[1]["tables"]["applications"]["rows"]["newReceived"]
    assert yonghe["naturalPerson"] == 1 and yonghe["total"] == 0, yonghe
    status, out, err = gongkai(["parse", JINJING, "missing.txt"], folder)
    assert status == 1 and len(json.loads(out)) == 1 and "missing.txt" in err, err
