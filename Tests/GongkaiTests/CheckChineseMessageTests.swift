import Foundation
import GongkaiCheck
import GongkaiModel
import Testing

/// The Chinese texts the site shows for the real reports' known findings. The figures are read
/// by hand from the report text (see CheckEndToEndTests for the English the CLI prints).
@Suite("Check: Chinese messages of the real reports")
struct CheckChineseMessageTests {
    static func zh(_ report: Report, _ rule: String) -> [String] {
        report.findings.filter { $0.rule == rule }.map(\.messageZh)
    }

    @Test("seed 001 (永和镇): 自然人 balance, 新收 row total, missing 四 and 表四, narrative 1 vs 0")
    func yonghe() throws {
        let report = try CheckEndToEndTests.checked(Fixture.seedYonghe)
        // Line 96: 一、本年新收 自然人 1, 总计 0; 二、上年结转 0; line 120: （七）总计 自然人 0; 四、结转 0.
        #expect(Self.zh(report, "applications.balance") == ["表三 · 自然人 · 一+二 ≠ 三(七)+四：1 + 0 ≠ 0 + 0"])
        #expect(report.findings("applications.rowTotal", .error).map(\.messageZh)
            == ["表三 · 一、本年新收政府信息公开申请数量 · 自然人+…+其他 ≠ 总计：1 + 0 + 0 + 0 + 0 + 0 ≠ 0"])
        // section 四 stands in an [illegible] gap (line 123): unreadable, not missing
        #expect(Self.zh(report, "sections.present") == ["「四、政府信息公开行政复议、行政诉讼情况」无法识别：第123行为无法识别的内容"])
        #expect(Self.zh(report, "tables.present") == ["表四（四、政府信息公开行政复议、行政诉讼情况）无法识别：第123行为无法识别的内容"])
        let narrative = try #require(Self.zh(report, "narrative.applicationsReceived").first)
        #expect(narrative.hasPrefix("正文称收到申请 1 件（“依申请公开情况"))
        #expect(narrative.hasSuffix("表三「一、本年新收政府信息公开申请数量 · 总计」为 0"))
        // Lines 100–109 print six numbers for seven columns.
        let uncheckable = report.findings.filter { (100...109).contains($0.line ?? 0) && $0.severity == .warning }
        #expect(!uncheckable.isEmpty)
        #expect(uncheckable.allSatisfy { $0.messageZh.hasPrefix("表三：10 个单元格 无法识别，以下 11 项核对无法进行：") })
    }

    @Test("hongze-2023: 表四 行政复议 10 + 1 + 0 + 0 ≠ 0 and 复议后起诉 5 + 0 + 0 + 0 ≠ 0")
    func hongze() throws {
        let report = try CheckEndToEndTests.checked(Fixture.hongze)
        #expect(Self.zh(report, "reviews.groupTotal") == [
            "表四 · 行政复议 · 结果维持+结果纠正+其他结果+尚未审结 ≠ 总计：10 + 1 + 0 + 0 ≠ 0",
            "表四 · 行政诉讼 · 复议后起诉 · 结果维持+结果纠正+其他结果+尚未审结 ≠ 总计：5 + 0 + 0 + 0 ≠ 0",
        ])
    }

    @Test("every finding and every deduction of the real reports has a Chinese text, with no English sentence in it",
          arguments: [Fixture.seedJinjing, Fixture.seedYonghe, Fixture.hongze, Fixture.pingtan2023, Fixture.shanghai,
                      Fixture.taiping, Fixture.liangcheng, Fixture.taojiang])
    func everyTextIsChinese(_ fixture: String) throws {
        let report = try CheckEndToEndTests.checked(fixture)
        let texts = report.findings.map(\.messageZh) + (report.score?.parts.flatMap { $0.deductions.map(\.reasonZh) } ?? [])
        for text in texts {
            #expect(!text.isEmpty)
            #expect(EnglishText.sentences(in: text).isEmpty, "\(text)")
        }
    }

    @Test("seed 001's unscored timeliness says why in Chinese; the CLI's English is unchanged")
    func unscoredTimeliness() throws {
        let report = try CheckEndToEndTests.checked(Fixture.seedYonghe)
        let timeliness = try #require(report.score?.parts.first { $0.id == "timeliness" })
        #expect(timeliness.deductions.map(\.reasonZh) == ["未评分：印发日期不详"])
        #expect(timeliness.deductions.map(\.reason) == ["not scored: issue date (印发日期) unknown"])
        let email = report.score?.parts.first { $0.id == "preamble" }?.deductions.first { $0.rule == "preamble.email" }
        #expect(email?.reasonZh == "前言未载明电子邮箱")
        #expect(email?.reason == "the preamble does not give the 电子邮箱 (email)")
    }
}

extension CheckChineseMessageTests {
    @Test("findings and deductions exported before the Chinese texts existed still decode, with empty Chinese")
    func oldJSONDecodes() throws {
        let finding = try JSONDecoder().decode(Finding.self, from: Data(#"{"rule":"sections.present","severity":"error","message":"missing section 四","line":125,"cells":[]}"#.utf8))
        #expect(finding.message == "missing section 四" && finding.messageZh.isEmpty && finding.line == 125)
        let deduction = try JSONDecoder().decode(CompletenessScore.Deduction.self, from: Data(#"{"points":4.17,"reason":"missing section 四","rule":"sections.present"}"#.utf8))
        #expect(deduction.reasonZh.isEmpty && deduction.line == nil && deduction.points == 4.17)
        let encoded = String(decoding: try JSONEncoder().encode(Finding(rule: "r", severity: .note, message: "m", messageZh: "中", line: nil)), as: UTF8.self)
        #expect(encoded.contains(#""messageZh":"中""#))
    }
}

/// Runs of English words: three or more words, the first at least four letters (rule ids, file
/// names and single abbreviations do not count).
enum EnglishText {
    static func sentences(in text: String) -> [String] {
        let pattern = /[A-Za-z]{4,}(?:[ ,;:]+[A-Za-z]{2,}){2,}/
        return text.matches(of: pattern).map { String($0.output) }
    }
}
