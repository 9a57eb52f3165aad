import GongkaiModel

/// Issued (印发) by the deadline of the body's kind (条例第四十九条: departments by 1月31日, local
/// governments by 3月31日, each configurable), or by the site's one `deadline` when set. A body
/// of unknown kind has no known deadline: not scored, never called late.
enum TimelinessRules {
    static func check(_ report: Report, config: SiteConfig) -> [RuleOutcome] {
        guard let year = reportingYear(report) else {
            return [.notScored(.timelinessDeadline, CheckMessages.yearUnknown)]
        }
        guard let issued = report.issued.date, let date = isoDate(issued) else {
            return [.notScored(.timelinessDeadline, CheckMessages.issueDateUnknown)]
        }
        guard let applied = applicable(report, config: config) else {
            return [.notScored(.timelinessDeadline, CheckMessages.kindUnknown)]
        }
        let deadline = deadline(forYear: year, applied.day)
        if date <= deadline { return [.passed(.timelinessDeadline)] }
        let message = CheckMessages.late(issued: issued, deadline: deadline, reason: applied.reason)
        return [.failed(.timelinessDeadline, message, line: report.lines["issued.date"] ?? report.lines["issued"])]
    }

    /// The deadline that applies to the report and why; nil when the body's kind is unknown.
    static func applicable(_ report: Report, config: SiteConfig) -> (day: SiteConfig.MonthDay, reason: Wording)? {
        if let day = config.deadline { return (day, CheckMessages.siteDeadline) }
        // a report made without the parser (or exported before kinds) has its kind read from its name
        let kind = report.kind ?? report.body.map(BodyKind.reading)
        guard let group = kind?.deadlineGroup, let day = config.deadlines[group] else { return nil }
        let configured = day != SiteConfig.defaultDeadlines[group]
        return (day, CheckMessages.deadlineReason(group, kind: kind, day: day, configured: configured))
    }

    /// e.g. `2023-01-31` for a 2022 report and 1-31.
    static func deadline(forYear year: Int, _ day: SiteConfig.MonthDay) -> String {
        "\(year + 1)-\(twoDigits(day.month))-\(twoDigits(day.day))"
    }

    static func reportingYear(_ report: Report) -> Int? {
        report.year ?? report.period.flatMap { Int($0.end.prefix(4)) }
    }

    /// The date if it is ISO `YYYY-MM-DD` (so that string order is date order), else nil.
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return "\(parts[0])-\(twoDigits(month))-\(twoDigits(day))"
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
