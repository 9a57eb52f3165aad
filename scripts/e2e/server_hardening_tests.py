"""The preview server of the real executable under attack (issue 17): path traversal in every
encoding, symbolic links leading out of the output, other methods, a 1 MB header, hundreds of
live-reload connections, slow clients. Each asserts the status and message the server gives."""
import os
import socket
import threading
import time

from harness import exchange, http, make_site, test
from serve_tests import start

FORBIDDEN = "禁止访问：路径超出站点范围。\n"
NOT_FOUND = "404：页面不存在。\n"
PASSWD = "root:x:0:0"

# (request target, status): 403 refused with the message; 404 a harmless name that is not in the site
# (decoded once only: %252e%252e is the folder "%2e%2e"; //etc/passwd is etc/passwd inside the site);
# 400 not a path at all.
TRAVERSALS = [
    ("/../etc/passwd", 403), ("/../../../../etc/passwd", 403), ("/reports/../../etc/passwd", 403),
    ("/./../etc/passwd", 403), ("/%2e%2e/etc/passwd", 403), ("/%2E%2E/%2e%2e/etc/passwd", 403),
    ("/.%2e/etc/passwd", 403), ("/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 403), ("/..%2fetc%2fpasswd", 403),
    ("/reports/..%5c..%5cetc/passwd", 403), ("/..\\..\\etc\\passwd", 403), ("/%00../etc/passwd", 403),
    ("/index.html%00.css", 403), ("/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", 403),
    ("/%e0%80%ae%e0%80%ae/etc/passwd", 403), ("/%u002e%u002e/etc/passwd", 403),
    ("http://127.0.0.1/../../etc/passwd", 403),
    ("/%252e%252e/%252e%252e/etc/passwd", 404), ("//etc/passwd", 404), ("../etc/passwd", 400),
]


@test
def traversal_in_every_encoding_is_refused(folder):
    server, port = start(make_site(folder), "--port", "0")
    try:
        for target, expected in TRAVERSALS:
            status, _, body = http(port, target)
            assert status == expected, (target, status, body)
            assert PASSWD not in body, target
            if expected == 403:
                assert body == FORBIDDEN, (target, body)
            if expected == 404:
                assert body == NOT_FOUND, (target, body)
        # A folder asked for with a doubled slash is redirected inside the site, never to a host `reports`.
        status, head, _ = http(port, "//reports")
        assert status == 301 and "\r\nLocation: /reports/" in head, head
    finally:
        server.stop()


@test
def symbolic_links_inside_the_output_that_lead_out_are_refused(folder):
    server, port = start(make_site(folder), "--port", "0")
    public = os.path.join(folder, "public")
    try:
        os.symlink("/etc", os.path.join(public, "leak"))
        os.symlink("/etc/passwd", os.path.join(public, "passwd.txt"))
        os.symlink("index.html", os.path.join(public, "alias.html"))
        for target in ("/leak/passwd", "/leak/", "/leak", "/passwd.txt", "/leak/%2e%2e/etc/passwd"):
            status, _, body = http(port, target)
            assert (status, body) == (403, FORBIDDEN), (target, status, body)
        status, _, body = http(port, "/alias.html")
        assert status == 200 and "金井镇" in body
    finally:
        server.stop()


@test
def methods_other_than_get_and_head_are_refused(folder):
    server, port = start(make_site(folder), "--port", "0")
    try:
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL"):
            status, head, body = http(port, "/index.html", method=method, headers="Content-Length: 0\r\n")
            assert status == 405, (method, status)
            assert "\r\nAllow: GET, HEAD" in head and body == "只支持 GET 和 HEAD 请求。\n", (method, head, body)
        status, _, body = http(port, "/", method="BREW")
        assert status == 400 and body == "", (status, body)
        status, head, body = http(port, "/", method="HEAD")
        assert status == 200 and body == "" and "content-length:" in head.lower()
        assert os.path.exists(os.path.join(folder, "public", "index.html"))
    finally:
        server.stop()


@test
def a_1_mb_header_or_request_line_is_refused_and_serving_goes_on(folder):
    server, port = start(make_site(folder), "--port", "0")
    try:
        big = b"b" * (1 << 20)
        for request in (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + big + b"\r\nConnection: close\r\n\r\n",
                        b"GET /" + big + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Many: 1\r\n" * 20000 + b"\r\n"):
            started = time.time()
            try:
                status, head, _ = exchange(port, request)
            except (ConnectionResetError, BrokenPipeError):
                status, head = 0, "reset"
            assert status in (400, 431, 0), (status, head[:200])
            assert time.time() - started < 5
        assert http(port, "/")[0] == 200
        assert server.process.poll() is None
    finally:
        server.stop()


def open_event_stream(port):
    """A live-reload connection: its status and the socket, left open."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=20)
    connection.sendall(b"GET /__gongkai/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = connection.recv(4096)
        if not chunk:
            break
        head += chunk
    return int(head.split(b" ")[1]) if head else 0, head, connection


@test
def five_hundred_live_reload_connections_are_bounded(folder):
    server, port = start(make_site(folder), "--port", "0")
    connections = []
    try:
        statuses = []
        for _ in range(500):
            status, head, connection = open_event_stream(port)
            statuses.append(status)
            connections.append(connection)
        assert statuses.count(200) == 100 and statuses.count(503) == 400, {s: statuses.count(s) for s in set(statuses)}
        status, head, body = http(port, "/__gongkai/events")
        assert status == 503 and "\r\nRetry-After: 10" in head and body == "实时刷新连接已达上限（100 个），请关闭一些预览页面。\n", (head, body)
        started = time.time()
        assert http(port, "/")[0] == 200 and time.time() - started < 2
        for connection in connections:
            connection.close()
        connections = []
        # The streams of pages that went away are noticed (at the next keep-alive write) and freed.
        deadline = time.time() + 20
        while time.time() < deadline:
            status, _, connection = open_event_stream(port)
            connection.close()
            if status == 200:
                break
            time.sleep(0.5)
        assert status == 200
        assert server.interrupt() == 0
    finally:
        for connection in connections:
            connection.close()
        server.stop()


@test
def fifty_slow_clients_do_not_hold_up_the_server_and_are_cut_off(folder):
    server, port = start(make_site(folder), "--port", "0")
    slow = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(50)]
    stop = threading.Event()

    def trickle():
        # One byte of an endless header per client every half second, as a slowloris does.
        while not stop.is_set():
            for connection in slow:
                try:
                    connection.send(b"X")
                except OSError:
                    pass
            time.sleep(0.5)

    try:
        for connection in slow:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        threading.Thread(target=trickle, daemon=True).start()
        for _ in range(5):
            started = time.time()
            assert http(port, "/")[0] == 200
            assert time.time() - started < 2
        # Every slow client is closed by the server once its idle time (10 s) is up.
        deadline = time.time() + 25
        closed = 0
        for connection in slow:
            connection.settimeout(max(0.1, deadline - time.time()))
            try:
                while connection.recv(4096):
                    pass
                closed += 1
            except ConnectionResetError:
                closed += 1
            except socket.timeout:
                pass
        assert closed == 50, closed
        assert http(port, "/")[0] == 200
        # 50 clients that ask for the largest file and never read the answer hold nothing up either.
        readers = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(50)]
        for connection in readers:
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            connection.sendall(b"GET /data/reports.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        slow += readers
        started = time.time()
        assert http(port, "/")[0] == 200 and time.time() - started < 2
    finally:
        stop.set()
        for connection in slow:
            connection.close()
        server.stop()
