import Foundation
import GongkaiModel
@testable import GongkaiSite
import GongkaiWrite
import Testing

/// The site built from a content folder with a review file beside seed 001 (永和镇 2022).
@Suite("Review files: the built site")
struct ReviewSiteTests {
    static func site(review: String) throws -> TemporarySite {
        let site = try TemporarySite(files: ["2022/jinjiang-yonghe.txt": Fixture.seedYonghe])
        try Data(review.utf8).write(to: site.content.appendingPathComponent(ReviewFixture.path))
        return site
    }

    static let page = "reports/jinjiang-yonghe-2022.html"

    @Test("the report page shows 修订留痕 in the cell and as a list, the dismissal, and each finding's id")
    func reportPage() throws {
        let site = try Self.site(review: ReviewFixture.threeCorrections + ReviewFixture.emailDismissal)
        defer { site.remove() }
        var builder = site.builder()
        builder.cacheDirectory = site.root.appendingPathComponent("cache")
        let summary = try builder.build()
        #expect(summary.reportsRead == 1)
        let html = try site.read(Self.page)
        #expect(html.contains("<h3 id=\"h-revisions\">修订留痕</h3>"))
        #expect(html.contains("表三 · 一、本年新收政府信息公开申请数量 · 总计</span>：原文 <del>0</del> 修订为 <strong>1</strong>"))
        #expect(html.contains("理由：正文称受理申请1条（张三，2026-12-07；审核文件 <code>2022/jinjiang-yonghe.review.yaml:2</code>）"))
        #expect(html.components(separatedBy: "class=\"revised\"").count - 1 == 3)
        #expect(html.contains("><del>0</del> 1</td>"))
        #expect(html.contains("<span class=\"badge dismissed\">已核实为误报</span>"))
        #expect(html.contains("已核实为误报：已核实该镇未设公开邮箱（李四，2026-12-08）"))
        #expect(html.contains("<code class=\"finding-id\" title=\"问题编号：填入审核文件 dismissals 的 finding\">917d2339</code>"))
        // The review file is not a report and is not published.
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("2022/jinjiang-yonghe.review.yaml").path))
        let files = FileManager.default.enumerator(atPath: site.output.path)?.allObjects as? [String] ?? []
        #expect(!files.contains { $0.hasSuffix(".yaml") })
        let json = try site.read("data/reports.json")
        #expect(json.contains(#""revisions":[{"cell":"applications.newReceived.total","corrected":"1","date":"2026-12-07","printed":"0","reason":"正文称受理申请1条","reviewFile":"2022/jinjiang-yonghe.review.yaml","reviewLine":2,"who":"张三"}"#))
        #expect(json.contains(#""dismissal":{"date":"2026-12-08","reason":"已核实该镇未设公开邮箱","reviewLine":21,"who":"李四"}"#))
    }

    @Test("an edit of the review file alone rebuilds the report: its page and score change")
    func editRebuilds() throws {
        let site = try Self.site(review: "corrections:\n")
        defer { site.remove() }
        var builder = site.builder()
        builder.cacheDirectory = site.root.appendingPathComponent("cache")
        _ = try builder.build()
        #expect(try site.read(Self.page).contains("<strong>81.3</strong>"))
        try Data(ReviewFixture.threeCorrections.utf8).write(to: site.content.appendingPathComponent(ReviewFixture.path))
        let summary = try builder.build()
        #expect(summary.cacheHits == 1)
        let html = try site.read(Self.page)
        #expect(html.contains("<strong>86.3</strong>"))
        #expect(html.contains("修订留痕"))
        // Removing it undoes the corrections, though the report comes from the cache corrected.
        try FileManager.default.removeItem(at: site.content.appendingPathComponent(ReviewFixture.path))
        _ = try builder.build()
        #expect(try site.read(Self.page).contains("<strong>81.3</strong>"))
        #expect(!(try site.read(Self.page)).contains("修订留痕"))
    }

    @Test("a review file with no report beside it is a warning naming it; stale entries are printed by the build")
    func orphanAndStale() throws {
        let site = try Self.site(review: "corrections:\n" + ReviewFixture.correction("applications.newReceived.total", printed: "7"))
        defer { site.remove() }
        try Data("corrections:\n".utf8).write(to: site.content.appendingPathComponent("2022/gone.review.yaml"))
        let summary = try site.builder().build()
        #expect(summary.reportsRead == 1)
        #expect(summary.notes.contains("2022/gone.review.yaml: warning: a review file with no report beside it (a report named 2022/gone.txt, .md, .pdf…); it is not applied"))
        #expect(summary.notes.contains { $0.hasPrefix("2022/jinjiang-yonghe.review.yaml:2: warning: correction of ") && $0.contains("printed as 7, but the report now reads 0") })
    }
}
