import GongkaiModel

/// 表三's arithmetic (format.md §3.3): the column balance, the outcome total, the row totals.
enum ApplicationTableRules {
    static let table = OfficialTable.applications.label

    static func check(_ applications: ApplicationTable) -> [RuleOutcome] {
        let outcomes = ApplicationRow.outcomes(for: applications.otherHandling)
        // Each row looked up once for all seven columns, and the relations' lines found once.
        let rows = Rows(applications, outcomes: outcomes)
        let balanceLine = firstLine(applications, [.newReceived, .carriedOver, .outcomeTotal, .carriedForward])
        let outcomeLine = firstLine(applications, [.outcomeTotal] + outcomes)
        var result: [RuleOutcome] = []
        result.reserveCapacity(2 * ApplicantColumn.allCases.count + applications.rowOrder.count)
        for column in ApplicantColumn.allCases { result.append(balance(rows, column, line: balanceLine)) }
        for column in ApplicantColumn.allCases { result.append(outcomeTotal(rows, column, line: outcomeLine)) }
        for row in applications.rowOrder { result.append(rowTotal(applications, row)) }
        return result
    }

    /// The rows the column relations read, each looked up once.
    struct Rows {
        var newReceived, carriedOver, outcomeTotal, carriedForward: TableRow<ApplicantColumn>?
        var outcomes: [(row: ApplicationRow, cells: TableRow<ApplicantColumn>?)]

        init(_ t: ApplicationTable, outcomes: [ApplicationRow]) {
            newReceived = t.rows[.newReceived]
            carriedOver = t.rows[.carriedOver]
            outcomeTotal = t.rows[.outcomeTotal]
            carriedForward = t.rows[.carriedForward]
            self.outcomes = outcomes.map { ($0, t.rows[$0]) }
        }
    }

    /// 一 + 二 = 三（七）总计 + 四, printed in the table itself.
    static func balance(_ rows: Rows, _ column: ApplicantColumn, line: Int?) -> RuleOutcome {
        let relation = SumRelation(
            left: [term(rows.newReceived, .newReceived, column), term(rows.carriedOver, .carriedOver, column)],
            right: [term(rows.outcomeTotal, .outcomeTotal, column), term(rows.carriedForward, .carriedForward, column)])
        return relation.outcome(.applicationsBalance, at: "\(table) · \(column.label)", names: (Wording("一+二"), Wording("三(七)+四")), line: line)
    }

    /// （七）总计 = the outcome rows （一）…（六） of the table's layout.
    static func outcomeTotal(_ rows: Rows, _ column: ApplicantColumn, line: Int?) -> RuleOutcome {
        let relation = SumRelation(
            left: [term(rows.outcomeTotal, .outcomeTotal, column)],
            right: rows.outcomes.map { term($0.cells, $0.row, column) })
        return relation.outcome(.applicationsOutcomeTotal, at: "\(table) · \(column.label)",
                                names: (Wording(OutcomeGroup.total.label), Wording("（一）+…+（六）")), line: line,
                                spellRight: spellNonZero)
    }

    /// 总计 = the six applicant columns, for one row.
    static func rowTotal(_ t: ApplicationTable, _ row: ApplicationRow) -> RuleOutcome {
        // The row looked up once, not once per cell.
        let cells = t.rows[row]
        let term = { (column: ApplicantColumn) in Term(.application(row, column), cell: cells?[column] ?? .unknown) }
        let relation = SumRelation(left: ApplicantColumn.applicants.map(term), right: [term(.total)])
        return relation.outcome(.applicationsRowTotal, at: "\(table) · \(row.qualifiedLabel)", names: rowTotalNames,
                                line: cells?.line ?? t.line)
    }

    static let rowTotalNames = (
        left: Wording("\(ApplicantColumn.applicants.first?.label ?? "")+…+\(ApplicantColumn.applicants.last?.label ?? "")"),
        right: Wording(ApplicantColumn.total.label))

    static func term(_ t: ApplicationTable, _ row: ApplicationRow, _ column: ApplicantColumn) -> Term {
        Term(.application(row, column), cell: t[row, column])
    }

    /// `term` of a row already looked up (`t[row, column]` is `rows[row]?[column] ?? .unknown`).
    static func term(_ cells: TableRow<ApplicantColumn>?, _ row: ApplicationRow, _ column: ApplicantColumn) -> Term {
        Term(.application(row, column), cell: cells?[column] ?? .unknown)
    }

    /// The line of the first of `rows` the parser located, else the table's.
    static func firstLine(_ t: ApplicationTable, _ rows: [ApplicationRow]) -> Int? {
        rows.lazy.compactMap { t.rows[$0]?.line }.first ?? t.line
    }

    /// A long sum spelled as its total and the rows that contribute: `1 (（三）5.属于三类内部事务信息 1)`.
    static func spellNonZero(_ terms: [Term]) -> Wording {
        let nonZero = terms.filter { ($0.cell.number ?? 0) != 0 }.map { "\($0.label) \($0.cell.display)" }
        return CheckMessages.sumWithParts(total: Cell.format(SumRelation.sum(terms)), parts: nonZero)
    }
}
