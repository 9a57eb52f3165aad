import Foundation
import Testing
import GongkaiModel
@testable import GongkaiSite
import GongkaiWrite

/// The pieces of pages kept in the cache folder between builds (`KeptFragments`): a year page's
/// rows and the home page's year tables must give the bytes a page rendered from scratch gives,
/// and must be taken only for the reports (digest and id) they were made from.
@Suite struct SiteKeptFragmentsTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-kept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func seedYear() throws -> (year: SiteModel.Year, model: SiteModel) {
        let model = SiteModel(reports: try SiteRenderSpeedTests.seeds(), config: SiteConfig())
        return (try #require(model.years.first { $0.key == "2022" }), model)
    }

    @Test func piecesReadBackOnlyUnderTheirOwnName() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let kept = KeptFragments(directory: folder, name: "rows-year-2022")
        kept.save([(key: "digest\0jinjiang-yonghe-2022", fields: ["<tr>永和</tr>\n", "晋江市永和镇,0"]), (key: "empty", fields: [])])
        let loaded = kept.load()
        #expect(loaded.count == 2)
        #expect(loaded["digest\0jinjiang-yonghe-2022"] == ["<tr>永和</tr>\n", "晋江市永和镇,0"])
        #expect(loaded["empty"] == [])
        // Another kind of piece (or another binary) does not read them.
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("rows-year-2022.bin"), to: folder.appendingPathComponent("rows-year-2023.bin"))
        #expect(KeptFragments(directory: folder, name: "rows-year-2023").load().isEmpty)
        try Data("gongkai-fragments\n".utf8 + [200]).write(to: folder.appendingPathComponent("broken.bin"))
        #expect(KeptFragments(directory: folder, name: "broken").load().isEmpty)
    }

    @Test func yearPageFromKeptRowsEqualsThePageRenderedWhole() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (year, model) = try Self.seedYear()
        let theme = PageTheme(try Theme.load(overridesIn: nil))
        let digests = Dictionary(uniqueKeysWithValues: year.reports.map { ($0.id, "digest-" + $0.id) })
        let plain = YearPage.files(year: year, model: model, theme: theme, whole: nil, digests: [:], kept: nil)
        let kept = KeptFragments(directory: folder, name: "rows-year-2022")
        let first = YearPage.files(year: year, model: model, theme: theme, whole: nil, digests: digests, kept: kept)
        #expect(first.page == plain.page)
        #expect(first.csv == plain.csv)
        // Seed 001 prints 表三's first row on line 96; its 总计 column reads 0 (自然人 1: the OCR'd total is wrong).
        let rows = kept.load()
        let yonghe = try #require(rows["digest-jinjiang-yonghe-2022\0jinjiang-yonghe-2022"])
        #expect(yonghe[0].contains(#"<a href="../reports/jinjiang-yonghe-2022.html#L96">0</a>"#))
        #expect(yonghe[1].hasPrefix("晋江市永和镇,"))
        // Reports without their tables (summaries): the rows can only come from the kept ones.
        var summaries = year
        summaries.reports = year.reports.map { report in
            var summary = report
            summary.tables = Tables()
            return summary
        }
        let second = YearPage.files(year: summaries, model: model, theme: theme, whole: nil, digests: digests, kept: kept)
        #expect(second.page == plain.page)
        #expect(second.csv == plain.csv)
        // A changed report (another digest) is rendered again from what it is now.
        var changed = digests
        changed["jinjiang-yonghe-2022"] = "digest-changed"
        let third = YearPage.files(year: summaries, model: model, theme: theme, whole: nil, digests: changed, kept: kept)
        #expect(third.page != plain.page)
        #expect(!third.page.contains("jinjiang-yonghe-2022.html#L96"))
        #expect(third.page.contains("jinjiang-jinjing-2022.html#L"))
    }

    @Test func homePageTakesAYearsTableOnlyForTheSameReports() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, model) = try Self.seedYear()
        let digests = Dictionary(uniqueKeysWithValues: model.reports.map { ($0.id, "digest-" + $0.id) })
        let plain = CompiledTheme.index(IndexPage(model: model).context(compiled: true))
        var page = IndexPage(model: model)
        page.kept = (KeptFragments(directory: folder, name: "tables-index"), digests)
        let html = { (context: ThemeContext.IndexContext) -> String? in context.years.first?.table.kept }
        let context = page.context(compiled: true)
        #expect(CompiledTheme.index(context) == plain)
        let first = try #require(html(context))
        #expect(first.contains("<caption>2022年年度报告（2份）</caption>"))
        #expect(page.kept?.fragments.load().count == 1)
        // A theme's own templates get the table itself, never kept markup.
        #expect(html(page.context(compiled: false)) == nil)
        // The kept table is the one shown while the reports are the same …
        let year = try #require(model.years.first)
        let key = try #require(IndexPage.key(year, model: model, digests: digests))
        page.kept?.fragments.save([(key: key, fields: ["<p>kept</p>"])])
        #expect(html(page.context(compiled: true)) == "<p>kept</p>")
        #expect(CompiledTheme.index(page.context(compiled: true)).contains("下载 CSV</a></p>\n<p>kept</p>\n"))
        // … and not once a report has changed.
        var changed = digests
        changed["jinjiang-yonghe-2022"] = "digest-changed"
        page.kept?.digests = changed
        #expect(html(page.context(compiled: true)) == first)
    }

    @Test func reportsCSVRowsKeptForReportsTheReportCacheHasNoRowFor() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = try SiteRenderSpeedTests.seeds()
        let digests = Dictionary(uniqueKeysWithValues: reports.map { ($0.id, "digest-" + $0.id) })
        let kept = (rows: KeptFragments(directory: folder, name: "rows-csv"), digests: digests)
        let plain = DataExports.csv(reports)
        #expect(DataExports.csv(reports, deferred: nil, kept: kept) == plain)
        let rows = kept.rows.load()
        #expect(rows.count == 2)
        // 表三's 本年新收 总计 of seed 001 reads 0 (its first row, line 96); seed 000 is 晋江市金井镇.
        let yonghe = try #require(rows["digest-jinjiang-yonghe-2022\0jinjiang-yonghe-2022"]?.first)
        #expect(yonghe.hasPrefix("jinjiang-yonghe-2022,晋江市永和镇,"))
        // Without their tables the rows can only come from the kept ones.
        let summaries = reports.map { report in
            var summary = report
            summary.tables = Tables()
            return summary
        }
        #expect(DataExports.csv(summaries) != plain)
        #expect(DataExports.csv(summaries, deferred: nil, kept: kept) == plain)
    }
}
