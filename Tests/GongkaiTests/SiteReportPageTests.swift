import Foundation
import Testing
import GongkaiModel
@testable import GongkaiSite

/// The report page's tables, from values read by hand in seed 001 (晋江市永和镇 2022, OCR-damaged):
/// line 96 一、本年新收 prints 自然人 1 and 总计 0; line 104 （三）5.属于三类内部事务信息 prints only six
/// numbers (自然人 1, 总计 missing); line 120 （七）总计 prints 自然人 0.
@Suite struct SiteReportPageTests {
    static func yonghe() -> Report {
        var table = ApplicationTable(otherHandling: .threeRows, line: 93)
        for column in ApplicantColumn.allCases {
            table[.newReceived, column] = .number(column == .naturalPerson ? 1 : 0)
            table[.outcomeTotal, column] = .number(0)
            if column != .total { table[.refusedInternalAffairs, column] = .number(column == .naturalPerson ? 1 : 0) }
        }
        var report = Report(id: "jinjiang-yonghe-2022", source: "2022/jinjiang-yonghe.txt", format: .f2021, body: "晋江市永和镇人民政府",
                            year: 2022, contact: Contact(address: "晋江市永和镇锦石街27号", postcode: "362235", phone: "0595-88082141"),
                            text: Fixture.text(Fixture.seedYonghe))
        report.lines = ["contact.phone": 11]
        report.tables.applications = table
        report.findings = [Finding(rule: "applications.outcomeTotal", severity: .error, message: "表三 · 自然人 · （七）总计 ≠ （一）至（六）之和: 0 ≠ 1",
                                   messageZh: "表三 · 自然人 · （七）总计 ≠ （一）至（六）之和：0 ≠ 1",
                                   line: 120, cells: ["applications.outcomeTotal.naturalPerson"])]
        return report
    }

    static func render(_ report: Report) throws -> String {
        let theme = try Theme.load(overridesIn: nil)
        let model = SiteModel(reports: [report], config: SiteConfig())
        return theme.render("report", ReportPage(report: report, model: model).context().mustache)
    }

    @Test func unknownCellsAreMarkedNotZero() throws {
        let html = try Self.render(Self.yonghe())
        // 总计 of （三）5 is missing in the source: shown as "?" with a title, never as 0.
        #expect(html.contains(#"<td class="unknown" title="无法识别">?</td>"#))
        #expect(html.contains(#"<th scope="row">（三）5.属于三类内部事务信息</th><td data-sort="1">1</td>"#))
    }

    @Test func cellsNamedByAFindingAreHighlighted() throws {
        let html = try Self.render(Self.yonghe())
        #expect(html.contains(#"<td class="fail" title="表三 · 自然人 · （七）总计 ≠ （一）至（六）之和：0 ≠ 1" data-sort="0">0</td>"#))
        #expect(html.contains(##"<a href="#L120">原文第120行</a>"##))
        #expect(html.contains(#"id="L120""#))
    }

    @Test func tablesHaveCaptionsAndHeaderScopes() throws {
        let html = try Self.render(Self.yonghe())
        #expect(html.contains(#"<caption>表三 收到和处理政府信息公开申请情况 <a class="csv" href="../reports/jinjiang-yonghe-2022-tables.csv">下载 CSV（表三）</a></caption>"#))
        #expect(html.contains(#"<th scope="colgroup" colspan="5" rowspan="1">法人或其他组织</th>"#))
        #expect(html.contains(#"<th scope="row">一、本年新收政府信息公开申请数量</th>"#))
    }

    @Test func metadataLinksToItsSourceLine() throws {
        let html = try Self.render(Self.yonghe())
        #expect(html.contains("0595-88082141"))
        #expect(html.contains(##"href="#L11""##))
        #expect(html.contains("晋江市永和镇人民政府"))
    }

    @Test func tableCSVLeavesUnknownEmpty() {
        let view = ReportTables(report: Self.yonghe()).applications
        let rows = view?.csvRows ?? []
        #expect(rows.first == ["项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
        #expect(rows.contains(["（三）5.属于三类内部事务信息", "1", "0", "0", "0", "0", "0", ""]))
    }

    @Test func yearComparisonCSVLeavesUnknownEmpty() {
        let report = Self.yonghe()
        let model = SiteModel(reports: [report], config: SiteConfig())
        let bytes = CSV.bytes(YearPage(year: model.years[0], model: model).table.csvRows)
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        // the score and the errors beside the name, then the figures
        #expect(text.hasPrefix("机关,完整性得分,勾稽错误（项）,主动公开信息数（条）,本年新收申请"))
        // 本年新收申请 is 表三's 总计 column as printed (0); 主动公开 is not stated: an empty field.
        let row = text.components(separatedBy: "\r\n").first { $0.hasPrefix("晋江市永和镇人民政府,") }?.components(separatedBy: ",") ?? []
        #expect(row.count > 4 && row[3] == "" && row[4] == "0", "\(row)")
    }

    @Test func slugsAreReadableASCII() {
        #expect(SitePath.slug("金井镇") == "jin-jing-zhen")
        #expect(SitePath.root(from: "reports/x.html") == "../")
        #expect(SitePath.root(from: "index.html") == "")
        #expect(!SitePath.isSafe("../x.html") && !SitePath.isSafe("/etc/x") && !SitePath.isSafe("a//b") && SitePath.isSafe("reports/a.html"))
    }
}
