#!/usr/bin/env python3
"""Fuzzes `gongkai build` as a user runs it: batches of mutated real reports, random bytes and
random front matter, each batch built by the given gongkai binary. Fails on a crash (a signal),
a hang past the bound, an exit status other than 0/1/2, a file neither built nor listed as
skipped, or anything written outside the output folder.

usage: scripts/fuzz-build.py GONGKAI_BINARY [CASES] [SEED]
"""
import os, random, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "Tests/GongkaiTests/Fixtures/real")
SEEDS = ["000_3a640c0e6a422263.txt", "001_ba4ee18afd36a9fc.txt", "hongze-2023-pdftotext.txt",
         "pingtan-2023-page-text.txt", "shanghai-stcsm-2024-from-pdf.md"]
FRONT = ["id: ../../etc", 'id: "%2e%2e"', "slug: /abs/path", "year: abc", "year: [1, 2]",
         "body: <script>alert(1)</script>", "town: 金井镇", "city: {a: b}", "supersedes: ../x.txt",
         "format: 1999", "period: {start: x}", "contact: 7", ": :", "- list", "id: ok-slug-2022", "\t\tbad: indent"]
PER_BATCH, BOUND_SECONDS = 250, 120

def mutate(data, rng):
    lines = data.split(b"\n")
    kind = rng.randrange(7)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(4096)))
    if kind == 1:
        front = "\n".join(rng.choice(FRONT) for _ in range(rng.randint(1, 4)))
        return f"---\n{front}\n---\n".encode() + data
    if kind == 2:
        for _ in range(rng.randint(1, 20)):
            if len(lines) < 3: break
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            op = rng.randrange(3)
            if op == 0: del lines[i]
            elif op == 1: lines.insert(j, lines[i])
            else: lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    if kind == 3:
        return data[: rng.randrange(len(data))]
    if kind == 4:
        out = bytearray(data)
        for _ in range(rng.randint(1, 50)):
            out.insert(rng.randrange(len(out) + 1), rng.randrange(256))
        return bytes(out)
    if kind == 5:
        return ("三、收到和处理政府信息公开申请情况" + "一、本年新收政府信息公开申请数量1234567890" * 200).encode()
    return data

def main():
    binary = os.path.abspath(sys.argv[1])
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20221231)
    seeds = [open(os.path.join(REAL, s), "rb").read() for s in SEEDS]
    base = tempfile.mkdtemp(prefix="gongkai-fuzz-")
    failures, done = [], 0
    try:
        for batch in range((cases + PER_BATCH - 1) // PER_BATCH):
            content, output = os.path.join(base, "content"), os.path.join(base, "public")
            shutil.rmtree(content, ignore_errors=True)
            os.makedirs(content)
            count = min(PER_BATCH, cases - done)
            for i in range(count):
                open(os.path.join(content, f"r{i}.txt"), "wb").write(mutate(seeds[i % len(seeds)], rng))
            try:
                run = subprocess.run([binary, "build", "--no-cache", "--content", content, "--output", output],
                                     capture_output=True, text=True, timeout=BOUND_SECONDS, cwd=ROOT)
            except subprocess.TimeoutExpired:
                failures.append(f"batch {batch}: no answer within {BOUND_SECONDS} s"); break
            if run.returncode not in (0, 1, 2):
                failures.append(f"batch {batch}: exit {run.returncode}\n{run.stderr[-2000:]}"); break
            summary = [l for l in run.stdout.splitlines() if "reports read" in l]
            read = int(summary[-1].split()[0]) if summary else 0
            skipped = sum(1 for l in run.stderr.splitlines() if l.startswith("r") and ": error:" in l)
            if read + skipped != count:
                failures.append(f"batch {batch}: {read} built + {skipped} skipped != {count} files\n{run.stdout}\n{run.stderr[-3000:]}")
            extra = set(os.listdir(base)) - {"content", "public"}
            if extra:
                failures.append(f"batch {batch}: written outside the output folder: {sorted(extra)}")
            done += count
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"fuzz-build: {done} cases in {(done + PER_BATCH - 1) // PER_BATCH} builds, {len(failures)} failures")
    for f in failures: print(f, file=sys.stderr)
    sys.exit(1 if failures else 0)

if __name__ == "__main__":
    main()
