import Foundation
import GongkaiCheck
import Testing
@testable import GongkaiSite

/// A planted copy across years through the whole build: the seed 金井镇 2022 published again as
/// its 2023 report with only the year changed. Every measured section repeats last year's wholly
/// (digits are not compared), so each carries `text.copied`, the report page links to the page
/// that sets the two years side by side, and every repeated passage is in <mark>.
@Suite struct SiteCopiedPageTests {
    @Test func plantedCopyAcrossYearsInTheSite() throws {
        let site = try TemporarySite(files: ["2022/jinjing.txt": Fixture.seedJinjing])
        defer { site.remove() }
        let copy = Fixture.text(Fixture.seedJinjing).replacingOccurrences(of: "2022", with: "2023")
        try FileManager.default.createDirectory(at: site.content.appendingPathComponent("2023"), withIntermediateDirectories: true)
        try Data(copy.utf8).write(to: site.content.appendingPathComponent("2023/jinjing.txt"))
        _ = try site.builder().build()
        let reports = try JSONSerialization.jsonObject(with: Data(try site.read("data/reports.json").utf8)) as? [[String: Any]] ?? []
        let later = try #require(reports.first { $0["year"] as? Int == 2023 })
        let earlier = try #require(reports.first { $0["year"] as? Int == 2022 })
        let id = try #require(later["id"] as? String)
        let copied = (later["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == CopiedTextRule.rule }
        #expect(!copied.isEmpty)
        #expect(copied.allSatisfy { ($0["messageZh"] as? String)?.contains("本部分文字有100%与本机关2022年报告（2022/jinjing.txt）相同") == true })
        #expect(!(earlier["findings"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == CopiedTextRule.rule })
        let page = try site.read("reports/\(id).html")
        #expect(page.contains("href=\"../reports/\(id)-copied.html\""))
        let side = try site.read("reports/\(id)-copied.html")
        #expect(side.components(separatedBy: "<section class=\"copied-section\"").count - 1 == copied.count)
        #expect(side.contains("本部分文字有100.0%与上年相同") && side.contains("<mark>"))
        let earlierID = try #require(earlier["id"] as? String)
        #expect(side.contains("href=\"../reports/\(earlierID).html\""))
    }
}
