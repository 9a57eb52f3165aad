import Testing
import GongkaiModel
import GongkaiParse

/// Rows whose cells are glued to their labels, and input that must never crash the parsers.
@Suite struct TableRobustnessTests {
    @Test func illegibleCellStaysInItsColumn() throws {
        // 永和 2022 line 96 as an OCR pass writes it when 商业企业 was not read with confidence.
        let lines = TableLines.synthetic([
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "一、本年新收政府信息公开申请数量\t\t1\t[illegible]\t0\t0\t0\t0\t1",
            "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
        ], from: 95)
        let table = try #require(ApplicationTableParser.parse(lines).table)
        #expect(table[.newReceived, .naturalPerson] == .number(1))
        #expect(table[.newReceived, .commercialEnterprise].isUnknown)
        #expect(table[.newReceived, .researchInstitution] == .number(0))
        #expect(table[.newReceived, .total] == .number(1))
    }

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

    @Test func gluedRowsSettledByColumnBalances() throws {
        // As pingtan 2021, one row per line: 予以公开 270020130 splits two ways by its own total;
        // only 27,0,0,2,0,1,30 lets （七）总计 equal the outcome rows in every column.
        let lines = TableLines.synthetic([
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "一、本年新收政府信息公开申请数量640020470",
            "二、上年结转政府信息公开申请数量0000000",
            "（一）予以公开270020130",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5",
            "（三）不予公开 1.属于国家秘密0000000",
            "2.其他法律行政法规禁止公开0000000",
            "3.危及“三安全一稳定”0000000",
            "4.保护第三方合法权益0000000",
            "5.属于三类内部事务信息1000001",
            "6.属于四类过程性信息0000000",
            "7.属于行政执法案卷6000006",
            "8.属于行政查询事项1000001",
            "（四）无法提供 1.本机关不掌握相关政府信息220000325",
            "2.没有现成信息需要另行制作0000000",
            "3.补正后申请内容仍不明确0000000",
            "（五）不予处理 1.信访举报投诉类申请0000000",
            "2.重复申请0000000",
            "3.要求提供公开出版物0000000",
            "4.无正当理由大量反复申请0000000",
            "5.要求行政机关确认或重新出具已获取信息0000000",
            "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0000000",
            "3.其他1000001",
            "（七）总计630020469",
            "四、结转下年度继续办理1000001",
        ], from: 1)
        let (parsed, diagnostics) = ApplicationTableParser.parse(lines)
        let table = try #require(parsed)
        #expect(ApplicantColumn.allCases.map { table[.granted, $0].number } == [27, 0, 0, 2, 0, 1, 30])
        #expect(ApplicantColumn.allCases.map { table[.unableNotHeld, $0].number } == [22, 0, 0, 0, 0, 3, 25])
        #expect(!diagnostics.contains { $0.code == "row.unsplittable" })
        #expect(table.rowOrder.allSatisfy { table.rows[$0] != nil })
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
