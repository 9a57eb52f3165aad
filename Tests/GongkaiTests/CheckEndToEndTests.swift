import Foundation
import GongkaiCheck
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing

/// The real reports through the whole pipeline: SourceLoader → ReportParser → ReportChecker.
/// Expected values are read from the files by hand (see CheckHandBuiltReportsTests for the same
/// reports built cell by cell).
@Suite("Check: real reports end to end")
struct CheckEndToEndTests {
    static func checked(_ name: String) throws -> Report {
        let source = try SourceLoader.load(fileAt: Fixture.url(name), relativeTo: Fixture.realDirectory)
        return ReportChecker.check(ReportParser.parse(source), previous: nil, config: SiteConfig())
    }

    @Test("seed 000 has no errors and scores higher than seed 001 and hongze-2023")
    func jinjing() throws {
        let jinjing = try Self.checked(Fixture.seedJinjing)
        #expect(jinjing.errors.isEmpty, "\(jinjing.errors.map(\.message))")
        let total = try #require(jinjing.score?.total)
        for other in [Fixture.seedYonghe, Fixture.hongze] {
            let score = try #require(try Self.checked(other).score?.total)
            #expect(total > score, "\(other)")
        }
    }

    @Test("seed 001: 自然人 column, 新收 row total, section 四 and 表四 missing, short rows, narrative")
    func yonghe() throws {
        let report = try Self.checked(Fixture.seedYonghe)
        let balance = report.findings("applications.balance", .error)
        #expect(balance.map(\.message) == ["表三 · 自然人 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0"])
        #expect(balance.first?.line == 96)
        let rowTotal = report.findings("applications.rowTotal", .error).filter { $0.line == 96 }
        #expect(rowTotal.first?.message.hasSuffix(": 1 + 0 + 0 + 0 + 0 + 0 ≠ 0") == true)
        // 四 is an [illegible] gap (line 123): a section that cannot be read, not a missing one
        #expect(report.findings("sections.present", .error).isEmpty)
        #expect(report.findings("sections.present", .warning).map(\.message)
            == ["section 四、政府信息公开行政复议、行政诉讼情况 cannot be read: an [illegible] gap at line 123 stands where it should be"])
        #expect(report.findings("tables.present", .error).isEmpty)
        #expect(report.findings("tables.present", .warning).first?.message.contains("表四") == true)
        // Lines 100–109 print six numbers for seven columns: one finding says which checks their cells block.
        let cannotCheck = report.findings("cells.unknown")
        #expect(cannotCheck.map(\.line) == [100])
        #expect(cannotCheck.first?.cells.count == 10)
        #expect(cannotCheck.first?.message.hasPrefix("表三: 10 cells unknown: blocks 11 checks") == true)
        let narrative = report.findings("narrative.applicationsReceived", .error)
        #expect(narrative.first?.line == 25)
        #expect(narrative.first?.message.hasSuffix(": 1 ≠ 0") == true)
    }

    @Test("hongze-2023 passes every 表三 rule and fails 表四 for 行政复议 and 复议后起诉")
    func hongze() throws {
        let report = try Self.checked(Fixture.hongze)
        #expect(report.findings.filter { $0.rule.hasPrefix("applications.") }.isEmpty,
                "\(report.findings.filter { $0.rule.hasPrefix("applications.") }.map(\.message))")
        #expect(report.findings("reviews.groupTotal", .error).map(\.message) == [
            "表四 · 行政复议 · 结果维持+结果纠正+其他结果+尚未审结 ≠ 总计: 10 + 1 + 0 + 0 ≠ 0",
            "表四 · 行政诉讼 · 复议后起诉 · 结果维持+结果纠正+其他结果+尚未审结 ≠ 总计: 5 + 0 + 0 + 0 ≠ 0",
        ])
    }
}
