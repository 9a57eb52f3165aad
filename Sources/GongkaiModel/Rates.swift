/// The rates an overseer and the third-party evaluations read off 表三 and 表四, defined once as
/// data: each one's Chinese name, its formula as the site shows it, and the cells (export paths)
/// its numerator and denominator add up. A rate whose inputs include an unknown cell is unknown;
/// one whose denominator is 0 is not applicable ("—"), never 0 % or NaN.
public struct RateDefinition: Sendable {
    /// The export key (`rates.<id>` in data/reports.json), in byte order in `all`.
    public var id: StaticString
    public var name: String
    /// The formula in the national format's terms, as the site prints it.
    public var formula: String
    public var numerator: [RateTerm]
    public var denominator: [RateTerm]
    /// A change against last year (申请量同比): signed, and needs the same body's last report.
    public var isChange: Bool { numerator.contains { $0.path.previousYear } || denominator.contains { $0.path.previousYear } }

    public var key: String { id.description }
}

/// One addend of a rate's numerator or denominator: a cell of 表三 or 表四, added or taken away.
public struct RateTerm: Sendable {
    public var path: CellPath
    public var sign: Double

    public static func plus(_ path: String) -> RateTerm { RateTerm(path: CellPath(path), sign: 1) }
    public static func minus(_ path: String) -> RateTerm { RateTerm(path: CellPath(path), sign: -1) }
}

extension RateDefinition {
    /// The rates, by key in byte order. 办理总数 is 表三's （七）总计 · 总计 (the applications
    /// decided this year); 表四's 纠错 is 结果纠正 over the cases decided (总计 − 尚未审结).
    public static let all: [RateDefinition] = [
        RateDefinition(id: "applicationsChange", name: "申请量同比", formula: "（本年新收申请 − 上年新收申请）÷ 上年新收申请",
                       numerator: [.plus("applications.newReceived.total"), .minus("previous.applications.newReceived.total")],
                       denominator: [.plus("previous.applications.newReceived.total")]),
        RateDefinition(id: "carryForward", name: "结转率", formula: "四、结转下年度继续办理 ÷（一、本年新收 + 二、上年结转）",
                       numerator: [.plus("applications.carriedForward.total")],
                       denominator: [.plus("applications.newReceived.total"), .plus("applications.carriedOver.total")]),
        RateDefinition(id: "disclosure", name: "公开率", formula: "（（一）予以公开 + （二）部分公开）÷（七）总计",
                       numerator: [.plus("applications.granted.total"), .plus("applications.partiallyGranted.total")],
                       denominator: [.plus("applications.outcomeTotal.total")]),
        RateDefinition(id: "lawsuitCorrection", name: "诉讼纠错率",
                       formula: "行政诉讼结果纠正 ÷（行政诉讼总计 − 尚未审结），未经复议直接起诉与复议后起诉合计",
                       numerator: [.plus("reviews.lawsuitDirect.corrected"), .plus("reviews.lawsuitAfterReconsideration.corrected")],
                       denominator: [.plus("reviews.lawsuitDirect.total"), .minus("reviews.lawsuitDirect.pending"),
                                     .plus("reviews.lawsuitAfterReconsideration.total"), .minus("reviews.lawsuitAfterReconsideration.pending")]),
        RateDefinition(id: "reconsiderationCorrection", name: "复议纠错率", formula: "行政复议结果纠正 ÷（行政复议总计 − 尚未审结）",
                       numerator: [.plus("reviews.reconsideration.corrected")],
                       denominator: [.plus("reviews.reconsideration.total"), .minus("reviews.reconsideration.pending")]),
        RateDefinition(id: "refusal", name: "不予公开率", formula: "（三）不予公开 ÷（七）总计",
                       numerator: ApplicationRow.allCases.filter { $0.group == .refused }.map { .plus("applications.\($0.rawValue).total") },
                       denominator: [.plus("applications.outcomeTotal.total")]),
        RateDefinition(id: "unable", name: "无法提供率", formula: "（四）无法提供 ÷（七）总计",
                       numerator: ApplicationRow.allCases.filter { $0.group == .unable }.map { .plus("applications.\($0.rawValue).total") },
                       denominator: [.plus("applications.outcomeTotal.total")]),
    ]

    /// The order the site lists them in: the outcome rates, then 表四's, then the flows.
    public static let shown: [String] = ["disclosure", "refusal", "unable", "reconsiderationCorrection", "lawsuitCorrection",
                                         "applicationsChange", "carryForward"]

    public static func named(_ key: String) -> RateDefinition? { all.first { $0.key == key } }
}

/// A cell of 表三 or 表四 by its export path (`applications.granted.total`,
/// `reviews.reconsideration.corrected`), `previous.` for the same body's report of the year before.
public struct CellPath: Hashable, Sendable {
    public enum Place: Hashable, Sendable {
        case application(ApplicationRow, ApplicantColumn)
        case review(ReviewGroup, ReviewColumn)
    }

    public var place: Place
    public var previousYear: Bool

    /// A path of the rates' own table: an invalid one is a programming error (`RateTests` reads them all).
    public init(_ path: String) {
        var parts = path.split(separator: ".").map(String.init)
        previousYear = parts.first == "previous"
        if previousYear { parts.removeFirst() }
        if parts.count == 3, parts[0] == "applications", let row = ApplicationRow(rawValue: parts[1]), let column = ApplicantColumn(rawValue: parts[2]) {
            place = .application(row, column)
        } else if parts.count == 3, parts[0] == "reviews", let group = ReviewGroup(rawValue: parts[1]), let column = ReviewColumn(rawValue: parts[2]) {
            place = .review(group, column)
        } else {
            preconditionFailure("not a cell path of 表三 or 表四: \(path)")
        }
    }

    /// The export path, as findings' `cells` name cells.
    public var key: String {
        let own = switch place {
        case .application(let row, let column): "applications.\(row.rawValue).\(column.rawValue)"
        case .review(let group, let column): "reviews.\(group.rawValue).\(column.rawValue)"
        }
        return previousYear ? "previous." + own : own
    }

    /// The cell as the tables print it, e.g. `表三 （一）予以公开 · 总计`, `上年 表三 …`.
    public var label: String {
        let own = switch place {
        case .application(let row, let column): "表三 \(row.qualifiedLabel) · \(column.label)"
        case .review(let group, let column): "表四 \(group.label) · \(column.label)"
        }
        return previousYear ? "上年" + own : own
    }

    /// The cell in `report` (or in `previous` for a last-year path); unknown without the table.
    public func cell(in report: Report, previous: Report?) -> Cell {
        guard let source = previousYear ? previous : report else { return .unknown }
        switch place {
        case .application(let row, let column):
            guard let table = source.tables.applications, table.rowOrder.contains(row) else { return .unknown }
            return table[row, column]
        case .review(let group, let column):
            return source.tables.reviews?[group, column] ?? .unknown
        }
    }
}
