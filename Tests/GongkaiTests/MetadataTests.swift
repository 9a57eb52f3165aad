import Foundation
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing

@Suite("Metadata: body, place, year, period, contact, website, issued")
struct MetadataTests {
    @Test func jinjing() throws {
        let report = try ParsedFixture.report(Fixture.seedJinjing)
        #expect(report.body == "晋江市金井镇人民政府")
        #expect(report.city == "晋江市")
        #expect(report.town == "金井镇")
        #expect(report.year == 2022)
        #expect(report.title == "晋江市金井镇人民政府2022年政府信息公开工作年度报告")
        #expect(report.period == Period(start: "2022-01-01", end: "2022-12-31"))
        #expect(report.contact == Contact(address: "晋江市金井镇人民政府", postcode: "362251", phone: "85381065", fax: "85385525", email: "jjdzbyx@163.com"))
        #expect(report.website == "http://www.jinjiang.gov.cn")
        #expect(report.issued == Issued(by: "金井镇党政综合办公室", date: "2023-01-11"))
        #expect(report.lines["body"] == 7)
        #expect(report.lines["period"] == 9)
        #expect(report.lines["contact.phone"] == 11)
        #expect(report.lines["issued.by"] == 134)
        #expect(report.lines["issued"] == 136)
    }

    @Test func yonghe() throws {
        let report = try ParsedFixture.report(Fixture.seedYonghe)
        #expect(report.city == "晋江市")
        #expect(report.town == "永和镇")
        #expect(report.year == 2022)
        #expect(report.period == Period(start: "2022-01-01", end: "2022-12-31"))
        #expect(report.contact.address == "晋江市永和镇锦石街27号")
        #expect(report.contact.phone == "0595-88082141")
        #expect(report.contact.postcode == "362235")
        #expect(report.contact.email == nil)
        #expect(report.contact.fax == nil)
        #expect(report.website == "http://www.jinjiang.gov.cn/")
        #expect(report.lines["contact.address"] == 9)
        #expect(report.lines["contact.postcode"] == 13)
        #expect(report.issued == Issued())
    }

    @Test func hongzeWrappedOCRPreamble() throws {
        let report = try ParsedFixture.report(Fixture.hongze)
        #expect(report.body == "洪泽区人民政府")
        #expect(report.city == "淮安市")
        // a district's government: its county is the district; `town` holds towns and street offices only
        #expect(report.kind == .government && report.county == "洪泽区" && report.town == nil)
        #expect(report.year == 2023)
        #expect(report.period == Period(start: "2023-01-01", end: "2023-12-31"))
        #expect(report.contact.address == "淮安市洪泽区洪泽湖大道90号")
        #expect(report.contact.postcode == "223100")
        #expect(report.contact.phone == "0517-87222589")
        #expect(report.contact.email == "hzzwgk@126.com")
        #expect(report.lines["contact.postcode"] == 9)
        #expect(report.lines["contact.address"] == 8)
        #expect(report.lines["city"] == 4)
        #expect(report.lines["body"] == 1)
        #expect(report.lines["year"] == 2)
    }

    @Test func pingtanHeaderAndBody() throws {
        let report = try ParsedFixture.report(Fixture.pingtan2023)
        #expect(report.body == "平潭综合实验区")
        #expect(report.year == 2023)
        #expect(report.title == "平潭综合实验区2023年度政府信息公开工作年度报告")
        #expect(report.issued == Issued(by: "平潭综合实验区管委会办公室", date: "2024-03-08"))
        #expect(report.period == Period(start: "2023-01-01", end: "2023-12-31"))
        #expect(report.contact.address == "平潭综合实验区商务营运中心7号楼14层")
        #expect(report.contact.postcode == "350400")
        #expect(report.contact.phone == "0591-23165385")
        #expect(report.website == "www.pingtan.gov.cn")
        #expect(report.lines["title"] == 1)
        #expect(report.lines["issued.by"] == 4)
        #expect(report.lines["contact.phone"] == 10)
    }

    @Test func pingtanPhoneAndFaxTogether() throws {
        let report = try ParsedFixture.report(Fixture.pingtan2020)
        #expect(report.year == 2020)
        #expect(report.contact.phone == "0591-23165370")
        #expect(report.contact.fax == "0591-23165370")
        #expect(report.contact.email == "pzxxgkb@163.com")
        #expect(report.issued.date == "2021-03-05")
        #expect(report.issued.by == nil)  // 发布机构 is empty in the header
    }

    @Test func pingtan2021() throws {
        let report = try ParsedFixture.report(Fixture.pingtan2021)
        #expect(report.body == "平潭综合实验区")
        #expect(report.year == 2021)
        #expect(report.period == Period(start: "2021-01-01", end: "2021-12-31"))
        #expect(report.contact.email == nil)
    }

    @Test func shanghaiYearFirstTitleAndShortPeriod() throws {
        let report = try ParsedFixture.report(Fixture.shanghai)
        #expect(report.title == "2024年上海市科委政府信息公开工作年度报告")
        #expect(report.body == "上海市科委")
        #expect(report.city == "上海市")
        #expect(report.year == 2024)
        // 统计周期为 2024 年 1 月 1 日至 12 月 31 日
        #expect(report.period == Period(start: "2024-01-01", end: "2024-12-31"))
        #expect(report.lines["period"] == 10)
        #expect(report.website == "https://stcsm.sh.gov.cn")
        #expect(report.contact.isEmpty)
    }

    @Test func fragmentsWithoutTitles() throws {
        let liangcheng = try ParsedFixture.report(Fixture.liangcheng)
        #expect(liangcheng.body == "两城镇人民政府")
        #expect(liangcheng.town == "两城镇")
        #expect(liangcheng.year == 2020)
        #expect(liangcheng.period == Period(start: "2020-01-01", end: "2020-12-31"))
        #expect(liangcheng.contact.address == "微山县两城镇人民政府驻地府前路1号")
        #expect(liangcheng.contact.postcode == "272199")
        #expect(liangcheng.contact.phone == "0537-8451001")

        let taiping = try ParsedFixture.report(Fixture.taiping)
        #expect(taiping.body == "太平镇人民政府")
        #expect(taiping.town == "太平镇")
        #expect(taiping.year == 2022)

        let taojiang = try ParsedFixture.report(Fixture.taojiang)
        #expect(taojiang.body == "桃江县审计局")
        #expect(taojiang.year == 2020)
        #expect(taojiang.contact.phone == "0737-2691838")
        #expect(taojiang.diagnostics.contains { $0.code == "metadata.yearFromText" })
    }

    @Test func absentValuesAreNil() throws {
        let report = try ParsedFixture.report(text: "一、总体情况\n今年工作平稳。\n")
        #expect(report.body == nil)
        #expect(report.year == nil)
        #expect(report.period == nil)
        #expect(report.website == nil)
        #expect(report.contact.isEmpty)
        #expect(report.issued == Issued())
    }

    @Test func fileNameIsNeverMetadata() throws {
        let report = try ParsedFixture.report(text: "一、总体情况\n今年工作平稳。\n", path: "2022/jinjiang-jinjing.txt")
        #expect(report.city == nil)
        #expect(report.year == nil)
        #expect(!report.id.contains("jinjiang"))
    }

    @Test func issuedAtTheEndOfARunTogetherPage() throws {
        let folder = Fixture.realDirectory.deletingLastPathComponent().appendingPathComponent("variants")
        let report = ReportParser.parse(try SourceLoader.load(fileAt: folder.appendingPathComponent("anhai-one-line.txt"), relativeTo: folder))
        #expect(report.title == "晋江市安海镇人民政府2022年政府信息公开工作年度报告")
        #expect(report.issued == Issued(by: "安海镇党政综合办公室", date: "2023-01-11"))
        #expect(report.lines["issued"] == 1)
    }

    @Test func letterheadIsNotPartOfTheTitle() throws {
        let report = try ParsedFixture.report(text: "某县人民政府文件\n2022年政府信息公开工作年度报告\n一、总体情况\n")
        #expect(report.title == "2022年政府信息公开工作年度报告")
        #expect(report.lines["title"] == 2)
        #expect(report.year == 2022)
        #expect(report.body == nil)
    }

    @Test func aDateEndingTheTextIsNotAnIssueDate() throws {
        let report = try ParsedFixture.report(text: "一、总体情况\n六、其他需要报告的事项\n本年度未收取信息处理费，统计截至2023年12月31日\n")
        #expect(report.issued == Issued())
    }

    @Test func yearContradictedByThePeriodIsAWarning() throws {
        let text = "某镇人民政府2023年政府信息公开工作年度报告\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n"
        let report = try ParsedFixture.report(text: text)
        #expect(report.year == 2023)
        #expect(report.period == Period(start: "2022-01-01", end: "2022-12-31"))
        #expect(report.diagnostics.contains { $0.code == "metadata.yearMismatch" && $0.line == 2 && $0.severity == .warning })
    }

    @Test func bodyFromTheContactSentenceIsNoted() throws {
        let report = try ParsedFixture.report(Fixture.liangcheng)
        #expect(report.diagnostics.contains { $0.code == "metadata.bodyFromText" && $0.line == 3 })
        #expect(!report.diagnostics.contains { $0.code == "metadata.yearMismatch" })
    }
}
