import Foundation
import GongkaiCheck
import GongkaiModel
@testable import GongkaiSite
import Testing

/// The year ranking (排名): its order, its pages per kind and place, the roster's 未报送 rows and
/// its CSV, on hand-made reports for the order and on the dev corpus and the seeds for the rest.
@Suite("Ranking per year: order, filters, 未报送, CSV")
struct SiteRankingTests {
    static func report(_ id: String, score: Double?, incomplete: Bool = false, errors: [String] = [], kind: BodyKind = .town) -> Report {
        var report = Report(id: id, source: "\(id).txt", body: id, kind: kind, year: 2023)
        report.score = score.map { CompletenessScore(total: $0, parts: []) }
        report.findings = errors.map { Finding(rule: $0, severity: .error, message: $0, messageZh: $0, line: 1) }
        if incomplete { report.findings.append(Finding(rule: Report.incompleteCode, severity: .warning, message: "", messageZh: "", line: 9)) }
        return report
    }

    static func csvRows(_ bytes: [UInt8]) -> [[String]] {
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with a byte-order mark, for Excel and WPS")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
    }

    @Test("score highest first; equal scores (to one decimal) share a rank, fewer errors first, then the id; the unscored last")
    func order() {
        let entries = [
            Self.report("e-unscored", score: nil),
            Self.report("d-low", score: 75),
            Self.report("c-tie-errors", score: 92.0, errors: ["applications.balance"]),
            Self.report("a-incomplete", score: 99, incomplete: true),
            Self.report("b-tie", score: 92.04),
            Self.report("f-tie-other", score: 91.96, errors: ["preamble.phone"]),
            Self.report("g-mid", score: 80.04),
        ].map { RankingEntry($0, previous: [], config: SiteConfig()) }
        let ranked = RankingEntry.ranked(entries)
        #expect(ranked.map(\.report.id) == ["b-tie", "f-tie-other", "c-tie-errors", "g-mid", "d-low", "a-incomplete", "e-unscored"])
        #expect(ranked.map(\.rank) == [1, 1, 1, 4, 5, nil, nil])
        #expect(ranked.map(\.score) == [92.0, 92.0, 92.0, 80.0, 75.0, nil, nil])
    }

    @Test("only open findings count: a dismissed error is neither an error of the ranking nor a row of the 问题清单")
    func dismissedFindingsDoNotCount() throws {
        var report = Self.report("jinjing", score: 90, errors: ["applications.balance", "applications.rowTotal"])
        report.findings[1].dismissal = Dismissal(reason: "原表如此", who: "张三", date: "2026-12-01")
        let entry = RankingEntry(report, previous: [], config: SiteConfig())
        #expect(entry.arithmeticErrors == 1)
        let model = SiteModel(reports: [report], config: SiteConfig())
        let page = FindingsPage(year: try #require(model.years.first), model: model)
        let rows = Self.csvRows(page.csv)
        #expect(rows.dropFirst().map { $0[5] } == ["applications.balance"])
        #expect(page.context().year.dismissedCount == 1)
    }

    @Test("the change since last year is the same body's score difference; unknown when that year has two reports")
    func changeSinceLastYear() throws {
        let before = Self.report("body-2022", score: 81.25)
        var now = Self.report("body-2023", score: 90.0)
        now.year = 2023
        var earlier = before
        earlier.year = 2022
        let entry = RankingEntry(now, previous: [earlier], config: SiteConfig())
        #expect(entry.change == 8.7) // 90.0 − 81.3 as both are shown
        #expect(RankingCells(entry).change == "+8.7")
        let twice = RankingEntry(now, previous: [earlier, earlier], config: SiteConfig())
        #expect(twice.change == nil && twice.hasPrevious && RankingCells(twice).change == "?")
        #expect(RankingCells(RankingEntry(now, previous: [], config: SiteConfig())).change == "—")
    }

    @Test("dev corpus 2023: 洪泽区's rows read by hand — 县级以上人民政府 in 洪泽区, 2 勾稽错误 (表四 line 149), 2 other errors")
    func devCorpusRankingCSV() throws {
        let files = try DevCorpus.built.get().files
        let rows = Self.csvRows(try #require(files["rankings/2023.csv"]))
        #expect(rows.first == RankingCells.csvHeader)
        let hongze = rows.filter { $0[1] == "洪泽区人民政府" }
        #expect(hongze.count == 2) // the PDF and its pdftotext text
        for row in hongze {
            #expect(row[2] == "县级以上人民政府" && row[3] == "洪泽区")
            // 表四 as printed: 行政复议 10 + 1 + 0 + 0 with 总计 0, 复议后起诉 5 + 0 + 0 + 0 with 总计 0
            #expect(row[6] == "2")
            // no website in the preamble; the same report twice (PDF and text)
            #expect(row[7] == "2")
            #expect(row[10] == "已报送")
        }
        // the scored rows first, highest score first; the incomplete texts after them, unranked
        let scores = rows.dropFirst().map { Double($0[4]) }
        let known = scores.prefix { $0 != nil }.compactMap { $0 }
        #expect(known == known.sorted(by: >) && !known.isEmpty)
        #expect(scores.dropFirst(known.count).allSatisfy { $0 == nil })
        #expect(rows.dropFirst(known.count + 1).allSatisfy { $0[0].isEmpty && $0[4] == "文本不完整" })
    }

    @Test("dev corpus 2022: 金井镇 (seed 000) issued 2023年1月11日, before a town's 3月31日: 按时")
    func timeliness() throws {
        let rows = Self.csvRows(try #require(try DevCorpus.built.get().files["rankings/2022.csv"]))
        let jinjing = try #require(rows.first { $0[1] == "晋江市金井镇人民政府" })
        #expect(jinjing[9] == "按时" && jinjing[6] == "0" && jinjing[2] == "乡镇" && jinjing[3] == "晋江市")
    }

    @Test("a page per kind and per place, each listing only its reports, linked from the whole ranking")
    func filterPages() throws {
        let files = try DevCorpus.built.get().files
        func page(_ path: String) throws -> String { String(decoding: try #require(files[path], "\(path)"), as: UTF8.self) }
        let whole = try page("rankings/2023.html")
        #expect(whole.contains(#"href="../rankings/2023-place-hong-ze-qu.html""#))
        #expect(whole.contains(#"href="../rankings/2023-kind-government.html""#))
        #expect(whole.contains(#"data-filterable="true""#))
        let place = try page("rankings/2023-place-hong-ze-qu.html")
        #expect(place.components(separatedBy: #"<th scope="row" class="name pin"><a href="../reports/"#).count - 1 == 2)
        #expect(place.contains("洪泽区人民政府") && !place.contains(">平潭综合实验区<"))
        #expect(place.contains(#"共 <span id="ranking-count">2</span> 份报告"#))
        #expect(!place.contains("data-filterable"))
        let zone = try page("rankings/2023-kind-zone.html")
        #expect(zone.contains(">平潭综合实验区<") && !zone.contains(">洪泽区人民政府<"))
        // ranked among themselves: the zone page's first row is rank 1
        #expect(zone.contains(#"<td class="rank pin" data-sort="1">1</td>"#))
    }

    @Test("the files a rebuild may reuse are the files the ranking writes, every year of the dev corpus")
    func pathsAreThePagesWritten() throws {
        let built = try DevCorpus.built.get()
        let model = SiteModel(reports: Array(built.reports.values), config: SiteConfig())
        for year in model.years {
            let written = RankingPage.pages(YearRanking(year: year, model: model), model: model).map(\.path) + [SitePath.rankingCSV(year.key)]
            #expect(RankingPage.paths(year, model: model) == written)
            #expect(written.allSatisfy { built.files[$0] != nil }, "\(written)")
        }
        #expect(built.files.keys.filter { $0.hasPrefix("rankings/") }.count
                == model.years.reduce(0) { $0 + RankingPage.paths($1, model: model).count })
    }

    @Test("roster bodies with no report are rows 未报送 at the bottom, on the page, its kind's page and the CSV")
    func unreportedRows() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        let yaml = "roster:\n  - 晋江市金井镇人民政府\n  - 晋江市永和镇人民政府\n  - 晋江市深沪镇人民政府\n"
        try yaml.write(to: site.content.appendingPathComponent("gongkai.yaml"), atomically: true, encoding: .utf8)
        let built = try site.builder().generate()
        let csv = Self.csvRows(try #require(built.files["rankings/2022.csv"]))
        #expect(csv.count == 4)
        #expect(csv.last == ["", "晋江市深沪镇人民政府", "乡镇", "", "", "", "", "", "", "", "未报送", ""])
        #expect(csv.dropFirst().prefix(2).allSatisfy { $0[10] == "已报送" })
        for path in ["rankings/2022.html", "rankings/2022-kind-town.html"] {
            let html = String(decoding: try #require(built.files[path]), as: UTF8.self)
            let unreported = try #require(html.range(of: #"<tbody class="unreported">"#), "\(path)")
            #expect(html[unreported.upperBound...].contains("晋江市深沪镇人民政府</th>"))
            #expect(!html[..<unreported.lowerBound].contains("深沪镇"))
        }
    }

    @Test("问题清单: a CSV row per open finding with body, kind, place, rule, severity, message, line and link; a list per place")
    func findingsCSV() throws {
        let files = try DevCorpus.built.get().files
        let rows = Self.csvRows(try #require(files["findings/2023-place-hong-ze-qu.csv"]))
        #expect(rows.first == FindingsPage.csvHeader)
        #expect(rows.dropFirst().allSatisfy { $0[0] == "洪泽区人民政府" && $0[1] == "县级以上人民政府" && $0[2] == "洪泽区" })
        let review = rows.filter { $0[5] == "reviews.groupTotal" && $0[6].contains("行政复议") }
        #expect(review.count == 2) // the PDF and its text
        for row in review {
            #expect(row[3] == "错误" && row[6].contains("10 + 1 + 0 + 0 ≠ 0") && row[7] == "149" && row[8].hasSuffix(".html#L149"))
        }
        let whole = Self.csvRows(try #require(files["findings/2023.csv"]))
        #expect(whole.count > rows.count && whole.contains { $0[0] == "平潭综合实验区" })
        let page = String(decoding: try #require(files["findings/2023.html"]), as: UTF8.self)
        #expect(page.contains(#"href="../findings/2023-place-hong-ze-qu.html""#) && page.contains(#"href="../findings/2023.csv""#))
        // the place's link counts the findings its list has
        #expect(page.contains("洪泽区<span class=\"count\">（\(rows.count - 1)）</span>"))
    }
}
