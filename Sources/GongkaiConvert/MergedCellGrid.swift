/// A table's cells placed on a grid, merged cells expanded: a cell spanning several columns or
/// rows has its text in its first (top-left) position and empty cells in the others, as the
/// national format's tables look when copied as tab-separated text. Each row becomes one line.
struct MergedCellGrid {
    struct Cell {
        var text: String
        var columns = 1
        var rows = 1
    }

    /// Spans beyond these are markup errors, not tables (and would make huge grids).
    static let maxColumns = 64
    static let maxRows = 1000

    private(set) var rows: [[String?]] = []

    /// Places HTML-style rows: each cell takes the next free position, skipping those covered
    /// by a cell from a row above (rowspan).
    init(htmlRows: [[Cell]]) {
        let rowCount = min(htmlRows.count, Self.maxRows)
        rows = Array(repeating: [], count: rowCount)
        for (r, cells) in htmlRows.prefix(rowCount).enumerated() {
            var column = 0
            for cell in cells {
                while column < rows[r].count, rows[r][column] != nil { column += 1 }
                guard column < Self.maxColumns else { break }
                let width = min(max(cell.columns, 1), Self.maxColumns - column)
                let height = cell.rows <= 0 ? rowCount - r : min(cell.rows, rowCount - r)
                for dr in 0..<height {
                    for dc in 0..<width {
                        place(dr == 0 && dc == 0 ? (cell.text.isEmpty ? Self.emptyCell : cell.text) : "", row: r + dr, column: column + dc)
                    }
                }
                column += width
            }
        }
    }

    /// Rows already laid out on the grid (Word gives each row's cells with their grid widths).
    init(gridRows: [[String]]) {
        rows = gridRows.prefix(Self.maxRows).map { $0.prefix(Self.maxColumns).map(Optional.some) }
    }

    private mutating func place(_ text: String, row: Int, column: Int) {
        while rows[row].count <= column { rows[row].append(nil) }
        if rows[row][column] == nil { rows[row][column] = text }
    }

    /// One line per row, cells tab-separated, trailing empty cells and empty rows left out. A
    /// blank value cell is written as `blankCell`, so that it stays in its column.
    var lines: [String] {
        rows.compactMap { row in
            var cells = BlankCells.mark(row.map { $0 ?? "" })
            while cells.last?.isEmpty == true { cells.removeLast() }
            return cells.isEmpty ? nil : cells.joined(separator: "\t")
        }
    }

    /// Cell text on one line: whitespace runs become one space (none between Chinese
    /// characters, where a line break inside a cell is only wrapping), tabs never survive.
    static func cellText(_ raw: String) -> String {
        InlineText.collapse(raw)
    }
}

/// Whitespace handling shared by Word and web pages.
enum InlineText {
    /// Runs of whitespace become one space, trimmed. A run with a line break between two CJK
    /// characters becomes nothing: it is only where the source wrapped (as CSS treats segment
    /// breaks between Chinese characters), while a typed space is kept.
    static func collapse(_ raw: String) -> String {
        var result = ""
        var pending = false
        var pendingBreak = false
        for scalar in raw.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{3000}" {
                pending = !result.isEmpty
                if scalar == "\n" || scalar == "\r" { pendingBreak = true }
                continue
            }
            if pending {
                let joinsChinese = pendingBreak && (result.unicodeScalars.last.map(isCJK) ?? false) && isCJK(scalar)
                if !joinsChinese { result.unicodeScalars.append(" ") }
            }
            pending = false
            pendingBreak = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF: true
        default: false
        }
    }
}
