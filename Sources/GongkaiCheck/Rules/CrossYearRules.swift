import GongkaiModel

/// Against the same body's report of the year before: carried-over applications and documents in force.
enum CrossYearRules {
    static func check(_ report: Report, previous: Report?) -> [RuleOutcome] {
        guard let previous else { return [] }
        return carriedOver(report, previous) + inForce(report, previous)
    }

    /// This year's 二、上年结转 = last year's 四、结转下年度继续办理, each column.
    static func carriedOver(_ report: Report, _ previous: Report) -> [RuleOutcome] {
        guard let now = report.tables.applications, let before = previous.tables.applications else { return [] }
        return ApplicantColumn.allCases.map { column in
            let relation = SumRelation(
                left: [Term(.application(.carriedOver, column), cell: now[.carriedOver, column])],
                right: [Term(.previous(.application(.carriedForward, column)), cell: before[.carriedForward, column])])
            // Spelled only for a finding (the autoclosure calls it): most years carry over as they should.
            let names = { (CheckMessages.thisYear(ApplicationRow.carriedOver.label), CheckMessages.lastYear(ApplicationRow.carriedForward.label, year: previous.year)) }
            return relation.outcome(.crossYearCarriedOver, at: "\(OfficialTable.applications.label) · \(column.label)", names: names(),
                                    line: now.rows[.carriedOver]?.line ?? now.line)
        }
    }

    /// 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数 (2021 format, both years).
    static func inForce(_ report: Report, _ previous: Report) -> [RuleOutcome] {
        guard let now = report.tables.proactive, let before = previous.tables.proactive,
              now.format == .f2021, before.format == .f2021 else { return [] }
        return [ProactiveItem.regulations, .normativeDocuments].map { item in
            // Moved to one side so the relation is a plain sum: in force + repealed = last year + issued.
            let relation = SumRelation(
                left: [term(now, item, .inForce), term(now, item, .repealed)],
                right: [Term(.previous(.proactive(item, .inForce)), cell: before[item, .inForce]), term(now, item, .issued)])
            let format = ReportFormat.f2021
            let label = { (column: ProactiveColumn) in column.label(in: format, item: item) }
            let names = { () -> (Wording, Wording) in
                let lastYear = CheckMessages.lastYear(label(.inForce), year: previous.year)
                return (CheckMessages.thisYear("\(label(.inForce))+\(label(.repealed))"),
                        Wording(en: "\(lastYear.en)+\(label(.issued))", zh: "\(lastYear.zh)+本年「\(label(.issued))」"))
            }
            return relation.outcome(.crossYearInForce, at: "\(OfficialTable.proactive.label) · \(item.label)", names: names(),
                                    line: now.rows[item]?.line ?? now.line)
        }
    }

    static func term(_ t: ProactiveTable, _ item: ProactiveItem, _ column: ProactiveColumn) -> Term {
        Term(.proactive(item, column), cell: t[item, column])
    }
}
