import GongkaiModel

/// Whether a report was issued (印发) by its deadline, as the timeliness rule judged it: on time,
/// late, or unknown (no issue date, no year, or a body of unknown kind). A late finding that a
/// review file dismissed (已核实为误报) is not late.
public enum Timeliness: String, Sendable, CaseIterable {
    case onTime, late, unknown

    public static func of(_ report: Report, config: SiteConfig) -> Timeliness {
        guard let outcome = TimelinessRules.check(report, config: config).first, outcome.scored else { return .unknown }
        if outcome.loss == 0 { return .onTime }
        let rule = RuleID.timelinessDeadline.rawValue
        let open = report.findings.contains { $0.rule == rule && $0.isOpen }
        let dismissed = report.findings.contains { $0.rule == rule && !$0.isOpen }
        return open ? .late : dismissed ? .onTime : .unknown
    }

    /// The label the site shows.
    public var label: String { Self.labels[self] ?? rawValue }

    /// Data: the site's label of each judgement.
    public static let labels: [Timeliness: String] = [.onTime: "按时", .late: "逾期", .unknown: "未知"]
}
