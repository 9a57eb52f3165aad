"""gongkai serve through the real executable: pages, live reload, Ctrl-C, the network warning."""
import os
import re
import socket
import time

from harness import JINJING, Running, free_port, http, make_site, port_is_free, replace_in, test

PAGE = "/reports/jinjiang-jinjing-2022.html"
NETWORK_WARNING = "the preview is reachable from the network"


def start(folder, *options):
    server = Running(["serve"] + list(options), folder)
    ready = server.wait_for(lambda line: line.startswith("Serving public/ at http://"), timeout=60)
    return server, int(re.search(r":(\d+)/ \(Ctrl-C stops\)$", ready).group(1))


class EventStream:
    """A page's live-reload connection: GET /__gongkai/events, read as it comes."""

    def __init__(self, port):
        self.connection = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.connection.sendall(b"GET /__gongkai/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.received = b""

    def wait_for(self, text, timeout=30):
        deadline = time.time() + timeout
        while text.encode() not in self.received and time.time() < deadline:
            self.connection.settimeout(max(0.1, deadline - time.time()))
            try:
                chunk = self.connection.recv(4096)
            except socket.timeout:
                break
            if not chunk:
                break
            self.received += chunk
        return text.encode() in self.received

    def closed(self, timeout=10):
        self.connection.settimeout(timeout)
        try:
            while True:
                chunk = self.connection.recv(4096)
                if not chunk:
                    return True
                self.received += chunk
        except socket.timeout:
            return False


@test
def serve_builds_serves_reloads_on_edit_and_stops_on_ctrl_c(folder):
    make_site(folder)
    port = free_port()
    server, bound = start(folder, "--port", port, "--host", "127.0.0.1")
    try:
        assert bound == port
        assert not any(NETWORK_WARNING in line for line in server.errors)
        status, head, home = http(port, "/")
        assert status == 200 and "content-type: text/html; charset=utf-8" in head.lower()
        assert "金井镇" in home and "/__gongkai/events" in home
        status, _, page = http(port, PAGE)
        assert status == 200 and "海丝金井" in page
        assert "/__gongkai/events" not in open(os.path.join(folder, "public", PAGE[1:]), encoding="utf-8").read()
        events = EventStream(port)
        assert events.wait_for(": connected")
        replace_in(os.path.join(folder, "content", "2022", "jinjiang-jinjing.txt"), "海丝金井", "金井发布")
        assert events.wait_for("event: reload"), events.received
        assert "金井发布" in http(port, PAGE)[2]
        # Ctrl-C: exit 0 with a page still listening, the stream ended, the port free again.
        assert server.interrupt() == 0, server.errors
        server.wait_for(lambda line: line == "Stopped.", timeout=5)
        assert events.closed()
        assert port_is_free(port)
    finally:
        server.stop()


@test
def serve_a_broken_edit_keeps_the_last_good_site_and_tells_the_page(folder):
    make_site(folder, reports=(("2022/jinjiang-jinjing.txt", JINJING),))
    server, port = start(folder, "--port", "0")
    try:
        events = EventStream(port)
        assert events.wait_for(": connected")
        with open(os.path.join(folder, "content", "2022", "jinjiang-jinjing.txt"), "wb") as handle:
            handle.write(b"\x00\xff\x00")
        assert events.wait_for("event: failed"), events.received
        assert "海丝金井" in http(port, PAGE)[2]
        assert server.interrupt() == 0
    finally:
        server.stop()


@test
def serve_on_another_host_warns_that_the_network_can_reach_it(folder):
    make_site(folder)
    server, port = start(folder, "--host", "0.0.0.0", "--port", "0")
    try:
        assert any(line == "warning: serving on 0.0.0.0: the preview is reachable from the network, by anyone who can "
                           "reach this machine" for line in server.errors), server.errors
        assert http(port, "/")[0] == 200
        assert server.interrupt() == 0
    finally:
        server.stop()


@test
def serve_on_a_port_in_use_says_so_and_exits_2(folder):
    make_site(folder)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = Running(["serve", "--port", port], folder)
        try:
            assert server.process.wait(60) == 2
            server.wait_for(lambda line: line.startswith("error: cannot serve on 127.0.0.1:%d: " % port), stream=server.errors)
        finally:
            server.stop()
