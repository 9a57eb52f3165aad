import Foundation
import GongkaiSite
import Testing

@Suite struct HomePageTests {
    /// The real reports: the latest year is 2024 with one report, 上海市科委's, which has errors.
    @Test func theLatestYearAtAGlance() throws {
        let site = try SiteBuilder(contentDirectory: Fixture.realDirectory, themeDirectory: nil, outputDirectory: URL(fileURLWithPath: "/nonexistent")).generate()
        let home = String(decoding: try #require(site.files["index.html"]), as: UTF8.self)
        let glance = try #require(home.range(of: "2024年概览")).upperBound
        let section = String(home[glance...].prefix(2500))
        #expect(section.contains("平均完整性得分") && section.contains("得分最低的报告") && section.contains("有错误的报告"))
        #expect(section.contains(#"<span class="stat-value">1</span><span class="stat-label">份2024年报告"#))
        #expect(section.contains("reports/shanghai-kewei-2024.html"))
    }

    /// The two seeds are whole reports: the home page has no 文本不完整 line (it once said
    /// "0 份报告的文本不完整"); with a fragment beside them it says 1.
    @Test func theIncompleteLineOnlyWhenThereIsAnIncompleteText() throws {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: content) }
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for name in [Fixture.seedJinjing, Fixture.seedYonghe] {
            try FileManager.default.copyItem(at: Fixture.url(name), to: content.appendingPathComponent(name))
        }
        func home() throws -> String {
            let site = try SiteBuilder(contentDirectory: content, themeDirectory: nil, outputDirectory: URL(fileURLWithPath: "/nonexistent")).generate()
            return String(decoding: try #require(site.files["index.html"]), as: UTF8.self)
        }
        #expect(try !home().contains("份报告的文本不完整"))
        try FileManager.default.copyItem(at: Fixture.url("fragment-taojiang-audit-2020.txt"),
                                         to: content.appendingPathComponent("fragment-taojiang-audit-2020.txt"))
        #expect(try home().contains("</span> 1 份报告的文本不完整"))
    }
}
