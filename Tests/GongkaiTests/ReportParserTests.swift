import Foundation
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import GongkaiSite
import Testing

@Suite("ReportParser: the whole report")
struct ReportParserTests {
    @Test("Ids from city, town or body and year", arguments: [
        (Fixture.seedJinjing, "jinjiang-jinjing-2022"), (Fixture.seedYonghe, "jinjiang-yonghe-2022"),
        (Fixture.hongze, "huaian-hongze-2023"), (Fixture.pingtan2023, "pingtan-2023"), (Fixture.pingtan2020, "pingtan-2020"),
        (Fixture.shanghai, "shanghai-kewei-2024"), (Fixture.liangcheng, "liangcheng-2020"), (Fixture.taiping, "taiping-2022"),
    ])
    func ids(name: String, id: String) throws {
        #expect(try ParsedFixture.report(name).id == id)
    }

    @Test func idIsASafeSlugEvenWithoutMetadata() throws {
        let report = try ParsedFixture.report(text: "无标题的文字。\n", path: "x/y.txt")
        #expect(Slug.isSafe(report.id))
        #expect(report.id.hasPrefix("report-"))
    }

    @Test func lineNumbersCountFromTheFileAfterFrontMatter() throws {
        let report = try ParsedFixture.report(text: "---\nyear: 2022\n---\n某镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n")
        #expect(report.textStartLine == 4)
        #expect(report.lines["title"] == 4)
        #expect(report.section(1)?.line == 5)
        #expect(report.overrides == ["year"])
    }

    @Test func formatIsUnknownWithoutTables() throws {
        // the year never decides the format; with no table recognised it stays unknown
        let report = try ParsedFixture.report(text: "某镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n")
        #expect(report.format == nil)
    }

    @Test func formatFollowsTheTables() {
        #expect(ReportParser.format(of: Tables(proactive: ProactiveTable(format: .f2019))) == .f2019)
        #expect(ReportParser.format(of: Tables(applications: ApplicationTable(otherHandling: .singleRow))) == .f2019)
        #expect(ReportParser.format(of: Tables(applications: ApplicationTable(otherHandling: .threeRows))) == .f2021)
        #expect(ReportParser.format(of: Tables(
            proactive: ProactiveTable(format: .f2021), applications: ApplicationTable(otherHandling: .singleRow))) == .f2021)
    }

    @Test func frontMatterFormatOverrides() throws {
        let report = try ParsedFixture.report(text: "---\nformat: 2019\n---\n一、总体情况\n")
        #expect(report.format == .f2019)
        #expect(report.overrides == ["format"])
    }

    @Test func exportKeepsTheDataModelKeys() throws {
        let report = try ParsedFixture.report(Fixture.seedJinjing)
        let data = Data(ReportJSON.array([report], pretty: true))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]]).first
        let json = try #require(object)
        #expect(json["id"] as? String == "jinjiang-jinjing-2022")
        #expect(json["body"] as? String == "晋江市金井镇人民政府")
        #expect((json["period"] as? [String: String])?["start"] == "2022-01-01")
        #expect((json["issued"] as? [String: String])?["date"] == "2023-01-11")
        #expect((json["figures"] as? [String: Any])?["proactiveItems"] as? Int == 36)
        #expect((json["sections"] as? [[String: Any]])?.count == 6)
        #expect(json["encoding"] as? String == "UTF-8")
    }

    @Test func textIsKeptForTheFullPage() throws {
        let report = try ParsedFixture.report(Fixture.seedYonghe)
        #expect(report.text == Fixture.text(Fixture.seedYonghe))
        #expect(report.source == Fixture.seedYonghe)
    }
}

@Suite("Report ids: pinyin of place names")
struct ReportIdentifierTests {
    @Test func placeNamesReadAsPlaceNames() throws {
        let xiamen = try ParsedFixture.report(text: "厦门市同安区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n")
        #expect(xiamen.id == "xiamen-tongan-2022")
        let changle = try ParsedFixture.report(text: "福州市长乐区人民政府2021年政府信息公开工作年度报告\n一、总体情况\n")
        #expect(changle.id == "fuzhou-changle-2021")
    }
}
