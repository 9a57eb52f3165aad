/// Blank value cells of a web page's or Word file's table: unknown, in their column. Written out
/// as `blankCell`, which the parser reads as an unknown cell in its place (a plain empty cell
/// between tabs is dropped, since OCR'd tab tables shift them). Only an empty cell between two
/// value cells of a row (blank 法人或其他组织 cells between 自然人 and 总计): empty cells before
/// the values or after them are as often layout (a label merged over two columns, a ragged
/// row's padding) as blanks, and stay empty.
extension MergedCellGrid {
    /// A cell the source holds, empty (not a position covered by a merged cell).
    static let emptyCell = "\u{1}"
    /// What a blank value cell becomes in the text.
    static let blankCell = "[blank]"
}

enum BlankCells {
    static func mark(_ cells: [String]) -> [String] {
        let first = cells.firstIndex(where: isNumber) ?? cells.endIndex
        let last = cells.lastIndex(where: isValue) ?? -1
        return cells.enumerated().map { index, cell in
            guard cell == MergedCellGrid.emptyCell else { return cell }
            return index > first && index < last ? MergedCellGrid.blankCell : ""
        }
    }

    static func isNumber(_ cell: String) -> Bool {
        let trimmed = cell.filter { $0 != "," && $0 != " " }
        return !trimmed.isEmpty && Double(trimmed) != nil
    }

    /// A number or what a cell prints instead of one.
    static func isValue(_ cell: String) -> Bool {
        isNumber(cell) || ["/", "无", "—", "——", "-", "\\", "[illegible]"].contains(cell)
    }
}
