/// One row of a mandated table: its cells by column, and the source line it came from.
/// A column with no entry is unknown.
public struct TableRow<Column: Hashable & Sendable>: Hashable, Sendable {
    public var cells: [Column: Cell]
    public var line: Int?

    public init(cells: [Column: Cell] = [:], line: Int? = nil) {
        self.cells = cells
        self.line = line
    }

    public subscript(column: Column) -> Cell {
        get { cells[column] ?? .unknown }
        set { cells[column] = newValue }
    }
}

/// A row in the export is `{"<column>": cell, …, "line": N}`.
struct RowCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension TableRow where Column: RawRepresentable, Column.RawValue == String {
    static func decode(from decoder: any Decoder, columns: [Column]) throws -> TableRow {
        let container = try decoder.container(keyedBy: RowCodingKey.self)
        var row = TableRow()
        for column in columns {
            if let cell = try container.decodeIfPresent(Cell.self, forKey: RowCodingKey(column.rawValue)) { row.cells[column] = cell }
        }
        row.line = try container.decodeIfPresent(Int.self, forKey: RowCodingKey("line"))
        return row
    }
}

// Equality is semantic: an unknown cell equals an absent one, and a row with no known cell and
// no line equals no row, so that a model read back from JSON equals the one that was written.
extension TableRow {
    /// The cells that are not unknown.
    public var knownCells: [Column: Cell] { cells.filter { $0.value != .unknown } }

    public var isEmpty: Bool { line == nil && knownCells.isEmpty }

    public static func == (a: TableRow, b: TableRow) -> Bool { a.line == b.line && a.knownCells == b.knownCells }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(knownCells)
    }
}

extension Dictionary where Value: Hashable {
    /// The rows that hold something, for semantic comparison of tables.
    func nonEmptyRows<Column>() -> [Key: Value] where Value == TableRow<Column> { filter { !$0.value.isEmpty } }
}

extension ApplicationTable {
    public static func == (a: ApplicationTable, b: ApplicationTable) -> Bool {
        a.otherHandling == b.otherHandling && a.line == b.line && a.rows.nonEmptyRows() == b.rows.nonEmptyRows()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(otherHandling)
        hasher.combine(line)
        hasher.combine(rows.nonEmptyRows())
    }
}

extension ProactiveTable {
    public static func == (a: ProactiveTable, b: ProactiveTable) -> Bool {
        a.format == b.format && a.line == b.line && a.rows.nonEmptyRows() == b.rows.nonEmptyRows()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(format)
        hasher.combine(line)
        hasher.combine(rows.nonEmptyRows())
    }
}

extension ReviewTable {
    public static func == (a: ReviewTable, b: ReviewTable) -> Bool {
        a.line == b.line && a.groups.nonEmptyRows() == b.groups.nonEmptyRows()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(groups.nonEmptyRows())
    }
}
