import Foundation
import Testing
import GongkaiModel
@testable import GongkaiSite

/// Each report's tables in one CSV, `reports/<id>-tables.csv`, from the two real seeds built as a site.
/// Values read by hand: seed 000 (晋江市金井镇 2022) line 85 prints 一、本年新收 as seven 0s and has
/// 表二、表三、表四; seed 001 (晋江市永和镇 2022) line 96 prints 一、本年新收 自然人 1 and 总计 0, and
/// line 104 （三）5.属于三类内部事务信息 only six numbers (自然人 1, 总计 missing).
@Suite struct ReportCSVTests {
    static func csv(_ site: TemporarySite, _ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: site.output.appendingPathComponent(path)))
    }

    @Test func oneCSVPerReportHoldsItsTablesInPageOrder() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        _ = try site.builder().build()
        let files = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("reports").path)
        #expect(files.filter { $0.hasSuffix(".csv") }.sorted() == ["jinjiang-jinjing-2022-tables.csv", "jinjiang-yonghe-2022-tables.csv"])
        let bytes = try Self.csv(site, "reports/jinjiang-jinjing-2022-tables.csv")
        // Excel reads the Chinese only with the byte-order mark.
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("表二 主动公开政府信息情况\r\n第二十条第（一）项\r\n信息内容,本年制发件数,本年废止件数,现行有效件数\r\n规章,0,0,0\r\n"))
        #expect(text.contains("行政事业性收费,0\r\n\r\n表三 收到和处理政府信息公开申请情况\r\n项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\r\n"
            + "一、本年新收政府信息公开申请数量,0,0,0,0,0,0,0\r\n"))
        #expect(text.contains("\r\n\r\n表四 政府信息公开行政复议、行政诉讼情况\r\n类别,结果维持,结果纠正,其他结果,尚未审结,总计\r\n行政复议,0,0,0,0,0\r\n"))
        #expect(text.hasSuffix("行政诉讼 · 复议后起诉,0,0,0,0,0\r\n"))
    }

    @Test func unknownCellIsAnEmptyFieldInTheReportCSV() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        _ = try site.builder().build()
        let text = String(decoding: try Self.csv(site, "reports/jinjiang-yonghe-2022-tables.csv").dropFirst(3), as: UTF8.self)
        #expect(text.contains("\r\n一、本年新收政府信息公开申请数量,1,0,0,0,0,0,0\r\n"))
        #expect(text.contains("\r\n（三）5.属于三类内部事务信息,1,0,0,0,0,0,\r\n"))
    }

    @Test func everyTableLinksToTheOneCSVNamingTheTablesItHolds() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        _ = try site.builder().build()
        let html = try site.read("reports/jinjiang-jinjing-2022.html")
        let link = #"<a class="csv" href="../reports/jinjiang-jinjing-2022-tables.csv">下载 CSV（表二、表三、表四）</a>"#
        #expect(html.components(separatedBy: link).count - 1 == 3)
    }

    @Test func aReportWithOnlyTable3NamesOnlyIt() {
        let report = SiteReportPageTests.yonghe()
        let tables = ReportTables(report: report).all
        #expect(tables.map(\.csvLabel) == ["下载 CSV（表三）"])
        #expect(ReportTables.csvPaths(report) == ["reports/jinjiang-yonghe-2022-tables.csv"])
        var bare = report
        bare.tables = Tables()
        #expect(ReportTables.csvPaths(bare).isEmpty && ReportTables.csvFile(ReportTables(report: bare).all) == nil)
    }

    @Test func fieldsWithCommaQuoteOrLineBreakAreQuotedAsRFC4180() {
        // 表三's row label with its comma, as seed 000 line 91 prints it, and a quoted phrase.
        let bytes = CSV.bytes([["（二）部分公开(区分处理的, 只计这一情形, 不计其他情形)", "0"], ["危及\"三安全一稳定\"", "两行\r\n文字"]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self)
            == "\"（二）部分公开(区分处理的, 只计这一情形, 不计其他情形)\",0\r\n\"危及\"\"三安全一稳定\"\"\",\"两行\r\n文字\"\r\n")
        #expect(CSV.bytes([]) == [0xEF, 0xBB, 0xBF, 0x0D, 0x0A])
    }
}
