import Foundation
import Testing
import GongkaiModel
@testable import GongkaiSite
import GongkaiWrite

/// Pages across years and bodies, from 平潭综合实验区's 2021 and 2023 reports, 表三's 总计 column
/// and 表四 as read by hand (Fixtures/real/README.md).
@Suite struct SiteComparisonTests {
    static let totals2021: [Double] = [70, 0, 30, 5, 0, 0, 0, 0, 1, 0, 6, 1, 25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 69, 1]
    static let totals2023: [Double] = [81, 0, 22, 20, 0, 0, 0, 1, 0, 1, 1, 2, 31, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 81, 0]
    static let reviews2021: [Double] = [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]
    static let reviews2023: [Double] = [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]

    static func pingtan(year: Int, totals: [Double], reviews: [Double], fixture: String) -> Report {
        var applications = ApplicationTable(otherHandling: .threeRows)
        for (row, value) in zip(ApplicationRow.order(for: .threeRows), totals) { applications[row, .total] = .number(value) }
        var review = ReviewTable()
        for (index, value) in reviews.enumerated() {
            review[ReviewGroup.allCases[index / 5], ReviewColumn.allCases[index % 5]] = .number(value)
        }
        var report = Report(id: "pingtan-\(year)", source: "\(year)/pingtan.txt", format: .f2021, body: "平潭综合实验区管理委员会",
                            year: year, tables: Tables(applications: applications, reviews: review), text: Fixture.text(fixture))
        report.findings = [Finding(rule: "test.rule", severity: .warning, message: "表三 · 自然人列无法识别", messageZh: "表三 · 自然人列无法识别", line: 9, cells: [])]
        return report
    }

    static func site() throws -> GeneratedSite {
        let reports = [pingtan(year: 2021, totals: totals2021, reviews: reviews2021, fixture: Fixture.pingtan2021),
                       pingtan(year: 2023, totals: totals2023, reviews: reviews2023, fixture: Fixture.pingtan2023)]
        let builder = SiteBuilder(contentDirectory: URL(fileURLWithPath: "/nonexistent"), themeDirectory: nil, outputDirectory: URL(fileURLWithPath: "/nonexistent"))
        return try builder.assemble(reports: reports, theme: try Theme.load(overridesIn: nil))
    }

    static func text(_ site: GeneratedSite, _ path: String) -> String { String(decoding: site.files[path] ?? [], as: UTF8.self) }

    @Test func bodyPageComparesYearsWithChangeColumnAndCharts() throws {
        let site = try Self.site()
        let html = Self.text(site, "bodies/pingtan.html")
        // 本年新收申请 70 → 81; 行政诉讼 12 + 0 → 5 + 2.
        #expect(html.contains(#"<th scope="row">本年新收申请</th><td data-sort="70">70</td><td data-sort="81">81</td><td class="up" data-sort="11">+11</td>"#))
        #expect(html.contains(#"<th scope="row">行政诉讼（总计）</th><td data-sort="12">12</td><td data-sort="7">7</td><td class="down" data-sort="-5">-5</td>"#))
        let csv = Self.text(site, "bodies/pingtan.csv")
        #expect(csv.contains("本年新收申请,70,81,+11"))
        // 2022 is missing, so the change is against 2021, said so.
        #expect(html.contains(#"<th scope="col">较2021年增减</th>"#))
        #expect(html.contains("<svg class=\"bar-chart\""))
        // 主动公开 is unknown in both years: no chart of question marks.
        #expect(!html.contains("主动公开信息数（条）（数据见上表）"))
        #expect(html.contains("<desc id=\"chart-"))
        #expect(html.contains("本年新收申请：2021年 70，2023年 81"))
    }

    @Test func yearComparisonAndCSVHoldTheKeyFigures() throws {
        let site = try Self.site()
        let html = Self.text(site, "years/2023.html")
        #expect(html.contains(#"<table id="compare-2023" class="data sortable">"#))
        #expect(html.contains(#"href="../years/2023.csv""#))
        let csv = Self.text(site, "years/2023.csv")
        // 主动公开 unknown (empty), 新收 81, 结转 0, （一）22, （二）20, （三）sum of its eight rows 5.
        let row = csv.components(separatedBy: "\r\n").first { $0.hasPrefix("平潭综合实验区管理委员会,") }?.components(separatedBy: ",") ?? []
        #expect(Array(row.dropFirst(3).prefix(6)) == ["", "81", "0", "22", "20", "5"], "\(row)")
        #expect(csv.contains("机关,完整性得分,勾稽错误（项）,主动公开信息数（条）,本年新收申请"))
    }

    @Test func findingsPageLinksToTheLineOfTheReport() throws {
        let site = try Self.site()
        let html = Self.text(site, "findings/2021.html")
        #expect(html.contains(#"<a href="../reports/pingtan-2021.html#L9">第9行</a>"#))
    }

    @Test func everyInternalLinkOfTheMultiYearSiteResolves() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try OutputWriter.write(try Self.site().files, to: root)
        let problems = LinkChecker.problems(inSiteAt: root)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }
}
