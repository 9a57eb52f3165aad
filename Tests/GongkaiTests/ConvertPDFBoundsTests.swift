import Foundation
import GongkaiLoad
import Testing
@testable import GongkaiConvert
@testable import GongkaiSite

/// A scanned PDF is measured with pdfinfo before any page is rendered: too many pages or a page
/// too large to render is refused with a message; every tool shares one time limit; scratch files
/// live under the cache folder and are removed on every way out; a tool's failure or a scan with
/// nothing read skips the file with the reason, never an empty report.
@Suite struct ConvertPDFBoundsTests {
    /// A hand-written PDF of `pages` blank pages of `points` × `points` (no text layer: read as a scan).
    static func blankPDF(pages: Int, points: Int) -> [UInt8] {
        let kids = (0 ..< pages).map { "\($0 + 3) 0 R" }.joined(separator: " ")
        var text = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[\(kids)]/Count \(pages)>>endobj\n"
        for page in 0 ..< pages {
            text += "\(page + 3) 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 \(points) \(points)]>>endobj\n"
        }
        return Array((text + "trailer<</Root 1 0 R>>\n%%EOF\n").utf8)
    }

    /// Loads `bytes` as content/2023/x.pdf through a converted-text cache, as the site does; returns
    /// the error and what was left in the cache's scratch folder.
    static func load(_ bytes: [UInt8]) throws -> (error: LoadError?, leftovers: [String]) {
        let folder = try ConvertPipelineTests.Folder([:], extra: ["2023/x.pdf": bytes])
        defer { folder.remove() }
        let cache = ConvertedTextCache(directory: folder.cache)
        let error = #expect(throws: LoadError.self) {
            try ReportFileLoader.load(fileAt: folder.content.appendingPathComponent("2023/x.pdf"), path: "2023/x.pdf", cache: cache)
        }
        #expect(error?.path == "2023/x.pdf")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: cache.scratchDirectory.path)) ?? []
        return (error, leftovers)
    }

    @Test func aPageOf140InchesIsRefusedBeforeRendering() throws {
        let (error, leftovers) = try Self.load(Self.blankPDF(pages: 1, points: 140 * 72))
        #expect(error?.message == "page 1 is 140 × 140 inches: at 300 dpi it would be 1764 million pixels, more than the 36 million a scanned page is rendered at (A4 is 8.7); not read")
        #expect(leftovers.isEmpty)
    }

    /// At 200 inches pdftoppm itself failed, its error was hidden, and an empty report was published.
    @Test func aPageOf200InchesIsRefusedToo() throws {
        let (error, _) = try Self.load(Self.blankPDF(pages: 1, points: 200 * 72))
        #expect(error?.message.hasPrefix("page 1 is 200 × 200 inches: at 300 dpi it would be 3600 million pixels") == true)
    }

    @Test func fiveHundredPagesAreRefusedBeforeRendering() throws {
        let (error, leftovers) = try Self.load(Self.blankPDF(pages: 500, points: 595))
        #expect(error?.message == "the scanned PDF has 500 pages, more than the 50 OCR reads (a report is a few pages); not read")
        #expect(leftovers.isEmpty)
    }

    @Test func aBlankScanIsSkippedNotPublishedEmpty() throws {
        let (error, leftovers) = try Self.load(Self.blankPDF(pages: 1, points: 595))
        #expect(error?.message == "no text was read on the scanned page (blank?); nothing to publish")
        #expect(leftovers.isEmpty)
    }

    /// One time limit for all the tools of a file: here 1 s, less than one page of OCR takes.
    @Test func theTimeLimitStopsTheToolsAndRemovesTheScratchFiles() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bounds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let error = #expect(throws: ConversionError.self) {
            try ToolBudget.within(parent, seconds: 1, path: "scans/x.pdf") { budget throws(ConversionError) in
                try ScannedPDFReader.read(pdfAt: OCRScan.hongze.url, path: "scans/x.pdf", tools: .onPath(), settings: .standard, budget: budget)
            }
        }
        #expect(error?.message.hasPrefix("reading it took longer than 1 s (all its tools together; stopped in ") == true, "\(error?.message ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    /// pdftoppm's own message is shown when it cannot render a page.
    @Test func aRendererFailureSaysWhy() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bounds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let noise = parent.appendingPathComponent("noise.pdf")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try Data(try DocumentFixture.bytes("hongze-2023.pdf").suffix(3_000)).write(to: noise)
        let pdftoppm = try #require(OCRTools.onPath().pdftoppm)
        let error = #expect(throws: ConversionError.self) {
            try ToolBudget.within(parent, path: "noise.pdf") { budget throws(ConversionError) in
                try PageRenderer(executable: pdftoppm, dpi: 300).render(noise, page: 1, into: budget.scratch, path: "noise.pdf", budget: budget)
            }
        }
        #expect(error?.message.hasPrefix("pdftoppm could not render page 1 (Syntax Error") == true, "\(error?.message ?? "")")
    }

    /// A site with a scan that cannot be read skips it by name (exit 1) and publishes the others.
    @Test func theSiteSkipsAnOversizedScanByName() throws {
        let folder = try ConvertPipelineTests.Folder(["2022/jinjing.docx": "jinjing.docx"], extra: ["2023/huge.pdf": Self.blankPDF(pages: 1, points: 140 * 72)])
        defer { folder.remove() }
        let site = try SiteBuilder(contentDirectory: folder.content, themeDirectory: nil, outputDirectory: folder.root.appendingPathComponent("public")).generate()
        #expect(site.summary.reportsRead == 1)
        #expect(site.summary.skipped == ["2023/huge.pdf: error: page 1 is 140 × 140 inches: at 300 dpi it would be 1764 million pixels, more than the 36 million a scanned page is rendered at (A4 is 8.7); not read"])
    }

    /// A build killed while a tool ran leaves its scratch folder: the next build's prune removes it
    /// once it is older than any conversion can run, and leaves a fresh one (another build's) alone.
    @Test func scratchLeftByAKilledBuildIsRemovedLater() throws {
        let folder = try ConvertPipelineTests.Folder([:])
        defer { folder.remove() }
        let cache = ConvertedTextCache(directory: folder.cache)
        let old = cache.scratchDirectory.appendingPathComponent("gongkai-old"), fresh = cache.scratchDirectory.appendingPathComponent("gongkai-fresh")
        for scratch in [old, fresh] {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data(repeating: 0, count: 1000).write(to: scratch.appendingPathComponent("page-1.pgm"))
        }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: old.path)
        cache.prune(currentFiles: [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.scratchDirectory.path) == ["gongkai-fresh"])
    }

    @Test func pdfinfoPageSizesAreParsed() {
        let text = "Pages:           2\nPage    1 size:  595.276 x 841.89 pts (A4)\nPage    1 rot:   0\nPage    2 size:  10080 x 720 pts\n"
        #expect(PageSizes.pageCount(text) == 2)
        #expect(PageSizes.sizes(text).map { [$0.width, $0.height] } == [[595.276, 841.89], [10080, 720]])
    }
}
