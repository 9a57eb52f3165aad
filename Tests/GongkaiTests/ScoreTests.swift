import GongkaiCheck
import GongkaiLoad
import GongkaiModel
import Testing

@Suite("Score: completeness out of 100")
struct ScoreTests {
    static let reports = [HandBuilt.jinjing, HandBuilt.yonghe, HandBuilt.hongze]

    @Test("the parts sum to the total, and each part's deductions to what it lost", arguments: reports)
    func partsSumToTotal(report: Report) throws {
        let score = try #require(HandBuilt.checked(report).score)
        #expect(score.parts.map(\.id) == ["sections", "tables", "arithmetic", "preamble", "improvements", "timeliness"])
        #expect(abs(score.parts.map(\.points).reduce(0, +) - score.total) < 0.011)
        #expect(abs(score.parts.map(\.max).reduce(0, +) - 100) < 0.011)
        for part in score.parts {
            let lost = part.deductions.map(\.points).reduce(0, +)
            #expect(abs(part.max - part.points - lost) < 0.011 * Double(max(1, part.deductions.count)), "\(part.id)")
            #expect(part.points >= 0 && part.points <= part.max)
        }
    }

    @Test("seed 001 loses section points for the missing 四, with the finding's rule and line")
    func deductionsNameRuleAndLine() throws {
        let score = try #require(HandBuilt.checked(HandBuilt.yonghe).score)
        let sections = try #require(score.parts.first { $0.id == "sections" })
        #expect(sections.deductions.map(\.rule) == ["sections.present"])
        #expect(sections.deductions.first?.line == 125)
        #expect(sections.deductions.first?.reason.contains("四、政府信息公开行政复议、行政诉讼情况") == true)
        // One section of six: a sixth of the part.
        #expect(abs(sections.points - sections.max * 5 / 6) < 0.011)
        #expect(sections.label == "六部分齐全")
    }

    @Test("an unknown issue date leaves timeliness unscored and scales the other parts to 100")
    func unscoredTimelinessRescales() throws {
        let score = try #require(HandBuilt.checked(HandBuilt.hongze).score)
        let timeliness = try #require(score.parts.first { $0.id == "timeliness" })
        #expect(timeliness.max == 0 && timeliness.points == 0)
        #expect(timeliness.deductions.first?.reason.contains("not scored") == true)
        let sections = try #require(score.parts.first { $0.id == "sections" })
        #expect(abs(sections.max - 25 * 100 / 95) < 0.011)
        // Seed 000 has its date (2023年1月11日印发): timeliness is scored at its weight.
        let jinjing = try #require(HandBuilt.checked(HandBuilt.jinjing).score)
        #expect(jinjing.parts.first { $0.id == "timeliness" }?.max == 5)
    }

    @Test("a late report loses the timeliness points and only those")
    func lateReport() throws {
        var late = HandBuilt.jinjing
        late.issued.date = "2023-04-01"  // a town: 3月31日
        let score = try #require(HandBuilt.checked(late).score)
        #expect(score.total == 95)
        #expect(score.parts.first { $0.id == "timeliness" }?.deductions.map(\.rule) == ["timeliness.deadline"])
    }

    @Test("weights from gongkai.yaml change the score")
    func weightsFromYAML() throws {
        let yaml = "weights: {sections: 60, tables: 10, arithmetic: 10, preamble: 10, improvements: 5, timeliness: 5}\n"
        let config = try SiteConfigLoader.parse(yaml, path: "content/gongkai.yaml")
        #expect(config.weights["sections"] == 60)
        let byDefault = try #require(HandBuilt.checked(HandBuilt.yonghe).score)
        let weighted = try #require(HandBuilt.checked(HandBuilt.yonghe, config: config).score)
        #expect(weighted.total != byDefault.total)
        // Timeliness is not scored for seed 001 (no issue date): sections get 60 of 95, scaled to 100.
        let sections = try #require(weighted.parts.first { $0.id == "sections" })
        #expect(abs(sections.max - 60 * 100 / 95) < 0.011)
        #expect(abs(sections.points - sections.max * 5 / 6) < 0.011)
    }

    @Test("a report with nothing parsed scores 0 in every scored part but is still scored")
    func emptyReport() throws {
        let score = try #require(ReportChecker.check(Report(id: "x", source: "x.txt"), previous: nil, config: SiteConfig()).score)
        #expect(score.total < 1)
        #expect(score.parts.first { $0.id == "arithmetic" }?.deductions.isEmpty == false)
    }
}
