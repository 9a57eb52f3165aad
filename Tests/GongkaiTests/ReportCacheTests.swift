import Foundation
import GongkaiCheck
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing
@testable import GongkaiSite

@Suite struct ReportCacheTests {
    func checked(_ name: String) throws -> Report {
        let report = ReportParser.parse(try SourceLoader.load(fileAt: Fixture.url(name), relativeTo: Fixture.realDirectory))
        return ReportChecker.check(report, previous: nil, config: SiteConfig())
    }

    @Test(arguments: ParseCacheTests.realFiles)
    func aReportReadBackFromItsBinaryFormEqualsTheOriginal(_ name: String) throws {
        let report = try checked(name)
        let bytes = ReportBinaryCoding.encode(report)
        let decoded = try #require(ReportBinaryCoding.decode(bytes[...]))
        #expect(decoded == report)
        // Every part that a page shows, compared on its own so that a failure says which.
        #expect(decoded.tables == report.tables)
        #expect(decoded.findings == report.findings && decoded.score == report.score)
        #expect(decoded.text == report.text && decoded.textStartLine == report.textStartLine)
        // The same report always gives the same bytes (its digest keys the pages).
        #expect(ReportBinaryCoding.encode(decoded) == bytes)
    }

    @Test func handReadValuesSurviveTheBinaryForm() throws {
        // 金井镇 2022: 表三 一、本年新收 is 0 for 自然人 (a 0, not unknown).
        let jinjing = try #require(ReportBinaryCoding.decode(ReportBinaryCoding.encode(try checked(Fixture.seedJinjing))[...]))
        #expect(jinjing.year == 2022)
        #expect(jinjing.tables.applications?[.newReceived, .naturalPerson] == .number(0))
        // 平潭 2023 (run-together cells): 本年新收 is 80 for 自然人 and 81 in 总计.
        let pingtan = try #require(ReportBinaryCoding.decode(ReportBinaryCoding.encode(try checked(Fixture.pingtan2023))[...]))
        #expect(pingtan.tables.applications?[.newReceived, .naturalPerson] == .number(80))
        #expect(pingtan.tables.applications?[.newReceived, .total] == .number(81))
    }

    @Test func aSummaryHasWhatTheListPagesShowButNotTheDetails() throws {
        let report = try checked(Fixture.seedJinjing)
        let summary = try #require(ReportBinaryCoding.decodeSummary(ReportBinaryCoding.encode(report)[...]))
        // 金井镇 2022: the list pages' fields are all there.
        #expect(summary.id == report.id && summary.year == 2022 && summary.displayName == report.displayName)
        #expect(summary.findings == report.findings && summary.score?.total == report.score?.total)
        #expect(summary.format == report.format && summary.issued == report.issued && summary.conversion == report.conversion)
        // Which tables it has (their CSV files are named from that), but not their rows.
        #expect(summary.tables.applications != nil && summary.tables.applications?.line == report.tables.applications?.line)
        #expect(summary.tables.applications?[.newReceived, .naturalPerson] == .unknown)
        #expect(report.tables.applications?[.newReceived, .naturalPerson] == .number(0))
        #expect(summary.sections.isEmpty && !report.sections.isEmpty)
        #expect(summary.score?.parts.isEmpty == true && summary.lines.isEmpty)
    }

    @Test func deferredReportsGiveBackTheWholeReportWithTheSummarysIdAndFindings() throws {
        let report = try checked(Fixture.seedYonghe)
        let parts = ReportBinaryCoding.encodeParts(report)
        var summary = try #require(ReportBinaryCoding.decode(summary: parts.summary[...]))
        // As after `uniqueIDs` and `DuplicateReports`: a new id and one finding more.
        summary.id = report.id + "-2"
        summary.findings.append(Finding(rule: DuplicateReports.rule, severity: .error, message: "duplicate", messageZh: "重复", line: 1))
        let deferred = DeferredReports(root: Fixture.realDirectory, converted: nil)
        deferred.deferDetails([summary.id: .init(summary: parts.summary[...], details: .bytes(parts.details), path: Fixture.seedYonghe)])
        let whole = deferred.whole(summary)
        #expect(whole.id == summary.id && whole.findings == summary.findings)
        #expect(whole.tables == report.tables && whole.sections == report.sections && whole.score == report.score)
        deferred.forgetDetails(summary.id)
        #expect(deferred.whole(summary).sections.isEmpty)
    }

    @Test func aTruncatedOrForeignBufferIsRejectedNotCrashedOn() throws {
        let bytes = ReportBinaryCoding.encode(try checked(Fixture.seedYonghe))
        for length in [0, 1, 7, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            #expect(ReportBinaryCoding.decode(bytes[0..<length]) == nil, "prefix of \(length) bytes")
        }
        #expect(ReportBinaryCoding.decode(Array("{\"id\":1}".utf8)[...]) == nil)
    }
}
