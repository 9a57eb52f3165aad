"""The end-to-end harness: runs the BUILT gongkai executable as a separate process, the way a
user does, and records every command line it runs so that the README's command lines can be
checked off against them (a documented line or option that no test runs is a failure)."""
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("GONGKAI_BIN", os.path.join(ROOT, ".build", "debug", "gongkai"))
REAL = os.path.join(ROOT, "Tests", "GongkaiTests", "Fixtures", "real")
# Seed 000: 晋江市金井镇 2022, complete (100/100). Seed 001: 晋江市永和镇 2022, 表三 does not balance.
JINJING = os.path.join(REAL, "000_3a640c0e6a422263.txt")
YONGHE = os.path.join(REAL, "001_ba4ee18afd36a9fc.txt")

RUNS = []      # every argument list given to the binary
TESTS = []     # (module, name, function)


def test(function):
    TESTS.append((function.__module__, function.__name__, function))
    return function


def record(args):
    RUNS.append([str(a) for a in args])


def gongkai(args, cwd, timeout=120):
    """Runs the binary to completion; returns (status, stdout, stderr) as text."""
    record(args)
    done = subprocess.run([BINARY] + [str(a) for a in args], cwd=cwd, capture_output=True, timeout=timeout)
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


class Running:
    """A long-running gongkai (serve, build --watch) whose output is read line by line as it comes."""

    def __init__(self, args, cwd, stdout=subprocess.PIPE):
        record(args)
        self.lines = []
        self.errors = []
        self.process = subprocess.Popen([BINARY] + [str(a) for a in args], cwd=cwd, stdout=stdout,
                                        stderr=subprocess.PIPE)
        self._readers = [threading.Thread(target=self._read, args=(self.process.stderr, self.errors), daemon=True)]
        if stdout == subprocess.PIPE:
            self._readers.append(threading.Thread(target=self._read, args=(self.process.stdout, self.lines), daemon=True))
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _read(stream, into):
        for raw in iter(stream.readline, b""):
            into.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def wait_for(self, predicate, timeout=30, stream=None):
        """The first line (of stdout, or `stream`) that satisfies `predicate`, waiting up to `timeout` s."""
        lines = self.lines if stream is None else stream
        deadline = time.time() + timeout
        seen = 0
        while time.time() < deadline:
            while seen < len(lines):
                if predicate(lines[seen]):
                    return lines[seen]
                seen += 1
            if self.process.poll() is not None and seen >= len(lines):
                time.sleep(0.2)
                if seen >= len(lines):
                    break
            time.sleep(0.05)
        raise AssertionError("no such line within %ss; stdout %r, stderr %r" % (timeout, self.lines[-8:], self.errors[-8:]))

    def interrupt(self, timeout=15):
        """SIGINT, as Ctrl-C sends; returns the exit status."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout)
        finally:
            self.stop()

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def make_site(folder, reports=(("2022/jinjiang-jinjing.txt", JINJING), ("2022/jinjiang-yonghe.txt", YONGHE))):
    """A working folder with content/ holding real reports, as a user sets it up."""
    for name, source in reports:
        target = os.path.join(folder, "content", name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
    return folder


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def replace_in(path, old, new):
    text = read(path)
    assert old in text, "%r not in %s" % (old, path)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_free(port):
    """Nothing listens on `port` and a server can bind it again (with SO_REUSEADDR, as servers do:
    the connections the old one closed may linger in TIME_WAIT)."""
    with socket.socket() as client:
        if client.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            probe.listen()
            return True
        except OSError:
            return False


def http(port, target, method="GET", headers="", timeout=10):
    """One raw HTTP/1.1 request, sent byte for byte as written (no URL normalisation): (status, head, body)."""
    request = "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%sConnection: close\r\n\r\n" % (method, target, headers)
    return exchange(port, request.encode("utf-8"), timeout)


def exchange(port, request, timeout=10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(request)
        data = b""
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    first = head.split(b"\r\n", 1)[0].split(b" ")
    status = int(first[1]) if len(first) > 1 and first[1].isdigit() else 0
    return status, head.decode("latin-1"), body.decode("utf-8", "replace")


def readme():
    return read(os.path.join(ROOT, "README.md"))


def documented_lines():
    """The command lines of the README: the code block under "## Using it" and the `gongkai`
    invocation of "## Two commands", each as (command, [(option, values)], positional)."""
    text = readme()
    usage = text.split("## Using it", 1)[1].split("```", 2)[1]
    lines = [line.split("  ")[0].strip() for line in usage.splitlines() if line.startswith("gongkai ")]
    two = text.split("## Two commands", 1)[1].split("## Using it", 1)[0]
    lines += ["gongkai " + found for found in re.findall(r"swift run -c release gongkai (\w+)", two)]
    return [parse_usage(line) for line in lines]


def parse_usage(line):
    """`gongkai check [PATH…] [--format text|json]` → ("check", [("--format", ["text", "json"])], "PATH…")."""
    words = line.split(None, 2)
    command, rest = words[1], words[2] if len(words) > 2 else ""
    options = []
    for option, argument in re.findall(r"(--[\w-]+)(?: ([^\]\s]+))?", rest):
        values = argument.split("|") if argument and "|" in argument else []
        options.append((option, values))
    positional = re.sub(r"\[?--[\w-]+(?: [^\]\s]+)?\]?", "", rest).strip(" []") or None
    return line, command, options, positional


def run_all():
    failures = 0
    for module, name, function in TESTS:
        folder = tempfile.mkdtemp(prefix="gongkai-e2e-")
        started = time.time()
        try:
            function(folder)
            print("ok    %s.%s (%.1f s)" % (module, name, time.time() - started), flush=True)
        except Exception:
            failures += 1
            print("FAIL  %s.%s (%.1f s)\n%s" % (module, name, time.time() - started, traceback.format_exc()), flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print("%d of %d end-to-end tests passed" % (len(TESTS) - failures, len(TESTS)))
    return 1 if failures else 0
