import Foundation
import GongkaiCheck
import GongkaiModel
import Testing
@testable import GongkaiSite

/// The home page's dashboard against values read by hand from the real tables
/// (../shared/reports/README.md, "Values read by hand"), not from what the parser gives.
@Suite struct HomeDashboardTests {
    /// 平潭 2021 against 2020 (表三 总计 column): 新收 70 / 21, 上年结转 0 / 0, 予以公开 30 / 7,
    /// 部分公开 5 / 6, 不予公开 0+0+0+0+1+0+6+1 = 8 / 0, 无法提供 25+0+0 = 25 / 4+0+3 = 7,
    /// （七）总计 69 / 21, 结转 1 / 0. 2020 is printed unbalanced: its sums are shown as printed,
    /// its rates over （七）总计 are unknown.
    static func pingtan(roster: [SiteConfig.RosterEntry] = []) throws -> ThemeContext.Dashboard {
        let r2020 = try RateTests.checked(Fixture.pingtan2020)
        let r2021 = try RateTests.checked(Fixture.pingtan2021, previous: r2020)
        var config = SiteConfig()
        config.roster = roster
        return try #require(Dashboard(model: SiteModel(reports: [r2020, r2021], config: config)).context())
    }

    @Test func totalsOfTheLatestYearAgainstTheYearBefore() throws {
        let dashboard = try Self.pingtan()
        #expect(dashboard.label == "2021年" && dashboard.previousLabel == "2020年")
        let totals = Dictionary(uniqueKeysWithValues: dashboard.totals.map { ($0.label, [$0.value, $0.previous, $0.change]) })
        #expect(totals["本年新收申请"] == ["70", "21", "+49"])
        #expect(totals["上年结转申请"] == ["0", "0", "0"])
        #expect(totals["予以公开"] == ["30", "7", "+23"])
        #expect(totals["部分公开"] == ["5", "6", "−1"])
        #expect(totals["不予公开"] == ["8", "0", "+8"])
        #expect(totals["无法提供"] == ["25", "7", "+18"])
        #expect(totals["办理结果总计"] == ["69", "21", "+48"])
        #expect(totals["结转下年度办理"] == ["1", "0", "+1"])
    }

    /// 2021: 公开率 35/69, 不予公开率 8/69, 无法提供率 25/69, 复议 0/3, 诉讼 0/12, 同比 (70−21)/21,
    /// 结转率 1/70; 2020: unknown over its contested 总计, 表四 all 0 (—), 结转率 0/21.
    @Test func ratesAgainstTheYearBefore() throws {
        let rates = Dictionary(uniqueKeysWithValues: try Self.pingtan().rates.map { ($0.id, [$0.value, $0.previous]) })
        #expect(rates["disclosure"] == ["50.7%", "无法计算"])
        #expect(rates["refusal"] == ["11.6%", "无法计算"])
        #expect(rates["unable"] == ["36.2%", "无法计算"])
        #expect(rates["reconsiderationCorrection"] == ["0.0%", "—"])
        #expect(rates["lawsuitCorrection"] == ["0.0%", "—"])
        #expect(rates["applicationsChange"] == ["+233.3%", "—"])
        #expect(rates["carryForward"] == ["1.4%", "0.0%"])
    }

    @Test func reportersAgainstTheRoster() throws {
        let roster = [SiteConfig.RosterEntry(name: "平潭综合实验区管理委员会", aliases: ["平潭综合实验区"]),
                      SiteConfig.RosterEntry(name: "晋江市金井镇人民政府")]
        let dashboard = try Self.pingtan(roster: roster)
        #expect(dashboard.hasRoster && dashboard.reported == 1 && dashboard.rosterCount == 2)
        #expect(dashboard.unreported == ["晋江市金井镇人民政府"])
        #expect(try !Self.pingtan().hasRoster)
    }

    /// 新收 rose from 21 to 70 for the same body; the list links to the body's page.
    @Test func largestChangeOfApplications() throws {
        let dashboard = try Self.pingtan()
        let up = try #require(dashboard.changes.first { $0.title == "新收申请增加最多" })
        #expect(up.items.count == 1)
        #expect(up.items.first.map { [$0.before, $0.after, $0.delta] } == ["21", "70", "+49"])
        #expect(up.items.first?.href.hasPrefix("bodies/") == true)
        #expect(dashboard.changes.first { $0.title == "新收申请减少最多" }?.items.isEmpty == true)
    }

    /// The most frequent open findings of 2021 are counted by rule; a dismissed one is not counted.
    @Test func findingsCountOpenOnesByRule() throws {
        let r2021 = try RateTests.checked(Fixture.pingtan2021)
        let open = r2021.findings.filter(\.isOpen).count
        let rules = Set(r2021.findings.filter(\.isOpen).map(\.rule))
        let listed = Dashboard.frequent([r2021])
        #expect(listed.count == min(rules.count, Dashboard.findingsShown))
        if rules.count <= Dashboard.findingsShown { #expect(listed.reduce(0) { $0 + $1.count } == open) }
        #expect(listed.allSatisfy { $0.reports == 1 })
        var dismissed = r2021
        for index in dismissed.findings.indices { dismissed.findings[index].dismissal = Dismissal(reason: "误报", who: "审核", date: "2026-12-07") }
        #expect(Dashboard.frequent([dismissed]).isEmpty)
    }

    /// The dev corpus (Fixtures/real and Fixtures/devcorpus): the latest year, 2025, has one report,
    /// 太平镇's fragment, which prints no 表三 (its text says it received no application): every
    /// total is "at least 0", never a plain 0. 2024: 上海市科委 新收 34, 予以公开 9, 结转 blank; the
    /// 龙岗 fragment's 表三 begins 新收 66, 上年结转 2, 予以公开 3, 部分公开 17 and breaks off; 武汉's
    /// fragment has no 表三. So 新收 at least 34 + 66 = 100, and no change is claimed.
    @Test func devCorpusLatestYearWithoutTables() throws {
        let site = try DevCorpusIdentityTests.corpus.get().site
        let home = String(decoding: try #require(site.files["index.html"]), as: UTF8.self)
        let dashboard = try #require(home.range(of: "2025年总览")).upperBound
        let section = String(home[dashboard...].prefix(8000))
        #expect(section.contains("与2024年对比"))
        #expect(section.contains(#"<th scope="row">本年新收申请</th><td>至少0</td><td>至少100</td><td class="">—</td>"#))
        #expect(section.contains(#"<th scope="row">予以公开</th><td>至少0</td><td>至少12</td><td class="">—</td>"#))
        #expect(section.contains(#"<th scope="row">结转下年度办理</th><td>至少0</td><td>至少0</td>"#))
        #expect(section.contains("findings/2025.html") && section.contains("rates.html#h-disclosure"))
    }
}
