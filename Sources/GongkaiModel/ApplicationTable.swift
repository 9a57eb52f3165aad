/// 表三 收到和处理政府信息公开申请情况: 25 rows × 7 columns (23 rows where （六）其他处理 is one row).
public struct ApplicationTable: Hashable, Sendable {
    /// How （六）其他处理 is laid out: three sub-rows (2021 format) or one row (2019 format, and
    /// some 2021-format reports).
    public enum OtherHandlingLayout: String, CaseHashable, Sendable, Codable {
        case threeRows, singleRow
    }

    public var otherHandling: OtherHandlingLayout
    public var rows: [ApplicationRow: TableRow<ApplicantColumn>]
    /// The line where the table starts.
    public var line: Int?

    public init(otherHandling: OtherHandlingLayout = .threeRows, rows: [ApplicationRow: TableRow<ApplicantColumn>] = [:], line: Int? = nil) {
        self.otherHandling = otherHandling
        self.rows = rows
        self.line = line
    }

    /// The rows of this table's layout, in the order the table prints them.
    public var rowOrder: [ApplicationRow] { ApplicationRow.order(for: otherHandling) }

    public subscript(row: ApplicationRow, column: ApplicantColumn) -> Cell {
        get { rows[row]?[column] ?? .unknown }
        set { rows[row, default: TableRow()][column] = newValue }
    }

    public func row(_ row: ApplicationRow) -> TableRow<ApplicantColumn> { rows[row] ?? TableRow() }

    /// Every cell of the layout.
    public var allCells: [Cell] { rowOrder.flatMap { row in ApplicantColumn.allCases.map { self[row, $0] } } }
}

/// Reads the export's JSON back (`ReportJSON` writes it).
extension ApplicationTable: Decodable {
    enum CodingKeys: String, CodingKey { case rows, line, otherHandling }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        otherHandling = try container.decode(OtherHandlingLayout.self, forKey: .otherHandling)
        line = try container.decodeIfPresent(Int.self, forKey: .line)
        rows = [:]
        let rowsContainer = try container.nestedContainer(keyedBy: RowCodingKey.self, forKey: .rows)
        for key in ApplicationRow.order(for: otherHandling) where rowsContainer.contains(RowCodingKey(key.rawValue)) {
            rows[key] = try TableRow.decode(from: rowsContainer.superDecoder(forKey: RowCodingKey(key.rawValue)), columns: ApplicantColumn.allCases)
        }
    }
}
extension ApplicationTable.OtherHandlingLayout: ModelEnum {}
