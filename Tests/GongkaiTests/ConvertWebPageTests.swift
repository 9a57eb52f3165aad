import Foundation
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing
@testable import GongkaiConvert

/// Saved government web pages: charset, page chrome, tables with rowspan/colspan.
@Suite struct ConvertWebPageTests {
    func convert(_ html: String) throws -> [String] {
        try convert(bytes: Array(html.utf8))
    }

    func convert(bytes: [UInt8]) throws -> [String] {
        try WebPageConverter.convert(bytes: bytes, path: "page.html").text.split(separator: "\n").map(String.init)
    }

    /// 洪泽区人民政府2023年政府信息公开工作年度报告 in GBK (encoded by Python's gbk codec).
    static let titleGBK: [UInt8] = [
        186, 233, 212, 243, 199, 248, 200, 203, 195, 241, 213, 254, 184, 174, 50, 48, 50, 51, 196, 234, 213, 254, 184, 174,
        208, 197, 207, 162, 185, 171, 191, 170, 185, 164, 215, 247, 196, 234, 182, 200, 177, 168, 184, 230,
    ]

    /// 表三's head as the national format prints it: merged header cells, labels merged down.
    static let applicationsHead = """
        <table border="1">
        <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
        <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
        <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
        <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>21</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>21</td></tr>
        <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
        <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
        <tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        </table>
        """

    @Test func rowspanAndColspanLandInTheirColumns() throws {
        let lines = try convert("<html><body><h1>某镇2023年政府信息公开工作年度报告</h1>\(Self.applicationsHead)</body></html>")
        #expect(lines == [
            "某镇2023年政府信息公开工作年度报告",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况",
            "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
            "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
            "一、本年新收政府信息公开申请数量\t\t\t21\t0\t0\t0\t0\t0\t21",
            "三、本年度办理结果\t（一）予以公开\t\t3\t0\t0\t0\t0\t0\t3",
            "\t（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1",
            "\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0",
        ])
    }

    /// The GBK page of 永和镇 declares gb2312 the old way (http-equiv) and wraps the report in a
    /// layout table with navigation, a breadcrumb, an attachment link and a footer.
    @Test func gbkPageDecodedAndChromeLeftOut() throws {
        let bytes = try DocumentFixture.bytes("yonghe-page-gbk.htm")
        #expect(String(validating: bytes, as: UTF8.self) == nil)  // really GBK, not UTF-8
        let converted = try WebPageConverter.convert(bytes: bytes, path: "yonghe-page-gbk.htm")
        #expect(converted.conversion.tool.contains("GB18030"))
        let lines = converted.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "晋江市永和镇2022年 政府信息公开工作报告")
        #expect(Array(lines.suffix(2)) == ["六、其他需要报告的事项", "无"])
        #expect(lines.contains("地址：晋江市永和镇锦石街27号"))
        #expect(lines.contains("一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t0"))
        for chrome in ["当前位置", "附件下载", "版权所有", "网站标识码", "政府信息公开指南", "互动交流", "打印本页", "统计代码", "发布时间"] {
            #expect(!converted.text.contains(chrome), "chrome left in: \(chrome)")
        }
    }

    @Test func utf8PageWithHtml5CharsetAndChrome() throws {
        let converted = try WebPageConverter.convert(bytes: try DocumentFixture.bytes("jinjing-page.html"), path: "p.html")
        #expect(converted.conversion.tool.contains("UTF-8"))
        let lines = converted.text.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == ["晋江市金井镇人民政府文件", "晋江市金井镇人民政府 2022 年政府信息 公开工作年度报告"])
        for chrome in ["当前位置", "附件下载", "版权所有", "首页", "本页浏览量统计", "color:red"] {
            #expect(!converted.text.contains(chrome), "chrome left in: \(chrome)")
        }
        #expect(Array(lines.suffix(2)) == ["金井镇党政综合办公室", "2023年1月11日印发"])
    }

    /// The 洪泽区 page declares gb2312 but was saved as UTF-8: read as UTF-8, with a note.
    @Test func resavedPageReadByItsBytes() throws {
        let converted = try WebPageConverter.convert(bytes: try DocumentFixture.bytes("hongze-page.html"), path: "hongze-page.html")
        #expect(converted.conversion.tool == "libxml2 HTML parser (UTF-8)")
        #expect(converted.notes == ["hongze-page.html: the page declares charset gb2312 but its bytes are UTF-8; read as UTF-8"])
        #expect(converted.text.contains("行政事业性收费\t7730.28"))
    }

    @Test func charsetDeclarations() {
        #expect(WebPageCharset.detect(Array("<meta charset=\"GBK\"><p>\u{00}".utf8)).encoding == "GB18030")
        #expect(WebPageCharset.detect(Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">".utf8)).encoding == "GB18030")
        #expect(WebPageCharset.detect(Array("<meta charset='utf-8'>".utf8)).encoding == "UTF-8")
        // Declared GB2312 but saved as UTF-8: the bytes win, with a note.
        let resaved = WebPageCharset.detect(Array("<meta charset=\"gb2312\"><p>年度报告</p>".utf8))
        #expect(resaved == WebPageCharset.Choice(encoding: "UTF-8", overridden: "gb2312"))
        // No declaration, not UTF-8: GBK.
        #expect(WebPageCharset.detect(Array("<p>".utf8) + Self.titleGBK).encoding == "GB18030")
    }

    @Test func undeclaredGBKPageDecoded() throws {
        let lines = try convert(bytes: Array("<html><body><p>".utf8) + Self.titleGBK + Array("</p><p>0517-87222589</p></body></html>".utf8))
        #expect(lines == ["洪泽区人民政府2023年政府信息公开工作年度报告", "0517-87222589"])
    }

    /// A title outside the content block (in the page's header) is put back at the top.
    @Test func titleFromOutsideTheContent() throws {
        let paragraph = String(repeating: "本报告根据条例编制，所列数据的统计期限自2022年1月1日起至12月31日止。", count: 8)
        let lines = try convert("""
            <html><head><title>晋江市东石镇2022年政府信息公开工作年度报告_晋江市人民政府</title></head><body>
            <div class="nav"><a href="/">首页</a></div><div class="article"><p>\(paragraph)</p><p>一、总体情况</p></div>
            </body></html>
            """)
        #expect(lines == ["晋江市东石镇2022年政府信息公开工作年度报告", paragraph, "一、总体情况"])
    }

    @Test func pageWithoutChineseTextIsAnError() {
        let error = #expect(throws: ConversionError.self) { try WebPageConverter.convert(bytes: Array("<html><body>404 Not Found</body></html>".utf8), path: "x.htm") }
        #expect(error?.path == "x.htm")
    }

    @Test("blank 法人或其他组织 cells stay in their columns: 自然人 and 总计 are read, the blanks are unknown")
    func blankCellsKeepTheirColumns() throws {
        let html = """
            <html><body><h1>某镇2023年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p><table border="1">
            <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
            <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
            <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
            <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td></td><td></td><td> </td><td></td><td>&nbsp;</td><td>5</td></tr>
            <tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>1</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
            </table></body></html>
            """
        let lines = try convert(html)
        #expect(lines.contains("一、本年新收政府信息公开申请数量\t\t\t5\t[blank]\t[blank]\t[blank]\t[blank]\t[blank]\t5"))
        // empty cells after the last value may be a ragged row's padding: left empty, not guessed
        #expect(lines.contains("二、上年结转政府信息公开申请数量\t\t\t1"))
        #expect(!lines.contains { $0.hasPrefix("\t") && $0.contains("[blank]") })
        let text = lines.joined(separator: "\n")
        let report = ReportParser.parse(try SourceLoader.load(bytes: Array(text.utf8), path: "page.txt"))
        let table = try #require(report.tables.applications)
        #expect(table[.newReceived, .naturalPerson] == .number(5))
        #expect(table[.newReceived, .total] == .number(5))
        #expect(table[.newReceived, .commercialEnterprise] == .unknown)
    }
}
