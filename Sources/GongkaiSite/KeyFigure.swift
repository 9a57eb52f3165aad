import GongkaiModel

/// The figures compared across bodies and years, with the national format's terms as labels.
/// One table of data: the year comparison, the body page, the charts and the CSV all read it.
struct KeyFigure: Sendable {
    var id: String
    var label: String
    /// Shown on the body page's charts.
    var charted: Bool
    var value: @Sendable (Report) -> Cell
    /// The source line the value was read from, for a link into the report's text.
    var line: @Sendable (Report) -> Int? = { _ in nil }

    init(id: String, label: String, charted: Bool, line: @escaping @Sendable (Report) -> Int? = { _ in nil }, value: @escaping @Sendable (Report) -> Cell) {
        self.id = id
        self.label = label
        self.charted = charted
        self.line = line
        self.value = value
    }

    static let all: [KeyFigure] = [
        KeyFigure(id: "proactiveItems", label: "主动公开信息数（条）", charted: true, line: { $0.figures.proactiveItems?.line }) { report in
            report.figures.proactiveItems.map { .number($0.value) } ?? .unknown
        },
        KeyFigure(id: "applicationsReceived", label: "本年新收申请", charted: true, line: { rowLine(.newReceived, $0) ?? $0.figures.applicationsReceived?.line }) { report in
            if let table = report.tables.applications { return table[.newReceived, .total] }
            return report.figures.applicationsReceived.map { .number($0.value) } ?? .unknown
        },
        KeyFigure(id: "carriedOver", label: "上年结转申请", charted: false, line: { rowLine(.carriedOver, $0) }) { $0.tables.applications?[.carriedOver, .total] ?? .unknown },
    ] + OutcomeGroup.allCases.map { group in
        KeyFigure(id: "outcome.\(group.rawValue)", label: group.label, charted: false, line: { report in
            report.tables.applications.flatMap { table in table.rowOrder.first { $0.group == group }.flatMap { rowLine($0, report) } }
        }) { report in
            guard let table = report.tables.applications else { return .unknown }
            return outcomeTotal(group, in: table)
        }
    } + [
        KeyFigure(id: "carriedForward", label: "结转下年度继续办理", charted: false, line: { rowLine(.carriedForward, $0) }) { $0.tables.applications?[.carriedForward, .total] ?? .unknown },
        KeyFigure(id: "reconsideration", label: "行政复议（总计）", charted: true, line: { $0.tables.reviews?.line }) { $0.tables.reviews?[.reconsideration, .total] ?? .unknown },
        KeyFigure(id: "lawsuits", label: "行政诉讼（总计）", charted: true, line: { $0.tables.reviews?.line }) { report in
            guard let reviews = report.tables.reviews else { return .unknown }
            return sum([reviews[.lawsuitDirect, .total], reviews[.lawsuitAfterReconsideration, .total]])
        },
        KeyFigure(id: "fees", label: "行政事业性收费（万元）", charted: false, line: { $0.tables.proactive?.row(.fees).line }) { report in
            guard let proactive = report.tables.proactive, proactive.format == .f2021 else { return .unknown }
            return proactive[.fees, .amount]
        },
        KeyFigure(id: "score", label: "完整性得分", charted: true) { report in
            // an incomplete text is checked on what was received, not ranked
            report.incomplete ? .text("文本不完整") : report.score.map { .number(($0.total * 10).rounded() / 10) } ?? .unknown
        },
        KeyFigure(id: "errors", label: "勾稽错误（项）", charted: false) { report in
            .number(Double(ErrorCounts.arithmetic(report.findings)))
        },
    ]

    static func rowLine(_ row: ApplicationRow, _ report: Report) -> Int? { report.tables.applications?.row(row).line }

    /// An outcome group's 总计 column: the group's own row, or the sum of its sub-items.
    static func outcomeTotal(_ group: OutcomeGroup, in table: ApplicationTable) -> Cell {
        let rows = table.rowOrder.filter { $0.group == group }
        return sum(rows.map { table[$0, .total] })
    }

    /// The sum of numeric cells; unknown when any part is unknown. Text such as "/" or "无" counts as 0
    /// only when every cell is text (then the result is the text of the first).
    static func sum(_ cells: [Cell]) -> Cell {
        guard !cells.isEmpty, !cells.contains(.unknown) else { return .unknown }
        let numbers = cells.compactMap(\.number)
        if numbers.isEmpty { return cells[0] }
        return .number(numbers.reduce(0, +))
    }
}
