import Foundation
import GongkaiCheck
import GongkaiLoad
import GongkaiModel
import GongkaiParse
@testable import GongkaiSite
import GongkaiWrite
import Testing

/// Review files (`<stem>.review.yaml`) on the real seed 001, 晋江市永和镇人民政府 2022: its 表三 gives
/// 一、新收 as 自然人 1 and 总计 0 (line 96), （三）5 as 自然人 1 (line 105) and （七）总计 as 0 (line 120),
/// while the narrative says one application was received and refused (line 25): the three 0s
/// are what a reviewer corrects after checking the original.
enum ReviewFixture {
    static let path = "2022/jinjiang-yonghe.review.yaml"

    static func correction(_ cell: String, printed: String = "0", value: String = "1", reason: String = "正文称受理申请1条") -> String {
        """
          - cell: \(cell)
            printed: \(printed)
            value: \(value)
            reason: \(reason)
            who: 张三
            date: 2026-12-07

        """
    }

    /// The three corrections that make 表三 agree with the narrative.
    static let threeCorrections = "corrections:\n" + correction("applications.newReceived.total")
        + correction("applications.outcomeTotal.naturalPerson") + correction("applications.outcomeTotal.total")

    static let emailDismissal = """
        dismissals:
          - finding: 4420d431
            reason: 已核实该镇未设公开邮箱
            who: 李四
            date: 2026-12-08

        """

    static func review(_ yaml: String) -> Review { ReviewFileReader.read(Array(yaml.utf8), path: path) }

    static func parsed() throws -> Report {
        ReportParser.parse(try SourceLoader.load(fileAt: Fixture.url(Fixture.seedYonghe), relativeTo: Fixture.realDirectory))
    }

    static func checked(_ yaml: String?) throws -> Report {
        ReportChecker.check(try parsed(), previous: nil, config: SiteConfig(), review: yaml.map(review))
    }
}

@Suite("Review files: corrections, dismissals, stale entries")
struct ReviewFileTests {
    @Test("a correction replaces the printed 0 of 新收 总计 with 1, keeps the 0, and clears the two errors it caused")
    func oneCorrection() throws {
        let before = try ReviewFixture.checked(nil)
        #expect(before.tables.cell(at: "applications.newReceived.total") == .number(0))
        #expect(before.errors.map(\.rule).sorted() == ["applications.balance", "applications.outcomeTotal", "applications.rowTotal", "narrative.applicationsReceived"])
        #expect(before.score?.total == 81.29)

        let after = try ReviewFixture.checked("corrections:\n" + ReviewFixture.correction("applications.newReceived.total"))
        #expect(after.tables.cell(at: "applications.newReceived.total") == .number(1))
        #expect(after.revisions == [Revision(
            cell: "applications.newReceived.total", printed: "0", corrected: "1", reason: "正文称受理申请1条", who: "张三", date: "2026-12-07",
            reviewFile: ReviewFixture.path, reviewLine: 2)])
        // 新收's row now adds up (1 = 1) and agrees with the narrative's 1; the 总计 column's
        // 一+二 = 三(七)+四 now fails (1 + 0 ≠ 0 + 0): its (七)总计 is still the printed 0.
        #expect(after.findings("applications.rowTotal", .error).isEmpty)
        #expect(after.findings("narrative.applicationsReceived").isEmpty)
        #expect(after.findings("applications.balance", .error).map(\.message).sorted()
            == ["表三 · 总计 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0", "表三 · 自然人 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0"])
        #expect(after.score?.total == 83.34)
    }

    @Test("the three corrections leave 表三 with no error: score 81.29 → 86.26, arithmetic part 15.66 → 20.63")
    func threeCorrections() throws {
        let report = try ReviewFixture.checked(ReviewFixture.threeCorrections)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.revisions.map(\.cell) == [
            "applications.newReceived.total", "applications.outcomeTotal.naturalPerson", "applications.outcomeTotal.total",
        ])
        #expect(report.revisions.map(\.reviewLine) == [2, 8, 14])
        #expect(report.score?.total == 86.26)
        #expect(report.score?.parts.first { $0.id == "arithmetic" }?.points == 20.63)
    }

    @Test("corrections apply to the printed values: a report checked again (from the cache) is not corrected twice")
    func checkedTwice() throws {
        let review = ReviewFixture.review(ReviewFixture.threeCorrections)
        let once = ReportChecker.check(try ReviewFixture.parsed(), previous: nil, config: SiteConfig(), review: review)
        let twice = ReportChecker.check(once, previous: nil, config: SiteConfig(), review: review)
        #expect(twice == once)
        let withdrawn = ReportChecker.check(once, previous: nil, config: SiteConfig(), review: nil)
        #expect(withdrawn.revisions.isEmpty)
        #expect(withdrawn.tables.cell(at: "applications.newReceived.total") == .number(0))
        #expect(withdrawn.score?.total == 81.29)
    }

    @Test("a dismissed finding is kept, marked 已核实为误报, and costs nothing: preamble 15 → 15.79, one warning fewer")
    func dismissal() throws {
        let report = try ReviewFixture.checked(ReviewFixture.emailDismissal)
        let email = try #require(report.findings("preamble.email").first)
        #expect(email.dismissal == Dismissal(reason: "已核实该镇未设公开邮箱", who: "李四", date: "2026-12-08", reviewLine: 2))
        #expect(!email.isOpen)
        #expect(report.score?.parts.first { $0.id == "preamble" }?.points == 15.79)
        #expect(report.score?.parts.first { $0.id == "preamble" }?.deductions.isEmpty == true)
        let before = CheckListing(problems: [], entries: [.init(file: "a.txt", report: try ReviewFixture.checked(nil))])
        let after = CheckListing(problems: [], entries: [.init(file: "a.txt", report: report)])
        #expect(before.warningCount == 5)
        #expect(after.warningCount == 4)
        #expect(after.text().contains("a.txt:3: dismissed as a false alarm (已核实该镇未设公开邮箱; 李四, 2026-12-08), was warning: "))
    }

    @Test("a dismissed error is not counted as 勾稽错误 and its points come back")
    func dismissedError() throws {
        let yaml = "dismissals:\n  - finding: 84a10732\n    reason: r\n    who: w\n    date: d\n"
        let report = try ReviewFixture.checked(yaml)
        #expect(report.findings("applications.rowTotal", .error).first?.isOpen == false)
        #expect(ErrorCounts.arithmetic(report.findings) == 2)
        #expect(ErrorCounts.arithmetic(try ReviewFixture.checked(nil).findings) == 3)
        #expect(try #require(report.score?.total) > 81.29)
    }

    @Test("an entry that matches nothing is a warning naming the review file and its line, and changes nothing")
    func staleEntries() throws {
        let yaml = "corrections:\n" + ReviewFixture.correction("applications.newReceived.total", printed: "5")
            + ReviewFixture.correction("applications.nosuch.total")
            + "dismissals:\n  - finding: 00000000\n    reason: r\n    who: w\n    date: d\n"
        let report = try ReviewFixture.checked(yaml)
        #expect(report.revisions.isEmpty)
        #expect(report.tables.cell(at: "applications.newReceived.total") == .number(0))
        #expect(report.score?.total == 81.29)
        let stale = report.findings("review.stale", .warning).map(\.message)
        #expect(stale == [
            "2022/jinjiang-yonghe.review.yaml:2: correction of 表三 · 一、本年新收政府信息公开申请数量 · 总计 says it is printed as 5, but the report now reads 0; not applied",
            "2022/jinjiang-yonghe.review.yaml:8: correction of `applications.nosuch.total`: the report has no such cell; not applied",
            "2022/jinjiang-yonghe.review.yaml:15: dismissal of `00000000`: the report has no such finding now; not applied",
        ])
        #expect(ReviewFiles.notes([report]).first
            == "2022/jinjiang-yonghe.review.yaml:2: warning: correction of 表三 · 一、本年新收政府信息公开申请数量 · 总计 says it is printed as 5, but the report now reads 0; not applied")
    }

    @Test("malformed YAML: a warning naming the file and line; the report is still checked, uncorrected")
    func malformed() throws {
        let yaml = "corrections:\n  - cell: applications.newReceived.total\n    printed: 0\n    value: [1\n    who: 张三\n"
        let review = ReviewFixture.review(yaml)
        #expect(review.corrections.isEmpty)
        #expect(review.problems.count == 1)
        let report = try ReviewFixture.checked(yaml)
        let problem = try #require(report.findings("review.invalid", .warning).first)
        #expect(problem.message.hasPrefix("2022/jinjiang-yonghe.review.yaml:5: invalid YAML: "), "\(problem.message)")
        #expect(report.score?.total == 81.29)
    }

    @Test("an entry missing a key, an unknown key and a non-UTF-8 file are named with their lines")
    func incompleteEntries() {
        let review = ReviewFixture.review("corrections:\n  - cell: applications.granted.total\n    value: 1\ncorection: 1\n")
        #expect(review.corrections.isEmpty)
        #expect(review.problems == [
            .init(line: 2, message: "the entry of `corrections` lacks `printed`, `reason`, `who`, `date`; it is not applied"),
            .init(line: 4, message: "unknown key `corection` (a review file has `corrections` and `dismissals`)"),
        ])
        #expect(ReviewFileReader.read([0xD5, 0xE3, 0x0A], path: "x.review.yaml").problems == [.init(line: 1, message: "the review file is not UTF-8 text")])
    }

    @Test("finding ids do not change when lines shift, and are unique within a report")
    func stableIDs() throws {
        let report = try ReviewFixture.checked(nil)
        let ids = Finding.ids(report.findings)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("d658fd56"))
        #expect(ids.contains("4420d431"))
        let text = "\n\n\n" + Fixture.text(Fixture.seedYonghe)
        let shifted = ReportChecker.check(ReportParser.parse(try SourceLoader.load(bytes: Array(text.utf8), path: "2022/x.txt")), previous: nil, config: SiteConfig())
        #expect(shifted.findings.map(\.line) != report.findings.map(\.line))
        #expect(Finding.ids(shifted.findings).sorted() == ids.sorted())
    }

    @Test("review paths: the stem of the report file, whatever its extension")
    func paths() {
        #expect(Review.path(forReport: "2022/yonghe.md") == "2022/yonghe.review.yaml")
        #expect(Review.path(forReport: "2023/hongze.pdf") == "2023/hongze.review.yaml")
        #expect(Review.path(forReport: "a.b/report") == "a.b/report.review.yaml")
        #expect(Review.stem(ofReview: "2022/yonghe.review.yaml") == "2022/yonghe")
    }
}
