import Foundation
import GongkaiCheck
import GongkaiLoad
import GongkaiModel
@testable import GongkaiSite
import Testing

/// The places (issue #21): the hierarchy inferred from the reports' city, county and town, and a
/// page per place and year with the sums of its reports ("至少N" with an unknown cell), its
/// ranking, its open findings and its roster bodies with no report.
@Suite("Places: hierarchy, sums with unknowns, 未报送 per place")
struct SitePlacesTests {
    /// A generated report: a body of a place, with 本年新收 and 主动公开 as its text gives them (nil: unknown).
    static func report(_ id: String, _ body: String, kind: BodyKind, year: Int, city: String? = nil, county: String? = nil,
                       town: String? = nil, received: Double?, proactive: Double? = nil, error: Bool = false) -> Report {
        var report = Report(id: "\(id)-\(year)", source: "\(id)-\(year).txt", body: body, kind: kind, city: city, county: county,
                            town: town, year: year)
        report.figures = Figures(proactiveItems: proactive.map { NarrativeFigure(value: $0, line: 3, excerpt: "") },
                                 applicationsReceived: received.map { NarrativeFigure(value: $0, line: 5, excerpt: "") })
        report.score = CompletenessScore(total: 90, parts: [])
        if error { report.findings = [Finding(rule: "applications.balance", severity: .error, message: "x", messageZh: "勾稽不符", line: 40)] }
        return report
    }

    /// Two cities, a county with two towns and a department, two years; one town's 2023 figure unknown.
    static let corpus: [Report] = [2022, 2023].flatMap { year -> [Report] in [
        report("a-gov", "甲县人民政府", kind: .government, year: year, city: "丙市", county: "甲县", received: 10, proactive: 100),
        report("a-edu", "甲县教育局", kind: .department, year: year, county: "甲县", received: 4, proactive: 20),
        report("a-east", "东镇人民政府", kind: .town, year: year, county: "甲县", town: "东镇人民政府",
               received: year == 2023 ? nil : 2, proactive: 7, error: year == 2023),
        report("a-west", "西镇人民政府", kind: .town, year: year, city: "丙市", county: "甲县", town: "西镇", received: 1),
        report("d-gov", "丁市人民政府", kind: .government, year: year, city: "丁市", received: 50),
        // no place printed: never guessed
        report("x-town", "北镇人民政府", kind: .town, year: year, town: "北镇", received: 3),
    ] }

    static let roster: [SiteConfig.RosterEntry] = [
        .init(name: "甲县人民政府"), .init(name: "甲县教育局"), .init(name: "甲县卫生健康局"), .init(name: "丙市甲县南镇人民政府"),
        .init(name: "丁市财政局"), .init(name: "某某中心"),
    ]

    static func pages(_ reports: [Report] = corpus) -> PlacePages {
        var config = SiteConfig()
        config.roster = roster
        return PlacePages(model: SiteModel(reports: reports, config: config), reports: reports)
    }

    @Test("the hierarchy: a county under the one city its reports name, towns under the county, a department under its county")
    func hierarchy() {
        let hierarchy = Self.pages().hierarchy
        #expect(hierarchy.places.keys.sorted() == ["丁市", "丙市", "丙市/甲县", "丙市/甲县/东镇", "丙市/甲县/西镇"])
        #expect(hierarchy.places["丙市/甲县"]?.parent == "丙市" && hierarchy.places["丙市/甲县"]?.level == .county)
        #expect(hierarchy.places["丙市/甲县/东镇"]?.level == .town)
        #expect(hierarchy.reportPlaces["a-edu-2023"] == "丙市/甲县")
        #expect(hierarchy.reportPlaces["a-east-2023"] == "丙市/甲县/东镇")
        #expect(hierarchy.reportPlaces["x-town-2023"] == nil, "a town naming no county or city is 地区未识别")
        #expect(hierarchy.governing(Self.corpus[2])?.key == "丙市/甲县")
    }

    @Test("a county named with two different cities is not put under either")
    func ambiguousCounty() {
        let reports = [
            Self.report("p", "鼓楼区人民政府", kind: .government, year: 2023, city: "福州市", county: "鼓楼区", received: 1),
            Self.report("q", "鼓楼区人民政府", kind: .government, year: 2023, city: "南京市", county: "鼓楼区", received: 1),
            Self.report("r", "鼓楼区教育局", kind: .department, year: 2023, county: "鼓楼区", received: 1),
        ]
        let hierarchy = Self.pages(reports).hierarchy
        #expect(hierarchy.reportPlaces["r-2023"] == "鼓楼区")
        #expect(hierarchy.places["鼓楼区"]?.parent == nil)
        #expect(hierarchy.reportPlaces["p-2023"] == "福州市/鼓楼区" && hierarchy.reportPlaces["q-2023"] == "南京市/鼓楼区")
    }

    @Test("sums of a place's reports, its towns' included; an unknown cell makes the sum 至少N")
    func sums() throws {
        let pages = Self.pages()
        let year2023 = try #require(pages.model.years.first { $0.key == "2023" })
        let year2022 = try #require(pages.model.years.first { $0.key == "2022" })
        let received = try #require(KeyFigure.all.first { $0.id == "applicationsReceived" })
        let proactive = try #require(KeyFigure.all.first { $0.id == "proactiveItems" })
        let county2022 = pages.reports(in: "丙市/甲县", year: year2022)
        #expect(PlaceSum(county2022.map(received.value)).text == "17") // 10 + 4 + 2 + 1
        let county2023 = pages.reports(in: "丙市/甲县", year: year2023)
        #expect(PlaceSum(county2023.map(received.value)).text == "至少15") // 东镇's is unknown
        #expect(PlaceSum(pages.reports(in: "丙市", year: year2023).map(received.value)).text == "至少15")
        #expect(PlaceSum(pages.reports(in: "丙市/甲县/东镇", year: year2023).map(received.value)).text == "?")
        #expect(PlaceSum(county2023.map(proactive.value)).text == "至少127") // 西镇 prints none
        #expect(PlaceSum(pages.reports(in: "丁市", year: year2023).map(received.value)).text == "50")
    }

    @Test("未报送 per place: roster bodies placed by their reports or by the places their names begin with")
    func unreported() throws {
        let pages = Self.pages()
        let hierarchy = pages.hierarchy
        #expect(hierarchy.rosterPlaces["甲县教育局"] == "丙市/甲县")
        #expect(hierarchy.rosterPlaces["甲县卫生健康局"] == "丙市/甲县", "one place is named 甲县")
        #expect(hierarchy.rosterPlaces["丙市甲县南镇人民政府"] == "丙市/甲县")
        #expect(hierarchy.rosterPlaces["丁市财政局"] == "丁市")
        #expect(hierarchy.rosterPlaces["某某中心"] == nil)
        let year = try #require(pages.model.years.first { $0.key == "2023" })
        #expect(pages.unreported(in: "丙市/甲县", year: year) == ["甲县卫生健康局", "丙市甲县南镇人民政府"])
        #expect(pages.unreported(in: "丙市", year: year) == ["甲县卫生健康局", "丙市甲县南镇人民政府"])
        #expect(pages.unreported(in: "丁市", year: year) == ["丁市财政局"])
    }

    @Test("the place page: its sums, its ranking rows, its open findings and 未报送; the index lists 地区未识别")
    func page() throws {
        let pages = Self.pages()
        let year = try #require(pages.model.years.first { $0.key == "2023" })
        let ranking = YearRanking(year: year, model: pages.model)
        let context = pages.context("丙市/甲县", year: year, ranking: ranking)
        #expect(context.place.count == 4 && context.place.rows.count == 4)
        #expect(context.place.findingCount == 1)
        #expect(context.place.parent?.label == "丙市")
        #expect(context.place.children.map(\.label) == ["东镇", "西镇"])
        #expect(context.place.unreported == ["甲县卫生健康局", "丙市甲县南镇人民政府"])
        let index = pages.indexContext()
        #expect(index.places.unplaced.map(\.label) == ["北镇人民政府（2023年）", "北镇人民政府（2022年）"])
        #expect(index.places.unplacedRoster == ["某某中心"])
        #expect(pages.paths.contains("places/bing-shi-jia-xian/2023.html"))
    }

    @Test("dev corpus: the places read by hand from the reports' titles and preambles")
    func devCorpus() throws {
        let built = try DevCorpus.built.get()
        let reports = Array(built.reports.values)
        let hierarchy = PlaceHierarchy(reports: reports, roster: [])
        func place(_ file: String) throws -> String? { hierarchy.reportPlaces[try #require(built.reports[file]).id] }
        #expect(try place("000_3a640c0e6a422263.txt") == "晋江市/金井镇")
        #expect(try place("001_ba4ee18afd36a9fc.txt") == "晋江市/永和镇")
        #expect(try place("hongze-2023.pdf") == "淮安市/洪泽区")
        #expect(hierarchy.places["淮安市/洪泽区"]?.parent == "淮安市")
        #expect(try place("fragment-yaoan-taiping-town-2025.txt") == "姚安县/太平镇")
        #expect(try place("fragment-liangcheng-town-2020.txt") == "微山县/两城镇")
        #expect(try place("fragment-taojiang-audit-2020.txt") == "桃江县")
        #expect(try place("fragment-wuhan-public-security-2024.txt") == "武汉市")
        #expect(try place("fragment-yiwu-niansanli-street-2023-traditional-mojibake.txt") == "义乌市/廿三里街道")
        // printed without any city or county: 地区未识别
        for file in ["pingtan-2023.html", "fragment-taiping-town-2022-cells-per-line.txt", "fragment-guangzhou-guanzhou-street-2023.txt",
                     "fragment-jiaxian-xi-town-2022-page-chrome.txt"] {
            #expect(try place(file) == nil, "\(file)")
        }
        let page = String(decoding: try #require(built.files["places/huai-an-shi-hong-ze-qu/2023.html"]), as: UTF8.self)
        #expect(page.contains("淮安市洪泽区2023年") && page.contains("洪泽区人民政府"))
        let ranking = String(decoding: try #require(built.files["rankings/2023-place-hong-ze-qu.html"]), as: UTF8.self)
        #expect(ranking.contains(#"href="../places/huai-an-shi-hong-ze-qu/2023.html""#), "the ranking's place filter links to the place's page")
        let year = String(decoding: try #require(built.files["years/2023.html"]), as: UTF8.self)
        #expect(year.contains(#"href="../places/index.html""#))
        let index = String(decoding: try #require(built.files[PlacePages.indexPath]), as: UTF8.self)
        #expect(index.contains("平潭综合实验区（2023年）"))
    }

    @Test("gongkai.yaml `places:` sets a body's place: it wins over the text, places a roster body, and moves the ranking's filter")
    func setInConfig() throws {
        let yaml = "places:\n  北镇人民政府: 丁市/乙县/北镇\n  某某中心: 丙市/甲县\n  甲县教育局: 丁市\n"
        var config = try SiteConfigLoader.parse(yaml, path: "content/gongkai.yaml")
        #expect(config.places["北镇人民政府"] == ["丁市", "乙县", "北镇"])
        config.roster = Self.roster
        let hierarchy = PlaceHierarchy(reports: Self.corpus, roster: config.roster, settings: config.places)
        #expect(hierarchy.reportPlaces["x-town-2023"] == "丁市/乙县/北镇", "no longer 地区未识别")
        #expect(hierarchy.places["丁市/乙县"]?.parent == "丁市")
        #expect(hierarchy.reportPlaces["a-edu-2022"] == "丁市", "the setting corrects what the text gives")
        #expect(hierarchy.rosterPlaces["某某中心"] == "丙市/甲县")
        #expect(ReportPlace.of(Self.corpus[1], config: config) == "丁市")
        #expect(ReportPlace.of(Self.corpus[0], config: config) == "甲县")
    }

    @Test("a wrong `places:` entry is an error naming the file and the line", arguments: [
        ("title: t\nplaces:\n  官洲街道办事处: 广州市/海珠区/官洲街道/多余\n", 3),
        ("places:\n  官洲街道办事处: 广州市//官洲街道\n", 2),
        ("places:\n  - 官洲街道办事处\n", 2),
    ])
    func wrongSetting(yaml: String, line: Int) {
        #expect {
            try SiteConfigLoader.parse(yaml, path: "content/gongkai.yaml")
        } throws: { error in
            guard let error = error as? LoadError else { return false }
            return error.line == line && error.description.hasPrefix("content/gongkai.yaml:\(line)")
        }
    }
}
