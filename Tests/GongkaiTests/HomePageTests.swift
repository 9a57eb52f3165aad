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
}
