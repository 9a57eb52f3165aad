import Foundation
import Testing
@testable import GongkaiSite
@testable import GongkaiWrite

@Suite struct WriteTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func inode(_ url: URL) throws -> UInt64? {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    @Test func failedBuildLeavesThePreviousOutput() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        _ = try site.builder().build()
        let before = try site.read("index.html")
        let theme = site.root.appendingPathComponent("broken-theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "{{#unclosed}}".write(to: theme.appendingPathComponent("index.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try site.builder(theme: theme).build() }
        #expect(try site.read("index.html") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public") }
        #expect(leftovers.isEmpty)
    }

    @Test func nothingReadableLeavesThePreviousOutput() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        _ = try site.builder().build()
        let before = try site.read("index.html")
        let empty = site.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data([0x00, 0x01, 0xFF]).write(to: empty.appendingPathComponent("scan.txt"))
        let summary = try SiteBuilder(contentDirectory: empty, themeDirectory: nil, outputDirectory: site.output).build()
        #expect(summary.reportsRead == 0 && summary.skipped.count == 1 && summary.pagesWritten == 0)
        #expect(try site.read("index.html") == before)
        let missing = SiteBuilder(contentDirectory: site.root.appendingPathComponent("typo"), themeDirectory: nil, outputDirectory: site.output)
        #expect(throws: SiteError.self) { try missing.build() }
        #expect(try site.read("index.html") == before)
    }

    @Test func pathsLeavingTheOutputAreRefusedBeforeAnythingIsWritten() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        _ = try OutputWriter.write(["index.html": Array("旧".utf8)], to: output)
        for path in ["../escape.html", "/tmp/escape.html", "a/../../escape.html", ""] {
            #expect(throws: WriteError.self) { try OutputWriter.write(["index.html": Array("新".utf8), path: [1]], to: output) }
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "旧")
    }

    @Test func piecesCopyRangesOfTheOldFileBetweenNewBytes() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        // A megabyte and a half, so that the copy crosses the fallback's buffer size.
        let old = Array(repeating: Array("永和镇,".utf8), count: 150_000).flatMap { $0 }
        _ = try OutputWriter.write(["data/reports.json": old], to: output)
        let file = output.appendingPathComponent("data/reports.json").path
        let staged = try StagedOutput(output: output)
        try staged.put("data/reports.json", pieces: { emit in
            try emit(.bytes(Array("[".utf8)))
            try emit(.copy(file: file, range: 10..<1_200_010))
            try emit(.bytes(Array("金井镇".utf8)))
            try emit(.copy(file: file, range: 0..<10))
        })
        _ = try staged.commit()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        var expected: [UInt8] = Array("[".utf8)
        expected += old[10..<1_200_010]
        expected += Array("金井镇".utf8)
        expected += old[0..<10]
        #expect(written.count == 1 + 1_200_000 + 9 + 10)
        #expect(written == expected)
    }

    @Test func unchangedFilesAreLeftAloneAndStaleFilesRemoved() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let first = try OutputWriter.write(["a.html": Array("甲".utf8), "assets/style.css": Array("body{}".utf8), "old.html": [1]], to: output)
        #expect(first.written == 3)
        let styleInode = try inode(output.appendingPathComponent("assets/style.css"))
        let second = try OutputWriter.write(["a.html": Array("乙".utf8), "assets/style.css": Array("body{}".utf8)], to: output)
        #expect(second.written == 1 && second.unchanged == 1)
        #expect(try inode(output.appendingPathComponent("assets/style.css")) == styleInode)
        #expect(try String(contentsOf: output.appendingPathComponent("a.html"), encoding: .utf8) == "乙")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func whatAKilledBuildLeftIsRecoveredOrCleared() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        // Killed between the two renames of the swap: the old site sits in .public.old-<dead pid>.
        let retired = root.appendingPathComponent(".public.old-999999")
        try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true)
        try Data("旧".utf8).write(to: retired.appendingPathComponent("index.html"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".public.staging-999998"), withIntermediateDirectories: true)
        OutputWriter.recoverFromKilledBuilds(of: output)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "旧")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func rebuildingUnchangedContentRewritesNothing() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        _ = try site.builder().build()
        let paths = ["index.html", "data/reports.json", "assets/search-index.js", "feed.xml"]
        let before = try paths.map { try inode(site.output.appendingPathComponent($0)) }
        let second = try site.builder().build()
        #expect(second.unchangedFiles == second.filesWritten)
        #expect(try paths.map { try inode(site.output.appendingPathComponent($0)) } == before)
    }

    /// The new site is staged inside a folder marked as a top of hierarchy (see FolderPlacement),
    /// on filesystems that take the request — probed first, since CI may run on one that does not;
    /// the mark stays on that folder, which goes with the commit, never on the output.
    @Test func theStagingFolderIsPlacedAwayFromTheOldSite() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        let probe = site.root.appendingPathComponent("probe")
        try FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        let supported = FolderPlacement.spreadSubfolders(of: probe.path)
        for _ in 0..<2 {
            let staged = try StagedOutput(output: site.output)
            #expect(staged.staging.deletingLastPathComponent().path == staged.holder.path)
            #expect(staged.holder.lastPathComponent == ".public.staging-\(ProcessInfo.processInfo.processIdentifier)")
            let flags = FolderPlacement.flags(of: staged.holder.path)
            #expect(flags.map { $0 & FolderPlacement.topDirectoryFlag != 0 } == (supported ? true : flags.map { _ in false }))
            try staged.put("reports/a.html", Array("<p>金井镇</p>".utf8))
            _ = try staged.commit()
            #expect(try site.read("reports/a.html") == "<p>金井镇</p>")
            #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public") }.isEmpty)
            #expect(FolderPlacement.flags(of: site.output.path).map { $0 & FolderPlacement.topDirectoryFlag == 0 } ?? true)
        }
    }

    @Test func parseCacheServesUnchangedFiles() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        var builder = site.builder()
        builder.cacheDirectory = site.root.appendingPathComponent("cache")
        let first = try builder.build()
        let second = try builder.build()
        let before = try site.read("index.html")
        #expect(first.cacheHits == 0 && second.cacheHits == 2)
        // Cached reports give the same site, full text included (the cache holds no text).
        #expect(second.unchangedFiles == second.filesWritten)
        #expect(try site.read("index.html") == before)
        #expect(second.reportsRead == 2)
    }

    @Test func outputThatIsAFileIsNotReplaced() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        try "不是文件夹".write(to: output, atomically: true, encoding: .utf8)
        #expect(throws: WriteError.self) { try OutputWriter.write(["index.html": [1]], to: output) }
        #expect(try String(contentsOf: output, encoding: .utf8) == "不是文件夹")
    }

    @Test func linkCheckerFindsBrokenAndOutsideLinks() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = """
            <a href="b.html">ok</a><a href="missing.html">x</a><a href="b.html#L3">ok</a><a href="b.html#L9">x</a>
            <a href="http://www.jinjiang.gov.cn/">ok</a><script src="https://cdn.example.com/x.js"></script><a href="/abs.html">x</a>
            """
        _ = try OutputWriter.write(["a.html": Array(page.utf8), "b.html": Array(#"<p id="L3">三</p>"#.utf8)], to: root.appendingPathComponent("site"))
        let problems = LinkChecker.problems(inSiteAt: root.appendingPathComponent("site"))
        #expect(Set(problems.map(\.link)) == ["missing.html", "b.html#L9", "https://cdn.example.com/x.js", "/abs.html"])
    }
}
