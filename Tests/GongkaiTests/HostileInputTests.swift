import Foundation
import GongkaiLoad
import GongkaiModel
import GongkaiParse
@testable import GongkaiSite
import Testing

/// Files no report looks like: each is refused or flagged with a message naming the file and
/// line, and the other reports of the same build are still built.
@Suite struct HostileInputTests {
    /// Seed 000 (晋江市金井镇 2022) has 138 lines, the last `---` without a line end, and 18 Markdown headings.
    static let seed = Fixture.text(Fixture.seedJinjing)

    @Test func aHundredMegabyteFileIsRefusedBySize() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 100 * 1024 * 1024)
        let error = #expect(throws: LoadError.self) { try SourceLoader.load(bytes: bytes, path: "2022/huge.txt") }
        #expect(error?.description == "2022/huge.txt: error: the file is 100.0 MB, more than the 16.0 MB a report's text may be (a report is rarely above 100 KB); is it the right file?")
    }

    @Test func anOversizedFileIsSkippedAndTheOthersAreBuilt() throws {
        let site = try TemporarySite(files: ["2022/jinjing.txt": Fixture.seedJinjing])
        defer { site.remove() }
        try write(String(repeating: Self.seed + "\n", count: 17 * 1024 * 1024 / Self.seed.utf8.count + 1), to: "2022/合订本.txt", in: site)
        let summary = try site.builder().generate().summary
        #expect(summary.reportsRead == 1)
        #expect(summary.skipped.count == 1)
        #expect(summary.skipped.first?.hasPrefix("2022/合订本.txt: error: the file is 17.0 MB, more than the 16.0 MB") == true)
    }

    @Test func aTenMegabyteLineIsRefusedNamingTheLine() throws {
        let text = "晋江市金井镇人民政府2022年政府信息公开工作年度报告\n\n" + String(repeating: "公开", count: 10 * 1024 * 1024 / 6) + "\n"
        let error = #expect(throws: LoadError.self) { try SourceLoader.load(bytes: Array(text.utf8), path: "one line.txt") }
        #expect(error?.line == 3)
        #expect(error?.description == "one line.txt:3: error: line 3 is 10.0 MB long, more than the 256 KB a line may be (a whole report on one line is under 20 KB); is it the right file, or does it need line breaks?")
    }

    @Test func aWholeReportOnOneLineIsStillRead() throws {
        // 平潭 2020 as scraped: the whole report on one 16.5 KB line.
        let source = try SourceLoader.load(bytes: Array(Fixture.text(Fixture.pingtan2020).utf8), path: "pingtan.txt")
        #expect(source.diagnostics.isEmpty)
        #expect(ReportParser.parse(source).year == 2020)
    }

    @Test func thousandsOfHeadingsAreNotedAndTheReportStillParses() throws {
        let text = Self.seed + "\n" + (0..<5000).map { "## 标题\($0)\n" }.joined()
        let report = ReportParser.parse(try SourceLoader.load(bytes: Array(text.utf8), path: "heads.txt"))
        let note = try #require(report.diagnostics.first { $0.code == "text.manyHeadings" })
        // 18 headings in the seed, so the 201st is appended heading 182, on line 139 + 182.
        #expect(note.line == 321)
        #expect(note.message.hasPrefix("the file has 5018 Markdown headings"))
        #expect(report.body == "晋江市金井镇人民政府")
        #expect(report.year == 2022)
        #expect(report.tables == ReportParser.parse(SourceFile(path: "seed.txt", text: Self.seed)).tables)
        #expect(report.tables.applications?[.newReceived, .naturalPerson] == .number(0))
    }

    @Test func deeplyNestedListsAndQuotesAreNotedAndRendered() throws {
        let list = (0..<1000).map { String(repeating: "  ", count: $0) + "- 项目\n" }.joined()
        let text = Self.seed + "\n" + list + String(repeating: ">", count: 1000) + " 引用\n"
        let report = ReportParser.parse(try SourceLoader.load(bytes: Array(text.utf8), path: "nested.txt"))
        let note = try #require(report.diagnostics.first { $0.code == "text.deepNesting" })
        #expect(note.line == 1139)
        #expect(note.message == "lists or quotes nested 1000 levels deep; the text is shown as written")
        #expect(report.tables == ReportParser.parse(SourceFile(path: "seed.txt", text: Self.seed)).tables)

        let site = try TemporarySite(files: [:])
        defer { site.remove() }
        try write(text, to: "2022/nested.txt", in: site)
        let summary = try site.builder().generate().summary
        #expect(summary.reportsRead == 1 && summary.skipped.isEmpty)
    }

    @Test func oddFileNamesBuildAndAreNamedExactlyInErrors() throws {
        let site = try TemporarySite(files: [
            "2022/晋江 金井.txt": Fixture.seedJinjing,
            "2022/it's \"yonghe\".txt": Fixture.seedYonghe,
            "2023/洪泽 区 (PDF).txt": Fixture.hongze,
        ])
        defer { site.remove() }
        try write("", to: "2023/空 \"文件\".txt", in: site)
        let generated = try site.builder().generate()
        #expect(generated.summary.reportsRead == 3)
        #expect(generated.summary.skipped == ["2023/空 \"文件\".txt: error: the file is empty"])
        let json = try #require(generated.files["data/reports.json"])
        let reports = try JSONDecoder().decode([Report].self, from: Data(json))
        #expect(Set(reports.map(\.source)) == ["2022/晋江 金井.txt", "2022/it's \"yonghe\".txt", "2023/洪泽 区 (PDF).txt"])
        for report in reports {
            #expect(ReportPipeline.isSlug(report.id), "page names stay ASCII slugs: \(report.id)")
            let page = try #require(generated.files["reports/\(report.id).html"])
            #expect(!String(decoding: page, as: UTF8.self).contains("it's \"yonghe\""), "the name is escaped in HTML")
        }
    }

    @Test func aTemplateSyntaxErrorNamesFileLineAndTag() throws {
        let theme = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: theme) }
        let file = theme.appendingPathComponent("report.mustache")

        try Data("<main>\n<h1>{{report.title}}</h1>\n  {{#report.sections}}\n<p>{{title}}</p>\n</main>\n".utf8).write(to: file)
        let unclosed = #expect(throws: TemplateError.self) { try Theme.load(overridesIn: theme) }
        #expect(unclosed?.description == "\(file.path):3:3: error: template syntax: the section {{#report.sections}} is never closed (expected {{/report.sections}})\n    {{#report.sections}}")

        try Data("<main>\n{{#a}}\n{{/b}}\n".utf8).write(to: file)
        let mismatched = #expect(throws: TemplateError.self) { try Theme.load(overridesIn: theme) }
        #expect(mismatched?.line == 3)
        #expect(mismatched?.reason == "a closing tag {{/…}} does not match the section it closes")

        try Data("<main>\n<p>{{title}} {{body\n</main>\n".utf8).write(to: file)
        let unfinished = #expect(throws: TemplateError.self) { try Theme.load(overridesIn: theme) }
        #expect(unfinished?.line == 2)
        #expect(unfinished?.column == 14)  // "<p>{{title}} " is 13 characters
        #expect(unfinished?.reason == "the tag starting {{body is never closed with }}")
    }

    private func write(_ text: String, to path: String, in site: TemporarySite) throws {
        let url = site.content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
