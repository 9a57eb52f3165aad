#!/usr/bin/env python3
"""Snapshots what `gongkai parse` makes of report files, to prove a parser change changes no result.

    python3 scripts/parse-snapshot.py GONGKAI OUTDIR FILE_OR_FOLDER...

Writes OUTDIR/<path with / as %>.json for every file (folders are searched recursively): the
file's parsed model with sorted keys (key order is not stable), or its load error. Compare two
snapshots with `diff -r`. Files are parsed in batches (one process per 200 files); a batch with
a file that fails to load is redone file by file so that every output lines up with its file.
"""
import json, os, subprocess, sys

BATCH = 200


def files_of(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in sorted(os.walk(path)):
                for name in sorted(names):
                    yield os.path.abspath(os.path.join(folder, name))
        else:
            yield os.path.abspath(path)


def parse(gongkai, files):
    """The JSON text of each file's model, or None when the batch must be redone file by file."""
    run = subprocess.run([gongkai, "parse", "--compact", *files], cwd="/", capture_output=True)
    if run.returncode != 0:
        return None, run.stderr.decode()
    reports = json.loads(run.stdout)
    if len(reports) != len(files):
        return None, "count mismatch"
    return [json.dumps(report, sort_keys=True, ensure_ascii=False, indent=1) for report in reports], ""


def main():
    gongkai, outdir, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(outdir, exist_ok=True)
    files = list(files_of(paths))
    for start in range(0, len(files), BATCH):
        batch = files[start:start + BATCH]
        outputs, _ = parse(gongkai, batch)
        if outputs is None:
            outputs = []
            for file in batch:
                single, error = parse(gongkai, [file])
                outputs.append(single[0] if single else "error: " + error)
        for file, output in zip(batch, outputs):
            with open(os.path.join(outdir, file.strip("/").replace("/", "%") + ".json"), "w") as out:
                out.write(output + "\n")
    print(f"{len(files)} files → {outdir}")


if __name__ == "__main__":
    main()
