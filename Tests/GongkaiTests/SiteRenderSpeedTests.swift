import Foundation
import Testing
import GongkaiModel
@testable import GongkaiSite
@testable import GongkaiWrite

/// The shortcuts that make large sites fast must give the same bytes as the slow, plain way:
/// the compiled built-in templates against swift-mustache, reports.json written in pieces
/// against one JSONEncoder call (as a JSON value), and pages taken from the previous build only when unchanged.
@Suite struct SiteRenderSpeedTests {
    /// 晋江市金井镇 2022 (seed 000) and 晋江市永和镇 2022 (seed 001, with OCR damage: unknown cells, findings).
    static func seeds() throws -> [Report] {
        [try ParsedFixture.report(Fixture.seedJinjing), try ParsedFixture.report(Fixture.seedYonghe)]
    }

    /// The compiled theme is what scripts/compile-theme.py makes from theme/ now: editing a
    /// template without running the script fails here.
    @Test func compiledThemeIsWhatTheGeneratorMakesFromTheThemeFolder() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("scripts/compile-theme.py").path, "--check"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test func aThemeWithItsOwnTablePartialGetsEveryTableField() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<p class=\"mine\">{{caption}}: {{#rows}}{{#data}}[{{header}}]{{/data}}{{/rows}}</p>".utf8)
            .write(to: folder.appendingPathComponent("table.mustache"))
        let theme = try Theme.load(overridesIn: folder)
        // Every page showing a table takes the theme's own partial; the search, ranking, rates, copied-text and notice pages
        // (whose tables are their own markup) stay compiled.
        #expect(PageTheme(theme).compiled == ["search", "ranking", "rates", "copied", "notice"])
        #expect(PageTheme(try Theme.load(overridesIn: nil)).compiled == ["index", "report", "body", "year", "findings", "search", "ranking", "rates", "copied", "notice", "place", "places"])
        let builder = SiteBuilder(contentDirectory: folder, themeDirectory: folder, outputDirectory: folder)
        let site = try builder.assemble(reports: try Self.seeds(), theme: theme)
        let page = String(decoding: try #require(site.files["reports/\(try Self.seeds()[0].id).html"]), as: UTF8.self)
        #expect(page.contains("<p class=\"mine\">表三 收到和处理政府信息公开申请情况: "))
        #expect(page.contains("[一、本年新收政府信息公开申请数量]"))
        #expect(!page.contains("<div class=\"table-wrap\">"))
    }

    /// A base layout of the user's own may list the report's findings around the main block:
    /// overriding `base` alone gives `report.*` its lists back.
    @Test func aThemeWithItsOwnBaseGetsTheReportsLists() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<aside>{{#report.findings}}<i>{{message}}</i>{{/report.findings}}</aside>{{$main}}{{/main}}".utf8)
            .write(to: folder.appendingPathComponent("base.mustache"))
        let theme = try Theme.load(overridesIn: folder)
        #expect(PageTheme(theme).compiled.isEmpty)
        let builder = SiteBuilder(contentDirectory: folder, themeDirectory: folder, outputDirectory: folder)
        let seeds = try ExportJSONTests.reports()
        let report = try #require(seeds.first { !$0.findings.isEmpty })
        let site = try builder.assemble(reports: seeds, theme: theme)
        let page = String(decoding: try #require(site.files["reports/\(report.id).html"]), as: UTF8.self)
        #expect(page.components(separatedBy: "<i>").count - 1 == report.findings.count)
    }

    /// Reports of every shape: checked seeds (findings, deductions, diagnostics), three layout
    /// variants, an OCR'd 2019-format report with a web site and an unscored part, and an empty one.
    @Test func compiledReportPageMatchesSwiftMustache() throws {
        var reports = try ExportJSONTests.reports()
        var website = Self.webPage
        website.website = "www.yonghe.gov.cn"
        reports.append(website)
        #expect(reports.contains { !$0.diagnostics.isEmpty } && reports.contains { $0.conversion?.method == .ocr })
        let theme = try Theme.load(overridesIn: nil)
        let model = SiteModel(reports: reports, config: SiteConfig())
        for report in reports {
            let context = ReportPage(report: report, model: model).context()
            Self.expectSame(context.compiled(), theme.render("report", context.mustache), "\(report.id)")
        }
        // The web page's link to its original as text, and 发布网站 made a link from www.
        let web = ReportPage(report: website, model: model).context().compiled()
        #expect(web.contains(#"原件：<a href="../originals/web-2021.htm.txt" download>原始网页（文本） 2021.htm</a>"#))
        #expect(web.contains(#"<dt>发布网站</dt><dd><a href="http://www.yonghe.gov.cn" rel="nofollow">http://www.yonghe.gov.cn</a></dd>"#))
    }

    static func expectSame(_ compiled: String, _ mustache: String, _ what: String) {
        #expect(compiled == mustache, "\(what)")
        if compiled != mustache {
            let same = zip(compiled, mustache).prefix { $0 == $1 }.count
            Issue.record("first difference: \(String(compiled.dropFirst(max(0, same - 80)).prefix(200)))\n≠\n\(String(mustache.dropFirst(max(0, same - 80)).prefix(200)))")
        }
    }

    /// The compiled list pages: the same bytes as swift-mustache gives with the built-in
    /// templates, with a site title that needs escaping and the unknown year.
    @Test func compiledListPagesMatchSwiftMustache() throws {
        var reports = try ExportJSONTests.reports()
        reports.append(Report(id: "undated", source: "undated.txt", body: "某局"))
        var config = SiteConfig()
        config.title = "晋江市\"政务公开\" & <年报> 's"
        let model = SiteModel(reports: reports, config: config)
        #expect(model.years.count >= 2 && model.years.contains { $0.key == "unknown" })
        let theme = try Theme.load(overridesIn: nil)
        var pages: [(String, any CompiledPage)] = [("index", IndexPage(model: model).context(compiled: true)), ("search", SearchPage(model: model).context())]
        for year in model.years {
            pages.append(("year \(year.key)", YearPage(year: year, model: model).context()))
            pages.append(("findings \(year.key)", FindingsPage(year: year, model: model).context()))
            for page in RankingPage.pages(YearRanking(year: year, model: model), model: model) {
                pages.append(("ranking \(page.path)", page.context()))
            }
        }
        for body in model.bodies {
            pages.append(("body \(body.slug)", BodyPage(body: body, model: model).context()))
        }
        for (name, page) in pages {
            let compiled = page.compiled()
            Self.expectSame(compiled, theme.render(type(of: page).template, page.mustache), name)
            // The escaped site title ends <title> and is the brand link's text.
            #expect(compiled.contains(" - 晋江市&quot;政务公开&quot; &amp; &lt;年报&gt; &#39;s</title>"))
            #expect(compiled.contains("</span>晋江市&quot;政务公开&quot; &amp; &lt;年报&gt; &#39;s</a>"))
        }
        #expect(pages.count > 2 + 3 * model.years.count + model.bodies.count)
    }

    /// The built-in theme, a folder copy of it (`--theme theme`) and a copy whose every template
    /// ends with a comment (so that swift-mustache renders every page) give the same site.
    @Test func builtinThemeItsCopyAndSwiftMustacheGiveTheSameSite() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let commented = folder.appendingPathComponent("commented")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("theme"), to: commented)
        for name in Theme.requiredTemplates {
            let file = commented.appendingPathComponent("\(name).mustache")
            try Data((try String(contentsOf: file, encoding: .utf8) + "{{! a theme of its own }}").utf8).write(to: file)
        }
        var reports = try ExportJSONTests.reports()
        reports.append(Self.webPage)
        let builder = SiteBuilder(contentDirectory: folder, themeDirectory: nil, outputDirectory: folder)
        let builtin = try builder.assemble(reports: reports, theme: try Theme.load(overridesIn: nil)).files
        let copy = PageTheme(try Theme.load(overridesIn: repository.appendingPathComponent("theme")))
        #expect(copy.compiled.count == CompiledTheme.templates.count)
        #expect(try builder.assemble(reports: reports, theme: copy.theme).files == builtin)
        let mustache = try Theme.load(overridesIn: commented)
        #expect(PageTheme(mustache).compiled.isEmpty)
        let rendered = try builder.assemble(reports: reports, theme: mustache).files
        #expect(rendered.keys.sorted() == builtin.keys.sorted())
        for (path, bytes) in builtin where rendered[path] != bytes {
            Self.expectSame(String(decoding: bytes, as: UTF8.self), String(decoding: rendered[path] ?? [], as: UTF8.self), path)
        }
        #expect(builtin.keys.contains("reports/web-2021.html") && builtin.keys.contains("search.html"))
    }

    /// A report read from a web page, with its original and no OCR counts.
    static var webPage: Report {
        var report = Report(id: "web-2021", source: "web/2021.htm", format: .f2021, body: "某镇", year: 2021, text: "一、总体情况\n正文<b>&</b>")
        report.conversion = TextConversion(method: .webPage, tool: "libxml2", original: "web/2021.htm")
        report.score = CompletenessScore(total: 50, parts: [.init(id: "timeliness", label: "按时发布", points: 0, max: 0, deductions: [
            .init(points: 0, reason: "", reasonZh: "未评分：印发日期不详", rule: "timeliness", line: nil),
        ])])
        return report
    }

    @Test func reportsJSONWrittenInPiecesEqualsOneEncoding() throws {
        let reports = try Self.seeds() + [Report(id: "empty", source: "empty.txt")]
        var pieces: [UInt8] = []
        var count = 0
        DataExports.writeJSON(reports) { pieces += $0; count += 1 }
        #expect(try ExportJSONTests.value(pieces) == (try ExportJSONTests.value(ReportJSON.array(reports, pretty: true))))
        #expect(count > reports.count)
        var none: [UInt8] = []
        DataExports.writeJSON([]) { none += $0 }
        #expect(none == Array("[]".utf8))
    }

    @Test func searchIndexMapsEveryBigramOfEachDocument() throws {
        let reports = try Self.seeds()
        let script = String(decoding: try SearchIndex.script(reports), as: UTF8.self)
        // 永和微平台 is only in seed 001 (line 27), 金井 only in seed 000: document numbers follow the input order.
        #expect(script.contains(#""微平":[1]"#))
        #expect(script.contains(#""金井":[0]"#))
        #expect(script.contains(#""政务":[0,1]"#))
        #expect(script.hasSuffix("}});\n"))
    }

    @Test func escapingMatchesMustache() {
        #expect(HTML.escape(#"<a href="x">A&B's</a> 表三"#) == "&lt;a href=&quot;x&quot;&gt;A&amp;B&#39;s&lt;/a&gt; 表三")
        #expect(HTML.escape("无需转义") == "无需转义")
    }

    @Test func addingABodyDoesNotRenameTheOthers() {
        // Two bodies whose ids give the same slug `jinjiang-x`: the second in name order is `-2`.
        func report(_ id: String, _ body: String, _ year: Int) -> Report { Report(id: id, source: "\(id).txt", body: body, year: year) }
        let namesakes = [report("jinjiang-x-2021", "晋江市乙镇人民政府", 2021), report("jinjiang-x-2022", "晋江市甲镇人民政府", 2022)]
        let before = SiteModel(reports: namesakes, config: SiteConfig()).bodies.map(\.slug)
        #expect(before == ["jinjiang-x", "jinjiang-x-2"])
        // A body sorted before them (晋江市丁镇) leaves their pages where they were.
        let after = SiteModel(reports: namesakes + [report("jinjiang-ding-2022", "晋江市丁镇人民政府", 2022)], config: SiteConfig()).bodies.map(\.slug)
        #expect(after == ["jinjiang-ding", "jinjiang-x", "jinjiang-x-2"])
    }
}
