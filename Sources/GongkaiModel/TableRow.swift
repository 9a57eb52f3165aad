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

/// Encodes a row as `{"<column>": cell, …, "line": N}` in the schema's column order.
struct RowCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension TableRow where Column: RawRepresentable, Column.RawValue == String {
    func encode(to encoder: any Encoder, columns: [Column]) throws {
        var container = encoder.container(keyedBy: RowCodingKey.self)
        for column in columns { try container.encode(self[column], forKey: RowCodingKey(column.rawValue)) }
        try container.encode(line, forKey: RowCodingKey("line"))
    }

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
