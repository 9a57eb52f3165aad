import Foundation
import Testing
@testable import GongkaiConvert

/// Word tables: merged cells (gridSpan, vMerge, gridBefore) land in their grid columns.
@Suite struct ConvertWordTests {
    static let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    func lines(_ body: String) throws -> [String] {
        let xml = "<w:document \(Self.namespace)><w:body>\(body)</w:body></w:document>"
        let root = try #require(MarkupParser.xml(Array(xml.utf8)))
        var lines: [String] = []
        WordConverter.appendBlocks(of: try #require(root.firstChild("body")), to: &lines)
        return lines
    }

    func cell(_ text: String, span: Int = 1, merge: String? = nil) -> String {
        var properties = span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : ""
        if let merge { properties += merge == "continue" ? "<w:vMerge/>" : "<w:vMerge w:val=\"\(merge)\"/>" }
        return "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
    }

    /// The head of 表三: 申请人情况 over seven columns, 法人或其他组织 over five, the first column merged down.
    @Test func gridSpanAndVMergeKeepColumns() throws {
        let table = "<w:tbl>"
            + "<w:tr>" + cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", span: 2, merge: "restart") + cell("申请人情况", span: 7) + "</w:tr>"
            + "<w:tr>" + cell("", span: 2, merge: "continue") + cell("自然人") + cell("法人或其他组织", span: 5) + cell("总计") + "</w:tr>"
            + "<w:tr>" + cell("一、本年新收政府信息公开申请数量", span: 2) + ["21", "0", "0", "0", "0", "0", "21"].map { cell($0) }.joined() + "</w:tr>"
            + "<w:tr>" + cell("三、本年度办理结果", merge: "restart") + cell("（一）予以公开") + ["3", "0", "0", "0", "0", "0", "3"].map { cell($0) }.joined() + "</w:tr>"
            + "<w:tr>" + cell("", merge: "continue") + cell("（二）部分公开") + ["4", "0", "0", "0", "0", "0", "4"].map { cell($0) }.joined() + "</w:tr>"
            + "</w:tbl>"
        #expect(try lines(table) == [
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况",
            "\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
            "一、本年新收政府信息公开申请数量\t\t21\t0\t0\t0\t0\t0\t21",
            "三、本年度办理结果\t（一）予以公开\t3\t0\t0\t0\t0\t0\t3",
            "\t（二）部分公开\t4\t0\t0\t0\t0\t0\t4",
        ])
    }

    @Test func gridBeforeShiftsTheRow() throws {
        let table = "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>" + cell("商业企业") + cell("科研机构") + "</w:tr></w:tbl>"
        #expect(try lines(table) == ["\t\t商业企业\t科研机构"])
    }

    /// A label wrapped over two paragraphs in its cell is one label; deleted text is left out.
    @Test func cellParagraphsJoinAndDeletionsAreDropped() throws {
        let table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>四、结转下年度</w:t></w:r></w:p><w:p><w:r><w:t>继续办理</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:del><w:r><w:delText>9</w:delText></w:r></w:del><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        #expect(try lines(table) == ["四、结转下年度继续办理\t0"])
    }

    @Test func textBoxReadOnce() throws {
        let box = "<w:p><w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
            + "<mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>年度报告</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>年度报告</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
            + "</mc:AlternateContent></w:r></w:p>"
        #expect(try lines(box) == ["年度报告"])
    }

    @Test func paragraphsRunsTabsAndBreaks() throws {
        let body = "<w:p><w:r><w:t>一、总体</w:t></w:r><w:r><w:t>情况</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>电话：</w:t></w:r><w:r><w:tab/><w:t>85381065</w:t><w:br/><w:t>邮编：362251</w:t></w:r></w:p>"
            + "<w:sdt><w:sdtContent><w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        #expect(try lines(body) == ["一、总体情况", "电话：\t85381065", "邮编：362251", "二、主动公开政府信息情况"])
    }

    /// The generated Word file of 金井镇 has LibreOffice's own gridSpan and vMerge cells (checked
    /// in the archive), and its 表三 rows come out as in the seed.
    @Test func libreOfficeDocxTableRows() throws {
        let xml = String(decoding: try WordConverter.documentXML(try DocumentFixture.bytes("jinjing.docx"), path: "jinjing.docx"), as: UTF8.self)
        #expect(xml.contains("<w:gridSpan w:val=\"7\"/>"))
        #expect(xml.contains("<w:vMerge w:val=\"continue\"/>"))
        let text = try #require(try? WordConverter.convert(bytes: try DocumentFixture.bytes("jinjing.docx"), path: "jinjing.docx").text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"))
        #expect(lines.contains("\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0"))
        #expect(lines.contains("规章\t0\t0\t0"))
    }

    @Test func corruptDocxNamesTheFile() throws {
        var bytes = try DocumentFixture.bytes("yonghe.docx")
        bytes.replaceSubrange(200..<min(bytes.count, 6000), with: Array(repeating: 0x41, count: 5800))
        let error = #expect(throws: ConversionError.self) { try WordConverter.convert(bytes: bytes, path: "2022/yonghe.docx") }
        #expect(error?.path == "2022/yonghe.docx")
        #expect(error?.description.hasPrefix("2022/yonghe.docx: error: ") == true)
        #expect(error?.message.contains("damaged") == true || error?.message.contains("not a") == true)
    }

    @Test func oldBinaryDocIsNamed() {
        let error = #expect(throws: ConversionError.self) {
            try WordConverter.convert(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], path: "a.docx")
        }
        #expect(error?.message.contains("old binary .doc") == true)
    }

    @Test("a Word table's blank cell between values stays in its column; empty cells around the values stay empty")
    func blankCellsKeepTheirColumns() {
        let empty = MergedCellGrid.emptyCell
        let grid = MergedCellGrid(gridRows: [[empty, "自然人", "总计"], ["一、本年新收政府信息公开申请数量", "3", empty, "3"], ["二、上年结转", "1", empty, empty], ["（七）总计", empty, "0", empty, "0", empty]])
        #expect(grid.lines == ["\t自然人\t总计", "一、本年新收政府信息公开申请数量\t3\t[blank]\t3", "二、上年结转\t1", "（七）总计\t\t0\t[blank]\t0"])
    }
}
