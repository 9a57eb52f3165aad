import Foundation
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import Testing
@testable import GongkaiServe
@testable import GongkaiSite

/// PDF, Word and web pages in content/: read by the site, cached, and listed when they fail.
@Suite struct ConvertPipelineTests {
    static let blankPDF = """
        %PDF-1.4
        1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
        2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
        3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj
        trailer<</Root 1 0 R>>
        %%EOF
        """

    /// A temporary content folder with the given documents (fixture name → path under content/).
    struct Folder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-convert-\(UUID().uuidString)")
        var content: URL { root.appendingPathComponent("content") }
        var cache: URL { root.appendingPathComponent("cache/converted") }

        init(_ documents: [String: String], extra: [String: [UInt8]] = [:]) throws {
            for (path, name) in documents { try write(try DocumentFixture.bytes(name), to: path) }
            for (path, bytes) in extra { try write(bytes, to: path) }
        }

        func write(_ bytes: [UInt8], to path: String) throws {
            let target = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: target)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func siteReadsDocumentsAndListsFailures() throws {
        let folder = try Folder(
            ["2023/hongze.pdf": "hongze-2023.pdf", "2022/jinjing.docx": "jinjing.docx", "2022/yonghe.htm": "yonghe-page-gbk.htm"],
            extra: ["2022/scan.pdf": Array(Self.blankPDF.utf8), "2022/broken.docx": Array("PK not really a zip".utf8), "2022/~$jinjing.docx": [0x50, 0x4B]])
        defer { folder.remove() }
        let files = try ReportPipeline.contentFiles(in: folder.content).map(\.lastPathComponent)
        #expect(files == ["broken.docx", "jinjing.docx", "scan.pdf", "yonghe.htm", "hongze.pdf"])  // not Word's ~$ owner file

        let site = try SiteBuilder(contentDirectory: folder.content, themeDirectory: nil, outputDirectory: folder.root.appendingPathComponent("public")).generate()
        // The blank "scan" has no text layer: it goes to OCR, which reads nothing, and it is skipped.
        #expect(site.summary.reportsRead == 3)
        #expect(site.summary.skipped == [
            "2022/broken.docx: error: not a readable Word .docx file: the ZIP archive is damaged",
            "2022/scan.pdf: error: no text was read on the scanned page (blank?); nothing to publish",
        ])
        let pages = site.files.filter { $0.key.hasPrefix("reports/") && $0.key.hasSuffix(".html") }
        #expect(pages.values.contains { String(decoding: $0, as: UTF8.self).contains("洪泽区") })
        #expect(pages.values.contains { String(decoding: $0, as: UTF8.self).contains("锦石街27号") })
    }

    /// A conversion's remarks reach the report as notes; a converted file keeps the load limits.
    @Test func conversionNotesBecomeDiagnostics() throws {
        let report = try DocumentFixture.report("hongze-page.html")
        #expect(report.diagnostics.contains { $0.code == "convert.note" && $0.message.contains("declares charset gb2312") })
        let huge = Array("<html><body><p>".utf8) + Array(repeating: UInt8(ascii: "x"), count: LoadLimits.maxTextBytes)
        let folder = try Folder([:], extra: ["huge.html": huge])
        defer { folder.remove() }
        let error = #expect(throws: LoadError.self) { try ReportFileLoader.load(fileAt: folder.content.appendingPathComponent("huge.html"), path: "huge.html") }
        #expect(error?.message.hasPrefix("the web page is 16 MB") == true)
    }

    @Test func secondLoadHitsTheConversionCache() throws {
        let folder = try Folder(["a/hongze.pdf": "hongze-2023.pdf", "a/yonghe.docx": "yonghe.docx", "a/jinjing.html": "jinjing-page.html"])
        defer { folder.remove() }
        let files = try ReportPipeline.contentFiles(in: folder.content)
        let first = ConvertedTextCache(directory: folder.cache)
        let built = ReportPipeline.reports(from: files, root: folder.content, config: SiteConfig(), cache: ParseCache(directory: nil), converted: first)
        #expect(first.hits == 0 && first.misses == 3)
        let second = ConvertedTextCache(directory: folder.cache)
        let rebuilt = ReportPipeline.reports(from: files, root: folder.content, config: SiteConfig(), cache: ParseCache(directory: nil), converted: second)
        #expect(second.hits == 3 && second.misses == 0)
        #expect(rebuilt.reports == built.reports)
        #expect(rebuilt.reports.compactMap(\.conversion?.original).sorted() == ["a/hongze.pdf", "a/jinjing.html", "a/yonghe.docx"])
    }

    /// Three documents converted; then the Word file is deleted, the web page replaced by the
    /// PDF's bytes and the PDF not read at all (as an incremental build skips an unchanged file).
    @Test func pruneDropsTheEntriesOfFilesGoneOrChanged() throws {
        let folder = try Folder(["a/hongze.pdf": "hongze-2023.pdf", "a/yonghe.docx": "yonghe.docx", "a/jinjing.html": "jinjing-page.html"])
        defer { folder.remove() }
        _ = ReportPipeline.reports(
            from: try ReportPipeline.contentFiles(in: folder.content), root: folder.content, config: SiteConfig(),
            cache: ParseCache(directory: nil), converted: ConvertedTextCache(directory: folder.cache))
        try Data("kept".utf8).write(to: folder.cache.appendingPathComponent("README"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.cache.path).count == 7)
        try FileManager.default.removeItem(at: folder.content.appendingPathComponent("a/yonghe.docx"))
        let page = folder.content.appendingPathComponent("a/jinjing.html")
        try Data("<html><body><p>一、总体情况</p></body></html>".utf8).write(to: page)
        let second = ConvertedTextCache(directory: folder.cache)
        _ = ReportPipeline.reports(from: [page], root: folder.content, config: SiteConfig(), cache: ParseCache(directory: nil), converted: second)
        #expect(second.misses == 1)
        #expect(second.prune(currentFiles: ["a/hongze.pdf", "a/jinjing.html"]) == 2)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.cache.path))
        let pdf = ConvertedTextCache.key(bytes: try DocumentFixture.bytes("hongze-2023.pdf"), format: .pdf)
        let word = ConvertedTextCache.key(bytes: try DocumentFixture.bytes("yonghe.docx"), format: .docx)
        let oldPage = ConvertedTextCache.key(bytes: try DocumentFixture.bytes("jinjing-page.html"), format: .html)
        #expect(left.count == 5 && left.contains("README") && left.contains(pdf + ".txt") && left.contains(pdf + ".json"))
        #expect(!left.contains(word + ".json") && !left.contains(oldPage + ".json") && !left.contains(oldPage + ".txt"))
    }

    @Test func corruptCacheEntryIsIgnoredAndRewritten() throws {
        let folder = try Folder(["hongze.pdf": "hongze-2023.pdf"])
        defer { folder.remove() }
        let url = folder.content.appendingPathComponent("hongze.pdf")
        let cache = ConvertedTextCache(directory: folder.cache)
        let original = try ReportFileLoader.load(fileAt: url, path: "hongze.pdf", cache: cache)
        let key = ConvertedTextCache.key(bytes: try DocumentFixture.bytes("hongze-2023.pdf"), format: .pdf)
        // A text altered on disk no longer matches its digest; a metadata file cut short does not decode.
        try Data("一、本年新收政府信息公开申请数量 99".utf8).write(to: folder.cache.appendingPathComponent(key + ".txt"))
        #expect(cache.text(for: key, path: "hongze.pdf") == nil)
        let reloaded = try ReportFileLoader.load(fileAt: url, path: "hongze.pdf", cache: cache)
        #expect(reloaded.text == original.text)
        #expect(cache.text(for: key, path: "hongze.pdf")?.text == original.text)
        try Data("{\"version\":".utf8).write(to: folder.cache.appendingPathComponent(key + ".json"))
        #expect(cache.text(for: key, path: "hongze.pdf") == nil)
        #expect(try ReportFileLoader.load(fileAt: url, path: "hongze.pdf", cache: cache).text == Fixture.text(Fixture.hongze))
    }

    @Test(arguments: [
        ("cut.pdf", "not a readable PDF (pdftotext: "),
        ("noise.pdf", "the file is not a PDF (no %PDF- header)"),
        ("cut.docx", "not a readable Word .docx file"),
        ("empty.htm", "the file is empty"),
    ])
    func brokenFileGivesAClearErrorNamingIt(name: String, message: String) throws {
        let pdf = try DocumentFixture.bytes("hongze-2023.pdf"), docx = try DocumentFixture.bytes("yonghe.docx")
        let bytes: [UInt8] = switch name {
        case "cut.pdf": Array(pdf.prefix(30_000))
        case "noise.pdf": Array(pdf.suffix(3_000))
        case "cut.docx": Array(docx.prefix(5_000))
        default: []
        }
        let folder = try Folder([:], extra: ["2022/\(name)": bytes])
        defer { folder.remove() }
        let error = #expect(throws: LoadError.self) {
            try ReportFileLoader.load(fileAt: folder.content.appendingPathComponent("2022/\(name)"), path: "2022/\(name)")
        }
        #expect(error?.path == "2022/\(name)")
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
    }

    /// `gongkai serve` watches content/ by polling: a PDF dropped in is seen and built.
    @Test func droppedPDFIsNoticedAndBuilt() async throws {
        let folder = try Folder(["2022/jinjing.docx": "jinjing.docx"])
        defer { folder.remove() }
        let builder = SiteBuilder(contentDirectory: folder.content, themeDirectory: nil, outputDirectory: folder.root.appendingPathComponent("public"))
        let watcher = ChangeWatcher(paths: [folder.content], interval: .milliseconds(100))
        let before = watcher.snapshot()
        let reportsRead = ReportCount()
        let watching = Task { await watcher.run { reportsRead.set((try? builder.generate().summary.reportsRead) ?? -1) } }
        defer { watching.cancel() }
        try await Task.sleep(for: .milliseconds(300))
        try folder.write(try DocumentFixture.bytes("hongze-2023.pdf"), to: "2023/hongze.pdf")
        #expect(watcher.snapshot().count == before.count + 2)  // the new folder and the PDF
        var waited = 0
        while reportsRead.value != 2, waited < 100 {
            try await Task.sleep(for: .milliseconds(100))
            waited += 1
        }
        #expect(reportsRead.value == 2)
    }

    final class ReportCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func set(_ value: Int) { lock.withLock { count = value } }
    }
}
