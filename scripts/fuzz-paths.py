#!/usr/bin/env python3
"""Fuzzes where `gongkai build` writes and what it reads, as a careless user or an attacker
would: each case is a fresh sandbox folder (its own home, working folder, content folder, a folder
of someone else's files and a folder of the user's own) with real reports under random names (not
UTF-8, control characters, newlines), symbolic links (to a file or a folder outside the content
folder, to one inside it, nowhere, to themselves) and a random --output (the working, home,
content, cache or theme folder, one inside or above them, the user's own folder with and without
--force, a file, links to any of these). The built binary runs once or twice in it.

Fails when anything outside the output and cache folders changed (the sandbox is snapshot before
and after), when a file the user had in the output is gone or changed, when a report file is
neither built nor named as skipped, when text from outside the content folder reaches the site,
or on a crash, a hang or an exit status other than 0/1/2.

usage: scripts/fuzz-paths.py GONGKAI_BINARY [CASES] [SEED]
"""
import hashlib, os, random, shutil, stat, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "Tests/GongkaiTests/Fixtures/real")
SEEDS = ["000_3a640c0e6a422263.txt", "001_ba4ee18afd36a9fc.txt", "hongze-2023-pdftotext.txt"]
SECRET = "SECRET-OUTSIDE-THE-CONTENT-FOLDER-7f3a"
OWN = {"thesis.txt": b"my thesis", "CNAME": b"gongkai.example.gov.cn", ".git/HEAD": b"ref: refs/heads/main"}
BOUND_SECONDS = 120
NAMES = [b"plain", "\u91d1\u4e95\u9547".encode(), b"\xd5\xe3\xbd\xad", b"tab\there", b"new\nline", b"bell\x07",
         b"esc\x1b[31m", b"-dash", b" space ", b"back\\slash", b"x" * 200, b"\xff\xfe", b"cr\rx"]


def utf8(path):
    try:
        path.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def parents(path):
    while path not in (b"/", b""):
        path = os.path.dirname(path)
        yield path


def snapshot(root, skip):
    """Every entry under root (links not followed) with its type, mode and bytes or target."""
    seen = {}
    for folder, dirs, files in os.walk(root.encode()):
        for name in dirs + files:
            path = os.path.join(folder, name)
            if any(path == s or path.startswith(s + b"/") for s in skip):
                continue
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                seen[path] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                seen[path] = ("file", info.st_mode, hashlib.sha1(open(path, "rb").read()).hexdigest())
            else:
                seen[path] = ("dir", info.st_mode)
    return seen


class Case:
    def __init__(self, base, rng, seeds):
        self.rng, self.seeds = rng, seeds
        self.box = tempfile.mkdtemp(prefix="case-", dir=base).encode()
        self.home, self.work = self.at(b"home"), self.at(b"work")
        self.content, self.elsewhere, self.mine = self.at(b"work/content"), self.at(b"elsewhere"), self.at(b"work/mine")
        for folder in (self.home, self.content, self.elsewhere, self.mine, self.at(b"work/theme")):
            os.makedirs(folder)
        open(os.path.join(self.home, b".bashrc"), "wb").write(b"export PS1=x")
        for name, data in OWN.items():
            self.write(os.path.join(self.mine, name.encode()), data)
        self.write(os.path.join(self.elsewhere, b"secret.txt"), seeds[0] + f"\n{SECRET}\n".encode())
        self.built, self.named = 0, 0  # report files expected read, and expected named as skipped

    def at(self, relative):
        return os.path.join(self.box, relative)

    def write(self, path, data):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "wb").write(data)

    def name(self, index):
        raw = self.rng.choice(NAMES) + b"-%d" % index
        return raw + b".txt", raw

    def fill(self):
        rng = self.rng
        for index in range(rng.randint(1, 5)):
            name, raw = self.name(index)
            folder = rng.choice([b"", b"2022/", b"\xb8\xdf/", b"sub\nfolder/"])
            self.write(os.path.join(self.content, folder + name), self.seeds[index % len(self.seeds)])
            if utf8(folder + name):
                self.built += 1
            elif b"\xb8\xdf" not in folder:
                self.named += 1
        if os.path.isdir(os.path.join(self.content, b"\xb8\xdf")):
            self.named += 1  # the folder is named once, its files with it
        links = [(b"passwd.txt", b"/etc/passwd", 1), (b"secret.txt", os.path.join(self.elsewhere, b"secret.txt"), 1),
                 (b"outside", self.elsewhere, 1), (b"dead.txt", b"nowhere.txt", 1), (b"loop.txt", b"loop.txt", 1),
                 (b"up", b"..", 1), (b"self", b".", 0)]
        for name, target, named in rng.sample(links, rng.randint(0, len(links))):
            os.symlink(target, os.path.join(self.content, name))
            self.named += named
        if self.built and rng.random() < 0.5:  # a link to a report inside: read once, under its own name
            inside = next(p for p in self.report_files() if utf8(p))
            os.symlink(inside, os.path.join(self.content, b"again.txt"))

    def report_files(self):
        found = []
        for folder, _, files in os.walk(self.content):
            found += [os.path.join(folder, f) for f in files if f.endswith(b".txt") and not os.path.islink(os.path.join(folder, f))]
        return sorted(found)

    def output(self):
        """A random --output (relative to the working folder or absolute) and whether --force."""
        rng = self.rng
        links = {b"link-content": self.content, b"link-home": self.home, b"link-mine": self.mine,
                 b"link-box": self.box, b"link-new": self.at(b"elsewhere-site")}
        name, target = rng.choice(list(links.items()))
        os.symlink(target, os.path.join(self.work, name))
        open(os.path.join(self.work, b"afile.txt"), "wb").write(b"not a folder")
        choice = rng.choice([b"public", b"site/out", b"mine", b".", b"..", self.box, self.home, b"content",
                             b"content/site", b"content/2022", b"public/../content", b".gongkai-cache", b"theme",
                             b"theme/out", b"afile.txt", name, name + b"/sub"])
        return choice, rng.random() < 0.3

    def run(self, output, force):
        argv = [BINARY, b"build", b"--content", b"content", b"--output", output]
        argv += [b"--force"] if force else []
        argv += [b"--no-cache"] if self.rng.random() < 0.3 else []
        env = dict(os.environ, HOME=self.home.decode())
        return subprocess.run(argv, cwd=self.work, env=env, capture_output=True, timeout=BOUND_SECONDS)


def check(case, output, force, run, before, failures, label):
    if run.returncode not in (0, 1, 2):
        return failures.append(f"{label}: exit {run.returncode}\n{run.stderr[-2000:]!r}")
    resolved = os.path.realpath(os.path.join(case.work, output))
    built = run.returncode in (0, 1)
    # A build that went on may have made the folders above its output.
    skip = [resolved] + [p for p in parents(resolved) if p.startswith(case.box + b"/") and p not in before] if built else []
    outside = lambda path: not any(path == s or path.startswith(s + b"/") for s in skip)
    before = {p: v for p, v in before.items() if outside(p)}
    after = {p: v for p, v in snapshot(case.box.decode(), [os.path.join(case.work, b".gongkai-cache")]).items() if outside(p)}
    changed = sorted(set(before) ^ set(after) | {p for p in before if p in after and before[p] != after[p]})
    if changed:
        failures.append(f"{label}: output {output!r} (force {force}, exit {run.returncode}): changed outside it: {changed[:5]}")
    for name, data in OWN.items():  # the user's own files, wherever the output went
        path = os.path.join(case.mine, name.encode())
        if not os.path.isfile(path) or open(path, "rb").read() != data:
            failures.append(f"{label}: output {output!r}: the user's {name} is gone or changed")
    if not built:
        if b"error:" not in run.stderr:
            failures.append(f"{label}: exit 2 without an error message")
        return
    line = [l for l in run.stdout.decode(errors="replace").splitlines() if "reports read" in l]
    read = int(line[-1].split()[0]) if line else 0
    named = run.stderr.count(b": error: ")
    if read != case.built or named != case.named:
        failures.append(f"{label}: output {output!r}: {read} built (expected {case.built}), {named} named (expected {case.named})\n{run.stderr[-1500:]!r}")
    for folder, _, files in os.walk(resolved):
        for name in files:
            if SECRET.encode() in open(os.path.join(folder, name), "rb").read():
                failures.append(f"{label}: text from outside the content folder is in {os.path.join(folder, name)!r}")
                return


def main():
    global BINARY
    BINARY = os.path.abspath(sys.argv[1]).encode()
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20221231)
    seeds = [open(os.path.join(REAL, s), "rb").read() for s in SEEDS]
    base = tempfile.mkdtemp(prefix="gongkai-fuzz-paths-")
    failures = []
    try:
        for number in range(cases):
            case = Case(base, rng, seeds)
            case.fill()
            output, force = case.output()
            for attempt in range(rng.randint(1, 2)):
                before = snapshot(case.box.decode(), [os.path.join(case.work, b".gongkai-cache")])
                try:
                    run = case.run(output, force)
                except subprocess.TimeoutExpired:
                    failures.append(f"case {number}: no answer within {BOUND_SECONDS} s")
                    break
                check(case, output, force, run, before, failures, f"case {number}.{attempt}")
            shutil.rmtree(case.box, ignore_errors=True)
            if len(failures) > 20:
                break
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"fuzz-paths: {cases} cases, {len(failures)} failures")
    for f in failures:
        print(f, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
