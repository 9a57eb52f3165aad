import Foundation
import GongkaiModel
import GongkaiSite
import Testing

/// The development corpus (../shared/reports: real reports and real fragments, whole saved web
/// pages, a published PDF) with the two seeds, built into one site. Every value below was read by
/// hand from the texts (and the corpus README), never copied from the program's output.
enum DevCorpus {
    static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/devcorpus") }
    static func text(_ name: String) -> String { try! String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) }

    static let chongqingTown = "fragment-chongqing-town-2022-unnamed.txt"

    /// What a careful reader says about one file.
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        /// Where the fixture lives under Fixtures/.
        var folder: String
        var year: Int?
        var proactiveItems: Double?
        var newMediaPosts: Double?
        var applicationsReceived: Double?
        var incomplete: Bool
        /// The error findings' rules. The corpus holds three 平潭 reports as page text and as the saved
        /// page, and 洪泽区 as PDF and as its text: each of those files names its twin (reports.duplicate).
        var errors: Set<String>
        var testDescription: String { file }
    }

    static let broken表三 = Set(["applications.balance", "applications.rowTotal", "applications.outcomeTotal"])

    static let expected: [Expected] = [
        // seeds: 金井镇 is clean; 永和镇's 表三 does not add up as printed (自然人 1 but 总计 0) and the
        // narrative's 1 application contradicts 总计 0; its 四 is an [illegible] gap: unreadable, not missing
        Expected(file: "000_3a640c0e6a422263.txt", folder: "real", year: 2022, proactiveItems: 36, newMediaPosts: 1047,
                 applicationsReceived: 0, incomplete: false, errors: []),
        Expected(file: "001_ba4ee18afd36a9fc.txt", folder: "real", year: 2022, proactiveItems: 63, newMediaPosts: 1349,
                 applicationsReceived: 1, incomplete: false,
                 errors: broken表三.union(["narrative.applicationsReceived"])),
        // whole reports
        Expected(file: "hongze-2023-pdftotext.txt", folder: "real", year: 2023, proactiveItems: 1136, newMediaPosts: nil,
                 applicationsReceived: 21, incomplete: false, errors: ["preamble.website", "reviews.groupTotal", "reports.duplicate"]),
        Expected(file: "hongze-2023.pdf", folder: "documents", year: 2023, proactiveItems: 1136, newMediaPosts: nil,
                 applicationsReceived: 21, incomplete: false, errors: ["preamble.website", "reviews.groupTotal", "reports.duplicate"]),
        // 平潭 2020 as published: （七）总计 21 against outcome rows summing to 27
        Expected(file: "pingtan-2020-page-text.txt", folder: "real", year: 2020, proactiveItems: 2602, newMediaPosts: nil,
                 applicationsReceived: 21, incomplete: false, errors: ["applications.outcomeTotal", "reports.duplicate"]),
        Expected(file: "pingtan-2020.html", folder: "devcorpus", year: 2020, proactiveItems: 2602, newMediaPosts: nil,
                 applicationsReceived: 21, incomplete: false, errors: ["applications.outcomeTotal", "reports.duplicate"]),
        Expected(file: "pingtan-2021-page-text.txt", folder: "real", year: 2021, proactiveItems: 2645, newMediaPosts: nil,
                 applicationsReceived: 70, incomplete: false, errors: ["reports.duplicate"]),
        Expected(file: "pingtan-2021.html", folder: "devcorpus", year: 2021, proactiveItems: 2645, newMediaPosts: nil,
                 applicationsReceived: 70, incomplete: false, errors: ["reports.duplicate"]),
        Expected(file: "pingtan-2023-page-text.txt", folder: "real", year: 2023, proactiveItems: 13561, newMediaPosts: nil,
                 applicationsReceived: 81, incomplete: false, errors: ["reports.duplicate"]),
        Expected(file: "pingtan-2023.html", folder: "devcorpus", year: 2023, proactiveItems: 13561, newMediaPosts: nil,
                 applicationsReceived: 81, incomplete: false, errors: ["reports.duplicate"]),
        // no address or phone anywhere in the text
        Expected(file: "shanghai-stcsm-2024-from-pdf.md", folder: "real", year: 2024, proactiveItems: 393, newMediaPosts: 1640,
                 applicationsReceived: 34, incomplete: false, errors: ["preamble.address", "preamble.phone"]),
        // fragments: cut off, so nothing they never received is an error
        Expected(file: "fragment-taiping-town-2022-cells-per-line.txt", folder: "real", year: 2022, proactiveItems: nil,
                 newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        Expected(file: "fragment-liangcheng-town-2020.txt", folder: "real", year: 2020, proactiveItems: nil,
                 newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        // 共26条, then its parts (规范性文件2条…)
        Expected(file: "fragment-taojiang-audit-2020.txt", folder: "real", year: 2020, proactiveItems: 26,
                 newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        Expected(file: "fragment-xinjiang-nileke-town-2023.txt", folder: "devcorpus", year: 2023, proactiveItems: nil,
                 newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        // 主动公开政府信息63条, then its parts (组织机构类信息16条…)
        Expected(file: "fragment-guangzhou-guanzhou-street-2023.txt", folder: "devcorpus", year: 2023, proactiveItems: 63,
                 newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        Expected(file: "fragment-shenzhen-longgang-department-2024.txt", folder: "devcorpus", year: 2024, proactiveItems: nil,
                 newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        // 主动公开政务文件11份 is documents, not the items the figure counts: unknown
        Expected(file: "fragment-jiaxian-xi-town-2022-page-chrome.txt", folder: "devcorpus", year: 2022, proactiveItems: nil,
                 newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        Expected(file: "fragment-yiwu-niansanli-street-2023-traditional-mojibake.txt", folder: "devcorpus", year: 2023,
                 proactiveItems: 129, newMediaPosts: nil, applicationsReceived: 16, incomplete: true, errors: []),
        // 总数171条: then its parts 124, 34, 4…; 未收到依申请公开政府信息申请
        Expected(file: chongqingTown, folder: "devcorpus", year: 2022, proactiveItems: 171, newMediaPosts: nil,
                 applicationsReceived: 0, incomplete: true, errors: []),
        Expected(file: "fragment-wendeng-audit-bureau-2020-pdf-page9.txt", folder: "devcorpus", year: 2020, proactiveItems: nil,
                 newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        Expected(file: "fragment-qingshui-education-bureau-2023-lost-digits.txt", folder: "devcorpus", year: 2023,
                 proactiveItems: nil, newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        Expected(file: "fragment-health-commission-2021-spam-name.txt", folder: "devcorpus", year: 2021, proactiveItems: 570,
                 newMediaPosts: nil, applicationsReceived: 7, incomplete: true, errors: []),
        // 全年收政府信息公开申请464件 (and 3 carried over, a separate figure)
        Expected(file: "fragment-wuhan-public-security-2024.txt", folder: "devcorpus", year: 2024, proactiveItems: 2240,
                 newMediaPosts: nil, applicationsReceived: 464, incomplete: true, errors: []),
        // 共50余 with its unit lost: no certain total
        Expected(file: "fragment-yuxian-education-bureau-2023-two-names.txt", folder: "devcorpus", year: 2023,
                 proactiveItems: nil, newMediaPosts: nil, applicationsReceived: nil, incomplete: true, errors: []),
        Expected(file: "fragment-yaoan-taiping-town-2025.txt", folder: "devcorpus", year: 2025, proactiveItems: 245,
                 newMediaPosts: nil, applicationsReceived: 0, incomplete: true, errors: []),
    ]

    /// The whole corpus, built once into one site; the reports by file name.
    static let built: Result<(reports: [String: Report], files: [String: [UInt8]]), any Error> = Result {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-devcorpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: content) }
        let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for report in expected {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(report.folder).appendingPathComponent(report.file),
                                             to: content.appendingPathComponent(report.file))
        }
        let site = try SiteBuilder(contentDirectory: content, themeDirectory: nil, outputDirectory: content.appendingPathComponent("out")).generate()
        let json = site.files["data/reports.json"] ?? []
        let reports = try JSONDecoder().decode([Report].self, from: Data(json))
        return (Dictionary(reports.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a }), site.files)
    }
}

@Suite("Dev corpus: all of ../shared/reports and the seeds as one site")
struct DevCorpusTests {
    @Test("every file is built", .timeLimit(.minutes(10)))
    func everyFileIsBuilt() throws {
        let built = try DevCorpus.built.get()
        #expect(Set(built.reports.keys) == Set(DevCorpus.expected.map(\.file)))
    }

    @Test("per report: year, the three figures, incomplete or not, the exact set of errors", arguments: DevCorpus.expected)
    func perReport(_ expected: DevCorpus.Expected) throws {
        let report = try #require(try DevCorpus.built.get().reports[expected.file])
        #expect(report.year == expected.year)
        #expect(report.figures.proactiveItems?.value == expected.proactiveItems)
        #expect(report.figures.newMediaPosts?.value == expected.newMediaPosts)
        #expect(report.figures.applicationsReceived?.value == expected.applicationsReceived)
        #expect(report.incomplete == expected.incomplete)
        let errors = Set(report.findings.filter { $0.severity == .error }.map(\.rule))
        #expect(errors == expected.errors, "\(report.findings.filter { $0.severity == .error }.map(\.message))")
    }

    @Test("an incomplete text says where it stops, and loses no points for what it never received")
    func incompleteTextsAreNotGradedForWhatIsMissing() throws {
        let reports = try DevCorpus.built.get().reports.values.filter(\.incomplete)
        #expect(reports.count == 15)
        for report in reports {
            let marker = report.findings.first { $0.rule == Report.incompleteCode }
            #expect(marker?.messageZh.hasPrefix("文本不完整：文本止于第") == true, "\(report.source)")
            let absent: Set<String> = ["sections.present", "tables.present", "tables.complete", "preamble.period", "preamble.website",
                                       "preamble.address", "preamble.phone", "preamble.postcode", "preamble.email"]
            let charged = report.score?.parts.flatMap(\.deductions).filter { absent.contains($0.rule) && $0.points > 0 } ?? []
            #expect(charged.isEmpty, "\(report.source): \(charged.map(\.reason))")
        }
        // where the 重庆 town's text stops: inside line 41, a character cut in half
        let chongqing = try #require(try DevCorpus.built.get().reports[DevCorpus.chongqingTown])
        #expect(chongqing.findings.first { $0.rule == Report.incompleteCode }?.line == 41)
    }

    @Test("the JSON export carries the incomplete flag")
    func exportCarriesIncomplete() throws {
        let json = String(decoding: try DevCorpus.built.get().files["data/reports.json"] ?? [], as: UTF8.self)
        let lines = json.split(separator: "\n")
        let chongqing = try #require(lines.first { $0.contains(DevCorpus.chongqingTown) })
        #expect(chongqing.contains(#""incomplete":true"#))
        let seed = try #require(lines.first { $0.contains("000_3a640c0e6a422263.txt") })
        #expect(seed.contains(#""incomplete":false"#))
    }

    @Test("no figure is a sub-item: the value is never printed right after a part's noun")
    func noFigureIsASubItem() throws {
        let partNouns = ["规章", "规范性文件", "类信息", "领域信息", "工作动态", "人事任免文件", "个部分"]
        for report in try DevCorpus.built.get().reports.values {
            for figure in [report.figures.proactiveItems, report.figures.newMediaPosts, report.figures.applicationsReceived].compactMap({ $0 }) {
                let value = Cell.format(figure.value)
                // 各类信息 (all kinds of information) is a total's noun
                let excerpt = figure.excerpt.replacingOccurrences(of: "各类信息", with: "各种信息")
                #expect(!partNouns.contains { excerpt.contains($0 + value) }, "\(report.source): \(figure.excerpt)")
            }
        }
    }

    @Test("blank and split tables are present: 螅镇's blank 表二 and 表三, 文登's interleaved 表四")
    func tablesFoundByContent() throws {
        let reports = try DevCorpus.built.get().reports
        let jiaxian = try #require(reports["fragment-jiaxian-xi-town-2022-page-chrome.txt"])
        let proactive = try #require(jiaxian.tables.proactive)
        #expect(proactive.rows.values.allSatisfy { $0.cells.values.allSatisfy(\.isUnknown) })
        let applications = try #require(jiaxian.tables.applications)
        #expect(applications.rows.values.allSatisfy { $0.cells.values.allSatisfy(\.isUnknown) })
        let wendeng = try #require(reports["fragment-wendeng-audit-bureau-2020-pdf-page9.txt"])
        let reviews = try #require(wendeng.tables.reviews)
        for group in ReviewGroup.allCases {
            for column in ReviewColumn.allCases { #expect(reviews[group, column] == .number(0), "\(group) \(column)") }
        }
    }

    @Test("the home page counts the tables' arithmetic as 勾稽错误 and the incomplete texts apart")
    func homePageCounters() throws {
        let built = try DevCorpus.built.get()
        let index = String(decoding: built.files["index.html"] ?? [], as: UTF8.self)
        // 勾稽错误 read by hand: 永和镇 3 (自然人 balance, 新收 row total, 自然人 （七）总计), 洪泽区 2 in each of its
        // two files (表四 行政复议 and 复议后起诉), 平潭 2020 2 in each of its two files (自然人 and 总计 （七）)
        #expect(index.contains(#"<span class="stat-value">11</span><span class="stat-label">项勾稽错误</span>"#))
        #expect(index.contains("15 份报告的文本不完整"))
        #expect(index.contains("文本不完整的报告（不参与排名）"))
    }
}
