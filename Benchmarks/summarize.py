#!/usr/bin/env python3
"""Turns scripts/bench's raw measurements into a table, ratios and target checks.

    python3 Benchmarks/summarize.py RAW OUTDIR --machine M --versions V --cache-option B --reps R

RAW has one line per run, "N step rep seconds KiB exit", and facts as "N meta key value…".
Writes OUTDIR/results.md and OUTDIR/results.json and prints the table. Standard library only.
"""
import argparse, datetime, json, math, os, statistics

STEPS = ["gongkai-clean", "gongkai-nochange", "gongkai-addone", "hugo", "cmark-gfm"]
TARGET_N = 5000


def load(path):
    runs, facts = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3:
                continue
            n = int(parts[0])
            if parts[1] == "meta":
                facts.setdefault(n, {})[parts[2]] = " ".join(parts[3:])
                continue
            if len(parts) < 6:  # GNU time printed nothing (the command could not start)
                continue
            step, seconds, kib, status = parts[1], parts[3], parts[4], int(parts[5])
            try:
                runs.setdefault(n, {}).setdefault(step, []).append(
                    {"seconds": float(seconds), "kib": int(kib), "exit": status})
            except ValueError:
                continue
    return runs, facts


def median_of(runs):
    """Median seconds and median peak KiB of the runs that finished (exit 0 or 1: gongkai's
    exit 1 means some files were skipped, which the summary line reports)."""
    done = [r for r in runs if r["exit"] in (0, 1)]
    timed_out = [r for r in runs if r["exit"] == 124]
    if not done and timed_out:  # a lower bound: the run was stopped after this long
        return {"seconds": max(r["seconds"] for r in timed_out), "peak_mib": max(r["kib"] for r in timed_out) / 1024,
                "runs": len(runs), "failed": len(runs), "timed_out": True}
    if not done:
        return None
    return {"seconds": statistics.median(r["seconds"] for r in done),
            "peak_mib": statistics.median(r["kib"] for r in done) / 1024,
            "runs": len(runs), "failed": len(runs) - len(done)}


def ratio(a, b, key):
    if a is None or b is None or not b[key]:
        return None
    return a[key] / b[key]


def fmt(value, digits=2):
    return "—" if value is None else f"{value:.{digits}f}"


def targets(table):
    at = table.get(TARGET_N)
    checks = []
    if at:
        clean, hugo = at["medians"].get("gongkai-clean"), at["medians"].get("hugo")
        checks += [
            ("clean build no slower than Hugo (ratio ≤ 1.0)", ratio(clean, hugo, "seconds"), 1.0),
            ("peak memory at most half of Hugo's (ratio ≤ 0.5)", ratio(clean, hugo, "peak_mib"), 0.5),
            ("rebuild with no change ≤ 0.3 s", (at["medians"].get("gongkai-nochange") or {}).get("seconds"), 0.3),
            ("rebuild after adding one report ≤ 0.5 s", (at["medians"].get("gongkai-addone") or {}).get("seconds"), 0.5),
        ]
    sizes = sorted(n for n in table if table[n]["medians"].get("gongkai-clean"))
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        t0, t1 = (table[n]["medians"]["gongkai-clean"]["seconds"] for n in (small, large))
        exponent = math.log(t1 / t0) / math.log(large / small) if t0 > 0 and t1 > 0 else None
        checks.append((f"clean build linear in N (exponent of time ~ N^k, N = {small}…{large}; ≤ 1.15)", exponent, 1.15))
    return [{"target": name, "value": value, "limit": limit,
             "met": None if value is None else value <= limit} for name, value, limit in checks]
    # (a timed-out run's seconds are a lower bound, so "met" stays false for it, as it should)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("raw")
    parser.add_argument("outdir")
    parser.add_argument("--machine", default="")
    parser.add_argument("--versions", default="")
    parser.add_argument("--cache-option", default="false")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    runs, facts = load(args.raw)
    table = {}
    for n in sorted(set(runs) | set(facts)):
        medians = {step: median_of(runs.get(n, {}).get(step, [])) for step in STEPS}
        clean = medians["gongkai-clean"]
        table[n] = {"medians": medians, "facts": facts.get(n, {}), "raw": runs.get(n, {}),
                    "ratios": {"gongkai_clean_over_hugo_time": ratio(clean, medians["hugo"], "seconds"),
                               "gongkai_clean_over_hugo_memory": ratio(clean, medians["hugo"], "peak_mib"),
                               "gongkai_clean_over_cmark_time": ratio(clean, medians["cmark-gfm"], "seconds"),
                               "gongkai_clean_over_cmark_memory": ratio(clean, medians["cmark-gfm"], "peak_mib")}}
    checks = targets(table)
    most_runs = max([len(r) for row in table.values() for r in row["raw"].values()] + [args.reps])
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    lines = [f"# Benchmark results", "",
             f"Measured {date} by `scripts/bench` on {args.machine}.", "",
             f"Versions: {args.versions}. gongkai `--cache` option: {args.cache_option}. "
             f"Each figure is the median of its runs (up to {most_runs}; all are listed at the end); time is wall-clock seconds, memory is peak RSS "
             f"(GNU time `%M`). How to read it: [README.md](README.md).", "",
             "| N | corpus | gongkai clean | no change | add one | Hugo | cmark-gfm | gongkai / Hugo (time) | gongkai / Hugo (memory) | gongkai / cmark-gfm (time) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, row in table.items():
        m = row["medians"]
        def cell(s):
            if m[s] is None:
                return "—"
            if m[s].get("timed_out"):
                return f"> {m[s]['seconds']:.0f} s (stopped)"
            return f"{m[s]['seconds']:.2f} s, {m[s]['peak_mib']:.0f} MiB" + (f" ({m[s]['failed']} failed)" if m[s]["failed"] else "")
        mib = int(row["facts"].get("corpus-bytes", "0") or 0) / 1048576
        r = row["ratios"]
        lines.append(f"| {n} | {mib:.0f} MiB | {cell('gongkai-clean')} | {cell('gongkai-nochange')} | "
                     f"{cell('gongkai-addone')} | {cell('hugo')} | {cell('cmark-gfm')} | "
                     f"{fmt(r['gongkai_clean_over_hugo_time'])} | {fmt(r['gongkai_clean_over_hugo_memory'])} | "
                     f"{fmt(r['gongkai_clean_over_cmark_time'])} |")
    lines += ["", "## Scaling", "", "Cost per 1,000 reports: constant across N means linear.", "",
              "| N | gongkai clean, s / 1000 | gongkai peak, MiB / 1000 | Hugo, s / 1000 | Hugo peak, MiB / 1000 |",
              "|---:|---:|---:|---:|---:|"]
    for n, row in table.items():
        m = row["medians"]
        per = lambda step, key: None if m[step] is None else m[step][key] * 1000 / n
        lines.append(f"| {n} | {fmt(per('gongkai-clean', 'seconds'))} | {fmt(per('gongkai-clean', 'peak_mib'), 0)} | "
                     f"{fmt(per('hugo', 'seconds'))} | {fmt(per('hugo', 'peak_mib'), 0)} |")
    lines += ["", f"## Targets (at N = {TARGET_N})", "", "| target | measured | met |", "|---|---:|---|"]
    for c in checks:
        lines.append(f"| {c['target']} | {fmt(c['value'])} | {'—' if c['met'] is None else ('yes' if c['met'] else '**no**')} |")
    lines += ["", "## What was built", "", "| N | gongkai's summary (first clean build) | files gongkai wrote | files Hugo wrote |",
              "|---:|---|---:|---:|"]
    for n, row in table.items():
        f = row["facts"]
        lines.append(f"| {n} | {f.get('gongkai-summary', '—')} | {f.get('gongkai-files', '—')} | {f.get('hugo-files', '—')} |")
    skipped = [(n, row["facts"]["addone-skipped"]) for n, row in table.items() if "addone-skipped" in row["facts"]]
    if skipped:
        lines += [""] + [f"At N = {n} the add-one rebuild was not measured: the {why} (`BENCH_SKIP`), "
                         "so adding a report cannot be faster." for n, why in skipped]
    lines += ["", "## Every run", "", "| N | step | seconds | peak KiB | exit |", "|---:|---|---|---|---|"]
    for n, row in table.items():
        for step in STEPS:
            runs_ = row["raw"].get(step, [])
            if runs_:
                lines.append(f"| {n} | {step} | {' '.join(str(r['seconds']) for r in runs_)} | "
                             f"{' '.join(str(r['kib']) for r in runs_)} | {' '.join(str(r['exit']) for r in runs_)} |")
    text = "\n".join(lines) + "\n"
    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, "results.md"), "w", encoding="utf-8") as f:
        f.write(text)
    data = {"date": date, "machine": args.machine, "versions": args.versions, "cache_option": args.cache_option,
            "reps": args.reps, "sizes": {str(n): {"medians": row["medians"], "ratios": row["ratios"],
                                                  "facts": row["facts"], "runs": row["raw"]} for n, row in table.items()},
            "targets": checks}
    with open(os.path.join(args.outdir, "results.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(text)


if __name__ == "__main__":
    main()
