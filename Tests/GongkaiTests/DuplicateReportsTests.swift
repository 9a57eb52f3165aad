import Foundation
import GongkaiModel
import GongkaiSite
import Testing

/// Two files for the same body and year: both named in an error, or the newer one wins by
/// `supersedes`; never one dropped silently.
@Suite struct DuplicateReportsTests {
    func build(_ files: [String: String]) throws -> (site: GeneratedSite, reports: [Report]) {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-dup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: content) }
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let site = try SiteBuilder(contentDirectory: content, themeDirectory: nil, outputDirectory: content.appendingPathComponent("out")).generate()
        let json = try #require(site.files["data/reports.json"])
        return (site, try JSONDecoder().decode([Report].self, from: Data(json)))
    }

    @Test func twoFilesForOneBodyAndYearAreBothKeptAndBothNamed() throws {
        let seed = Fixture.text(Fixture.seedJinjing)
        let (site, reports) = try build(["2022/jinjing.txt": seed, "2022/jinjing-copy.txt": seed])
        #expect(reports.count == 2)
        #expect(site.summary.reportsRead == 2)
        for report in reports {
            let other = report.source == "2022/jinjing.txt" ? "2022/jinjing-copy.txt" : "2022/jinjing.txt"
            let finding = try #require(report.findings.first { $0.rule == "reports.duplicate" })
            #expect(finding.severity == .error)
            #expect(finding.message.contains("晋江市金井镇人民政府 2022") && finding.message.contains(other))
        }
    }

    @Test func theNewerFileWinsBySupersedes() throws {
        let seed = Fixture.text(Fixture.seedJinjing)
        let newer = "---\nsupersedes: 2022/jinjing.txt\n---\n" + seed
        let (site, reports) = try build(["2022/jinjing.txt": seed, "2022/jinjing-corrected.txt": newer])
        #expect(reports.map(\.source) == ["2022/jinjing-corrected.txt"])
        #expect(reports[0].findings.allSatisfy { $0.rule != "reports.duplicate" })
        #expect(site.summary.notes.contains { $0.contains("2022/jinjing.txt: superseded by 2022/jinjing-corrected.txt") })
    }
}
