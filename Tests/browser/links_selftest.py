#!/usr/bin/env python3
"""The link checker must fail on a broken site: copies a built site, breaks it in each way the
checker looks for, and expects exactly those checks to fail."""
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from links import check_links  # noqa: E402

BREAKAGE = '''<a href="reports/no-such-report.html">x</a><a href="index.html#no-such-id">y</a>
<script src="https://cdn.example.com/x.js"></script><a href="http://evil.example.com/">z</a>
<a href="javascript:alert(1)">w</a><a href="../../etc/passwd">v</a>'''
EXPECTED_FAILURES = {"every relative link names an existing file", "every #fragment names an existing id",
                     "no absolute http(s) URL in script/link/img/CSS", "no javascript: or other odd link schemes",
                     "no relative link leaves the site folder"}


def main() -> int:
    site, content = Path(sys.argv[1]), Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as scratch:
        broken = Path(scratch) / "site"
        shutil.copytree(site, broken)
        index = broken / "index.html"
        index.write_text(index.read_text(encoding="utf-8").replace("</body>", BREAKAGE + "</body>"), encoding="utf-8")
        results = list(check_links(broken, content))
    failed = {what for ok, what, _ in results if not ok}
    external = any(not ok and what.startswith("external links only") and "evil.example.com" in detail
                   for ok, what, detail in results)
    missing = EXPECTED_FAILURES - failed
    ok = not missing and external
    print(f"  {'ok  ' if ok else 'FAIL'} link checker self-test: a deliberately broken copy fails every check"
          + ("" if ok else f" — not caught: {sorted(missing) + ([] if external else ['external link'])}"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
