import GongkaiModel

/// Every count is a whole, non-negative number. Only 表二's money columns may be decimal and only
/// the 2019 format's 本年增/减 may be negative. Text and unknown cells are left to the other rules.
enum CellValueRules {
    /// One cell to inspect, with where it stands and what it may hold. Its place and key are
    /// spelled only for a finding: a report has some 200 cells, nearly all of them fine.
    struct Value {
        var location: Location
        var cell: Cell
        var line: Int?
        var mayBeDecimal = false
        var mayBeNegative = false

        enum Location {
            case application(ApplicationRow, ApplicantColumn)
            case review(ReviewGroup, ReviewColumn)
            case proactive(ProactiveItem, ProactiveColumn, ReportFormat)
        }

        /// e.g. `表三 · （三）5.属于三类内部事务信息 · 自然人`.
        var place: String {
            switch location {
            case .application(let row, let column): "\(OfficialTable.applications.label) · \(row.qualifiedLabel) · \(column.label)"
            case .review(let group, let column): "\(OfficialTable.reviews.label) · \(group.label) · \(column.label)"
            case .proactive(let item, let column, let format):
                "\(OfficialTable.proactive.label) · \(item.label) · \(column.label(in: format, item: item))"
            }
        }

        var key: String {
            switch location {
            case .application(let row, let column): CellKey.application(row, column)
            case .review(let group, let column): CellKey.review(group, column)
            case .proactive(let item, let column, _): CellKey.proactive(item, column)
            }
        }
    }

    static func check(_ tables: Tables) -> [RuleOutcome] {
        var outcomes: [RuleOutcome] = []
        check(tables, into: &outcomes)
        return outcomes
    }

    /// `check`, appended to `outcomes`.
    static func check(_ tables: Tables, into outcomes: inout [RuleOutcome]) {
        for value in values(tables) {
            if let outcome = check(value) { outcomes.append(outcome) }
        }
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
        result.reserveCapacity(220)
        if let t = tables.applications {
            for row in t.rowOrder {
                let cells = t.rows[row]
                let line = cells?.line ?? t.line
                for column in ApplicantColumn.allCases {
                    result.append(Value(location: .application(row, column), cell: cells?[column] ?? .unknown, line: line))
                }
            }
        }
        if let t = tables.reviews {
            for group in ReviewGroup.allCases {
                let cells = t.groups[group]
                let line = cells?.line ?? t.line
                for column in ReviewColumn.allCases {
                    result.append(Value(location: .review(group, column), cell: cells?[column] ?? .unknown, line: line))
                }
            }
        }
        if let t = tables.proactive {
            for item in ProactiveItem.items(for: t.format) {
                let cells = t.rows[item]
                let line = cells?.line ?? t.line
                for column in item.columns(for: t.format) {
                    result.append(Value(location: .proactive(item, column, t.format), cell: cells?[column] ?? .unknown, line: line,
                                        mayBeDecimal: column == .amount, mayBeNegative: column == .change))
                }
            }
        }
        return result
    }
}
