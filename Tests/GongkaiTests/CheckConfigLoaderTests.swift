import Foundation
import GongkaiLoad
import GongkaiModel
import Testing

@Suite("Check: content/gongkai.yaml")
struct CheckConfigLoaderTests {
    static let path = "content/gongkai.yaml"

    @Test("a full configuration: title, baseURL, deadline, weights, roster with aliases")
    func fullConfiguration() throws {
        let yaml = """
            title: 晋江市政府信息公开工作年度报告
            baseURL: https://example.org/gongkai/
            deadline: "03-31"
            weights:
              sections: 30
              timeliness: 0
            roster:
              - 晋江市龙湖镇人民政府
              - name: 晋江市永和镇人民政府
                aliases: [永和镇人民政府, 永和镇]
            """
        let config = try SiteConfigLoader.parse(yaml, path: Self.path)
        #expect(config.title == "晋江市政府信息公开工作年度报告")
        #expect(config.baseURL == "https://example.org/gongkai/")
        #expect(config.deadline == SiteConfig.MonthDay(3, 31))
        #expect(config.weights["sections"] == 30)
        #expect(config.weights["timeliness"] == 0)
        #expect(config.weights["arithmetic"] == 25)  // not named: the default
        #expect(config.roster == [
            SiteConfig.RosterEntry(name: "晋江市龙湖镇人民政府"),
            SiteConfig.RosterEntry(name: "晋江市永和镇人民政府", aliases: ["永和镇人民政府", "永和镇"]),
        ])
    }

    @Test("no file gives the defaults")
    func missingFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-no-config-\(UUID().uuidString)")
        let config = try SiteConfigLoader.load(contentDirectory: folder)
        #expect(config == SiteConfig())
    }

    @Test("invalid YAML is an error naming the file and line")
    func invalidYAML() {
        let yaml = "title: ok\nweights: {sections: 25\nroster: []\n"
        #expect {
            try SiteConfigLoader.parse(yaml, path: Self.path)
        } throws: { error in
            guard let error = error as? LoadError else { return false }
            return error.path == Self.path && error.line != nil && error.description.hasPrefix("content/gongkai.yaml:")
        }
    }

    @Test("wrong types and unknown keys are errors at their line",
          arguments: [
              ("title: t\nweights:\n  sections: many\n", 3, "sections"),
              ("title: t\ndeadline: \"31-01\"\n", 2, "deadline"),
              ("deadlines:\n  departments: \"01-31\"\n", 2, "departments"),
              ("deadlines:\n  government: \"3/31\"\n", 2, "deadlines.government"),
              ("roster:\n  - name: 甲\n    alias: [乙]\n", 3, "alias"),
              ("title: t\n\nweight: {sections: 1}\n", 3, "weight"),
              ("weights:\n  sections: -5\n", 2, "sections"),
              ("roster: 晋江市龙湖镇人民政府\n", 1, "roster"),
          ])
    func wrongTypes(yaml: String, line: Int, word: String) {
        #expect {
            try SiteConfigLoader.parse(yaml, path: Self.path)
        } throws: { error in
            guard let error = error as? LoadError else { return false }
            return error.line == line && error.message.contains(word)
        }
    }

    @Test("the default weights, written out as content/gongkai.yaml writes them, parse to SiteConfig's defaults")
    func defaultsWrittenOut() throws {
        let yaml = """
            deadlines: {department: "01-31", government: "03-31"}
            weights: {sections: 25, tables: 20, arithmetic: 25, preamble: 15, improvements: 10, timeliness: 5}
            """
        let config = try SiteConfigLoader.parse(yaml, path: Self.path)
        #expect(config.weights == SiteConfig.defaultWeights)
        #expect(config.deadlines == SiteConfig.defaultDeadlines && config.deadline == nil)
    }
}
