import GongkaiModel

/// Every count is a whole, non-negative number. Only 表二's money columns may be decimal and only
/// the 2019 format's 本年增/减 may be negative. Text and unknown cells are left to the other rules.
enum CellValueRules {
    /// One cell to inspect, with where it stands and what it may hold.
    struct Value {
        var place: String
        var key: String
        var cell: Cell
        var line: Int?
        var mayBeDecimal = false
        var mayBeNegative = false
    }

    static func check(_ tables: Tables) -> [RuleOutcome] {
        values(tables).compactMap(check)
    }

    /// nil for a cell that is not a number (nothing to check there).
    static func check(_ value: Value) -> RuleOutcome? {
        guard let number = value.cell.number else { return nil }
        let whole = value.mayBeDecimal || number == number.rounded()
        let signOK = value.mayBeNegative || number >= 0
        if whole && signOK { return .passed(.cellsWholeNumber) }
        let message = CheckMessages.badCell(value.place, value.cell.display, whole ? .negative : .notWhole)
        return .failed(.cellsWholeNumber, message, line: value.line, cells: [value.key])
    }

    static func values(_ tables: Tables) -> [Value] {
        var result: [Value] = []
        if let t = tables.applications {
            for row in t.rowOrder {
                for column in ApplicantColumn.allCases {
                    result.append(Value(place: "\(OfficialTable.applications.label) · \(row.qualifiedLabel) · \(column.label)",
                                        key: CellKey.application(row, column), cell: t[row, column], line: t.rows[row]?.line ?? t.line))
                }
            }
        }
        if let t = tables.reviews {
            for group in ReviewGroup.allCases {
                for column in ReviewColumn.allCases {
                    result.append(Value(place: "\(OfficialTable.reviews.label) · \(group.label) · \(column.label)",
                                        key: CellKey.review(group, column), cell: t[group, column], line: t.groups[group]?.line ?? t.line))
                }
            }
        }
        if let t = tables.proactive {
            for item in ProactiveItem.items(for: t.format) {
                for column in item.columns(for: t.format) {
                    result.append(Value(place: "\(OfficialTable.proactive.label) · \(item.label) · \(column.label(in: t.format, item: item))",
                                        key: CellKey.proactive(item, column), cell: t[item, column], line: t.rows[item]?.line ?? t.line,
                                        mayBeDecimal: column == .amount, mayBeNegative: column == .change))
                }
            }
        }
        return result
    }
}
