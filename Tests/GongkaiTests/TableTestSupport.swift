import GongkaiModel
import GongkaiParse

/// Lines of a real fixture, with their file line numbers, for feeding the table parsers.
enum TableLines {
    static func of(_ fixture: String, _ range: ClosedRange<Int>) -> [DocumentLine] {
        let all = Fixture.text(fixture).split(separator: "\n", omittingEmptySubsequences: false)
        return range.compactMap { number in
            guard number >= 1, number <= all.count else { return nil }
            return DocumentLine(number: number, text: String(all[number - 1]))
        }
    }

    static func synthetic(_ texts: [String], from first: Int = 1) -> [DocumentLine] {
        texts.enumerated().map { DocumentLine(number: first + $0.offset, text: $0.element) }
    }
}

/// Cells as the tests write them: a number, or nil for unknown.
func values(_ cells: [Cell]) -> [Double?] { cells.map(\.number) }

extension ApplicationTable {
    /// The 总计 column in the table's row order.
    var totals: [Double?] { rowOrder.map { self[$0, .total].number } }
}

extension ReviewTable {
    var numbers: [Double?] { allCells.map(\.number) }
}
