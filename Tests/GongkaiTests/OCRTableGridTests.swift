import Testing
@testable import GongkaiConvert

/// The table finder on drawn pages, and the sums that reject misread numbers (no Tesseract needed).
struct OCRTableGridTests {
    /// A white page with black rules: `rows` and `columns` are rule positions, `gaps` rule
    /// segments left out (x or y of the rule, and the span along it) to merge cells.
    private func page(rows: [Int], columns: [Int], verticalGaps: [(x: Int, from: Int, to: Int)] = []) -> GrayImage {
        let (width, height) = (600, 400)
        var pixels = [UInt8](repeating: 245, count: width * height)
        for y in rows { for x in columns.first! ... columns.last! { pixels[y * width + x] = 10 } }
        for x in columns {
            for y in rows.first! ... rows.last! where !verticalGaps.contains(where: { $0.x == x && y > $0.from && y < $0.to }) {
                pixels[y * width + x] = 10
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    @Test func findsTheGridAndTheMergedCell() throws {
        // 3 rows × 4 columns at 100 dpi; the rule between the first two cells of the top row is missing.
        let image = page(rows: [50, 100, 150, 200], columns: [40, 200, 300, 400, 500], verticalGaps: [(200, 50, 100)])
        let tables = TableGrid.tables(in: RulingLines(image: image, dpi: 100), dpi: 100)
        let table = try #require(tables.first)
        #expect(tables.count == 1)
        #expect(table.rowCount == 3)
        #expect(table.columnCount == 4)
        #expect(table.cells.count == 11)
        let merged = try #require(table.cells.first)
        #expect(merged.row == 0 && merged.column == 0 && merged.columnSpan == 2 && merged.rowSpan == 1)
    }

    @Test func textStrokesAreNotRules() {
        // A short dark dash (a character's stroke) is far shorter than a rule.
        var image = GrayImage(width: 300, height: 200, pixels: [UInt8](repeating: 245, count: 300 * 200))
        for x in 100 ..< 115 { image.pixels[100 * 300 + x] = 0 }
        let lines = RulingLines(image: image, dpi: 100)
        #expect(lines.horizontal.isEmpty && lines.vertical.isEmpty)
    }

    private func number(_ text: String, _ confidence: Double) -> TableField { .number(NumberReading(text: text, confidence: confidence)) }

    @Test func aRowThatDoesNotAddUpLosesItsUnsureNumbers() {
        let row: [TableField] = [.label("一、本年新收政府信息公开申请数量"), number("21", 96), number("0", 85), number("0", 96),
                                 number("0", 96), number("0", 96), number("0", 96), number("27", 88)]
        let checked = TableArithmetic(sure: 93).check([row])[0]
        #expect(checked[1] == number("21", 96))
        #expect(checked[2] == .number(.unknown))
        #expect(checked[7] == .number(.unknown))
    }

    @Test func aRowPrintedUnbalancedAndReadSurelyStands() {
        // 洪泽区 表四 as printed: 维持 10, 纠正 1, 总计 0.
        let reading = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0].map { number(String($0), 96) }
        #expect(TableArithmetic(sure: 93).check([reading])[0] == reading)
    }

    @Test func onlyConfidentSingleNumbersAreRead() {
        let line = RecognizedWord.LineKey(block: 1, paragraph: 1, line: 1)
        let word = { (text: String, confidence: Double) in RecognizedWord(text: text, confidence: confidence, line: line, left: 0) }
        #expect(NumberReading(words: [word("4119", 95)], accept: 80).text == "4119")
        #expect(NumberReading(words: [word("7730.28", 91)], accept: 80).text == "7730.28")
        #expect(NumberReading(words: [word("4119", 60)], accept: 80).text == nil)
        #expect(NumberReading(words: [word("05", 95)], accept: 80).text == nil)
        #expect(NumberReading(words: [word("1", 95), word("0", 95)], accept: 80).text == nil)
        #expect(NumberReading(words: [], accept: 80).text == nil)
    }

    @Test func chineseSpacingIsRemoved() {
        #expect(OCRText.joiningChinese("洪 泽 区 人 民 政 府 2023 年") == "洪泽区人民政府2023年")
        #expect(OCRText.joiningChinese("hzzwgk@126.com )") == "hzzwgk@126.com )")
    }
}
