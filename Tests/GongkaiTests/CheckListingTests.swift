import Foundation
import GongkaiCheck
import GongkaiModel
import Testing

@Suite("Check: what `gongkai check` prints")
struct CheckListingTests {
    static var listing: CheckListing {
        CheckListing(
            problems: [.init(file: "content/2024/broken.txt", line: nil, message: "not UTF-8")],
            entries: [.init(file: "content/2022/jinjiang-yonghe.txt", report: HandBuilt.checked(HandBuilt.yonghe)),
                      .init(file: "content/2022/jinjiang-jinjing.txt", report: HandBuilt.checked(HandBuilt.jinjing))])
    }

    @Test("text: one compiler-style line per finding, a score line per report, load errors counted")
    func text() {
        let lines = Self.listing.text().split(separator: "\n").map(String.init)
        #expect(lines.first == "content/2024/broken.txt: error: not UTF-8")
        #expect(lines.contains("content/2022/jinjiang-yonghe.txt:96: error: 表三 · 自然人 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0 [applications.balance d658fd56]"))
        #expect(lines.contains("content/2022/jinjiang-jinjing.txt: score 100/100 (sections 25/25, tables 20/20, arithmetic 25/25, preamble 15/15, improvements 10/10, timeliness 5/5)"))
        #expect(lines.contains { $0.hasPrefix("content/2022/jinjiang-yonghe.txt: score ") && $0.hasSuffix("timeliness not scored)") })
        #expect(Self.listing.hasErrors)
        // Seed 001's errors (balance, row total, narrative, section 四, 表四) and the load error.
        #expect(Self.listing.errorCount == 6)
    }

    @Test("JSON: findings with the spec's five keys, then one score object per report")
    func json() throws {
        let data = Data(try Self.listing.json().utf8)
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let findings = array.filter { $0["rule"] != nil }
        let scores = array.filter { $0["score"] != nil }
        #expect(findings.count + scores.count == array.count)
        #expect(scores.count == 2)
        for finding in findings {
            #expect(Set(finding.keys).isSuperset(of: ["file", "line", "rule", "severity", "message"]))
            #expect(["error", "warning"].contains(finding["severity"] as? String ?? ""))
        }
        let balance = try #require(findings.first { $0["rule"] as? String == "applications.balance" })
        #expect(balance["line"] as? Int == 96)
        #expect(balance["messageZh"] as? String == "表三 · 自然人 · 一+二 ≠ 三(七)+四：1 + 0 ≠ 0 + 0")
        #expect(balance["file"] as? String == "content/2022/jinjiang-yonghe.txt")
        let jinjing = try #require(scores.first { $0["id"] as? String == "jinjiang-jinjing-2022" })
        let score = try #require(jinjing["score"] as? [String: Any])
        #expect(score["total"] as? Double == 100)
        #expect((score["parts"] as? [[String: Any]])?.count == 6)
    }

    @Test("a clean set has no errors")
    func clean() {
        let listing = CheckListing(problems: [], entries: [.init(file: "a.txt", report: HandBuilt.checked(HandBuilt.jinjing))])
        #expect(!listing.hasErrors)
        #expect(listing.text().hasSuffix("\n1 report checked: 0 errors, 0 warnings; lowest score 100/100 (a.txt)"))
    }

    @Test("the summary names the lowest score and whose; --min-score lists the reports below it")
    func summaryAndMinimum() throws {
        let listing = Self.listing
        let lines = listing.lines(minScore: 90)
        // Seed 000 (金井镇) is complete: 100. Seed 001 (永和镇) lacks 表四 and section 四: far below.
        let yonghe = try #require(listing.entries.first { $0.file.hasSuffix("yonghe.txt") }?.report.score?.total)
        #expect(yonghe < 90)
        let shown = String(format: "%.2f", yonghe)
        #expect(lines.last == "2 reports checked: 6 errors, \(listing.warningCount) warnings; lowest score \(shown)/100 (content/2022/jinjiang-yonghe.txt)")
        #expect(lines.contains("content/2022/jinjiang-yonghe.txt: score \(shown)/100 is below --min-score 90"))
        #expect(!lines.contains { $0.hasPrefix("content/2022/jinjiang-jinjing.txt: score 100/100 is below") })
        #expect(listing.scoring(below: yonghe).isEmpty)
        #expect(listing.scoring(below: 100).map(\.file) == ["content/2022/jinjiang-yonghe.txt"])
        #expect(listing.lines().count == lines.count - 1)
    }

    @Test("--lang zh: the site's Chinese message, severity and part labels")
    func chinese() {
        let lines = Self.listing.lines(language: .chinese)
        #expect(lines.contains("content/2022/jinjiang-yonghe.txt:96: 错误: 表三 · 自然人 · 一+二 ≠ 三(七)+四：1 + 0 ≠ 0 + 0 [applications.balance d658fd56]"))
        #expect(lines.contains { $0.hasPrefix("content/2022/jinjiang-jinjing.txt: 得分 100/100 (六部分齐全 25/25, ") })
        #expect(lines.last?.hasPrefix("共检查 2 份报告：错误 6 处，警告 \(Self.listing.warningCount) 处；最低分 ") == true)
        #expect(lines.last?.hasSuffix("/100（content/2022/jinjiang-yonghe.txt）") == true)
    }
}
