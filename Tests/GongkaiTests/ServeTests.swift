import Foundation
import GongkaiSite
import Testing
@testable import GongkaiServe

#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP/1.1 client over a socket, so that paths such as `/../x` reach the server
/// exactly as written (URL libraries normalise them away).
enum RawHTTP {
    struct Reply {
        var status: Int
        var head: String
        var body: String
    }

    static func send(_ request: String, port: Int) throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Reply(status: status, head: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Opens a connection and sends the start of a request, never the end.
    static func openPartial(_ request: String, port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        return fd
    }

    static func get(_ path: String, port: Int, method: String = "GET") throws -> Reply {
        try send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port)
    }
}

@Suite struct SitePathTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-sitepath-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try Data("<p>首页</p>".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("<p>报告</p>".utf8).write(to: root.appendingPathComponent("reports/index.html"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("escape").path, withDestinationPath: "/etc")
    }

    @Test func resolvesFilesAndFolders() {
        #expect(SitePath.resolve("/", in: root) == .file(root.resolvingSymlinksInPath().appendingPathComponent("index.html")))
        #expect(SitePath.resolve("/reports", in: root) == .redirect("/reports/"))
        // Rebuilt from the path's parts: `//reports/` would send the browser to a host named reports.
        #expect(SitePath.resolve("//reports", in: root) == .redirect("/reports/"))
        #expect(SitePath.resolve("/./reports", in: root) == .redirect("/reports/"))
        #expect(SitePath.resolve("/missing.html", in: root) == .notFound)
    }

    @Test func refusesEveryWayOut() {
        for path in ["/../etc/passwd", "/reports/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2e%2e/etc/passwd",
                     "/reports/..%2f..%2fetc/passwd", "/escape/passwd", "/a%00b", "/..\\etc"] {
            #expect(SitePath.resolve(path, in: root) == .forbidden, "\(path)")
        }
    }
}

@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesRefusesTraversalAndReloadsOnChange() async throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("gongkai-serve-\(UUID().uuidString)")
        let site = base.appendingPathComponent("public")
        let content = base.appendingPathComponent("content")
        let report = content.appendingPathComponent("2022/jinjiang-jinjing.txt")
        try fm.createDirectory(at: report.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Fixture.text(Fixture.seedJinjing).utf8).write(to: report)
        // The real build, as `gongkai serve` runs it.
        let builder = SiteBuilder(contentDirectory: content, themeDirectory: nil, outputDirectory: site)
        let build: @Sendable () async -> RebuildOutcome = {
            do {
                let summary = try builder.build()
                return summary.reportsRead == 0 ? .failed("no report") : .built(notice: nil)
            } catch {
                return .failed("\(error)")
            }
        }
        #expect(await build() == .built(notice: nil))
        let page = "/reports/jinjiang-jinjing-2022.html"

        let server = PreviewServer(root: site, port: 0, watcher: ChangeWatcher(paths: [content], interval: .milliseconds(100)))
        let ready = AsyncStream<Int>.makeStream()
        let running = Task { try await server.run(rebuild: build, onReady: { port in ready.continuation.yield(port) }) }
        defer { running.cancel() }
        var iterator = ready.stream.makeAsyncIterator()
        let port = try #require(await iterator.next())

        let home = try RawHTTP.get("/", port: port)
        #expect(home.status == 200)
        #expect(home.head.lowercased().contains("content-type: text/html; charset=utf-8"))
        #expect(home.body.contains("金井镇"))
        #expect(home.body.contains(LiveReloadScript.path))
        #expect(try RawHTTP.get(page, port: port).body.contains("海丝金井"))
        #expect(try RawHTTP.get("/reports", port: port).status == 301)
        #expect(try RawHTTP.get("/data/reports.json", port: port).head.lowercased().contains("application/json; charset=utf-8"))
        #expect(try RawHTTP.get("/nothing-here.html", port: port).status == 404)
        #expect(try RawHTTP.get("/../../etc/passwd", port: port).status == 403)
        #expect(try RawHTTP.get("/%2e%2e/%2e%2e/etc/passwd", port: port).status == 403)
        let post = try RawHTTP.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", port: port)
        #expect(post.status == 405)
        let head = try RawHTTP.get("/", port: port, method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)

        // Nothing of the live reload is written to disk.
        let onDisk = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(onDisk.contains("金井镇"))
        #expect(!onDisk.contains(LiveReloadScript.path))

        // Change a report: the served page follows within two seconds.
        let edited = Fixture.text(Fixture.seedJinjing).replacingOccurrences(of: "海丝金井", with: "金井发布")
        try Data(edited.utf8).write(to: report)
        let deadline = ContinuousClock.now + .seconds(2)
        var changed = false
        while ContinuousClock.now < deadline, !changed {
            try await Task.sleep(for: .milliseconds(100))
            changed = (try? RawHTTP.get(page, port: port))?.body.contains("金井发布") ?? false
        }
        #expect(changed)

        // A slow client that never finishes its request does not hold up anyone else.
        let slow = try RawHTTP.openPartial("GET / HTTP/1.1\r\nHost: x\r\n", port: port)
        defer { close(slow) }
        #expect(try RawHTTP.get("/", port: port).status == 200)

        // An oversized request is refused, and the server goes on serving.
        let huge = "GET /\(String(repeating: "a", count: 200_000)) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        let refused = try? RawHTTP.send(huge, port: port)
        #expect(refused.map { $0.status >= 400 || $0.status == 0 } ?? true)
        let bigHeader = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 200_000))\r\nConnection: close\r\n\r\n"
        let refusedHeader = try? RawHTTP.send(bigHeader, port: port)
        #expect(refusedHeader.map { $0.status >= 400 || $0.status == 0 } ?? true)
        #expect(try RawHTTP.get("/", port: port).status == 200)

        // A build that fails (no report can be read) keeps the last good site served.
        try Data([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]).write(to: report)  // a PDF dropped in by mistake
        try await Task.sleep(for: .milliseconds(800))
        #expect(try RawHTTP.get(page, port: port).body.contains("金井发布"))

        // A published PDF dropped into content/ shows as a page within seconds (pdftotext takes ~0.1 s).
        let pdf = content.appendingPathComponent("2023/hongze.pdf")
        try fm.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(try DocumentFixture.bytes("hongze-2023.pdf")).write(to: pdf)
        let pdfDeadline = ContinuousClock.now + .seconds(5)
        var shown = false
        while ContinuousClock.now < pdfDeadline, !shown {
            try await Task.sleep(for: .milliseconds(100))
            shown = (try? RawHTTP.get("/reports/huaian-hongze-2023.html", port: port))?.body.contains("淮安市洪泽区") ?? false
        }
        #expect(shown)

        try? fm.removeItem(at: base)
    }
}
