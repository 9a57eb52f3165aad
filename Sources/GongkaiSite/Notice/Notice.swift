import GongkaiCheck
import GongkaiModel

/// 整改通知: what one body is asked to correct in one year's report — its open findings grouped by
/// the part of the completeness score they belong to, each with the line of the report it rests on
/// and the points it cost, and the reply deadline of the site's configuration. The page, the Word
/// file and the year's archive are all written from this one value.
struct Notice: Sendable, Hashable {
    struct Item: Sendable, Hashable {
        /// The rule as the site names it, e.g. 表三：（七）总计等于各办理结果之和.
        var title: String
        /// The finding as the site shows it, in Chinese.
        var message: String
        var severity: Finding.Severity
        /// The report's line the finding points at; nil: not located.
        var line: Int?
        /// That line's text as printed (shortened when very long); nil when it is blank or the text is not at hand.
        var quote: String?
        /// The text is at hand and the line is blank (or past its end).
        var blankLine = false
        /// The finding is that something is missing: the line is where it was looked for, not a line to quote.
        var absent = false
        /// The points the finding cost (its deductions at the same rule and line, at the part's
        /// configured size, as the report page shows them); 0 when none.
        var points: Double
    }

    struct Group: Sendable, Hashable {
        /// The score part, e.g. 表格勾稽关系正确.
        var label: String
        var points: Double
        var max: Double
        var items: [Item]
    }

    var reportID: String
    /// The body the notice is addressed to: its name on the roster, else as its report prints it.
    var addressee: String
    var year: Int?
    /// The report's title as printed, else the site's heading for it.
    var reportTitle: String
    var score: Double?
    var groups: [Group]
    /// `2023-05-31`; nil: no deadline configured.
    var replyBy: String?
    var issuer: String?

    var title: String { "关于\(addressee)\(yearText)政府信息公开工作年度报告问题的整改通知" }
    var yearText: String { year.map { "\($0)年" } ?? "" }
    var itemCount: Int { groups.reduce(0) { $0 + $1.items.count } }
    var totalPoints: Double { groups.reduce(0) { $0 + $1.items.reduce(0) { $0 + $1.points } } }

    /// The notice of `report`, or nil when there is nothing to send: no open finding a body can
    /// act on, or no body named to send it to.
    /// Points are shown as the report page shows them (`ScoreView`): each part against its configured
    /// maximum, one decimal.
    static func make(_ report: Report, config: SiteConfig) -> Notice? {
        guard let addressee = addressee(of: report, config: config) else { return nil }
        let view = report.score.map { ScoreView(score: $0, weights: config.weights) }
        let scale = view?.scale ?? 1
        let actionable = report.findings.filter(NoticeRules.isActionable)
        guard !actionable.isEmpty else { return nil }
        let lines = SourceLines(report)
        var groups: [Group] = []
        for part in ScorePart.allCases {
            let findings = actionable.filter { RuleID(rawValue: $0.rule)?.rule.part == part }
                .sorted { ($0.line ?? Int.max, $0.severity) < ($1.line ?? Int.max, $1.severity) }
            guard !findings.isEmpty else { continue }
            let scored = report.score?.parts.first { $0.id == part.rawValue }
            let items = findings.map { finding in
                Item(title: Labels.rule(finding.rule), message: Labels.findingText(finding.messageZh, rule: finding.rule),
                     severity: finding.severity, line: finding.line, quote: finding.line.flatMap { lines.quote($0, focus: Self.focus(of: finding)) },
                     blankLine: lines.hasText && finding.line.map(lines.isBlank) == true,
                     absent: NoticeRules.absenceRules.contains(finding.rule), points: points(of: finding, in: scored) / scale)
            }
            let max = scored.map { $0.max > 0 ? view?.nominalMax($0) ?? 0 : 0 } ?? 0
            groups.append(Group(label: part.label, points: (scored?.points ?? 0) / scale, max: max, items: items))
        }
        return Notice(
            reportID: report.id, addressee: addressee, year: report.year, reportTitle: Labels.reportHeading(report),
            score: report.score?.total, groups: groups, replyBy: config.notice.replyDate(forReportYear: report.year),
            issuer: config.notice.issuer)
    }

    /// The body a notice of `report` is addressed to: its name on the roster, else as the report
    /// prints it; nil when it names none. Read from the summary alone.
    static func addressee(of report: Report, config: SiteConfig) -> String? {
        guard let named = report.body ?? report.town else { return nil }
        return config.roster.isEmpty ? named : BodyIdentity(report, roster: config.roster)?.rosterName ?? named
    }

    /// The deductions of `part` at the finding's rule and line, summed.
    static func points(of finding: Finding, in part: CompletenessScore.Part?) -> Double {
        guard let part else { return 0 }
        return part.deductions.filter { $0.rule == finding.rule && $0.line == finding.line }.reduce(0) { $0 + $1.points }
    }

    /// The label a finding is about, to find on a long line: the last part of its message before
    /// the comparison (`表三 · 自然人 · （七）总计 ≠ …` → `（七）总计`).
    static func focus(of finding: Finding) -> String? {
        guard let last = finding.messageZh.components(separatedBy: " · ").last, last.contains(" ≠ "),
              let label = last.components(separatedBy: " ≠ ").first?.trimmingCharacters(in: .whitespaces), label.count >= 2
        else { return nil }
        return label
    }

    /// `2023-05-31` → `2023年5月31日`.
    static func chineseDate(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }

    /// Points as the report page prints them: one decimal (`2.9`, `25.0`).
    static func pointsText(_ points: Double) -> String { ScoreView.oneDecimal(points) }
}

/// Which findings a notice carries: open ones (not dismissed in a review file) of a scored rule
/// that say what the body printed wrong or left out — its errors, and the warnings of rules whose
/// failure is an omission of the body's (no postcode, no email). Left out: findings about the
/// site's copy of the report (a second file of it, `reports.duplicate`; a text that stops early,
/// `text.incomplete`; cells the site could not read, `cells.unknown`), checks that could not be
/// made (warnings: an illegible section, a figure against an unknown cell), and notes.
enum NoticeRules {
    /// Warnings that are the body's own omissions, not the site's doubt.
    static let warningRules: Set<String> = [RuleID.preamblePostcode.rawValue, RuleID.preambleEmail.rawValue]
    /// Rules whose failure is that the report lacks something: the notice says so instead of
    /// quoting the line where it was looked for (a missing email is not on the title's line).
    static let absenceRules: Set<String> = Set([
        RuleID.sectionsPresent, .tablesPresent, .preamblePeriod, .preambleWebsite, .preambleAddress, .preamblePhone,
        .preamblePostcode, .preambleEmail,
    ].map(\.rawValue))

    static func isActionable(_ finding: Finding) -> Bool {
        guard finding.isOpen, RuleID(rawValue: finding.rule) != nil else { return false }
        switch finding.severity {
        case .error: return true
        case .warning: return warningRules.contains(finding.rule)
        case .note: return false
        }
    }
}

/// The lines of a report's text by their number in the source, for quoting.
struct SourceLines {
    private let lines: [Substring]
    private let first: Int
    /// A quoted line longer than this (a web page scraped onto one line) is cut, with an ellipsis.
    static let maxQuote = 120

    /// False when the report's text is not at hand (then no line can be quoted or called blank).
    var hasText: Bool { !(lines.count == 1 && lines[0].isEmpty) }

    init(_ report: Report) {
        lines = report.text.split(separator: "\n", omittingEmptySubsequences: false)
        first = report.textStartLine
    }

    /// Line `number` as printed, trimmed, each gap between table cells (a tab, or two blanks or
    /// more) shown as one wide space; nil when the text has no such line or it is blank. A line
    /// longer than `maxQuote` (a web page scraped onto one line) is quoted around the first place
    /// it holds `focus`, cut with `…`; without `focus` there, it is not quoted: its beginning would
    /// quote something else.
    func quote(_ number: Int, focus: String? = nil) -> String? {
        guard let text = cleaned(number) else { return nil }
        guard text.count > Self.maxQuote else { return text }
        guard let focus, let found = text.range(of: focus) else { return nil }
        let start = text.index(found.lowerBound, offsetBy: -Self.maxQuote / 4, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(start, offsetBy: Self.maxQuote, limitedBy: text.endIndex) ?? text.endIndex
        return (start > text.startIndex ? "…" : "") + text[start..<end] + (end < text.endIndex ? "…" : "")
    }

    /// The text is at hand and line `number` is blank or past its end.
    func isBlank(_ number: Int) -> Bool { hasText && cleaned(number) == nil }

    private func cleaned(_ number: Int) -> String? {
        let index = number - first
        guard lines.indices.contains(index) else { return nil }
        var text = ""
        var gap = ""
        for character in lines[index] {
            if character.isWhitespace {
                gap.append(character)
                continue
            }
            if !text.isEmpty, !gap.isEmpty { text += gap == " " ? " " : "　" }
            gap = ""
            text.append(character)
        }
        return text.isEmpty ? nil : text
    }
}
