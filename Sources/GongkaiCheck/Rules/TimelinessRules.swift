import GongkaiModel

/// Issued (印发) by the deadline: config.deadlineMonth/Day of the year after the reporting year.
enum TimelinessRules {
    static func check(_ report: Report, config: SiteConfig) -> [RuleOutcome] {
        guard let year = reportingYear(report) else {
            return [.notScored(.timelinessDeadline, CheckMessages.yearUnknown)]
        }
        guard let issued = report.issued.date, let date = isoDate(issued) else {
            return [.notScored(.timelinessDeadline, CheckMessages.issueDateUnknown)]
        }
        let deadline = deadline(forYear: year, config: config)
        if date <= deadline { return [.passed(.timelinessDeadline)] }
        return [.failed(.timelinessDeadline, CheckMessages.late(issued: issued, deadline: deadline), line: report.lines["issued.date"] ?? report.lines["issued"])]
    }

    /// e.g. `2023-01-31` for a 2022 report with the default deadline.
    static func deadline(forYear year: Int, config: SiteConfig) -> String {
        "\(year + 1)-\(twoDigits(config.deadlineMonth))-\(twoDigits(config.deadlineDay))"
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
