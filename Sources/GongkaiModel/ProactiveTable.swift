/// 表二 主动公开政府信息情况: items of 条例第二十条 with the columns their format prints.
public struct ProactiveTable: Hashable, Sendable {
    public var format: ReportFormat
    public var rows: [ProactiveItem: TableRow<ProactiveColumn>]
    public var line: Int?

    public init(format: ReportFormat, rows: [ProactiveItem: TableRow<ProactiveColumn>] = [:], line: Int? = nil) {
        self.format = format
        self.rows = rows
        self.line = line
    }

    public subscript(item: ProactiveItem, column: ProactiveColumn) -> Cell {
        get { rows[item]?[column] ?? .unknown }
        set { rows[item, default: TableRow()][column] = newValue }
    }

    public func row(_ item: ProactiveItem) -> TableRow<ProactiveColumn> { rows[item] ?? TableRow() }

    /// Every cell of the layout.
    public var allCells: [Cell] {
        ProactiveItem.items(for: format).flatMap { item in item.columns(for: format).map { self[item, $0] } }
    }
}

/// The rows (信息内容) of 表二.
public enum ProactiveItem: String, CaseIterable, CaseHashable, Sendable, Codable {
    case regulations, normativeDocuments, licensing, otherServices, penalties, coercion, fees, procurement

    public var label: String {
        switch self {
        case .regulations: "规章"
        case .normativeDocuments: "行政规范性文件"
        case .licensing: "行政许可"
        case .otherServices: "其他对外管理服务事项"
        case .penalties: "行政处罚"
        case .coercion: "行政强制"
        case .fees: "行政事业性收费"
        case .procurement: "政府集中采购"
        }
    }

    /// 第二十条第（X）项, the sub-table the item belongs to.
    public var article: String {
        switch self {
        case .regulations, .normativeDocuments: "第二十条第（一）项"
        case .licensing, .otherServices: "第二十条第（五）项"
        case .penalties, .coercion: "第二十条第（六）项"
        case .fees: "第二十条第（八）项"
        case .procurement: "第二十条第（九）项"
        }
    }

    public static func items(for format: ReportFormat) -> [ProactiveItem] {
        switch format {
        case .f2021: [.regulations, .normativeDocuments, .licensing, .penalties, .coercion, .fees]
        case .f2019: allCases
        }
    }

    public func columns(for format: ReportFormat) -> [ProactiveColumn] {
        switch (format, self) {
        case (.f2021, .regulations), (.f2021, .normativeDocuments): [.issued, .repealed, .inForce]
        case (.f2021, .fees): [.amount]
        case (.f2021, _): [.decisions]
        case (.f2019, .regulations), (.f2019, .normativeDocuments): [.made, .published, .publishedTotal]
        case (.f2019, .fees): [.previousYear, .change]
        case (.f2019, .procurement): [.projects, .amount]
        case (.f2019, _): [.previousYear, .change, .decisions]
        }
    }
}

/// The columns of 表二 in both formats.
public enum ProactiveColumn: String, CaseIterable, CaseHashable, Sendable, Codable {
    // 2021 format
    case issued, repealed, inForce, decisions, amount
    // 2019 format
    case made, published, publishedTotal, previousYear, change, projects

    public func label(in format: ReportFormat, item: ProactiveItem) -> String {
        switch self {
        case .issued: "本年制发件数"
        case .repealed: "本年废止件数"
        case .inForce: "现行有效件数"
        case .decisions: format == .f2021 ? "本年处理决定数量" : "处理决定数量"
        case .amount: item == .procurement ? "采购总金额" : "本年收费金额（单位：万元）"
        case .made: "本年新制作数量"
        case .published: "本年新公开数量"
        case .publishedTotal: "对外公开总数量"
        case .previousYear: "上一年项目数量"
        case .change: "本年增/减"
        case .projects: "采购项目数量"
        }
    }
}

/// Reads the export's JSON back (`ReportJSON` writes it: items with one column are a bare cell,
/// others an object; the source line of every item is under `lines`).
extension ProactiveTable: Decodable {
    enum CodingKeys: String, CodingKey { case format, line, lines }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RowCodingKey.self)
        format = try container.decode(ReportFormat.self, forKey: RowCodingKey("format"))
        line = try container.decodeIfPresent(Int.self, forKey: RowCodingKey("line"))
        rows = [:]
        let lines = try container.decodeIfPresent([String: Int?].self, forKey: RowCodingKey("lines")) ?? [:]
        for item in ProactiveItem.items(for: format) {
            let columns = item.columns(for: format)
            var row = TableRow<ProactiveColumn>(line: lines[item.rawValue] ?? nil)
            if columns.count == 1 {
                row[columns[0]] = try container.decodeIfPresent(Cell.self, forKey: RowCodingKey(item.rawValue)) ?? .unknown
            } else if container.contains(RowCodingKey(item.rawValue)) {
                let nested = try container.nestedContainer(keyedBy: RowCodingKey.self, forKey: RowCodingKey(item.rawValue))
                for column in columns { row[column] = try nested.decodeIfPresent(Cell.self, forKey: RowCodingKey(column.rawValue)) ?? .unknown }
            }
            rows[item] = row
        }
    }
}
