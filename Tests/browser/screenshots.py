#!/usr/bin/env python3
"""Screenshots (chromium --headless --screenshot, 1280 wide) of the home, a report, a body and a
year comparison page of a built site, for a person to look at. Nothing is compared."""
import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import CHROMIUM  # noqa: E402
from check_site import pages_to_visit  # noqa: E402

SHOTS = ("home", "report", "body", "year")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--height", type=int, default=1800)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pages = pages_to_visit(args.site)
    failed = False
    for name in SHOTS:
        page = pages.get(name)
        if page is None:
            print(f"  screenshot {name}: no such page")
            failed = True
            continue
        shot = (args.out / f"{name}.png").resolve()
        subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--window-size=1280,{args.height}", f"--screenshot={shot}", page.resolve().as_uri()],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        ok = shot.is_file() and shot.stat().st_size > 0
        failed |= not ok
        print(f"  screenshot {name} ({page.relative_to(args.site)}): {shot if ok else 'FAILED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
