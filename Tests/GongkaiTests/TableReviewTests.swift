import Testing
import GongkaiModel
@testable import GongkaiParse

/// 表四 and the digit splitter behind the run-together forms.
@Suite struct TableReviewTests {
    @Test func seedJinjingAllZero() throws {
        let table = try #require(ReviewTableParser.parse(TableLines.of(Fixture.seedJinjing, 111...117)).table)
        #expect(table.numbers == Array(repeating: 0, count: 15))
        #expect(table.line == 111)
        #expect(table.groups[.lawsuitDirect]?.line == 116)
    }

    @Test func hongzeTotalsAsPrinted() throws {
        let table = try #require(ReviewTableParser.parse(TableLines.of(Fixture.hongze, 136...150)).table)
        #expect(table.numbers == [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0])
        #expect(table[.reconsideration, .total] == .number(0))
        #expect(table[.lawsuitAfterReconsideration, .upheld] == .number(5))
        #expect(table.groups[.reconsideration]?.line == 149)
    }

    @Test func shanghai() throws {
        let table = try #require(ReviewTableParser.parse(TableLines.of(Fixture.shanghai, 180...191)).table)
        #expect(table.numbers == [1, 0, 0, 0, 1] + Array(repeating: 0, count: 10))
    }

    @Test func pingtanRunTogether() throws {
        let expected: [(String, [Double?])] = [
            (Fixture.pingtan2023, [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]),
            (Fixture.pingtan2021, [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]),
            (Fixture.pingtan2020, Array(repeating: 0, count: 15)),
        ]
        for (fixture, numbers) in expected {
            let (parsed, diagnostics) = ReviewTableParser.parse(TableLines.of(fixture, 10...10))
            let table = try #require(parsed)
            #expect(table.numbers == numbers, "\(fixture)")
            #expect(table.line == 10)
            #expect(diagnostics.isEmpty)
        }
    }

    @Test func shortRowFillsLeftToRight() throws {
        let lines = TableLines.synthetic(["行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计", "1 0 0 0 1 2 0"], from: 40)
        let (parsed, diagnostics) = ReviewTableParser.parse(lines)
        let table = try #require(parsed)
        #expect(table.numbers == [1, 0, 0, 0, 1, 2, 0] + Array(repeating: nil, count: 8))
        #expect(diagnostics.map(\.code) == ["row.short"])
        #expect(diagnostics.first?.line == 42)
    }

    @Test func noNumbersMeansNoTable() {
        let lines = TableLines.synthetic(["四、政府信息公开行政复议、行政诉讼情况", "本年度无行政复议、行政诉讼。"])
        #expect(ReviewTableParser.parse(lines).table == nil)
    }

    @Test func splitterKeepsOnlyArithmeticSplits() {
        let rowAddsUp = ApplicationStreamReader.rowAddsUp
        #expect(DigitSplitter.split("200 000121", into: 7, accept: rowAddsUp) == .splits([[20, 0, 0, 0, 0, 1, 21]]))
        #expect(DigitSplitter.split("801000081", into: 7, accept: rowAddsUp) == .splits([[80, 1, 0, 0, 0, 0, 81]]))
        #expect(DigitSplitter.split("35-15", into: 2) { _ in true } == .splits([[35, -15]]))
        #expect(DigitSplitter.split("000", into: 3) { _ in true } == .splits([[0, 0, 0]]))
        guard case .splits(let many) = DigitSplitter.split("77132470", into: 3, accept: { _ in true }) else {
            Issue.record("expected splits")
            return
        }
        #expect(many.count > 1)
        // Leading zeros are never printed: 05 is not a cell.
        #expect(DigitSplitter.split("05", into: 1) { _ in true } == .splits([]))
    }

    @Test func pageFooterIsNotANumber() {
        #expect(LineCells("                                                                        -3-").isBlank)
        #expect(LineCells("行政事业性收费 35 -15").cells == [.number(35), .number(-15)])
        #expect(LineCells("行政事业性收费 1,234.5").cells == [.number(1234.5)])
        #expect(LineCells("行政许可 / ").cells == [.text("/")])
        // OCR cut the numbering from its label: `1 .属于国家秘密` keeps 1 in the label.
        let cut = LineCells("1 .属于国家秘密 0 0 0 0 0 0 0")
        #expect(cut.cells.count == 7)
        #expect(cut.label == "1.属于国家秘密")
    }
}
