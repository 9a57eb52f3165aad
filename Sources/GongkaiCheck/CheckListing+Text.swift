import Foundation
import GongkaiModel

/// The text form of `gongkai check`, in English (for pipelines and editors) or in Chinese (for
/// the officials who read the findings): every word that differs is in `Wording`.
extension CheckListing {
    public enum Language: String, Sendable, CaseIterable {
        case english = "en"
        case chinese = "zh"
    }

    /// The words of the listing in each language.
    struct Wording: Sendable {
        var severity: [Finding.Severity: String]
        var score: String
        var notScored: String
        var belowMinimum: @Sendable (_ total: String, _ minimum: String) -> String
        var summary: @Sendable (_ reports: Int, _ errors: Int, _ warnings: Int) -> String
        var lowest: @Sendable (_ total: String, _ file: String) -> String
        /// Before a dismissed finding's severity: it is listed, not counted.
        var dismissed: @Sendable (_ reason: String, _ who: String, _ date: String) -> String

        static let english = Wording(
            severity: [.error: "error", .warning: "warning", .note: "note"],
            score: "score", notScored: "not scored",
            belowMinimum: { "score \($0)/100 is below --min-score \($1)" },
            summary: { "\($0) \(plural($0, "report")) checked: \($1) \(plural($1, "error")), \($2) \(plural($2, "warning"))" },
            lowest: { "; lowest score \($0)/100 (\($1))" },
            dismissed: { "dismissed as a false alarm (\($0); \($1), \($2)), was " })

        static let chinese = Wording(
            severity: [.error: "错误", .warning: "警告", .note: "提示"],
            score: "得分", notScored: "不计分",
            belowMinimum: { "得分 \($0)/100，低于 --min-score \($1)" },
            summary: { "共检查 \($0) 份报告：错误 \($1) 处，警告 \($2) 处" },
            lowest: { "；最低分 \($0)/100（\($1)）" },
            dismissed: { "已核实为误报（\($0)；\($1)，\($2)），原为" })

        static func plural(_ count: Int, _ noun: String) -> String { count == 1 ? noun : noun + "s" }
    }

    /// `file:line: severity: message [rule]` per finding, a score line per report, a line per
    /// report below `minScore`, and a closing summary line (reports, errors, warnings, lowest score).
    public func lines(language: Language = .english, minScore: Double? = nil) -> [String] {
        let words = language == .chinese ? Wording.chinese : Wording.english
        let error = words.severity[.error] ?? "error"
        var lines = problems.map { "\(Self.location($0.file, $0.line)): \(error): \($0.message)" }
        for entry in entries {
            lines += zip(entry.report.findings, Finding.ids(entry.report.findings)).map { finding, id in
                let message = language == .chinese && !finding.messageZh.isEmpty ? finding.messageZh : finding.message
                let severity = words.severity[finding.severity] ?? finding.severity.rawValue
                let dismissed = finding.dismissal.map { words.dismissed($0.reason, $0.who, $0.date) } ?? ""
                return "\(Self.location(entry.file, finding.line)): \(dismissed)\(severity): \(message) [\(finding.rule) \(id)]"
            }
        }
        lines += entries.compactMap { entry in
            entry.report.score.map { "\(entry.file): \(words.score) \(Self.scoreLine($0, language: language, words: words))" }
        }
        if let minScore {
            lines += scoring(below: minScore).map { entry in
                "\(entry.file): \(words.belowMinimum(Self.number(entry.report.score?.total ?? 0), Self.number(minScore)))"
            }
        }
        var summary = words.summary(entries.count, errorCount, warningCount)
        if let lowest, let total = lowest.report.score?.total { summary += words.lowest(Self.number(total), lowest.file) }
        return lines + [summary]
    }

    /// `72.5/100 (sections 20.83/25, …, timeliness not scored)`.
    public static func scoreLine(_ score: CompletenessScore) -> String {
        scoreLine(score, language: .english, words: .english)
    }

    static func scoreLine(_ score: CompletenessScore, language: Language, words: Wording) -> String {
        let parts = score.parts.map { part in
            let name = language == .chinese ? part.label : part.id
            return part.max == 0 ? "\(name) \(words.notScored)" : "\(name) \(number(part.points))/\(number(part.max))"
        }
        return "\(number(score.total))/100 (\(parts.joined(separator: ", ")))"
    }

    static func location(_ file: String, _ line: Int?) -> String { line.map { "\(file):\($0)" } ?? file }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
