import Foundation
import Testing
import GongkaiModel
@testable import GongkaiSite
import GongkaiWrite

@Suite struct SiteBuildTests {
    @Test func indexLinksToBothSeedReportsAndEveryLinkResolves() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        let summary = try site.builder().build()
        #expect(summary.reportsRead == 2)
        #expect(summary.skipped.isEmpty)
        let index = try site.read("index.html")
        let reportLinks = LinkChecker.links(in: index).map(\.link).filter { $0.hasPrefix("reports/") }
        #expect(Set(reportLinks).count == 2)
        for link in reportLinks { #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(link).path)) }
        let problems = LinkChecker.problems(inSiteAt: site.output)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        // The comparison links 本年新收申请 to its row in the text: seed 001 prints it on line 96.
        let year = try site.read("years/2022.html")
        #expect(year.contains(#"<a href="../reports/jinjiang-yonghe-2022.html#L96">"#))
        // A cell without a link of its own is plain text (not linked to the enclosing year's page).
        #expect(index.contains(#"<td class="left">2022年</td>"#))
        #expect(index.contains(#"<td class="left">2021年版</td>"#))
    }

    @Test func everyRealReportBuildsWithNoBrokenLinkOrAnchor() throws {
        let fixtures = [Fixture.seedJinjing, Fixture.seedYonghe, Fixture.hongze, Fixture.pingtan2020, Fixture.pingtan2021,
                        Fixture.pingtan2023, Fixture.shanghai, Fixture.taiping, Fixture.liangcheng, Fixture.taojiang]
        let site = try TemporarySite(files: Dictionary(uniqueKeysWithValues: fixtures.map { ($0, $0) }))
        defer { site.remove() }
        let summary = try site.builder().build()
        #expect(summary.reportsRead == fixtures.count)
        // Findings link to #L<line> of their report: every such anchor must exist.
        let problems = LinkChecker.problems(inSiteAt: site.output)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func reportPageShowsTheFullTextWithLineAnchors() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        _ = try site.builder().build()
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("reports").path)
        let texts = try pages.map { try site.read("reports/" + $0) }
        let yonghe = try #require(texts.first { $0.contains("永和微平台") })
        // Line 96 of seed 001 is 表三's first row (一、本年新收政府信息公开申请数量).
        #expect(yonghe.contains(#"id="L96""#))
        #expect(yonghe.contains("政府门户网站下载"))
    }

    @Test func everyPageIsChineseHTML5WithNoOutsideResources() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        _ = try site.builder().build()
        let pages = site.htmlFiles()
        #expect(pages.count >= 6)
        for page in pages {
            let html = try site.read(page)
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(page)")
            #expect(html.contains(#"<html lang="zh-CN">"#), "\(page)")
            #expect(html.contains(#"<meta charset="utf-8">"#), "\(page)")
            for (tag, link) in LinkChecker.links(in: html) where link.hasPrefix("http") || link.hasPrefix("//") {
                #expect(tag == "a", "\(page): <\(tag)> \(link)")
            }
        }
    }

    @Test func dataExportsAreWritten() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        _ = try site.builder().build()
        let data = try Data(contentsOf: site.output.appendingPathComponent("data/reports.json"))
        let reports = try JSONDecoder().decode([Report].self, from: data)
        #expect(reports.count == 2)
        let csv = try Data(contentsOf: site.output.appendingPathComponent("data/reports.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // The loader names each year's index; 2022's holds the seeds' text.
        let loader = try site.read("assets/search-index.js")
        #expect(loader.contains(#"["2022"].forEach"#))
        let index = try site.read("assets/search/2022.js")
        #expect(index.hasPrefix("(window.GONGKAI_SEARCH_SHARDS=window.GONGKAI_SEARCH_SHARDS||[]).push({"))
        #expect(index.contains("永和微平台"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("sitemap.xml").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("feed.xml").path))
    }

    @Test func themeFolderOverridesOnlyTheTemplatesItHolds() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("mytheme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "{{<base}}{{$main}}<p>自定义首页</p>{{/main}}{{/base}}".write(to: theme.appendingPathComponent("index.mustache"), atomically: true, encoding: .utf8)
        _ = try site.builder(theme: theme).build()
        #expect(try site.read("index.html").contains("<p>自定义首页</p>"))
        let reportPage = try #require(site.htmlFiles().first { $0.hasPrefix("reports/") })
        let report = try site.read(reportPage)
        #expect(report.contains("报告原文"))
    }

    @Test func builtinThemeMatchesTheThemeFolder() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = repository.appendingPathComponent("theme")
        for (path, text) in BuiltinTheme.files {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            #expect(onDisk == text, "theme/\(path) changed: run scripts/embed-theme.sh")
        }
    }
}
