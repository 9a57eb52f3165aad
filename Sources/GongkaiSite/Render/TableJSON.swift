import GongkaiModel

/// The mandated tables as the export's JSON: every row and column of the table's layout, in
/// byte order of the keys, an unknown cell as null.
enum TableJSON {
    static func cell(_ cell: Cell, _ o: inout JSONWriter) {
        switch cell {
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { o.int(Int(Int64(value))) } else { o.double(value) }
        case .text(let text): o.string(text)
        case .unknown: o.null()
        }
    }

    /// A row's cells and its `line`, keys merged in byte order.
    private static func row<Column: RawRepresentable & Sendable>(_ row: TableRow<Column>, keys: [SortedKey<Column>], _ o: inout JSONWriter) where Column.RawValue == String {
        o.object { r in
            for key in keys {
                r.key(key.name)
                if let column = key.column { cell(row[column], &r) } else { r.int(row.line) }
            }
        }
    }

    static func applications(_ table: ApplicationTable, _ o: inout JSONWriter) {
        o.object { a in
            a.key("line"); a.int(table.line)
            a.key("otherHandling"); a.string(table.otherHandling.rawValue)
            a.key("rows")
            a.object { rows in
                for key in Order.applicationRows(table.otherHandling) {
                    rows.key(key.rawValue)
                    row(table.row(key), keys: Order.applicantColumns, &rows)
                }
            }
        }
    }

    static func reviews(_ table: ReviewTable, _ o: inout JSONWriter) {
        o.object { r in
            for key in Order.reviewKeys {
                r.key(key.name)
                if let group = key.column { row(table.groups[group] ?? TableRow(), keys: Order.reviewColumns, &r) } else { r.int(table.line) }
            }
        }
    }

    /// Items with one column are a bare cell, others an object; `format`, `line` and `lines`
    /// sort among the item names.
    static func proactive(_ table: ProactiveTable, _ o: inout JSONWriter) {
        let items = Order.proactiveItems(table.format)
        o.object { p in
            for key in Order.proactiveKeys(table.format) {
                p.key(key.name)
                switch key.column {
                case .some(let item):
                    let columns = item.columns(for: table.format)
                    let row = table.row(item)
                    if columns.count == 1 {
                        cell(row[columns[0]], &p)
                    } else {
                        p.object { c in
                            for column in Order.sorted(columns) {
                                c.key(column.rawValue)
                                cell(row[column], &c)
                            }
                        }
                    }
                case .none where key.name == "format": p.string(table.format.rawValue)
                case .none where key.name == "line": p.int(table.line)
                case .none:
                    p.object { l in
                        for item in items {
                            l.key(item.rawValue)
                            l.int(table.row(item).line)
                        }
                    }
                }
            }
        }
    }
}

/// A key of an object whose keys mix a table's columns (or rows) with fixed names.
struct SortedKey<Column: Sendable>: Sendable {
    var name: String
    /// nil: one of the fixed names.
    var column: Column?
}

/// Key orders of the tables, sorted once.
private enum Order {
    static func sorted<Value: RawRepresentable>(_ values: [Value]) -> [Value] where Value.RawValue == String {
        values.sorted { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }
    }

    static func merged<Value: RawRepresentable & Sendable>(_ values: [Value], fixed: [String]) -> [SortedKey<Value>] where Value.RawValue == String {
        (values.map { SortedKey(name: $0.rawValue, column: $0) } + fixed.map { SortedKey(name: $0, column: nil) })
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    static let applicantColumns = merged(ApplicantColumn.allCases, fixed: ["line"])
    static let reviewColumns = merged(ReviewColumn.allCases, fixed: ["line"])
    static let reviewKeys = merged(ReviewGroup.allCases, fixed: ["line"])
    private static let threeRows = sorted(ApplicationRow.order(for: .threeRows))
    private static let singleRow = sorted(ApplicationRow.order(for: .singleRow))
    private static let proactive2021 = merged(ProactiveItem.items(for: .f2021), fixed: ["format", "line", "lines"])
    private static let proactive2019 = merged(ProactiveItem.items(for: .f2019), fixed: ["format", "line", "lines"])
    private static let items2021 = sorted(ProactiveItem.items(for: .f2021))
    private static let items2019 = sorted(ProactiveItem.items(for: .f2019))

    static func applicationRows(_ layout: ApplicationTable.OtherHandlingLayout) -> [ApplicationRow] {
        layout == .threeRows ? threeRows : singleRow
    }

    static func proactiveKeys(_ format: ReportFormat) -> [SortedKey<ProactiveItem>] {
        format == .f2021 ? proactive2021 : proactive2019
    }

    static func proactiveItems(_ format: ReportFormat) -> [ProactiveItem] {
        format == .f2021 ? items2021 : items2019
    }
}
