import Testing
import GongkaiModel
import GongkaiParse

/// Rows whose cells are glued to their labels, and input that must never crash the parsers.
@Suite struct TableRobustnessTests {
    @Test func gluedApplicationRowsSplitOnlyWhenUnique() throws {
        let lines = TableLines.synthetic([
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "一、本年新收政府信息公开申请数量801000081",
            "二、上年结转政府信息公开申请数量0000000",
            "（一）予以公开270020130",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5",
        ], from: 20)
        let (parsed, diagnostics) = ApplicationTableParser.parse(lines)
        let table = try #require(parsed)
        #expect(ApplicantColumn.allCases.map { table[.newReceived, $0].number } == [80, 1, 0, 0, 0, 0, 81])
        #expect(table[.carriedOver, .total] == .number(0))
        #expect(ApplicantColumn.allCases.map { table[.partiallyGranted, $0].number } == [5, 0, 0, 0, 0, 0, 5])
        // 270020130 adds up as 27,0,0,2,0,1,30 and as 2,7,0,0,20,1,30: unknown, with its line.
        #expect(ApplicantColumn.allCases.allSatisfy { table[.granted, $0].isUnknown })
        #expect(table.row(.granted).line == 23)
        #expect(diagnostics.contains { $0.code == "row.unsplittable" && $0.line == 23 })
    }

    @Test func gluedProactiveRows() throws {
        let lines = TableLines.synthetic(["第二十条第（五）项", "信息内容本年处理决定数量", "行政许可2629", "行政规范性文件77132470"])
        let table = try #require(ProactiveTableParser.parse(lines).table)
        #expect(table[.licensing, .decisions] == .number(2629))
        #expect(table[.normativeDocuments, .issued].isUnknown)
        #expect(table.row(.normativeDocuments).line == 4)
    }

    @Test func textMarksStayText() throws {
        let lines = TableLines.synthetic(["第二十条第（八）项", "信息内容\t本年收费金额（单位：万元）", "行政事业性收费\t/"])
        let table = try #require(ProactiveTableParser.parse(TableLines.synthetic(["第二十条", "行政许可\t3"]) + lines).table)
        #expect(table[.fees, .amount] == .text("/"))
    }

    @Test func garbageNeverCrashes() {
        let samples: [[String]] = [
            [],
            [""],
            ["|", "||", "| |", "-", "--", "-1-", ".", "1.", "、"],
            ["行政复议", "审结总计"],
            ["行政复议审结总计"],
            ["行政复议结果维持尚未审结总计" + String(repeating: "9", count: 60)],
            ["申请人情况一、本年新收二、上年结转（一）予以公开" + String(repeating: "1", count: 80)],
            ["申请人情况一、本年新收1二、上年结转-（一）予以公开.(七)总计-1.5.四、结转下年度"],
            ["第二十条规章行政许可行政处罚行政强制-", "第二十条 规章 . 行政许可 - 行政处罚 1.2.3"],
            ["一、本年新收政府信息公开申请数量\t" + Array(repeating: "1", count: 40).joined(separator: "\t")],
            ["（七）总计", "1", "", "|", "2"],
            [String(repeating: "国家秘密", count: 50) + "1 2 3"],
        ]
        for sample in samples {
            let lines = TableLines.synthetic(sample)
            _ = ProactiveTableParser.parse(lines)
            _ = ApplicationTableParser.parse(lines)
            _ = ReviewTableParser.parse(lines)
        }
        let long = TableLines.synthetic(["行政复议结果维持尚未审结总计" + String(repeating: "9", count: 60)])
        // 60 digits cannot be fifteen cells that add up in any single way: unknown, never a guess.
        if let table = ReviewTableParser.parse(long).table {
            #expect(table.allCells.allSatisfy { $0.isUnknown })
        }
    }
}
